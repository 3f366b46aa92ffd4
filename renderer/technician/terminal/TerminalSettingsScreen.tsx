import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  KioskFlowId,
  TerminalRole,
  type KioskFlowId as FlowId,
  type TerminalSettings,
} from '../../../contracts/terminal-settings';
import { ApiClientError } from '../../api/client';
import { useApi } from '../../api/context';
import { shellBridge } from '../../api/shell-bridge';
import { formatTime, useTechSession } from '../session';
import './terminal.css';

/** Pairing refusals worth their own words (the rest read as the console's generic messages). */
const PAIR_ERRORS = ['pairing_invalid', 'hall_unreachable', 'locked_out', 'invalid_state'] as const;

const SETTINGS_KEY = ['tech', 'terminal-settings'] as const;
const LINK_KEY = ['tech', 'hall-link'] as const;

interface Form {
  role: TerminalSettings['role'];
  name: string;
  secondary: boolean;
  hallUrl: string;
  elderModeDefault: boolean;
  voiceDefault: boolean;
  hiddenFlows: FlowId[];
  /** Empty: no A4 printer. */
  a4Printer: string;
  /** Empty: no self-updates. */
  updateUrl: string;
  /** Empty: no backups. */
  backupFolder: string;
  backupTime: string;
  backupKeepDays: string;
}

const formOf = (s: TerminalSettings): Form => ({
  role: s.role,
  name: s.name,
  secondary: s.hallUrl !== null,
  hallUrl: s.hallUrl ?? '',
  elderModeDefault: s.kiosk.elderModeDefault,
  voiceDefault: s.kiosk.voiceDefault,
  hiddenFlows: [...s.kiosk.hiddenFlows],
  a4Printer: s.printing.a4Printer ?? '',
  updateUrl: s.updates.url ?? '',
  backupFolder: s.backup.folder ?? '',
  backupTime: s.backup.time,
  backupKeepDays: String(s.backup.keepDays),
});

/** An absolute folder as the host takes it (contracts/backups.ts says the same, and the host checks again). */
const validFolder = (text: string) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(text.trim());
const validKeepDays = (text: string) => /^\d{1,3}$/.test(text) && Number(text) >= 1 && Number(text) <= 365;

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

const validHallUrl = (text: string) => {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** The update feed: https only (the host refuses anything else, and so does the shell). */
const validUpdateUrl = (text: string) => {
  try {
    return new URL(text.trim()).protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * This terminal's own settings (technicians; effective at once): its role, whether it is the
 * hall or a secondary terminal of another hall host (and the pairing with it), kiosk options, and
 * the Electron shell's A4 printer and update feed.
 */
export function TerminalSettingsScreen() {
  const api = useApi();
  const { t } = useTranslation();
  const session = useTechSession();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: api.terminalSettings });
  const [form, setForm] = useState<Form | null>(null);
  const [urlError, setUrlError] = useState(false);
  const [updateUrlError, setUpdateUrlError] = useState(false);
  const [backupError, setBackupError] = useState(false);
  const ids = useId();

  // The form starts from the host's settings once they arrive (set as the render sees them, not an effect later).
  if (settings.data && form === null) setForm(formOf(settings.data));

  const save = useMutation({
    mutationFn: (f: Form) =>
      api.saveTerminalSettings({
        role: f.role,
        name: f.name.trim(),
        hallUrl: f.secondary ? f.hallUrl.trim() : null,
        kiosk: { elderModeDefault: f.elderModeDefault, voiceDefault: f.voiceDefault, hiddenFlows: f.hiddenFlows },
        printing: { a4Printer: orNull(f.a4Printer) },
        updates: { url: orNull(f.updateUrl) },
        backup: { folder: orNull(f.backupFolder), time: f.backupTime, keepDays: Number(f.backupKeepDays) },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      setForm(formOf(saved));
      void queryClient.invalidateQueries({ queryKey: LINK_KEY });
    },
  });

  if (form === null) {
    return settings.isError ? <p className="error">{session.describeError(settings.error)}</p> : <p>{t('tech.loading')}</p>;
  }
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    save.reset();
    setForm({ ...form, [key]: value });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const badUrl = form.secondary && !validHallUrl(form.hallUrl);
    const badUpdateUrl = form.updateUrl.trim() !== '' && !validUpdateUrl(form.updateUrl);
    const badBackup = (form.backupFolder.trim() !== '' && !validFolder(form.backupFolder)) || !validKeepDays(form.backupKeepDays);
    setUrlError(badUrl);
    setUpdateUrlError(badUpdateUrl);
    setBackupError(badBackup);
    if (!badUrl && !badUpdateUrl && !badBackup) save.mutate(form);
  };
  const readOnly = !session.canConfigure;
  // The host accepts a new feed only from the kiosk's own window (the Electron shell), not from a
  // browser elsewhere on the LAN: there the field is shown but not editable.
  const feedHere = shellBridge() !== undefined;

  return (
    <section className="tech-screen" aria-labelledby={`${ids}-title`}>
      <div className="tech-screen-head">
        <h2 id={`${ids}-title`}>{t('techTerminal.title')}</h2>
      </div>
      <p className="console-muted">{t('techTerminal.intro')}</p>
      <form className="tech-form" onSubmit={submit} aria-label={t('techTerminal.title')}>
        <fieldset disabled={readOnly}>
          <div className="tech-field">
            <label htmlFor={`${ids}-role`}>{t('techTerminal.role')}</label>
            <select
              id={`${ids}-role`}
              value={form.role}
              aria-describedby={`${ids}-role-hint`}
              onChange={(e) => set('role', TerminalRole.parse(e.target.value))}
            >
              {TerminalRole.options.map((role) => (
                <option key={role} value={role}>
                  {t(`techTerminal.roles.${role}`)}
                </option>
              ))}
            </select>
            <span className="tech-hint" id={`${ids}-role-hint`}>
              {t('techTerminal.roleHint')}
            </span>
          </div>
          <div className="tech-field">
            <label htmlFor={`${ids}-name`}>{t('techTerminal.name')}</label>
            <input
              id={`${ids}-name`}
              value={form.name}
              maxLength={64}
              required
              aria-describedby={`${ids}-name-hint`}
              onChange={(e) => set('name', e.target.value)}
            />
            <span className="tech-hint" id={`${ids}-name-hint`}>
              {t('techTerminal.nameHint')}
            </span>
          </div>
          <fieldset className="tech-fieldset">
            <legend>{t('techTerminal.hall')}</legend>
            <label className="tech-check">
              <input type="radio" name="hall-mode" checked={!form.secondary} onChange={() => set('secondary', false)} />
              {t('techTerminal.isHall')}
            </label>
            <label className="tech-check">
              <input type="radio" name="hall-mode" checked={form.secondary} onChange={() => set('secondary', true)} />
              {t('techTerminal.isSecondary')}
            </label>
            {form.secondary && (
              <div className={`tech-field${urlError ? ' invalid' : ''}`}>
                <label htmlFor={`${ids}-url`}>{t('techTerminal.hallUrl')}</label>
                <input
                  id={`${ids}-url`}
                  value={form.hallUrl}
                  inputMode="url"
                  placeholder="https://192.168.1.10:7443"
                  aria-invalid={urlError}
                  aria-describedby={`${ids}-url-hint`}
                  onChange={(e) => set('hallUrl', e.target.value)}
                />
                <span className={urlError ? 'tech-field-error' : 'tech-hint'} id={`${ids}-url-hint`}>
                  {urlError ? t('techTerminal.invalidUrl') : t('techTerminal.hallUrlHint')}
                </span>
              </div>
            )}
          </fieldset>
          <fieldset className="tech-fieldset">
            <legend>{t('techTerminal.kiosk')}</legend>
            <label className="tech-check">
              <input
                type="checkbox"
                checked={form.elderModeDefault}
                onChange={(e) => set('elderModeDefault', e.target.checked)}
              />
              {t('techTerminal.elderDefault')}
            </label>
            <label className="tech-check">
              <input type="checkbox" checked={form.voiceDefault} onChange={(e) => set('voiceDefault', e.target.checked)} />
              {t('techTerminal.voiceDefault')}
            </label>
            <fieldset className="tech-fieldset">
              <legend>{t('techTerminal.hidden')}</legend>
              {KioskFlowId.options.map((flow) => (
                <label key={flow} className="tech-check">
                  <input
                    type="checkbox"
                    checked={form.hiddenFlows.includes(flow)}
                    onChange={(e) =>
                      set(
                        'hiddenFlows',
                        e.target.checked ? [...form.hiddenFlows, flow] : form.hiddenFlows.filter((f) => f !== flow),
                      )
                    }
                  />
                  {t(`home.${flow}`)}
                </label>
              ))}
            </fieldset>
          </fieldset>
          <fieldset className="tech-fieldset">
            <legend>{t('techTerminal.shell')}</legend>
            <p className="console-muted">{t('techTerminal.shellIntro')}</p>
            <div className="tech-field">
              <label htmlFor={`${ids}-a4`}>{t('techTerminal.a4Printer')}</label>
              <input
                id={`${ids}-a4`}
                value={form.a4Printer}
                maxLength={128}
                autoComplete="off"
                aria-describedby={`${ids}-a4-hint`}
                onChange={(e) => set('a4Printer', e.target.value)}
              />
              <span className="tech-hint" id={`${ids}-a4-hint`}>
                {t('techTerminal.a4PrinterHint')}
              </span>
            </div>
            <div className={`tech-field${updateUrlError ? ' invalid' : ''}`}>
              <label htmlFor={`${ids}-updates`}>{t('techTerminal.updateUrl')}</label>
              <input
                id={`${ids}-updates`}
                value={form.updateUrl}
                inputMode="url"
                autoComplete="off"
                placeholder="https://updates.example.gov.cn/hall-kiosk/"
                readOnly={!feedHere}
                aria-invalid={updateUrlError}
                aria-describedby={`${ids}-updates-hint`}
                onChange={(e) => set('updateUrl', e.target.value)}
              />
              <span className={updateUrlError ? 'tech-field-error' : 'tech-hint'} id={`${ids}-updates-hint`}>
                {updateUrlError
                  ? t('techTerminal.invalidUpdateUrl')
                  : t(feedHere ? 'techTerminal.updateUrlHint' : 'techTerminal.updateUrlElsewhere')}
              </span>
            </div>
          </fieldset>
          <fieldset className="tech-fieldset" data-testid="tech-terminal-backup">
            <legend>{t('techTerminal.backup')}</legend>
            <p className="console-muted">{t('techTerminal.backupIntro')}</p>
            <div className={`tech-field${backupError ? ' invalid' : ''}`}>
              <label htmlFor={`${ids}-backup-folder`}>{t('techTerminal.backupFolder')}</label>
              <input
                id={`${ids}-backup-folder`}
                value={form.backupFolder}
                maxLength={1024}
                autoComplete="off"
                placeholder="/media/usb/hall-backups"
                aria-invalid={backupError}
                aria-describedby={`${ids}-backup-folder-hint`}
                onChange={(e) => set('backupFolder', e.target.value)}
              />
              <span className={backupError ? 'tech-field-error' : 'tech-hint'} id={`${ids}-backup-folder-hint`}>
                {backupError ? t('techTerminal.invalidBackup') : t('techTerminal.backupFolderHint')}
              </span>
            </div>
            <div className="tech-field">
              <label htmlFor={`${ids}-backup-time`}>{t('techTerminal.backupTime')}</label>
              <input
                id={`${ids}-backup-time`}
                type="time"
                required
                value={form.backupTime}
                aria-describedby={`${ids}-backup-time-hint`}
                onChange={(e) => set('backupTime', e.target.value)}
              />
              <span className="tech-hint" id={`${ids}-backup-time-hint`}>
                {t('techTerminal.backupTimeHint')}
              </span>
            </div>
            <div className="tech-field">
              <label htmlFor={`${ids}-backup-keep`}>{t('techTerminal.backupKeepDays')}</label>
              <input
                id={`${ids}-backup-keep`}
                type="number"
                min={1}
                max={365}
                required
                value={form.backupKeepDays}
                onChange={(e) => set('backupKeepDays', e.target.value)}
              />
            </div>
          </fieldset>
          <div className="tech-form-buttons">
            <button type="submit" className="console-button primary" disabled={save.isPending}>
              {t('techTerminal.save')}
            </button>
          </div>
        </fieldset>
        {save.isSuccess && (
          <p className="tech-verdict tone-ok" role="status">
            {t('techTerminal.saved')}
          </p>
        )}
        {save.isError && (
          <p className="error" role="alert">
            {save.error instanceof ApiClientError && save.error.code === 'backup_folder_local_only'
              ? t('techTerminal.backupFolderElsewhere')
              : session.failed(save.error)}
          </p>
        )}
      </form>
      <HallLinkPanel savedHallUrl={settings.data?.hallUrl ?? null} />
    </section>
  );
}

/** The link to the hall host: its live state, and pairing with the code the hall shows. */
function HallLinkPanel({ savedHallUrl }: { savedHallUrl: string | null }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useTechSession();
  const queryClient = useQueryClient();
  const ids = useId();
  const link = useQuery({ queryKey: LINK_KEY, queryFn: api.hallLink, refetchInterval: 3_000 });
  const [code, setCode] = useState('');
  const pair = useMutation({
    mutationFn: () => api.pairWithHall(code),
    onSuccess: (status) => {
      queryClient.setQueryData(LINK_KEY, status);
      setCode('');
    },
  });
  const status = link.data;
  if (!status || status.state === 'hall') return null;
  const tone = status.state === 'online' ? 'tone-ok' : status.state === 'connecting' ? 'tone-warn' : 'tone-bad';
  return (
    <section className="tech-panel" aria-labelledby={`${ids}-link`} data-testid="hall-link-panel">
      <h3 id={`${ids}-link`}>{t('techTerminal.link.title')}</h3>
      <dl className="tech-facts">
        <div>
          <dt>{t('techTerminal.link.state')}</dt>
          <dd className={`tech-verdict ${tone}`} data-testid="hall-link-state" data-state={status.state}>
            {t(`techTerminal.link.states.${status.state}`)}
          </dd>
        </div>
        {status.hallName && (
          <div>
            <dt>{t('techTerminal.link.hallName')}</dt>
            <dd>{status.hallName}</dd>
          </div>
        )}
        <div>
          <dt>{t('techTerminal.link.since')}</dt>
          <dd>{formatTime(status.since, session.timeZone, i18n.language)}</dd>
        </div>
        {status.lastError && (
          <div className="tech-facts-wide">
            <dt>{t('techTerminal.link.lastError')}</dt>
            <dd>{status.lastError}</dd>
          </div>
        )}
        {status.caFingerprint && (
          <div className="tech-facts-wide">
            <dt>{t('techTerminal.link.caFingerprint')}</dt>
            <dd>
              <code data-testid="hall-link-fingerprint">{status.caFingerprint}</code>
              <p className="console-muted">{t('techTerminal.link.caFingerprintHint')}</p>
            </dd>
          </div>
        )}
      </dl>
      {session.canConfigure && status.state === 'unpaired' && (
        <form
          className="tech-form tech-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            pair.mutate();
          }}
        >
          <p className="console-muted">{savedHallUrl ? t('techTerminal.link.pairIntro') : t('techTerminal.link.saveFirst')}</p>
          <div className="tech-field">
            <label htmlFor={`${ids}-code`}>{t('techTerminal.link.code')}</label>
            <input
              id={`${ids}-code`}
              value={code}
              inputMode="numeric"
              autoComplete="off"
              pattern="\d{6}"
              maxLength={6}
              required
              onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            />
          </div>
          <button
            type="submit"
            className="console-button primary"
            disabled={pair.isPending || code.length !== 6 || !savedHallUrl}
          >
            {t('techTerminal.link.pair')}
          </button>
        </form>
      )}
      {pair.isSuccess && (
        <p className="tech-verdict tone-ok" role="status">
          {t('techTerminal.link.paired')}
        </p>
      )}
      {pair.isError && (
        <p className="error" role="alert">
          {pairError(pair.error, t, session.failed)}
        </p>
      )}
    </section>
  );
}

function pairError(error: unknown, t: (key: string) => string, fallback: (error: unknown) => string): string {
  const code = error instanceof ApiClientError ? PAIR_ERRORS.find((c) => c === error.code) : undefined;
  return code ? t(`techTerminal.link.errors.${code}`) : fallback(error);
}
