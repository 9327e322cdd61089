/**
 * How many uploads and SIPRI fetches one client may make a minute: the rule, without IO or clock
 * (lib/server/rate-guard.ts reads the setting, the client's address and the time).
 */

/** UPLOAD_RATE_PER_MIN: a whole number ≥ 0, 30 when unset; 0 turns the limit off. Anything else is named, and the default holds. */
export function rateSetting(raw: string | undefined): { perMinute: number; problem: string | null } {
  const v = (raw ?? '').trim();
  if (v === '') return { perMinute: 30, problem: null };
  if (/^\d+$/.test(v)) return { perMinute: Number(v), problem: null };
  return { perMinute: 30, problem: `UPLOAD_RATE_PER_MIN=${JSON.stringify(raw)} is not a whole number: 30 a minute` };
}

/**
 * The client's address from X-Forwarded-For. Next.js fills that header with the socket's address
 * when the request has none, and a reverse proxy appends the address it was reached from: the last
 * entry is the address nearest to this server that something other than the client wrote. Behind
 * `hops` proxies, each appending, the client is `hops` entries from the end.
 */
export function clientAddress(forwardedFor: string | null, hops = 1): string {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - Math.max(1, hops))] ?? 'unknown';
}

/**
 * A sliding window of the last minute's requests per key. Bounded: past `maxKeys` clients, the one
 * seen longest ago is forgotten (a flood of forged addresses cannot grow it without end).
 */
export class RateWindow {
  private readonly seen = new Map<string, number[]>();
  constructor(
    private readonly perMinute: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Count one request of `key` at `nowMs`; refused (with the seconds until one is allowed) past the limit. */
  take(key: string, nowMs: number): { ok: true } | { ok: false; retryAfterS: number } {
    if (this.perMinute <= 0) return { ok: true };
    const recent = (this.seen.get(key) ?? []).filter((t) => nowMs - t < 60_000);
    if (recent.length >= this.perMinute) {
      this.seen.set(key, recent);
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((recent[0] + 60_000 - nowMs) / 1000)) };
    }
    recent.push(nowMs);
    // Re-inserted, so that the Map's order is by last request and its first key the stalest.
    this.seen.delete(key);
    this.seen.set(key, recent);
    if (this.seen.size > this.maxKeys) this.seen.delete(this.seen.keys().next().value!);
    return { ok: true };
  }
}
