/** Top-level fields of a JSON body, read and written one at a time by the parameter form. */
import type { ParamType } from '../../../shared/catalogue/model';

export type BodyObject = Record<string, unknown>;

/** The body as an object, undefined when it is not a JSON object (the form then leaves it to the editor). */
export function bodyObject(body: string): BodyObject | undefined {
  if (!body.trim()) return {};
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as BodyObject) : undefined;
  } catch {
    return undefined;
  }
}

export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The value typed into a field, as the JSON type the catalogue says (a number stays text until it is one). */
export function typedValue(type: ParamType | undefined, text: string): unknown {
  if (type === 'number' && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  return text;
}

/** The body with one field set (or removed when emptied), pretty-printed; key order kept. */
export function withField(body: string, name: string, value: unknown): string | undefined {
  const obj = bodyObject(body);
  if (!obj) return undefined;
  const next = { ...obj };
  if (value === '' || value === undefined) delete next[name];
  else next[name] = value;
  return JSON.stringify(next, null, 2);
}
