import type { Call, Ticket, Window } from '../../../contracts/queue';

/** An invented ticket of today (any field overridden). */
export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 1,
    number: 'A001',
    serviceCode: 'business-startup',
    serviceName: '企业开办',
    status: 'waiting',
    priorityClass: 'normal',
    issuedAt: '2027-03-01T01:00:00.000Z',
    businessDay: '2027-03-01',
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
    ...overrides,
  };
}

/** A call of `t` to window 1. */
export function callOf(t: Ticket, recall = 0): Call {
  return {
    ticketId: t.id,
    ticketNumber: t.number,
    serviceCode: t.serviceCode,
    serviceName: t.serviceName,
    windowNumber: 1,
    windowName: '综合受理 1',
    calledAt: '2027-03-01T02:00:00.000Z',
    recall,
  };
}

/** Window 1 as the host shows it, serving `current` (or nobody). */
export function windowOf(current: Ticket | null, overrides: Partial<Window> = {}): Window {
  return {
    id: 1,
    number: 1,
    name: '综合受理 1',
    services: ['business-startup'],
    paused: false,
    staffName: '李*',
    current,
    held: [],
    ...overrides,
  };
}
