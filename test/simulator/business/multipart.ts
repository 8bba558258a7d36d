/** Just enough multipart/form-data for the upload endpoints: named fields, a file's name, type and bytes. */

export interface FormPart {
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** The parts by field name, or undefined when the body is not multipart/form-data with a boundary. */
export function parseMultipart(contentType: string | undefined, body: Buffer): Map<string, FormPart> | undefined {
  const match = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!match) return undefined;
  const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
  const parts = new Map<string, FormPart>();
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const chunk = body.subarray(start + 2, next - 2); // after CRLF, before CRLF--boundary
    const split = chunk.indexOf('\r\n\r\n');
    if (split >= 0) {
      const headers = chunk.subarray(0, split).toString('utf8');
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      const type = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
      if (name) parts.set(name, { filename, contentType: type, data: chunk.subarray(split + 4) });
    }
    at = next;
  }
  return parts;
}
