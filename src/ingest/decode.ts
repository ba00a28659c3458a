// Bytes → text: BOMs, UTF-8, UTF-16 and windows-1256 recognised without being told; binary and
// garbled input refused with a stable code instead of being analysed as noise.
import { MarsadError } from '../core/errors.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';
}

const MAGIC: Array<[name: string, bytes: number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** Share of characters that are control characters other than tab/newline/CR/form feed. */
function controlShare(text: string): number {
  let bad = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

/**
 * windows-1256 maps every byte, so it never fails: accept it only when the high bytes decode
 * mostly to Arabic letters (a Latin-1 or random-byte file does not).
 */
function plausibleArabic1256(text: string): boolean {
  let high = 0;
  let arabic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    high++;
    if ((c >= 0x0600 && c <= 0x06ff) || c === 0x00a0 || c === 0x200c || c === 0x200d || c === 0x200e || c === 0x200f) arabic++;
  }
  return high > 0 && arabic / high >= 0.8;
}

export function decodeBytes(buf: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (buf.length > maxBytes) {
    throw new MarsadError('E_TOO_LARGE', `input is ${(buf.length / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB`);
  }
  if (buf.length === 0) throw new MarsadError('E_EMPTY_INPUT', 'input is empty (0 bytes)');
  for (const [name, bytes] of MAGIC) {
    if (startsWith(buf, bytes)) throw new MarsadError('E_NOT_TEXT', `input is a ${name} file, not text`);
  }

  let decoded: Decoded | null = null;
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) {
    decoded = { text: strictUtf8(buf.subarray(3)), encoding: 'utf-8' };
  } else if (startsWith(buf, [0xff, 0xfe])) {
    decoded = { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  } else if (startsWith(buf, [0xfe, 0xff])) {
    decoded = { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  } else {
    if (looksBinary(buf)) throw new MarsadError('E_NOT_TEXT', 'input contains NUL bytes or control characters: it is binary, not text');
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
    } catch {
      const text = new TextDecoder('windows-1256').decode(buf);
      if (!plausibleArabic1256(text)) {
        throw new MarsadError('E_BAD_ENCODING', 'input is neither UTF-8 nor windows-1256 Arabic; convert it to UTF-8 first');
      }
      decoded = { text, encoding: 'windows-1256' };
    }
  }
  if (controlShare(decoded.text) > 0.01) throw new MarsadError('E_NOT_TEXT', 'input is binary, not text');
  if (decoded.text.trim().length === 0) throw new MarsadError('E_EMPTY_INPUT', 'input holds only whitespace');
  return decoded;
}

function strictUtf8(buf: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new MarsadError('E_BAD_ENCODING', 'input starts with a UTF-8 byte-order mark but is not valid UTF-8');
  }
}

function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 65536);
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) ctrl++;
  }
  return ctrl / n > 0.01;
}
