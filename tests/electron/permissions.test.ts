import { describe, expect, it } from 'vitest';
import { TerminalRole } from '../../contracts/terminal-settings';
import { loopbackOrigin } from '../../electron/host-origin';
import {
  installPermissionHandlers,
  permissionAllowed,
  ROLE_PERMISSIONS,
  type PermissionSession,
} from '../../electron/permissions';

const HOST = loopbackOrigin(7300);
const PAGE = 'http://127.0.0.1:7300/kiosk';
/** Every permission name Electron's request and check handlers can be asked about. */
const ALL = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'background-sync',
];

describe('shell-logic: permission handler per role', () => {
  it('grants no role anything today: every permission is denied, even to the host page', () => {
    for (const role of TerminalRole.options) {
      expect(ROLE_PERMISSIONS[role]).toEqual([]);
      for (const permission of ALL) {
        expect(
          permissionAllowed(role, { permission, requestingUrl: PAGE, isMainFrame: true }, HOST),
          `${role} ${permission}`,
        ).toBe(false);
      }
    }
  });

  it('would grant a listed permission only to the host page, in its main frame', () => {
    const table = { kiosk: [], counter: ['clipboard-sanitized-write'], display: ['speaker-selection'], technician: [] };
    const ask = (role: TerminalRole, permission: string, requestingUrl = PAGE, isMainFrame = true) =>
      permissionAllowed(role, { permission, requestingUrl, isMainFrame }, HOST, table);
    expect(ask('display', 'speaker-selection')).toBe(true);
    expect(ask('kiosk', 'speaker-selection')).toBe(false);
    expect(ask('display', 'speaker-selection', 'http://127.0.0.1:7301/display')).toBe(false);
    expect(ask('display', 'speaker-selection', 'http://127.0.0.1:7300@evil.com/display')).toBe(false);
    expect(ask('display', 'speaker-selection', 'data:text/html,x')).toBe(false);
    expect(ask('display', 'speaker-selection', PAGE, false)).toBe(false);
    expect(ask('counter', 'clipboard-sanitized-write')).toBe(true);
  });

  it("never grants the microphone ('media' with audio), external links or devices, whatever a table says", () => {
    const generous = Object.fromEntries(TerminalRole.options.map((r) => [r, ALL])) as Record<TerminalRole, string[]>;
    for (const role of TerminalRole.options) {
      for (const permission of ['media', 'openExternal', 'geolocation', 'hid', 'serial', 'usb'])
        expect(permissionAllowed(role, { permission, requestingUrl: PAGE, isMainFrame: true }, HOST, generous)).toBe(false);
      for (const mediaTypes of [['audio'], ['video', 'audio'], ['unknown'], []])
        expect(
          permissionAllowed(role, { permission: 'media', requestingUrl: PAGE, isMainFrame: true, mediaTypes }, HOST, generous),
          `${role} ${mediaTypes.join('+')}`,
        ).toBe(false);
    }
  });

  it('grants the camera (video only) to the kiosk and the technician console, on the host page in its main frame', () => {
    const camera = (role: TerminalRole, requestingUrl = PAGE, isMainFrame = true) =>
      permissionAllowed(role, { permission: 'media', requestingUrl, isMainFrame, mediaTypes: ['video'] }, HOST);
    expect(camera('kiosk')).toBe(true);
    expect(camera('technician', 'http://127.0.0.1:7300/technician')).toBe(true);
    expect(camera('display')).toBe(false);
    expect(camera('counter')).toBe(false);
    expect(camera('kiosk', 'http://127.0.0.1:7301/kiosk')).toBe(false);
    expect(camera('kiosk', PAGE, false)).toBe(false);
  });

  it('installs request, check and device handlers that follow the current role (stand-in Session: no Electron binary here)', () => {
    type RequestHandler = Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    type CheckHandler = Parameters<PermissionSession['setPermissionCheckHandler']>[0];
    let request: RequestHandler | undefined;
    let check: CheckHandler | undefined;
    let device: (() => boolean) | undefined;
    const session: PermissionSession = {
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
      setDevicePermissionHandler: (h) => (device = h),
    };
    let role: TerminalRole = 'kiosk';
    const table = { kiosk: [], counter: [], display: ['speaker-selection'], technician: [] };
    installPermissionHandlers(
      session,
      () => role,
      () => HOST,
      table,
    );

    const answers: boolean[] = [];
    request?.(null, 'speaker-selection', (granted) => answers.push(granted), { requestingUrl: PAGE, isMainFrame: true });
    role = 'display';
    request?.(null, 'speaker-selection', (granted) => answers.push(granted), { requestingUrl: PAGE, isMainFrame: true });
    request?.(null, 'media', (granted) => answers.push(granted), { requestingUrl: PAGE, isMainFrame: true });
    expect(answers).toEqual([false, true, false]);
    // The check handler may get only an origin (no URL): the origin is judged the same way.
    expect(check?.(null, 'speaker-selection', HOST, { isMainFrame: true })).toBe(true);
    expect(check?.(null, 'speaker-selection', 'http://evil.com', { isMainFrame: true })).toBe(false);
    expect(check?.(null, 'notifications', HOST, { isMainFrame: true, requestingUrl: PAGE })).toBe(false);
    // The kiosk's document camera: video asked and checked is granted, the microphone never.
    role = 'kiosk';
    request?.(null, 'media', (granted) => answers.push(granted), {
      requestingUrl: PAGE,
      isMainFrame: true,
      mediaTypes: ['video'],
    });
    request?.(null, 'media', (granted) => answers.push(granted), {
      requestingUrl: PAGE,
      isMainFrame: true,
      mediaTypes: ['audio'],
    });
    expect(answers.slice(3)).toEqual([true, false]);
    expect(check?.(null, 'media', HOST, { isMainFrame: true, mediaType: 'video' })).toBe(true);
    expect(check?.(null, 'media', HOST, { isMainFrame: true, mediaType: 'audio' })).toBe(false);
    expect(device?.()).toBe(false);
  });
});
