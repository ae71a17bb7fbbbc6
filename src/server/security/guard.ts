// Who may talk to the workbench and how: an access token when it listens beyond loopback, a CSRF
// token on every POST (beside hono/csrf's same-origin check), and headers that keep pages from running
// anything but the workbench's own script.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ConfigError } from '../../messages.js';

export const newSecret = () => randomBytes(24).toString('base64url');

function same(a: string | undefined | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** True for 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** Refuses a non-loopback --host without --token, saying how to fix it. */
export function checkExposure(host: string, token: string | undefined): void {
  if (!isLoopback(host) && !token) {
    throw new ConfigError(`--host ${host} makes the workbench reachable from other machines; add --token SECRET (then open /?token=SECRET once), or keep the default --host 127.0.0.1`);
  }
}

const TOKEN_COOKIE = 'newsdesk_token';

/** With --token: every request needs the token (Bearer header or the cookie `/?token=` sets). */
export function accessToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return next();
    const given = c.req.query('token');
    if (given !== undefined) {
      if (!same(given, token)) return c.text('wrong token', 401);
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      return c.redirect(new URL(c.req.url).pathname, 303);
    }
    const bearer = c.req.header('authorization')?.replace(/^Bearer\s+/i, '');
    if (same(bearer, token) || same(getCookie(c, TOKEN_COOKIE), token)) return next();
    return c.text('this workbench needs its access token: open /?token=SECRET once, or send Authorization: Bearer SECRET', 401);
  };
}

/**
 * The token half of the CSRF check (hono/csrf does the same-origin half): a POST must carry the token
 * every page embeds, as form field `_csrf` or header `x-csrf-token`.
 */
export function csrfToken(secret: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    let token = c.req.header('x-csrf-token');
    if (!token) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const field = (await c.req.parseBody())['_csrf'];
        token = typeof field === 'string' ? field : undefined;
      }
    }
    if (!same(token, secret)) return c.json({ error: 'missing or wrong CSRF token: reload the page and try again' }, 403);
    return next();
  };
}

/** The page may load only its own script and style; nothing inline runs, nothing frames it. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};
