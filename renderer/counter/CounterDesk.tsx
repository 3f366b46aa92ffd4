import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffPrincipal } from '../../contracts/auth';
import type { Outcome, Ticket, TransferRequest } from '../../contracts/queue';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { refreshAfterEvent } from '../api/refresh';
import { CurrentTicket } from './CurrentTicket';
import {
  actionErrorKey,
  type CallTarget,
  commandForKey,
  type DeskCommand,
  type DeskOperation,
  endsSession,
  finishBeforeCall,
  finishThenCall,
  keyOf,
  ownFigures,
  type WaitingFilter,
} from './desk-logic';
import { FinishDialog } from './FinishDialog';
import { HeldList } from './HeldList';
import { TodayStats } from './TodayStats';
import { TransferDialog } from './TransferDialog';
import { useDeskFormat, useNow } from './use-desk-format';
import { WaitingPanel } from './WaitingPanel';

/** What the last action did, rendered in the current language (so a language switch re-renders it). */
interface Notice {
  tone: 'ok' | 'error';
  text: (t: TFunction) => string;
}

/** The finish dialog either ends the visit (F4) or ends it before a call (`then`: F1, a pick from the queue). */
type Dialog = { kind: 'finish'; then: CallTarget | null } | { kind: 'transfer' } | null;

/**
 * The signed-in window: the citizen being served, the eight actions (buttons
 * and F1–F8), the queue, held tickets and today's figures. Everything shown is
 * the host's state, re-read after every action and every hall event, so a
 * caller keypad or a supervisor acting on the same window shows up here too.
 */
export function CounterDesk({
  staff,
  windowId,
  timeZone,
  onSessionLost,
}: {
  staff: StaffPrincipal;
  windowId: number;
  timeZone: string;
  onSessionLost: (reason: 'unauthorized' | 'forbidden') => void;
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
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [filter, setFilter] = useState<WaitingFilter>({ kind: 'all' });
  const busy = useRef(false);
  const [working, setWorking] = useState(false);

  const w = win.data;
  const current = w?.current ?? null;
  const held = w?.held ?? [];
  const paused = w?.paused ?? false;

  // A read refused for the session (expired, or someone else took the window) ends it here too.
  const readError = [win.error, waiting.error, stats.error].find((e) => e instanceof ApiClientError && endsSession(e.code));
  useEffect(() => {
    if (readError instanceof ApiClientError) {
      const reason = endsSession(readError.code);
      if (reason) onSessionLost(reason);
    }
  }, [readError, onSessionLost]);

  useEffect(() => {
    setFilter({ kind: 'all' });
    setNotice(null);
    setDialog(null);
  }, [windowId]);

  // The citizen left the window (a keypad finished them, a supervisor acted): a dialog about them is moot.
  useEffect(() => {
    if (current === null) setDialog(null);
  }, [current]);

  const perform = useCallback(
    async (operation: DeskOperation, work: () => Promise<Notice['text']>) => {
      // One action at a time: a double press of F1 must not call two citizens.
      if (busy.current) return;
      busy.current = true;
      setWorking(true);
      try {
        const text = await work();
        // The message appears with the screen it describes, and a second key press acts on the new state.
        await refreshAfterEvent(queryClient, ['counter']);
        setNotice({ tone: 'ok', text });
      } catch (error) {
        const code = error instanceof ApiClientError ? error.code : 'generic';
        const reason = endsSession(code);
        // forbidden from a supervisor is a role problem, not a lost window.
        if (reason && !(reason === 'forbidden' && staff.role === 'supervisor')) {
          onSessionLost(reason);
          return;
        }
        setNotice({ tone: 'error', text: (tr) => tr(actionErrorKey(operation, code)) });
      } finally {
        busy.current = false;
        setWorking(false);
        void refreshAfterEvent(queryClient, ['counter']);
        if (operation === 'finish' || operation === 'skip' || operation.startsWith('call'))
          void refreshAfterEvent(queryClient, ['counterStats']);
      }
    },
    [queryClient, onSessionLost, staff.role],
  );

  /** F1 or a pick from the queue: with a citizen at the window, their outcome first (never a silent 办结). */
  const callOrFinishFirst = (target: CallTarget) => {
    const first = finishBeforeCall(current, target);
    if (first) return setDialog({ kind: 'finish', then: first.then });
    return void (target.kind === 'next' ? callNext() : callTicket(target.ticket));
  };
  const callNext = () =>
    perform('callNext', async () => {
      const { call } = await api.callNext(windowId);
      return (tr) => tr('counterUi.done.called', { number: call.ticketNumber });
    });
  const callTicket = (ticket: Ticket) =>
    perform('callTicket', async () => {
      const { call } = await api.callTicket(windowId, ticket.id);
      return (tr) => tr('counterUi.done.called', { number: call.ticketNumber });
    });
  const finishAndCall = (outcome: Outcome, then: CallTarget) => {
    setDialog(null);
    return perform(then.kind === 'next' ? 'callNext' : 'callTicket', async () => {
      const { finished, called } = await finishThenCall(
        {
          finish: async () => (await api.finish(windowId, outcome)).ticket,
          requestEvaluation: () => api.requestEvaluation(windowId),
          call: async () =>
            (then.kind === 'next' ? await api.callNext(windowId) : await api.callTicket(windowId, then.ticket.id)).call,
        },
        (error) => error instanceof ApiClientError && error.code === 'queue_empty',
      );
      return (tr) => {
        const ended = { number: finished.number, outcome: tr(`counterUi.outcomes.${outcome}`) };
        return called
          ? tr('counterUi.done.finishedAndCalled', { ...ended, next: called.ticketNumber })
          : tr('counterUi.done.finishedQueueEmpty', ended);
      };
    });
  };
  const recall = () =>
    perform('recall', async () => {
      const { call } = await api.recall(windowId);
      return (tr) => tr('counterUi.done.recalled', { number: call.ticketNumber, count: call.recall });
    });
  const skip = () =>
    perform('skip', async () => {
      const { ticket } = await api.skip(windowId);
      const key = ticket.status === 'waiting' ? 'counterUi.done.requeued' : 'counterUi.done.noShow';
      return (tr) => tr(key, { number: ticket.number });
    });
  const hold = () =>
    perform('hold', async () => {
      const { ticket } = await api.hold(windowId);
      return (tr) => tr('counterUi.done.held', { number: ticket.number });
    });
  const resume = (ticket: Ticket) =>
    perform('resume', async () => {
      const { call } = await api.resume(windowId, ticket.id);
      return (tr) => tr('counterUi.done.resumed', { number: call.ticketNumber });
    });
  const finish = (outcome: Outcome) => {
    setDialog(null);
    return perform('finish', async () => {
      const { ticket } = await api.finish(windowId, outcome);
      return (tr) => tr('counterUi.done.finished', { number: ticket.number, outcome: tr(`counterUi.outcomes.${outcome}`) });
    });
  };
  const transfer = (to: TransferRequest, label: { service?: string; window?: number }) => {
    setDialog(null);
    return perform('transfer', async () => {
      const { ticket } = await api.transfer(windowId, to);
      return (tr) =>
        label.window !== undefined
          ? tr('counterUi.done.transferredWindow', { number: ticket.number, window: label.window })
          : tr('counterUi.done.transferredService', { number: ticket.number, service: label.service ?? ticket.serviceName });
    });
  };
  const evaluate = () =>
    perform('evaluate', async () => {
      await api.requestEvaluation(windowId);
      return (tr) => tr('counterUi.done.evaluation');
    });
  const togglePause = () =>
    perform('pause', async () => {
      const after = await api.pause(windowId, !paused);
      return (tr) => tr(after.paused ? 'counterUi.done.paused' : 'counterUi.done.resumedWindow');
    });

  /** No citizen at the window: said at once, without asking the host to refuse. */
  const needsCurrent = (open: () => void) => {
    if (current) open();
    else setNotice({ tone: 'error', text: (tr) => tr('counterUi.errors.noCurrent') });
  };

  const command = (c: DeskCommand) => {
    switch (c) {
      case 'callNext':
        return callOrFinishFirst({ kind: 'next' });
      case 'recall':
        return void recall();
      case 'skip':
        return void skip();
      case 'finish':
        return needsCurrent(() => setDialog({ kind: 'finish', then: null }));
      case 'holdResume': {
        const first = held[0];
        // With nobody at the window the key brings back the citizen set aside first.
        if (!current && first) return void resume(first);
        return void hold();
      }
      case 'transfer':
        return needsCurrent(() => setDialog({ kind: 'transfer' }));
      case 'evaluate':
        return void evaluate();
      case 'pause':
        return void togglePause();
    }
  };

  // The latest handler for the key listener, which is installed once.
  const commandRef = useRef(command);
  commandRef.current = command;
  const dialogRef = useRef(dialog);
  dialogRef.current = dialog;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const c = commandForKey(e.key);
      if (!c || e.altKey || e.ctrlKey || e.metaKey) return;
      // F5 reloads, F6 jumps to the address bar, F7 toggles caret browsing: the desk owns these keys.
      e.preventDefault();
      // A held key repeats; a dialog takes its own keys.
      if (e.repeat || dialogRef.current !== null) return;
      commandRef.current(c);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const firstHeld = held[0];
  const holdLabel =
    !current && firstHeld ? t('counterUi.actions.resumeHeld', { number: firstHeld.number }) : t('counterUi.actions.hold');
  const buttons: { command: DeskCommand; label: string; disabled?: boolean; tone?: 'primary' | 'warn' }[] = [
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
    <main className="cd-main" aria-busy={working}>
      <div className="cd-left">
        <CurrentTicket ticket={current} paused={paused} now={now} format={format} />
        <div className="cd-notice-area">
          <p className="cd-notice cd-notice-ok" role="status" data-testid="desk-status">
            {notice?.tone === 'ok' ? notice.text(t) : ''}
          </p>
          <p className="cd-notice cd-notice-error" role="alert" data-testid="desk-error">
            {notice?.tone === 'error' ? notice.text(t) : ''}
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
        <HeldList tickets={held} format={format} onResume={(ticket) => void resume(ticket)} />
        <WaitingPanel
          tickets={waiting.data?.tickets ?? []}
          windowServices={w?.services ?? []}
          filter={filter}
          onFilter={setFilter}
          now={now}
          format={format}
          onCall={(ticket) => callOrFinishFirst({ kind: 'ticket', ticket })}
        />
        <TodayStats mine={figures.mine} window={figures.window} format={format} />
      </div>
      {dialog?.kind === 'finish' && current && (
        <FinishDialog
          ticket={current}
          then={dialog.then}
          onConfirm={(o) => void (dialog.then ? finishAndCall(o, dialog.then) : finish(o))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'transfer' && current && (
        <TransferDialog
          ticket={current}
          services={services.data?.services ?? []}
          windows={windows.data?.windows ?? []}
          fromWindowId={windowId}
          format={format}
          onConfirm={(to, label) => void transfer(to, label)}
          onClose={() => setDialog(null)}
        />
      )}
    </main>
  );
}
