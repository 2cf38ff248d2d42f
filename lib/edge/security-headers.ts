// Security headers of the pages (dashboard, portal, sign-in): set by proxy.ts on every page
// response. The API and the tracker are left out there: they are called cross-origin and answer
// JSON or JavaScript (their CORS rules: lib/edge/cors.ts); next.config.ts gives every response
// `nosniff` and the referrer policy.
//   - CSP with a per-request nonce: Next's own inline scripts carry it (it reads the nonce from the
//     request's CSP header), nothing else inline runs; `frame-ancestors 'none'` (and the older
//     X-Frame-Options: DENY) so that no site can frame "Mark paid" and trick a click (clickjacking).
//   - HSTS only when the app is served over https (a plain-http install must stay reachable).
export const COMMON_HEADERS = { "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" } as const;

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'", // React sets style attributes; styles cannot run code
    "img-src 'self' data: blob: https:", // programs' logos
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function pageHeaders(nonce: string, options: { dev?: boolean; https?: boolean } = {}): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    "X-Frame-Options": "DENY",
    ...COMMON_HEADERS,
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
