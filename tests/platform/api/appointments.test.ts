import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Appointment, AppointmentsResponse } from '../../../contracts/central-api';
import { DEMO_MATCHING_SECRET } from '../../../contracts/config';
import { AppointmentMatchingKey } from '../../../host/appointments/matching-key';
import { hallMatchingKey } from '../../../platform/services/matching-key';
import type { Platform } from '../../../platform/server';
import { listenOnPort } from '../support/samples';
import { TERMINAL_TOKEN, adminAuth, startApi, terminalAuth } from '../support/platform';
import { describeEachDatabase } from '../support/each-database';

const ID_NUMBER = '11010519491231002x';

describeEachDatabase('platform: appointments', (database) => {
  let api: Platform;

  beforeEach(async () => {
    api = await startApi(database());
  });
  afterEach(async () => {
    await api.close();
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

    // Not stored either: no row of any table holds the number or its birth date.
    const tables = await database().observe<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
    );
    for (const { name } of tables) {
      const rows = await database().observe<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      for (const { row } of rows) {
        expect(row.toUpperCase()).not.toContain(ID_NUMBER.toUpperCase());
        expect(row).not.toContain('19491231');
      }
    }
  });

  it('derives the hall keys from its own matching secret: another secret, another tag', async () => {
    const api2 = await startApi(database(), { matchingSecret: 'another-province-secret' });
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
    expect(await database().count('appointments')).toBe(0);
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
