import { z } from 'zod';
import { ComplaintNumber, ComplaintStage, PhoneNumber, StepAction, UnitCode, UnitKind } from './complaints';
import { ConsoleErrorBody } from './platform-console';
import { definePlatformOperations } from './platform-operation';

/**
 * What the public web form (/complaint, an enterprise without a kiosk or an account) reads
 * besides its submission (`submitWebComplaint`, platform-complaints-api.ts): the streets and
 * zones it may name, and the progress of a complaint by its number and the contact phone it was
 * filed with. A hotline or web complaint's case lives in no hall, so no kiosk's progress page
 * finds it; this lookup is how its enterprise follows it.
 */

/** The district's active streets and economic zones, the areas a complaint may name. */
export const PublicComplaintAreas = z.object({
  areas: z.array(z.object({ code: UnitCode, name: z.string(), kind: UnitKind.exclude(['department']) })),
});
export type PublicComplaintAreas = z.infer<typeof PublicComplaintAreas>;

/**
 * Number and phone: the number alone is a day and a sequence, easy to guess, so the phone the
 * complaint was filed with is the second thing only its enterprise knows. Sent as a body (never
 * a query string, which proxies log).
 */
export const ProgressLookupRequest = z.strictObject({ number: ComplaintNumber, phone: PhoneNumber });
export type ProgressLookupRequest = z.infer<typeof ProgressLookupRequest>;
export type ProgressLookupRequestInput = z.input<typeof ProgressLookupRequest>;

/**
 * A complaint as its enterprise may read it: the stage (受理 / 办理 / 办结), the 办结期限 and the
 * public steps with the words the kiosk's progress page shows (`publicNote`: 已转办…, 答复：…).
 * No contact, no text, no staff note, no handler's name.
 */
export const PublicComplaintProgress = z.object({
  number: ComplaintNumber,
  stage: ComplaintStage,
  registeredAt: z.iso.datetime(),
  closeDueAt: z.iso.datetime(),
  steps: z.array(z.object({ at: z.iso.datetime(), action: StepAction, note: z.string().nullable() })),
});
export type PublicComplaintProgress = z.infer<typeof PublicComplaintProgress>;

/** A lookup's limit per client address and hour: enough for an enterprise, too few to guess phones. */
export const PROGRESS_LOOKUPS_PER_HOUR = 20;

const tags = ['complaints'];

export const publicComplaintOperations = definePlatformOperations({
  publicComplaintAreas: {
    method: 'GET',
    path: '/v1/public/complaint-areas',
    summary: 'The streets and zones a public complaint may name',
    tags,
    access: 'public',
    responses: { 200: PublicComplaintAreas },
  },
  lookupComplaintProgress: {
    method: 'POST',
    path: '/v1/public/complaints/progress',
    summary: "A complaint's public progress by its number and contact phone (limited per client address; 404 for either wrong)",
    tags,
    access: 'public',
    body: ProgressLookupRequest,
    responses: { 200: PublicComplaintProgress, 400: ConsoleErrorBody, 404: ConsoleErrorBody, 429: ConsoleErrorBody },
  },
});
