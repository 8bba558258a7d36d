import type { Endpoint, EndpointGroup } from '../../shared/catalogue/model';
import { endpointsFor, searchEndpoints } from '../../shared/catalogue/index';
import type { AccountKind } from '../../shared/models';

/** The order of WeChat's own docs; WeCom's sections last (a WeCom account sees few of the others). */
export const GROUP_ORDER: EndpointGroup[] = [
  'diagnostics', 'users', 'menu', 'messages', 'mass', 'material', 'publish', 'comments', 'links',
  'customer-service', 'datacube', 'security', 'ocr', 'miniprogram', 'contacts', 'apps',
];

/** The catalogue for one account kind with the shared search (every word, either language, path or id), grouped in order. */
export function groupEndpoints(list: Endpoint[], kind: AccountKind, search: string): [EndpointGroup, Endpoint[]][] {
  const hits = searchEndpoints(endpointsFor(kind, list), search);
  const groups = new Map<EndpointGroup, Endpoint[]>();
  for (const e of hits) groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  return [...groups.entries()].sort(([a], [b]) => GROUP_ORDER.indexOf(a) - GROUP_ORDER.indexOf(b));
}
