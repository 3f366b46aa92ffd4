import { randomBytes, randomUUID } from 'node:crypto';
import type { Appointment, CreateAppointmentRequest } from '../../contracts/central-api';
import type { Sql } from '../db/sql';
import { appointmentsOfDay, insertAppointment, type AppointmentRow } from '../store/appointments';
import { hallById } from '../store/halls';
import { shanghaiDate } from './case-number';
import { idNumberTag } from './matching-key';

function toAppointment(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    hallId: row.hallId,
    serviceCode: row.serviceCode,
    slotStart: row.slotStart.toISOString(),
    slotEnd: row.slotEnd.toISOString(),
    applicantName: row.applicantName,
    idNumberTag: row.idNumberTag,
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
export class AppointmentService {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => Date,
    private readonly matchingSecret: string,
  ) {}

  /** Books a slot at a registered hall; `undefined` when the hall is not registered (nobody would ever read it). */
  async create(request: CreateAppointmentRequest): Promise<Appointment | undefined> {
    if ((await hallById(this.sql, request.hallId)) === undefined) return undefined;
    const slotStart = new Date(request.slotStart);
    const row = await insertAppointment(this.sql, {
      id: randomUUID(),
      hallId: request.hallId,
      // The hall's day, not UTC: an 08:30 Beijing slot is still the previous UTC date.
      businessDay: shanghaiDate(slotStart),
      serviceCode: request.serviceCode,
      slotStart,
      slotEnd: new Date(request.slotEnd),
      applicantName: request.applicant.name,
      idNumberTag: idNumberTag(this.matchingSecret, request.hallId, request.applicant.idNumber),
      code: checkInCode(),
      createdAt: this.now(),
    });
    return toAppointment(row);
  }

  async forDay(hallId: string, date: string): Promise<Appointment[]> {
    return (await appointmentsOfDay(this.sql, hallId, date)).map(toAppointment);
  }
}
