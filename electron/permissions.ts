import type { TerminalRole } from '../contracts/terminal-settings';
import { isHostUrl } from './host-origin';

/**
 * What each role's page may be granted (checklist item 5). Today no page needs any permission
 * listed here: speech synthesis and the display's audio need none (autoplay is a web preference),
 * the QR scanner is a keyboard wedge or a host device, files are saved as downloads. The camera is
 * the one exception, and not by this table: see CAMERA_ROLES. The microphone is never granted.
 * A future need is one line here, and still only for the host's own main frame.
 */
export const ROLE_PERMISSIONS: Readonly<Record<TerminalRole, readonly string[]>> = {
  kiosk: [],
  display: [],
  counter: [],
  technician: [],
};

/**
 * The pages that may open a camera: the kiosk (its document camera, 高拍仪, photographs the
 * citizen's materials) and the technician console (which chooses and tests it). Video only:
 * 'media' asking for audio too, or not saying what it wants, is refused, so no page can listen.
 */
export const CAMERA_ROLES: readonly TerminalRole[] = ['kiosk', 'technician'];

/** Never granted, whatever a table says ('media' only as CAMERA_ROLES allows). */
const NEVER = new Set(['media', 'openExternal', 'geolocation', 'hid', 'serial', 'usb']);

export interface PermissionQuestion {
  permission: string;
  /** The URL of the page (request) or the requesting origin (check). */
  requestingUrl: string;
  /** Whether the main frame asks (a subframe never gets anything). */
  isMainFrame: boolean;
  /** For 'media': what is asked for ('video', 'audio'; a check says 'unknown' when it cannot tell). */
  mediaTypes?: readonly string[] | undefined;
}

/** A camera and nothing else. */
const videoOnly = (types: readonly string[] | undefined) =>
  types !== undefined && types.length > 0 && types.every((t) => t === 'video');

/** Whether the current role's page may have `permission`: only its own origin, main frame, listed. */
export function permissionAllowed(
  role: TerminalRole,
  question: PermissionQuestion,
  hostOrigin: string,
  table: Readonly<Record<TerminalRole, readonly string[]>> = ROLE_PERMISSIONS,
): boolean {
  if (!question.isMainFrame) return false;
  if (!isHostUrl(question.requestingUrl, hostOrigin)) return false;
  if (question.permission === 'media') return CAMERA_ROLES.includes(role) && videoOnly(question.mediaTypes);
  if (NEVER.has(question.permission)) return false;
  return table[role].includes(question.permission);
}

/** The part of a Session the handlers are installed on (a real Session fits; tests pass a stand-in). */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl: string; isMainFrame: boolean; mediaTypes?: readonly string[] },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      contents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { isMainFrame: boolean; requestingUrl?: string; mediaType?: string },
    ) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/**
 * Installs request and check handlers (Electron grants everything by default; most web APIs
 * check before they request, so both are needed) and denies every device (HID, serial, USB).
 */
export function installPermissionHandlers(
  session: PermissionSession,
  role: () => TerminalRole,
  hostOrigin: () => string,
  table: Readonly<Record<TerminalRole, readonly string[]>> = ROLE_PERMISSIONS,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(
      permissionAllowed(
        role(),
        { permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes: details.mediaTypes },
        hostOrigin(),
        table,
      ),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    permissionAllowed(
      role(),
      {
        permission,
        requestingUrl: details.requestingUrl ?? requestingOrigin,
        isMainFrame: details.isMainFrame,
        mediaTypes: details.mediaType === undefined ? undefined : [details.mediaType],
      },
      hostOrigin(),
      table,
    ),
  );
  session.setDevicePermissionHandler(() => false);
}
