/**
 * The Content-Security-Policy of the renderer's pages (Electron security checklist item 7: a
 * page that loads only its own scripts cannot be turned against the kiosk by injected markup). The host sends it with every page it serves, and the Electron shell enforces the same
 * policy on its host origin whatever the response said, so one builder serves both.
 *
 * Checked against the built renderer: scripts, styles, fonts and the boot screen's inline `style`
 * attribute come from the page's own origin (no <style> element is injected at run time, so only
 * style attributes need 'unsafe-inline'); QR codes are data: images; the display's fallback voice
 * is an <audio> of the host's /api/v1/announce; the event stream is a WebSocket to the same host.
 */

/** host[:port] as a Host header carries it: a name or IPv4 with an optional port, or [IPv6]. */
const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The policy for a page asked for at `host` (the request's Host header, used only when well formed). */
export function rendererCsp(options: { host?: string | undefined } = {}): string {
  const host = options.host !== undefined && HOST_HEADER.test(options.host) ? options.host.toLowerCase() : undefined;
  // CSP3 lets 'self' cover ws:/wss: of the same host; the explicit entries keep older engines right.
  const sockets = host === undefined ? [] : [`ws://${host}`, `wss://${host}`];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['style-src-attr', ["'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['media-src', ["'self'", 'blob:', 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...sockets]],
    ['frame-src', ["'none'"]],
    ['worker-src', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
