/** How the JSON tree shows a value: containers list their children a page at a time. */
export const PAGE_SIZE = 100;
/** Levels open when a response is first shown; deeper ones render only when expanded. */
export const OPEN_DEPTH = 2;

export type JsonContainer = unknown[] | Record<string, unknown>;

export function isContainer(value: unknown): value is JsonContainer {
  return typeof value === 'object' && value !== null;
}

export function childCount(value: JsonContainer): number {
  return Array.isArray(value) ? value.length : Object.keys(value).length;
}

/** Children `[label, value]` from 0 up to `limit` (never the whole of a huge array). */
export function childEntries(value: JsonContainer, limit: number): [string, unknown][] {
  if (Array.isArray(value)) {
    const out: [string, unknown][] = [];
    for (let i = 0; i < Math.min(limit, value.length); i++) out.push([String(i), value[i]]);
    return out;
  }
  const out: [string, unknown][] = [];
  for (const key in value) {
    if (out.length >= limit) break;
    if (Object.prototype.hasOwnProperty.call(value, key)) out.push([key, value[key]]);
  }
  return out;
}

/** A scalar as JSON shows it; long strings cut for the tree (the raw view has them whole). */
export function scalarText(value: unknown, max = 300): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}…"` : text;
}
