import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { FaultConfig } from '../contracts/central-api';
import { DEMO_MATCHING_SECRET } from '../contracts/config';
import { DEMO_DISTRICT_ADMIN } from '../contracts/platform-console';
import { PROGRESS_LOOKUPS_PER_HOUR } from '../contracts/platform-public-complaints';
import { actingPersonOf } from './api/acting-person';
import { installAuth } from './api/auth';
import { installConsolePage } from './api/console-page';
import { installErrorHandling } from './api/errors';
import { installFaultHook } from './api/fault-hook';
import { FaultInjector } from './api/faults';
import { installHallScope } from './api/hall-scope';
import { adminRoutes } from './api/routes/admin';
import { appointmentRoutes } from './api/routes/appointments';
import { caseRoutes } from './api/routes/cases';
import { catalogRoutes } from './api/routes/catalog';
import { consoleCaseRoutes } from './api/routes/console-cases';
import { consoleCatalogRoutes } from './api/routes/console-catalog';
import { consoleInboxRoutes, type PersonResolver } from './api/routes/console-inbox';
import { consoleLiveRoutes } from './api/routes/console-live';
import { consoleNoticeRoutes } from './api/routes/console-notices';
import { complaintDirectoryRoutes } from './api/routes/complaint-directory';
import { complaintStatisticsRoutes } from './api/routes/complaint-statistics';
import { complaintSettingsRoutes } from './api/routes/complaint-settings';
import { complaintRoutes } from './api/routes/complaints';
import { minxinRoutes } from './api/routes/complaint-minxin';
import { casePageRoutes } from './api/routes/case-pages';
import { CasePageService } from './services/case-page-service';
import { publicComplaintRoutes } from './api/routes/public-complaints';
import { consoleSessionRoutes } from './api/routes/console-session';
import { evaluationRoutes } from './api/routes/evaluations';
import { hallRoutes } from './api/routes/halls';
import { indicatorRoutes } from './api/routes/indicators';
import { liveRoutes } from './api/routes/live';
import { metaRoutes } from './api/routes/meta';
import { noticeRoutes } from './api/routes/notices';
import { queueStatsRoutes } from './api/routes/queue-stats';
import { reviewOutcomeRoutes } from './api/routes/review-outcomes';
import { migrate } from './db/migrate';
import type { Sql } from './db/sql';
import { createPlatformNotifier } from './notify/create-notifier';
import type { NotifierLog } from './notify/notice';
import type { SmtpConfig } from './notify/smtp-config';
import { AppointmentService } from './services/appointment-service';
import { CaseService } from './services/case-service';
import { CatalogEditor } from './services/catalog-editor';
import { CatalogService } from './services/catalog-service';
import { ComplaintActionService } from './services/complaint-action-service';
import { AssessmentRulesSettings } from './services/complaint-assessment-rules';
import {
  startDeadlineSweep,
  sweepComplaintDeadlines,
  type DeadlineSweepOptions,
  type DeadlineSweepTimer,
  type SweepResult,
} from './services/complaint-deadline-sweep';
import { ComplaintDirectoryService } from './services/complaint-directory-service';
import { ComplaintIndicatorRecords } from './services/complaint-indicator-records';
import { ComplaintNoticeRecipients } from './services/complaint-notice-recipients';
import { ComplaintQueryService } from './services/complaint-query-service';
import { ComplaintRegistration } from './services/complaint-registration';
import { ComplaintSettings } from './services/complaint-settings';
import { ComplaintStatisticsService } from './services/complaint-statistics-service';
import { ComplaintSettingsEditor } from './services/complaint-settings-editor';
import { ConsoleCaseService } from './services/console-case-service';
import { DEMO_HALL_ID } from './services/demo-district';
import { DistrictStaffService, type SessionRules } from './services/district-staff-service';
import { EvaluationService } from './services/evaluation-service';
import { HallCredentialService } from './services/hall-credential-service';
import { HallService } from './services/hall-service';
import type { ComplaintRecords } from './services/indicator-complaint-figures';
import { IndicatorService } from './services/indicator-service';
import { LiveService } from './services/live-service';
import { MinxinExchange } from './services/minxin-exchange';
import { PublicComplaintProgressService } from './services/public-complaint-progress';
import { NoticeInboxService } from './services/notice-inbox-service';
import { NoticeService } from './services/notice-service';
import { PublicFormLimiter, type FormLimit } from './services/public-form-limiter';
import { QueueStatsService } from './services/queue-stats-service';
import { ReviewOutcomeService } from './services/review-outcome-service';

export interface PlatformOptions {
  /**
   * The database (platform/db: PGlite or a server pool). The platform migrates it at start and
   * never closes it: whoever opened it closes it, after the platform.
   */
  sql: Sql;
  /**
   * Static dev tokens (the demo and the tests): each signs in as the demo hall (`hall-01`, the
   * district centre of services/demo-district.ts), and with any of them the demo district is
   * registered at start if no hall is. Empty in production: every hall then signs in with its own
   * credential (contracts/platform-halls.ts), issued on the console.
   */
  tokens: string[];
  /** Bearer token for /v1/admin routes (and only those). */
  adminToken: string;
  /**
   * The secret each hall's appointment-matching key is derived from (services/matching-key.ts).
   * Default: the demo secret, whose keys a demo host derives itself and a production host refuses.
   */
  matchingSecret?: string;
  /**
   * Initial fault injection; changeable later through POST /v1/admin/faults. Faults are a test
   * and operations mode of one instance: they live in its memory, never in the database.
   */
  faults?: FaultConfig;
  logger?: boolean;
  /** Clock, for tests that need a given day. */
  now?: () => Date;
  /** Working days from acceptance to the promised completion date (default 5). */
  promisedWorkingDays?: number;
  /** How long a `timeoutRate` fault holds a socket the client keeps open (default 30 000 ms). */
  timeoutHoldMs?: number;
  /**
   * The built renderer (`dist/renderer`): the platform serves the district console page from it
   * at `/district`, same-origin with its API. Without it the platform serves the API only.
   */
  rendererDir?: string;
  /** Seeds the demo's district admin (DEMO_DISTRICT_ADMIN) if missing: `npm start` only, never production. */
  demoAdmin?: boolean;
  /** Console session and lockout timing (services/district-staff-service.ts has the defaults). */
  sessionRules?: SessionRules;
  /**
   * Which person of the complaint desk a console request is from, for their inbox
   * (api/routes/console-inbox.ts). Default: the session account's person (api/acting-person.ts),
   * the one the complaint routes act as.
   */
  inboxPersonOf?: PersonResolver;
  /**
   * The complaint platform's complaints, for the indicator system's GOV.05 metrics
   * (services/indicator-complaint-figures.ts). Default: the complaint tables
   * (services/complaint-indicator-records.ts).
   */
  complaintRecords?: ComplaintRecords;
  /**
   * The mail server the deadline notices also go through (notify/smtp-config.ts,
   * `smtpConfigFromEnvironment`); absent or null: the console inbox only.
   */
  smtp?: SmtpConfig | null;
  /**
   * The deadline sweep (services/complaint-deadline-sweep.ts): every `intervalMs` (default
   * 60 000) from the start, or `'on-demand'`: no timer, a sweep runs when `Platform.sweepDeadlines`
   * is called (tests, which then choose the clock the sweep sees).
   */
  deadlineSweep?: { intervalMs: number } | 'on-demand';
  /** The public complaint form's limit per client address (services/public-form-limiter.ts has the default). */
  webFormLimit?: FormLimit;
  /** The public progress lookup's limit per client address (default PROGRESS_LOOKUPS_PER_HOUR an hour). */
  progressLookupLimit?: FormLimit;
}

export interface Platform {
  app: FastifyInstance;
  /** One deadline sweep now, besides the timer's (if any): what it did, in counts. */
  sweepDeadlines(): Promise<SweepResult>;
  /**
   * The cases' material pages (contracts/central-pages.ts): their purge with the case's personal
   * data (`purgePages`, `purgeClosedCasePages`); the platform runs it on no clock of its own.
   */
  casePages: CasePageService;
  /**
   * Stops the deadline sweep (waiting for one under way) and closes the HTTP side (if
   * listening); safe to call twice. The database stays open.
   */
  close(): Promise<void>;
}

/** The deadline sweep's interval when none is given: the reminders are to the minute. */
export const DEADLINE_SWEEP_INTERVAL_MS = 60_000;

/**
 * Personal data must never reach a log (docs/architecture.md, "Data and privacy"): Fastify's
 * request serializer logs no headers or bodies; the redaction is the second lock in case someone
 * logs a request object.
 */
const loggerOptions: NonNullable<FastifyServerOptions['logger']> = {
  level: 'info',
  redact: {
    paths: ['req.headers.authorization', 'req.headers["idempotency-key"]', 'req.body', 'res.body', 'body', 'applicant'],
    censor: '[redacted]',
  },
};

/**
 * Builds the district platform, ready to `inject()` or `listen()`; it does not listen itself.
 * At start it brings the database to the newest migration and seeds the catalog if there is
 * none, both safe when several instances start together on one database.
 */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  if (options.tokens.some((t) => t.length === 0) || options.adminToken.length === 0) {
    throw new Error('platform tokens must not be empty');
  }
  const schedule = options.deadlineSweep ?? { intervalMs: DEADLINE_SWEEP_INTERVAL_MS };
  // A sweep reads every open complaint: more than once a second would only load the database.
  if (schedule !== 'on-demand' && !(Number.isInteger(schedule.intervalMs) && schedule.intervalMs >= 1_000)) {
    throw new Error('the deadline sweep interval must be a whole number of milliseconds, at least 1000');
  }
  const { sql } = options;
  const now = options.now ?? (() => new Date());
  await migrate(sql);
  const catalog = new CatalogService(sql, now);
  await catalog.seed();
  const halls = new HallService(sql, now);
  if (options.tokens.length > 0) {
    await halls.seedDemoDistrict();
    if (!(await halls.exists(DEMO_HALL_ID))) {
      throw new Error(`the static tokens sign in as hall ${DEMO_HALL_ID}, which is not registered: register it or give no token`);
    }
  }
  const complaintSettings = new ComplaintSettings(sql, now);
  await complaintSettings.seed();
  const assessmentRules = new AssessmentRulesSettings(sql, now);
  await assessmentRules.seed();
  const indicators = new IndicatorService(sql, {
    now,
    complaints: options.complaintRecords ?? new ComplaintIndicatorRecords(sql),
  });
  await indicators.seed();
  const staff = new DistrictStaffService(sql, now, options.sessionRules);
  if (options.demoAdmin === true) await staff.addAccount({ ...DEMO_DISTRICT_ADMIN, role: 'district-admin' });

  const app = Fastify({
    logger: options.logger === true ? loggerOptions : false,
    // Closing ends every connection at once, keep-alive or mid-request, instead of waiting for
    // clients to let go: a request cut off is retried under its Idempotency-Key, which is safe
    // by design, and another instance behind the load balancer answers it.
    forceCloseConnections: true,
  });
  let sweep: DeadlineSweepOptions | undefined;
  const casePages = new CasePageService(sql, now);
  try {
    const registration = new ComplaintRegistration(sql, complaintSettings, now);
    const cases = new CaseService(sql, {
      now,
      promisedWorkingDays: options.promisedWorkingDays ?? 5,
      complaints: registration,
    });
    const directory = new ComplaintDirectoryService(sql, staff, now);
    const complaintQueries = new ComplaintQueryService(sql, directory, complaintSettings, now);
    const complaintActions = new ComplaintActionService(sql, directory, complaintSettings, now);
    const evaluations = new EvaluationService(sql, now, complaintActions);
    const stats = new QueueStatsService(sql, now);
    const outcomes = new ReviewOutcomeService(sql, now);
    const appointments = new AppointmentService(sql, now, options.matchingSecret ?? DEMO_MATCHING_SECRET);
    const notices = new NoticeService(sql, now);
    const credentials = new HallCredentialService(sql, now);
    const live = new LiveService(sql, now);
    const faults = new FaultInjector(options.faults);

    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandling(app);
    // Order matters: authenticate first, then inject faults, so a 401 is never a fault.
    installAuth(app, {
      tokens: options.tokens,
      staticTokenHall: DEMO_HALL_ID,
      adminToken: options.adminToken,
      halls: credentials,
      staff,
    });
    installFaultHook(app, faults, options.timeoutHoldMs === undefined ? {} : { holdMs: options.timeoutHoldMs });
    installHallScope(app);

    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Hall Kiosk district platform (central API)',
          description:
            "The central side the district's halls sync with, each with its own credential: cases, catalog, evaluations, queue stats, live queue snapshots, appointments, notices; the halls and their credentials; on PostgreSQL, with fault injection for tests.",
          version: '1.0.0',
        },
        components: {
          securitySchemes: {
            terminalToken: {
              type: 'http',
              scheme: 'bearer',
              description: "The hall's credential: the request's hall is its hall",
            },
            adminToken: { type: 'http', scheme: 'bearer' },
            consoleSession: { type: 'http', scheme: 'bearer' },
          },
        },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(metaRoutes);
    await app.register(caseRoutes, { cases, faults });
    await app.register(casePageRoutes, { pages: casePages, faults });
    await app.register(adminRoutes, { cases, faults });
    await app.register(catalogRoutes, { catalog });
    await app.register(evaluationRoutes, { evaluations, faults });
    await app.register(queueStatsRoutes, { stats, faults });
    await app.register(reviewOutcomeRoutes, { outcomes, faults });
    await app.register(appointmentRoutes, { appointments });
    await app.register(noticeRoutes, { notices });
    await app.register(hallRoutes, { halls, credentials });
    await app.register(liveRoutes, { live });
    // The district console (contracts/platform-console-api.ts) and its page.
    await app.register(consoleSessionRoutes, { staff });
    await app.register(consoleCaseRoutes, { cases: new ConsoleCaseService(sql, cases, now), pages: casePages });
    await app.register(consoleNoticeRoutes, { notices });
    await app.register(consoleLiveRoutes, { live });
    await app.register(consoleCatalogRoutes, { editor: new CatalogEditor(sql, now) });
    await app.register(consoleInboxRoutes, {
      inbox: new NoticeInboxService(sql, now),
      personOf: options.inboxPersonOf ?? actingPersonOf,
    });
    await app.register(indicatorRoutes, { indicators, now });
    // 营商诉求 (contracts/platform-complaints-api.ts).
    await app.register(complaintDirectoryRoutes, { directory });
    await app.register(complaintSettingsRoutes, { editor: new ComplaintSettingsEditor(sql, directory, complaintSettings, now) });
    await app.register(complaintRoutes, {
      directory,
      registration,
      actions: complaintActions,
      queries: complaintQueries,
      webFormLimiter: new PublicFormLimiter(sql, now, options.webFormLimit),
    });
    // 查询统计 and 考核 (contracts/platform-complaint-statistics.ts).
    await app.register(complaintStatisticsRoutes, {
      statistics: new ComplaintStatisticsService(sql, directory, assessmentRules, now),
      rules: assessmentRules,
      directory,
    });
    await app.register(publicComplaintRoutes, {
      progress: new PublicComplaintProgressService(sql),
      lookupLimiter: new PublicFormLimiter(
        sql,
        now,
        options.progressLookupLimit ?? { perWindow: PROGRESS_LOOKUPS_PER_HOUR, windowMs: 3_600_000 },
        'progress-lookup',
      ),
    });
    await app.register(minxinRoutes, { directory, exchange: new MinxinExchange(sql, registration, now), now });
    if (options.rendererDir !== undefined) await installConsolePage(app, options.rendererDir);
    await app.ready();
    // Notices carry only numbers and codes to the log (notify/notice.ts), so Fastify's logger may have them.
    const log: NotifierLog | undefined = options.logger === true ? app.log : undefined;
    sweep = {
      port: new ComplaintNoticeRecipients(complaintQueries, directory),
      notifier: createPlatformNotifier({ sql, now, smtp: options.smtp ?? null, ...(log === undefined ? {} : { log }) }),
      context: async () => (await complaintSettings.current()).deadlines,
      ...(log === undefined ? {} : { log }),
    };
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }

  const sweepOptions = sweep;
  const timer: DeadlineSweepTimer | undefined =
    schedule === 'on-demand' ? undefined : startDeadlineSweep({ ...sweepOptions, intervalMs: schedule.intervalMs, now });
  let closed: Promise<void> | undefined;
  return {
    app,
    sweepDeadlines: () => sweepComplaintDeadlines(sweepOptions, now()),
    casePages,
    // The sweep stops first: the database is closed after the platform, and a sweep under way still uses it.
    close: () => (closed ??= (timer?.stop() ?? Promise.resolve()).then(() => app.close())),
  };
}
