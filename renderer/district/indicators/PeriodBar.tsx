import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformIndicatorOperations as ops, type IndicatorPeriod } from '../../../contracts/platform-indicators';
import { saveFile } from '../../technician/logs/save-file';
import { formatDateTime, useDistrictClient, useDistrictSession } from '../session';
import { openablePeriods } from './period-choices';
import { refusalText } from './refusal';
import { usePeriodName, useRefreshIndicators } from './use-indicators';

type Done = { kind: 'opened' | 'computed' | 'closed' | 'exported'; text: string } | null;

/**
 * The period the dashboard and the entry sheet show, chosen among those opened, with what the
 * signed-in role may do to periods: open one that has begun, compute the platform's figures for
 * an open one, close it (after a second click: nothing of it changes afterwards); and the Excel
 * export of its scores, for everyone.
 */
export function PeriodBar({
  periods,
  period,
  onChoose,
}: {
  periods: readonly IndicatorPeriod[];
  period: IndicatorPeriod | undefined;
  onChoose: (period: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useDistrictClient();
  const session = useDistrictSession();
  const refresh = useRefreshIndicators();
  const periodName = usePeriodName();
  const [done, setDone] = useState<Done>(null);
  const [closing, setClosing] = useState(false);
  const openable = openablePeriods(
    new Date(),
    periods.map((p) => p.period),
  );
  const [toOpen, setToOpen] = useState<string>('');
  const mayOpen = session.may(ops.openIndicatorPeriod);
  const isOpen = period?.state === 'open';

  const act = useMutation({
    mutationFn: async (action: 'open' | 'compute' | 'close' | 'export'): Promise<Done> => {
      if (action === 'open') {
        const key = toOpen || openable[0];
        if (key === undefined) return null;
        const opened = await client.openIndicatorPeriod(key);
        onChoose(opened.period);
        return { kind: 'opened', text: t('dstIndicators.period.opened', { period: periodName(opened.period) }) };
      }
      if (period === undefined) return null;
      if (action === 'compute') {
        const computed = await client.computeIndicatorPeriod(period.period);
        const withValue = computed.values.filter((v) => v.value !== null).length;
        return {
          kind: 'computed',
          text: t('dstIndicators.period.computed', { count: computed.values.length, withValue }),
        };
      }
      if (action === 'close') {
        await client.closeIndicatorPeriod(period.period);
        return { kind: 'closed', text: t('dstIndicators.period.closedDone', { period: periodName(period.period) }) };
      }
      const { blob, fileName } = await client.exportPeriodScores(period.period);
      saveFile(blob, fileName);
      return { kind: 'exported', text: t('dstIndicators.period.exported', { file: fileName }) };
    },
    onSuccess: (next) => {
      setDone(next);
      setClosing(false);
      setToOpen('');
      if (next?.kind !== 'exported') void refresh();
    },
    onError: (error) => {
      setDone(null);
      session.failed(error);
    },
  });

  return (
    <div className="dst-filters dst-ind-periods" data-testid="dst-ind-periods">
      {periods.length > 0 && period ? (
        <label>
          {t('dstIndicators.period.label')}
          <select
            value={period.period}
            onChange={(e) => {
              setDone(null);
              setClosing(false);
              onChoose(e.target.value);
            }}
          >
            {periods.map((p) => (
              <option key={p.period} value={p.period}>
                {periodName(p.period)}
                {p.state === 'closed' ? ` · ${t('dstIndicators.period.states.closed')}` : ''}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p>{t('dstIndicators.period.none')}</p>
      )}
      {period && (
        <p className="console-muted" data-testid="dst-ind-period-state">
          {period.state === 'open'
            ? t('dstIndicators.period.openSince', {
                from: period.from,
                to: period.to,
                version: period.treeVersion,
              })
            : t('dstIndicators.period.closedAt', {
                time: formatDateTime(period.closedAt ?? undefined, i18n.language),
                by: period.closedBy ?? '',
                version: period.treeVersion,
              })}
        </p>
      )}
      <div className="console-actions dst-ind-period-actions">
        {period && (
          <button type="button" className="console-button" disabled={act.isPending} onClick={() => act.mutate('export')}>
            {t('dstIndicators.period.export')}
          </button>
        )}
        {isOpen && session.may(ops.computeIndicatorPeriod) && (
          <button type="button" className="console-button" disabled={act.isPending} onClick={() => act.mutate('compute')}>
            {t('dstIndicators.period.compute')}
          </button>
        )}
        {isOpen && session.may(ops.closeIndicatorPeriod) && !closing && (
          <button type="button" className="console-button danger" disabled={act.isPending} onClick={() => setClosing(true)}>
            {t('dstIndicators.period.close')}
          </button>
        )}
        {isOpen && closing && period && (
          <>
            <span>{t('dstIndicators.period.closeWarning')}</span>
            <button type="button" className="console-button danger" disabled={act.isPending} onClick={() => act.mutate('close')}>
              {t('dstIndicators.period.confirmClose', { period: periodName(period.period) })}
            </button>
            <button type="button" className="console-button" onClick={() => setClosing(false)}>
              {t('dstIndicators.cancel')}
            </button>
          </>
        )}
        {mayOpen && openable.length > 0 && (
          <>
            <label>
              {t('dstIndicators.period.toOpen')}
              <select value={toOpen || openable[0]} onChange={(e) => setToOpen(e.target.value)}>
                {openable.map((key) => (
                  <option key={key} value={key}>
                    {periodName(key)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="console-button" disabled={act.isPending} onClick={() => act.mutate('open')}>
              {t('dstIndicators.period.open')}
            </button>
          </>
        )}
      </div>
      {done && (
        <p className="console-done" role="status">
          {done.text}
        </p>
      )}
      {act.error && (
        <p className="error" role="alert">
          {refusalText(act.error, t, session.describeError)}
        </p>
      )}
    </div>
  );
}
