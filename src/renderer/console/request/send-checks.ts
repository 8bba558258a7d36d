/** What the console checks before a request leaves: the catalogue entry it is, its side effect, the token's kind. */
import type { Endpoint, SideEffect } from '../../../shared/catalogue/model';
import type { AccountKind, HttpMethod } from '../../../shared/models';
import type { QueryRow } from '../../store/console-slice';
import { bodyPlaceholders, isPlaceholder, type FoundPlaceholder } from './placeholders';

export interface DraftLike {
  method: HttpMethod;
  path: string;
  query: QueryRow[];
  body: string;
  endpointId?: string;
}

/**
 * The catalogue entry the draft is: the picked one while method and path still match it, else the entry with
 * this method and path for the account's kind, else one for any kind (a path may be catalogued per kind).
 */
export function matchEndpoint(draft: DraftLike, endpoints: readonly Endpoint[], kind: AccountKind): Endpoint | undefined {
  const path = draft.path.trim();
  const same = endpoints.filter((e) => e.method === draft.method && e.path === path);
  return same.find((e) => e.id === draft.endpointId) ?? same.find((e) => e.kinds.includes(kind)) ?? same[0];
}

export interface SendChecks {
  endpoint?: Endpoint;
  sideEffect?: SideEffect;
  /** The endpoint's kinds when the account's kind is not among them. */
  otherKinds?: AccountKind[];
  placeholders: FoundPlaceholder[];
  /** Query rows whose value is a placeholder. */
  placeholderRows: Set<number>;
}

export function sendChecks(draft: DraftLike, endpoints: readonly Endpoint[], kind: AccountKind): SendChecks {
  const endpoint = matchEndpoint(draft, endpoints, kind);
  const rows = draft.query.filter((r) => r.key.trim() && isPlaceholder(r.value.trim()));
  const inBody = draft.method === 'POST' ? bodyPlaceholders(draft.body) : [];
  return {
    endpoint,
    sideEffect: endpoint?.sideEffect,
    otherKinds: endpoint && !endpoint.kinds.includes(kind) ? endpoint.kinds : undefined,
    placeholders: [...rows.map((r) => ({ name: r.value.trim() })), ...inBody],
    placeholderRows: new Set(rows.map((r) => r.id)),
  };
}

/** True when sending needs one question first. */
export const needsConfirm = (checks: SendChecks): boolean => Boolean(checks.sideEffect || checks.otherKinds);
