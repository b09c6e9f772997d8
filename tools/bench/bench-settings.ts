import { z } from 'zod';
import { readEnvironment } from '../../src/config';

const seconds = (fallback: number) => z.coerce.number().positive().default(fallback);
const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The benchmark's knobs, from BENCH_* environment variables; the defaults are the documented run. */
const settingsSchema = z.object({
  BENCH_WARMUP_SECONDS: seconds(3),
  /** Per server, for the throughput comparison. */
  BENCH_SECONDS: seconds(12),
  BENCH_CONNECTIONS: count(20),
  BENCH_SOAK_SECONDS: seconds(60),
  BENCH_MEMORY_TURNS: count(100_000),
  BENCH_MEMORY_CONVERSATIONS: count(20_000),
  /** Every n-th memory-run conversation goes through the local Direct Line. */
  BENCH_MEMORY_DIRECT_LINE_EVERY: count(4),
  BENCH_MEMORY_CONCURRENCY: count(32),
  BENCH_MEMORY_MAX_SECONDS: seconds(600),
  BENCH_STARTUP_RUNS: count(5),
  /** Node flags for both bench servers (e.g. --max-old-space-size=256), to try a setting. */
  BENCH_SERVER_NODE_FLAGS: z
    .string()
    .default('')
    .transform((flags) => flags.split(/\s+/).filter((flag) => flag.length > 0)),
  /** A folder: our bot's throughput run is profiled with --cpu-prof into it. */
  BENCH_CPU_PROF: z.string().optional(),
  /** The question set (the eval's format); defaults to the shared dev set. */
  BENCH_QUESTIONS: z.string().optional(),
  /** Our bot's log level under load; info, as in production. */
  BENCH_LOG_LEVEL: z.string().default('info'),
});

export type BenchSettings = z.infer<typeof settingsSchema>;

export function benchSettings(variables: Record<string, string | undefined> = readEnvironment()): BenchSettings {
  return settingsSchema.parse(variables);
}
