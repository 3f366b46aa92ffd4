import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AppointmentOverview } from '../../../../contracts/appointments';
import AppointmentsScreen from '../../../../renderer/manager/appointments/AppointmentsScreen';
import { fakeApi } from '../../support/fake-api';
import { hallEvent } from '../../support/fake-events';
import { renderSection } from '../tools-support';

const slot = { slotStart: '2026-11-27T02:00:00.000Z', slotEnd: '2026-11-27T02:30:00.000Z' };
const OVERVIEW: AppointmentOverview = {
  date: '2026-11-27',
  source: 'central',
  fetchedAt: '2026-11-27T01:55:00.000Z',
  slots: [{ ...slot, total: 2, booked: 0, checkedIn: 1, noShow: 0, cancelled: 1 }],
  appointments: [
    {
      id: 'a1',
      serviceCode: 'livelihood',
      serviceName: '民生事项',
      ...slot,
      applicantMasked: '张*',
      status: 'checked_in',
      checkedInAt: '2026-11-27T01:58:00.000Z',
      ticket: { number: 'B001', status: 'waiting' },
    },
    {
      id: 'a2',
      serviceCode: 'livelihood',
      ...slot,
      applicantMasked: '李*',
      status: 'cancelled',
      checkedInAt: null,
      ticket: null,
    },
  ],
  next: null,
};

describe('today’s appointments', () => {
  it('shows each slot’s counts and each booking with its status and ticket, on the hall’s clock', async () => {
    renderSection(<AppointmentsScreen />, fakeApi({ appointmentOverview: async () => OVERVIEW }), 'technician');
    const checkedIn = (await screen.findByText('张*')).closest('tr');
    expect(checkedIn?.textContent).toContain('10:00–10:30');
    expect(checkedIn?.textContent).toContain('已签到');
    expect(checkedIn?.textContent).toContain('B001（等候中）');
    expect(checkedIn?.textContent).toContain('09:58');
    expect(screen.getByText('李*').closest('tr')?.textContent).toContain('已取消');
    const slotRow = screen.getByTestId('appointment-slots').querySelector('tbody tr');
    expect(slotRow?.textContent).toBe('10:00–10:3021001');
    expect(screen.getByTestId('appointments-date').textContent).toContain('09:55');
  });

  it('reads the list again when a ticket is issued (a check-in)', async () => {
    const appointmentOverview = vi.fn(async () => OVERVIEW);
    const { events } = renderSection(<AppointmentsScreen />, fakeApi({ appointmentOverview }));
    await screen.findByText('张*');
    const before = appointmentOverview.mock.calls.length;
    events.emit(
      hallEvent({
        type: 'ticket.issued',
        ticket: {
          id: 1,
          number: 'B002',
          serviceCode: 'livelihood',
          serviceName: '民生事项',
          status: 'waiting',
          priorityClass: 'appointment',
          issuedAt: '2026-11-27T02:01:00.000Z',
          businessDay: '2026-11-27',
          peopleAhead: 0,
          estimatedWaitMinutes: 0,
          calledAt: null,
          windowNumber: null,
          recallCount: 0,
          skipCount: 0,
          outcome: null,
          printStatus: 'printed',
          returnToWindowNumber: null,
          returnedFromWindowNumber: null,
        },
      }),
    );
    await waitFor(() => expect(appointmentOverview.mock.calls.length).toBeGreaterThan(before));
  });
});
