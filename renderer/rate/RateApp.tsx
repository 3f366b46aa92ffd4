import './rate.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmitEvaluationRequest } from '../../contracts/cases';
import type { HallEvent } from '../../contracts/events';
import { ApiClientError } from '../api/client';
import { useApi } from '../api/context';
import { refreshAfterEvent } from '../api/refresh';
import { useHallEvents } from '../api/use-hall-events';
import { addAreaMessages } from '../i18n';
import { useIdleTimer } from '../kiosk/shell/use-idle-timer';
import { KeyboardProvider } from '../ui/keyboard/KeyboardProvider';
import { OnScreenKeyboard } from '../ui/keyboard/OnScreenKeyboard';
import { useKeyboardStore } from '../ui/keyboard/keyboard-context';
import { LanguageToggle } from '../ui/LanguageToggle';
import { OfflineBanner } from '../ui/OfflineBanner';
import { useMachine } from '../ui/use-machine';
import { RateDone } from './RateDone';
import { RateIdle } from './RateIdle';
import { rateMessages } from './messages';
import { RatingPanel } from './RatingPanel';
import { initialRate, needsReason, rateReducer, ratingOf } from './rate-state';
import { reasonText } from './reasons';

// The pad's words load with its code: kiosks, counters and hall screens never download them.
addAreaMessages([rateMessages]);

/** Until the hall settings answer: the default of `timeouts.evaluatorIdleSeconds`. */
const DEFAULT_OPEN_SECONDS = 60;
/** How long the thanks (or 已评价) stays before the pad is idle again. */
export const DONE_SECONDS = 10;

/** Everything the pad reads is keyed under this: nothing of a citizen is kept in it. */
const RATE_KEYS = { self: ['rate', 'self'], hall: ['rate', 'hall'] } as const;

/**
 * /rate: the window evaluator (评价器), a tablet or second screen facing the citizen, paired as
 * `evaluator` and bound to one window. Idle it shows the window and the hall; when the clerk asks
 * (F7, the keypad's 评价 key) the host sends this pad the rating with its token, and the citizen
 * picks one of five faces (a 差评 also says why), once. An untouched rating closes by itself after
 * the hall's timeout, recording nothing.
 */
export default function RateApp() {
  return (
    <KeyboardProvider>
      <RatePad />
    </KeyboardProvider>
  );
}

function RatePad() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  // The store itself: its functions never change, so the keyboard's state re-renders nothing here.
  const keyboard = useKeyboardStore();
  // Read again now and then: a technician may move the pad to another window, or pair it at last.
  const self = useQuery({ queryKey: RATE_KEYS.self, queryFn: api.evaluatorSelf, retry: false, refetchInterval: 60_000 });
  const hall = useQuery({ queryKey: RATE_KEYS.hall, queryFn: api.hallInfo });
  const [state, dispatch, latest] = useMachine(rateReducer, initialRate);
  const openSeconds = hall.data?.evaluatorIdleSeconds ?? DEFAULT_OPEN_SECONDS;

  const close = useCallback(() => {
    keyboard.discard();
    dispatch(latest().view === 'rating' ? { type: 'timedOut' } : { type: 'done' });
  }, [keyboard, dispatch, latest]);
  const timer = useIdleTimer(state.view === 'rating' ? openSeconds : DONE_SECONDS, state.view !== 'idle', close);

  const connected = useHallEvents(
    (event: HallEvent) => {
      const rating = ratingOf(event);
      if (rating) {
        // Only this window's pads get the token: a rating for another number means the pad was moved.
        if (rating.windowNumber !== self.data?.windowNumber) void refreshAfterEvent(queryClient, RATE_KEYS.self);
        keyboard.discard();
        dispatch({ type: 'requested', rating });
        timer.restart();
      } else if (event.type === 'evaluation.submitted') dispatch({ type: 'ratedElsewhere', ticketId: event.ticketId });
      else if (event.type === 'settings.changed' && event.scope === 'hall') void refreshAfterEvent(queryClient, RATE_KEYS.hall);
    },
    () => {
      void refreshAfterEvent(queryClient, RATE_KEYS.self);
      void refreshAfterEvent(queryClient, RATE_KEYS.hall);
    },
  );

  const submit = async () => {
    dispatch({ type: 'submit' });
    const now = latest();
    if (now.view !== 'rating' || !now.submitting || now.level === null) return;
    const { ticketId, token } = now.rating;
    const bad = needsReason(now.level);
    const words = bad ? now.comment.trim() : '';
    const request: SubmitEvaluationRequest = {
      level: now.level,
      ticketId,
      serviceToken: token,
      // The hall's staff read the reasons in Chinese, whatever language the pad shows.
      ...(bad ? { reason: reasonText(now.reasons, i18n.getFixedT('zh-CN')) } : {}),
      ...(words ? { comment: words } : {}),
    };
    try {
      const result = await api.submitEvaluation(request);
      keyboard.discard();
      dispatch({ type: 'submitted', ticketId, callbackRequired: result.callbackRequired });
    } catch (error) {
      dispatch({ type: 'refused', ticketId, code: error instanceof ApiClientError ? error.code : 'generic' });
    }
  };

  const windowNumber = self.data?.windowNumber ?? null;
  return (
    <div className="rate-pad" lang={i18n.language}>
      <OfflineBanner connected={connected} />
      <header className="rate-header">
        <p className="rate-hall" data-testid="rate-hall">
          {hall.data?.hallName ?? t('hall.defaultName')}
        </p>
        {windowNumber !== null && (
          <p className="rate-header-window" data-testid="rate-header-window">
            {t('rate.window', { number: windowNumber })}
          </p>
        )}
        <LanguageToggle />
      </header>
      {state.view === 'rating' ? (
        <RatingPanel state={state} dispatch={dispatch} onSubmit={() => void submit()} secondsLeft={timer.left} />
      ) : state.view === 'thanks' || state.view === 'already' ? (
        <RateDone state={state} onDone={close} />
      ) : (
        <RateIdle self={self} />
      )}
      <OnScreenKeyboard />
    </div>
  );
}
