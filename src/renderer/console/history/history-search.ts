/** The history's search: every word must appear in the method, the path with its query, the status or the error. */
import type { HistoryEntry } from '../../../shared/models';
import { pathWithQuery, statusText } from '../request/request-line';

export function historyText(e: HistoryEntry): string {
  return [e.method, pathWithQuery(e.path, e.query), statusText(e), e.error ?? '', e.body ?? ''].join('\n').toLowerCase();
}

export function searchHistory(entries: readonly HistoryEntry[], text: string): HistoryEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...entries];
  return entries.filter((e) => {
    const haystack = historyText(e);
    return words.every((w) => haystack.includes(w));
  });
}
