import { z } from 'zod';

/**
 * The address a citizen's phone opens the hall at (hall settings `publicUrl`): the hall Wi-Fi or
 * internet address every printed and shown QR code names. One rule for the technician console
 * and the host. `https://host[:port]`, or `http://host:port` behind a proxy the hall runs; an
 * origin only (the pages live at the root); never a loopback or unspecified address, which no
 * phone can reach.
 */
export type PublicUrlProblem = 'unreadable' | 'scheme' | 'credentials' | 'path' | 'unreachable';

const UNREACHABLE = /^(localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|\[::ffff:127(\.\d{1,3}){3}\])$/i;

export function publicUrlProblem(value: string): PublicUrlProblem | null {
  if (!URL.canParse(value)) return 'unreadable';
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.username !== '' || url.password !== '') return 'credentials';
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return 'path';
  if (UNREACHABLE.test(url.hostname) || url.hostname.endsWith('.localhost')) return 'unreachable';
  return null;
}

const MESSAGES: Record<PublicUrlProblem, string> = {
  unreadable: 'not a URL: write https://host or http://host:port',
  scheme: 'https:// or http:// only',
  credentials: 'no user name or password in the address',
  path: 'the address only (scheme, host and port): no path, query or fragment',
  unreachable: 'a loopback or unspecified address: a phone cannot reach it',
};

/** A valid public address, kept as its origin (`https://hall.example.cn`, no trailing slash). */
export const PublicUrl = z
  .string()
  .trim()
  .max(200)
  .superRefine((value, ctx) => {
    const problem = publicUrlProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: MESSAGES[problem], params: { problem } });
  })
  .transform((value) => new URL(value).origin);
