// The one Content-Security-Policy of the app, used by the Electron protocol handler and the web
// host alike. No remote origin anywhere: the editor never loads code, styles, fonts or data from
// the network. 'unsafe-inline' for styles only, because AG Grid positions rows with inline styles.
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  // The print preview shows the official layout in an iframe (srcdoc/blob).
  'frame-src': "'self' about: blob:",
  'worker-src': "'self' blob:",
};

export const CSP = Object.entries(CSP_DIRECTIVES).map(([k, v]) => `${k} ${v}`).join('; ');

/** Headers every page and asset of the app is served with. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  // The page URL carries the web host's token: never send it anywhere.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * The same policy as a <meta> tag at the top of <head>, as a second line of defence where a
 * response header might not be honoured (custom protocols). Pages that already carry one keep it.
 */
export function withCspMeta(html: string, csp: string = CSP): string {
  if (/http-equiv=["']?content-security-policy/i.test(html)) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
  // After <head>, else after the doctype (never before it: that would switch to quirks mode).
  const at = /<head[^>]*>/i.exec(html) ?? /^\s*<!doctype[^>]*>/i.exec(html);
  return at ? html.slice(0, at.index + at[0].length) + meta + html.slice(at.index + at[0].length) : meta + html;
}

/**
 * The policy with script-src narrowed from 'self' to the hashes of the page's own scripts (which
 * carry the same hashes as integrity attributes): the built index.html's <meta>, so even a file
 * that some day lands beside the app cannot run as a script there. Both policies apply together.
 */
export function cspWithScriptHashes(hashes: string[]): string {
  return Object.entries({ ...CSP_DIRECTIVES, 'script-src': hashes.map((h) => `'${h}'`).join(' ') }).map(([k, v]) => `${k} ${v}`).join('; ');
}
