import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../contracts/complaints';
import type { ComplaintDirectoryView } from '../../../contracts/platform-complaints';
import { DeskTable } from '../../manager/DeskTable';
import { useDistrictClient } from '../session';
import { ActiveBadge, ActiveToggle } from './ActiveToggle';
import type { DirectoryChange } from './directory-forms';

/** The units, the 营商局 marked; the admin deactivates or activates each. */
export function UnitsTable({
  directory,
  canChange,
  busy,
  onChange,
}: {
  directory: ComplaintDirectoryView;
  canChange: boolean;
  busy: boolean;
  onChange: (change: DirectoryChange) => void;
}) {
  const client = useDistrictClient();
  const { t } = useTranslation();
  return (
    <DeskTable<Unit>
      testId="dst-units"
      rows={directory.units}
      rowKey={(unit) => unit.code}
      rowAttributes={(unit) => ({ 'data-unit': unit.code })}
      empty={t('dstDirectory.noUnits')}
      columns={[
        {
          header: t('dstDirectory.columns.name'),
          rowHeader: true,
          cell: (unit) => (
            <>
              {unit.name}
              {unit.code === directory.bureau && <span className="console-badge tone-info">{t('dstDirectory.bureau')}</span>}
            </>
          ),
        },
        { header: t('dstDirectory.columns.code'), cell: (unit) => unit.code },
        { header: t('dstDirectory.columns.kind'), cell: (unit) => t(`dstDirectory.kinds.${unit.kind}`) },
        { header: t('dstDirectory.columns.state'), cell: (unit) => <ActiveBadge active={unit.active} /> },
        ...(canChange
          ? [
              {
                header: t('dstDirectory.columns.actions'),
                cell: (unit: Unit) => (
                  <ActiveToggle
                    name={unit.name}
                    active={unit.active}
                    busy={busy}
                    onToggle={(active) =>
                      onChange({
                        send: () => client.updateComplaintUnit(unit.code, { active }),
                        done: t('dstDirectory.changed', { name: unit.name }),
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
