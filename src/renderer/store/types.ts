import type { StateCreator } from 'zustand';
import type { AccountsSlice } from './accounts-slice';
import type { ConsoleSlice } from './console-slice';
import type { SettingsSlice } from './settings-slice';
import type { TokenSlice } from './token-slice';
import type { UiSlice } from './ui-slice';
import type { ClientApi } from '../client-api';

export type AppState = AccountsSlice & TokenSlice & ConsoleSlice & SettingsSlice & UiSlice;

/** A slice gets the whole store's set/get and the api it talks to. */
export type Slice<T> = (api: ClientApi) => StateCreator<AppState, [], [], T>;
