import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskPrompt } from '../../../contracts/kiosk-prompts';
import './take-card.css';

/** How often the reminder is said again while the card lies on the reader. */
const REPEAT_SECONDS = 8;

/**
 * The end of a visit with the ID card still on the reader: a full-screen reminder, said aloud
 * and repeated, until the reader reports the card gone (a forgotten ID card is the commonest
 * loss at a government kiosk). Touching the screen does not start a new visit meanwhile: the
 * next visit begins only with a card laid on the reader after this one was taken.
 */
export function TakeCardReminder({ say }: { say: (prompt: KioskPrompt) => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    say({ key: 'takeCard' });
    const id = setInterval(() => say({ key: 'takeCard' }), REPEAT_SECONDS * 1000);
    return () => clearInterval(id);
  }, [say]);
  return (
    <section className="take-card" data-testid="take-card" role="alertdialog" aria-labelledby="take-card-title">
      <span className="card-icon take-card-icon" aria-hidden="true" />
      <h2 id="take-card-title">{t('shell.takeCard')}</h2>
      <p>{t('shell.takeCardHint')}</p>
    </section>
  );
}

/** On a flow's final screen (ticket, receipt): a line reminding the citizen the card is still there. */
export function TakeCardNote({ cardOnReader }: { cardOnReader: boolean }) {
  const { t } = useTranslation();
  if (!cardOnReader) return null;
  return (
    <p className="take-card-note" role="status" data-testid="take-card-note">
      <span className="card-icon" aria-hidden="true" />
      {t('shell.takeCard')}
    </p>
  );
}
