import { z } from 'zod';

/**
 * The card families a second-generation reader reads: 居民身份证, 港澳台居民居住证 and the two
 * editions of 外国人永久居留身份证. Every layer names them from here (hardware/idcard's parsed
 * cards, the host's session, the simulator's list, the renderer's forms).
 */
export const CardKind = z.enum(['resident', 'hmt', 'foreign2017', 'foreign2023']);
export type CardKind = z.infer<typeof CardKind>;

/**
 * What the renderer may see of the citizen whose card lies on the reader.
 * Masked only: the full name and ID number stay in the host's memory.
 */
export const IdentityView = z.object({
  sessionId: z.string(),
  maskedName: z.string(),
  maskedIdNumber: z.string(),
  cardKind: CardKind,
  /** Age in whole years on the hall's local date; drives elder priority and 长辈版 hints. */
  age: z.number().int().nonnegative(),
  readAt: z.iso.datetime(),
});
export type IdentityView = z.infer<typeof IdentityView>;

export const CurrentIdentity = z.object({
  identity: IdentityView.nullable(),
  /** A card lies on the reader, also after its visit ended (the kiosk reminds the citizen to take it). */
  cardOnReader: z.boolean(),
});
export type CurrentIdentity = z.infer<typeof CurrentIdentity>;

/** What `POST /identity/end` answers: whether the card is still on the reader to be taken. */
export const EndIdentityResponse = z.object({ cardOnReader: z.boolean() });
export type EndIdentityResponse = z.infer<typeof EndIdentityResponse>;
