import { z } from 'zod';
import { DeadlineStage, NoticeKind } from './complaint-deadlines';
import { ComplaintNumber } from './complaints';
import { ConsoleErrorBody } from './platform-console';
import { centralErrors, definePlatformOperations } from './platform-operation';

/**
 * The console inbox (站内通知): what the notifier told each person on the complaint desk
 * (reminders, 督办单, escalations), newest first, read or unread. Only the recipient reads an
 * item: the signed-in person's own inbox is the only one these operations reach, and another
 * person's item id answers 404, like an id that never was. The operations are declared once
 * here; the platform registers them (platform/api/routes/console-inbox.ts).
 */

const ItemId = z.string().regex(/^\d{1,15}$/, 'expected an inbox item id');

export const InboxItem = z.object({
  id: ItemId,
  complaintNumber: ComplaintNumber,
  kind: NoticeKind,
  stage: DeadlineStage,
  /** The deadline the notice is about. */
  dueAt: z.iso.datetime(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const INBOX_PAGE_MAX = 100;

export const InboxQuery = z.strictObject({
  /** `true`: unread items only. */
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(INBOX_PAGE_MAX).default(20),
  /** The `next` of the page before: items older than it. */
  after: ItemId.optional(),
});
export type InboxQuery = z.infer<typeof InboxQuery>;
export type InboxQueryInput = z.input<typeof InboxQuery>;

export const InboxResponse = z.object({
  items: z.array(InboxItem),
  /** The `after` of the next page, or null after the last. */
  next: ItemId.nullable(),
  /** Unread items in the whole inbox, whatever the page. */
  unread: z.number().int().nonnegative(),
});
export type InboxResponse = z.infer<typeof InboxResponse>;

export const InboxUnreadResponse = z.object({ unread: z.number().int().nonnegative() });
export type InboxUnreadResponse = z.infer<typeof InboxUnreadResponse>;

export const InboxItemParams = z.object({ itemId: ItemId });

export const InboxReadAllResponse = z.object({ marked: z.number().int().nonnegative() });

const tags = ['inbox'] as const;
// 403: signed in, but the account is not a person of the complaint desk (no inbox).
const errors = { ...centralErrors(400, 401), 403: ConsoleErrorBody } as const;

export const platformInboxOperations = definePlatformOperations({
  listInbox: {
    method: 'GET',
    path: '/v1/console/inbox',
    summary: "The signed-in person's notices, newest first, with the unread count",
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    query: InboxQuery,
    responses: { 200: InboxResponse, ...errors },
  },
  inboxUnread: {
    method: 'GET',
    path: '/v1/console/inbox/unread',
    summary: "How many of the signed-in person's notices are unread (the console's badge)",
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    responses: { 200: InboxUnreadResponse, ...errors },
  },
  markInboxItemRead: {
    method: 'POST',
    path: '/v1/console/inbox/:itemId/read',
    summary: "Mark one of the signed-in person's notices read",
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    params: InboxItemParams,
    responses: { 200: InboxItem, ...errors, 404: ConsoleErrorBody },
  },
  markInboxRead: {
    method: 'POST',
    path: '/v1/console/inbox/read',
    summary: "Mark all the signed-in person's notices read",
    tags,
    access: 'admin',
    consoleAccess: 'signedIn',
    responses: { 200: InboxReadAllResponse, ...errors },
  },
});
