import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorTree } from '../../../contracts/indicators';
import { LeafStatus, platformIndicatorOperations as ops, type IndicatorPeriod } from '../../../contracts/platform-indicators';
import { useDistrictClient, useDistrictSession } from '../session';
import { entryOffer, ownUnit, statusTone } from './entry-offers';
import { LeafPanel } from './LeafPanel';
import { INDICATOR_KEYS } from './use-indicators';
import { usePersonUnit } from './use-own-unit';

/**
 * 填报与审核: a period's entry sheet, one department's leaves or all (the signed-in person's own
 * department first, when the tree names it), filtered by state. A leaf opens beside the sheet
 * with its definition, its revisions and the step the signed-in person may take on it: enter a
 * value, or approve or return someone else's.
 */
export function EntrySheet({ period, tree }: { period: IndicatorPeriod; tree: IndicatorTree }) {
  const { t } = useTranslation();
  const client = useDistrictClient();
  const session = useDistrictSession();
  const personUnit = usePersonUnit();
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const [unitTouched, setUnitTouched] = useState(false);
  const [status, setStatus] = useState<LeafStatus | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  const own = ownUnit(tree.responsibleUnits, personUnit);

  // The person's own department once the directory has said it, unless a department was chosen.
  useEffect(() => {
    if (!unitTouched && own !== undefined) setUnit(own);
  }, [own, unitTouched]);

  const sheet = useQuery({
    queryKey: INDICATOR_KEYS.leaves(period.period, unit),
    queryFn: () => client.periodLeaves(period.period, unit),
  });
  const may = { enter: session.may(ops.enterIndicatorValue), review: session.may(ops.reviewIndicatorValue) };
  const unitName = (code: string) => tree.responsibleUnits.find((u) => u.code === code)?.name ?? code;
  const rows = (sheet.data?.leaves ?? []).filter((leaf) => status === '' || leaf.status === status);
  const opened = sheet.data?.leaves.find((leaf) => leaf.code === open);

  return (
    <div className="dst-ind-entry" data-testid="dst-ind-entry">
      <div className="dst-filters" role="search" aria-label={t('dstIndicators.entry.filters')}>
        <label>
          {t('dstIndicators.entry.unit')}
          <select
            value={unit ?? ''}
            onChange={(e) => {
              setUnitTouched(true);
              setUnit(e.target.value === '' ? undefined : e.target.value);
            }}
          >
            <option value="">{t('dstIndicators.entry.anyUnit')}</option>
            {tree.responsibleUnits.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dstIndicators.entry.status')}
          <select
            value={status}
            onChange={(e) => {
              const next = LeafStatus.safeParse(e.target.value);
              setStatus(next.success ? next.data : '');
            }}
          >
            <option value="">{t('dstIndicators.entry.anyStatus')}</option>
            {LeafStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`dstIndicators.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {period.state === 'closed' && <p className="console-notice">{t('dstIndicators.entry.closed')}</p>}
        {period.state === 'open' && !may.enter && <p className="console-notice">{t('dstIndicators.entry.readOnly')}</p>}
      </div>
      {sheet.error && (
        <p className="error" role="alert">
          {session.describeError(sheet.error)}
        </p>
      )}
      <div className="dst-split">
        <div className="dst-list">
          {sheet.isSuccess && rows.length === 0 && <p>{t('dstIndicators.entry.none')}</p>}
          {rows.length > 0 && (
            <table data-testid="dst-ind-sheet">
              <thead>
                <tr>
                  <th scope="col">{t('dstIndicators.columns.code')}</th>
                  <th scope="col">{t('dstIndicators.columns.name')}</th>
                  <th scope="col">{t('dstIndicators.columns.responsible')}</th>
                  <th scope="col" className="num">
                    {t('dstIndicators.columns.value')}
                  </th>
                  <th scope="col">{t('dstIndicators.columns.status')}</th>
                  <th scope="col">{t('dstIndicators.columns.latest')}</th>
                  <th scope="col">{t('dstIndicators.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((leaf) => {
                  const offer = entryOffer(leaf, period, session.staff, may);
                  const action = offer.review ? 'review' : offer.enter ? 'enter' : 'view';
                  return (
                    <tr
                      key={leaf.code}
                      data-leaf={leaf.code}
                      data-status={leaf.status}
                      aria-current={open === leaf.code ? 'true' : undefined}
                    >
                      <td>{leaf.code}</td>
                      <th scope="row">{leaf.name}</th>
                      <td>{unitName(leaf.responsibleUnit)}</td>
                      <td className="num">{leaf.value === null ? t('dstIndicators.missing') : `${leaf.value} ${leaf.unit}`}</td>
                      <td>
                        <span
                          className={`console-badge tone-${statusTone(leaf.status) === 'none' ? 'info' : statusTone(leaf.status)}`}
                        >
                          {t(`dstIndicators.statuses.${leaf.status}`)}
                        </span>
                      </td>
                      <td>
                        {leaf.latest === null
                          ? '—'
                          : t('dstIndicators.entry.latest', {
                              value: leaf.latest.value,
                              unit: leaf.unit,
                              revision: leaf.latest.revision,
                              state: t(`dstIndicators.entryStates.${leaf.latest.state}`),
                            })}
                      </td>
                      <td>
                        <button
                          type="button"
                          className={`console-button${action === 'view' ? '' : ' console-primary'}`}
                          aria-label={t(`dstIndicators.entry.${action}Of`, { name: leaf.name })}
                          onClick={() => setOpen(leaf.code)}
                        >
                          {t(`dstIndicators.entry.${action}`)}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
        {opened && (
          <LeafPanel
            key={opened.code}
            leaf={opened}
            period={period}
            offer={entryOffer(opened, period, session.staff, may)}
            unitName={unitName}
            onClose={() => setOpen(null)}
          />
        )}
      </div>
    </div>
  );
}
