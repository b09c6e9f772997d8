import pino from 'pino';

/** The logging surface the bot uses (pino's), narrowed so tests can pass their own. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

/** Structured JSON logs; message text never goes in at info level. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'eservices-support-bot' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
