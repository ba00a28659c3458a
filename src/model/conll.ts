// Reading and writing the CoNLL column format (token first, tag last, blank line between
// sentences) so any standard tool can feed or score the tagger, and output lines up with input.

/** One input line: a token (with its gold tag if a tag column was present), a blank line, or a -DOCSTART- marker. */
export type ConllLine =
  | { kind: 'token'; token: string; tag: string | null }
  | { kind: 'blank' }
  | { kind: 'docstart'; raw: string };

export function parseConll(text: string): ConllLine[] {
  const lines = text.split(/\r?\n/);
  // a trailing newline is not a blank line of its own
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line): ConllLine => {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '') return { kind: 'blank' };
    if (cols[0] === '-DOCSTART-') return { kind: 'docstart', raw: line };
    return { kind: 'token', token: cols[0], tag: cols.length > 1 ? cols[cols.length - 1] : null };
  });
}

/** Indices [from, to) into the line list of each sentence: a maximal run of token lines. */
export function sentenceRanges(lines: readonly ConllLine[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const isToken = i < lines.length && lines[i].kind === 'token';
    if (isToken && start < 0) start = i;
    if (!isToken && start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

/** Sentences as token and tag arrays (tag 'O' where the line had no tag column). */
export function conllSentences(lines: readonly ConllLine[]): Array<{ tokens: string[]; tags: string[] }> {
  return sentenceRanges(lines).map(([a, b]) => {
    const toks = lines.slice(a, b) as Array<Extract<ConllLine, { kind: 'token' }>>;
    return { tokens: toks.map((t) => t.token), tags: toks.map((t) => t.tag ?? 'O') };
  });
}

/** Write lines back, replacing each token's tag with the predicted one (same order, same blanks). */
export function formatConll(lines: readonly ConllLine[], predicted: readonly string[]): string {
  let out = '';
  let k = 0;
  for (const line of lines) {
    if (line.kind === 'blank') out += '\n';
    else if (line.kind === 'docstart') out += '-DOCSTART- O\n';
    else out += `${line.token} ${predicted[k++]}\n`;
  }
  if (k !== predicted.length) throw new Error(`formatConll: ${predicted.length} tags for ${k} tokens`);
  return out;
}
