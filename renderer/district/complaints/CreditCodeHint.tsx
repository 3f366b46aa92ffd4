import { useTranslation } from 'react-i18next';
import { creditCodeProgress } from '../../../contracts/credit-code';

/**
 * What the typed credit code is so far (GB 32100-2015), said under the field as it is typed:
 * how many characters, a character the standard never uses, a wrong check character, valid. A
 * wrong check character is never corrected for the operator: a guess could name another company.
 */
export function CreditCodeHint({ typed, id }: { typed: string; id: string }) {
  const { t } = useTranslation();
  const progress = creditCodeProgress(typed);
  const text = (() => {
    switch (progress.kind) {
      case 'empty':
        return t('dstIntake.creditCode.empty');
      case 'typing':
        return t('dstIntake.creditCode.typing', { length: progress.length });
      case 'bad_character':
        return t('dstIntake.creditCode.badCharacter', { position: progress.position, character: progress.character });
      case 'too_long':
        return t('dstIntake.creditCode.tooLong', { length: progress.length });
      case 'check_mismatch':
        return t('dstIntake.creditCode.checkMismatch');
      case 'valid':
        return t('dstIntake.creditCode.valid');
    }
  })();
  const tone =
    progress.kind === 'valid' ? 'tone-ok' : progress.kind === 'empty' || progress.kind === 'typing' ? 'tone-muted' : 'tone-bad';
  return (
    <span id={id} className={`dst-field-hint ${tone}`} data-progress={progress.kind} aria-live="polite">
      {text}
    </span>
  );
}
