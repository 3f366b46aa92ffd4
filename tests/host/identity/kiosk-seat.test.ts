import { describe, expect, it } from 'vitest';
import { KioskSeat } from '../../../host/identity/kiosk-seat';

describe('KioskSeat: one kiosk page per host', () => {
  const listener = () => {
    const heard: boolean[] = [];
    return { heard, notify: (granted: boolean) => heard.push(granted) };
  };

  it('the first page holds the seat; a second page is refused', () => {
    const seat = new KioskSeat();
    const a = listener();
    const b = listener();
    seat.join('page-a', a.notify);
    seat.join('page-b', b.notify);
    expect(a.heard).toEqual([true]);
    expect(b.heard).toEqual([false]);
    expect(seat.holderPage()).toBe('page-a');
  });

  it('when the holder closes, the next page in line is told it is the kiosk now', () => {
    const seat = new KioskSeat();
    const b = listener();
    const c = listener();
    const leaveA = seat.join('page-a', () => undefined);
    seat.join('page-b', b.notify);
    seat.join('page-c', c.notify);
    leaveA();
    expect(b.heard).toEqual([false, true]);
    expect(c.heard).toEqual([false]);
    expect(seat.holderPage()).toBe('page-b');
  });

  it('a page reconnecting before its old connection closed keeps the seat', () => {
    const seat = new KioskSeat();
    const leaveOld = seat.join('page-a', () => undefined);
    const again = listener();
    seat.join('page-a', again.notify);
    leaveOld();
    expect(again.heard).toEqual([true]);
    expect(seat.holderPage()).toBe('page-a');
  });

  it('with every page gone nobody holds the seat, and leaving twice changes nothing', () => {
    const seat = new KioskSeat();
    const leave = seat.join('page-a', () => undefined);
    leave();
    leave();
    expect(seat.holderPage()).toBeNull();
  });

  it('tells who listens which page stopped holding the seat (its card follows the seat), not a page reconnecting', () => {
    const seat = new KioskSeat();
    const vacated: string[] = [];
    seat.onVacated((pageId) => vacated.push(pageId));
    const leaveOld = seat.join('page-a', () => undefined);
    const leaveAgain = seat.join('page-a', () => undefined);
    seat.join('page-b', () => undefined);
    leaveOld();
    expect(vacated).toEqual([]);
    leaveAgain();
    expect(vacated).toEqual(['page-a']);
    expect(seat.holderPage()).toBe('page-b');
  });
});
