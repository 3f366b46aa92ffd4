/**
 * Appointment check-in at the kiosk (host API). Appointments are booked centrally; the hall
 * keeps a cached copy of the day's list with masked names and no part of the ID number, and
 * matches a card on the keyed tag the central API sends (HMAC under the hall's matching key),
 * never on the ID number itself.
 */
import { z } from 'zod';
import { NextPage } from './page';
import { ServiceCode, Ticket, TicketStatus } from './queue';

/**
 * By the card on the reader (the host finds the holder's appointment today), or by the code
 * of the booking confirmation's QR (the QR alone is the credential).
 */
export const CheckInRequest = z.discriminatedUnion('by', [
  z.object({ by: z.literal('card') }),
  z.object({ by: z.literal('code'), code: z.string().min(1).max(128) }),
]);
export type CheckInRequest = z.infer<typeof CheckInRequest>;

/** The appointment as the kiosk shows it back to its holder: masked name only. */
export const CheckedInAppointment = z.object({
  id: z.string(),
  /** As booked centrally: a queue service or a catalog item (事项) code. */
  serviceCode: z.string(),
  serviceName: z.string().optional(),
  slotStart: z.iso.datetime(),
  slotEnd: z.iso.datetime(),
  applicantMasked: z.string(),
});
export type CheckedInAppointment = z.infer<typeof CheckedInAppointment>;

export const CheckInResponse = z.object({
  appointment: CheckedInAppointment,
  ticket: Ticket,
  /** The progress page the ticket's QR opens, as POST /tickets returns it. */
  progressUrl: z.string(),
  /** True when this appointment was checked in before: the same (still open) ticket again. */
  alreadyCheckedIn: z.boolean(),
});
export type CheckInResponse = z.infer<typeof CheckInResponse>;

/** One of today's appointments for hall staff (masked only; the check-in code is a credential and is left out). */
export const TodayAppointment = z.object({
  id: z.string(),
  serviceCode: z.string(),
  serviceName: z.string().optional(),
  /** The queue service a check-in issues its ticket for, when the hall has one. */
  queueService: ServiceCode.nullable(),
  slotStart: z.iso.datetime(),
  slotEnd: z.iso.datetime(),
  applicantMasked: z.string(),
  checkedInAt: z.iso.datetime().nullable(),
  ticketNumber: z.string().nullable(),
});
export type TodayAppointment = z.infer<typeof TodayAppointment>;

export const TodayAppointments = z.object({
  /** Hall-local date, YYYY-MM-DD. */
  date: z.iso.date(),
  /** central: the last pull of this date succeeded; cache: the stored copy (central unreachable or not asked yet). */
  source: z.enum(['central', 'cache']),
  /** When this date's list was last pulled; null when it never was. */
  fetchedAt: z.iso.datetime().nullable(),
  appointments: z.array(TodayAppointment),
});
export type TodayAppointments = z.infer<typeof TodayAppointments>;

/**
 * Where a booking stands today, as the manager's desk reads it: `booked` (not checked in, its
 * slot not over), `checked_in` (a ticket was issued), `no_show` (its slot ended without a
 * check-in, or its ticket was called and nobody came), `cancelled` (the central API no longer
 * lists it: cancelled or moved to another day).
 */
export const AppointmentStatus = z.enum(['booked', 'checked_in', 'no_show', 'cancelled']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** One of today's bookings for the manager: masked name only, no check-in code (a credential), no tag. */
export const AppointmentOverviewRow = z.object({
  id: z.string(),
  serviceCode: z.string(),
  serviceName: z.string().optional(),
  slotStart: z.iso.datetime(),
  slotEnd: z.iso.datetime(),
  applicantMasked: z.string(),
  status: AppointmentStatus,
  checkedInAt: z.iso.datetime().nullable(),
  /** The ticket the check-in issued, with where it is now. */
  ticket: z.object({ number: z.string(), status: TicketStatus }).nullable(),
});
export type AppointmentOverviewRow = z.infer<typeof AppointmentOverviewRow>;

/** How one slot's bookings stand. */
export const AppointmentSlotCounts = z.object({
  slotStart: z.iso.datetime(),
  slotEnd: z.iso.datetime(),
  total: z.number().int().nonnegative(),
  booked: z.number().int().nonnegative(),
  checkedIn: z.number().int().nonnegative(),
  noShow: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
});
export type AppointmentSlotCounts = z.infer<typeof AppointmentSlotCounts>;

/** Today's bookings for the manager: counts per slot (the whole day) and one page of the list, by slot. */
export const AppointmentOverview = z.object({
  /** Hall-local date, YYYY-MM-DD. */
  date: z.iso.date(),
  source: TodayAppointments.shape.source,
  fetchedAt: z.iso.datetime().nullable(),
  slots: z.array(AppointmentSlotCounts),
  appointments: z.array(AppointmentOverviewRow),
  next: NextPage,
});
export type AppointmentOverview = z.infer<typeof AppointmentOverview>;
