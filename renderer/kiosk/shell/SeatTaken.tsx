import { useTranslation } from 'react-i18next';
import './seat-taken.css';

/**
 * A second kiosk page on this host (a technician's preview, a window opened twice): the real
 * kiosk page holds the card reader and the citizen's visit, and this page neither shows nor
 * ends it. It takes over by itself once the other page closes.
 */
export function SeatTaken() {
  const { t } = useTranslation();
  return (
    <section className="seat-taken" role="alertdialog" aria-labelledby="seat-taken-title" data-testid="kiosk-seat-taken">
      <div className="seat-taken-card">
        <h2 id="seat-taken-title">{t('shell.seatTaken')}</h2>
        <p>{t('shell.seatTakenHint')}</p>
      </div>
    </section>
  );
}
