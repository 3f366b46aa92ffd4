import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ComplaintTopic } from '../../../contracts/complaints';
import type { DeadlineRulesView } from '../../../contracts/platform-complaint-settings';
import { useDistrictClient } from '../session';
import { EditableBy } from './EditableBy';
import { Outcome } from './Outcome';
import { RulesHistory, RulesVersionLine } from './RulesVersionLine';
import { STAGE_FIELDS, TOPIC_FIELDS, deadlineRulesOf } from './settings-forms';
import { useSettingsChange } from './use-settings-change';

/** The deadline rules in force, as one form: the supervisor saves a new version, the others read it. */
export function DeadlineRulesPanel({ editable }: { editable: boolean }) {
  const client = useDistrictClient();
  const { t } = useTranslation();
  const change = useSettingsChange<DeadlineRulesView>('deadline-rules');
  const view = useQuery({ queryKey: change.key, queryFn: () => client.deadlineRules() });
  const data = view.data;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (data === undefined) return;
    const parsed = deadlineRulesOf(new FormData(e.currentTarget), data.current.version);
    if (!parsed.success) return;
    change.run({
      send: () => client.saveDeadlineRules(parsed.data),
      done: (saved) => t('dstSettings.saved', { version: saved.current.version }),
    });
  };

  return (
    <div className="dst-panel" data-testid="dst-deadline-rules">
      <h3>{t('dstSettings.deadlines.title')}</h3>
      {!editable && <EditableBy area="deadlineRules" />}
      <Outcome done={change.done} error={view.error ?? change.error} />
      {data && (
        // Keyed by version: a newer version read fills the fields afresh.
        <form key={data.current.version} className="dst-form console-fields" onSubmit={submit}>
          <p className="console-muted" data-testid="dst-deadline-version">
            <RulesVersionLine version={data.current} />
          </p>
          <fieldset className="dst-row">
            {STAGE_FIELDS.map((field) => (
              <label key={field}>
                {t(`dstSettings.deadlines.${field}`)}
                <input
                  name={field}
                  type="number"
                  min={0}
                  max={10}
                  required
                  disabled={!editable}
                  defaultValue={data.rules[field]}
                />
              </label>
            ))}
            <label>
              {t('dstSettings.deadlines.reminderTime')}
              <input name="reminderTime" type="time" required disabled={!editable} defaultValue={data.rules.reminderTime} />
            </label>
          </fieldset>
          {TOPIC_FIELDS.map((field) => (
            <fieldset key={field} className="dst-row">
              <legend>{t(`dstSettings.deadlines.${field}`)}</legend>
              {ComplaintTopic.options.map((topic) => (
                <label key={topic}>
                  {t(`dstSettings.topics.${topic}`)}
                  <input
                    name={`${field}.${topic}`}
                    type="number"
                    min={0}
                    max={60}
                    required
                    disabled={!editable}
                    defaultValue={data.rules[field][topic]}
                  />
                </label>
              ))}
            </fieldset>
          ))}
          {editable && (
            <div className="console-actions">
              <button type="submit" className="console-button console-primary" disabled={change.busy}>
                {t('dstSettings.save')}
              </button>
            </div>
          )}
          <RulesHistory history={data.history} testId="dst-deadline-history" />
        </form>
      )}
    </div>
  );
}
