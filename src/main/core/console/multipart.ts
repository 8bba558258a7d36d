/** A multipart/form-data body (RFC 7578) for WeChat's upload endpoints (media, materials). */
import { randomBytes } from 'node:crypto';
import type { FormPart } from '../../../shared/models';

export interface Multipart {
  contentType: string;
  body: Buffer;
}

/** Quotes a name or file name for Content-Disposition: `"` and line breaks escaped as browsers do. */
function quoted(value: string): string {
  return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

export function buildMultipart(parts: readonly FormPart[]): Multipart {
  const boundary = `----wxtoken${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}`;
    if (part.file) {
      head += `; filename=${quoted(part.file.filename)}\r\nContent-Type: ${part.file.contentType || 'application/octet-stream'}`;
    }
    chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'));
    chunks.push(part.file ? Buffer.from(part.file.base64, 'base64') : Buffer.from(part.value ?? '', 'utf8'));
    chunks.push(Buffer.from('\r\n', 'utf8'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
