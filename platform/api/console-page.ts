import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { errorBody } from './errors';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The console page's path on the platform's origin. */
export const CONSOLE_PAGE_PATH = '/district';

/**
 * The public 营商诉求 form's path (renderer/complaint.html): an enterprise without a kiosk files a
 * complaint and follows it. Its own small entry, with no console code, under the same policy.
 */
export const PUBLIC_COMPLAINT_PAGE_PATH = '/complaint';

/**
 * The policy of the console page: its own scripts, styles and fonts only, the API on the same
 * origin, never framed. Narrower than the hall pages' (no sockets, no audio, no QR data images
 * beyond `data:` for inline icons).
 */
export const CONSOLE_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the district console page from the built renderer (`dist/renderer`: its own entry
 * `district.html` and the shared `/assets/*`), so the page calls the platform's API on its own
 * origin: no CORS, and the session token never crosses to another site. Without a build the
 * page answers 404 and the API works as ever.
 */
export async function installConsolePage(app: FastifyInstance, rendererDir: string): Promise<void> {
  // serve: false: one route for the assets (the host's reason: no glob of the font's subsets at start).
  await app.register(fastifyStatic, { root: rendererDir, serve: false });
  const sendPage = (file: string) => async (_request: unknown, reply: FastifyReply) => {
    if (!existsSync(join(rendererDir, file))) return reply.code(404).send(errorBody('not_found', 'the page is not built'));
    return reply
      .type('text/html')
      .header('cache-control', 'no-cache')
      .header('x-frame-options', 'DENY')
      .header('content-security-policy', CONSOLE_PAGE_CSP)
      .sendFile(file);
  };
  app.get(CONSOLE_PAGE_PATH, { config: { access: 'public' }, schema: { hide: true } }, sendPage('district.html'));
  app.get(PUBLIC_COMPLAINT_PAGE_PATH, { config: { access: 'public' }, schema: { hide: true } }, sendPage('complaint.html'));
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect(CONSOLE_PAGE_PATH),
  );
  app.get('/assets/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply.sendFile(`assets/${file}`, { maxAge: '365d', immutable: true });
  });
}
