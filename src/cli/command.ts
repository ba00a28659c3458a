// What every CLI command exports. Handlers are thin: parse and validate, call a command
// function, present the result.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MarsadError } from '../core/errors.js';

export interface IO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** true when stderr is a terminal (progress bars only then) */
  interactive: boolean;
}

export interface CommandModule {
  /** full help text: usage line, what it does, options, at least one example */
  help: string;
  run(args: string[], io: IO): Promise<number>;
}

/** util.parseArgs with Marsad's error code on unknown or malformed options. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new MarsadError('E_USAGE', (e as Error).message.replace(/^.*?: /, ''));
  }
}

export function writeLine(stream: NodeJS.WritableStream, line: string): void {
  stream.write(line + '\n');
}
