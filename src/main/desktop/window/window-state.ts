/** The window's size and position between runs, in `<home>/window-state.json` (holds nothing secret). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../core/storage/atomic-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: the default size. */
  size?: { width: number; height: number };
  /** Absent: the OS centres the window. */
  position?: { x: number; y: number };
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1100, height: 720 };
export const MIN_SIZE = { width: 760, height: 520 };
export const WINDOW_STATE_FILE = 'window-state.json';

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Turns whatever was stored into a state that is safe to apply: the size clamped between the minimum
 * and the largest work area, and the position dropped (so the OS centres the window) unless a third of
 * the window lands on a display that exists now (a monitor may have been unplugged since).
 */
export function sanitizeWindowState(raw: unknown, workAreas: Rect[]): WindowState {
  const r = record(raw);
  const maximized = r.maximized === true;
  const size = record(r.size);
  if (!isInt(size.width) || !isInt(size.height)) return { maximized };
  const maxW = Math.max(MIN_SIZE.width, ...workAreas.map((a) => a.width));
  const maxH = Math.max(MIN_SIZE.height, ...workAreas.map((a) => a.height));
  const width = Math.min(Math.max(size.width, MIN_SIZE.width), maxW);
  const height = Math.min(Math.max(size.height, MIN_SIZE.height), maxH);
  const state: WindowState = { size: { width, height }, maximized };
  const pos = record(r.position);
  if (!isInt(pos.x) || !isInt(pos.y)) return state;
  const rect = { x: pos.x, y: pos.y, width, height };
  const visible = workAreas.some((area) => overlap(rect, area) >= (width * height) / 3);
  return visible ? { ...state, position: { x: pos.x, y: pos.y } } : state;
}

/** What to store for a window: its normal (unmaximized) bounds and whether it was maximized. */
export function stateFromBounds(normal: Rect, maximized: boolean): WindowState {
  return { size: { width: normal.width, height: normal.height }, position: { x: normal.x, y: normal.y }, maximized };
}

/** Reads the stored state; a missing or unreadable file just means the defaults. */
export async function loadWindowState(home: string, workAreas: Rect[]): Promise<WindowState> {
  try {
    const text = await readFile(path.join(home, WINDOW_STATE_FILE), 'utf8');
    return sanitizeWindowState(JSON.parse(text), workAreas);
  } catch {
    return { maximized: false };
  }
}

export async function saveWindowState(home: string, state: WindowState): Promise<void> {
  await writeFileAtomic(path.join(home, WINDOW_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}
