/**
 * What an evidence file is, judged by its first bytes (never by its name or by what the
 * client claimed): PDF `%PDF-`, JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`.
 */
const SIGNATURES: ReadonlyArray<{ contentType: string; magic: readonly number[] }> = [
  { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The longest signature: how many bytes a caller must look at. */
export const SNIFF_BYTES = 8;

export function sniffContentType(head: Uint8Array): string | undefined {
  return SIGNATURES.find(({ magic }) => magic.length <= head.length && magic.every((byte, i) => head[i] === byte))
    ?.contentType;
}
