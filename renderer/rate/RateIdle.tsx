import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvaluatorSelf } from '../../contracts/evaluator';
import { ApiClientError } from '../api/client';

/** Refusals that mean this browser is no rating pad (yet): it must be paired as one. */
const NOT_A_PAD = ['terminal_unpaired', 'terminal_expired', 'terminal_forbidden'];

/**
 * The pad between ratings: its window, large, and a word of welcome; no prompt to rate until the
 * clerk opens a rating. Before that can happen the pad must be paired as an evaluator and bound.
 */
export function RateIdle({ self }: { self: UseQueryResult<EvaluatorSelf> }) {
  const { t } = useTranslation();
  if (self.data === undefined) {
    const error = self.error;
    if (error instanceof ApiClientError && NOT_A_PAD.includes(error.code)) {
      return (
        <main className="rate-main rate-setup" data-testid="rate-setup">
          <p role="alert">{t('rate.setup.unpaired')}</p>
          <a className="rate-setup-link" href="/pair">
            {t('rate.setup.pairLink')}
          </a>
        </main>
      );
    }
    return (
      <main className="rate-main rate-setup" data-testid="rate-setup">
        <p role="status">{error ? t('rate.setup.failed') : t('rate.setup.loading')}</p>
      </main>
    );
  }
  const { windowNumber, windowName } = self.data;
  if (windowNumber === null) {
    return (
      <main className="rate-main rate-setup" data-testid="rate-setup">
        <p role="alert">{t('rate.setup.unbound')}</p>
      </main>
    );
  }
  return (
    <main className="rate-main rate-idle" data-testid="rate-idle">
      <h1 className="rate-idle-window" data-testid="rate-idle-window">
        {t('rate.window', { number: windowNumber })}
      </h1>
      {windowName !== null && <p className="rate-idle-name">{windowName}</p>}
      <p className="rate-idle-welcome">{t('rate.welcome')}</p>
      <p className="rate-idle-hint">{t('rate.idleHint')}</p>
    </main>
  );
}
