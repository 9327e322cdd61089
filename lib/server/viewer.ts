import 'server-only';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { headers } from 'next/headers';
import { bearerOf, cookieOf, type Viewer } from '../view/access';

/** The browser's owner secret: set on its first upload, HttpOnly, never sent back in a body. */
export const OWNER_COOKIE = 'arms_owner';
/** The admin's sign-in: an expiry and its HMAC under ADMIN_TOKEN (no state on the server; a new token voids it). */
export const ADMIN_COOKIE = 'arms_admin';
const ADMIN_SESSION_S = 12 * 60 * 60;
const SECRET = /^[0-9a-f]{64}$/;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new secret: 256 random bits, as hex (an owner cookie, an upload's token). */
export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

/** The admin token (ADMIN_TOKEN), or null when this server has no admin. */
export function adminToken(): string | null {
  const t = process.env.ADMIN_TOKEN?.trim();
  return t ? t : null;
}

/** Equal in constant time: both sides hashed first, so that neither their length nor their bytes leak by timing. */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

function sessionMac(token: string, expires: number): string {
  return createHmac('sha256', token).update(`arms-admin:${expires}`).digest('hex');
}

/** The admin cookie's value for a sign-in now. */
export function adminSessionValue(token: string, nowMs = Date.now()): string {
  const expires = Math.floor(nowMs / 1000) + ADMIN_SESSION_S;
  return `${expires}.${sessionMac(token, expires)}`;
}

function validSession(value: string | null, token: string): boolean {
  const match = value ? /^(\d{1,12})\.([0-9a-f]{64})$/.exec(value) : null;
  if (!match) return false;
  const expires = Number(match[1]);
  return expires * 1000 > Date.now() && sameSecret(match[2], sessionMac(token, expires));
}

/** Whether a presented token is the admin's. */
export function isAdminToken(presented: string): boolean {
  const token = adminToken();
  return token !== null && sameSecret(presented, token);
}

export type RequestViewer = Viewer & {
  /** The browser's owner secret, if its cookie holds a well-formed one (a new upload is owned by it). */
  ownerSecret: string | null;
  /** Whether a bearer token or an admin sign-in was sent (an admin action's 401 and 403 differ by it). */
  presented: boolean;
  /** A malformed Authorization header, named: answered 400 by the API. */
  problem: string | null;
};

/**
 * Who sent these headers: the owner cookie's secret and a bearer token, hashed (an upload's
 * metadata keeps only hashes), and whether either is the admin's. Pages and routes alike.
 */
export function viewerOf(headers: Headers): RequestViewer {
  const cookies = headers.get('cookie');
  const owner = cookieOf(cookies, OWNER_COOKIE);
  const ownerSecret = owner && SECRET.test(owner) ? owner : null;
  const bearer = bearerOf(headers.get('authorization'));
  const token = 'token' in bearer ? bearer.token : null;
  const admin = adminToken();
  const adminBearer = admin !== null && token !== null && sameSecret(token, admin);
  const isAdmin = adminBearer || (admin !== null && validSession(cookieOf(cookies, ADMIN_COOKIE), admin));
  // The admin's token owns nothing: the admin sees and may change every upload anyway.
  const keys = [ownerSecret, adminBearer ? null : token].filter((s): s is string => s !== null).map(hashSecret);
  return {
    keys,
    admin: isAdmin,
    ownerSecret,
    presented: token !== null || cookieOf(cookies, ADMIN_COOKIE) !== null,
    problem: 'error' in bearer ? bearer.error : null,
  };
}

/** Cookie attributes: HttpOnly, SameSite=Strict, the whole site; Secure when the request came over https. */
export function cookieHeader(name: string, value: string, maxAgeS: number, request: Request): string {
  const https = new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  return `${name}=${value}; Path=/; Max-Age=${maxAgeS}; HttpOnly; SameSite=Strict${https ? '; Secure' : ''}`;
}

/** The owner cookie for a browser that has none yet: 400 days, the longest Chromium keeps a cookie. */
export function ownerCookie(secret: string, request: Request): string {
  return cookieHeader(OWNER_COOKIE, secret, 400 * 24 * 60 * 60, request);
}

export function adminCookie(value: string | null, request: Request): string {
  return cookieHeader(ADMIN_COOKIE, value ?? '', value ? ADMIN_SESSION_S : 0, request);
}

/** Who is viewing a page: its request's cookies (a page sees no Authorization header from browsers). */
export async function pageViewer(): Promise<RequestViewer> {
  return viewerOf(await headers());
}
