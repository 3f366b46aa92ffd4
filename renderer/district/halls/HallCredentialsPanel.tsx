import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  platformHallOperations as hallOps,
  type CredentialState,
  type Hall,
  type HallCredential,
  type IssuedCredential,
} from '../../../contracts/platform-halls';
import { DeskTable } from '../../manager/DeskTable';
import { MorePages } from '../../ui/console/MorePages';
import { DistrictClientError } from '../district-client';
import { DISTRICT_KEYS, formatDateTime, useDistrictClient, useDistrictSession } from '../session';
import { NewToken } from './NewToken';

const PAGE_SIZE = 20;

/** How each state reads at a glance: in use green, in its overlap amber, ended red or grey. */
const STATE_TONES: Record<CredentialState, string> = {
  active: 'tone-ok',
  rotating: 'tone-warn',
  expired: '',
  revoked: 'tone-bad',
};

/** The credential errors with words of their own (`dstHalls.errors.*`); the rest are the console's. */
const HALL_ERRORS = ['credential_inactive', 'credential_not_found', 'hall_not_found'] as const;

/** A token just given out, and the credential a rotation replaced. */
type Shown = { issued: IssuedCredential; previous?: HallCredential };

/**
 * One hall's credentials, newest first, paged; a district admin issues one, rotates an active one
 * (the new token shown once, the old one accepted for the overlap) and revokes one after a
 * confirmation. The mutations keep no cache (`gcTime: 0`): a token given out is held by this
 * panel's state only, and dropped when the admin closes it or the panel goes.
 */
export function HallCredentialsPanel({ hall, onClose }: { hall: Hall; onClose: () => void }) {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [confirming, setConfirming] = useState<HallCredential | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const key = [...DISTRICT_KEYS.all, 'halls', hall.hallId, 'credentials'] as const;
  const credentials = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => client.hallCredentials(hall.hallId, { limit: PAGE_SIZE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next,
  });
  const canIssue = session.may(hallOps.createHallCredential);
  const canRotate = session.may(hallOps.rotateHallCredential);
  const canRevoke = session.may(hallOps.revokeHallCredential);
  const when = (iso: string | undefined) => formatDateTime(iso, i18n.language);

  // Opened from the list below: bring it into view and give it the focus.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const failed = (error: unknown) => {
    const code = error instanceof DistrictClientError ? HALL_ERRORS.find((c) => c === error.code) : undefined;
    setProblem(code === undefined ? session.failed(error) : t(`dstHalls.errors.${code}`));
  };
  const started = () => {
    setProblem(null);
    setDone(null);
    setShown(null);
  };
  const changed = () => void queryClient.invalidateQueries({ queryKey: key });
  const issue = useMutation({
    mutationFn: () => client.issueCredential(hall.hallId),
    gcTime: 0,
    onMutate: started,
    onSuccess: (issued) => setShown({ issued }),
    onError: failed,
    onSettled: changed,
  });
  const rotate = useMutation({
    mutationFn: (credential: HallCredential) => client.rotateCredential(hall.hallId, credential.credentialId),
    gcTime: 0,
    onMutate: started,
    onSuccess: (rotated) => setShown(rotated),
    onError: failed,
    onSettled: changed,
  });
  const revoke = useMutation({
    mutationFn: (credential: HallCredential) => client.revokeCredential(hall.hallId, credential.credentialId),
    gcTime: 0,
    onMutate: started,
    onSuccess: (credential) => setDone(t('dstHalls.revokedDone', { credentialId: credential.credentialId })),
    onError: failed,
    onSettled: changed,
  });
  const busy = issue.isPending || rotate.isPending || revoke.isPending;
  const rows = credentials.data?.pages.flatMap((page) => page.credentials) ?? [];
  const titleId = `dst-credentials-${hall.hallId}`;

  const actions = (c: HallCredential) => (
    <span className="console-row-actions">
      {canRotate && c.state === 'active' && (
        <button
          type="button"
          className="console-button"
          disabled={busy}
          aria-label={t('dstHalls.rotateOf', { credentialId: c.credentialId })}
          onClick={() => rotate.mutate(c)}
        >
          {t('dstHalls.rotate')}
        </button>
      )}
      {canRevoke && (c.state === 'active' || c.state === 'rotating') && (
        <button
          type="button"
          className="console-button danger"
          disabled={busy}
          aria-label={t('dstHalls.revokeOf', { credentialId: c.credentialId })}
          onClick={() => {
            setDone(null);
            setConfirming(c);
          }}
        >
          {t('dstHalls.revoke')}
        </button>
      )}
    </span>
  );

  return (
    <section className="dst-panel" aria-labelledby={titleId} data-testid="dst-credentials" data-hall={hall.hallId}>
      <div className="dst-panel-head">
        <h3 id={titleId} ref={heading} tabIndex={-1}>
          {t('dstHalls.credentialsOf', { hall: hall.name })}
        </h3>
        <div className="console-actions">
          {canIssue && (
            <button type="button" className="console-button console-primary" disabled={busy} onClick={() => issue.mutate()}>
              {t('dstHalls.issue')}
            </button>
          )}
          <button type="button" className="console-button" onClick={onClose}>
            {t('dstHalls.close')}
          </button>
        </div>
      </div>
      {shown && (
        <NewToken
          hall={hall.name}
          issued={shown.issued}
          {...(shown.previous ? { previous: shown.previous } : {})}
          onDone={() => setShown(null)}
        />
      )}
      {confirming && (
        <ConfirmRevoke
          credential={confirming}
          onConfirm={() => {
            revoke.mutate(confirming);
            setConfirming(null);
          }}
          onCancel={() => setConfirming(null)}
        />
      )}
      {done && (
        <p className="console-done" role="status">
          {done}
        </p>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {credentials.error && (
        <p className="error" role="alert">
          {session.describeError(credentials.error)}
        </p>
      )}
      {credentials.isSuccess && (
        <DeskTable<HallCredential>
          testId="dst-credential-list"
          rows={rows}
          rowKey={(c) => c.credentialId}
          rowAttributes={(c) => ({ 'data-credential': c.credentialId, 'data-state': c.state })}
          empty={t('dstHalls.noCredentials')}
          columns={[
            { header: t('dstHalls.credentialColumns.id'), rowHeader: true, cell: (c) => c.credentialId },
            { header: t('dstHalls.credentialColumns.hint'), cell: (c) => <code>{c.hint}…</code> },
            {
              header: t('dstHalls.credentialColumns.state'),
              cell: (c) => (
                <>
                  <span className={`console-badge ${STATE_TONES[c.state]}`}>{t(`dstHalls.states.${c.state}`)}</span>
                  {c.state === 'revoked' && c.revokedAt !== undefined && (
                    <span className="dst-note">{t('dstHalls.revokedAt', { time: when(c.revokedAt) })}</span>
                  )}
                  {c.state !== 'revoked' && c.expiresAt !== undefined && (
                    <span className="dst-note">{t('dstHalls.until', { time: when(c.expiresAt) })}</span>
                  )}
                </>
              ),
            },
            { header: t('dstHalls.credentialColumns.created'), cell: (c) => when(c.createdAt) },
            {
              header: t('dstHalls.credentialColumns.lastUsed'),
              cell: (c) => (c.lastUsedAt === undefined ? t('dstHalls.neverUsed') : when(c.lastUsedAt)),
            },
            ...(canRotate || canRevoke ? [{ header: t('dstHalls.credentialColumns.actions'), cell: actions }] : []),
          ]}
        />
      )}
      <MorePages query={credentials} label={t('dstHalls.more')} />
    </section>
  );
}

/** Revoking cuts off every host still using the credential: asked once more, with its id and token start. */
function ConfirmRevoke({
  credential,
  onConfirm,
  onCancel,
}: {
  credential: HallCredential;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  const questionId = `dst-revoke-${credential.credentialId}`;
  // The safe answer has the focus: Enter does not revoke by accident.
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  return (
    <div className="dst-confirm" role="group" aria-labelledby={questionId} data-testid="dst-confirm-revoke">
      <p id={questionId}>{t('dstHalls.confirmRevoke', { credentialId: credential.credentialId, hint: `${credential.hint}…` })}</p>
      <div className="console-actions">
        <button type="button" className="console-button danger" onClick={onConfirm}>
          {t('dstHalls.confirmRevokeYes')}
        </button>
        <button type="button" className="console-button" ref={cancel} onClick={onCancel}>
          {t('dstHalls.cancel')}
        </button>
      </div>
    </div>
  );
}
