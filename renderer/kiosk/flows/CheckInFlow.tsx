import { useCallback, useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInRequest, CheckInResponse } from '../../../contracts/appointments';
import { useApi } from '../../api/context';
import { KioskField } from '../../ui/keyboard/KioskField';
import { useKeyboard } from '../../ui/keyboard/keyboard-context';
import { useKioskSession } from '../shell/session';
import { CheckInDone } from './checkin/CheckInDone';
import { checkInProblem, type CheckInProblem } from './checkin/check-in-problem';
import { useScannedCodes } from './checkin/use-scanned-codes';
import { ScreenTop } from './screen-top';
import './CheckInFlow.css';

/**
 * 预约签到: a citizen who booked a slot checks in by the ID card on the reader or by the QR code
 * of the booking confirmation (scanned, or typed when the scanner cannot read it) and receives
 * an appointment-priority ticket.
 */
export default function CheckInFlow() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useKioskSession();
  const keyboard = useKeyboard();
  const [result, setResult] = useState<CheckInResponse | null>(null);
  const [problem, setProblem] = useState<CheckInProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>(undefined);
  // A scan and a tap can land in the same tick; state updates would come too late to stop the second.
  const inFlight = useRef(false);
  const timeZone = session.health?.timeZone;
  const { citizen, voice } = session;

  // Once, on entering the flow: later renders (a new language, the voice muted) must not repeat the prompt.
  const sayStart = useEffectEvent(() => voice.say({ key: 'checkinStart' }));
  useEffect(() => sayStart(), []);

  const checkIn = useCallback(
    async (request: CheckInRequest) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setBusy(true);
      setProblem(null);
      setCodeError(undefined);
      keyboard.close();
      session.keepAlive();
      try {
        const response = await api.checkIn(request);
        setCode('');
        setResult(response);
        session.setFinished(true);
        voice.say({ key: response.alreadyCheckedIn ? 'checkinAgain' : 'checkinDone', number: response.ticket.number });
      } catch (error) {
        const found = checkInProblem(error, request.by, timeZone, i18n.language);
        setProblem(found);
        // Said without its details (a date, a time): the screen shows them and what to do next.
        voice.say({ key: 'checkinProblem', problem: found.key });
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [api, keyboard, session, voice, timeZone, i18n.language],
  );

  const connected = useScannedCodes(result === null && !busy, (scanned) => {
    // A wedge scanner may have typed into the code field on its way: that text is the scan, not input.
    setCode('');
    void checkIn({ by: 'code', code: scanned });
  });

  const submitTyped = (event: FormEvent) => {
    event.preventDefault();
    const typed = code.trim();
    if (typed === '') {
      setCodeError(t('checkin.codeMissing'));
      return;
    }
    void checkIn({ by: 'code', code: typed });
  };

  if (result) {
    return (
      <ScreenTop screen="done">
        <CheckInDone
          result={result}
          timeZone={timeZone}
          onReprinted={(ticket, progressUrl) => setResult({ ...result, ticket, progressUrl })}
          onFinish={() => void session.endSession()}
        />
      </ScreenTop>
    );
  }

  return (
    // The ticket opens at its top, even when the code was typed further down.
    <ScreenTop screen="ways">
      <div className="checkin">
        <p className="checkin-intro">{t('checkin.intro')}</p>
        {problem && (
          <div className="checkin-problem" role="alert" data-testid="checkin-problem" data-code={problem.key}>
            <p className="checkin-problem-title">{t(`checkin.errors.${problem.key}.title`, problem.values)}</p>
            <p className="checkin-problem-next">{t(`checkin.errors.${problem.key}.${problem.next}`, problem.values)}</p>
            {problem.offerTicket && (
              <button type="button" className="secondary" onClick={session.goHome}>
                {t('checkin.toTicket')}
              </button>
            )}
          </div>
        )}
        <p className="checkin-busy" role="status" aria-live="polite">
          {busy ? t('checkin.busy') : ''}
        </p>
        <div className={`checkin-ways${citizen ? ' with-card' : ''}`}>
          {citizen && (
            <>
              <section className="checkin-way checkin-card" aria-labelledby="checkin-card-title">
                <span className="checkin-card-icon" aria-hidden="true" />
                <h3 id="checkin-card-title">{t('checkin.cardTitle')}</h3>
                <p>{t('checkin.cardHint')}</p>
                <button type="button" className="primary big" disabled={busy} onClick={() => void checkIn({ by: 'card' })}>
                  {t('checkin.byCard')}
                </button>
              </section>
              <p className="checkin-or">{t('checkin.or')}</p>
            </>
          )}
          <section className="checkin-way checkin-scan" aria-labelledby="checkin-scan-title">
            <h3 id="checkin-scan-title">{t('checkin.scanTitle')}</h3>
            <div className="checkin-scanner" aria-hidden="true">
              <span className="checkin-qr" />
              <span className="checkin-beam" />
            </div>
            <p>{t('checkin.scanHint')}</p>
            {connected && (
              <p className="checkin-ready" data-testid="scanner-ready">
                {t('checkin.scanReady')}
              </p>
            )}
            {!citizen && <p className="checkin-tip">{t('checkin.cardTip')}</p>}
            <form className="checkin-type" onSubmit={submitTyped} noValidate aria-labelledby="checkin-type-title">
              <h4 id="checkin-type-title">{t('checkin.typeTitle')}</h4>
              <div className="checkin-type-row">
                <KioskField
                  label={t('checkin.codeLabel')}
                  value={code}
                  onChange={(value) => {
                    // Codes are upper-case letters and digits; the host accepts either case.
                    setCode(value.toUpperCase());
                    setCodeError(undefined);
                  }}
                  layout="latin"
                  maxLength={32}
                  hint={t('checkin.codeHint')}
                  error={codeError}
                  name="appointment-code"
                />
                <button type="submit" className="primary" disabled={busy}>
                  {t('checkin.submitCode')}
                </button>
              </div>
            </form>
          </section>
        </div>
      </div>
    </ScreenTop>
  );
}
