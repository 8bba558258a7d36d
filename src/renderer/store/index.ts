/** The app's one store: typed slices, actions inside, events from the host applied with getState(). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppEvent } from '../../shared/contract';
import type { ClientApi } from '../client-api';
import { createAccountsSlice } from './accounts-slice';
import { createConsoleSlice } from './console-slice';
import { createSettingsSlice } from './settings-slice';
import { createTokenSlice } from './token-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';

export type { AppState } from './types';
export type AppStore = StoreApi<AppState>;

export function createAppStore(api: ClientApi): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createUiSlice(api)(...a),
    ...createSettingsSlice(api)(...a),
    ...createAccountsSlice(api)(...a),
    ...createTokenSlice(api)(...a),
    ...createConsoleSlice(api)(...a),
  }));
}

export function applyEvent(state: AppState, event: AppEvent): void {
  switch (event.name) {
    case 'tokenChanged':
      return state.applyToken(event.payload, true);
    case 'refreshFailed':
      return state.applyRefreshFailed(event.payload.account, event.payload.error);
    case 'accountsChanged':
      return state.setAccounts(event.payload);
    case 'settingsChanged':
      return state.applySettings(event.payload);
    case 'serverChanged':
      return state.applyServer(event.payload);
    case 'storageProblem':
      return state.reportProblem(event.payload);
    // app (issue 10): another process wrote this account's history; reload it only where it is shown.
    case 'historyChanged':
      if (state.history[event.payload.account]) void state.loadHistory(event.payload.account);
      return;
  }
}

/** Loads everything and keeps it current; returns a function that stops listening. */
export async function startStore(store: AppStore, api: ClientApi): Promise<() => void> {
  const stops = [
    api.onEvent((event) => applyEvent(store.getState(), event)),
    api.onUnauthorized(() => store.getState().setUnauthorized()),
    api.onResync(() => void store.getState().loadAccounts()),
  ];
  // Loaded once the event stream is open, so a change made in between is not missed (bounded: a stream that
  // cannot connect keeps retrying in the background and resyncs when it does).
  await Promise.race([api.eventsConnected(), new Promise((r) => setTimeout(r, 3000))]);
  const s = store.getState();
  await Promise.all([s.loadSettings(), s.loadAccounts(), s.loadEndpoints()]);
  // Found before this page connected (e.g. at the app's start): events only carry the later ones.
  const problems = await api.listProblems({});
  if (problems.ok) problems.value.forEach((p) => s.reportProblem(p));
  return () => stops.forEach((stop) => stop());
}
