/**
 * Cases and evaluations at the kiosk (host API). What the renderer sends and sees:
 * never a raw ID number (masked only), never another citizen's data.
 */
import { z } from 'zod';
import {
  CaseNumber,
  CaseStatus,
  CatalogCategory,
  CatalogFormField,
  CatalogMaterialSpec,
  CatalogBundlePart,
  CatalogTheme,
  EvaluationLevel,
  HandledAt,
  StatusHistoryEntry,
} from './central-api';
import { IssueTicketResponse, TicketStatus } from './queue';

// ---------------------------------------------------------------------------
// Catalog as the kiosk shows it

export const CatalogViewItem = z.object({
  code: z.string(),
  name: z.string(),
  /** English name and description, when the central API sent them (the kiosk falls back to the Chinese). */
  nameEn: z.string().optional(),
  category: CatalogCategory,
  handledAt: HandledAt.optional(),
  theme: CatalogTheme.optional(),
  description: z.string().optional(),
  descriptionEn: z.string().optional(),
  formFields: z.array(CatalogFormField),
  materials: z.array(CatalogMaterialSpec),
  promisedWorkingDays: z.number().int().min(0),
  bundle: z.array(CatalogBundlePart).optional(),
  stages: z.array(CaseStatus).optional(),
});
export type CatalogViewItem = z.infer<typeof CatalogViewItem>;

export const CatalogView = z.object({
  /** central: fetched just now or revalidated; cache: the last copy (central unreachable); builtin: never fetched. */
  source: z.enum(['central', 'cache', 'builtin']),
  version: z.number().int().min(0),
  fetchedAt: z.iso.datetime().nullable(),
  items: z.array(CatalogViewItem),
});
export type CatalogView = z.infer<typeof CatalogView>;

// ---------------------------------------------------------------------------
// Material pages (材料页: a paper the citizen laid under the document camera)

/** The media type of a captured page: the kiosk compresses every capture to a JPEG. */
export const MATERIAL_PAGE_MEDIA_TYPE = 'image/jpeg';
/** A page's size limit (1 MiB), enforced on the wire (413 `body_too_large`) before anything is read. */
export const MATERIAL_PAGE_MAX_BYTES = 1024 * 1024;
/** The pages one case may carry. */
export const MATERIAL_PAGES_PER_CASE_MAX = 40;
/**
 * The pages one card session may hold before its case takes them (retakes included); a session
 * over it is refused (409 `too_many_pages`) rather than filling the kiosk's disk.
 */
export const MATERIAL_PAGES_HELD_MAX = 60;

/** A JPEG starts with the SOI marker and a marker segment (FF D8 FF); anything else is refused. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** The upload's body: the page's JPEG bytes as they are (not JSON, not a form). */
export const MaterialPageBytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the page’s JPEG bytes')
  .meta({ type: 'string', format: 'binary' });

/** The host's id of an uploaded page, held for the card session until a case takes it. */
export const MaterialPageId = z.uuid();
export type MaterialPageId = z.infer<typeof MaterialPageId>;

export const UploadMaterialPageResponse = z.object({ pageId: MaterialPageId });
export type UploadMaterialPageResponse = z.infer<typeof UploadMaterialPageResponse>;

/** A page the case carries, and the catalog material it is a page of (in the order given). */
export const CaseMaterialPage = z.object({
  materialCode: z.string().trim().min(1).max(64),
  pageId: MaterialPageId,
});
export type CaseMaterialPage = z.infer<typeof CaseMaterialPage>;

// ---------------------------------------------------------------------------
// Cases

export const SubmitCaseRequest = z.object({
  itemCode: z.string().trim().min(1).max(64),
  /** Field key → value. Fields prefilled from the ID card are taken from the card, not from here. */
  form: z.record(z.string().min(1).max(100), z.string().max(4000)).default({}),
  /** Codes of the catalog item's materials the citizen has handed in. */
  materials: z.array(z.string().trim().min(1).max(64)).max(200).default([]),
  /** 首席服务管家: the enterprise asks for a named steward. */
  stewardRequested: z.boolean().default(false),
  /**
   * The captured pages (uploaded before with `uploadMaterialPage`, by this card session), each
   * named once, in the order the citizen took them; the case takes them in its own transaction.
   */
  pages: z
    .array(CaseMaterialPage)
    .max(MATERIAL_PAGES_PER_CASE_MAX)
    .refine((pages) => new Set(pages.map((page) => page.pageId)).size === pages.length, 'a page named twice')
    .default([]),
  /**
   * Chosen by the kiosk once per submission: sending it again after a lost reply (network
   * blip, host restart) returns the case already saved instead of filing a second one.
   */
  submissionId: z.uuid().optional(),
});
export type SubmitCaseRequest = z.infer<typeof SubmitCaseRequest>;
export type SubmitCaseInput = z.input<typeof SubmitCaseRequest>;

/**
 * A promise the hall made (承诺时限): an answer within one working day of submission, and
 * completion within the item's working days of acceptance. Dates are the hall's local dates.
 */
export const CaseDeadline = z.object({
  stage: z.enum(['accepted', 'completed']),
  due: z.iso.date(),
  /** When the stage was reached (or the case closed); null while still open. */
  metAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
});
export type CaseDeadline = z.infer<typeof CaseDeadline>;

/**
 * 首席服务管家: the priority ticket the request put in the steward's queue and, once a steward
 * called it, who they are and how to reach them (a work phone). Null fields: not called yet.
 */
export const CaseSteward = z.object({
  ticketNumber: z.string().nullable(),
  ticketStatus: TicketStatus.nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  windowNumber: z.number().int().positive().nullable(),
});
export type CaseSteward = z.infer<typeof CaseSteward>;

export const LocalCaseMaterial = z.object({ code: z.string(), name: z.string(), received: z.boolean() });

export const LocalCase = z.object({
  id: z.uuid(),
  itemCode: z.string(),
  itemName: z.string(),
  /** Null until the central API accepted the case (the kiosk may be offline). */
  caseNumber: CaseNumber.nullable(),
  status: CaseStatus,
  statusHistory: z.array(StatusHistoryEntry),
  /** Masked; null once the personal data was purged after retention. */
  maskedName: z.string().nullable(),
  maskedIdNumber: z.string().nullable(),
  materials: z.array(LocalCaseMaterial),
  stewardRequested: z.boolean(),
  /** Null when no steward was asked for. */
  steward: CaseSteward.nullable(),
  deadlines: z.array(CaseDeadline),
  submittedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type LocalCase = z.infer<typeof LocalCase>;

export const SubmitCaseResponse = z.object({
  case: LocalCase,
  /** The case's progress link, as its receipt's QR prints it (the hall's public address, the link's tag). */
  progressUrl: z.string(),
  /** The steward ticket when one was asked for and issued (printed like any ticket). */
  stewardTicket: IssueTicketResponse.nullable(),
  /** Why no steward ticket could be issued (e.g. service_closed): the case itself is saved. */
  stewardProblem: z.string().nullable(),
});
export type SubmitCaseResponse = z.infer<typeof SubmitCaseResponse>;

export const MyCases = z.object({ cases: z.array(LocalCase) });
export type MyCases = z.infer<typeof MyCases>;

export const CaseNumberParams = z.object({ caseNumber: CaseNumber });

/** What anyone holding the case number may see: no personal data. */
export const CaseProgress = z.object({
  caseNumber: CaseNumber,
  itemCode: z.string(),
  itemName: z.string(),
  status: CaseStatus,
  statusHistory: z.array(StatusHistoryEntry),
  deadlines: z.array(CaseDeadline),
  steward: CaseSteward.nullable(),
  updatedAt: z.iso.datetime(),
});
export type CaseProgress = z.infer<typeof CaseProgress>;

/** The same by the case's local id (the receipt's QR): the number is null until the central API gave one. */
export const LocalCaseProgress = CaseProgress.extend({ caseNumber: CaseNumber.nullable() });
export type LocalCaseProgress = z.infer<typeof LocalCaseProgress>;

/** What a receipt print did: the case stays submitted whatever the printer says. */
export const CaseReceiptResponse = z.object({ printed: z.boolean(), reason: z.string().optional() });
export type CaseReceiptResponse = z.infer<typeof CaseReceiptResponse>;

export const CaseIdParams = z.object({ caseId: z.uuid() });

/** One field the form check refused, for the kiosk to highlight. */
export const FormProblem = z.object({
  key: z.string(),
  problem: z.enum(['required', 'invalid', 'not_an_option', 'unknown_field', 'unknown_material']),
});
export type FormProblem = z.infer<typeof FormProblem>;

// ---------------------------------------------------------------------------
// Evaluations (好差评)

/**
 * Rates either a finished ticket or a case, with proof of having received that service (issue 18):
 * a ticket with the key printed in its QR (the `k` of its progress link), which only the paper's
 * holder has, or with the token the window evaluator received when the clerk asked for the rating;
 * a case from the card that filed it, lying on the kiosk's reader. Who served it and
 * at which window always come from the hall's record, never from the caller.
 */
export const SubmitEvaluationRequest = z
  .object({
    level: EvaluationLevel,
    reason: z.string().trim().min(1).max(1000).optional(),
    comment: z.string().trim().min(1).max(2000).optional(),
    ticketId: z.number().int().positive().optional(),
    /**
     * The proof of a ticket's service, one of two: `ticketKey`, the key of its paper's QR code, or
     * `serviceToken`, the token the window evaluator received with `evaluation.requested`. Without
     * either (or with a wrong one) the rating is refused.
     */
    ticketKey: z.string().min(1).max(64).optional(),
    serviceToken: z.string().min(1).max(64).optional(),
    caseNumber: CaseNumber.optional(),
  })
  .refine((v) => (v.ticketId === undefined) !== (v.caseNumber === undefined), {
    message: 'rate either a ticket or a case',
    path: ['ticketId'],
  })
  .refine((v) => v.ticketKey === undefined || v.serviceToken === undefined, {
    message: 'prove the service with the ticket key or the service token, not both',
    path: ['serviceToken'],
  });
export type SubmitEvaluationRequest = z.infer<typeof SubmitEvaluationRequest>;

export const SubmitEvaluationResponse = z.object({
  id: z.uuid(),
  level: EvaluationLevel,
  /** Below 'basic': the hall calls the citizen back (差评回访). */
  callbackRequired: z.boolean(),
  evaluatedAt: z.iso.datetime(),
});
export type SubmitEvaluationResponse = z.infer<typeof SubmitEvaluationResponse>;
