import { describe, expect, it } from 'vitest';
import type { HallEvent } from '../../../contracts/events';
import { ratingAfter } from '../../../renderer/counter/rating-status';

const at = '2027-03-01T02:00:00.000Z';

describe("the counter's rating line", () => {
  const asked: HallEvent = { seq: 1, at, type: 'evaluation.requested', ticketId: 5, ticketNumber: 'A005', windowNumber: 1 };
  const rated: HallEvent = { seq: 2, at, type: 'evaluation.submitted', ticketId: 5, ticketNumber: 'A005', windowNumber: 1 };

  it('waits once asked, and turns to rated when the citizen rated', () => {
    const waiting = ratingAfter(null, asked);
    expect(waiting).toEqual({ windowNumber: 1, ticketId: 5, ticketNumber: 'A005', rated: false });
    expect(ratingAfter(waiting, rated)).toEqual({ windowNumber: 1, ticketId: 5, ticketNumber: 'A005', rated: true });
  });

  it('asking again for a rated ticket keeps it rated; another event changes nothing', () => {
    const done = ratingAfter(ratingAfter(null, asked), rated);
    expect(ratingAfter(done, asked)).toBe(done);
    expect(ratingAfter(done, { seq: 3, at, type: 'notices.changed' })).toBe(done);
  });

  it('a rating made at the kiosk shows too', () => {
    expect(ratingAfter(null, rated)).toMatchObject({ ticketNumber: 'A005', rated: true });
  });
});
