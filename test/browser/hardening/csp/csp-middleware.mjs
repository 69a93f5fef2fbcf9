// Serves the hardening CSP page (test/browser/hardening/csp/page.html) with the strict CSP and
// Trusted Types header of reliability.md section 1.5, plus connect-src for the loopback dev
// server. Only that page gets the header; every other test page is untouched.
export const CSP_PAGE = '/test/browser/hardening/csp/page.html';

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' http://127.0.0.1:* ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html fluss-elk',
].join('; ');

export function cspPageMiddleware() {
  return async function cspPage(ctx, next) {
    await next();
    if (ctx.path === CSP_PAGE) {
      ctx.set('Content-Security-Policy', STRICT_CSP);
      ctx.set('Cache-Control', 'no-store');
    }
  };
}
