import { describe, expect, it } from 'vitest';
import { hostPath, isHostRequestUrl, isHostUrl, loopbackOrigin } from '../../electron/host-origin';
import {
  installNavigationGuards,
  navigationAllowed,
  type GuardableContents,
  type Preventable,
} from '../../electron/navigation-guard';

const HOST = loopbackOrigin(7300);

/** Hostile or merely foreign destinations: none may be navigated to. */
const HOSTILE = [
  'http://127.0.0.1:7301/kiosk', // another port
  'http://127.0.0.1/kiosk', // port 80
  'https://127.0.0.1:7300/kiosk', // another scheme
  'http://localhost:7300/kiosk', // another host name for the same machine is another origin
  'http://[::1]:7300/kiosk',
  'http://127.0.0.1:7300@evil.com/kiosk', // userinfo trick: the host is evil.com
  'http://user:pw@127.0.0.1:7300/kiosk', // credentials smuggled to the right origin
  'http://127.0.0.1:7300.evil.com/', // not a port at all
  'http://127.0.0.1.evil.com:7300/',
  'http://evil.com/?http://127.0.0.1:7300/',
  'javascript:alert(1)',
  "javascript://127.0.0.1:7300/%0Aalert('x')",
  'file:///etc/passwd',
  'file://127.0.0.1:7300/kiosk',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'blob:http://127.0.0.1:7300/0f1e2d3c-aaaa-bbbb-cccc-000000000000',
  'about:blank',
  'chrome://gpu',
  'devtools://devtools/bundled/inspector.html',
  'ws://127.0.0.1:7300/api/v1/events',
  'http://xn--lcalhost-9fg:7300/kiosk', // IDN lookalike of "localhost" (Cyrillic о)
  'http://lоcalhost:7300/kiosk', // the same, unencoded
  'http://127。0。0。1.evil.com:7300/', // ideographic full stops: still a foreign host
  'not a url',
  '',
];

describe('shell-logic: navigation and window-open guards', () => {
  it('allows the host origin only', () => {
    expect(navigationAllowed('http://127.0.0.1:7300/kiosk', HOST)).toBe(true);
    expect(navigationAllowed('http://127.0.0.1:7300/technician?tab=devices#x', HOST)).toBe(true);
    for (const url of HOSTILE) expect(navigationAllowed(url, HOST), url).toBe(false);
  });

  it('judges by the parsed origin, as Chromium would: other spellings of the same origin stay the same origin', () => {
    // The WHATWG parser maps full-width digits, hex IPv4 and ideographic dots to 127.0.0.1:
    // these go exactly where the host is, so allowing them opens nothing.
    for (const url of [
      'HTTP://127.0.0.1:7300/kiosk',
      'http://0x7f.0.0.1:7300/kiosk',
      'http://１２７.０.０.１:7300/kiosk',
      'http://127。0。0。1:7300/',
    ]) {
      expect(new URL(url).origin).toBe(HOST);
      expect(isHostUrl(url, HOST), url).toBe(true);
    }
  });

  it('knows the host WebSocket as the host too (for the shell header), and nothing else', () => {
    expect(isHostRequestUrl('ws://127.0.0.1:7300/api/v1/events', HOST)).toBe(true);
    expect(isHostRequestUrl('http://127.0.0.1:7300/api/v1/health', HOST)).toBe(true);
    expect(isHostRequestUrl('ws://127.0.0.1:7301/api/v1/events', HOST)).toBe(false);
    expect(isHostRequestUrl('wss://127.0.0.1:7300/api/v1/events', HOST)).toBe(false);
    expect(isHostRequestUrl('ws://a:b@127.0.0.1:7300/', HOST)).toBe(false);
    expect(isHostRequestUrl('http://127.0.0.1:7300@evil.com/', HOST)).toBe(false);
  });

  it('reads the path of host pages only', () => {
    expect(hostPath('http://127.0.0.1:7300/technician?x=1', HOST)).toBe('/technician?x=1');
    expect(hostPath('http://127.0.0.1:7300@evil.com/technician', HOST)).toBeNull();
  });

  it('refuses a bad port for the origin', () => {
    expect(() => loopbackOrigin(0)).toThrow(RangeError);
    expect(() => loopbackOrigin(70_000)).toThrow(RangeError);
  });

  it('cancels foreign navigations and redirects, every new window, every webview (stand-in WebContents: no Electron binary here)', () => {
    type Listener = (...args: never[]) => void;
    const listeners = new Map<string, Listener>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents: GuardableContents = {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler) => {
        openHandler = handler;
      },
    } as GuardableContents;
    const blocked: string[] = [];
    installNavigationGuards(
      contents,
      () => HOST,
      (what, url) => blocked.push(`${what} ${url}`),
    );

    const fire = (name: string, url: string) => {
      let prevented = false;
      const event: Preventable = { preventDefault: () => (prevented = true) };
      const listener = listeners.get(name) as (event: Preventable, url: string) => void;
      listener(event, url);
      return prevented;
    };
    const fireFrame = (url: string) => {
      let prevented = false;
      const listener = listeners.get('will-frame-navigate') as (details: Preventable & { url: string }) => void;
      listener({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };

    expect(fire('will-navigate', 'http://127.0.0.1:7300/display')).toBe(false);
    expect(fire('will-redirect', 'http://127.0.0.1:7300/kiosk')).toBe(false);
    expect(fireFrame('http://127.0.0.1:7300/case/x')).toBe(false);
    for (const url of HOSTILE) {
      expect(fire('will-navigate', url), url).toBe(true);
      expect(fire('will-redirect', url), url).toBe(true);
      expect(fireFrame(url), url).toBe(true);
    }
    expect(fire('will-attach-webview', 'http://127.0.0.1:7300/kiosk')).toBe(true);
    // Not even the host's own pages open in a new window, and nothing opens outside.
    expect(openHandler?.({ url: 'http://127.0.0.1:7300/kiosk' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(blocked).toContain('new window https://www.gov.cn/');
  });
});
