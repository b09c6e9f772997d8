/** A PNG image's size in pixels. */
export interface PngSize {
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Reads a PNG's width and height from its header, without decoding the image: the PNG format
 * requires the IHDR chunk first, right after the 8-byte signature, with width and height as
 * big-endian 32-bit integers at bytes 16 and 20.
 *
 * @returns the size, or undefined when the bytes are not a PNG (wrong signature, no IHDR, cut short).
 */
export function pngSize(bytes: Uint8Array): PngSize | undefined {
  if (bytes.length < 24) return undefined;
  if (!PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return undefined;
  const chunkType = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (chunkType !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
