import { z } from 'zod';

/**
 * The card families a second-generation reader reads: 居民身份证, 港澳台居民居住证 and the two
 * editions of 外国人永久居留身份证. Every layer names them from here (hardware/idcard's parsed
 * cards, the host's session, the simulator's list, the renderer's forms).
 */
export const CardKind = z.enum(['resident', 'hmt', 'foreign2017', 'foreign2023']);
export type CardKind = z.infer<typeof CardKind>;

/**
 * A holder's age as a decade (`'70-79'`), never the exact age: together with the masked number
 * (first 6 and last 4 kept) an exact age narrows the hidden birth date to one year. The host
 * decides elder priority itself from the card; the kiosk needs no more than this for its hints.
 */
export const AGE_BANDS = [
  '0-9',
  '10-19',
  '20-29',
  '30-39',
  '40-49',
  '50-59',
  '60-69',
  '70-79',
  '80-89',
  '90-99',
  '100+',
] as const;
export const AgeBand = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBand>;

/** The decade an age in whole years falls in. */
export function ageBandOf(age: number): AgeBand {
  const decade = Math.min(Math.max(Math.floor(age / 10), 0), AGE_BANDS.length - 1);
  return AGE_BANDS[decade] ?? '100+';
}

/**
 * What the renderer may see of the citizen whose card lies on the reader.
 * Masked only: the full name and ID number stay in the host's memory.
 */
export const IdentityView = z.object({
  sessionId: z.string(),
  maskedName: z.string(),
  maskedIdNumber: z.string(),
  cardKind: CardKind,
  /** The decade of the age on the hall's local date, for 长辈版 hints (priority is the host's decision). */
  ageBand: AgeBand,
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
