import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { FaultConfig } from '../../contracts/central-api';
import { DEMO_MATCHING_SECRET } from '../../contracts/config';
import { installAuth } from './auth';
import { AppointmentStore } from './appointment-store';
import { CaseStore } from './case-store';
import { CatalogStore } from './catalog-store';
import { openCentralDatabase } from './database';
import { installErrorHandling } from './errors';
import { installFaultHook } from './fault-hook';
import { EvaluationStore } from './evaluation-store';
import { FaultInjector } from './faults';
import { IdempotencyStore } from './idempotency';
import { NoticeStore } from './notice-store';
import { QueueStatsStore } from './queue-stats-store';
import { ReviewOutcomeStore } from './review-outcome-store';
import { adminRoutes } from './routes/admin';
import { appointmentRoutes } from './routes/appointments';
import { caseRoutes } from './routes/cases';
import { catalogRoutes } from './routes/catalog';
import { evaluationRoutes } from './routes/evaluations';
import { metaRoutes } from './routes/meta';
import { noticeRoutes } from './routes/notices';
import { queueStatsRoutes } from './routes/queue-stats';
import { reviewOutcomeRoutes } from './routes/review-outcomes';

export interface CentralApiOptions {
  /** SQLite file; created with its folder if missing. */
  dbFile: string;
  /** Bearer tokens accepted from terminals. */
  tokens: string[];
  /** Bearer token for /v1/admin routes (and only those). */
  adminToken: string;
  /**
   * The secret each hall's appointment-matching key is derived from (privacy.ts). Default: the
   * demo secret, whose keys a demo host derives itself and a production host refuses.
   */
  matchingSecret?: string;
  /** Initial fault injection; changeable later through POST /v1/admin/faults. */
  faults?: FaultConfig;
  logger?: boolean;
  /** Clock, for tests that need a given day. */
  now?: () => Date;
  /** Working days from acceptance to the promised completion date (default 5). */
  promisedWorkingDays?: number;
  /** How long a `timeoutRate` fault holds a socket the client keeps open (default 30 000 ms). */
  timeoutHoldMs?: number;
}

export interface CentralApi {
  app: FastifyInstance;
  /** Closes the server (if listening) and the database. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Personal data must never reach a log (docs/architecture.md, "Data and privacy"): a log is read
 * by support staff and leaves the machine in diagnostics bundles. Fastify's request serializer logs no
 * headers or bodies; the redaction is the second lock in case someone logs a request object.
 */
const loggerOptions: NonNullable<FastifyServerOptions['logger']> = {
  level: 'info',
  redact: {
    paths: ['req.headers.authorization', 'req.headers["idempotency-key"]', 'req.body', 'res.body', 'body', 'applicant'],
    censor: '[redacted]',
  },
};

/** Builds the reference central API, ready to `inject()` or `listen()`; it does not listen itself. */
export async function createCentralApi(options: CentralApiOptions): Promise<CentralApi> {
  if (options.tokens.some((t) => t.length === 0) || options.adminToken.length === 0) {
    throw new Error('central API tokens must not be empty');
  }
  const db = openCentralDatabase(options.dbFile);
  const app = Fastify({ logger: options.logger ? loggerOptions : false });
  let closed: Promise<void> | undefined;
  try {
    const now = options.now ?? (() => new Date());
    const store = new CaseStore(db, { now, promisedWorkingDays: options.promisedWorkingDays ?? 5 });
    const idempotency = new IdempotencyStore(db);
    const catalog = new CatalogStore(db, now);
    const evaluations = new EvaluationStore(db, idempotency, now);
    const stats = new QueueStatsStore(db, idempotency, now);
    const outcomes = new ReviewOutcomeStore(db, idempotency, now);
    const appointments = new AppointmentStore(db, now, options.matchingSecret ?? DEMO_MATCHING_SECRET);
    const notices = new NoticeStore(db, now);
    const faults = new FaultInjector(options.faults);

    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandling(app);
    // Order matters: authenticate first, then inject faults, so a 401 is never a fault.
    installAuth(app, { tokens: options.tokens, adminToken: options.adminToken });
    installFaultHook(app, faults, options.timeoutHoldMs === undefined ? {} : { holdMs: options.timeoutHoldMs });

    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Hall Kiosk reference central API',
          description:
            'The province system our halls sync with: cases, catalog, evaluations, queue stats, appointments, notices (reference implementation with fault injection).',
          version: '1.0.0',
        },
        components: {
          securitySchemes: {
            terminalToken: { type: 'http', scheme: 'bearer' },
            adminToken: { type: 'http', scheme: 'bearer' },
          },
        },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(metaRoutes);
    await app.register(caseRoutes, { store, faults });
    await app.register(adminRoutes, { store, faults });
    await app.register(catalogRoutes, { catalog });
    await app.register(evaluationRoutes, { evaluations, faults });
    await app.register(queueStatsRoutes, { stats, faults });
    await app.register(reviewOutcomeRoutes, { outcomes, faults });
    await app.register(appointmentRoutes, { appointments });
    await app.register(noticeRoutes, { notices });
    app.addHook('onClose', async () => {
      db.close();
    });
    await app.ready();
  } catch (error) {
    await app.close().catch(() => undefined);
    if (db.open) db.close();
    throw error;
  }

  return {
    app,
    close: () => (closed ??= app.close()),
  };
}
