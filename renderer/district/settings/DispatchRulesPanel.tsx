import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DispatchRule } from '../../../contracts/complaint-sorting';
import { ComplaintTopic, type Unit } from '../../../contracts/complaints';
import type { DispatchRulesView } from '../../../contracts/platform-complaint-settings';
import { DeskTable } from '../../manager/DeskTable';
import { useDistrictClient } from '../session';
import { EditableBy } from './EditableBy';
import { Outcome } from './Outcome';
import { RulesHistory, RulesVersionLine } from './RulesVersionLine';
import { dispatchRuleOf } from './settings-forms';
import { useSettingsChange } from './use-settings-change';

/**
 * The dispatch rules, in the order the sorter's suggestions break ties by; a sorter adds or
 * removes one, each saved as a new version of the whole list.
 */
export function DispatchRulesPanel({ editable, units }: { editable: boolean; units: readonly Unit[] }) {
  const client = useDistrictClient();
  const { t } = useTranslation();
  const change = useSettingsChange<DispatchRulesView>('dispatch-rules');
  const view = useQuery({ queryKey: change.key, queryFn: () => client.dispatchRules() });
  const data = view.data;
  const unitName = (code: string) => units.find((u) => u.code === code)?.name ?? code;
  const active = units.filter((u) => u.active);

  const save = (rules: DispatchRule[]) => {
    if (data === undefined) return;
    change.run({
      send: () => client.saveDispatchRules({ expectedVersion: data.current.version, rules }),
      done: (saved) => t('dstSettings.saved', { version: saved.current.version }),
    });
  };
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const parsed = dispatchRuleOf(new FormData(e.currentTarget));
    if (parsed.success && data) save([...data.rules, parsed.data]);
  };

  return (
    <div className="dst-panel" data-testid="dst-dispatch-rules">
      <h3>{t('dstSettings.dispatch.title')}</h3>
      {!editable && <EditableBy area="dispatchRules" />}
      <Outcome done={change.done} error={view.error ?? change.error} />
      {data && (
        <>
          <p className="console-muted">
            <RulesVersionLine version={data.current} />
          </p>
          <DeskTable<DispatchRule>
            testId="dst-dispatch-list"
            rows={data.rules}
            rowKey={(rule) => rule.id}
            rowAttributes={(rule) => ({ 'data-rule': rule.id })}
            empty={t('dstSettings.dispatch.none')}
            columns={[
              { header: t('dstSettings.dispatch.columns.id'), rowHeader: true, cell: (rule) => rule.id },
              {
                header: t('dstSettings.dispatch.columns.topic'),
                cell: (rule) => (rule.topic === null ? t('dstSettings.dispatch.any') : t(`dstSettings.topics.${rule.topic}`)),
              },
              {
                header: t('dstSettings.dispatch.columns.area'),
                cell: (rule) => (rule.area === null ? t('dstSettings.dispatch.any') : unitName(rule.area)),
              },
              { header: t('dstSettings.dispatch.columns.keywords'), cell: (rule) => rule.keywords.join('、') },
              { header: t('dstSettings.dispatch.columns.lead'), cell: (rule) => unitName(rule.leadUnit) },
              { header: t('dstSettings.dispatch.columns.co'), cell: (rule) => rule.coUnits.map(unitName).join('、') },
              ...(editable
                ? [
                    {
                      header: t('dstSettings.dispatch.columns.actions'),
                      cell: (rule: DispatchRule) => (
                        <button
                          type="button"
                          className="console-button danger"
                          aria-label={t('dstSettings.dispatch.removeOf', { id: rule.id })}
                          disabled={change.busy}
                          onClick={() => save(data.rules.filter((r) => r.id !== rule.id))}
                        >
                          {t('dstSettings.dispatch.remove')}
                        </button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {editable && (
            <form className="dst-form console-fields" onSubmit={add} aria-label={t('dstSettings.dispatch.add')}>
              <div className="dst-row">
                <label>
                  {t('dstSettings.dispatch.id')}
                  <input name="id" required maxLength={64} autoComplete="off" />
                </label>
                <label>
                  {t('dstSettings.dispatch.topic')}
                  <select name="topic" defaultValue="">
                    <option value="">{t('dstSettings.dispatch.any')}</option>
                    {ComplaintTopic.options.map((topic) => (
                      <option key={topic} value={topic}>
                        {t(`dstSettings.topics.${topic}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('dstSettings.dispatch.area')}
                  <select name="area" defaultValue="">
                    <option value="">{t('dstSettings.dispatch.any')}</option>
                    {active
                      .filter((u) => u.kind !== 'department')
                      .map((u) => (
                        <option key={u.code} value={u.code}>
                          {u.name}
                        </option>
                      ))}
                  </select>
                </label>
                <label>
                  {t('dstSettings.dispatch.keywords')}
                  <input name="keywords" maxLength={400} autoComplete="off" />
                </label>
                <label>
                  {t('dstSettings.dispatch.lead')}
                  <select name="leadUnit" required>
                    {active.map((u) => (
                      <option key={u.code} value={u.code}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <fieldset className="dst-row">
                <legend>{t('dstSettings.dispatch.co')}</legend>
                {active.map((u) => (
                  <label key={u.code} className="dst-check">
                    <input type="checkbox" name="coUnits" value={u.code} />
                    {u.name}
                  </label>
                ))}
              </fieldset>
              <div className="console-actions">
                <button type="submit" className="console-button console-primary" disabled={change.busy}>
                  {t('dstSettings.dispatch.add')}
                </button>
              </div>
            </form>
          )}
          <RulesHistory history={data.history} testId="dst-dispatch-history" />
        </>
      )}
    </div>
  );
}
