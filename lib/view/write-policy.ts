/**
 * Which requests may write (upload, fetch from SIPRI, delete): the rules, without IO, so that every
 * writing route applies the same ones (lib/server/write-guard.ts reads the request and the settings).
 */
export type WriteRefusal = { status: 403; error: string; detail: string };

/**
 * A write whose `Origin` names another site than the one it was sent to: a page elsewhere making the
 * visitor's browser upload or delete here. Requests without an Origin (curl, scripts) are not
 * browsers' cross-site requests and pass this rule. `host` is the request's Host, or the address a
 * reverse proxy says it was sent to (X-Forwarded-Host).
 */
export function crossSiteRefusal(origin: string | null, hosts: (string | null)[]): WriteRefusal | null {
  if (origin === null) return null;
  let from: string | null = null;
  try {
    // "null" (a sandboxed frame, a file) and anything unparsable have no host: refused.
    from = origin === 'null' ? null : new URL(origin).host.toLowerCase();
  } catch {
    from = null;
  }
  const allowed = hosts.filter((h): h is string => !!h).map((h) => h.split(',')[0].trim().toLowerCase());
  if (from !== null && allowed.includes(from)) return null;
  return {
    status: 403,
    error: 'cross-site request',
    detail: `a write from ${JSON.stringify(origin)} to ${allowed[0] ?? 'this server'} is refused: uploads, fetches and deletions are accepted from this site's own pages or from clients that send no Origin`,
  };
}

/** The UPLOADS setting: `off` makes a read-only server; unset or `on` accepts writes; anything else is named. */
export function uploadsSetting(raw: string | undefined): { off: boolean; problem: string | null } {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === 'on') return { off: false, problem: null };
  if (v === 'off') return { off: true, problem: null };
  // A typo must not open a server meant to be read-only: an unknown value counts as off, and says so.
  return { off: true, problem: `UPLOADS=${JSON.stringify(raw)} is neither "on" nor "off": taken as off` };
}

export function readOnlyRefusal(problem: string | null): WriteRefusal {
  return {
    status: 403,
    error: 'read-only',
    detail: `this server is read-only: uploads, SIPRI fetches and deletions are turned off (${problem ?? 'UPLOADS=off'})`,
  };
}
