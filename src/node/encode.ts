/**
 * Text back to bytes in the encoding it was read in, BOM included, for the command line tool:
 * UTF-8 by the platform, GB18030 by iconv-lite (the platform decodes GB18030 but cannot encode
 * it). The extension encodes through `vscode.workspace.encode` instead and bundles no iconv-lite.
 */
import iconv from 'iconv-lite';
import type { Encoding } from '../core/decode';
import { encodeUtf8 } from '../core/encode';

export function encodeText(text: string, encoding: Encoding, bom: boolean): Uint8Array {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return encodeUtf8(text, bom);
}
