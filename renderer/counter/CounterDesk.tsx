import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPrincipal } from '../../contracts/auth';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { refreshAfterEvent } from '../api/refresh';
import { useLatest } from '../ui/use-latest';
import { useMachine } from '../ui/use-machine';
import { CurrentTicket } from './CurrentTicket';
import { commandForKey, type DeskCommand, endsSession, finishThenCall, keyOf, ownFigures } from './desk-logic';
import {
  changesFigures,
  deskReducer,
  type DeskPlan,
  type DeskRequest,
  type DeskResult,
  deskText,
  initialDesk,
  lostSession,
  operationOf,
  planCall,
  planCommand,
  shownDialog,
} from './desk-state';
import { FinishDialog } from './FinishDialog';
import { HeldList } from './HeldList';
import type { CounterRating } from './rating-status';
import { RatingStatus } from './RatingStatus';
import { TodayStats } from './TodayStats';
import { TransferDialog } from './TransferDialog';
import { useDeskFormat, useNow } from './use-desk-format';
import { WaitingPanel } from './WaitingPanel';

/** Opens the priority-ticket dialog (F1–F8 are the desk's eight actions). */
const PRIORITY_KEY = 'F9';
// Loaded when first opened: its QR code library stays out of every screen's first download.
const PriorityTicketDialog = lazy(() => import('./PriorityTicketDialog'));

/**
 * The signed-in window: the citizen being served, the eight actions (buttons
 * and F1–F8), the queue, held tickets and today's figures. Everything shown is
 * the host's state, re-read after every action and every hall event, so a
 * caller keypad or a supervisor acting on the same window shows up here too.
 * What the page adds (message, dialog, filter, one action at a time) is desk-state.ts's
 * reducer; a different window is a different desk (CounterApp keys it by window).
 */
export function CounterDesk({
  staff,
  windowId,
  timeZone,
  onSessionLost,
  rating = null,
}: {
  staff: StaffPrincipal;
  windowId: number;
  timeZone: string;
  onSessionLost: (reason: 'unauthorized' | 'forbidden') => void;
  /** The rating the window last asked for and whether the citizen rated (CounterApp follows the events). */
  rating?: CounterRating | null;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const now = useNow();
  const win = useQuery({ queryKey: ['counter', 'window', windowId], queryFn: () => api.window(windowId) });
  const waiting = useQuery({ queryKey: ['counter', 'waiting', windowId], queryFn: () => api.waiting(windowId) });
  const windows = useQuery({ queryKey: ['counter', 'windows'], queryFn: api.windows });
  const services = useQuery({ queryKey: ['services'], queryFn: api.services });
  // Statistics are the heaviest read: refreshed after finishing or skipping, and once a minute.
  const stats = useQuery({ queryKey: ['counterStats'], queryFn: api.statsToday, refetchInterval: 60_000 });
  const format = useDeskFormat(timeZone, services.data?.services);
  const [desk, dispatch, latest] = useMachine(deskReducer, initialDesk);
  /** F9's priority-ticket dialog: about no citizen at the window, so outside the desk's dialogs. */
  const [issuing, setIssuing] = useState(false);

  const w = win.data;
  const current = w?.current ?? null;
  const held = w?.held ?? [];
  const paused = w?.paused ?? false;
  const dialog = shownDialog(desk, current);

  // A read refused for the session (expired, or someone else took the window) ends it here too.
  const readError = [win.error, waiting.error, stats.error].find((e) => e instanceof ApiClientError && endsSession(e.code));
  useEffect(() => {
    if (readError instanceof ApiClientError) {
      const reason = endsSession(readError.code);
      if (reason) onSessionLost(reason);
    }
  }, [readError, onSessionLost]);

  /** The host request behind a request, and what its answer said. */
  const send = useCallback(
    async (request: DeskRequest): Promise<DeskResult> => {
      switch (request.operation) {
        case 'callNext':
          return { kind: 'called', call: (await api.callNext(windowId)).call };
        case 'callTicket':
          return { kind: 'called', call: (await api.callTicket(windowId, request.ticket.id)).call };
        case 'recall':
          return { kind: 'recalled', call: (await api.recall(windowId)).call };
        case 'skip':
          return { kind: 'skipped', ticket: (await api.skip(windowId)).ticket };
        case 'hold':
          return { kind: 'held', ticket: (await api.hold(windowId)).ticket };
        case 'resume':
          return { kind: 'resumed', call: (await api.resume(windowId, request.ticket.id)).call };
        case 'evaluate':
          await api.requestEvaluation(windowId);
          return { kind: 'evaluationRequested' };
        case 'pause':
          return { kind: 'paused', paused: (await api.pause(windowId, request.paused)).paused };
        case 'transfer':
          return { kind: 'transferred', ticket: (await api.transfer(windowId, request.to)).ticket, label: request.label };
        case 'finish': {
          const { outcome, then } = request;
          if (then === null) return { kind: 'finished', ticket: (await api.finish(windowId, outcome)).ticket, outcome };
          const { finished, called } = await finishThenCall(
            {
              finish: async () => (await api.finish(windowId, outcome)).ticket,
              requestEvaluation: () => api.requestEvaluation(windowId),
              call: async () =>
                (then.kind === 'next' ? await api.callNext(windowId) : await api.callTicket(windowId, then.ticket.id)).call,
            },
            (error) => error instanceof ApiClientError && error.code === 'queue_empty',
          );
          return { kind: 'finishedThenCalled', ticket: finished, outcome, called };
        }
      }
    },
    [api, windowId],
  );

  const perform = useCallback(
    async (request: DeskRequest) => {
      // One action at a time: a double press of F1 must not call two citizens.
      if (latest().working) return;
      dispatch({ type: 'started' });
      const operation = operationOf(request);
      try {
        const result = await send(request);
        // The message appears with the screen it describes, and a second key press acts on the new state.
        await refreshAfterEvent(queryClient, ['counter']);
        dispatch({ type: 'succeeded', result });
      } catch (error) {
        const code = error instanceof ApiClientError ? error.code : 'generic';
        const reason = lostSession(code, staff.role);
        if (reason) {
          onSessionLost(reason);
          return;
        }
        dispatch({ type: 'failed', operation, code });
      } finally {
        dispatch({ type: 'settled' });
        void refreshAfterEvent(queryClient, ['counter']);
        if (changesFigures(operation)) void refreshAfterEvent(queryClient, ['counterStats']);
      }
    },
    [queryClient, onSessionLost, staff.role, send, dispatch, latest],
  );

  const follow = (plan: DeskPlan) => {
    if (plan.kind === 'request') void perform(plan.request);
    else if (plan.kind === 'dialog') dispatch({ type: 'dialog', dialog: plan.dialog });
    else dispatch({ type: 'notice', notice: plan.notice });
  };
  const command = (c: DeskCommand) => follow(planCommand(c, { current, held, paused }));
  /** A dialog's choice: the dialog goes, the request follows. */
  const confirm = (request: DeskRequest) => {
    dispatch({ type: 'closeDialog' });
    void perform(request);
  };

  // The latest handler and dialog for the key listener, which is installed once.
  const keys = useLatest({ command, dialogOpen: dialog !== null || issuing, openPriority: () => setIssuing(true) });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === PRIORITY_KEY && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        if (!e.repeat && !keys.current.dialogOpen) keys.current.openPriority();
        return;
      }
      const c = commandForKey(e.key);
      if (!c || e.altKey || e.ctrlKey || e.metaKey) return;
      // F5 reloads, F6 jumps to the address bar, F7 toggles caret browsing: the desk owns these keys.
      e.preventDefault();
      // A held key repeats; a dialog takes its own keys.
      if (e.repeat || keys.current.dialogOpen) return;
      keys.current.command(c);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [keys]);

  const firstHeld = held[0];
  const holdLabel =
    !current && firstHeld ? t('counterUi.actions.resumeHeld', { number: firstHeld.number }) : t('counterUi.actions.hold');
  const buttons: { command: DeskCommand; label: string; disabled?: boolean; tone?: 'primary' | 'warn' | undefined }[] = [
    { command: 'callNext', label: t('counterUi.actions.callNext'), tone: 'primary' },
    { command: 'recall', label: t('counterUi.actions.recall'), disabled: !current },
    { command: 'skip', label: t('counterUi.actions.skip'), disabled: !current },
    { command: 'finish', label: t('counterUi.actions.finish'), disabled: !current },
    { command: 'holdResume', label: holdLabel, disabled: !current && !firstHeld },
    { command: 'transfer', label: t('counterUi.actions.transfer'), disabled: !current },
    { command: 'evaluate', label: t('counterUi.actions.evaluate') },
    {
      command: 'pause',
      label: paused ? t('counterUi.actions.resumeWindow') : t('counterUi.actions.pause'),
      tone: paused ? 'warn' : undefined,
    },
  ];
  const figures = ownFigures(stats.data, staff.id, windowId);

  return (
    <main className="cd-main" aria-busy={desk.working}>
      <div className="cd-left">
        <CurrentTicket ticket={current} paused={paused} now={now} format={format} />
        <RatingStatus rating={rating} windowNumber={w?.number} />
        <div className="cd-notice-area">
          <p className="cd-notice cd-notice-ok" role="status" data-testid="desk-status">
            {desk.notice?.tone === 'ok' ? deskText(t, desk.notice.message) : ''}
          </p>
          <p className="cd-notice cd-notice-error" role="alert" data-testid="desk-error">
            {desk.notice?.tone === 'error' ? deskText(t, desk.notice.message) : ''}
          </p>
        </div>
        <section className="cd-actions" aria-label={t('counterUi.actions.heading')}>
          {buttons.map((b) => (
            <button
              key={b.command}
              type="button"
              className={`cd-action${b.tone ? ` cd-action-${b.tone}` : ''}`}
              data-command={b.command}
              aria-keyshortcuts={keyOf(b.command)}
              disabled={b.disabled}
              onClick={() => command(b.command)}
            >
              <span className="cd-action-label">{b.label}</span> <kbd>{keyOf(b.command)}</kbd>
            </button>
          ))}
        </section>
      </div>
      <div className="cd-right">
        <button
          type="button"
          className="cd-priority-open"
          aria-keyshortcuts={PRIORITY_KEY}
          onClick={() => setIssuing(true)}
          data-testid="open-priority"
        >
          {t('counterPriority.open')} <kbd>{PRIORITY_KEY}</kbd>
        </button>
        <HeldList tickets={held} format={format} onResume={(ticket) => void perform({ operation: 'resume', ticket })} />
        <WaitingPanel
          tickets={waiting.data?.tickets ?? []}
          windowServices={w?.services ?? []}
          filter={desk.filter}
          onFilter={(filter) => dispatch({ type: 'filter', filter })}
          now={now}
          format={format}
          onCall={(ticket) => follow(planCall({ kind: 'ticket', ticket }, current))}
        />
        <TodayStats mine={figures.mine} window={figures.window} format={format} />
      </div>
      {dialog?.kind === 'finish' && current && (
        <FinishDialog
          ticket={current}
          then={dialog.then}
          onConfirm={(outcome) => confirm({ operation: 'finish', outcome, then: dialog.then })}
          onClose={() => dispatch({ type: 'closeDialog' })}
        />
      )}
      {issuing && (
        <Suspense fallback={null}>
          <PriorityTicketDialog
            windowId={windowId}
            services={services.data?.services ?? []}
            windowServices={w?.services ?? []}
            format={format}
            onClose={() => setIssuing(false)}
            onSessionLost={onSessionLost}
          />
        </Suspense>
      )}
      {dialog?.kind === 'transfer' && current && (
        <TransferDialog
          ticket={current}
          services={services.data?.services ?? []}
          windows={windows.data?.windows ?? []}
          fromWindowId={windowId}
          format={format}
          onConfirm={(to, label) => confirm({ operation: 'transfer', to, label })}
          onClose={() => dispatch({ type: 'closeDialog' })}
        />
      )}
    </main>
  );
}
