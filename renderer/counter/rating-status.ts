import type { HallEvent } from '../../contracts/events';

/**
 * The rating the window last asked for (F7, the keypad's 评价 key, or after 办结 and a call), and
 * whether the citizen has rated: the counter shows it live. Never how they rated.
 */
export interface CounterRating {
  windowNumber: number;
  ticketId: number;
  ticketNumber: string;
  rated: boolean;
}

/** The window's rating after a hall event (any window's: the desk shows only its own). */
export function ratingAfter(current: CounterRating | null, event: HallEvent): CounterRating | null {
  if (event.type === 'evaluation.requested') {
    const { windowNumber, ticketId, ticketNumber } = event;
    // Asked again for the same ticket: it keeps what it had (rated stays rated).
    if (current?.ticketId === ticketId) return current;
    return { windowNumber, ticketId, ticketNumber, rated: false };
  }
  if (event.type === 'evaluation.submitted') {
    const { windowNumber, ticketId, ticketNumber } = event;
    return { windowNumber, ticketId, ticketNumber, rated: true };
  }
  return current;
}
