import type { Endpoint } from './model';
import type { AccountKind } from '../models';
import { DIAGNOSTIC_ENDPOINTS } from './diagnostics';
import { MP_ENDPOINTS } from './mini-program/index';
import { OCR_ENDPOINTS } from './ocr';
import { OA_ENDPOINTS } from './official-account/index';
import { WECOM_ENDPOINTS } from './wecom/index';

/**
 * The request console's catalogue: business endpoints that take `?access_token=`. Nothing that fetches a
 * token or needs the AppSecret (token, stable_token, gettoken, clear_quota/v2, jscode2session).
 */
export const ENDPOINTS: Endpoint[] = [...DIAGNOSTIC_ENDPOINTS, ...OA_ENDPOINTS, ...MP_ENDPOINTS, ...OCR_ENDPOINTS, ...WECOM_ENDPOINTS];

export function endpointsFor(kind: AccountKind, list: readonly Endpoint[] = ENDPOINTS): Endpoint[] {
  return list.filter((endpoint) => endpoint.kinds.includes(kind));
}

export function findEndpoint(id: string, list: readonly Endpoint[] = ENDPOINTS): Endpoint | undefined {
  return list.find((endpoint) => endpoint.id === id);
}

/** Every word of `text` must appear in the zh or en name, the path or the id (case-insensitive). */
export function searchEndpoints(list: readonly Endpoint[], text: string): Endpoint[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...list];
  return list.filter((endpoint) => {
    const haystack = [endpoint.name.zh, endpoint.name.en, endpoint.path, endpoint.id].join('\n').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
