import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BureauRole, UnitDuty } from '../../../contracts/complaints';
import type { ComplaintDirectoryView } from '../../../contracts/platform-complaints';
import { useDistrictClient } from '../session';
import { changeOf, personRequestOf } from './directory-forms';
import { FormFrame, type FormActions } from './FormFrame';

/** A new person of an active unit; the 营商局's roles are offered for the bureau's people only. */
export function PersonForm({ directory, actions }: { directory: ComplaintDirectoryView; actions: FormActions }) {
  const client = useDistrictClient();
  const { t } = useTranslation();
  const units = directory.units.filter((unit) => unit.active);
  const [unitCode, setUnitCode] = useState(units[0]?.code ?? '');
  const read = (form: FormData) =>
    changeOf(personRequestOf(form, directory.bureau), (person) => ({
      send: () => client.createComplaintPerson(person),
      done: t('dstDirectory.savedPerson', { name: person.name }),
    }));
  return (
    <FormFrame title={t('dstDirectory.personForm.title')} testId="dst-person-form" read={read} actions={actions}>
      <div className="dst-row">
        <label>
          {t('dstDirectory.personForm.name')}
          <input name="name" required maxLength={40} autoComplete="off" />
        </label>
        <label>
          {t('dstDirectory.personForm.unit')}
          <select name="unitCode" value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dstDirectory.personForm.duty')}
          <select name="duty" defaultValue="handler">
            {UnitDuty.options.map((duty) => (
              <option key={duty} value={duty}>
                {t(`dstDirectory.duties.${duty}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {unitCode === directory.bureau && (
        <fieldset>
          <legend>{t('dstDirectory.personForm.roles')}</legend>
          {BureauRole.options.map((role) => (
            <label key={role} className="dst-check">
              <input type="checkbox" name={`role-${role}`} />
              {t(`dstDirectory.roles.${role}`)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="dst-row">
        <label>
          {t('dstDirectory.personForm.email')}
          <input name="email" type="email" maxLength={200} autoComplete="off" />
        </label>
        <label>
          {t('dstDirectory.personForm.phone')}
          <input name="phone" type="tel" maxLength={20} autoComplete="off" />
        </label>
      </div>
    </FormFrame>
  );
}
