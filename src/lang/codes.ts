// Strings from code units gathered in a buffer. Hot loops that fold words collect the folded units
// in a Uint16Array and make one flat string at the end: appending unit by unit would allocate a chain
// of partial strings, and fromCharCode.apply over a typed-array view allocates the view and takes
// the generic argument-list path.

/** The string of the first n code units of b. */
export function stringFromCodes(b: Uint16Array, n: number): string {
  switch (n) {
    case 0: return '';
    case 1: return String.fromCharCode(b[0]);
    case 2: return String.fromCharCode(b[0], b[1]);
    case 3: return String.fromCharCode(b[0], b[1], b[2]);
    case 4: return String.fromCharCode(b[0], b[1], b[2], b[3]);
    case 5: return String.fromCharCode(b[0], b[1], b[2], b[3], b[4]);
    case 6: return String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5]);
    case 7: return String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5], b[6]);
    case 8: return String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
    case 9: return String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8]);
    case 10: return String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9]);
    case 11: return String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10]);
    case 12: return String.fromCharCode(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11]);
    default: {
      let out = '';
      for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, b.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
      return out;
    }
  }
}
