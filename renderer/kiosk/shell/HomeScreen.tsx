import { useTranslation } from 'react-i18next';
import { FLOW_INFO, type FlowId } from '../flows/flow-info';
import { useKioskSession } from './session';

/**
 * The large tiles (those this kiosk offers), with the card holder greeted by their masked name.
 * Tiles that issue a queue ticket are disabled, and say why, while the hall's queue is unreachable.
 */
export function HomeScreen({
  onOpen,
  hidden,
  queueDown,
}: {
  onOpen: (flow: FlowId) => void;
  hidden: readonly FlowId[];
  queueDown: boolean;
}) {
  const { t } = useTranslation();
  const { citizen, endSession } = useKioskSession();
  return (
    <section className="home" aria-labelledby="home-greeting">
      <div className="citizen">
        {citizen && (
          // The card photo (WLT) needs a licensed decoder, which this build does not ship.
          <div className="photo-placeholder" role="img" aria-label={t('shell.photo')} />
        )}
        <h2 id="home-greeting" className="greeting" data-testid="citizen-name">
          {citizen ? t('shell.greeting', { name: citizen.maskedName }) : t('shell.guest')}
        </h2>
      </div>
      <div className="tiles home-tiles">
        {FLOW_INFO.filter((flow) => !hidden.includes(flow.id)).map((flow) => {
          const down = queueDown && flow.queue;
          return (
            <button
              key={flow.id}
              type="button"
              className="tile"
              data-flow={flow.id}
              disabled={down}
              onClick={() => onOpen(flow.id)}
            >
              <span className="tile-icon" aria-hidden="true">
                {flow.icon}
              </span>
              <span className="tile-title">{t(flow.title)}</span>
              <span className="tile-hint">{down ? t('shell.needsHall') : t(flow.hint)}</span>
            </button>
          );
        })}
      </div>
      <button type="button" className="secondary" onClick={() => void endSession()}>
        {t('shell.exit')}
      </button>
    </section>
  );
}
