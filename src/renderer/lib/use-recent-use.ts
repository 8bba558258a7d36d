import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AccountView } from '../../shared/models';
import { useApi } from '../api-context';

/**
 * "Recently used", kept by the core (so the desktop app, every browser and the CLI agree): `noteUse` tells it of
 * a selection, and the times are read when the sort is "recent" and whenever the list of accounts changes.
 * Not on every selection: re-sorting then would move the row under the pointer.
 */
export function useRecentUse(sorting: boolean, accounts: readonly AccountView[]): { recent: Record<string, number>; noteUse(name: string): void } {
  const api = useApi();
  const [recent, setRecent] = useState<Record<string, number>>({});
  // Read after this window's own notes have landed.
  const noted = useRef<Promise<unknown>>(Promise.resolve());
  const noteUse = useCallback(
    (name: string) => {
      noted.current = noted.current.then(() => api.noteAccountUse({ name })).catch(() => undefined);
    },
    [api],
  );
  const names = useMemo(() => accounts.map((a) => a.name).join('\n'), [accounts]);
  useEffect(() => {
    if (!sorting) return;
    let live = true;
    void noted.current
      .then(() => api.listAccountUse({}))
      .then((use) => {
        if (live && use.ok) setRecent(Object.fromEntries(Object.entries(use.value).map(([name, at]) => [name, Date.parse(at)])));
      });
    return () => {
      live = false;
    };
  }, [api, sorting, names]);
  return { recent, noteUse };
}
