import './config.css';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportChanges, ImportResult } from '../../../contracts/config-transfer';
import { HallSettingsIssues } from '../../../contracts/hall-settings';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';
import { hostIssues, issueText } from '../device-form';
import { TECH_KEYS, useTechSession } from '../session';

type Picked = { name: string; content: unknown };

/**
 * 导入导出: the hall's configuration as one file (hall settings, this host's devices and terminal
 * settings, staff accounts; never a PIN or token), and a file checked first (what would change),
 * then applied on the technician's confirmation, live. New accounts' PINs are shown once.
 */
export function ConfigScreen() {
  const api = useApi();
  const { t } = useTranslation();
  const session = useTechSession();
  const queryClient = useQueryClient();
  const [exported, setExported] = useState<string | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [plan, setPlan] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const fail = (error: unknown) => {
    const list = problemsOf(error, t);
    setProblems(list.length > 0 ? list : [session.failed(error)]);
  };

  const download = async () => {
    setBusy(true);
    try {
      const { blob, fileName } = await api.exportConfig();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExported(fileName);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setPlan(null);
    setDone(null);
    setProblems([]);
    if (!file) return;
    let content: unknown;
    try {
      content = JSON.parse(await file.text());
    } catch {
      setPicked(null);
      setProblems([t('configTransfer.notJson', { name: file.name })]);
      return;
    }
    setPicked({ name: file.name, content });
    setBusy(true);
    try {
      setPlan(await api.importConfig(content, true));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!picked) return;
    setBusy(true);
    try {
      const result = await api.importConfig(picked.content, false);
      setDone(result);
      setPlan(null);
      // Everything the console shows may have changed.
      void queryClient.invalidateQueries({ queryKey: TECH_KEYS.all });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="tech-screen config-screen" aria-labelledby="config-title">
      <div className="tech-screen-head">
        <h2 id="config-title">{t('configTransfer.title')}</h2>
      </div>

      <section className="config-block" aria-labelledby="config-export-title">
        <h3 id="config-export-title">{t('configTransfer.exportTitle')}</h3>
        <p className="console-muted">{t('configTransfer.exportIntro')}</p>
        <div className="tech-form-buttons">
          <button type="button" className="primary" disabled={busy} onClick={() => void download()}>
            {t('configTransfer.export')}
          </button>
        </div>
        {exported && (
          <p className="tech-verdict tone-ok" role="status" data-testid="config-exported">
            {t('configTransfer.exported', { name: exported })}
          </p>
        )}
      </section>

      <section className="config-block" aria-labelledby="config-import-title">
        <h3 id="config-import-title">{t('configTransfer.importTitle')}</h3>
        <p className="console-muted">{t('configTransfer.importIntro')}</p>
        <div className="tech-field">
          <label htmlFor="config-file">{t('configTransfer.pick')}</label>
          <input id="config-file" type="file" accept="application/json,.json" disabled={busy} onChange={(e) => void choose(e)} />
        </div>
        {problems.length > 0 && (
          <div className="tech-form-errors error" role="alert" data-testid="config-problems">
            <p>{t('configTransfer.refused')}</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {plan && picked && (
          <div className="config-plan" data-testid="config-plan">
            <h4>{t('configTransfer.planTitle', { name: picked.name, hall: plan.sourceHallId })}</h4>
            <Summary result={plan} />
            <p className="tech-warning">{t('configTransfer.confirmHint')}</p>
            <div className="tech-form-buttons">
              <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>
                {t('configTransfer.apply')}
              </button>
              <button
                type="button"
                className="console-button"
                disabled={busy}
                onClick={() => {
                  setPlan(null);
                  setPicked(null);
                }}
              >
                {t('tech.cancel')}
              </button>
            </div>
          </div>
        )}
        {done && (
          <div className="config-plan" data-testid="config-done">
            <p className="tech-verdict tone-ok" role="status">
              {t('configTransfer.applied')}
            </p>
            <Summary result={done} />
            {done.oneTimePins.length > 0 && (
              <div className="config-pins">
                <h4 id="config-pins-title">{t('configTransfer.pinsTitle')}</h4>
                <p>{t('configTransfer.pinsIntro')}</p>
                <table className="tech-table" aria-labelledby="config-pins-title">
                  <thead>
                    <tr>
                      <th scope="col">{t('configTransfer.staffNo')}</th>
                      <th scope="col">{t('configTransfer.pin')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {done.oneTimePins.map((p) => (
                      <tr key={p.staffNo}>
                        <td>{p.staffNo}</td>
                        <td className="config-pin">{p.pin}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </section>
    </section>
  );
}

/** What an import changes (or changed), part by part; "no change" when a part stays as it is. */
function Summary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const parts: { id: 'services' | 'windows' | 'devices' | 'staff'; changes: ImportChanges }[] = [
    { id: 'services', changes: result.services },
    { id: 'windows', changes: result.windows },
    { id: 'devices', changes: result.devices },
    { id: 'staff', changes: result.staff },
  ];
  const list = (keys: string[]) => keys.join('、');
  return (
    <dl className="config-summary">
      <div>
        <dt>{t('configTransfer.parts.hall')}</dt>
        <dd data-part="hall">
          {result.hall.length === 0
            ? t('configTransfer.unchanged')
            : result.hall.map((section) => t(`configTransfer.sections.${section}`)).join('、')}
        </dd>
      </div>
      {parts.map(({ id, changes }) => {
        const none = changes.added.length + changes.changed.length + changes.removed.length === 0;
        return (
          <div key={id}>
            <dt>{t(`configTransfer.parts.${id}`)}</dt>
            <dd data-part={id}>
              {none && t('configTransfer.unchanged')}
              {changes.added.length > 0 && <span>{t('configTransfer.added', { keys: list(changes.added) })}</span>}
              {changes.changed.length > 0 && <span>{t('configTransfer.changed', { keys: list(changes.changed) })}</span>}
              {changes.removed.length > 0 && (
                <span>
                  {t(id === 'staff' ? 'configTransfer.disabled' : 'configTransfer.removed', { keys: list(changes.removed) })}
                </span>
              )}
            </dd>
          </div>
        );
      })}
      <div>
        <dt>{t('configTransfer.parts.terminal')}</dt>
        <dd data-part="terminal">
          {result.terminalChanged ? t('configTransfer.terminalChanged') : t('configTransfer.unchanged')}
        </dd>
      </div>
    </dl>
  );
}

/** The host's refusals of a file, each with where in the file it is. */
function problemsOf(error: unknown, t: TFunction): string[] {
  if (!(error instanceof ApiClientError)) return [];
  if (error.code === 'settings_invalid') {
    const parsed = HallSettingsIssues.safeParse(error.details);
    if (!parsed.success) return [];
    return parsed.data.issues.map((i) => `${i.path}: ${t(`hallSettings.reasons.${i.reason}`, i.values)}`);
  }
  if (error.code === 'invalid_request') {
    const issues = hostIssues(error.details);
    if (issues.length === 0) return [t('configTransfer.notConfig')];
    return issues.map((issue) => {
      const { key, values } = issueText(issue);
      const where = issue.instancePath.replace(/^\//, '').split('/').join('.') || t('configTransfer.file');
      return `${where}: ${t(`tech.form.issues.${key}`, values)}`;
    });
  }
  return [];
}
