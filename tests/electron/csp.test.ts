import { describe, expect, it } from 'vitest';
import { rendererCsp } from '../../host/api/content-security-policy';
import { SHELL_HEADER } from '../../host/lan/shell-guard';
import { withRendererCsp } from '../../electron/csp';
import { loopbackOrigin } from '../../electron/host-origin';
import { withShellHeader } from '../../electron/shell-header';

const HOST = loopbackOrigin(7300);
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name = '', ...sources]) => [name, sources]),
  );

describe('shell-logic: CSP header builder', () => {
  it('allows only the page origin, with the few extra sources the renderer needs', () => {
    const csp = directives(rendererCsp({ host: '127.0.0.1:7300' }));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(csp.get('font-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:7300', 'wss://127.0.0.1:7300']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    const all = [...csp.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all).not.toContain('*');
  });

  it('names the page host in connect-src only when the Host header is well formed', () => {
    expect(directives(rendererCsp({ host: '192.168.1.10:7300' })).get('connect-src')).toContain('ws://192.168.1.10:7300');
    expect(directives(rendererCsp({ host: '[::1]:7300' })).get('connect-src')).toContain('ws://[::1]:7300');
    for (const host of [undefined, '', 'evil.com; script-src *', 'a b', "x' 'unsafe-inline"]) {
      expect(directives(rendererCsp({ host })).get('connect-src'), String(host)).toEqual(["'self'"]);
    }
  });

  it('puts the policy on every host document, replacing any header that came, and leaves the rest alone', () => {
    const page = withRendererCsp(
      {
        url: 'http://127.0.0.1:7300/kiosk',
        resourceType: 'mainFrame',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      },
      HOST,
    );
    expect(page?.['Content-Type']).toEqual(['text/html']);
    expect(page).not.toHaveProperty('content-security-policy');
    expect(page?.['Content-Security-Policy']).toEqual([rendererCsp({ host: '127.0.0.1:7300' })]);
    // Also a document with no headers at all.
    expect(withRendererCsp({ url: 'http://127.0.0.1:7300/display', resourceType: 'subFrame' }, HOST)).toHaveProperty(
      'Content-Security-Policy',
    );

    const script = { url: 'http://127.0.0.1:7300/assets/index.js', resourceType: 'script', responseHeaders: { a: ['b'] } };
    expect(withRendererCsp(script, HOST)).toBe(script.responseHeaders);
    const foreign = { url: 'http://127.0.0.1:7300@evil.com/', resourceType: 'mainFrame', responseHeaders: { a: ['b'] } };
    expect(withRendererCsp(foreign, HOST)).toBe(foreign.responseHeaders);
  });
});

describe('shell-logic: the per-boot shell header', () => {
  it('goes on every request to the host (pages, API, WebSocket) and nowhere else', () => {
    const add = (url: string, requestHeaders: Record<string, string> = {}) =>
      withShellHeader({ url, requestHeaders }, HOST, 'tok');
    expect(add('http://127.0.0.1:7300/kiosk')[SHELL_HEADER]).toBe('tok');
    expect(add('http://127.0.0.1:7300/api/v1/queue')[SHELL_HEADER]).toBe('tok');
    expect(add('ws://127.0.0.1:7300/api/v1/events')[SHELL_HEADER]).toBe('tok');
    for (const url of [
      'http://127.0.0.1:7301/',
      'http://127.0.0.1:7300@evil.com/',
      'https://updates.example/latest.yml',
      'http://192.168.1.10:7300/',
    ])
      expect(add(url), url).not.toHaveProperty(SHELL_HEADER);
  });

  it('overwrites whatever a page tried to send under that name, and keeps its other headers', () => {
    const headers = withShellHeader(
      { url: 'http://127.0.0.1:7300/api/v1/x', requestHeaders: { 'X-Hall-Shell': 'forged', Accept: 'application/json' } },
      HOST,
      'tok',
    );
    expect(headers).toEqual({ Accept: 'application/json', [SHELL_HEADER]: 'tok' });
    const elsewhere = withShellHeader({ url: 'http://evil.com/', requestHeaders: { 'x-hall-shell': 'leak' } }, HOST, 'tok');
    expect(elsewhere).toEqual({});
  });
});
