// The page of each role on a host, as `npm start` prints them when it serves headless (no
// display to open a window on): the addresses to type into a browser, one per line.

/** Every role page the host serves (see the README's Roles table); /pair is only for LAN pairing. */
const ROLES = ['kiosk', 'counter', 'display', 'technician'];

/** The lines naming each role's page on `hostUrl`, names padded so the addresses line up. */
export function rolePageLines(hostUrl) {
  const width = Math.max(...ROLES.map((role) => role.length));
  return ROLES.map((role) => `  ${role.padEnd(width)} ${hostUrl}/${role}`);
}
