import { useTranslation } from 'react-i18next';
import type { Person } from '../../../contracts/complaints';
import { DistrictRole } from '../../../contracts/platform-console';
import { useDistrictClient } from '../session';
import { accountRequestOf, changeOf } from './directory-forms';
import { FormFrame, type FormActions } from './FormFrame';

/** A console account for a person; the password is typed once here and never shown again. */
export function AccountForm({ person, actions }: { person: Person; actions: FormActions }) {
  const client = useDistrictClient();
  const { t } = useTranslation();
  const read = (form: FormData) =>
    changeOf(accountRequestOf(form), (account) => ({
      send: () => client.createComplaintPersonAccount(person.id, account),
      done: t('dstDirectory.savedAccount', { name: person.name, username: account.username }),
    }));
  return (
    <FormFrame
      title={t('dstDirectory.accountForm.title', { name: person.name })}
      testId="dst-account-form"
      read={read}
      actions={actions}
    >
      <p className="console-muted">{t('dstDirectory.accountForm.hint')}</p>
      <div className="dst-row">
        <label>
          {t('dstDirectory.accountForm.username')}
          <input name="username" required minLength={2} maxLength={64} pattern="[A-Za-z0-9._\-]+" autoComplete="off" lang="en" />
        </label>
        <label>
          {t('dstDirectory.accountForm.password')}
          <input name="password" type="password" required minLength={8} maxLength={200} autoComplete="new-password" />
        </label>
        <label>
          {t('dstDirectory.accountForm.role')}
          <select name="role" defaultValue="viewer">
            {DistrictRole.options.map((role) => (
              <option key={role} value={role}>
                {t(`dstDirectory.consoleRoles.${role}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </FormFrame>
  );
}
