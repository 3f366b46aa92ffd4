import { useTranslation } from 'react-i18next';
import { UnitKind } from '../../../contracts/complaints';
import { useDistrictClient } from '../session';
import { unitRequestOf, type DirectoryChange } from './directory-forms';
import { FormFrame } from './FormFrame';

/** A new unit; the 营商局 box only while the district has none. */
export function UnitForm({
  bureauRegistered,
  busy,
  onSave,
  onCancel,
}: {
  bureauRegistered: boolean;
  busy: boolean;
  onSave: (change: DirectoryChange) => void;
  onCancel: () => void;
}) {
  const client = useDistrictClient();
  const { t } = useTranslation();
  const read = (form: FormData) => {
    const parsed = unitRequestOf(form);
    if (!parsed.success) return null;
    const unit = parsed.data;
    return { send: () => client.createComplaintUnit(unit), done: t('dstDirectory.savedUnit', { name: unit.name }) };
  };
  return (
    <FormFrame
      title={t('dstDirectory.unitForm.title')}
      testId="dst-unit-form"
      busy={busy}
      read={read}
      onSave={onSave}
      onCancel={onCancel}
    >
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
