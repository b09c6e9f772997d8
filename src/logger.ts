import pino from 'pino';

/** The logging surface the bot uses (pino's), narrowed so tests can pass their own. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** An error's name and message only: stacks and request bodies can carry user text. */
export function errorSummary(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message.slice(0, 300) };
  return { name: 'Unknown', message: String(error).slice(0, 300) };
}

/** Structured JSON logs; message text never goes in at info level. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { service: 'eservices-support-bot' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
}
