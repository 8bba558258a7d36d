/**
 * The Content-Security-Policy for the app's page, sent as a response header by the window's session.
 * The same policy the renderer's meta tag and the loopback server use: nothing but the app's own files,
 * images from data:/blob: (console previews), no plugins, no framing. No inline styles: React's style
 * props go through the CSSOM, which style-src does not govern; a <style> element or style attribute in
 * markup would be refused.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * In development the Vite dev server needs its HMR websocket, React Refresh's inline preamble and its
 * injected <style> elements (CSS hot reload); nothing else is loosened, and a packaged app never uses this.
 */
export function devCsp(devUrl: string): string {
  const dev = new URL(devUrl);
  const ws = `ws://${dev.host}`;
  return APP_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${ws}`);
}

/** Response headers with the CSP set, replacing any CSP header already there (in any letter case). */
export function withCsp(headers: Record<string, string[] | string> | undefined, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
