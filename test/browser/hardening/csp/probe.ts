// Loaded first on the CSP page: records every securitypolicyviolation before any element loads.
export interface CspViolation {
  readonly directive: string;
  readonly blocked: string;
  readonly source: string;
  readonly sample: string;
}
const w = window as unknown as { __cspViolations: CspViolation[]; __cspErrors: string[] };
w.__cspViolations = [];
w.__cspErrors = [];
document.addEventListener('securitypolicyviolation', (e) => {
  w.__cspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}`, sample: e.sample });
});
window.addEventListener('error', (e) => {
  if (!String(e.message).includes('ResizeObserver loop')) w.__cspErrors.push(String(e.message));
});
window.addEventListener('unhandledrejection', (e) => w.__cspErrors.push(String((e.reason as Error | undefined)?.message ?? e.reason)));
