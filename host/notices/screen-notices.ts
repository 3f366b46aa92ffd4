import type { HallNotice, HallNotices } from '../../contracts/notices';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import type { NoticeBoard, NoticeScreen } from './notice-board';

/** The hall host's notices, as a secondary kiosk reads them through its link. */
export interface HallNoticeSource {
  /** Whether this host is a secondary kiosk of a hall (terminal settings `hallUrl`). */
  linked(): boolean;
  /** `GET /notices` of the hall: the hall answers with those targeted at this kiosk. */
  notices(): Promise<HallNotices>;
}

export interface ScreenNoticesOptions {
  board: NoticeBoard;
  hall: HallNoticeSource;
  clock: Clock;
}

/**
 * What a screen's `GET /notices` answers. On the hall (or a kiosk of no hall) it is the board's
 * list for that screen. A secondary kiosk shows its hall's: the hall's supervisors choose which
 * kiosks show a notice, and the hall sees this kiosk as its paired terminal. While the hall does
 * not answer, the kiosk shows the hall's last answer, without the notices that ended since (a
 * screen must never show a notice past its end), or its own board before any answer came.
 */
export class ScreenNotices {
  private lastFromHall: HallNotices | undefined;

  constructor(private readonly o: ScreenNoticesOptions) {}

  async showing(screen: NoticeScreen): Promise<HallNotices> {
    if (!this.o.hall.linked()) return this.o.board.current(screen);
    try {
      this.lastFromHall = await this.o.hall.notices();
      return this.lastFromHall;
    } catch (error) {
      // Any refusal of the hall (down, unpaired, an older hall): notices are never worth an error page.
      if (!(error instanceof HostError)) throw error;
      if (!this.lastFromHall) return this.o.board.current(screen);
      const now = this.o.clock.now().getTime();
      const stillShowing = (n: HallNotice) => n.endsAt === null || Date.parse(n.endsAt) > now;
      return { ...this.lastFromHall, notices: this.lastFromHall.notices.filter(stillShowing), source: 'cache' };
    }
  }
}
