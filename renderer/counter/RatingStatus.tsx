import { useTranslation } from 'react-i18next';
import type { CounterRating } from './rating-status';

/** Under the current ticket: the rating the window asked for, and live whether the citizen rated. */
export function RatingStatus({ rating, windowNumber }: { rating: CounterRating | null; windowNumber: number | undefined }) {
  const { t } = useTranslation();
  const mine = rating !== null && rating.windowNumber === windowNumber ? rating : null;
  return (
    <p className={`cd-rating${mine?.rated ? ' cd-rating-done' : ''}`} role="status" data-testid="rating-status">
      {mine === null
        ? ''
        : mine.rated
          ? t('counterRating.rated', { number: mine.ticketNumber })
          : t('counterRating.waiting', { number: mine.ticketNumber })}
    </p>
  );
}
