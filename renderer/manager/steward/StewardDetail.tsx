import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StewardAction, StewardNote, StewardStaff } from '../../../contracts/steward';
import { useApi } from '../../api/context';
import { formatDateTime, useManagerSession } from '../session';
import { STATUS_TONES, STEWARD_KEY } from './steward-view';

interface Props {
  requestId: string;
  /** The hall's stewards, offered for assignment. */
  stewards: readonly StewardStaff[];
  onClose(): void;
}

type Problem = 'noteRequired' | 'noteEmpty' | 'staffRequired';

/**
 * One steward request: what was asked, by which ticket and case, for which enterprise; its
 * history; and the desk's actions: assign it, mark the enterprise contacted, close it with what
 * was done (a note is required then), or add a note. A closed request takes notes only.
 */
export function StewardDetail({ requestId, stewards, onClose }: Props) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useManagerSession();
  const queryClient = useQueryClient();
  const id = useId();
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const detail = useQuery({ queryKey: [...STEWARD_KEY, 'detail', requestId], queryFn: () => api.stewardRequest(requestId) });
  const act = useMutation({
    mutationFn: (action: StewardAction) => api.stewardAction(requestId, action),
    onSuccess: (answer) => {
      queryClient.setQueryData([...STEWARD_KEY, 'detail', requestId], answer);
      void queryClient.invalidateQueries({ queryKey: [...STEWARD_KEY, 'list'] });
      setNote('');
      setAssignee('');
      setSaved(true);
    },
  });
  const when = (iso: string | null) => formatDateTime(iso, session.timeZone, i18n.language);
  const request = detail.data?.request;
  const done = request?.status === 'done';
  const trimmed = note.trim();

  const send = (action: StewardAction['action']) => {
    setSaved(false);
    if (action === 'assign') {
      if (assignee.trim() === '') return setProblem('staffRequired');
      setProblem(null);
      return act.mutate({ action, staffNo: assignee.trim() });
    }
    if (action === 'done' && trimmed === '') return setProblem('noteRequired');
    if (action === 'note' && trimmed === '') return setProblem('noteEmpty');
    setProblem(null);
    if (action === 'contact') return act.mutate(trimmed === '' ? { action } : { action, note: trimmed });
    act.mutate({ action, note: trimmed });
  };

  const title = request?.ticket?.number ?? requestId;
  return (
    <section className="mgt-panel console-fields mgt-steward-detail" aria-labelledby={`${id}-title`} data-testid="steward-detail">
      <div className="console-actions mgt-steward-head">
        <h3 id={`${id}-title`}>{t('mgrSteward.detail.title', { what: title })}</h3>
        <button type="button" className="console-button" onClick={onClose}>
          {t('mgrSteward.detail.close')}
        </button>
      </div>
      {detail.isError && (
        <p className="error" role="alert">
          {session.describeError(detail.error)}
        </p>
      )}
      {request && (
        <dl className="mgt-facts">
          <dt>{t('mgrSteward.detail.facts.requestedAt')}</dt>
          <dd>{when(request.requestedAt)}</dd>
          <dt>{t('mgrSteward.detail.facts.ticket')}</dt>
          <dd>
            {request.ticket
              ? t('mgrSteward.ticket', {
                  number: request.ticket.number,
                  status: t(`mgrSteward.ticketStatuses.${request.ticket.status}`),
                })
              : t('mgrSteward.noTicket', { day: request.businessDay })}
            {request.ticket?.windowNumber != null && request.ticket.calledBy !== null && (
              <span className="mgt-small">
                {t('mgrSteward.calledAt', { window: request.ticket.windowNumber, staffNo: request.ticket.calledBy })}
              </span>
            )}
          </dd>
          <dt>{t('mgrSteward.detail.facts.case')}</dt>
          <dd>
            {request.case ? request.case.itemName : t('mgrSteward.noCase')}
            {request.case && (
              <span className="mgt-small">
                {request.case.caseNumber
                  ? t('mgrSteward.detail.facts.caseNumber', { number: request.case.caseNumber })
                  : t('mgrSteward.detail.facts.caseLocal')}
              </span>
            )}
          </dd>
          {request.case?.enterprise && (
            <>
              <dt>{t('mgrSteward.detail.facts.enterprise')}</dt>
              <dd>{request.case.enterprise}</dd>
            </>
          )}
          {request.case?.applicantMasked && (
            <>
              <dt>{t('mgrSteward.detail.facts.applicant')}</dt>
              <dd>{request.case.applicantMasked}</dd>
            </>
          )}
          <dt>{t('mgrSteward.detail.facts.status')}</dt>
          <dd>
            <span className={`console-badge ${STATUS_TONES[request.status]}`} data-testid="steward-status">
              {t(`mgrSteward.statuses.${request.status}`)}
            </span>
          </dd>
          <dt>{t('mgrSteward.detail.facts.assignee')}</dt>
          <dd>
            {request.assignee
              ? t('mgrSteward.detail.by', { name: request.assignee.name, staffNo: request.assignee.staffNo })
              : t('mgrSteward.unassigned')}
          </dd>
          {request.contactedAt && (
            <>
              <dt>{t('mgrSteward.detail.facts.contactedAt')}</dt>
              <dd>{when(request.contactedAt)}</dd>
            </>
          )}
          {request.doneAt && (
            <>
              <dt>{t('mgrSteward.detail.facts.doneAt')}</dt>
              <dd>{when(request.doneAt)}</dd>
            </>
          )}
        </dl>
      )}
      {detail.data && (
        <section aria-labelledby={`${id}-notes`}>
          <h4 id={`${id}-notes`}>{t('mgrSteward.detail.notes')}</h4>
          {detail.data.notes.length === 0 ? (
            <p className="console-muted">{t('mgrSteward.detail.noNotes')}</p>
          ) : (
            <ol className="mgt-steward-notes">
              {detail.data.notes.map((n, i) => (
                <li key={i}>
                  <span className="console-muted">
                    {when(n.at)} · {t('mgrSteward.detail.by', { name: n.by.name, staffNo: n.by.staffNo })}
                  </span>{' '}
                  <strong>{noteTitle(n)}</strong>
                  {n.note !== null && <span className="mgt-steward-note-text">{n.note}</span>}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {request && (
        <form
          className="mgt-steward-actions"
          onSubmit={(e) => {
            e.preventDefault();
            send('note');
          }}
        >
          {!done && (
            <div className="console-actions">
              <label>
                {t('mgrSteward.detail.assignTo')}
                <input value={assignee} list={`${id}-stewards`} maxLength={20} onChange={(e) => setAssignee(e.target.value)} />
              </label>
              <datalist id={`${id}-stewards`}>
                {stewards.map((s) => (
                  <option key={s.staffNo} value={s.staffNo}>
                    {s.name}
                  </option>
                ))}
              </datalist>
              <button type="button" className="console-button" disabled={act.isPending} onClick={() => send('assign')}>
                {t('mgrSteward.detail.actions.assign')}
              </button>
            </div>
          )}
          <label>
            {t('mgrSteward.detail.note')}
            <textarea value={note} rows={3} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="console-actions">
            {!done && (
              <>
                <button type="button" className="console-button" disabled={act.isPending} onClick={() => send('contact')}>
                  {t('mgrSteward.detail.actions.contact')}
                </button>
                <button
                  type="button"
                  className="console-button console-primary"
                  disabled={act.isPending}
                  onClick={() => send('done')}
                >
                  {t('mgrSteward.detail.actions.done')}
                </button>
              </>
            )}
            <button type="submit" className="console-button" disabled={act.isPending}>
              {t('mgrSteward.detail.actions.note')}
            </button>
          </div>
          {done && <p className="console-muted">{t('mgrSteward.detail.doneAlready')}</p>}
          {problem !== null && (
            <p className="error" role="alert">
              {t(`mgrSteward.detail.${problem}`)}
            </p>
          )}
          {act.isError && (
            <p className="error" role="alert">
              {session.failed(act.error)}
            </p>
          )}
          {saved && !act.isError && (
            <p className="console-done" role="status">
              {t('mgrSteward.detail.saved')}
            </p>
          )}
        </form>
      )}
    </section>
  );

  function noteTitle(n: StewardNote): string {
    if (n.action === 'assign' && n.assignee) {
      return t('mgrSteward.detail.noteAction.assign', {
        who: t('mgrSteward.detail.by', { name: n.assignee.name, staffNo: n.assignee.staffNo }),
      });
    }
    return t(`mgrSteward.detail.noteAction.${n.action}`);
  }
}
