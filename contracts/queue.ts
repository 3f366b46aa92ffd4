import { z } from 'zod';

export const ServiceCode = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/);

/** A service (事项 category) citizens queue for. */
export const Service = z.object({
  code: ServiceCode,
  name: z.string(),
  nameEn: z.string(),
  prefix: z.string().regex(/^[A-Z]$/),
  open: z.boolean(),
  waiting: z.number().int().nonnegative(),
});
export type Service = z.infer<typeof Service>;

export const ServiceList = z.object({ services: z.array(Service) });
export type ServiceList = z.infer<typeof ServiceList>;

export const Window = z.object({
  id: z.number().int().positive(),
  number: z.number().int().positive(),
  name: z.string(),
  services: z.array(ServiceCode),
});
export type Window = z.infer<typeof Window>;
export const WindowList = z.object({ windows: z.array(Window) });
export type WindowList = z.infer<typeof WindowList>;

export const TicketStatus = z.enum(['waiting', 'called', 'finished', 'no_show', 'cancelled']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const TicketNumber = z.string().regex(/^[A-Z]\d{3,4}$/);

export const Ticket = z.object({
  id: z.number().int().positive(),
  number: TicketNumber,
  serviceCode: ServiceCode,
  serviceName: z.string(),
  status: TicketStatus,
  issuedAt: z.iso.datetime(),
  /** Hall-local business day, YYYY-MM-DD (Asia/Shanghai by default). */
  businessDay: z.iso.date(),
  peopleAhead: z.number().int().nonnegative(),
  calledAt: z.iso.datetime().nullable(),
  windowNumber: z.number().int().positive().nullable(),
});
export type Ticket = z.infer<typeof Ticket>;

export const IssueTicketRequest = z.object({
  serviceCode: ServiceCode,
  /** Take the ticket with the identity session on the reader (else anonymous). */
  withIdentity: z.boolean().default(true),
});
export type IssueTicketRequest = z.input<typeof IssueTicketRequest>;

export const IssueTicketResponse = z.object({ ticket: Ticket });
export type IssueTicketResponse = z.infer<typeof IssueTicketResponse>;

export const Call = z.object({
  ticketId: z.number().int().positive(),
  ticketNumber: TicketNumber,
  serviceCode: ServiceCode,
  serviceName: z.string(),
  windowNumber: z.number().int().positive(),
  windowName: z.string(),
  calledAt: z.iso.datetime(),
});
export type Call = z.infer<typeof Call>;

export const CallNextResponse = z.object({ call: Call });
export type CallNextResponse = z.infer<typeof CallNextResponse>;

export const RecentCalls = z.object({ calls: z.array(Call) });
export type RecentCalls = z.infer<typeof RecentCalls>;

export const WindowParams = z.object({ windowId: z.coerce.number().int().positive() });
