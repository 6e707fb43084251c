import type { Table } from './table';

type TextEncoding = NonNullable<Table['encoding']>;

const utf8Bom = [0xef, 0xbb, 0xbf];
const utf16leBom = [0xff, 0xfe];
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Decodes a text file from a Chinese office: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode
 * text"), or else GB18030, the superset of GBK/GB2312 that Excel writes on a Chinese Windows. Bytes
 * that are valid UTF-8 are taken as UTF-8: GBK text is practically never valid UTF-8 as a whole.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (startsWith(bytes, utf8Bom)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, utf16leBom)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
