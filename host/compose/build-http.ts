import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { API_PREFIX, operations } from '../../contracts/api';
import { installStaffRequest } from '../api/auth-guard';
import { frameworkErrors, installErrorHandling, notFoundBody } from '../api/errors';
import { router } from '../api/route';
import { authRoutes } from '../api/routes-auth';
import { statsRoutes } from '../api/routes-stats';
import { eventRoutes } from '../api/routes-events';
import { healthRoutes } from '../api/routes-health';
import { identityRoutes } from '../api/routes-identity';
import { queueRoutes } from '../api/routes-queue';
import { deviceRoutes } from '../api/routes-devices';
import { simulatorRoutes } from '../api/routes-simulator';
import { caseRoutes } from '../api/routes-cases';
import { syncRoutes } from '../api/routes-sync';
import { districtRoutes } from '../api/routes-district';
import { pairingRoutes } from '../api/routes-pairing';
import { evaluatorRoutes } from '../api/routes-evaluator';
import { counterTicketRoutes } from '../api/routes-counter-tickets';
import { lanRoutes } from '../api/routes-lan';
import { installCallerResolution } from '../lan/caller';
import { installLanGuard } from '../lan/lan-guard';
import { installOriginGuard } from '../lan/origin-guard';
import { atThisMachine, fromOwnShell, installShellGuard } from '../lan/shell-guard';
import { rendererCsp } from '../api/content-security-policy';
import { noticeRoutes } from '../api/routes-notices';
import { auditRoutes } from '../api/routes-audit';
import { stewardRoutes } from '../api/routes-steward';
import { terminalSettingsRoutes } from '../api/routes-terminal-settings';
import { cameraRoutes } from '../api/routes-camera';
import { installHallRelay } from '../hall-link/relay';
import { hallLinkRoutes } from '../api/routes-hall-link';
import { terminalQueueRoutes } from '../api/routes-terminal-queue';
import { announceRoutes } from '../api/routes-announce';
import { SpeechRenderer } from '../announce/speech-renderer';
import { appointmentRoutes } from '../api/routes-appointments';
import { hostLoggerOptions } from '../log/logger-options';
import { logRoutes } from '../api/routes-logs';
import { diagnosticsRoutes } from '../api/routes-diagnostics';
import { listenAddresses } from '../diagnostics/host-info';
import { ConfigTransfer } from '../settings/config-transfer';
import { hallSettingsRoutes } from '../api/routes-hall-settings';
import { configTransferRoutes } from '../api/routes-config-transfer';
import { hoursRoutes } from '../api/routes-hours';
import { linkRoutes } from '../api/routes-links';
import { reviewRoutes } from '../api/routes-reviews';
import { floorRoutes } from '../api/routes-floor';
import { reportRoutes } from '../api/routes-reports';
import type { HostOptions } from './host-options';
import type { HostServices } from './build-services';
import { backupRoutes } from '../api/routes-backups';

/**
 * The HTTP side of the host: Fastify with the zod type provider, the error envelope, the LAN and
 * shell guards, OpenAPI, the WebSocket plugin, every route plugin (the hall relay first), the
 * renderer's pages and assets, and the event log lines. Not listening: the caller does that.
 */
export async function buildHttp(s: HostServices, options: HostOptions): Promise<FastifyInstance> {
  const {
    clock,
    db,
    bus,
    storage,
    hallSettings,
    config,
    terminalSettings,
    cameraChoice,
    queue,
    auth,
    link,
    ownQueueKeyer,
    matchingKey,
    identity,
    kioskSeat,
    devices,
    ticketTag,
    ticketUrl,
    links,
    printing,
    catalog,
    appointments,
    notices,
    screenNotices,
    cases,
    steward,
    remote,
    receipts,
    evaluations,
    reviews,
    sync,
    hallId,
    pairing,
    evaluatorBinding,
    lanIdentity,
    logs,
    accounts,
    auditLog,
    auditSearch,
    stewardWork,
    deviceAdmin,
    caseSubmission,
    statistics,
    hourExtensions,
    backups,
    floor,
    reports,
    nearbyHalls,
  } = s;
  const app = Fastify({
    // One logger, two destinations: the output stream and the console's masked in-memory ring.
    logger: hostLoggerOptions({
      level: options.logLevel ?? 'info',
      stream: options.logStream,
      ring: logs,
      // Someone watching `npm start` reads lines; a hall's log collector reads JSON.
      format: options.environment === 'demo' ? 'lines' : 'json',
    }),
    // Request lines carry no personal data, but a kiosk logs little: only at debug.
    logController: new LogController({ disableRequestLogging: options.logLevel !== 'debug' }),
    // URLs the router cannot read (bad percent-encoding, over-long parameters) answer in the envelope too.
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, { storage });
  // Before the guards: the plugin's own onRequest hook marks an upgrade so that its socket is
  // closed after a refusal. A guard running first left a refused upgrade's socket open, and the
  // host's close waited on it.
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  // First of the guards: a request for another name (DNS rebinding) or from another site's page
  // is refused before anything looks at its tokens.
  installOriginGuard(app, config.lan.names);
  installStaffRequest(app);
  // Who each request comes from (a paired terminal's kind, this machine's kiosk page), for the
  // route guards that enforce each operation's declared access (host/api/route.ts).
  installCallerResolution(app, {
    check: (token) => pairing.check(token),
    citizenPage: () => identity.boundPage() ?? kioskSeat.holderPage(),
  });
  if (config.lan.enabled) installLanGuard(app);
  if (options.shellToken)
    installShellGuard(app, {
      token: options.shellToken,
      isStaffToken: (token) => auth.verify(token) !== null,
      isTerminalToken: (token) => pairing.verify(token) !== undefined,
    });

  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Hall Kiosk host API', version: options.version ?? '0.0.0' } },
    transform: jsonSchemaTransform,
  });

  await app.register(
    async (api) => {
      // First, so the queue routes registered below answer from the hall on a secondary terminal.
      installHallRelay(api, { link, remote });
      await api.register(
        healthRoutes({
          config,
          version: options.version ?? '0.0.0',
          devices,
          queue,
          terminal: () => terminalSettings.get(),
          hallLink: () => link.current(),
          storage: () => storage.current(),
          backup: () => backups.health(),
        }),
      );
      await api.register(identityRoutes(identity));
      await api.register(authRoutes({ auth, accounts, auditLog }));
      await api.register(queueRoutes({ queue, identity, auth, printing, ticketTag }));
      await api.register(deviceRoutes({ devices, admin: deviceAdmin, auth }));
      await api.register(statsRoutes({ stats: statistics, auth }));
      await api.register(floorRoutes({ floor, auth }));
      await api.register(reportRoutes({ reports, auth }));
      await api.register(caseRoutes({ cases, submission: caseSubmission, evaluations, catalog, identity, receipts }));
      await api.register(syncRoutes({ sync, auth }));
      await api.register(
        pairingRoutes({
          pairing,
          auth,
          hallIdentity: () => ({
            hallId,
            hallName: config.hallName,
            queueKey: ownQueueKeyer.exportSecret(),
            // A card checks in at any kiosk of the hall: each computes the booking tag itself.
            matchingKey: matchingKey.toBase64Url(),
          }),
          caFingerprint: () => lanIdentity?.caFingerprint ?? null,
        }),
      );
      await api.register(
        lanRoutes({
          ca: () => (lanIdentity ? { certPem: lanIdentity.caCertPem, fingerprint: lanIdentity.caFingerprint } : null),
        }),
      );
      await api.register(evaluatorRoutes({ binding: evaluatorBinding, auth }));
      await api.register(counterTicketRoutes({ queue, auth, printing }));
      await api.register(terminalQueueRoutes({ queue, steward, appointments, progressUrl: ticketUrl }));
      await api.register(hallLinkRoutes({ link, auth }));
      await api.register(appointmentRoutes({ appointments, identity, auth, printing }));
      await api.register(noticeRoutes({ notices, screens: screenNotices, auth }));
      await api.register(stewardRoutes({ work: stewardWork, auth }));
      await api.register(auditRoutes({ search: auditSearch, auth }));
      await api.register(reviewRoutes({ reviews, auth }));
      await api.register(hallSettingsRoutes({ store: hallSettings, auth }));
      await api.register(hoursRoutes({ extensions: hourExtensions, auth }));
      await api.register(linkRoutes(links));
      await api.register(districtRoutes({ nearby: nearbyHalls }));
      await api.register(
        configTransferRoutes({
          transfer: new ConfigTransfer({
            db,
            clock,
            hallId,
            hall: hallSettings,
            devices,
            terminal: terminalSettings,
            auth,
            accounts,
          }),
          auth,
          clock,
          timeZone: config.timeZone,
        }),
      );
      await api.register(logRoutes({ logs, auth }));
      await api.register(backupRoutes({ backups, auth }));
      await api.register(
        diagnosticsRoutes({
          auth,
          sources: {
            config,
            version: options.version ?? '0.0.0',
            clock,
            db,
            logs,
            terminal: () => terminalSettings.get(),
            businessDay: () => queue.businessDay(),
            devices: () => devices.list(),
            syncStatus: () => sync.status(),
            terminals: () => pairing.list(),
            listening: () => listenAddresses(app.addresses()),
          },
        }),
      );
      await api.register(
        terminalSettingsRoutes({
          store: terminalSettings,
          auth,
          atMachine: (req) => fromOwnShell(req, options.shellToken),
          backupFolderHere: (req) => atThisMachine(req, options.shellToken),
        }),
      );
      await api.register(cameraRoutes({ store: cameraChoice, auth }));
      await api.register(
        announceRoutes({ config, clock, speech: new SpeechRenderer({ command: options.espeakCommand ?? 'espeak-ng' }) }),
      );
      await api.register(eventRoutes(bus, kioskSeat, (terminalId) => evaluatorBinding.windowOf(terminalId)));
      if (options.environment !== 'production' && devices.hasSimulators()) await api.register(simulatorRoutes(devices));
      router(api)(operations.openApi, async () => app.swagger());
    },
    { prefix: API_PREFIX },
  );

  const rendererDir = options.rendererDir;
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    // serve: false — only reply.sendFile. Letting the plugin route each file itself (wildcard:
    // false) globbed ~430 font subsets at boot and added two routes per file: ~300 ms of the
    // host's start, which a kiosk pays at every boot. Assets go through the one route below, pages through notFound.
    await app.register(fastifyStatic, { root: rendererDir, serve: false });
    app.get('/assets/*', async (req, reply) => {
      const file = (req.params as { '*': string })['*'];
      return reply.sendFile(`assets/${file}`, { maxAge: '365d', immutable: true });
    });
  }
  // The start page is this terminal's role (technician console setting), read at each visit.
  app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.redirect(`/${terminalSettings.get().role}`));
  app.setNotFoundHandler(async (req, reply) => {
    const wantsPage = req.method === 'GET' && !req.url.startsWith(API_PREFIX) && !req.url.startsWith('/assets/');
    if (wantsPage && rendererDir && existsSync(join(rendererDir, 'index.html'))) {
      return reply
        .type('text/html')
        .header('cache-control', 'no-cache')
        .header('x-frame-options', 'DENY')
        .header('content-security-policy', rendererCsp({ host: req.headers.host }))
        .sendFile('index.html');
    }
    return reply.code(404).send(notFoundBody(req.url));
  });

  bus.subscribe((event) => {
    if (event.type === 'device.status') app.log.info({ device: event.deviceId, state: event.state }, 'device status');
    if (event.type === 'identity.read' || event.type === 'identity.ended') app.log.info({ session: event.sessionId }, event.type);
    if (event.type === 'storage.status') app.log.warn({ state: event.state }, 'storage status');
    if (event.type === 'backup.status' && event.state === 'failed' && !event.running)
      app.log.warn({ failure: backups.health().lastFailure }, 'backup failed');
  });
  return app;
}

/** How long closing waits for requests under way before cutting every connection. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Closes the HTTP server. Requests under way get a moment to finish; then every connection is
 * cut. Fastify closes idle keep-alive sockets itself, but a browser's half-open one (a request
 * never finished) held close() for Node's 60 s header timeout: a restart must not wait on a browser.
 */
export async function closeHttp(app: FastifyInstance): Promise<void> {
  const cutOff = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
  try {
    await app.close();
  } finally {
    clearTimeout(cutOff);
  }
}
