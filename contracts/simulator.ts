import { z } from 'zod';
import { CardKind } from './identity';

/** Simulated ID cards a demo or test can lay on the simulated reader (labels are masked). */
export const SimulatedCard = z.object({
  id: z.string(),
  label: z.string(),
  cardKind: CardKind,
});
export const SimulatedCardList = z.object({ cards: z.array(SimulatedCard) });
export type SimulatedCardList = z.infer<typeof SimulatedCardList>;

export const PlaceCardRequest = z.object({ cardId: z.string() });

/** A code the simulated scanner reads, as if scanned. */
export const SimulatedScanRequest = z.object({ code: z.string().min(1).max(512) });

/** A key pressed on a simulated caller keypad (its bus address). */
export const SimulatedKeyPress = z.object({
  address: z.number().int().min(0).max(255),
  key: z.enum(['call', 'recall', 'evaluate', 'skip', 'hold', 'resume', 'pause', 'transfer']),
});

/**
 * A fault of the simulated ticket printer, as if it happened (null: a healthy printer with a fresh
 * roll). The demo and the manager floor's tests run a kiosk out of paper with it.
 */
export const SimulatedPrinterFault = z.object({
  fault: z.enum(['paper-near-end', 'paper-end', 'cover-open', 'offline']).nullable(),
});
