import untypedAutocannon from 'autocannon';

/**
 * The part of autocannon's programmatic API the benchmark uses, typed here because the package
 * ships no types.
 */

/** Per-client, per-cycle scratch space autocannon hands to setupRequest and onResponse. */
export type LoadContext = Record<string, unknown>;

export interface LoadRequest {
  method?: 'GET' | 'POST';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called before each send; the returned request is sent. */
  setupRequest?: (request: LoadRequest, context: LoadContext) => LoadRequest;
  onResponse?: (status: number, body: string, context: LoadContext) => void;
}

export interface AutocannonOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  pipelining?: number;
  /** Seconds before a request counts as timed out. */
  timeout?: number;
  /**
   * Each connection walks this list in order, then starts again with a fresh context, so a list
   * is a script: later entries can use what earlier ones saw.
   */
  requests: LoadRequest[];
}

export interface Histogram {
  average: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  p99_9: number;
  total?: number;
}

export interface AutocannonResult {
  requests: Histogram;
  /** Milliseconds; 2xx responses only. */
  latency: Histogram;
  /** Seconds. */
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

// The package has no types (autocannon-module.ts declares it untyped): this is the part used here.
const autocannon = untypedAutocannon as (options: AutocannonOptions) => Promise<AutocannonResult>;

export function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  return autocannon(options);
}
