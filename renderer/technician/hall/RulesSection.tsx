import { useTranslation } from 'react-i18next';
import { CheckField, Field, TextField, useHallForm } from './HallField';
import type { HallForm } from './hall-form';

/** The hall's name, queue rules (priorities, 过号, transfers), the hall display, timeouts and the 差评 deadline. */
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
        </div>
      </fieldset>

      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.rules.priorities')}</legend>
        <div className="hall-grid">
          <TextField
            path="queue.elderAge"
            label={t('hallSettings.rules.elderAge')}
            hint={t('hallSettings.rules.elderAgeHint')}
            numeric
            value={form.queue.elderAge}
            onChange={(elderAge) => setQueue({ elderAge })}
          />
          <TextField
            path="queue.priorityBurst"
            label={t('hallSettings.rules.priorityBurst')}
            hint={t('hallSettings.rules.priorityBurstHint')}
            numeric
            value={form.queue.priorityBurst}
            onChange={(priorityBurst) => setQueue({ priorityBurst })}
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
          <TextField
            path="queue.skipRequeue.afterPlaces"
            label={t('hallSettings.rules.skipAfterPlaces')}
            numeric
            value={form.queue.skipAfterPlaces}
            onChange={(skipAfterPlaces) => setQueue({ skipAfterPlaces })}
          />
          <TextField
            path="queue.skipRequeue.maxTimes"
            label={t('hallSettings.rules.skipMaxTimes')}
            numeric
            value={form.queue.skipMaxTimes}
            onChange={(skipMaxTimes) => setQueue({ skipMaxTimes })}
          />
        </div>
      </fieldset>

      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.rules.display')}</legend>
        <div className="hall-grid">
          <TextField
            path="display.announceRepeat"
            label={t('hallSettings.rules.announceRepeat')}
            numeric
            value={form.display.announceRepeat}
            onChange={(announceRepeat) => setDisplay({ announceRepeat })}
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
          <TextField
            path="display.recentCalls"
            label={t('hallSettings.rules.recentCalls')}
            numeric
            value={form.display.recentCalls}
            onChange={(recentCalls) => setDisplay({ recentCalls })}
          />
        </div>
      </fieldset>

      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.rules.timeouts')}</legend>
        <div className="hall-grid">
          <TextField
            path="timeouts.kioskIdleSeconds"
            label={t('hallSettings.rules.kioskIdleSeconds')}
            hint={t('hallSettings.rules.kioskIdleHint')}
            numeric
            value={form.timeouts.kioskIdleSeconds}
            onChange={(kioskIdleSeconds) => setTimeouts({ kioskIdleSeconds })}
          />
          <TextField
            path="timeouts.identitySessionMinutes"
            label={t('hallSettings.rules.identitySessionMinutes')}
            hint={t('hallSettings.rules.identityHint')}
            numeric
            value={form.timeouts.identitySessionMinutes}
            onChange={(identitySessionMinutes) => setTimeouts({ identitySessionMinutes })}
          />
          <TextField
            path="timeouts.staffSessionHours"
            label={t('hallSettings.rules.staffSessionHours')}
            hint={t('hallSettings.rules.staffSessionHint')}
            numeric
            value={form.timeouts.staffSessionHours}
            onChange={(staffSessionHours) => setTimeouts({ staffSessionHours })}
          />
          <TextField
            path="timeouts.personalDataRetentionDays"
            label={t('hallSettings.rules.personalDataRetentionDays')}
            hint={t('hallSettings.rules.personalDataRetentionHint')}
            numeric
            value={form.timeouts.personalDataRetentionDays}
            onChange={(personalDataRetentionDays) => setTimeouts({ personalDataRetentionDays })}
          />
          <TextField
            path="timeouts.evaluatorIdleSeconds"
            label={t('hallSettings.rules.evaluatorIdleSeconds')}
            hint={t('hallSettings.rules.evaluatorIdleHint')}
            numeric
            value={form.timeouts.evaluatorIdleSeconds}
            onChange={(evaluatorIdleSeconds) => setTimeouts({ evaluatorIdleSeconds })}
          />
        </div>
      </fieldset>

      <fieldset className="hall-group" disabled={readOnly}>
        <legend>{t('hallSettings.rules.reviews')}</legend>
        <div className="hall-grid">
          <TextField
            path="reviews.rectifyWorkingDays"
            label={t('hallSettings.rules.rectifyWorkingDays')}
            hint={t('hallSettings.rules.rectifyWorkingDaysHint')}
            numeric
            value={form.reviews.rectifyWorkingDays}
            onChange={(rectifyWorkingDays) =>
              update((draft) => {
                draft.reviews.rectifyWorkingDays = rectifyWorkingDays;
              })
            }
          />
        </div>
      </fieldset>
    </section>
  );
}
