import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceConfig, DeviceKind } from '../../contracts/config';
import type { DeviceTestAction, DeviceTestResult } from '../../contracts/devices';
import type { DeviceHealth } from '../../contracts/health';
import { useApi } from '../api/context';
import { deviceTestText } from './device-test-text';
import { formatTime, TECH_KEYS, useTechSession, type LastScan } from './session';

/** The tests the host's device handles answer (host/devices/*-device.ts `test`). Scanners have none: a scan is the test. */
const ACTIONS: Record<DeviceKind, readonly DeviceTestAction[]> = {
  idcard: ['read-card'],
  printer: ['print-test'],
  caller: ['beep', 'show-text'],
  ledscreen: ['show-text'],
  scanner: [],
};

/** The host's finding (worded at render, so a language switch re-words it), or why the request failed. */
type Outcome = { action: DeviceTestAction; ok: boolean; result: DeviceTestResult | null; message: string | null };

/** A device's test buttons (technicians only) and the last result. */
export function DeviceTests({
  config,
  health,
  lastScan,
  onPrinted,
}: {
  config: DeviceConfig;
  health: DeviceHealth;
  lastScan: LastScan | undefined;
  onPrinted: () => void;
}) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useTechSession();
  const queryClient = useQueryClient();
  const caller = config.kind === 'caller';
  // A keypad shows six digits; an LED screen a short line.
  const [text, setText] = useState(() => (caller ? '888888' : t('tech.tests.defaultText')));
  const [running, setRunning] = useState<DeviceTestAction | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const actions = ACTIONS[config.kind];
  const stopped = health.state === 'disabled';

  const run = async (action: DeviceTestAction) => {
    setRunning(action);
    setOutcome(null);
    try {
      const result = await api.testDevice(config.id, action, action === 'show-text' ? text : undefined);
      setOutcome({ action, ok: result.ok, result, message: null });
      if (result.ok && action === 'print-test') {
        await queryClient.invalidateQueries({ queryKey: TECH_KEYS.preview(config.id) });
        onPrinted();
      }
    } catch (error) {
      setOutcome({ action, ok: false, result: null, message: session.failed(error) });
    } finally {
      setRunning(null);
    }
  };

  if (actions.length === 0) {
    return (
      <div className="tech-tests">
        <p>{t('tech.tests.scannerHint')}</p>
        <p role="status" data-testid="tech-last-scan">
          {lastScan
            ? t('tech.tests.lastScan', {
                length: lastScan.length,
                time: formatTime(lastScan.at, session.timeZone, i18n.language),
              })
            : t('tech.tests.noScan')}
        </p>
      </div>
    );
  }

  const inputId = `tech-test-text-${config.id}`;
  return (
    <div className="tech-tests" role="group" aria-label={t('tech.tests.label', { name: config.name ?? config.id })}>
      {actions.includes('show-text') && (
        <div className="tech-test-text">
          <label htmlFor={inputId}>{caller ? t('tech.tests.digits') : t('tech.tests.text')}</label>
          <input
            id={inputId}
            value={text}
            maxLength={caller ? 6 : 64}
            inputMode={caller ? 'numeric' : 'text'}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      )}
      <div className="tech-test-buttons">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className="console-button"
            disabled={running !== null || stopped}
            onClick={() => void run(action)}
          >
            {running === action ? t('tech.tests.running') : t(`tech.tests.actions.${action}`)}
          </button>
        ))}
      </div>
      {stopped && <p className="console-muted">{t('tech.tests.disabled')}</p>}
      <div aria-live="polite">
        {outcome && (
          <p className={`tech-test-result tone-${outcome.ok ? 'ok' : 'bad'}`} data-testid="tech-test-result">
            <strong>
              {outcome.ok
                ? t('tech.tests.ok', { action: t(`tech.tests.actions.${outcome.action}`) })
                : t('tech.tests.failed', { action: t(`tech.tests.actions.${outcome.action}`) })}
            </strong>{' '}
            {outcome.result !== null ? deviceTestText(outcome.result, t) : outcome.message}
          </p>
        )}
      </div>
    </div>
  );
}
