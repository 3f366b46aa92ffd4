import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { platformIndicatorOperations as ops, XLSX_MEDIA_TYPE } from '../../../contracts/platform-indicators';
import type { EntryOutcome, IndicatorService, PeriodRefusal, TreeEdit } from '../../services/indicator-service';
import { indicatorWorkbook } from '../../services/indicator-workbook';
import { actorOf as principalActor, principalOf } from '../auth';
import { ApiError } from '../errors';
import { platformRoute } from '../operation-route';

export interface IndicatorRoutesOptions {
  indicators: IndicatorService;
  now: () => Date;
}

/** Who did it, for the records and the audit: the signed-in staff member, or `admin-token`. */
const actorOf = (request: FastifyRequest): string => principalActor(principalOf(request));

function periodError(kind: PeriodRefusal, period: string): ApiError {
  return kind === 'period_not_found'
    ? new ApiError(404, 'period_not_found', `no period ${period}`)
    : new ApiError(409, 'period_closed', `period ${period} is closed: its values and scores no longer change`);
}

function treeError(edit: Exclude<TreeEdit, { kind: 'ok' }>, code?: string): ApiError {
  switch (edit.kind) {
    case 'changed':
      return new ApiError(409, 'indicator_tree_changed', 'the tree was saved since the version you read', {
        version: edit.version,
      });
    case 'invalid':
      return new ApiError(400, 'invalid_request', 'the tree breaks a rule of the indicator system', { issues: edit.issues });
    case 'leaf_not_found':
      return new ApiError(404, 'indicator_not_found', `no leaf ${code ?? ''} in the tree`);
  }
}

function entryError(outcome: Exclude<EntryOutcome, { kind: 'ok' }>, period: string, code: string): ApiError {
  switch (outcome.kind) {
    case 'period_not_found':
    case 'period_closed':
      return periodError(outcome.kind, period);
    case 'leaf_not_found':
      return new ApiError(404, 'indicator_not_found', `no leaf ${code} in the tree of ${period}`);
    case 'leaf_computed':
      return new ApiError(409, 'leaf_computed', `${code} is computed by the platform: compute the period instead`);
    case 'note_required':
      return new ApiError(400, 'note_required', `the value is far outside ${code}'s range: add a note saying why it is right`);
    case 'entry_not_found':
      return new ApiError(404, 'entry_not_found', `no such revision of ${code} in ${period}`);
    case 'entry_not_submitted':
      return new ApiError(409, 'entry_not_submitted', 'only the latest revision, while submitted, is reviewed');
    case 'same_person':
      return new ApiError(403, 'forbidden', 'a value is reviewed by someone other than who entered it');
  }
}

/**
 * The indicator system's operations, declared in contracts/platform-indicators.ts: every signed-in
 * role reads; the district admin keeps the tree; district operators run the periods.
 */
export const indicatorRoutes: FastifyPluginAsync<IndicatorRoutesOptions> = async (app, { indicators, now }) => {
  platformRoute(app, ops.getIndicatorTree, async () => ({ status: 200, body: await indicators.tree() }));

  platformRoute(app, ops.saveIndicatorTree, async ({ body }, request) => {
    const edit = await indicators.saveTree(body.expectedVersion, body.tree, actorOf(request));
    if (edit.kind !== 'ok') throw treeError(edit);
    return { status: 200, body: edit.view };
  });

  platformRoute(app, ops.updateIndicatorLeaf, async ({ params, body }, request) => {
    const edit = await indicators.updateLeaf(params.code, body, actorOf(request));
    if (edit.kind !== 'ok') throw treeError(edit, params.code);
    return { status: 200, body: edit.view };
  });

  platformRoute(app, ops.listIndicatorPeriods, async () => ({ status: 200, body: { periods: await indicators.periods() } }));

  platformRoute(app, ops.openIndicatorPeriod, async ({ body }, request) => {
    const outcome = await indicators.openPeriod(body.period, actorOf(request));
    if (outcome.kind === 'period_exists')
      throw new ApiError(409, 'period_exists', `period ${body.period} is open or closed already`);
    if (outcome.kind === 'period_not_started')
      throw new ApiError(409, 'period_not_started', `period ${body.period} has not begun`);
    return { status: 201, body: outcome.period };
  });

  platformRoute(app, ops.closeIndicatorPeriod, async ({ params }, request) => {
    const outcome = await indicators.close(params.period, actorOf(request));
    if (outcome.kind !== 'ok') throw periodError(outcome.kind, params.period);
    return { status: 200, body: { period: outcome.period, scores: outcome.scores } };
  });

  platformRoute(app, ops.listPeriodLeaves, async ({ params, query }) => {
    const sheet = await indicators.periodLeaves(params.period, query.responsibleUnit);
    if (sheet === undefined) throw periodError('period_not_found', params.period);
    return { status: 200, body: sheet };
  });

  platformRoute(app, ops.listLeafEntries, async ({ params }) => {
    const entries = await indicators.entries(params.period, params.code);
    if (entries === 'leaf_not_found') throw entryError({ kind: entries }, params.period, params.code);
    if (typeof entries === 'string') throw periodError(entries, params.period);
    return { status: 200, body: { entries } };
  });

  platformRoute(app, ops.enterIndicatorValue, async ({ params, body }, request) => {
    const outcome = await indicators.enter(params.period, params.code, body, actorOf(request));
    if (outcome.kind !== 'ok') throw entryError(outcome, params.period, params.code);
    return { status: 201, body: outcome.entry };
  });

  platformRoute(app, ops.reviewIndicatorValue, async ({ params, body }, request) => {
    const outcome = await indicators.review(params.period, params.code, body, actorOf(request));
    if (outcome.kind !== 'ok') throw entryError(outcome, params.period, params.code);
    return { status: 200, body: outcome.entry };
  });

  platformRoute(app, ops.computeIndicatorPeriod, async ({ params }, request) => {
    const outcome = await indicators.compute(params.period, actorOf(request));
    if (outcome.kind !== 'ok') throw periodError(outcome.kind, params.period);
    return { status: 200, body: outcome.computed };
  });

  platformRoute(app, ops.getPeriodScores, async ({ params }) => {
    const outcome = await indicators.scores(params.period);
    if (outcome.kind !== 'ok') throw periodError(outcome.kind, params.period);
    return { status: 200, body: { period: outcome.period, scores: outcome.scores } };
  });

  platformRoute(app, ops.getPeriodScoreChanges, async ({ params, query }) => {
    const changes = await indicators.changes(params.period, query.against);
    if (typeof changes === 'string')
      throw new ApiError(404, 'period_not_found', `no period ${params.period} or ${query.against}`);
    return { status: 200, body: { period: params.period, against: query.against, changes } };
  });

  platformRoute(app, ops.getIndicatorTrend, async ({ query }) => ({
    status: 200,
    body: await indicators.trend(query.kind, query.code),
  }));

  platformRoute(app, ops.exportPeriodScores, async ({ params }, _request, reply) => {
    const outcome = await indicators.scores(params.period);
    const tree = await indicators.treeOfPeriod(params.period);
    if (outcome.kind !== 'ok' || tree === undefined) throw periodError('period_not_found', params.period);
    const xlsx = await indicatorWorkbook(outcome.period, tree, outcome.scores, now());
    reply.header('content-type', XLSX_MEDIA_TYPE);
    reply.header('content-disposition', `attachment; filename="indicators-${params.period}.xlsx"`);
    return { status: 200, body: xlsx };
  });
};
