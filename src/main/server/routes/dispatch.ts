/**
 * `POST /api/<method>`: the one generic route over the contract. The answer is the method's Result as
 * JSON with status 200; only an unknown method (404) or a transport problem gets another status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMethodName, type ApiImpl } from '../../../shared/contract';
import { appError } from '../../../shared/errors/errors';
import { fail } from '../../../shared/result';
import { callContract } from '../../call-contract';
import { readBody } from './body';
import { sendJson, sendStatus } from '../responses';

const invalidJson = fail(
  appError('validation', { message: { zh: '输入无效：请求体不是 JSON', en: 'Invalid input: the request body is not JSON' } }),
);
const unknownMethod = fail(appError('not_found', { message: { zh: '没有这个接口', en: 'No such API method' }, next: undefined }));

export async function dispatch(api: ApiImpl, name: string, req: IncomingMessage, res: ServerResponse, maxBody: number): Promise<void> {
  if (req.method !== 'POST') return sendStatus(res, 405);
  if (!isMethodName(name)) return sendJson(res, 404, unknownMethod);
  const type = req.headers['content-type'];
  if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type)) return sendStatus(res, 415);
  const body = await readBody(req, maxBody);
  if (!body.ok) {
    if (body.reason === 'too_large') return tooLarge(res);
    return void res.destroy();
  }
  let input: unknown;
  if (body.text.trim() !== '') {
    try {
      input = JSON.parse(body.text);
    } catch {
      return sendJson(res, 200, invalidJson);
    }
  }
  const result = await callContract(api, name, input);
  if (!res.destroyed) sendJson(res, 200, result);
}

/** 413, then the socket is closed: the rest of an oversized body is never read. */
export function tooLarge(res: ServerResponse): void {
  res.once('finish', () => res.socket?.destroy());
  sendStatus(res, 413, true);
}
