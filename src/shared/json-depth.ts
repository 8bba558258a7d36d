/**
 * How deeply a JSON text nests, found without parsing and without recursion, so it is safe on any input.
 *
 * MAX_BODY_DEPTH bounds what the console sends. WeChat's deepest bodies (menus with sub_button, custom
 * messages with articles, template data, WeCom approval forms) stay under 10 levels; 64 leaves ample room
 * for any real body while keeping every later step over it (redaction, history, the UI's JSON tree) far from
 * a stack limit. A body nested 5,000 levels is never a real request.
 */
export const MAX_BODY_DEPTH = 64;

/** The deepest nesting of `[`/`{` outside strings; stops counting once `stopAbove` is passed. */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
