import { useTranslation } from 'react-i18next';
import { UnitKind } from '../../../contracts/complaints';
import { useDistrictClient } from '../session';
import { changeOf, unitRequestOf } from './directory-forms';
import { FormFrame, type FormActions } from './FormFrame';

/** A new unit; the 营商局 box only while the district has none. */
export function UnitForm({ bureauRegistered, actions }: { bureauRegistered: boolean; actions: FormActions }) {
  const client = useDistrictClient();
  const { t } = useTranslation();
  const read = (form: FormData) =>
    changeOf(unitRequestOf(form), (unit) => ({
      send: () => client.createComplaintUnit(unit),
      done: t('dstDirectory.savedUnit', { name: unit.name }),
    }));
  return (
    <FormFrame title={t('dstDirectory.unitForm.title')} testId="dst-unit-form" read={read} actions={actions}>
      <div className="dst-row">
        <label>
          {t('dstDirectory.unitForm.name')}
          <input name="name" required maxLength={60} autoComplete="off" />
        </label>
        <label>
          {t('dstDirectory.unitForm.code')}
          <input name="code" required pattern="[a-z0-9][a-z0-9\-]{1,39}" autoComplete="off" lang="en" />
        </label>
        <label>
          {t('dstDirectory.unitForm.kind')}
          <select name="kind" defaultValue="department">
            {UnitKind.options.map((kind) => (
              <option key={kind} value={kind}>
                {t(`dstDirectory.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!bureauRegistered && (
        <label className="dst-check">
          <input type="checkbox" name="bureau" />
          {t('dstDirectory.unitForm.bureau')}
        </label>
      )}
    </FormFrame>
  );
}
