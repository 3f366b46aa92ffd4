import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_LIMIT_MAX } from '../../../contracts/page';
import type { EditNoticeInput, HallNoticeRecord, PublishNoticeInput } from '../../../contracts/notices';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';
import { MANAGER_KEYS, useManagerSession } from '../session';
import { EMPTY_FORM, formOf, noticeRequest, type FormProblem, type NoticeForm } from './notice-form';

export const NOTICE_TERMINALS_KEY = [...MANAGER_KEYS.all, 'notices', 'terminals'] as const;

interface Props {
  /** The notice edited; a new one when left out. */
  notice?: HallNoticeRecord;
  timeZone: string;
  busy: boolean;
  /** A refusal of the host, shown under the form. */
  error: unknown;
  onSubmit(request: PublishNoticeInput & EditNoticeInput): void;
  onCancel(): void;
}

/**
 * A notice's editor: title, text, its window of time on the hall's clock, and its screens (all, or
 * this machine and the chosen hall screens and secondary kiosks). The form is checked here first;
 * the host checks it again and its refusals are shown in words.
 */
export function NoticeEditor({ notice, timeZone, busy, error, onSubmit, onCancel }: Props) {
  const api = useApi();
  const { t } = useTranslation();
  const session = useManagerSession();
  const id = useId();
  const [form, setForm] = useState<NoticeForm>(() => (notice ? formOf(notice, timeZone) : EMPTY_FORM));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  // A hall has tens of screens at most: the largest page holds them all.
  const terminals = useQuery({
    queryKey: NOTICE_TERMINALS_KEY,
    queryFn: () => api.noticeTerminals({ limit: PAGE_LIMIT_MAX }),
  });
  const set = (patch: Partial<NoticeForm>) => setForm((f) => ({ ...f, ...patch }));
  const toggleTerminal = (terminalId: string, on: boolean) =>
    set({ terminalIds: on ? [...form.terminalIds, terminalId] : form.terminalIds.filter((x) => x !== terminalId) });

  const submit = () => {
    const result = noticeRequest(form, timeZone, notice);
    if (!result.ok) return setProblems(result.problems);
    setProblems([]);
    onSubmit(result.request);
  };

  return (
    <form
      className="mgt-panel console-fields mgt-notice-editor"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id={`${id}-title`}>{notice ? t('mgrNotices.editor.editTitle') : t('mgrNotices.editor.newTitle')}</h3>
      <label>
        {t('mgrNotices.editor.title')}
        <input value={form.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <label>
        {t('mgrNotices.editor.body')}
        <textarea value={form.body} rows={4} maxLength={10_000} onChange={(e) => set({ body: e.target.value })} />
      </label>
      <div className="mgt-notice-times">
        <label>
          {t('mgrNotices.editor.startsAt')}
          <input type="datetime-local" value={form.startsAt} onChange={(e) => set({ startsAt: e.target.value })} />
        </label>
        <label>
          {t('mgrNotices.editor.endsAt')}
          <input type="datetime-local" value={form.endsAt} onChange={(e) => set({ endsAt: e.target.value })} />
        </label>
      </div>
      <fieldset>
        <legend>{t('mgrNotices.editor.screens')}</legend>
        <label className="mgt-check">
          <input type="radio" name={`${id}-scope`} checked={form.scope === 'all'} onChange={() => set({ scope: 'all' })} />
          {t('mgrNotices.editor.all')}
        </label>
        <label className="mgt-check">
          <input type="radio" name={`${id}-scope`} checked={form.scope === 'chosen'} onChange={() => set({ scope: 'chosen' })} />
          {t('mgrNotices.editor.chosen')}
        </label>
        {form.scope === 'chosen' && (
          <div className="mgt-notice-screens" data-testid="notice-screens">
            <label className="mgt-check">
              <input type="checkbox" checked={form.hall} onChange={(e) => set({ hall: e.target.checked })} />
              {t('mgrNotices.editor.hall')}
            </label>
            {terminals.data?.terminals.map((terminal) => (
              <label className="mgt-check" key={terminal.id}>
                <input
                  type="checkbox"
                  checked={form.terminalIds.includes(terminal.id)}
                  onChange={(e) => toggleTerminal(terminal.id, e.target.checked)}
                />
                {t('mgrNotices.editor.terminal', { name: terminal.name, kind: t(`mgrNotices.kinds.${terminal.kind}`) })}
              </label>
            ))}
            {terminals.data?.terminals.length === 0 && <p className="console-muted">{t('mgrNotices.editor.noTerminals')}</p>}
            {terminals.isError && <p className="error">{session.describeError(terminals.error)}</p>}
          </div>
        )}
      </fieldset>
      {problems.length > 0 && (
        <ul className="error" role="alert">
          {problems.map((p) => (
            <li key={p}>{t(`mgrNotices.editor.problems.${p}`)}</li>
          ))}
        </ul>
      )}
      {error !== null && error !== undefined && (
        <p className="error" role="alert">
          {refusal(error) ?? session.describeError(error)}
        </p>
      )}
      <div className="console-actions">
        <button type="submit" className="console-button console-primary" disabled={busy}>
          {busy ? t('mgrNotices.editor.busy') : notice ? t('mgrNotices.editor.save') : t('mgrNotices.editor.publish')}
        </button>
        <button type="button" className="console-button" onClick={onCancel}>
          {t('mgrNotices.editor.cancel')}
        </button>
      </div>
    </form>
  );

  /** The host's refusals this form can explain better than "something is not valid". */
  function refusal(failure: unknown): string | null {
    if (!(failure instanceof ApiClientError) || failure.code !== 'invalid_request') return null;
    const field =
      typeof failure.details === 'object' && failure.details !== null && 'field' in failure.details
        ? failure.details.field
        : null;
    if (field === 'endsAt') return t('mgrNotices.editor.refused.endsAt');
    if (field === 'audience.terminalIds') return t('mgrNotices.editor.refused.terminals');
    return null;
  }
}
