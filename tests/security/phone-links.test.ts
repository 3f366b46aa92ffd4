import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operationList } from '../../contracts/api';
import { SubmitCaseResponse } from '../../contracts/cases';
import { CaseLinkView, TicketLinkView } from '../../contracts/links';
import { IssueTicketResponse } from '../../contracts/queue';
import { ELDER_ITEM, elderForm } from '../host/cases/support';
import { testStaffSeeds } from '../support/staff';
import { startTestHost, type TestHost } from '../support/test-host';
import { placeCard } from './support';

/** A citizen's phone on the hall Wi-Fi: another address, never paired, no token of any kind. */
const PHONE = '192.168.10.77';
const OTHER_PHONE = '192.168.10.78';
/** The card the simulated reader holds (tests/fixtures): none of it may reach a phone. */
const PERSONAL = ['张三', '110105198503150019', elderForm.phone, elderForm.address];

/**
 * Issue 19: "the QR says http://127.0.0.1:7300/ticket/…", which no phone can open, and with the
 * LAN on a phone is unpaired, so the progress page and its API refused it. A printed link now
 * names the hall's `publicUrl` and its HMAC tag is the key: a phone reaches the ticket's and the
 * case's progress with the tag, not without, and nothing else of the hall.
 */
describe('printed links opened on a phone that is not paired', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({ config: { staff: await testStaffSeeds(), lan: { enabled: true } } });
    const settings = host.hallSettings.get();
    host.hallSettings.update({ ...settings, publicUrl: 'https://hall.example.gov.cn:7443' }, null);
  });
  afterEach(async () => {
    await host.dispose();
  });

  const fromPhone = (url: string, remoteAddress = PHONE) => host.app.inject({ url, remoteAddress });
  const errorOf = (res: { json<T>(): T }) => res.json<{ error: { code: string; message: string } }>().error;
  const issueTicket = async () => {
    const res = await host.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { serviceCode: 'business-startup', withIdentity: false },
    });
    return IssueTicketResponse.parse(res.json());
  };
  const linkOf = (progressUrl: string) => {
    const url = new URL(progressUrl);
    return { path: url.pathname, k: url.searchParams.get('k') ?? '', origin: url.origin };
  };

  it('prints the hall’s public address with the link’s tag, and a phone reads the ticket’s progress with it', async () => {
    const { ticket, progressUrl } = await issueTicket();
    const link = linkOf(progressUrl);
    expect(link).toMatchObject({ origin: 'https://hall.example.gov.cn:7443', path: `/ticket/${ticket.id}` });
    const res = await fromPhone(`/api/v1/links/tickets/${ticket.id}?k=${link.k}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = TicketLinkView.parse(res.json());
    expect(view.ticket).toMatchObject({ number: 'A001', status: 'waiting', serviceName: '企业开办' });
    expect(view.hall.timeZone).toBe('Asia/Shanghai');
    // Nothing that tells who holds the ticket: no id, no card key, no priority class (an age).
    expect(Object.keys(res.json<{ ticket: object }>().ticket)).not.toEqual(
      expect.arrayContaining(['id', 'identityKey', 'priorityClass']),
    );
    // The page itself passes the LAN guard (no renderer is built here: the page answers 404, not 401).
    expect((await fromPhone(`${link.path}?k=${link.k}`)).statusCode).toBe(404);
  });

  it('answers a wrong tag, no tag and an unknown id alike: 404 with the same words, never a hint', async () => {
    const { ticket, progressUrl } = await issueTicket();
    const { k } = linkOf(progressUrl);
    const wrong = await fromPhone(`/api/v1/links/tickets/${ticket.id}?k=${k.slice(0, -1)}${k.endsWith('A') ? 'B' : 'A'}`);
    const none = await fromPhone(`/api/v1/links/tickets/${ticket.id}`);
    const unknown = await fromPhone(`/api/v1/links/tickets/${ticket.id + 1000}?k=${k}`);
    for (const res of [wrong, none, unknown]) {
      expect(res.statusCode).toBe(404);
      expect(errorOf(res)).toEqual({ code: 'ticket_unknown', message: '没有这个号码' });
    }
    // Another ticket's tag opens only that ticket.
    const second = await issueTicket();
    expect((await fromPhone(`/api/v1/links/tickets/${ticket.id}?k=${linkOf(second.progressUrl).k}`)).statusCode).toBe(404);
  });

  it('a phone reads a case’s progress by its receipt’s link, without anything personal', async () => {
    await placeCard(host.app);
    const submitted = await host.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { itemCode: ELDER_ITEM, form: elderForm },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { case: filed, progressUrl } = SubmitCaseResponse.parse(submitted.json());
    const link = linkOf(progressUrl);
    expect(link).toMatchObject({ origin: 'https://hall.example.gov.cn:7443', path: `/case/${filed.id}` });
    const res = await fromPhone(`/api/v1/links/cases/${filed.id}?k=${link.k}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(CaseLinkView.parse(res.json()).progress).toMatchObject({ itemCode: ELDER_ITEM, status: filed.status });
    for (const value of PERSONAL) expect(res.body).not.toContain(value);
    expect(res.body).not.toMatch(/maskedName|maskedIdNumber|idNumber/);
    // Without the tag, or with a ticket's tag, nothing; the desk's route stays the desk's.
    expect((await fromPhone(`/api/v1/links/cases/${filed.id}`)).statusCode).toBe(404);
    expect((await fromPhone(`/api/v1/links/cases/${filed.id}?k=${link.k.replace(/./, 'x')}`)).statusCode).toBe(404);
    expect((await fromPhone(`/api/v1/cases/local/${filed.id}/progress`)).statusCode).toBe(401);
    expect((await fromPhone(`${link.path}?k=${link.k}`)).statusCode).toBe(404);
  });

  it('reaches nothing else of the hall: pages, board, desk and citizen routes refuse an unpaired phone', async () => {
    const { ticket, progressUrl } = await issueTicket();
    const { k } = linkOf(progressUrl);
    for (const page of ['/kiosk', '/counter', '/display', '/technician', '/manager', '/', `/ticket/${ticket.id}/x`, '/case/1']) {
      const res = await fromPhone(page);
      expect(res.statusCode, page).toBe(401);
      expect(errorOf(res).code, page).toBe('terminal_unpaired');
    }
    for (const url of [
      '/api/v1/health',
      '/api/v1/services',
      `/api/v1/tickets/${ticket.id}/progress?k=${k}`,
      '/api/v1/identity',
      '/api/v1/calls/recent',
      '/api/v1/events',
    ]) {
      const res = await fromPhone(url);
      expect(res.statusCode, url).toBe(401);
      expect(errorOf(res).code, url).toBe('terminal_unpaired');
    }
    // In the route table, the operations open to an unpaired client are the pairing claim, the
    // hall CA a browser installs before pairing, and the printed links: nothing more.
    const open = operationList.filter((op) => op.access.from === 'anyone').map((op) => op.name);
    expect(open.sort()).toEqual(['caseLink', 'claimPairing', 'lanCaCertificate', 'lanTls', 'ticketLink']);
    expect(
      operationList
        .filter((op) => op.access.link)
        .map((op) => op.name)
        .sort(),
    ).toEqual(['caseLink', 'ticketLink']);
  });

  it('limits lookups per address: after 20 wrong tags in ten minutes that address waits, another phone does not', async () => {
    const { ticket, progressUrl } = await issueTicket();
    const { k } = linkOf(progressUrl);
    for (let i = 0; i < 20; i++) expect((await fromPhone(`/api/v1/links/tickets/${i + 100}?k=${k}`)).statusCode).toBe(404);
    const blocked = await fromPhone(`/api/v1/links/tickets/${ticket.id}?k=${k}`);
    expect(blocked.statusCode).toBe(429);
    expect(errorOf(blocked).code).toBe('rate_limited');
    expect((await fromPhone(`/api/v1/links/tickets/${ticket.id}?k=${k}`, OTHER_PHONE)).statusCode).toBe(200);
  });

  it('limits a phone polling far faster than the page does (120 a minute)', async () => {
    const { ticket, progressUrl } = await issueTicket();
    const url = `/api/v1/links/tickets/${ticket.id}?k=${linkOf(progressUrl).k}`;
    const codes: number[] = [];
    for (let i = 0; i < 121; i++) codes.push((await fromPhone(url)).statusCode);
    expect(codes.slice(0, 120).every((c) => c === 200)).toBe(true);
    expect(codes[120]).toBe(429);
  });
});
