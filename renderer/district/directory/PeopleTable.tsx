import { useTranslation } from 'react-i18next';
import type { Person } from '../../../contracts/complaints';
import type { ComplaintDirectoryView } from '../../../contracts/platform-complaints';
import { DeskTable } from '../../manager/DeskTable';
import { useDistrictClient } from '../session';
import { ActiveBadge, ActiveToggle } from './ActiveToggle';
import type { DirectoryChange } from './directory-forms';

/** The people, by unit: duty, bureau roles, e-mail for reminders, whether they have an account. */
export function PeopleTable({
  directory,
  canChange,
  busy,
  onChange,
  onAccount,
}: {
  directory: ComplaintDirectoryView;
  canChange: boolean;
  busy: boolean;
  onChange: (change: DirectoryChange) => void;
  onAccount: (person: Person) => void;
}) {
  const client = useDistrictClient();
  const { t } = useTranslation();
  const unitName = (code: string) => directory.units.find((unit) => unit.code === code)?.name ?? code;
  const holders = new Set(directory.accountHolders);
  return (
    <DeskTable<Person>
      testId="dst-people"
      rows={directory.people}
      rowKey={(person) => person.id}
      rowAttributes={(person) => ({ 'data-person': person.id })}
      empty={t('dstDirectory.noPeople')}
      columns={[
        { header: t('dstDirectory.columns.person'), rowHeader: true, cell: (person) => person.name },
        { header: t('dstDirectory.columns.unit'), cell: (person) => unitName(person.unitCode) },
        { header: t('dstDirectory.columns.duty'), cell: (person) => t(`dstDirectory.duties.${person.duty}`) },
        {
          header: t('dstDirectory.columns.roles'),
          cell: (person) => person.bureauRoles.map((role) => t(`dstDirectory.roles.${role}`)).join('、'),
        },
        { header: t('dstDirectory.columns.email'), cell: (person) => person.email ?? '' },
        { header: t('dstDirectory.columns.state'), cell: (person) => <ActiveBadge active={person.active} /> },
        {
          header: t('dstDirectory.columns.account'),
          cell: (person) =>
            holders.has(person.id) ? (
              <span className="console-badge tone-ok">{t('dstDirectory.hasAccount')}</span>
            ) : canChange ? (
              <button
                type="button"
                className="console-button"
                aria-label={t('dstDirectory.openAccountOf', { name: person.name })}
                disabled={busy || !person.active}
                onClick={() => onAccount(person)}
              >
                {t('dstDirectory.openAccount')}
              </button>
            ) : (
              ''
            ),
        },
        ...(canChange
          ? [
              {
                header: t('dstDirectory.columns.actions'),
                cell: (person: Person) => (
                  <ActiveToggle
                    name={person.name}
                    active={person.active}
                    busy={busy}
                    onToggle={(active) =>
                      onChange({
                        send: () => client.updateComplaintPerson(person.id, { active }),
                        done: t('dstDirectory.changed', { name: person.name }),
                      })
                    }
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
