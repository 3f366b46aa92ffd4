import type { TerminalRole } from '../contracts/terminal-settings';

/** No touch, click or key for this long: a kiosk is back on its attract screen (visits time out in 60–180 s). */
export const KIOSK_IDLE_MS = 10 * 60_000;
/** Night hours (local time) in which any terminal may restart: the hall is closed. */
export const NIGHT = { from: 1, to: 5 };

/**
 * Whether now is a good moment to restart into a downloaded update. A kiosk: when nobody has
 * touched it for ten minutes (it is showing the attract screen). Display, counter and
 * technician windows serve the hall all day (a call missed on the TV, a clerk's sign-in lost),
 * so they wait for the night. Any terminal installs on its next start too (autoInstallOnAppQuit).
 */
export function isQuietMoment(o: { role: TerminalRole; idleMs: number; localHour: number }): boolean {
  if (o.localHour >= NIGHT.from && o.localHour < NIGHT.to) return o.idleMs >= 60_000;
  return o.role === 'kiosk' && o.idleMs >= KIOSK_IDLE_MS;
}
