/**
 * The company logo as the `logo` setting holds it (a PNG or JPEG data URL) and as PDFs draw it. Kept
 * apart from the settings so a PDF worker thread loads no more than drawing needs.
 */

/**
 * The largest logo accepted, in bytes of the image file. A letterhead logo is a few kilobytes, and the
 * settings (the logo with them) are read on every request.
 */
export const LOGO_MAX_BYTES = 100 * 1024;

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

/** `image/png` or `image/jpeg` from a file's first bytes (never from its name); null for anything else. */
export function imageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8));
  if (head.length >= 8 && head.equals(PNG_MAGIC)) return 'image/png';
  if (head.subarray(0, 3).equals(JPEG_MAGIC)) return 'image/jpeg';
  return null;
}

/** An image file's bytes as the data URL the `logo` setting holds; throws a readable message when unfit. */
export function logoDataUrl(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) throw new Error('the logo file is empty');
  if (bytes.byteLength > LOGO_MAX_BYTES) {
    throw new Error(`the logo is ${Math.ceil(bytes.byteLength / 1024)} KB; at most ${LOGO_MAX_BYTES / 1024} KB`);
  }
  const type = imageType(bytes);
  if (!type) throw new Error('the logo must be a PNG or JPEG image');
  return `data:${type};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}

/** The image bytes of a logo data URL, or null when there is none or it is not one of ours. */
export function logoBytes(logo: string | null | undefined): Buffer | null {
  const match = logo ? /^data:image\/(?:png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/.exec(logo) : null;
  return match ? Buffer.from(match[1]!, 'base64') : null;
}
