import type { Logger } from '../../src/logger';

/** One call to a {@link RecordingLogger}. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

/** A Logger that remembers every line, for assertions. */
export class RecordingLogger implements Logger {
  readonly lines: LogLine[] = [];

  debug(obj: object, msg?: string): void {
    this.lines.push({ level: 'debug', obj, msg });
  }

  info(obj: object, msg?: string): void {
    this.lines.push({ level: 'info', obj, msg });
  }

  warn(obj: object, msg?: string): void {
    this.lines.push({ level: 'warn', obj, msg });
  }

  error(obj: object, msg?: string): void {
    this.lines.push({ level: 'error', obj, msg });
  }

  /** The lines logged at one level. */
  at(level: LogLine['level']): LogLine[] {
    return this.lines.filter((line) => line.level === level);
  }
}
