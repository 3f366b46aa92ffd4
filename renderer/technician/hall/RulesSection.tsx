import { useTranslation } from 'react-i18next';
import { CheckField, Field, NumberFields, TextField, useHallForm } from './HallField';
import type { HallForm } from './hall-form';

/** The rules' messages: each number's label is `hallSettings.rules.<its field in the form>`. */
const RULES = 'hallSettings.rules';

/**
 * The hall's name, queue rules (priorities, 过号, transfers), the hall display, the kiosks' voice
 * volume, timeouts and the 差评 deadline.
 */
export function RulesSection() {
  const { t } = useTranslation();
  const { form, update, readOnly } = useHallForm();
  const setQueue = (patch: Partial<HallForm['queue']>) =>
    update((draft) => {
      Object.assign(draft.queue, patch);
    });
  const setDisplay = (patch: Partial<HallForm['display']>) =>
    update((draft) => {
      Object.assign(draft.display, patch);
    });
  const setTimeouts = (patch: Partial<HallForm['timeouts']>) =>
    update((draft) => {
      Object.assign(draft.timeouts, patch);
    });

  return (
    <section className="hall-section" aria-labelledby="hall-rules-title">
      <h3 id="hall-rules-title">{t('hallSettings.rules.title')}</h3>
      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.rules.hall')}</legend>
        <div className="hall-grid">
          <TextField
            path="hallName"
            label={t('hallSettings.rules.hallName')}
            hint={t('hallSettings.rules.hallNameHint')}
            value={form.hallName}
            onChange={(hallName) =>
              update((draft) => {
                draft.hallName = hallName;
              })
            }
          />
          <TextField
            path="publicUrl"
            label={t('hallSettings.rules.publicUrl')}
            hint={t('hallSettings.rules.publicUrlHint')}
            value={form.publicUrl}
            maxLength={200}
            onChange={(publicUrl) =>
              update((draft) => {
                draft.publicUrl = publicUrl;
              })
            }
          />
        </div>
      </fieldset>

      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.rules.priorities')}</legend>
        <div className="hall-grid">
          <NumberFields
            labels={RULES}
            values={form.queue}
            onChange={(field, value) => setQueue({ [field]: value })}
            rows={[
              { field: 'elderAge', path: 'queue.elderAge', hint: 'elderAgeHint' },
              { field: 'priorityBurst', path: 'queue.priorityBurst', hint: 'priorityBurstHint' },
            ]}
          />
          <CheckField
            path="queue.onePerIdentityPerService"
            label={t('hallSettings.rules.onePerIdentity')}
            checked={form.queue.onePerIdentityPerService}
            onChange={(onePerIdentityPerService) => setQueue({ onePerIdentityPerService })}
          />
          <CheckField
            path="queue.transferKeepsTime"
            label={t('hallSettings.rules.transferKeepsTime')}
            checked={form.queue.transferKeepsTime}
            onChange={(transferKeepsTime) => setQueue({ transferKeepsTime })}
          />
        </div>
      </fieldset>

      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.rules.skip')}</legend>
        <div className="hall-grid">
          <CheckField
            path="queue.skipRequeue.enabled"
            label={t('hallSettings.rules.skipEnabled')}
            checked={form.queue.skipEnabled}
            onChange={(skipEnabled) => setQueue({ skipEnabled })}
          />
          <NumberFields
            labels={RULES}
            values={form.queue}
            onChange={(field, value) => setQueue({ [field]: value })}
            rows={[
              { field: 'skipAfterPlaces', path: 'queue.skipRequeue.afterPlaces' },
              { field: 'skipMaxTimes', path: 'queue.skipRequeue.maxTimes' },
            ]}
          />
        </div>
      </fieldset>

      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.rules.display')}</legend>
        <div className="hall-grid">
          <NumberFields
            labels={RULES}
            values={form.display}
            onChange={(field, value) => setDisplay({ [field]: value })}
            rows={[{ field: 'announceRepeat', path: 'display.announceRepeat' }]}
          />
          <Field path="display.voice" label={t('hallSettings.rules.voice')}>
            {(props) => (
              <select
                {...props}
                value={form.display.voice}
                onChange={(e) => setDisplay({ voice: e.target.value as HallForm['display']['voice'] })}
              >
                <option value="browser">{t('hallSettings.rules.voices.browser')}</option>
                <option value="host">{t('hallSettings.rules.voices.host')}</option>
                <option value="off">{t('hallSettings.rules.voices.off')}</option>
              </select>
            )}
          </Field>
          <NumberFields
            labels={RULES}
            values={form.display}
            onChange={(field, value) => setDisplay({ [field]: value })}
            rows={[{ field: 'recentCalls', path: 'display.recentCalls' }]}
          />
        </div>
      </fieldset>

      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.rules.kioskVoice')}</legend>
        <div className="hall-grid">
          <NumberFields
            labels={RULES}
            values={form.kioskVoice}
            onChange={(field, value) =>
              update((draft) => {
                draft.kioskVoice[field] = value;
              })
            }
            rows={[{ field: 'volumePercent', path: 'kioskVoice.volumePercent', hint: 'volumePercentHint' }]}
          />
        </div>
      </fieldset>

      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.rules.timeouts')}</legend>
        <div className="hall-grid">
          <NumberFields
            labels={RULES}
            values={form.timeouts}
            onChange={(field, value) => setTimeouts({ [field]: value })}
            rows={[
              { field: 'kioskIdleSeconds', path: 'timeouts.kioskIdleSeconds', hint: 'kioskIdleHint' },
              { field: 'identitySessionMinutes', path: 'timeouts.identitySessionMinutes', hint: 'identityHint' },
              { field: 'staffSessionHours', path: 'timeouts.staffSessionHours', hint: 'staffSessionHint' },
              {
                field: 'personalDataRetentionDays',
                path: 'timeouts.personalDataRetentionDays',
                hint: 'personalDataRetentionHint',
              },
              { field: 'evaluatorIdleSeconds', path: 'timeouts.evaluatorIdleSeconds', hint: 'evaluatorIdleHint' },
            ]}
          />
        </div>
      </fieldset>

      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.rules.reviews')}</legend>
        <div className="hall-grid">
          <NumberFields
            labels={RULES}
            values={form.reviews}
            onChange={(field, value) =>
              update((draft) => {
                draft.reviews[field] = value;
              })
            }
            rows={[{ field: 'rectifyWorkingDays', path: 'reviews.rectifyWorkingDays', hint: 'rectifyWorkingDaysHint' }]}
          />
        </div>
      </fieldset>
    </section>
  );
}
