import { z } from 'zod';
import { ServiceClosedReason, ServiceCode } from './queue';

/**
 * Today's opening hours as the hall keeps them (holidays, 调休 workdays, 延时服务), and the
 * extensions a supervisor makes from the manager console. Times of day are hall-local HH:MM.
 */

/** A time of day to extend to: HH:MM before midnight (an extension ends the same day). */
export const ExtensionTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour, before midnight');

/** What kind of day today is for the hall: a public holiday, a 调休 weekend workday, or as the week says. */
export const DayKind = z.enum(['holiday', 'makeup', 'regular']);
export type DayKind = z.infer<typeof DayKind>;

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/**
 * 延时服务: one service kept issuing until `until`, or every service of one window (a window's
 * extension keeps the services it serves open: its clerk stays, so numbers for them are served).
 */
export const ExtendHoursRequest = z
  .object({
    serviceCode: ServiceCode.optional(),
    windowId: z.number().int().positive().optional(),
    until: ExtensionTime,
    /** Why, for the record (e.g. 窗口排队人数多). */
    reason: z.string().trim().max(200).default(''),
  })
  .refine((r) => (r.serviceCode === undefined) !== (r.windowId === undefined), {
    message: 'extend exactly one of serviceCode or windowId',
  });
export type ExtendHoursRequest = z.input<typeof ExtendHoursRequest>;

export const HoursExtension = z.object({
  id: z.number().int().positive(),
  businessDay: z.iso.date(),
  serviceCode: ServiceCode.nullable(),
  serviceName: z.string().nullable(),
  windowId: z.number().int().positive().nullable(),
  windowNumber: z.number().int().positive().nullable(),
  until: ExtensionTime,
  reason: z.string(),
  createdAt: z.iso.datetime(),
  /** Staff numbers, not names: the record says who, the screen needs no more. */
  createdByStaffNo: z.string().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  cancelledByStaffNo: z.string().nullable(),
});
export type HoursExtension = z.infer<typeof HoursExtension>;

export const HoursExtensionList = z.object({ businessDay: z.iso.date(), extensions: z.array(HoursExtension) });
export type HoursExtensionList = z.infer<typeof HoursExtensionList>;

export const ExtensionIdParams = z.object({ extensionId: z.coerce.number().int().positive() });

export const TodayPeriod = z.object({
  from: z.string(),
  to: z.string(),
  duty: z.boolean(),
  /** The period a 延时服务 added after the day's last one. */
  extended: z.boolean(),
});
export type TodayPeriod = z.infer<typeof TodayPeriod>;

/** One service's effective hours today. */
export const ServiceHoursToday = z.object({
  serviceCode: ServiceCode,
  serviceName: z.string(),
  serviceNameEn: z.string(),
  /** Today's periods, extension included; empty when the service does not open today. */
  periods: z.array(TodayPeriod),
  /** The extension in force (the latest end among the service's own and its windows'), if any. */
  extension: z
    .object({
      until: ExtensionTime,
      /** Extended itself, or through the window(s) serving it. */
      by: z.enum(['service', 'window']),
      windowNumbers: z.array(z.number().int().positive()),
    })
    .nullable(),
  open: z.boolean(),
  closedReason: ServiceClosedReason.nullable(),
  /** When closed: when it issues numbers again. */
  nextOpening: z.iso.datetime().nullable(),
});
export type ServiceHoursToday = z.infer<typeof ServiceHoursToday>;

export const HoursToday = z.object({
  businessDay: z.iso.date(),
  dayKind: DayKind,
  /** On a 调休 day: the weekday whose hours it opens with (hall settings `calendar.makeupHours`). */
  makeupHours: Weekday.nullable(),
  services: z.array(ServiceHoursToday),
  extensions: z.array(HoursExtension),
});
export type HoursToday = z.infer<typeof HoursToday>;
