import { useTranslation } from 'react-i18next';
import type { RateState } from './rate-state';

/** After the rating: thanks (for a 差评, the promise it is verified and put right), or 已评价. */
export function RateDone({ state, onDone }: { state: Extract<RateState, { view: 'thanks' | 'already' }>; onDone: () => void }) {
  const { t } = useTranslation();
  const thanks = state.view === 'thanks';
  return (
    <main className={`rate-main rate-done${thanks ? '' : ' rate-already'}`} data-testid={thanks ? 'rate-thanks' : 'rate-already'}>
      <span className="rate-done-mark" aria-hidden="true">
        ✓
      </span>
      <h1 role="status">{thanks ? t('rate.thanks') : t('rate.already')}</h1>
      <p className="rate-done-text">
        {state.view === 'thanks' ? (state.callbackRequired ? t('rate.thanksBad') : t('rate.thanksGood')) : t('rate.alreadyHint')}
      </p>
      <button type="button" className="primary rate-submit" onClick={onDone}>
        {t('rate.done')}
      </button>
    </main>
  );
}
