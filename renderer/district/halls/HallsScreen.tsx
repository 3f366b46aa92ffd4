import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleHall, CredentialSummary, IssuedCredential } from '../../../contracts/platform-console';
import { DISTRICT_KEYS, formatDateTime, notServed, useDistrictClient, useDistrictSession } from '../session';

const HALLS_KEY = [...DISTRICT_KEYS.all, 'halls'] as const;

/**
 * 大厅: every registered hall (level, address) with its credentials, and for a district admin the
 * credential's life: issue one (its secret shown once), rotate its secret, revoke it. Served by
 * the halls part of the platform; until a platform has it, the screen says so.
 */
export default function HallsScreen() {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const [secret, setSecret] = useState<IssuedCredential | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const halls = useQuery({ queryKey: HALLS_KEY, queryFn: client.halls, retry: false });
  const canChange = session.may('issueCredential');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: HALLS_KEY });
  const shown = (issued: IssuedCredential) => {
    setDone(null);
    setSecret(issued);
    refresh();
  };
  const issue = useMutation({
    mutationFn: ({ hallId, label }: { hallId: string; label: string }) => client.issueCredential(hallId, label),
    onSuccess: shown,
    onError: (error) => setDone(session.failed(error)),
  });
  const rotate = useMutation({
    mutationFn: ({ hallId, credential }: { hallId: string; credential: CredentialSummary }) =>
      client.rotateCredential(hallId, credential.id),
    onSuccess: shown,
    onError: (error) => setDone(session.failed(error)),
  });
  const revoke = useMutation({
    mutationFn: ({ hallId, credential }: { hallId: string; credential: CredentialSummary }) =>
      client.revokeCredential(hallId, credential.id),
    onSuccess: (credential) => {
      setDone(t('dstHalls.revokedDone', { label: credential.label }));
      refresh();
    },
    onError: (error) => setDone(session.failed(error)),
  });

  return (
    <section className="dst-section" aria-labelledby="dst-halls-title">
      <h2 id="dst-halls-title">{t('dstHalls.title')}</h2>
      <p className="console-muted">{t('dstHalls.intro')}</p>
      {!canChange && <p className="console-notice">{t('dstHalls.adminsOnly')}</p>}
      {halls.error &&
        (notServed(halls.error) ? (
          <p className="console-notice" data-testid="dst-halls-not-served">
            {t('dstHalls.notServed')}
          </p>
        ) : (
          <p className="error" role="alert">
            {session.describeError(halls.error)}
          </p>
        ))}
      {secret && (
        <div className="dst-panel dst-secret" role="alert" data-testid="dst-secret">
          <h3>{t('dstHalls.secretTitle')}</h3>
          <p>
            {secret.credential.label}: <code>{secret.secret}</code>
          </p>
          <p className="console-muted">{t('dstHalls.secretHelp')}</p>
          <button type="button" className="console-button" onClick={() => setSecret(null)}>
            {t('dstHalls.secretDone')}
          </button>
        </div>
      )}
      {done && (
        <p className="dst-done" role="status">
          {done}
        </p>
      )}
      {halls.data?.halls.length === 0 && <p>{t('dstHalls.none')}</p>}
      {halls.data?.halls.map((hall) => (
        <HallPanel
          key={hall.id}
          hall={hall}
          canChange={canChange}
          busy={issue.isPending || rotate.isPending || revoke.isPending}
          onIssue={(label) => issue.mutate({ hallId: hall.id, label })}
          onRotate={(credential) => rotate.mutate({ hallId: hall.id, credential })}
          onRevoke={(credential) => revoke.mutate({ hallId: hall.id, credential })}
        />
      ))}
    </section>
  );
}

function HallPanel({
  hall,
  canChange,
  busy,
  onIssue,
  onRotate,
  onRevoke,
}: {
  hall: ConsoleHall;
  canChange: boolean;
  busy: boolean;
  onIssue: (label: string) => void;
  onRotate: (credential: CredentialSummary) => void;
  onRevoke: (credential: CredentialSummary) => void;
}) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const label = new FormData(e.currentTarget).get('label');
    if (typeof label === 'string' && label.trim() !== '') onIssue(label.trim());
    e.currentTarget.reset();
  };
  return (
    <article className="dst-panel" aria-labelledby={`dst-hall-${hall.id}`} data-hall={hall.id}>
      <h3 id={`dst-hall-${hall.id}`}>
        {hall.name} <span className="console-muted">{hall.id}</span>
      </h3>
      <p className="console-muted">
        {t(`dstHalls.levels.${hall.level}`)}
        {hall.address ? ` · ${hall.address}` : ''}
      </p>
      <h4>{t('dstHalls.credentials')}</h4>
      {hall.credentials.length === 0 ? (
        <p>{t('dstHalls.noCredentials')}</p>
      ) : (
        <ul className="dst-credentials">
          {hall.credentials.map((c) => (
            <li key={c.id}>
              <strong>{c.label}</strong>{' '}
              {c.revokedAt ? (
                <span className="dst-badge tone-bad">{t('dstHalls.revoked', { time: when(c.revokedAt) })}</span>
              ) : (
                <span className="dst-badge tone-ok">{t('dstHalls.active')}</span>
              )}{' '}
              <span className="console-muted">
                {t('dstHalls.created', { time: when(c.createdAt) })} ·{' '}
                {c.lastUsedAt ? t('dstHalls.lastUsed', { time: when(c.lastUsedAt) }) : t('dstHalls.neverUsed')}
              </span>
              {canChange && !c.revokedAt && (
                <span className="dst-row-actions">
                  <button
                    type="button"
                    className="console-button"
                    disabled={busy}
                    aria-label={t('dstHalls.rotateOf', { label: c.label })}
                    onClick={() => onRotate(c)}
                  >
                    {t('dstHalls.rotate')}
                  </button>
                  <button
                    type="button"
                    className="console-button danger"
                    disabled={busy}
                    aria-label={t('dstHalls.revokeOf', { label: c.label })}
                    onClick={() => onRevoke(c)}
                  >
                    {t('dstHalls.revoke')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canChange && (
        <form className="dst-form dst-inline" onSubmit={submit} aria-label={t('dstHalls.issueFor', { hall: hall.name })}>
          <label>
            {t('dstHalls.label')}
            <input name="label" required maxLength={100} autoComplete="off" />
          </label>
          <button type="submit" className="console-button dst-primary" disabled={busy}>
            {t('dstHalls.issue')}
          </button>
        </form>
      )}
    </article>
  );
}
