import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PAGE_LIMIT_MAX } from '../../../contracts/page';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleGrant, StaffAccount, StaffRole } from '../../../contracts/auth';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';
import { MorePages } from '../../ui/console/MorePages';
import { useTechSession } from '../session';

export const STAFF_KEY = ['tech', 'staff'] as const;
const GRANTS_KEY = ['tech', 'staff', 'grants'] as const;
const ROLES: readonly StaffRole[] = ['staff', 'supervisor', 'technician'];

type WindowChoice = { number: number; name: string };

/** A PIN the host generated: shown once, until the technician has told it to its owner. */
interface OneTimePin {
  staffNo: string;
  pin: string;
}

/**
 * Staff accounts, changed at once through the /staff routes (not part of the settings document):
 * add (the host generates the PIN and shows it this once), change name, role and usual window,
 * reset a PIN, disable or enable. A PIN is never shown again.
 */
export function StaffSection({ windows }: { windows: readonly WindowChoice[] }) {
  const api = useApi();
  const { t } = useTranslation();
  const session = useTechSession();
  const queryClient = useQueryClient();
  // Pages of the largest size: a hall has tens of accounts, and "more" shows the rest if ever.
  const staff = useInfiniteQuery({
    queryKey: STAFF_KEY,
    queryFn: ({ pageParam }) => api.staffAccounts({ limit: PAGE_LIMIT_MAX, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next,
  });
  const accounts = staff.data?.pages.flatMap((page) => page.staff);
  const [pin, setPin] = useState<OneTimePin | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);

  const describe = (error: unknown) => {
    const code = error instanceof ApiClientError ? error.code : '';
    if (code === 'staff_exists' || code === 'window_unknown' || code === 'invalid_request' || code === 'forbidden')
      return t(`hallSettings.staff.errors.${code}`);
    return session.failed(error);
  };
  const grants = useQuery({ queryKey: GRANTS_KEY, queryFn: api.roleGrants });
  const [pending, setPending] = useState<RoleGrant | null>(null);
  const done = (result: { staff: StaffAccount; oneTimePin?: string | undefined; pendingGrant?: RoleGrant | undefined }) => {
    setProblem(null);
    if (result.oneTimePin) setPin({ staffNo: result.staff.staffNo, pin: result.oneTimePin });
    setPending(result.pendingGrant ?? null);
    // The grants list sits under STAFF_KEY: both are read again.
    void queryClient.invalidateQueries({ queryKey: STAFF_KEY });
  };
  const onError = (error: unknown) => setProblem(describe(error));
  const create = useMutation({ mutationFn: api.createStaff, onSuccess: done, onError });
  const patch = useMutation({
    mutationFn: (input: { id: number; patch: Parameters<typeof api.updateStaff>[1] }) => api.updateStaff(input.id, input.patch),
    onSuccess: (result) => {
      setEditing(null);
      done(result);
    },
    onError,
  });
  const reset = useMutation({ mutationFn: api.resetStaffPin, onSuccess: done, onError });
  const confirmGrant = useMutation({ mutationFn: api.confirmRoleGrant, onSuccess: done, onError });
  const refuseGrant = useMutation({
    mutationFn: api.refuseRoleGrant,
    onSuccess: () => {
      setProblem(null);
      void queryClient.invalidateQueries({ queryKey: STAFF_KEY });
    },
    onError,
  });
  const deciding = confirmGrant.isPending || refuseGrant.isPending;

  const windowName = (n: number | null) => {
    if (n === null) return t('hallSettings.staff.noWindow');
    const w = windows.find((x) => x.number === n);
    return w ? t('hallSettings.staff.window', { number: n, name: w.name }) : String(n);
  };

  return (
    <section className="hall-section" aria-labelledby="hall-staff-title">
      <h3 id="hall-staff-title">{t('hallSettings.staff.title')}</h3>
      <p className="console-muted">{t('hallSettings.staff.intro')}</p>
      {pin && (
        <div className="tech-verdict tone-ok hall-pin" role="status" data-testid="hall-one-time-pin">
          <p>{t('hallSettings.staff.pinShown', { staffNo: pin.staffNo, pin: pin.pin })}</p>
          <button type="button" className="console-button" onClick={() => setPin(null)}>
            {t('hallSettings.staff.pinNoted')}
          </button>
        </div>
      )}
      {pending && (
        <p className="tech-verdict tone-warn" role="status" data-testid="hall-grant-pending">
          {t('hallSettings.staff.grantPending', { staffNo: pending.targetStaffNo, role: t(`tech.roles.${pending.role}`) })}
        </p>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {grants.data && grants.data.grants.length > 0 && (
        <section aria-labelledby="hall-grants-title" data-testid="hall-grants">
          <h4 id="hall-grants-title">{t('hallSettings.staff.grantsTitle')}</h4>
          <ul>
            {grants.data.grants.map((grant) => {
              const names = { staffNo: grant.targetStaffNo, role: t(`tech.roles.${grant.role}`) };
              const own = grant.requestedBy === session.staff.id;
              return (
                <li key={grant.id}>
                  <span>{t('hallSettings.staff.grantLine', names)}</span>{' '}
                  {own ? (
                    <span className="console-muted">{t('hallSettings.staff.ownGrant')}</span>
                  ) : (
                    session.staff.role === 'supervisor' && (
                      <button
                        type="button"
                        className="console-button"
                        aria-label={t('hallSettings.staff.confirmGrantLabel', names)}
                        disabled={deciding}
                        onClick={() => confirmGrant.mutate(grant.id)}
                      >
                        {t('hallSettings.staff.confirmGrant')}
                      </button>
                    )
                  )}{' '}
                  {/* A supervisor refuses any grant; a technician withdraws only its own (the host checks). */}
                  {(own || session.staff.role === 'supervisor') && (
                    <button
                      type="button"
                      className="console-button"
                      aria-label={t('hallSettings.staff.refuseGrantLabel', names)}
                      disabled={deciding}
                      onClick={() => refuseGrant.mutate(grant.id)}
                    >
                      {t('hallSettings.staff.refuseGrant')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <AddStaff windows={windows} busy={create.isPending} onAdd={(request) => create.mutate(request)} />
      {staff.isError && <p className="error">{session.describeError(staff.error)}</p>}
      {accounts && (
        <div className="tech-table-wrap">
          <table className="tech-table" aria-labelledby="hall-staff-title">
            <thead>
              <tr>
                <th scope="col">{t('hallSettings.staff.staffNo')}</th>
                <th scope="col">{t('hallSettings.staff.name')}</th>
                <th scope="col">{t('hallSettings.staff.role')}</th>
                <th scope="col">{t('hallSettings.staff.usualWindow')}</th>
                <th scope="col">{t('hallSettings.staff.state')}</th>
                <th scope="col">{t('hallSettings.staff.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) =>
                editing === account.id ? (
                  <EditRow
                    key={account.id}
                    account={account}
                    windows={windows}
                    busy={patch.isPending}
                    self={account.id === session.staff.id}
                    onCancel={() => setEditing(null)}
                    onSave={(changes) => patch.mutate({ id: account.id, patch: changes })}
                  />
                ) : (
                  <tr key={account.id} data-staff={account.staffNo}>
                    <td>{account.staffNo}</td>
                    <td>{account.name}</td>
                    <td>{t(`tech.roles.${account.role}`)}</td>
                    <td>{windowName(account.windowNumber)}</td>
                    <td>
                      {!account.active
                        ? t('hallSettings.staff.disabled')
                        : account.lockedUntil
                          ? t('hallSettings.staff.locked')
                          : t('hallSettings.staff.active')}
                    </td>
                    <td className="hall-staff-actions">
                      <button
                        type="button"
                        className="console-button"
                        aria-label={t('hallSettings.staff.editLabel', { staffNo: account.staffNo })}
                        onClick={() => setEditing(account.id)}
                      >
                        {t('hallSettings.staff.edit')}
                      </button>
                      <button
                        type="button"
                        className="console-button"
                        aria-label={t('hallSettings.staff.resetLabel', { staffNo: account.staffNo })}
                        disabled={reset.isPending}
                        onClick={() => {
                          if (window.confirm(t('hallSettings.staff.confirmReset', { staffNo: account.staffNo })))
                            reset.mutate(account.id);
                        }}
                      >
                        {t('hallSettings.staff.resetPin')}
                      </button>
                      {account.id !== session.staff.id && (
                        <button
                          type="button"
                          className={`console-button${account.active ? ' danger' : ''}`}
                          aria-label={t(account.active ? 'hallSettings.staff.disableLabel' : 'hallSettings.staff.enableLabel', {
                            staffNo: account.staffNo,
                          })}
                          disabled={patch.isPending}
                          onClick={() => patch.mutate({ id: account.id, patch: { active: !account.active } })}
                        >
                          {account.active ? t('hallSettings.staff.disable') : t('hallSettings.staff.enable')}
                        </button>
                      )}
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      <MorePages query={staff} label={t('hallSettings.staff.more')} />
    </section>
  );
}

function WindowSelect({
  id,
  value,
  windows,
  onChange,
}: {
  id: string;
  value: number | null;
  windows: readonly WindowChoice[];
  onChange: (n: number | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}>
      <option value="">{t('hallSettings.staff.noWindow')}</option>
      {windows.map((w) => (
        <option key={w.number} value={w.number}>
          {t('hallSettings.staff.window', { number: w.number, name: w.name })}
        </option>
      ))}
    </select>
  );
}

function AddStaff({
  windows,
  busy,
  onAdd,
}: {
  windows: readonly WindowChoice[];
  busy: boolean;
  onAdd: (request: { staffNo: string; name: string; role: StaffRole; windowNumber: number | null }) => void;
}) {
  const { t } = useTranslation();
  const [staffNo, setStaffNo] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('staff');
  const [windowNumber, setWindowNumber] = useState<number | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAdd({ staffNo: staffNo.trim(), name: name.trim(), role, windowNumber });
    setStaffNo('');
    setName('');
  };
  return (
    <form className="hall-staff-add" onSubmit={submit} aria-labelledby="hall-staff-add-title">
      <h4 id="hall-staff-add-title">{t('hallSettings.staff.addTitle')}</h4>
      <div className="tech-field">
        <label htmlFor="hall-staff-new-no">{t('hallSettings.staff.staffNo')}</label>
        <input id="hall-staff-new-no" value={staffNo} required onChange={(e) => setStaffNo(e.target.value)} />
      </div>
      <div className="tech-field">
        <label htmlFor="hall-staff-new-name">{t('hallSettings.staff.name')}</label>
        <input id="hall-staff-new-name" value={name} required onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="tech-field">
        <label htmlFor="hall-staff-new-role">{t('hallSettings.staff.role')}</label>
        <select id="hall-staff-new-role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`tech.roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="tech-field">
        <label htmlFor="hall-staff-new-window">{t('hallSettings.staff.usualWindow')}</label>
        <WindowSelect id="hall-staff-new-window" value={windowNumber} windows={windows} onChange={setWindowNumber} />
      </div>
      <button type="submit" className="console-button" disabled={busy || staffNo.trim() === '' || name.trim() === ''}>
        {t('hallSettings.staff.add')}
      </button>
    </form>
  );
}

function EditRow({
  account,
  windows,
  busy,
  self,
  onCancel,
  onSave,
}: {
  account: StaffAccount;
  windows: readonly WindowChoice[];
  busy: boolean;
  self: boolean;
  onCancel: () => void;
  onSave: (changes: { name?: string; role?: StaffRole; windowNumber: number | null }) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(account.name);
  const [role, setRole] = useState<StaffRole>(account.role);
  const [windowNumber, setWindowNumber] = useState<number | null>(account.windowNumber);
  const id = (field: string) => `hall-staff-${account.id}-${field}`;
  return (
    <tr data-staff={account.staffNo} className="hall-staff-editing">
      <td>{account.staffNo}</td>
      <td>
        <label className="visually-hidden" htmlFor={id('name')}>
          {t('hallSettings.staff.name')}
        </label>
        <input id={id('name')} value={name} onChange={(e) => setName(e.target.value)} />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={id('role')}>
          {t('hallSettings.staff.role')}
        </label>
        <select id={id('role')} value={role} disabled={self} onChange={(e) => setRole(e.target.value as StaffRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`tech.roles.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={id('window')}>
          {t('hallSettings.staff.usualWindow')}
        </label>
        <WindowSelect id={id('window')} value={windowNumber} windows={windows} onChange={setWindowNumber} />
      </td>
      <td>{account.active ? t('hallSettings.staff.active') : t('hallSettings.staff.disabled')}</td>
      <td className="hall-staff-actions">
        <button
          type="button"
          className="console-button"
          disabled={busy || name.trim() === ''}
          onClick={() => onSave({ name: name.trim(), ...(self ? {} : { role }), windowNumber })}
        >
          {t('hallSettings.staff.save')}
        </button>
        <button type="button" className="console-button" onClick={onCancel}>
          {t('tech.cancel')}
        </button>
      </td>
    </tr>
  );
}
