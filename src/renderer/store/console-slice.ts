import type { Endpoint } from '../../shared/catalogue/model';
import type { ConsoleResponse, FormPart, HistoryEntry, HttpMethod } from '../../shared/models';
import { byName, withName, type ByName } from '../../shared/by-name';
import { appError } from '../../shared/errors/errors';
import { MASK } from '../../shared/redact';
import type { AppError } from '../../shared/result';
import type { Slice } from './types';
import { fillFromAccount, fillValue, type PlaceholderAccount } from '../console/request/placeholders';
import type { PastedRequest } from '../console/request/paste';
import { loadDraft } from '../console/history/saved-draft';

export interface QueryRow {
  id: number;
  key: string;
  value: string;
}

export interface RequestDraft {
  method: HttpMethod;
  path: string;
  query: QueryRow[];
  body: string;
  endpointId?: string;
}

/** What was sent, kept with its response for "copy as cURL". */
export interface SentRequest {
  method: HttpMethod;
  path: string;
  query: [string, string][];
  body?: string;
}

export interface ConsoleSlice {
  endpoints: Endpoint[];
  draft: RequestDraft;
  inFlight?: { requestId: string; account: string };
  response?: { account: string; request: SentRequest; value: ConsoleResponse };
  responseError?: { account: string; error: AppError; request?: SentRequest };
  history: ByName<HistoryEntry[]>;
  loadEndpoints(): Promise<void>;
  /** Loads the endpoint's template, the account's AppID filled in. */
  pickEndpoint(endpoint: Endpoint, account?: PlaceholderAccount): void;
  /** What a pasted URL or cURL left out, said under the request line. */
  pasteNote?: Pick<PastedRequest, 'host' | 'wechatHost' | 'droppedToken'>;
  /** A pasted URL or cURL command becomes the draft (method and body only when the paste had them). */
  applyPasted(pasted: PastedRequest): void;
  /** The account whose values (its AppID) the draft holds. */
  draftFilledFor?: PlaceholderAccount;
  /** The console shows another account: values the last one filled in (its AppID) become this one's. */
  retargetDraft(to: PlaceholderAccount): void;
  updateDraft(patch: Partial<Omit<RequestDraft, 'query'>>): void;
  addQueryRow(): void;
  /** The value of the query row named `key` (added when there is none). */
  setQueryValue(key: string, value: string): void;
  updateQueryRow(id: number, patch: Partial<Omit<QueryRow, 'id'>>): void;
  removeQueryRow(id: number): void;
  /** `form`: a multipart upload instead of the JSON body. */
  send(account: string, form?: FormPart[]): Promise<void>;
  cancelRequest(): Promise<void>;
  loadHistory(name: string): Promise<void>;
  clearHistory(name: string): Promise<void>;
  loadHistoryEntry(entry: HistoryEntry): void;
  /** A request (from the history or the saved ones) into the editor; the last response goes. */
  loadRequest(request: Pick<HistoryEntry, 'method' | 'path' | 'query' | 'body'>): void;
  rerun(entry: HistoryEntry): Promise<void>;
}

let nextRow = 1;
const row = (key = '', value = ''): QueryRow => ({ id: nextRow++, key, value });

export const EMPTY_DRAFT: RequestDraft = { method: 'GET', path: '/cgi-bin/getcallbackip', query: [], body: '' };

/** The query pairs to send: rows with a name. */
export function queryPairs(rows: QueryRow[]): [string, string][] {
  return rows.filter((r) => r.key.trim()).map((r) => [r.key.trim(), r.value]);
}

/**
 * History keeps secrets as `***`: such values must be typed again, never sent as they are. True when a
 * query value, or a value in the body, is the mask.
 */
export function holdsMask(request: { query: readonly (readonly [string, string])[] | QueryRow[]; body?: string }): boolean {
  const values = request.query.map((q) => (Array.isArray(q) ? q[1] : (q as QueryRow).value));
  const body = request.body ?? '';
  return values.some((v) => v === MASK || v.includes(`=${MASK}`)) || body.includes(`"${MASK}"`) || body.includes(`=${MASK}`);
}

const NO_RESPONSE = { response: undefined, responseError: undefined };

function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}

/** The draft the last session left (secrets masked), else the default. */
function initialDraft(): RequestDraft {
  const saved = typeof localStorage === 'undefined' ? undefined : loadDraft();
  return saved ? { ...saved, query: saved.query.map(([k, v]) => row(k, v)) } : EMPTY_DRAFT;
}

export const createConsoleSlice: Slice<ConsoleSlice> = (api) => (set, get) => ({
  endpoints: [],
  draft: initialDraft(),
  history: byName(),
  async loadEndpoints() {
    const result = await api.listEndpoints({});
    if (result.ok) set({ endpoints: result.value });
  },
  pickEndpoint(endpoint, account) {
    const body = endpoint.method === 'POST' ? (endpoint.body ?? '') : '';
    set({
      // A new request in the editor: the last response answered another one.
      ...NO_RESPONSE,
      pasteNote: undefined,
      draftFilledFor: account ? { appid: account.appid, kind: account.kind } : undefined,
      draft: {
        endpointId: endpoint.id,
        method: endpoint.method,
        path: endpoint.path,
        query: (endpoint.query ?? []).map((p) => row(p.name, account ? fillValue(p.sample ?? '', account) : (p.sample ?? ''))),
        body: account ? fillFromAccount(body, account) : body,
      },
    });
  },
  retargetDraft(to) {
    const from = get().draftFilledFor;
    if (!from || from.appid === to.appid) return;
    const quoted = JSON.stringify(from.appid);
    set((s) => ({
      draftFilledFor: { appid: to.appid, kind: to.kind },
      draft: {
        ...s.draft,
        query: s.draft.query.map((r) => (r.value === from.appid ? { ...r, value: to.appid } : r)),
        body: s.draft.body.split(quoted).join(JSON.stringify(to.appid)),
      },
    }));
  },
  applyPasted(pasted) {
    set((s) => ({
      ...NO_RESPONSE,
      pasteNote: { host: pasted.host, wechatHost: pasted.wechatHost, droppedToken: pasted.droppedToken },
      draft: {
        method: pasted.method ?? s.draft.method,
        path: pasted.path,
        query: pasted.query.map(([k, v]) => row(k, v)),
        body: pasted.body ?? s.draft.body,
      },
    }));
  },
  updateDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
  setQueryValue: (key, value) =>
    set((s) => ({
      draft: {
        ...s.draft,
        query: s.draft.query.some((r) => r.key === key)
          ? s.draft.query.map((r) => (r.key === key ? { ...r, value } : r))
          : [...s.draft.query, row(key, value)],
      },
    })),
  addQueryRow: () => set((s) => ({ draft: { ...s.draft, query: [...s.draft.query, row()] } })),
  updateQueryRow: (id, patch) =>
    set((s) => ({ draft: { ...s.draft, query: s.draft.query.map((r) => (r.id === id ? { ...r, ...patch } : r)) } })),
  removeQueryRow: (id) => set((s) => ({ draft: { ...s.draft, query: s.draft.query.filter((r) => r.id !== id) } })),
  async send(account, form) {
    if (get().inFlight) return;
    const { draft } = get();
    const requestId = newRequestId();
    set({ inFlight: { requestId, account }, responseError: undefined });
    const request: SentRequest = {
      method: draft.method,
      path: draft.path.trim(),
      query: queryPairs(draft.query),
      ...(draft.method === 'POST' && draft.body.trim() && !form ? { body: draft.body } : {}),
    };
    const result = await api.sendRequest({ account, ...request, requestId, ...(form ? { form } : {}) });
    // A cancelled or superseded request no longer owns the view.
    if (get().inFlight?.requestId !== requestId) return;
    if (result.ok) {
      set({ inFlight: undefined, response: { account, request, value: result.value }, responseError: undefined });
      // Sent, but not recorded in the history: said, so the user does not send it again.
      if (result.value.warning) get().toast({ error: result.value.warning });
    } else set({ inFlight: undefined, responseError: { account, error: result.error, request }, response: undefined });
    void get().loadHistory(account);
  },
  async cancelRequest() {
    const flight = get().inFlight;
    if (!flight) return;
    // Said in the response area too: otherwise it shows the previous response as if it were this one's.
    set({ inFlight: undefined, response: undefined, responseError: { account: flight.account, error: appError('cancelled') } });
    await api.cancelRequest({ requestId: flight.requestId });
    get().toast({ key: 'console.cancelled' });
  },
  async loadHistory(name) {
    const result = await api.listHistory({ name });
    if (result.ok) set((s) => ({ history: withName(s.history, name, result.value) }));
  },
  async clearHistory(name) {
    const result = await api.clearHistory({ name });
    if (result.ok) set((s) => ({ history: withName(s.history, name, []) }));
    else get().toast({ error: result.error });
  },
  loadHistoryEntry(entry) {
    get().loadRequest(entry);
  },
  loadRequest(entry) {
    set({
      ...NO_RESPONSE,
      pasteNote: undefined,
      draftFilledFor: undefined,
      draft: {
        method: entry.method,
        path: entry.path,
        query: entry.query.map(([k, v]) => row(k, v)),
        body: entry.body ?? '',
      },
    });
  },
  async rerun(entry) {
    get().loadHistoryEntry(entry);
    // Masked values are loaded for editing instead: the editor says which must be re-entered.
    if (holdsMask(entry)) return get().toast({ key: 'console.maskedReenter' });
    await get().send(entry.account);
  },
});
