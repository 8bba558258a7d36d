/**
 * The editor's draft across reloads (localStorage). Secret-looking values (access_token, secret, appsecret…)
 * are masked before it is written, as in the history: the editor then asks for them again.
 */
import { redactJsonText, redactQuery } from '../../../shared/redact';
import type { RequestDraft } from '../../store/console-slice';

const KEY = 'wxtoken.console.draft';

export function saveDraft(draft: RequestDraft): void {
  try {
    const kept = {
      method: draft.method,
      path: draft.path,
      query: redactQuery(draft.query.map((r) => [r.key, r.value] as [string, string])),
      body: draft.body ? redactJsonText(draft.body) : '',
      endpointId: draft.endpointId,
    };
    localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // storage full or unavailable: the draft simply does not survive a reload
  }
}

export interface SavedDraft {
  method: 'GET' | 'POST';
  path: string;
  query: [string, string][];
  body: string;
  endpointId?: string;
}

export function loadDraft(): SavedDraft | undefined {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    const d = raw as SavedDraft;
    if (!d || (d.method !== 'GET' && d.method !== 'POST') || typeof d.path !== 'string' || typeof d.body !== 'string' || !Array.isArray(d.query)) return undefined;
    const query = d.query.filter((q): q is [string, string] => Array.isArray(q) && typeof q[0] === 'string' && typeof q[1] === 'string');
    return { method: d.method, path: d.path, query, body: d.body, ...(typeof d.endpointId === 'string' ? { endpointId: d.endpointId } : {}) };
  } catch {
    return undefined;
  }
}
