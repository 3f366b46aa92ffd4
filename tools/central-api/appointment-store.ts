import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/open';
import type { Appointment, CreateAppointmentRequest } from '../../contracts/central-api';
import { shanghaiDate } from './case-number';
import { idNumberTag } from './privacy';

interface AppointmentRow {
  id: string;
  hall_id: string;
  service_code: string;
  slot_start: string;
  slot_end: string;
  applicant_name: string;
  id_number_tag: string;
  code: string;
}

function toAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    hallId: row.hall_id,
    serviceCode: row.service_code,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    applicantName: row.applicant_name,
    idNumberTag: row.id_number_tag,
    code: row.code,
  };
}

// Crockford-style alphabet without 0/O and 1/I/L: the code is also typed in when a QR reader fails.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function checkInCode(): string {
  return [...randomBytes(10)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/**
 * Appointments per hall and Asia/Shanghai day. The raw ID number is never stored, nor a mask of
 * it: only its tag under the hall's matching key (derived from `matchingSecret`).
 */
export class AppointmentStore {
  private readonly insert;
  private readonly byDay;

  constructor(
    db: Db,
    private readonly now: () => Date,
    private readonly matchingSecret: string,
  ) {
    this.insert = db.prepare(
      `INSERT INTO appointments (id, hall_id, business_day, service_code, slot_start, slot_end, applicant_name,
         id_number_tag, code, created_at)
       VALUES (@id, @hallId, @day, @serviceCode, @slotStart, @slotEnd, @name, @tag, @code, @createdAt)
       RETURNING *`,
    );
    this.byDay = db.prepare('SELECT * FROM appointments WHERE hall_id = ? AND business_day = ? ORDER BY slot_start, id');
  }

  create(request: CreateAppointmentRequest): Appointment {
    const row = this.insert.get({
      id: randomUUID(),
      hallId: request.hallId,
      // The hall's day, not UTC: an 08:30 Beijing slot is still the previous UTC date.
      day: shanghaiDate(new Date(request.slotStart)),
      serviceCode: request.serviceCode,
      // UTC, so that ordering by the stored string is ordering in time.
      slotStart: new Date(request.slotStart).toISOString(),
      slotEnd: new Date(request.slotEnd).toISOString(),
      name: request.applicant.name,
      tag: idNumberTag(this.matchingSecret, request.hallId, request.applicant.idNumber),
      code: checkInCode(),
      createdAt: this.now().toISOString(),
    }) as AppointmentRow;
    return toAppointment(row);
  }

  forDay(hallId: string, date: string): Appointment[] {
    return (this.byDay.all(hallId, date) as AppointmentRow[]).map(toAppointment);
  }
}
