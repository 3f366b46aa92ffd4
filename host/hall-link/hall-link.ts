import { WebSocket } from 'ws';
import { operationPath, operations } from '../../contracts/api';
import type { HallLinkState, HallLinkStatus } from '../../contracts/hall-link';
import { EventStreamMessage, type HallEvent } from '../../contracts/events';
import type { Db } from '../../db/open';
import { audit } from '../audit/audit';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';
import { withoutEvaluatorPart, type EventBus, type NewHallEvent } from '../events/event-bus';
import { IdentityKeyer } from '../identity/identity-key';
import type { TerminalSettingsStore } from '../settings/terminal-settings';
import { HallClient, isUnpaired, isUnreachable } from './hall-client';
import { FirstContact, pinnedFetch, pinnedTls } from './hall-trust';
import { certificateFingerprint } from '../lan/fingerprint';
import { readLinkCredentials, tokenDue, writeLinkCredentials, type LinkCredentials } from './link-credentials';

/** The hall's events a secondary kiosk shows as its own: the queue's, not the hall's devices or cards. */
const RELAYED = new Set<HallEvent['type']>([
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.skipped',
  'ticket.held',
  'ticket.resumed',
  'ticket.transferred',
  'ticket.finished',
  'ticket.returned',
  'ticket.printed',
  // Without its evaluation token: the hall gives that only to its paired evaluators.
  'evaluation.requested',
  'window.paused',
  'queue.counts',
  // The hall's services, windows, name or idle time changed (a terminal's own settings are its own).
  'settings.changed',
  // A supervisor extended today's hours (延时服务): the kiosk's tiles open.
  'hours.changed',
  // The hall's notices changed: this kiosk's screens read again those the hall aims at it.
  'notices.changed',
]);

/** Reconnect delays: quick at first (a hall host restart takes seconds), never beyond 10 s. */
/** The largest event message taken from the hall: an event is under 1 KiB (queue.counts lists the services). */
const HALL_EVENT_LIMIT = 256 * 1024;

const RETRY_MS = [250, 500, 1_000, 2_000, 5_000, 10_000];

export interface HallLinkOptions {
  db: Db;
  clock: Clock;
  bus: EventBus;
  settings: TerminalSettingsStore;
  /** Per call to the hall; a kiosk citizen is waiting on it. */
  timeoutMs?: number;
  log?: { info(message: string): void; warn(message: string): void };
}

/**
 * A secondary host's link to its hall (terminal settings `hallUrl`): pairing with the one-time
 * code the hall's technician console shows, the authenticated client for the hall's queue, and
 * the hall's event stream relayed onto this host's bus (with replay of what a dropped connection
 * missed). The state is what kiosks show: online, offline (hall unreachable), unpaired.
 */
export class HallLink {
  private credentials: LinkCredentials | null;
  private status: HallLinkStatus;
  private socket: WebSocket | null = null;
  private retry: NodeJS.Timeout | undefined;
  private attempt = 0;
  private cursor: { bootId: string; seq: number } | null = null;
  private stopped = true;
  private rotating = false;
  private readonly unsubscribe: () => void;
  /** The pinned fetch of the current credentials (kept: its connections are reused). */
  private pinned: { caPem: string; fetch: typeof fetch } | null = null;

  constructor(private readonly o: HallLinkOptions) {
    this.credentials = readLinkCredentials(o.db);
    this.status = this.initialStatus();
    this.unsubscribe = o.settings.onChange(() => this.retarget());
  }

  /** Whether this host is a secondary terminal (its queue is the hall's). */
  linked(): boolean {
    return this.hallUrl() !== null;
  }

  current(): HallLinkStatus {
    return this.status;
  }

  /** The hall's queue keyer once paired: the same card, the same key at every kiosk of the hall. */
  queueKeyer(): IdentityKeyer | null {
    return this.credentials ? IdentityKeyer.fromSecret(this.credentials.hall.queueKey) : null;
  }

  hallIdentity(): LinkCredentials['hall'] | null {
    return this.credentials?.hall ?? null;
  }

  /** The client for the hall's API; refuses with a typed error until the terminal is paired. */
  client(): HallClient {
    const url = this.hallUrl();
    if (url === null) throw new HostError('invalid_state', '本机就是大厅主机');
    if (this.credentials === null) throw new HostError('hall_unpaired', '本终端尚未与大厅主机配对，请技术人员配对');
    return new HallClient({
      baseUrl: url,
      token: this.credentials.token,
      timeoutMs: this.o.timeoutMs ?? 5_000,
      ...this.fetchFor(url, this.credentials),
    });
  }

  /** Over https, the fetch pinned to the hall's CA; a pairing that pinned none must be done again. */
  private fetchFor(url: string, credentials: LinkCredentials): { fetch?: typeof fetch } {
    if (!url.startsWith('https:')) return {};
    const caPem = credentials.caCertificate;
    if (caPem === null) throw new HostError('hall_unpaired', '本终端与大厅主机的配对没有记录大厅证书，请技术人员重新配对');
    if (this.pinned?.caPem !== caPem) this.pinned = { caPem, fetch: pinnedFetch(caPem) };
    return { fetch: this.pinned.fetch };
  }

  /**
   * Calls the hall and follows what the call tells about the link: a dead network marks it
   * offline (the event stream will notice the return), a refused token marks it unpaired.
   */
  async call<T>(action: (client: HallClient) => Promise<T>): Promise<T> {
    this.rotateIfDue();
    const used = this.credentials?.token;
    try {
      return await action(this.client());
    } catch (error) {
      // Sent with the token a rotation replaced meanwhile: the hall refused the old one, not us.
      if (isUnpaired(error) && this.credentials !== null && this.credentials.token !== used) return action(this.client());
      if (isUnreachable(error)) {
        // The event stream may not have noticed yet: drop it, and the next hello says online again.
        this.setState('offline', (error as Error).message);
        this.closeSocket();
        this.scheduleRetry();
      }
      if (isUnpaired(error)) this.forget('revoked');
      throw error;
    }
  }

  /**
   * Exchanges the terminal token with the hall once it is a week old (the hall lets an unused token
   * die after 30 days and any after 90). In the background of a call: the kiosk never waits for it;
   * an unreachable hall is asked again at the next call.
   */
  private rotateIfDue(): void {
    const credentials = this.credentials;
    if (credentials === null || this.rotating || !tokenDue(credentials, this.o.clock.now())) return;
    this.rotating = true;
    const client = new HallClient({
      baseUrl: credentials.hallUrl,
      token: credentials.token,
      timeoutMs: this.o.timeoutMs ?? 5_000,
    });
    void client
      .call(operations.rotateTerminalToken, {})
      .then((rotated) => {
        // Re-targeted or forgotten while it was under way: the new token belongs to nobody here.
        if (this.credentials?.token !== credentials.token) return;
        const now = this.o.clock.now().toISOString();
        const next: LinkCredentials = { ...credentials, token: rotated.token, tokenIssuedAt: now };
        this.o.db.transaction(() => {
          writeLinkCredentials(this.o.db, next, now);
          audit(this.o.db, this.o.clock, 'hall_link.token_rotated', { details: { terminalId: credentials.terminalId } });
        })();
        this.credentials = next;
      })
      .catch((error: unknown) => {
        if (isUnpaired(error) && this.credentials?.token === credentials.token) this.forget('revoked');
      })
      .finally(() => {
        this.rotating = false;
      });
  }

  /** Claims the hall's one-time code; the token and the hall's queue key are kept for good. */
  async pair(code: string, staffId: number): Promise<HallLinkStatus> {
    const url = this.hallUrl();
    if (url === null) throw new HostError('invalid_state', '请先在本机设置中填写大厅主机地址');
    // Over https the hall cannot be verified yet: only the claim goes over this first contact,
    // and its reply must name the CA the connection presented.
    const contact = url.startsWith('https:') ? new FirstContact() : null;
    const client = new HallClient({
      baseUrl: url,
      token: null,
      timeoutMs: this.o.timeoutMs ?? 5_000,
      ...(contact ? { fetch: contact.fetch } : {}),
    });
    const claimed = await client.call(operations.claimPairing, {
      body: { code, name: this.o.settings.get().name, kind: 'host' },
    });
    if (!claimed.hall) throw new HostError('hall_unreachable', '该地址不是大厅主机（配对回复缺少大厅信息）');
    const caCertificate = contact ? contact.caMatching(claimed.caFingerprint ?? '') : null;
    if (contact && caCertificate === null) {
      this.o.log?.warn(`pairing refused: the certificate presented at ${url} is not the one the hall named`);
      throw new HostError('hall_untrusted', '大厅主机的证书与配对回复不符（可能被中间人冒充），配对未完成');
    }
    const credentials: LinkCredentials = {
      hallUrl: url,
      terminalId: claimed.terminalId,
      token: claimed.token,
      hall: claimed.hall,
      pairedAt: this.o.clock.now().toISOString(),
      caCertificate,
      tokenIssuedAt: this.o.clock.now().toISOString(),
    };
    this.o.db.transaction(() => {
      writeLinkCredentials(this.o.db, credentials, this.o.clock.now().toISOString());
      audit(this.o.db, this.o.clock, 'hall_link.paired', { staffId, details: { terminalId: claimed.terminalId } });
    })();
    this.credentials = credentials;
    this.cursor = null;
    this.o.log?.info(`paired with the hall at ${url}`);
    this.reconnectNow();
    return this.status;
  }

  start(): void {
    this.stopped = false;
    this.reconnectNow();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    this.unsubscribe();
    this.closeSocket();
  }

  /** The fingerprint of the pinned hall CA, for the technician to compare with the hall's console. */
  private pinnedFingerprint(): string | null {
    const caPem = this.credentials?.caCertificate ?? null;
    return caPem === null ? null : certificateFingerprint(caPem);
  }

  // ── connection ─────────────────────────────────────────────────────────

  private hallUrl(): string | null {
    return this.o.settings.get().hallUrl;
  }

  private initialStatus(): HallLinkStatus {
    const url = this.hallUrl();
    const state: HallLinkState = url === null ? 'hall' : this.credentials === null ? 'unpaired' : 'connecting';
    return {
      state,
      hallUrl: url,
      hallName: this.credentials?.hall.hallName ?? null,
      since: this.o.clock.now().toISOString(),
      lastError: null,
      caFingerprint: this.pinnedFingerprint(),
    };
  }

  /** Terminal settings changed: a new hall address voids the old pairing. */
  private retarget(): void {
    const url = this.hallUrl();
    if (this.credentials !== null && this.credentials.hallUrl !== url) this.forget('re-targeted');
    this.cursor = null;
    this.reconnectNow();
  }

  private forget(why: 'revoked' | 're-targeted' | 'unpinned'): void {
    if (this.credentials === null) return;
    this.credentials = null;
    this.o.db.transaction(() => {
      writeLinkCredentials(this.o.db, null, this.o.clock.now().toISOString());
      audit(this.o.db, this.o.clock, 'hall_link.forgotten', { details: { why } });
    })();
    this.closeSocket();
    const reason = { revoked: '大厅主机拒绝了本终端的凭证', unpinned: '配对没有记录大厅证书，请重新配对', 're-targeted': null }[
      why
    ];
    this.setState(this.hallUrl() === null ? 'hall' : 'unpaired', reason);
  }

  private reconnectNow(): void {
    clearTimeout(this.retry);
    this.closeSocket();
    this.attempt = 0;
    const url = this.hallUrl();
    if (url === null) return this.setState('hall', null);
    if (this.credentials === null) return this.setState('unpaired', null);
    if (this.status.state !== 'online' && this.status.state !== 'offline') this.setState('connecting', null);
    if (!this.stopped) this.connect();
  }

  private connect(): void {
    const credentials = this.credentials;
    if (credentials === null || this.stopped) return;
    const target = new URL(operationPath(operations.events), credentials.hallUrl);
    target.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.cursor) {
      target.searchParams.set('since', String(this.cursor.seq));
      target.searchParams.set('bootId', this.cursor.bootId);
    }
    const tls = target.protocol === 'wss:' && credentials.caCertificate !== null ? pinnedTls(credentials.caCertificate) : null;
    if (target.protocol === 'wss:' && tls === null) return this.forget('unpinned');
    const socket = new WebSocket(target, {
      headers: { 'x-terminal-token': credentials.token },
      handshakeTimeout: 5_000,
      // One event is a few hundred bytes; ws would otherwise buffer up to 100 MiB of a message
      // before we see it. Past this the socket closes (1009) and the link reconnects.
      maxPayload: HALL_EVENT_LIMIT,
      ...(tls ?? {}),
    });
    this.socket = socket;
    socket.on('message', (data) => {
      if (this.socket === socket) this.onMessage(String(data));
    });
    socket.on('unexpected-response', (_req, res) => {
      // 401: the hall does not know this token (revoked, expired): stop, a technician must pair
      // again. Unless a rotation replaced it meanwhile: then the retry connects with the new one.
      if (res.statusCode === 401 && this.credentials?.token === credentials.token) this.forget('revoked');
      socket.terminate();
    });
    socket.on('error', () => undefined); // 'close' follows and schedules the retry.
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.credentials === null || this.stopped) return;
      this.setState('offline', '大厅主机连接中断');
      this.scheduleRetry();
    });
  }

  private onMessage(text: string): void {
    let message: EventStreamMessage;
    try {
      message = EventStreamMessage.parse(JSON.parse(text));
    } catch {
      this.o.log?.warn('hall event stream: unreadable message dropped');
      return;
    }
    if (message.type === 'hello') {
      const restarted = this.cursor !== null && this.cursor.bootId !== message.bootId;
      if (this.cursor === null || restarted) this.cursor = { bootId: message.bootId, seq: message.seq };
      this.attempt = 0;
      this.rotateIfDue();
      // Online (again): screens re-read the queue, whatever they missed.
      this.setState('online', null, true);
      return;
    }
    if (message.type === 'resync') {
      if (this.cursor) this.cursor.seq = message.seq;
      this.o.bus.publish({ type: 'hall.link', state: 'online' });
      return;
    }
    // The kiosk seat is a kiosk page's business on its own host, never asked of the hall.
    if (message.type === 'seat') return;
    if (this.cursor) this.cursor.seq = message.seq;
    if (RELAYED.has(message.type) && !(message.type === 'settings.changed' && message.scope !== 'hall')) {
      // The hall sends its link no evaluation token; one would prove nothing here, and is dropped.
      const { seq: _seq, at: _at, ...event } = withoutEvaluatorPart(message);
      this.o.bus.publish(event as NewHallEvent);
    }
  }

  private scheduleRetry(): void {
    clearTimeout(this.retry);
    const delay = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)] ?? 10_000;
    this.attempt += 1;
    this.retry = setTimeout(() => this.connect(), delay);
    this.retry.unref();
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = null;
    socket?.removeAllListeners('close');
    socket?.terminate();
  }

  private setState(state: HallLinkState, lastError: string | null, announce = false): void {
    const changed = state !== this.status.state;
    this.status = {
      state,
      hallUrl: this.hallUrl(),
      hallName: this.credentials?.hall.hallName ?? null,
      since: changed ? this.o.clock.now().toISOString() : this.status.since,
      lastError: state === 'online' || state === 'hall' ? null : (lastError ?? this.status.lastError),
      caFingerprint: this.pinnedFingerprint(),
    };
    if (changed || announce) {
      if (changed) this.o.log?.info(`hall link: ${state}`);
      this.o.bus.publish({ type: 'hall.link', state });
    }
  }
}
