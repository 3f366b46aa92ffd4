import './ProgressFlow.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseNumber } from '../../../contracts/central-api';
import { useApi } from '../../api/context';
import { useKeyboard } from '../../ui/keyboard/keyboard-context';
import { useKioskSession } from '../shell/session';
import { ScreenTop } from './screen-top';
import { useKioskEvents } from '../shell/use-kiosk-events';
import { CaseDetail } from './progress/CaseDetail';
import { CaseLookup, normaliseCaseNumber } from './progress/CaseLookup';
import { progressErrorCode, type ProgressErrorCode } from './progress/errors';
import type { CaseView } from './progress/format';
import { MyCases } from './progress/MyCases';

type Mode = 'mine' | 'number';

/** The receipt's QR code links to /case/<local id>: scanning it finds the case even before it has a number. */
const RECEIPT_LINK = /\/case\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[?#].*)?$/i;

/**
 * 进度查询: with the ID card, the citizen's recent cases; with or without it, any case by its
 * number (typed, or scanned from the receipt). Then where the case stands, its promised
 * deadlines and its steward.
 */
export default function ProgressFlow() {
  const api = useApi();
  const { t } = useTranslation();
  const session = useKioskSession();
  const keyboard = useKeyboard();
  const hasCard = session.citizen !== null;
  // A card laid on the reader mid-flow adds the "my cases" tab without pulling the screen away from the citizen.
  const [chosenMode, setMode] = useState<Mode>(hasCard ? 'mine' : 'number');
  const mode: Mode = hasCard ? chosenMode : 'number';
  const [shown, setShown] = useState<{ view: CaseView; from: Mode } | null>(null);
  const [scanProblem, setScanProblem] = useState<ProgressErrorCode | null>(null);

  const open = (view: CaseView, from: Mode) => {
    keyboard.close();
    setScanProblem(null);
    setShown({ view, from });
  };

  // A receipt held under the scanner: its QR (the case's local id) or a barcode of the number.
  useKioskEvents((event) => {
    if (event.type !== 'scanner.scanned') return false;
    const link = RECEIPT_LINK.exec(event.code.trim());
    const number = normaliseCaseNumber(event.code);
    const lookup = link?.[1]
      ? api.localCaseProgress(link[1])
      : CaseNumber.safeParse(number).success
        ? api.caseProgress(number)
        : null;
    if (lookup === null) return false;
    session.keepAlive();
    lookup.then(
      (view) => open(view, 'number'),
      (error: unknown) => {
        setShown(null);
        setMode('number');
        setScanProblem(progressErrorCode(error));
      },
    );
    return true;
  });

  if (shown) {
    return (
      <ScreenTop screen="detail">
        <CaseDetail
          view={shown.view}
          backLabel={shown.from === 'mine' && hasCard ? t('progress.backToList') : t('progress.searchAgain')}
          onBack={() => {
            session.setFinished(false);
            setShown(null);
          }}
        />
      </ScreenTop>
    );
  }

  return (
    // The case opens at its top, and the list comes back at its top, wherever the other was scrolled.
    <ScreenTop screen={mode}>
      <div className="progress">
        {hasCard && (
          <div className="progress-modes" role="group" aria-label={t('progress.modes')}>
            <button type="button" aria-pressed={mode === 'mine'} onClick={() => setMode('mine')}>
              {t('progress.mine')}
            </button>
            <button type="button" aria-pressed={mode === 'number'} onClick={() => setMode('number')}>
              {t('progress.byNumber')}
            </button>
          </div>
        )}
        {mode === 'mine' ? (
          <MyCases onOpen={(c) => open(c, 'mine')} />
        ) : (
          <CaseLookup onFound={(view) => open(view, 'number')} scanProblem={scanProblem} onEdit={() => setScanProblem(null)} />
        )}
      </div>
    </ScreenTop>
  );
}
