// The `marsad` command: dispatch to a command module, turn expected failures into one clear
// line with a stable code and exit status 2.
import { COMMANDS } from './commands/index.js';
import type { IO } from './command.js';
import { isMarsadError } from '../core/errors.js';

const VERSION = '0.1.0';

export function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'marsad — Arabic-first monitoring of terrorism and violent-extremism news',
    '',
    'Usage: marsad <command> [options]      marsad <command> --help for details and examples',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Examples:',
    '  marsad demo',
    '  marsad analyze article.txt --published 2017-03-24',
    '  marsad analyze --jsonl articles.jsonl > analyses.jsonl',
    '  marsad search "هجوم انتحاري"',
    '',
    'Data: the store lives in ./data/marsad.db unless --db or MARSAD_DB says otherwise.',
  ].join('\n');
}

export async function main(argv: string[], io: IO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(topHelp() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(VERSION + '\n');
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`marsad: E_USAGE: unknown command "${name}" (try marsad --help)\n`);
    return 2;
  }
  try {
    const mod = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(mod.help.trimEnd() + '\n');
      return 0;
    }
    return await mod.run(rest, io);
  } catch (e) {
    if (isMarsadError(e)) {
      io.stderr.write(`marsad ${name}: ${e.code}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
