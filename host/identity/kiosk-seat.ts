/**
 * Which kiosk page on this host is the kiosk. The card reader, the citizen's session and its
 * end belong to one page: a second page (a technician previewing `/kiosk` on a laptop, a window
 * opened twice) would otherwise greet the same citizen, and its idle timeout or 退出 would end
 * the visit at the real kiosk.
 *
 * A kiosk page holds the seat through its event stream: the first page connected gets it; the
 * others are told they are refused and wait in line; when the holder's last connection closes
 * (page closed, reloaded, crashed: the socket goes with it, no timeout to wait for), the next
 * page in line is told it has the seat.
 */
export class KioskSeat {
  private readonly members: { pageId: string; notify: (granted: boolean) => void }[] = [];
  private holder: string | null = null;
  private readonly vacatedListeners: ((pageId: string) => void)[] = [];

  /** `listener` hears each page that stops holding the seat (its last connection closed), once the next holds it. */
  onVacated(listener: (pageId: string) => void): void {
    this.vacatedListeners.push(listener);
  }

  /** The kiosk page holding the seat, or null when no kiosk page is open. */
  holderPage(): string | null {
    return this.holder;
  }

  /** Whether another page than `pageId` holds the seat (no page naming itself holds nothing). */
  heldByOther(pageId: string | undefined): boolean {
    return pageId !== undefined && this.holder !== null && this.holder !== pageId;
  }

  /** A kiosk page's connection joins; `notify` hears whether the page holds the seat, now and on change. Returns leave. */
  join(pageId: string, notify: (granted: boolean) => void): () => void {
    const member = { pageId, notify };
    this.members.push(member);
    this.holder ??= pageId;
    notify(this.holder === pageId);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.members.splice(this.members.indexOf(member), 1);
      if (this.holder !== pageId || this.members.some((m) => m.pageId === pageId)) return;
      this.holder = this.members[0]?.pageId ?? null;
      for (const listener of this.vacatedListeners) listener(pageId);
      for (const m of this.members) if (m.pageId === this.holder) m.notify(true);
    };
  }
}
