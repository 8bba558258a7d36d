/** JSON helpers for the body editor and the response view. */

export type JsonCheck =
  | { ok: true; value: unknown }
  | { ok: false; message: string; position: number; line: number; column: number };

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(position, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Parses JSON; a failure says where (engines word it differently, so the offset is found loosely). */
export function checkJson(text: string): JsonCheck {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    let position = text.length;
    const at = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    if (at) position = Number(at[1]);
    else if (lc) position = offsetOf(text, Number(lc[1]), Number(lc[2]));
    return { ok: false, message: message.replace(/\s*\(line \d+ column \d+\)/, ''), position, ...lineColumn(text, position) };
  }
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

/** Pretty-prints JSON text with two spaces, or returns undefined when it does not parse. */
export function formatJson(text: string): string | undefined {
  const checked = checkJson(text);
  return checked.ok ? JSON.stringify(checked.value, null, 2) : undefined;
}

/** Does a content type carry JSON (WeChat often says text/plain for JSON)? */
export function looksJson(contentType: string, text: string | undefined): boolean {
  if (/json/i.test(contentType)) return true;
  const start = text?.trimStart()[0];
  return start === '{' || start === '[';
}
