import { appError } from '../../shared/errors/errors';
import type { StorageProblem } from '../../shared/models';
import type { AppError } from '../../shared/result';
import type { MessageKey } from '../i18n';
import type { Slice } from './types';

export type ToastText = { key: MessageKey; params?: Record<string, string | number> } | { error: AppError };

export interface Toast {
  id: number;
  text: ToastText;
  tone: 'info' | 'error';
}

export type Dialog =
  | { type: 'add' }
  | { type: 'edit'; name: string }
  | { type: 'remove'; name: string }
  | { type: 'force'; name: string }
  | { type: 'settings' };

export interface UiSlice {
  toasts: Toast[];
  dialog: Dialog | null;
  /** The loopback server refused the page's key. */
  unauthorized: boolean;
  toast(text: ToastText, tone?: Toast['tone']): void;
  /** A corrupt file in the data folder was set aside: said once, as an error toast. */
  reportProblem(problem: StorageProblem): void;
  dismissToast(id: number): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  setUnauthorized(): void;
}

export const TOAST_MS = { info: 4000, error: 8000 } as const;
let nextToast = 1;

export const createUiSlice: Slice<UiSlice> = () => (set, get) => ({
  toasts: [],
  dialog: null,
  unauthorized: false,
  toast(text, tone = 'error' in text ? 'error' : 'info') {
    const id = nextToast++;
    // At most three at once: the oldest goes first.
    set((s) => ({ toasts: [...s.toasts.slice(-2), { id, text, tone }] }));
    setTimeout(() => get().dismissToast(id), TOAST_MS[tone]);
  },
  reportProblem(problem) {
    get().toast({ error: appError('storage', { message: problem.message, next: { zh: `原文件保留为 ${problem.movedTo}`, en: `The original is kept as ${problem.movedTo}` } }) });
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setUnauthorized: () => set({ unauthorized: true }),
});
