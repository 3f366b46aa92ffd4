import type { AppointmentOverviewRow, AppointmentSlotCounts, AppointmentStatus } from '../../contracts/appointments';
import type { AppointmentDayRow } from '../../db/repositories/appointments';

/**
 * Where a booking stands at `now` (contracts/appointments.ts `AppointmentStatus`): cancelled
 * first (the central API dropped it); a check-in is `checked_in` unless its ticket was called and
 * nobody came; without a check-in it is `booked` until its slot ends, then `no_show`.
 */
export function appointmentStatus(row: AppointmentDayRow, now: Date): AppointmentStatus {
  if (row.cancelledAt !== null) return 'cancelled';
  if (row.checkedInAt !== null) return row.ticketStatus === 'no_show' ? 'no_show' : 'checked_in';
  return now.getTime() >= Date.parse(row.slotEnd) ? 'no_show' : 'booked';
}

/** The day's bookings as the manager reads them, with a service name where the hall knows one. */
export function overviewRows(
  rows: readonly AppointmentDayRow[],
  now: Date,
  serviceName: (code: string) => string | undefined,
): AppointmentOverviewRow[] {
  return rows.map((row) => {
    const name = serviceName(row.serviceCode);
    return {
      id: row.id,
      serviceCode: row.serviceCode,
      ...(name === undefined ? {} : { serviceName: name }),
      slotStart: row.slotStart,
      slotEnd: row.slotEnd,
      applicantMasked: row.applicantMasked,
      status: appointmentStatus(row, now),
      checkedInAt: row.checkedInAt,
      ticket:
        row.ticketNumber === null || row.ticketStatus === null ? null : { number: row.ticketNumber, status: row.ticketStatus },
    };
  });
}

/** Counts per slot (start and end), in slot order: one pass over rows already sorted by slot. */
export function slotCounts(rows: readonly AppointmentOverviewRow[]): AppointmentSlotCounts[] {
  const slots: AppointmentSlotCounts[] = [];
  for (const row of rows) {
    let slot = slots.at(-1);
    if (!slot || slot.slotStart !== row.slotStart || slot.slotEnd !== row.slotEnd) {
      slot = { slotStart: row.slotStart, slotEnd: row.slotEnd, total: 0, booked: 0, checkedIn: 0, noShow: 0, cancelled: 0 };
      slots.push(slot);
    }
    slot.total += 1;
    if (row.status === 'booked') slot.booked += 1;
    else if (row.status === 'checked_in') slot.checkedIn += 1;
    else if (row.status === 'no_show') slot.noShow += 1;
    else slot.cancelled += 1;
  }
  return slots;
}
