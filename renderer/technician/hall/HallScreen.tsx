import './hall.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { HallSettingsIssues, type HallSettings } from '../../../contracts/hall-settings';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';
import { hostIssues, issueText } from '../device-form';
import { useTechSession } from '../session';
import { HallFormContext, type HallFormState } from './HallField';
import {
  dotted,
  fieldId,
  fieldOf,
  formFromSettings,
  missingFields,
  settingsFromForm,
  shownFields,
  tabOf,
  type HallForm,
  type HallTab,
} from './hall-form';
import { HoursSection } from './HoursSection';
import { RulesSection } from './RulesSection';
import { ServicesSection } from './ServicesSection';
import { StaffSection } from './StaffSection';
import { WindowsSection } from './WindowsSection';

export const HALL_KEY = ['tech', 'hall'] as const;
const TABS: readonly HallTab[] = ['services', 'windows', 'staff', 'hours', 'rules'];

/** One refusal shown on its field and in the list above the save button. */
interface Problem {
  path: string;
  message: string;
}

/**
 * 大厅设置: services, windows, staff, opening hours, queue rules and timeouts. The whole
 * document is saved at once and takes effect at once (the host applies it live and tells every
 * screen). Technicians change it; supervisors look (and manage staff accounts, as they may).
 */
export function HallScreen() {
  const api = useApi();
  const { t } = useTranslation();
  const session = useTechSession();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: HALL_KEY, queryFn: api.hallSettings });
  const readOnly = !session.canConfigure;
  const [form, setForm] = useState<HallForm | null>(null);
  const [base, setBase] = useState<HallSettings | null>(null);
  const [dirty, setDirty] = useState(false);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const [tab, setTab] = useState<HallTab>('services');
  const [selectedService, setSelectedService] = useState(0);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [savedNow, setSavedNow] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusPath, setFocusPath] = useState<{ path: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // The host's copy: taken as it is unless the technician is editing (then they are told). Done as
  // the render sees a new copy (React's "adjusting state when a prop changes"), not in an effect a
  // render later; each branch leaves nothing to do on the next render.
  if (saved.data && saved.data !== base) {
    // The same settings read again (e.g. after our own save was announced): nothing to tell.
    if (base && JSON.stringify(saved.data) === JSON.stringify(base)) setBase(saved.data);
    else if (dirty) {
      if (!changedElsewhere) setChangedElsewhere(true);
    } else {
      setForm(formFromSettings(saved.data));
      setBase(saved.data);
    }
  }

  // After a jump to a refused field: focus it once it is on screen.
  useEffect(() => {
    if (!focusPath) return;
    const element = document.getElementById(fieldId(focusPath.path));
    (element ?? summaryRef.current)?.focus();
  }, [focusPath]);

  const update = useCallback((change: (draft: HallForm) => void) => {
    setForm((current) => {
      if (!current) return current;
      const next = structuredClone(current);
      change(next);
      return next;
    });
    setDirty(true);
    setSavedNow(false);
  }, []);

  const errors = useMemo(() => {
    const byField: Record<string, string> = {};
    if (!form) return byField;
    const shown = shownFields(form);
    for (const p of problems) {
      const field = fieldOf(p.path, shown);
      byField[field] = byField[field] ? `${byField[field]}；${p.message}` : p.message;
    }
    return byField;
  }, [problems, form]);

  const state = useMemo<HallFormState | null>(
    () => (form ? { form, update, errors, readOnly } : null),
    [form, update, errors, readOnly],
  );

  const goTo = (path: string) => {
    const target = tabOf(path);
    setTab(target);
    const service = /^services\.(\d+)\./.exec(path);
    if (service) setSelectedService(Number(service[1]));
    setFocusPath({ path: form ? fieldOf(path, shownFields(form)) : path });
  };

  const refuse = (list: Problem[]) => {
    setProblems(list);
    const first = list[0];
    if (first) goTo(first.path);
  };

  const save = async () => {
    if (!form || busy) return;
    setFailure(null);
    const missing = missingFields(form).map((path) => ({ path, message: t('tech.form.issues.required') }));
    if (missing.length > 0) {
      refuse(missing);
      return;
    }
    setBusy(true);
    try {
      const result = await api.saveHallSettings(settingsFromForm(form));
      queryClient.setQueryData(HALL_KEY, result);
      setForm(formFromSettings(result));
      setBase(result);
      setDirty(false);
      setChangedElsewhere(false);
      setProblems([]);
      setSavedNow(true);
    } catch (error) {
      const list = problemsOf(error, t);
      if (list.length > 0) refuse(list);
      else setFailure(session.failed(error));
    } finally {
      setBusy(false);
    }
  };

  const discard = () => {
    if (!saved.data) return;
    setForm(formFromSettings(saved.data));
    setBase(saved.data);
    setDirty(false);
    setChangedElsewhere(false);
    setProblems([]);
  };

  const countOf = (id: HallTab) => problems.filter((p) => tabOf(p.path) === id).length;

  if (saved.isError) return <p className="error">{session.describeError(saved.error)}</p>;
  if (!state || !form) return <p className="console-muted">{t('tech.loading')}</p>;

  return (
    <section className="tech-screen hall-screen" aria-labelledby="hall-title">
      <div className="tech-screen-head">
        <h2 id="hall-title">{t('hallSettings.title')}</h2>
        <p className="tech-summary">{readOnly ? t('hallSettings.readOnly') : t('hallSettings.intro')}</p>
      </div>
      {changedElsewhere && (
        <p className="tech-warning" role="status">
          {t('hallSettings.changedElsewhere')}
        </p>
      )}
      <nav className="hall-tabs" aria-label={t('hallSettings.sections')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            aria-current={tab === id ? 'page' : undefined}
            data-testid={`hall-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {t(`hallSettings.tabs.${id}`)}
            {countOf(id) > 0 && <span className="hall-count">{t('hallSettings.errorCount', { count: countOf(id) })}</span>}
          </button>
        ))}
      </nav>

      <HallFormContext.Provider value={state}>
        {tab === 'staff' ? (
          <StaffSection windows={(base?.windows ?? []).map((w) => ({ number: w.number, name: w.name }))} />
        ) : (
          <>
            {tab === 'services' && <ServicesSection selected={selectedService} onSelect={setSelectedService} />}
            {tab === 'windows' && <WindowsSection />}
            {tab === 'hours' && <HoursSection />}
            {tab === 'rules' && <RulesSection />}
          </>
        )}
      </HallFormContext.Provider>

      {!readOnly && tab !== 'staff' && (
        <div className="hall-save-bar">
          {(problems.length > 0 || failure) && (
            <div className="tech-form-errors error" role="alert" tabIndex={-1} ref={summaryRef} data-testid="hall-errors">
              <p>{failure ?? t('hallSettings.refused', { count: problems.length })}</p>
              {problems.length > 0 && (
                <ul>
                  {problems.map((p, i) => (
                    <li key={`${p.path}-${i}`}>
                      <button type="button" className="hall-link" onClick={() => goTo(p.path)}>
                        {describePath(p.path, form, t)}
                      </button>
                      {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {savedNow && (
            <p className="tech-verdict tone-ok" role="status" data-testid="hall-saved">
              {t('hallSettings.saved')}
            </p>
          )}
          <div className="tech-form-buttons">
            <button type="button" className="primary" disabled={busy || !dirty} onClick={() => void save()}>
              {busy ? t('hallSettings.saving') : t('hallSettings.save')}
            </button>
            <button type="button" className="console-button" disabled={busy || !dirty} onClick={discard}>
              {t('hallSettings.discard')}
            </button>
            {dirty && <span className="console-muted">{t('hallSettings.unsaved')}</span>}
          </div>
        </div>
      )}
    </section>
  );
}

/** The host's refusals (a settings_invalid document, or an invalid_request schema check) as field problems. */
function problemsOf(error: unknown, t: TFunction): Problem[] {
  if (!(error instanceof ApiClientError)) return [];
  if (error.code === 'settings_invalid') {
    const parsed = HallSettingsIssues.safeParse(error.details);
    if (!parsed.success) return [];
    return parsed.data.issues.map((i) => ({ path: i.path, message: t(`hallSettings.reasons.${i.reason}`, i.values) }));
  }
  if (error.code === 'invalid_request') {
    return hostIssues(error.details).map((issue) => {
      const { key, values } = issueText(issue);
      return { path: dotted(issue.instancePath), message: t(`tech.form.issues.${key}`, values) };
    });
  }
  return [];
}

/** Where a problem is, in words: the service, window, day or group it is about. */
function describePath(path: string, form: HallForm, t: TFunction): string {
  const parts = path.split('.');
  const index = Number(parts[1]);
  if (parts[0] === 'services' && Number.isInteger(index)) {
    const s = form.services[index];
    return t('hallSettings.where.service', { name: s?.name || s?.code || String(index + 1) });
  }
  if (parts[0] === 'windows' && Number.isInteger(index))
    return t('hallSettings.where.window', { number: form.windows[index]?.number ?? String(index + 1) });
  return t(`hallSettings.tabs.${tabOf(path)}`);
}
