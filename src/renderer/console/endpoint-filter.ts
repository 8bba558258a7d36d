import type { Endpoint, EndpointGroup } from '../../shared/endpoint-model';
import type { AccountKind } from '../../shared/models';

export const GROUP_ORDER: EndpointGroup[] = ['diagnostics', 'users', 'menu', 'material', 'messages', 'links', 'content', 'miniprogram'];

/** The catalogue for one account kind, matching a search in either language or the path, grouped in order. */
export function groupEndpoints(list: Endpoint[], kind: AccountKind, search: string): [EndpointGroup, Endpoint[]][] {
  const q = search.trim().toLowerCase();
  const hits = list.filter(
    (e) => e.kinds.includes(kind) && (!q || [e.path, e.name.zh, e.name.en, e.id].some((v) => v.toLowerCase().includes(q))),
  );
  const groups = new Map<EndpointGroup, Endpoint[]>();
  for (const e of hits) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  return [...groups.entries()].sort(([a], [b]) => GROUP_ORDER.indexOf(a) - GROUP_ORDER.indexOf(b));
}
