import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Appointment, AppointmentsResponse } from '../../../contracts/central-api';
import { DEMO_MATCHING_SECRET } from '../../../contracts/config';
import { AppointmentMatchingKey } from '../../../host/appointments/matching-key';
import { hallMatchingKey } from '../../../tools/central-api/privacy';
import type { CentralApi } from '../../../tools/central-api/server';
import { countTable, listenOnPort } from './extra-helpers';
import { TERMINAL_TOKEN, adminAuth, startApi, tempDbFile, terminalAuth } from './helpers';

const ID_NUMBER = '11010519491231002x';

describe('central API: appointments', () => {
  let api: CentralApi;
  let db: ReturnType<typeof tempDbFile>;

  beforeEach(async () => {
    db = tempDbFile();
    api = await startApi(db.file);
  });
  afterEach(async () => {
    await api.close();
    db.cleanup();
  });

  const book = (slotStart: string, slotEnd: string, hallId = 'hall-01', idNumber = ID_NUMBER) =>
    api.app.inject({
      method: 'POST',
      url: '/v1/admin/appointments',
      headers: adminAuth,
      payload: { hallId, serviceCode: 'MS-JZZ-001', slotStart, slotEnd, applicant: { name: '李四', idNumber } },
    });
  const day = (hall: string, date: string) =>
    api.app.inject({ method: 'GET', url: `/v1/appointments?hall=${hall}&date=${date}`, headers: terminalAuth });

  it('lists a hall’s appointments for an Asia/Shanghai day, in slot order', async () => {
    expect((await book('2026-11-27T14:00:00+08:00', '2026-11-27T14:30:00+08:00')).statusCode).toBe(201);
    // 08:30 Beijing is still 2026-11-26 in UTC, but it is the hall's 27th.
    expect((await book('2026-11-27T08:30:00+08:00', '2026-11-27T09:00:00+08:00')).statusCode).toBe(201);
    await book('2026-11-28T09:00:00+08:00', '2026-11-28T09:30:00+08:00');
    await book('2026-11-27T10:00:00+08:00', '2026-11-27T10:30:00+08:00', 'hall-02');

    const res = await day('hall-01', '2026-11-27');
    expect(res.statusCode).toBe(200);
    const { appointments } = AppointmentsResponse.parse(res.json());
    expect(appointments.map((a) => a.slotStart)).toEqual(['2026-11-27T00:30:00.000Z', '2026-11-27T06:00:00.000Z']);
    expect(appointments.every((a) => a.hallId === 'hall-01' && a.serviceCode === 'MS-JZZ-001')).toBe(true);
    expect(new Set(appointments.map((a) => a.code)).size).toBe(2);
    expect(appointments[0]?.code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(AppointmentsResponse.parse((await day('hall-01', '2026-11-29')).json()).appointments).toEqual([]);
  });

  it('never returns or stores the raw ID number nor a mask of it: a tag keyed per hall', async () => {
    const created = await book('2026-11-27T14:00:00+08:00', '2026-11-27T14:30:00+08:00');
    expect(created.body.toUpperCase()).not.toContain(ID_NUMBER.toUpperCase());
    const appointment = Appointment.parse(created.json());
    const hallKey = hallMatchingKey(DEMO_MATCHING_SECRET, 'hall-01');
    const expected = createHmac('sha256', hallKey).update(ID_NUMBER.toUpperCase()).digest('hex');
    expect(appointment.idNumberTag).toBe(expected);
    // The demo host derives the same key and tags the card on its reader the same way.
    expect(AppointmentMatchingKey.demo('hall-01').tagOf(ID_NUMBER)).toBe(expected);
    expect(created.body).not.toContain('002X');

    const listed = await day('hall-01', '2026-11-27');
    expect(listed.body.toUpperCase()).not.toContain(ID_NUMBER.toUpperCase());
    expect(listed.body).not.toContain('19491231');
    expect(listed.body).not.toContain('110105');

    // The same person booked at another hall gets another tag.
    const elsewhere = Appointment.parse((await book('2026-11-27T14:00:00+08:00', '2026-11-27T14:30:00+08:00', 'hall-02')).json());
    expect(elsewhere.idNumberTag).not.toBe(expected);

    // Not stored either: neither the database file nor its write-ahead log holds the number.
    for (const file of [db.file, `${db.file}-wal`].filter((f) => existsSync(f))) {
      expect(readFileSync(file).toString('latin1').toUpperCase()).not.toContain(ID_NUMBER.toUpperCase());
    }
  });

  it('derives the hall keys from its own matching secret: another secret, another tag', async () => {
    const other = tempDbFile();
    const api2 = await startApi(other.file, { matchingSecret: 'another-province-secret' });
    try {
      const payload = {
        hallId: 'hall-01',
        serviceCode: 'MS-JZZ-001',
        slotStart: '2026-11-27T14:00:00+08:00',
        slotEnd: '2026-11-27T14:30:00+08:00',
        applicant: { name: '李四', idNumber: ID_NUMBER },
      };
      const res = await api2.app.inject({ method: 'POST', url: '/v1/admin/appointments', headers: adminAuth, payload });
      expect(Appointment.parse(res.json()).idNumberTag).not.toBe(AppointmentMatchingKey.demo('hall-01').tagOf(ID_NUMBER));
    } finally {
      await api2.close();
      other.cleanup();
    }
  });

  it('validates the query, the slot and the token', async () => {
    expect((await day('hall-01', 'tomorrow')).statusCode).toBe(400);
    expect(
      (await api.app.inject({ method: 'GET', url: '/v1/appointments?date=2026-11-27', headers: terminalAuth })).statusCode,
    ).toBe(400);
    expect((await book('2026-11-27T14:30:00+08:00', '2026-11-27T14:00:00+08:00')).statusCode).toBe(400);
    const asTerminal = await api.app.inject({
      method: 'POST',
      url: '/v1/admin/appointments',
      headers: terminalAuth,
      payload: {},
    });
    expect(asTerminal.statusCode).toBe(401);
    expect(countTable(db.file, 'appointments')).toBe(0);
  });

  it('serves the list over a real socket', async () => {
    await book('2026-11-27T14:00:00+08:00', '2026-11-27T14:30:00+08:00');
    const base = await listenOnPort(api);
    const res = await fetch(`${base}/v1/appointments?hall=hall-01&date=2026-11-27`, {
      headers: { authorization: `Bearer ${TERMINAL_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(AppointmentsResponse.parse(await res.json()).appointments).toHaveLength(1);
  });
});
