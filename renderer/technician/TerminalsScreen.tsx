import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PAGE_LIMIT_MAX } from '../../contracts/page';
import { useTranslation } from 'react-i18next';
import { operationPath, operations } from '../../contracts/api';
import type { Terminal } from '../../contracts/pairing';
import { useApi } from '../api/context';
import { MorePages } from '../ui/console/MorePages';
import { formatTime, useTechSession } from './session';
import { expiryState } from './terminal-expiry';

const TERMINALS_KEY = ['tech', 'terminals'] as const;

/**
 * LAN terminals (counter PCs, screens, rating pads, secondary kiosks): a one-time code to pair a
 * new one (typed on its /pair page within ten minutes), the paired ones with when their token
 * expires (marked when within a week: a terminal that rotates on its own never gets there), and
 * revoking a lost one.
 */
export function TerminalsScreen() {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const session = useTechSession();
  const queryClient = useQueryClient();
  const code = useMutation({ mutationFn: api.createPairingCode });
  // While a code is out, the new terminal is expected any moment: look every 2 s, not every 15.
  // Pages of the largest size: a hall has tens of terminals, and "more" shows the rest if ever.
  const terminals = useInfiniteQuery({
    queryKey: TERMINALS_KEY,
    queryFn: ({ pageParam }) => api.pairingTerminals({ limit: PAGE_LIMIT_MAX, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next,
    refetchInterval: code.data ? 2_000 : 15_000,
  });
  const list = terminals.data?.pages.flatMap((page) => page.terminals);
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeTerminal(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TERMINALS_KEY }),
  });
  // A rating pad belongs to one window: the technician moves it here (its ratings follow at once).
  const hallWindows = useQuery({ queryKey: ['tech', 'windows'], queryFn: api.windows });
  const bind = useMutation({
    mutationFn: ({ id, windowNumber }: { id: string; windowNumber: number }) => api.bindTerminalWindow(id, windowNumber),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TERMINALS_KEY }),
  });
  const time = (iso: string | null) => formatTime(iso, session.timeZone, i18n.language);
  const tls = useQuery({ queryKey: ['tech', 'lan-tls'], queryFn: api.lanTls });
  const expiryText = (terminal: Terminal) => {
    // Judged at the list's own time (refetched every 15 s), so rendering stays pure.
    const state = expiryState(terminal, terminals.dataUpdatedAt);
    if (state === 'expired') return t('tech.terminals.expired');
    return state === 'soon' ? t('tech.terminals.expiresSoon', { when: time(terminal.expiresAt) }) : time(terminal.expiresAt);
  };

  return (
    <section className="tech-screen" aria-labelledby="tech-terminals-title">
      <div className="tech-screen-head">
        <h2 id="tech-terminals-title">{t('tech.terminals.title')}</h2>
        <button type="button" className="console-button" disabled={code.isPending} onClick={() => code.mutate()}>
          {t('tech.terminals.newCode')}
        </button>
      </div>
      <p className="console-muted">{t('tech.terminals.intro')}</p>
      {code.data && (
        <p className="tech-verdict tone-ok" role="status" data-testid="pairing-code">
          {t('tech.terminals.code', { code: code.data.code, until: time(code.data.expiresAt) })}
        </p>
      )}
      {(code.isError || revoke.isError || bind.isError || terminals.isError) && (
        <p className="error" role="alert">
          {session.describeError(code.error ?? revoke.error ?? bind.error ?? terminals.error)}
        </p>
      )}
      <section className="tech-panel" aria-labelledby="tech-terminals-tls" data-testid="lan-tls">
        <h3 id="tech-terminals-tls">{t('tech.terminals.tlsTitle')}</h3>
        {tls.data?.caFingerprint ? (
          <>
            <p className="console-muted">{t('tech.terminals.tlsIntro')}</p>
            <dl className="tech-facts">
              <div className="tech-facts-wide">
                <dt>{t('tech.terminals.tlsFingerprint')}</dt>
                <dd>
                  <code data-testid="lan-ca-fingerprint">{tls.data.caFingerprint}</code>
                </dd>
              </div>
            </dl>
            <a className="console-button" href={operationPath(operations.lanCaCertificate)} download="hall-kiosk-ca.crt">
              {t('tech.terminals.tlsDownload')}
            </a>
          </>
        ) : (
          tls.data && <p className="console-muted">{t('tech.terminals.tlsOff')}</p>
        )}
      </section>
      {list?.length === 0 && <p>{t('tech.terminals.none')}</p>}
      {list !== undefined && list.length > 0 && (
        <table className="tech-table">
          <thead>
            <tr>
              <th scope="col">{t('tech.terminals.name')}</th>
              <th scope="col">{t('tech.terminals.kind')}</th>
              <th scope="col">{t('tech.terminals.window')}</th>
              <th scope="col">{t('tech.terminals.paired')}</th>
              <th scope="col">{t('tech.terminals.seen')}</th>
              <th scope="col">{t('tech.terminals.expires')}</th>
              <th scope="col">{t('tech.terminals.state')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((terminal) => (
              <tr key={terminal.id}>
                <td>{terminal.name}</td>
                <td>{t(`tech.terminals.kinds.${terminal.kind}`)}</td>
                <td data-testid="terminal-window">
                  {terminal.kind === 'evaluator' && !terminal.revokedAt ? (
                    <select
                      aria-label={t('tech.terminals.windowOf', { name: terminal.name })}
                      value={terminal.windowNumber ?? ''}
                      disabled={bind.isPending}
                      onChange={(e) => bind.mutate({ id: terminal.id, windowNumber: Number(e.target.value) })}
                    >
                      {terminal.windowNumber === null && <option value="">{t('tech.terminals.unbound')}</option>}
                      {(hallWindows.data?.windows ?? []).map((w) => (
                        <option key={w.number} value={w.number}>
                          {t('tech.terminals.windowOption', { number: w.number, name: w.name })}
                        </option>
                      ))}
                    </select>
                  ) : terminal.windowNumber !== null ? (
                    t('tech.terminals.windowOption', { number: terminal.windowNumber, name: '' })
                  ) : (
                    ''
                  )}
                </td>
                <td>{time(terminal.pairedAt)}</td>
                <td>{terminal.lastSeenAt ? time(terminal.lastSeenAt) : t('tech.terminals.never')}</td>
                <td data-testid="terminal-expiry">{terminal.revokedAt ? '' : expiryText(terminal)}</td>
                <td>
                  {terminal.revokedAt ? (
                    t('tech.terminals.revoked')
                  ) : (
                    <button
                      type="button"
                      className="console-button danger"
                      disabled={revoke.isPending}
                      onClick={() => {
                        if (window.confirm(t('tech.terminals.confirmRevoke', { name: terminal.name })))
                          revoke.mutate(terminal.id);
                      }}
                    >
                      {t('tech.terminals.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MorePages query={terminals} label={t('tech.terminals.more')} />
    </section>
  );
}
