import { HALL_MACHINE_TARGET } from '../../contracts/notices';
import type { Caller } from '../lan/caller';
import type { NoticeScreen } from './notice-board';

/**
 * Which screen a request for the notices showing comes from, as the host tells callers apart
 * (host/lan/caller.ts: a paired terminal by its token, this machine by loopback), never as the
 * request claims: this machine's own pages are the hall machine's screen; a paired hall TV or
 * secondary kiosk is its terminal; a counter PC or a rating pad is no screen a notice can choose.
 */
export function noticeScreenOf(caller: Caller): NoticeScreen {
  switch (caller.terminal) {
    case 'kioskShell':
      return HALL_MACHINE_TARGET;
    case 'display':
    case 'secondaryKiosk':
      return caller.terminalId;
    default:
      return null;
  }
}
