/**
 * Records keyed by account name. "constructor", "toString" and "valueOf" are valid names: a plain object
 * answers them from Object.prototype, so every name-keyed record is built here, without a prototype, and
 * read with `own` where it may come from elsewhere (a parsed file).
 */
export type ByName<T> = Record<string, T>;

/** A prototype-free record of the entries (a later entry for a name wins). */
export function byName<T>(entries: Iterable<readonly [string, T]> = []): ByName<T> {
  const record = Object.create(null) as ByName<T>;
  for (const [name, value] of entries) record[name] = value;
  return record;
}

/** A copy of `record` with `name` set to `value`. */
export function withName<T>(record: Readonly<ByName<T>>, name: string, value: NoInfer<T>): ByName<T> {
  const copy = byName(Object.entries(record));
  copy[name] = value;
  return copy;
}

/** The record's own value for `name`, never one inherited from a prototype. */
export function own<T>(record: Readonly<ByName<T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
