import type { TFunction } from 'i18next';
import type { Call, Outcome, Ticket, TransferRequest } from '../../contracts/queue';
import {
  actionErrorKey,
  type CallTarget,
  type DeskCommand,
  type DeskOperation,
  endsSession,
  type FailureCode,
  finishBeforeCall,
  type WaitingFilter,
} from './desk-logic';

/**
 * The counter desk's own state as a reducer (CounterDesk performs the host requests). Everything
 * about the window itself (the citizen served, held tickets, the queue) is the host's, re-read
 * after every action and event; this is only what the page adds: the last action's message, the
 * open dialog, the waiting list's filter and whether an action is under way.
 */
export interface DeskState {
  notice: DeskNotice | null;
  dialog: OpenDialog | null;
  filter: WaitingFilter;
  /** An action is under way: one at a time, so a double press of F1 cannot call two citizens. */
  working: boolean;
}

/** A message in the clerk's language: an i18n key and its values, of which `{ key }` ones are translated too. */
export interface DeskMessage {
  key: string;
  values?: Record<string, string | number | { key: string }>;
}

/** What the last action did (or why it was refused). */
export interface DeskNotice {
  tone: 'ok' | 'error';
  message: DeskMessage;
}

/**
 * A dialog about the citizen at the window when it opened (`ticketId`). The finish dialog either
 * ends the visit (F4) or ends it before a call (`then`: F1, a pick from the queue).
 */
export type OpenDialog = { kind: 'finish'; ticketId: number; then: CallTarget | null } | { kind: 'transfer'; ticketId: number };

/** How a transfer is described once done: to a window by number, or to a service by name; back after the step or not. */
export interface TransferLabel {
  service?: string;
  window?: number;
  returnAfter?: boolean;
}

/** A host request the desk makes (CounterDesk maps each to the API client). */
export type DeskRequest =
  | { operation: 'callNext' }
  | { operation: 'callTicket'; ticket: Ticket }
  | { operation: 'recall' }
  | { operation: 'skip' }
  | { operation: 'hold' }
  | { operation: 'resume'; ticket: Ticket }
  | { operation: 'evaluate' }
  /** Pause the window, or resume it (`paused: false`). */
  | { operation: 'pause'; paused: boolean }
  /** End the visit with its outcome; with `then`, ask for the rating and call next (finishThenCall). */
  | { operation: 'finish'; outcome: Outcome; then: CallTarget | null }
  | { operation: 'transfer'; to: TransferRequest; label: TransferLabel };

/** What a request's answer said, for the message that follows it. */
export type DeskResult =
  | { kind: 'called'; call: Call }
  | { kind: 'recalled'; call: Call }
  | { kind: 'resumed'; call: Call }
  | { kind: 'skipped'; ticket: Ticket }
  | { kind: 'held'; ticket: Ticket }
  | { kind: 'finished'; ticket: Ticket; outcome: Outcome }
  /** Finished, rated, and the next one called (`called` null: nobody was waiting). */
  | { kind: 'finishedThenCalled'; ticket: Ticket; outcome: Outcome; called: Call | null }
  | { kind: 'transferred'; ticket: Ticket; label: TransferLabel }
  | { kind: 'evaluationRequested' }
  | { kind: 'paused'; paused: boolean };

export type DeskAction =
  | { type: 'dialog'; dialog: OpenDialog }
  | { type: 'closeDialog' }
  | { type: 'notice'; notice: DeskNotice }
  | { type: 'filter'; filter: WaitingFilter }
  | { type: 'started' }
  | { type: 'succeeded'; result: DeskResult }
  | { type: 'failed'; operation: DeskOperation; code: FailureCode }
  | { type: 'settled' };

export const initialDesk: DeskState = { notice: null, dialog: null, filter: { kind: 'all' }, working: false };

export function deskReducer(state: DeskState, action: DeskAction): DeskState {
  switch (action.type) {
    case 'dialog':
      return { ...state, dialog: action.dialog };
    case 'closeDialog':
      return state.dialog === null ? state : { ...state, dialog: null };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'filter':
      return { ...state, filter: action.filter };
    case 'started':
      return { ...state, working: true };
    case 'succeeded':
      return { ...state, notice: { tone: 'ok', message: doneMessage(action.result) } };
    case 'failed':
      return { ...state, notice: { tone: 'error', message: { key: actionErrorKey(action.operation, action.code) } } };
    case 'settled':
      return state.working ? { ...state, working: false } : state;
  }
}

/** What a command does, given the window as the host last said. */
export type DeskPlan =
  | { kind: 'request'; request: DeskRequest }
  | { kind: 'dialog'; dialog: OpenDialog }
  /** Refused at once, without asking the host (e.g. F4 with nobody at the window). */
  | { kind: 'notice'; notice: DeskNotice };

const noCurrent: DeskPlan = { kind: 'notice', notice: { tone: 'error', message: { key: 'counterUi.errors.noCurrent' } } };

/** F1 or a pick from the queue: with a citizen at the window, their outcome first (never a silent 办结). */
export function planCall(target: CallTarget, current: Ticket | null): DeskPlan {
  const first = finishBeforeCall(current, target);
  if (first) return { kind: 'dialog', dialog: { kind: 'finish', ticketId: first.ticket.id, then: first.then } };
  return {
    kind: 'request',
    request: target.kind === 'next' ? { operation: 'callNext' } : { operation: 'callTicket', ticket: target.ticket },
  };
}

/** A button or function key (F1–F8) at the window. */
export function planCommand(
  command: DeskCommand,
  window: { current: Ticket | null; held: readonly Ticket[]; paused: boolean },
): DeskPlan {
  const { current, held, paused } = window;
  switch (command) {
    case 'callNext':
      return planCall({ kind: 'next' }, current);
    case 'recall':
      return { kind: 'request', request: { operation: 'recall' } };
    case 'skip':
      return { kind: 'request', request: { operation: 'skip' } };
    case 'finish':
      return current ? { kind: 'dialog', dialog: { kind: 'finish', ticketId: current.id, then: null } } : noCurrent;
    case 'holdResume': {
      const first = held[0];
      // With nobody at the window the key brings back the citizen set aside first.
      if (!current && first) return { kind: 'request', request: { operation: 'resume', ticket: first } };
      return { kind: 'request', request: { operation: 'hold' } };
    }
    case 'transfer':
      return current ? { kind: 'dialog', dialog: { kind: 'transfer', ticketId: current.id } } : noCurrent;
    case 'evaluate':
      return { kind: 'request', request: { operation: 'evaluate' } };
    case 'pause':
      return { kind: 'request', request: { operation: 'pause', paused: !paused } };
  }
}

/**
 * The dialog on screen: only while its citizen is still the one at the window. A keypad or a
 * supervisor finishing them (or calling the next) makes a dialog about them moot.
 */
export function shownDialog(state: DeskState, current: Ticket | null): OpenDialog | null {
  return state.dialog !== null && current !== null && state.dialog.ticketId === current.id ? state.dialog : null;
}

/** The request behind an action, which decides how a refusal reads (a finish before a call is the call's). */
export function operationOf(request: DeskRequest): DeskOperation {
  if (request.operation === 'finish' && request.then) return request.then.kind === 'next' ? 'callNext' : 'callTicket';
  return request.operation;
}

/** After these, today's figures change. */
export function changesFigures(operation: DeskOperation): boolean {
  return operation === 'finish' || operation === 'skip' || operation.startsWith('call');
}

/**
 * A refusal after which this page may no longer act at its window (back to sign-in), or null.
 * `forbidden` to a supervisor is a role problem, not a lost window.
 */
export function lostSession(code: FailureCode, role: string): 'unauthorized' | 'forbidden' | null {
  const reason = endsSession(code);
  return reason === 'forbidden' && role === 'supervisor' ? null : reason;
}

export function doneMessage(result: DeskResult): DeskMessage {
  switch (result.kind) {
    case 'called':
      return { key: 'counterUi.done.called', values: { number: result.call.ticketNumber } };
    case 'recalled':
      return { key: 'counterUi.done.recalled', values: { number: result.call.ticketNumber, count: result.call.recall } };
    case 'resumed':
      return { key: 'counterUi.done.resumed', values: { number: result.call.ticketNumber } };
    case 'skipped':
      // 过号: back in the queue (a few places on), or a no-show after the last time.
      return {
        key: result.ticket.status === 'waiting' ? 'counterUi.done.requeued' : 'counterUi.done.noShow',
        values: { number: result.ticket.number },
      };
    case 'held':
      return { key: 'counterUi.done.held', values: { number: result.ticket.number } };
    case 'finished':
      // A step of 转办并返回: the citizen went back to their window, nothing was finished.
      if (result.ticket.returnedFromWindowNumber !== null && result.ticket.status === 'waiting')
        return { key: 'counterUi.done.returned', values: { number: result.ticket.number } };
      return {
        key: 'counterUi.done.finished',
        values: { number: result.ticket.number, outcome: { key: `counterUi.outcomes.${result.outcome}` } },
      };
    case 'finishedThenCalled': {
      if (result.ticket.returnedFromWindowNumber !== null && result.ticket.status === 'waiting')
        return result.called
          ? {
              key: 'counterUi.done.returnedAndCalled',
              values: { number: result.ticket.number, next: result.called.ticketNumber },
            }
          : { key: 'counterUi.done.returned', values: { number: result.ticket.number } };
      const ended = { number: result.ticket.number, outcome: { key: `counterUi.outcomes.${result.outcome}` } };
      return result.called
        ? { key: 'counterUi.done.finishedAndCalled', values: { ...ended, next: result.called.ticketNumber } }
        : { key: 'counterUi.done.finishedQueueEmpty', values: ended };
    }
    case 'transferred': {
      const back = result.label.returnAfter ? 'Return' : '';
      return result.label.window !== undefined
        ? {
            key: `counterUi.done.transferredWindow${back}`,
            values: { number: result.ticket.number, window: result.label.window },
          }
        : {
            key: `counterUi.done.transferredService${back}`,
            values: { number: result.ticket.number, service: result.label.service ?? result.ticket.serviceName },
          };
    }
    case 'evaluationRequested':
      return { key: 'counterUi.done.evaluation' };
    case 'paused':
      return { key: result.paused ? 'counterUi.done.paused' : 'counterUi.done.resumedWindow' };
  }
}

/** A message in the current language (rendered anew on a language switch). */
export function deskText(t: TFunction, message: DeskMessage): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {}))
    values[name] = typeof value === 'object' ? t(value.key) : value;
  return t(message.key, values);
}
