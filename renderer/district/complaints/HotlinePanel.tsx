import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComplaintTopic } from '../../../contracts/complaints';
import { HotlineComplaintRequest, type RegisteredComplaint } from '../../../contracts/platform-complaints';
import { checkComplaintForm, type ComplaintFormField, type FieldProblem } from '../../ui/complaint-form';
import { DistrictClientError } from '../district-client';
import { DISTRICT_KEYS, formatDateTime, useDistrictClient, useDistrictSession } from '../session';
import { CreditCodeHint } from './CreditCodeHint';
import type { ComplaintDesk } from './use-complaint-desk';

type Problems = Partial<Record<ComplaintFormField, FieldProblem>>;

/** What a field's control is told about its hint and its problem. */
interface Described {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** The platform's refusal of a field (an area it does not list), or null when it concerns the call as a whole. */
function fieldOfRefusal(error: unknown): ComplaintFormField | null {
  return error instanceof DistrictClientError && error.code === 'unit_not_found' ? 'area' : null;
}

/** The number to read back to the caller, the 办结期限 and the complaints it may repeat, each a click from its page. */
function Receipt({ registered, onOpen }: { registered: RegisteredComplaint; onOpen: (number: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="console-done dst-receipt" role="status" data-testid="dst-hotline-receipt">
      <p>
        <strong data-testid="dst-hotline-number">{t('dstIntake.hotline.registered', { number: registered.number })}</strong>
      </p>
      <p>{t('dstIntake.hotline.tellCaller')}</p>
      <p>{t('dstIntake.hotline.closeDue', { due: formatDateTime(registered.closeDueAt, i18n.language) })}</p>
      {registered.duplicates.length === 0 ? (
        <p>{t('dstIntake.hotline.noDuplicates')}</p>
      ) : (
        <>
          <p>{t('dstIntake.hotline.duplicates')}</p>
          <ul data-testid="dst-hotline-duplicates">
            {registered.duplicates.map((d) => (
              <li key={d.number}>
                {t('dstIntake.hotline.duplicate', {
                  number: d.number,
                  topic: t(d.sameTopic ? 'dstIntake.hotline.sameTopic' : 'dstIntake.hotline.otherTopic'),
                  similarity: Math.round(d.similarity * 100),
                  hours: Math.round(d.hoursApart),
                })}{' '}
                <button type="button" className="console-button" onClick={() => onOpen(d.number)}>
                  {t('dstIntake.hotline.openDuplicate', { number: d.number })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * 录入热线诉求: what a 营商局 intake operator types during a call, in the order the caller is
 * asked (who, the code if they have it, whom to call back, what about, where, what happened).
 * Each field is checked with the platform's own schema on submit, the credit code also as it is
 * typed; the answer is the number to read back, the 办结期限 and the possible duplicates. The
 * form empties for the next call; the work list is read again.
 */
export function HotlinePanel({
  desk,
  onOpen,
  onClose,
}: {
  desk: ComplaintDesk;
  onOpen: (number: string) => void;
  onClose: () => void;
}) {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [creditCode, setCreditCode] = useState('');
  const ids = { hint: useId(), error: useId() };
  const registration = useMutation({
    mutationFn: client.registerHotline,
    onSuccess: () => {
      formRef.current?.reset();
      setCreditCode('');
      void queryClient.invalidateQueries({ queryKey: [...DISTRICT_KEYS.all, 'complaints'] });
    },
  });
  const refusedField = fieldOfRefusal(registration.error);
  const shown: Problems = refusedField === null ? problems : { ...problems, [refusedField]: 'invalid' };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const check = checkComplaintForm(HotlineComplaintRequest, new FormData(form), { creditCodeOptional: true });
    if (!check.ok) {
      setProblems(check.problems);
      form.querySelector<HTMLElement>(`[name="${check.first}"]`)?.focus();
      return;
    }
    setProblems({});
    registration.mutate(check.request);
  };

  const areas = desk.units.filter((u) => u.active && u.kind !== 'department');
  const field = (name: ComplaintFormField, label: string, control: (described: Described) => ReactNode, required: boolean) => {
    const problem = shown[name];
    const errorId = `${ids.error}-${name}`;
    const describedBy = [problem ? errorId : '', name === 'creditCode' ? ids.hint : ''].filter((id) => id !== '').join(' ');
    const described: Described = {
      ...(problem ? { 'aria-invalid': true } : {}),
      ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
    };
    return (
      <label>
        {label}
        {required ? ' *' : ''}
        {control(described)}
        {name === 'creditCode' && <CreditCodeHint typed={creditCode} id={ids.hint} />}
        {problem && (
          <span className="error dst-field-error" role="alert" id={errorId}>
            {t(problem === 'required' ? 'dstIntake.hotline.problems.required' : `dstIntake.hotline.problems.${name}`)}
          </span>
        )}
      </label>
    );
  };

  return (
    <aside className="dst-panel dst-detail dst-intake" aria-labelledby="dst-hotline-title" data-testid="dst-hotline">
      <div className="dst-panel-head">
        <h3 id="dst-hotline-title">{t('dstIntake.hotline.title')}</h3>
        <button type="button" className="console-button" onClick={onClose}>
          {t('dstIntake.close')}
        </button>
      </div>
      {registration.data && <Receipt registered={registration.data} onOpen={onOpen} />}
      <p className="console-muted">{t('dstIntake.hotline.hint')}</p>
      <form ref={formRef} className="dst-form console-fields" onSubmit={submit} noValidate aria-labelledby="dst-hotline-title">
        {field(
          'enterpriseName',
          t('dstIntake.hotline.enterpriseName'),
          (d) => (
            <input name="enterpriseName" maxLength={100} autoComplete="off" {...d} />
          ),
          true,
        )}
        {field(
          'creditCode',
          t('dstIntake.hotline.creditCode'),
          (d) => (
            <input
              name="creditCode"
              maxLength={24}
              autoComplete="off"
              spellCheck={false}
              value={creditCode}
              onChange={(e) => setCreditCode(e.target.value)}
              {...d}
            />
          ),
          false,
        )}
        {field(
          'contactName',
          t('dstIntake.hotline.contactName'),
          (d) => (
            <input name="contactName" maxLength={40} autoComplete="off" {...d} />
          ),
          true,
        )}
        {field(
          'phone',
          t('dstIntake.hotline.phone'),
          (d) => (
            <input name="phone" type="tel" maxLength={20} autoComplete="off" {...d} />
          ),
          true,
        )}
        {field(
          'topic',
          t('dstIntake.hotline.topic'),
          (d) => (
            <select name="topic" defaultValue="" {...d}>
              <option value="">{t('dstComplaints.fields.pick')}</option>
              {ComplaintTopic.options.map((topic) => (
                <option key={topic} value={topic}>
                  {t(`dstComplaints.topics.${topic}`)}
                </option>
              ))}
            </select>
          ),
          true,
        )}
        {field(
          'area',
          t('dstIntake.hotline.area'),
          (d) => (
            <select name="area" defaultValue="" {...d}>
              <option value="">{t('dstIntake.hotline.noArea')}</option>
              {areas.map((unit) => (
                <option key={unit.code} value={unit.code}>
                  {unit.name}
                </option>
              ))}
            </select>
          ),
          false,
        )}
        {field(
          'text',
          t('dstIntake.hotline.text'),
          (d) => (
            <textarea name="text" rows={6} maxLength={4000} {...d} />
          ),
          true,
        )}
        {registration.error && refusedField === null && (
          <p className="error" role="alert">
            {session.describeError(registration.error)}
          </p>
        )}
        <div className="console-actions">
          <button type="submit" className="console-button console-primary" disabled={registration.isPending}>
            {t(registration.isPending ? 'dstIntake.hotline.submitting' : 'dstIntake.hotline.submit')}
          </button>
        </div>
      </form>
    </aside>
  );
}
