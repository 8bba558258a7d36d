/**
 * WeChat's message-push crypto (wechat-api.md §9), as the platform does it: AESKey = base64(EncodingAESKey + "="),
 * AES-256-CBC with IV = the key's first 16 bytes, plaintext = 16 random bytes ‖ 4-byte big-endian length ‖ message ‖
 * AppID (WeCom: the corpid), PKCS#7 padded to 32-byte blocks (not AES's 16), and sha1 signatures over the sorted parts.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const BLOCK = 32;

export function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) throw new Error('EncodingAESKey must be 43 characters');
  return key;
}

/** sha1 of the parts sorted as strings and joined: `signature` (token, timestamp, nonce) and `msg_signature` (+ Encrypt). */
export function pushSignature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join(''), 'utf8').digest('hex');
}

export function encryptMessage(message: string, receiverId: string, key: Buffer, random = randomBytes(16)): string {
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([random, length, body, Buffer.from(receiverId, 'utf8')]);
  const pad = BLOCK - (plain.length % BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

export type Decrypted = { ok: true; message: string; receiverId: string } | { ok: false; why: 'base64' | 'blocks' | 'padding' | 'length' };

export function decryptMessage(encrypted: string, key: Buffer): Decrypted {
  const data = Buffer.from(encrypted, 'base64');
  if (!data.length || data.toString('base64').replace(/=+$/, '') !== encrypted.trim().replace(/=+$/, '')) return { ok: false, why: 'base64' };
  if (data.length % 16 !== 0) return { ok: false, why: 'blocks' };
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(data), decipher.final()]);
  const pad = plain[plain.length - 1];
  if (pad < 1 || pad > BLOCK || pad > plain.length || !plain.subarray(plain.length - pad).every((b) => b === pad)) return { ok: false, why: 'padding' };
  const content = plain.subarray(0, plain.length - pad);
  if (content.length < 20) return { ok: false, why: 'length' };
  const length = content.readUInt32BE(16);
  if (20 + length > content.length) return { ok: false, why: 'length' };
  return { ok: true, message: content.subarray(20, 20 + length).toString('utf8'), receiverId: content.subarray(20 + length).toString('utf8') };
}
