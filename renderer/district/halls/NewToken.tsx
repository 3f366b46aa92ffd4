import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CREDENTIAL_ROTATION_OVERLAP_HOURS, type HallCredential, type IssuedCredential } from '../../../contracts/platform-halls';
import { formatDateTime } from '../session';

/**
 * A credential's token, the one time the platform gives it out (it keeps only a hash): in a
 * read-only field that selects itself, ready to copy, until the admin closes the panel. The
 * token lives in this panel's props only; closing it, or leaving the screen, drops it.
 * `previous`: the credential a rotation replaced, still accepted for the overlap.
 */
export function NewToken({
  hall,
  issued,
  previous,
  onDone,
}: {
  hall: string;
  issued: IssuedCredential;
  previous?: HallCredential;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const fieldId = `dst-token-${issued.credentialId}`;
  // Focus lands on the token, selected: a keyboard user copies it with one keystroke.
  useEffect(() => {
    field.current?.focus();
  }, []);
  return (
    <section className="dst-panel dst-secret" aria-labelledby="dst-token-title" data-testid="dst-token">
      <h4 id="dst-token-title">{t('dstHalls.token.title')}</h4>
      <p>
        {previous
          ? t('dstHalls.token.rotated', { hall, credentialId: issued.credentialId })
          : t('dstHalls.token.issued', { hall, credentialId: issued.credentialId })}
      </p>
      <label htmlFor={fieldId}>{t('dstHalls.token.field')}</label>
      <input
        id={fieldId}
        ref={field}
        className="dst-token"
        readOnly
        value={issued.token}
        spellCheck={false}
        autoComplete="off"
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="dst-token-warning">{t('dstHalls.token.help')}</p>
      {previous && (
        <p>
          {t('dstHalls.token.overlap', {
            credentialId: previous.credentialId,
            hours: CREDENTIAL_ROTATION_OVERLAP_HOURS,
            time: formatDateTime(previous.expiresAt, i18n.language),
          })}
        </p>
      )}
      <div className="console-actions">
        <button type="button" className="console-button console-primary" onClick={onDone}>
          {t('dstHalls.token.done')}
        </button>
      </div>
    </section>
  );
}
