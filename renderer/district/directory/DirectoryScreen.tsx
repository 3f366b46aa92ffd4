import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../contracts/complaints';
import { complaintOperations as complaintOps } from '../../../contracts/platform-complaints-api';
import { COMPLAINT_DIRECTORY_KEY } from '../complaints/use-complaint-desk';
import { useDistrictClient, useDistrictSession } from '../session';
import { AccountForm } from './AccountForm';
import type { DirectoryChange } from './directory-forms';
import { PeopleTable } from './PeopleTable';
import { PersonForm } from './PersonForm';
import { UnitForm } from './UnitForm';
import { UnitsTable } from './UnitsTable';

type OpenForm = { kind: 'unit' } | { kind: 'person' } | { kind: 'account'; person: Person } | null;

/**
 * 单位与人员: the complaint directory. Every role reads the units and people; the district admin
 * adds units and people, deactivates and activates them (they are never deleted: past complaints
 * name them) and gives a person a console account, which then acts as that person. Only what
 * the signed-in role may do is offered; the platform checks it again.
 */
export default function DirectoryScreen() {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [open, setOpen] = useState<OpenForm>(null);
  const [done, setDone] = useState<string | null>(null);
  const directory = useQuery({ queryKey: COMPLAINT_DIRECTORY_KEY, queryFn: () => client.complaintDirectory() });
  const canChange = session.may(complaintOps.createComplaintUnit);

  const change = useMutation({
    mutationFn: async ({ send, done: message }: DirectoryChange) => {
      await send();
      return message;
    },
    // The directory is read again before the form closes and the change is announced (the
    // mutation stays pending meanwhile): "account opened" never shows beside a table that still
    // offers to open it.
    onSuccess: async (message) => {
      await queryClient.invalidateQueries({ queryKey: COMPLAINT_DIRECTORY_KEY });
      setOpen(null);
      setDone(message);
    },
    onError: (error) => {
      setDone(null);
      session.failed(error);
    },
  });
  const run = (c: DirectoryChange) => {
    setDone(null);
    change.mutate(c);
  };
  const opening = (form: OpenForm) => () => {
    change.reset();
    setDone(null);
    setOpen(form);
  };

  const formActions = { busy: change.isPending, onSave: run, onCancel: () => setOpen(null) };
  const data = directory.data;
  const error = directory.error ?? change.error;
  return (
    <section className="dst-section" aria-labelledby="dst-directory-title">
      <h2 id="dst-directory-title">{t('dstDirectory.title')}</h2>
      <p className="console-muted">{t('dstDirectory.intro')}</p>
      {!canChange && <p className="console-notice">{t('dstDirectory.adminsOnly')}</p>}
      {done && (
        <p className="console-done" role="status">
          {done}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {session.describeError(error)}
        </p>
      )}
      {canChange && open === null && (
        <div className="console-actions">
          <button type="button" className="console-button console-primary" onClick={opening({ kind: 'unit' })}>
            {t('dstDirectory.addUnit')}
          </button>
          <button type="button" className="console-button" onClick={opening({ kind: 'person' })} disabled={!data?.units.length}>
            {t('dstDirectory.addPerson')}
          </button>
        </div>
      )}
      {data && open?.kind === 'unit' && <UnitForm bureauRegistered={data.bureau !== null} actions={formActions} />}
      {data && open?.kind === 'person' && <PersonForm directory={data} actions={formActions} />}
      {open?.kind === 'account' && <AccountForm person={open.person} actions={formActions} />}
      {data && (
        <>
          <h3>{t('dstDirectory.unitsTitle')}</h3>
          <UnitsTable directory={data} canChange={canChange} busy={change.isPending} onChange={run} />
          <h3>{t('dstDirectory.peopleTitle')}</h3>
          <PeopleTable
            directory={data}
            canChange={canChange}
            busy={change.isPending}
            onChange={run}
            onAccount={(person) => opening({ kind: 'account', person })()}
          />
        </>
      )}
    </section>
  );
}
