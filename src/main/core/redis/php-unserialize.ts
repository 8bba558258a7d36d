/**
 * Reads what PHP's serialize() writes, for the few shapes a token cache holds: strings, integers, floats,
 * booleans, null and arrays. Objects, references and anything else are refused, never instantiated or
 * guessed at. String lengths count bytes, so the input is bytes.
 */
export type PhpValue = string | number | boolean | null | PhpArray;
/** A PHP array keeps its keys' order; keys are strings or integers. */
export type PhpArray = Map<string | number, PhpValue>;

export class PhpUnserializeError extends Error {}

const MAX_DEPTH = 16;

export function phpUnserialize(input: Buffer | string): PhpValue {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let pos = 0;

  const fail = (what: string): never => {
    throw new PhpUnserializeError(`${what} at byte ${pos}`);
  };
  const expect = (char: string) => {
    if (bytes[pos] !== char.charCodeAt(0)) fail(`expected "${char}"`);
    pos++;
  };
  /** Bytes up to (not including) `end`, which is consumed. */
  const until = (end: string): string => {
    const at = bytes.indexOf(end.charCodeAt(0), pos);
    if (at < 0) fail(`no "${end}"`);
    const text = bytes.subarray(pos, at).toString('latin1');
    pos = at + 1;
    return text;
  };
  const integer = (text: string): number => {
    if (!/^[+-]?\d{1,18}$/.test(text)) fail('bad integer');
    const n = Number(text);
    if (!Number.isSafeInteger(n)) fail('integer out of range');
    return n;
  };

  const value = (depth: number): PhpValue => {
    if (depth > MAX_DEPTH) fail('nested too deep');
    const type = String.fromCharCode(bytes[pos] ?? 0);
    pos++;
    switch (type) {
      case 'N':
        expect(';');
        return null;
      case 'b': {
        expect(':');
        const text = until(';');
        if (text !== '0' && text !== '1') fail('bad boolean');
        return text === '1';
      }
      case 'i':
        expect(':');
        return integer(until(';'));
      case 'd': {
        expect(':');
        const text = until(';');
        const n = text === 'INF' ? Infinity : text === '-INF' ? -Infinity : text === 'NAN' ? NaN : Number(text);
        if (text === '' || (Number.isNaN(n) && text !== 'NAN')) fail('bad float');
        return n;
      }
      case 's': {
        expect(':');
        const length = integer(until(':'));
        if (length < 0 || pos + 1 + length + 2 > bytes.length) fail('string longer than the input');
        expect('"');
        const text = bytesToString(bytes.subarray(pos, pos + length));
        pos += length;
        expect('"');
        expect(';');
        return text;
      }
      case 'a': {
        expect(':');
        const count = integer(until(':'));
        if (count < 0 || count > 10_000) fail('bad array size');
        expect('{');
        const map: PhpArray = new Map();
        for (let i = 0; i < count; i++) {
          const key = value(depth + 1);
          if (typeof key !== 'string' && typeof key !== 'number') fail('bad array key');
          map.set(key as string | number, value(depth + 1));
        }
        expect('}');
        return map;
      }
      case 'O':
      case 'C':
      case 'E':
        return fail('a PHP object (not read, by design)');
      case 'r':
      case 'R':
        return fail('a PHP reference (not read)');
      default:
        return fail(`unknown type "${type}"`);
    }
  };

  const result = value(0);
  if (pos !== bytes.length) fail('trailing bytes');
  return result;
}


const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 when it is; raw bytes as latin1 otherwise (Symfony's metadata keys are binary). */
function bytesToString(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}
