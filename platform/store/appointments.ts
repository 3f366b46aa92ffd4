import type { Sql } from '../db/sql';

export interface AppointmentRow {
  id: string;
  hallId: string;
  serviceCode: string;
  slotStart: Date;
  slotEnd: Date;
  applicantName: string;
  idNumberTag: string;
  code: string;
}

const COLUMNS = `id, hall_id AS "hallId", service_code AS "serviceCode", slot_start AS "slotStart", slot_end AS "slotEnd",
  applicant_name AS "applicantName", id_number_tag AS "idNumberTag", code`;

export interface NewAppointment extends AppointmentRow {
  /** The hall's (Asia/Shanghai) day of the slot, `YYYY-MM-DD`. */
  businessDay: string;
  createdAt: Date;
}

export async function insertAppointment(sql: Sql, a: NewAppointment): Promise<AppointmentRow> {
  const [row] = await sql.query<AppointmentRow>(
    `INSERT INTO appointments (id, hall_id, business_day, service_code, slot_start, slot_end, applicant_name,
       id_number_tag, code, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING ${COLUMNS}`,
    [
      a.id,
      a.hallId,
      a.businessDay,
      a.serviceCode,
      a.slotStart.toISOString(),
      a.slotEnd.toISOString(),
      a.applicantName,
      a.idNumberTag,
      a.code,
      a.createdAt.toISOString(),
    ],
  );
  if (row === undefined) throw new Error('the appointment insert returned nothing');
  return row;
}

/** A hall's appointments on one of its days, by slot. */
export function appointmentsOfDay(sql: Sql, hallId: string, day: string): Promise<AppointmentRow[]> {
  return sql.query<AppointmentRow>(
    `SELECT ${COLUMNS} FROM appointments WHERE hall_id = $1 AND business_day = $2 ORDER BY slot_start, id`,
    [hallId, day],
  );
}
