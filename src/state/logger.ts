/**
 * The little a storage component needs from a logger. pino's logger satisfies it, and tests can
 * record calls without a logging library.
 */
export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
