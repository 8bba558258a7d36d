/**
 * What another process (the CLI, a second app, `wxtoken serve`) writes into the data folder reaches this
 * process's listeners as the same events its own changes raise: accounts, tokens, settings and history.
 * Each is compared with what was last told, so this process's own writes are not told twice.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppEvent } from '../../../shared/contract';
import type { CoreApi } from '../core-api';
import type { EventHub } from '../event-hub';
import { safeFileName } from '../storage/paths';
import { FolderWatch, type FolderChanges } from './folder-watch';

export interface FollowDeps {
  home: string;
  api: Pick<CoreApi, 'listAccounts' | 'tokenStatus' | 'getSettings'>;
  events: EventHub;
  settleMs?: number;
}

/** Starts following; returns the function that stops it. */
export function followOthers({ home, api, events, settleMs }: FollowDeps): () => void {
  let accountsTold = '';
  let settingsTold = '';
  let names: string[] = [];
  const off = events.on((event) => {
    if (event.name === 'accountsChanged') {
      accountsTold = JSON.stringify(event.payload);
      names = event.payload.map((a) => a.name);
    }
    if (event.name === 'settingsChanged') settingsTold = JSON.stringify(event.payload);
  });
  const emit = (event: AppEvent) => events.emit(event);

  /** Per account, its sealed token and fetch state as tokens.json holds them (never decrypted here). */
  let tokenEntries = new Map<string, string>();
  const readTokenEntries = async (): Promise<Map<string, string> | undefined> => {
    try {
      const file = JSON.parse(await readFile(path.join(home, 'tokens.json'), 'utf8')) as { tokens?: Record<string, unknown>; state?: Record<string, unknown> };
      const entries = new Map<string, string>();
      for (const name of new Set([...Object.keys(file.tokens ?? {}), ...Object.keys(file.state ?? {})])) {
        entries.set(name, JSON.stringify([file.tokens?.[name] ?? null, file.state?.[name] ?? null]));
      }
      return entries;
    } catch {
      // Missing, half-replaced or damaged: the token cache reports damage itself when it reads the file.
      return undefined;
    }
  };

  const accountsChanged = async () => {
    const list = await api.listAccounts({});
    if (!list.ok) return;
    names = list.value.map((a) => a.name);
    if (JSON.stringify(list.value) !== accountsTold) emit({ name: 'accountsChanged', payload: list.value });
  };

  const tokensChanged = async () => {
    const now = await readTokenEntries();
    if (!now) return;
    const changed = [...new Set([...now.keys(), ...tokenEntries.keys()])].filter((name) => now.get(name) !== tokenEntries.get(name));
    tokenEntries = now;
    for (const name of changed) {
      const status = await api.tokenStatus({ name });
      if (status.ok) emit({ name: 'tokenChanged', payload: status.value });
    }
  };

  const settingsChanged = async () => {
    const settings = await api.getSettings({});
    if (settings.ok && JSON.stringify(settings.value) !== settingsTold) emit({ name: 'settingsChanged', payload: settings.value });
  };

  const historyChanged = async (files: Set<string>) => {
    if (!names.length) await accountsChanged();
    for (const name of names) if (files.has(`${safeFileName(name)}.json`)) emit({ name: 'historyChanged', payload: { account: name } });
  };

  // One report at a time, in order: a slow keychain listing must not let an older answer overtake a newer one.
  let queue = Promise.resolve();
  const onChanges = ({ files, history }: FolderChanges) => {
    queue = queue.then(async () => {
      try {
        if (files.has('accounts.json')) await accountsChanged();
        if (files.has('tokens.json')) await tokensChanged();
        if (files.has('settings.json')) await settingsChanged();
        if (history.size) await historyChanged(history);
      } catch {
        // A failed look (a locked keychain, say) tells nothing; the next change tries again.
      }
    });
  };

  const watch = new FolderWatch(home, onChanges, settleMs);
  // What is there now is the baseline: only later changes are told.
  void readTokenEntries().then((entries) => (tokenEntries = entries ?? tokenEntries));
  void api.getSettings({}).then((s) => {
    if (s.ok && !settingsTold) settingsTold = JSON.stringify(s.value);
  }, () => undefined);

  return () => {
    watch.close();
    off();
  };
}
