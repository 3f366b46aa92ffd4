import { z } from 'zod';

/**
 * What the renderer may see of the citizen whose card lies on the reader.
 * Masked only: the full name and ID number stay in the host's memory.
 */
export const IdentityView = z.object({
  sessionId: z.string(),
  maskedName: z.string(),
  maskedIdNumber: z.string(),
  cardKind: z.enum(['resident', 'hmt', 'foreign2017', 'foreign2023']),
  /** Age in whole years on the hall's local date; drives elder priority and 长辈版 hints. */
  age: z.number().int().nonnegative(),
  readAt: z.iso.datetime(),
});
export type IdentityView = z.infer<typeof IdentityView>;

export const CurrentIdentity = z.object({ identity: IdentityView.nullable() });
export type CurrentIdentity = z.infer<typeof CurrentIdentity>;
