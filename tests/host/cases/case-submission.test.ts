import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HostConfig } from '../../../contracts/config';
import type { Db } from '../../../db/open';
import { MaterialPages } from '../../../host/cases/material-pages';
import { CaseSubmission, type StewardRequests } from '../../../host/cases/case-submission';
import { StewardDesk } from '../../../host/cases/steward-desk';
import { HostError } from '../../../host/errors/host-error';
import { EventBus } from '../../../host/events/event-bus';
import { IdentitySessions } from '../../../host/identity/identity-sessions';
import { TicketPrinting } from '../../../host/printing/ticket-printing';
import { QueueService } from '../../../host/queue/queue-service';
import { ALL_DAY_HOURS } from '../../support/test-host';
import { ManualClock, openHallDb, tempDir, type TempDir } from '../sync/support';
import { CARD, ELDER_ITEM, elderForm, services, type Services } from './support';

/** A case and the steward ticket it asks for (首席服务管家), without HTTP. */
describe('CaseSubmission', () => {
  let tmp: TempDir;
  let db: Db;
  let s: Services;
  let queue: QueueService;
  let desk: StewardDesk;
  let identity: IdentitySessions;

  beforeEach(() => {
    tmp = tempDir('case-submission-');
    db = openHallDb(`${tmp.dir}/hall.sqlite`);
    const clock = new ManualClock();
    s = services(db, clock);
    const bus = new EventBus(100, () => clock.now());
    // The default hall has a steward service (窗口 5); open all day so the test does not depend on the hour.
    const config = HostConfig.parse({ hours: ALL_DAY_HOURS });
    queue = new QueueService({ db, bus, clock, timeZone: config.timeZone, hours: config.hours, policy: config.queue });
    queue.seed(config.services, config.windows);
    const printing = new TicketPrinting({
      queue,
      hallName: '测试大厅',
      timeZone: config.timeZone,
      printer: () => null,
      progressUrl: () => 'http://x/',
      skipRule: () => config.queue.skipRequeue,
    });
    desk = new StewardDesk({ queue, printing, serviceCode: config.stewardService });
    identity = new IdentitySessions({ bus, clock, timeZone: config.timeZone, keyer: s.keyer, maxAgeMs: 60_000 });
  });
  afterEach(() => {
    identity.end();
    db.close();
    tmp.cleanup();
  });

  const submission = (steward: StewardRequests = desk) =>
    new CaseSubmission({
      cases: s.cases,
      identity,
      steward,
      progressUrl: (c) => `http://x/case/${c.id}`,
      pages: new MaterialPages({ db, clock: new ManualClock(), sessionId: () => identity.sessionId() }),
    });
  /** Steward tickets waiting today. */
  const stewardWaiting = () => queue.services().find((service) => service.code === 'steward')?.waiting;

  it('saves the case and issues its steward ticket together: the case names the ticket', async () => {
    identity.begin(CARD);
    const result = await submission().submit({ itemCode: ELDER_ITEM, form: elderForm, stewardRequested: true });
    expect(result.stewardProblem).toBeNull();
    const ticket = result.stewardTicket?.ticket;
    expect(ticket).toMatchObject({ serviceCode: 'steward', priorityClass: 'vip' });
    expect(result.case.steward).toMatchObject({ ticketNumber: ticket?.number, ticketStatus: 'waiting' });
    // The same link is what the case's progress shows later.
    expect(s.cases.progressById(result.case.id).steward?.ticketNumber).toBe(ticket?.number);
    expect(stewardWaiting()).toBe(1);
  });

  it('asks for the card first: without one nothing is saved and no ticket issued', async () => {
    const error = await submission()
      .submit({ itemCode: ELDER_ITEM, form: elderForm, stewardRequested: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('no_identity');
    identity.begin(CARD);
    expect(s.cases.casesForCard(s.keyer.keyOf(CARD.idNumber))).toEqual([]);
    expect(stewardWaiting()).toBe(0);
  });

  it('keeps the case when the steward ticket cannot be issued, and says why', async () => {
    identity.begin(CARD);
    const closed: StewardRequests = {
      request: () => Promise.reject(new HostError('service_closed', '今天取号已结束')),
      ticketsAreLocal: () => true,
    };
    const result = await submission(closed).submit({ itemCode: ELDER_ITEM, form: elderForm, stewardRequested: true });
    expect(result).toMatchObject({ stewardTicket: null, stewardProblem: 'service_closed' });
    expect(result.case.steward).toMatchObject({ ticketNumber: null });
    expect(s.cases.casesForCard(s.keyer.keyOf(CARD.idNumber)).map((c) => c.id)).toEqual([result.case.id]);
  });

  it('does not link a ticket from another database (a secondary kiosk’s steward tickets are the hall’s)', async () => {
    identity.begin(CARD);
    const halls: StewardRequests = { request: (caller) => desk.request(caller), ticketsAreLocal: () => false };
    const result = await submission(halls).submit({ itemCode: ELDER_ITEM, form: elderForm, stewardRequested: true });
    expect(result.stewardTicket?.ticket.serviceCode).toBe('steward');
    expect(result.case.steward).toMatchObject({ ticketNumber: null });
  });

  it('issues no ticket for a case that asks for no steward', async () => {
    identity.begin(CARD);
    const result = await submission().submit({ itemCode: ELDER_ITEM, form: elderForm });
    expect(result).toMatchObject({ stewardTicket: null, stewardProblem: null, case: { stewardRequested: false, steward: null } });
    expect(stewardWaiting()).toBe(0);
  });

  it('a steward without a case: the card’s ticket, the same one when asked again', async () => {
    identity.begin(CARD);
    const first = await submission().requestSteward();
    const again = await submission().requestSteward();
    expect(again.ticket.id).toBe(first.ticket.id);
    expect(stewardWaiting()).toBe(1);
  });
});
