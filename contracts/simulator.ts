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
