// `marsad schema analysis`: the contract as JSON Schema, generated from the zod schema.
import { writeLine, type IO } from '../command.js';
import { analysisJsonSchema } from '../../core/schema.js';
import { MarsadError } from '../../core/errors.js';

export const help = `Usage: marsad schema [analysis]

Print the JSON Schema (draft 2020-12) of the marsad.analysis/v1 object that "marsad analyze",
the HTTP API and the exports produce.

Example:
  marsad schema analysis > analysis.schema.json
`;

export async function run(args: string[], io: IO): Promise<number> {
  const what = args[0] ?? 'analysis';
  if (what !== 'analysis') throw new MarsadError('E_USAGE', `unknown schema "${what}" (known: analysis)`);
  writeLine(io.stdout, JSON.stringify(analysisJsonSchema(), null, 2));
  return 0;
}
