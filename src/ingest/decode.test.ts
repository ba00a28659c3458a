import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.js';
import { MarsadError } from '../core/errors.js';

// windows-1256 bytes for "هجوم في المدينة" (written by hand from the code page table)
const CP1256 = Uint8Array.from([0xe5, 0xcc, 0xe6, 0xe3, 0x20, 0xdd, 0xed, 0x20, 0xc7, 0xe1, 0xe3, 0xcf, 0xed, 0xe4, 0xc9]);

const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as MarsadError).code;
  }
};

describe('decodeBytes', () => {
  it.each([
    ['plain UTF-8', Buffer.from('انفجار في السوق'), 'utf-8', 'انفجار في السوق'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('خبر عاجل')]), 'utf-8', 'خبر عاجل'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('news item', 'utf16le')]), 'utf-16le', 'news item'],
    ['windows-1256 Arabic', CP1256, 'windows-1256', 'هجوم في المدينة'],
  ])('%s', (_name, bytes, encoding, text) => {
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(text);
  });

  it.each([
    ['empty', new Uint8Array(0), 'E_EMPTY_INPUT'],
    ['whitespace only', Buffer.from(' \n\t \n'), 'E_EMPTY_INPUT'],
    ['NUL bytes', Uint8Array.from([0x41, 0x00, 0x42, 0x43]), 'E_NOT_TEXT'],
    ['PNG header', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'E_NOT_TEXT'],
    ['gzip header', Uint8Array.from([0x1f, 0x8b, 0x08, 0x00]), 'E_NOT_TEXT'],
    // Latin-1 French: invalid UTF-8, and not Arabic under windows-1256
    ['Latin-1 text', Buffer.from('Le député a été élu à Genève après une longue journée', 'latin1'), 'E_BAD_ENCODING'],
    ['BOM but invalid UTF-8', Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]), 'E_BAD_ENCODING'],
  ])('refuses %s', (_name, bytes, expected) => {
    expect(code(() => decodeBytes(bytes))).toBe(expected);
  });

  it('refuses input over the size cap before decoding it', () => {
    expect(code(() => decodeBytes(new Uint8Array(2048), 1024))).toBe('E_TOO_LARGE');
  });
});
