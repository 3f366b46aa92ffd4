import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseNumber } from '../../../../contracts/central-api';
import { useApi } from '../../../api/context';
import { KioskField } from '../../../ui/keyboard/KioskField';
import { useKeyboard } from '../../../ui/keyboard/keyboard-context';
import { progressErrorCode, type ProgressErrorCode } from './errors';
import type { CaseView } from './format';

/** Letters come off the latin keyboard in lower case and scanners may add spaces: normalise. */
export function normaliseCaseNumber(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * 按受理编号查询: anyone holding the receipt may look the case up (the answer carries no
 * personal data). The number is checked here first, so a typo is named before any request.
 */
export function CaseLookup({
  onFound,
  scanProblem,
  onEdit,
}: {
  onFound: (view: CaseView) => void;
  /** A scanned receipt that found nothing, shown like a typed number that found nothing. */
  scanProblem: ProgressErrorCode | null;
  onEdit: () => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const keyboard = useKeyboard();
  const [number, setNumber] = useState('');
  const [formatError, setFormatError] = useState(false);
  const [problem, setProblem] = useState<ProgressErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = problem ?? scanProblem;

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    setProblem(null);
    onEdit();
    if (!CaseNumber.safeParse(number).success) {
      setFormatError(true);
      return;
    }
    setFormatError(false);
    setBusy(true);
    try {
      const found = await api.caseProgress(number);
      keyboard.close();
      onFound(found);
    } catch (error) {
      setProblem(progressErrorCode(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="progress-lookup" onSubmit={(e) => void search(e)} aria-labelledby="progress-lookup-title" noValidate>
      <h3 id="progress-lookup-title">{t('progress.byNumberTitle')}</h3>
      <KioskField
        label={t('progress.caseNumber')}
        name="caseNumber"
        layout="latin"
        maxLength={24}
        required
        value={number}
        onChange={(value) => {
          setNumber(normaliseCaseNumber(value));
          setFormatError(false);
          setProblem(null);
          onEdit();
        }}
        hint={t('progress.caseNumberHint')}
        error={formatError ? t('progress.errors.invalid_request') : undefined}
      />
      <button type="submit" className="primary big" disabled={busy || number.length === 0}>
        {busy ? t('progress.searching') : t('progress.search')}
      </button>
      {shown && (
        <p className="error" role="alert" data-testid="progress-error">
          {t(`progress.errors.${shown}`)}
        </p>
      )}
    </form>
  );
}
