// Strict UTF-8 decoding: text that is not UTF-8 is an error at its first bad byte, never a
// silent U+FFFD that ends up in out/.

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export type Decoded = { ok: true; text: string } | { ok: false; byteOffset: number; text: string };

/**
 * Decodes bytes as UTF-8 (a leading BOM is dropped). On failure, `byteOffset` is the first byte
 * that is not part of a well-formed sequence and `text` the valid text before it (to locate it).
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const byteOffset = firstInvalidByte(bytes);
    return { ok: false, byteOffset, text: decoder.decode(bytes.subarray(0, byteOffset)) };
  }
}

/** Index of the first byte of the first ill-formed sequence (RFC 3629 table 3-7), or bytes.length. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
