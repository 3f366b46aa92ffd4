import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MINXIN_FIELDS, MinxinFileError, type MinxinFileKind, type MinxinRefusedRow } from '../../../contracts/minxin';
import { minxinFileKindOf, type MinxinImportResult } from '../../../contracts/platform-minxin-api';
import { saveFile } from '../../technician/logs/save-file';
import { DistrictClientError } from '../district-client';
import { DISTRICT_KEYS, formatDateTime, useDistrictClient, useDistrictSession } from '../session';

const PENDING_KEY = [...DISTRICT_KEYS.all, 'minxin-replies'] as const;
const HEADER_OF = new Map(MINXIN_FIELDS.map((f) => [f.key, f.header]));
const EXPORT_FORMATS: readonly { format: MinxinFileKind; label: string }[] = [
  { format: 'xlsx', label: 'Excel' },
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
];

/** A refused row's faults in words: 联系电话：未填写; 民心网编号：与第 3 行编号重复. */
function RowFaults({ row }: { row: MinxinRefusedRow }) {
  const { t } = useTranslation();
  return (
    <ul className="dst-faults">
      {row.errors.map((e) => (
        <li key={`${e.field}-${e.code}`}>
          {t('dstIntake.minxin.fieldError', {
            field: HEADER_OF.get(e.field) ?? e.field,
            problem: t(`dstIntake.minxin.fieldErrors.${e.code}`, { otherLine: e.otherLine ?? '' }),
          })}
        </li>
      ))}
    </ul>
  );
}

/** What an import did: the rows registered (each a click from its page), the repeats, the refused rows with every reason. */
function ImportReport({ result, onOpen }: { result: MinxinImportResult; onOpen: (number: string) => void }) {
  const { t } = useTranslation();
  const open = (number: string) => (
    <button
      type="button"
      className="console-button"
      onClick={() => onOpen(number)}
      aria-label={t('dstIntake.minxin.open', { number })}
    >
      {number}
    </button>
  );
  return (
    <div className="dst-import-report" data-testid="dst-minxin-report">
      <p role="status" className="console-done">
        {t('dstIntake.minxin.summary', {
          imported: result.imported.length,
          already: result.alreadyImported.length,
          refused: result.refused.length,
        })}
        {result.batchId !== null && ` ${t('dstIntake.minxin.batch', { batchId: result.batchId })}`}
      </p>
      {result.imported.length > 0 && (
        <table className="console-table" data-testid="dst-minxin-imported">
          <caption>{t('dstIntake.minxin.importedTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dstIntake.minxin.line')}</th>
              <th scope="col">{t('dstIntake.minxin.ref')}</th>
              <th scope="col">{t('dstIntake.minxin.number')}</th>
              <th scope="col">{t('dstIntake.minxin.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {result.imported.map((row) => (
              <tr key={row.externalRef} data-ref={row.externalRef}>
                <td>{row.line}</td>
                <td>{row.externalRef}</td>
                <td>{open(row.number)}</td>
                <td>
                  {[
                    ...row.warnings.map((w) => w.message),
                    ...(row.duplicates.length === 0
                      ? []
                      : [t('dstIntake.minxin.maybeDuplicate', { numbers: row.duplicates.map((d) => d.number).join('、') })]),
                  ].join('；')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.alreadyImported.length > 0 && (
        <table className="console-table" data-testid="dst-minxin-already">
          <caption>{t('dstIntake.minxin.alreadyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dstIntake.minxin.line')}</th>
              <th scope="col">{t('dstIntake.minxin.ref')}</th>
              <th scope="col">{t('dstIntake.minxin.number')}</th>
            </tr>
          </thead>
          <tbody>
            {result.alreadyImported.map((row) => (
              <tr key={row.externalRef} data-ref={row.externalRef}>
                <td>{row.line}</td>
                <td>{row.externalRef}</td>
                <td>{open(row.number)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.refused.length > 0 && (
        <table className="console-table" data-testid="dst-minxin-refused">
          <caption>{t('dstIntake.minxin.refusedTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dstIntake.minxin.line')}</th>
              <th scope="col">{t('dstIntake.minxin.ref')}</th>
              <th scope="col">{t('dstIntake.minxin.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {result.refused.map((row) => (
              <tr key={row.row} data-line={row.line}>
                <td>{row.line}</td>
                <td>{row.externalRef ?? '—'}</td>
                <td>
                  <RowFaults row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Why the platform refused a whole file, in words; null when the error is not that. */
function useFileRefusal(error: unknown): string | null {
  const { t } = useTranslation();
  if (!(error instanceof DistrictClientError) || error.code !== 'minxin_file_refused') return null;
  const details = MinxinFileError.safeParse(error.details);
  if (!details.success) return t('dstIntake.minxin.fileRefused', { reason: error.message });
  const reason = t(`dstIntake.minxin.fileErrors.${details.data.code}`, { missing: details.data.missing.join('、') });
  return t('dstIntake.minxin.fileRefused', { reason });
}

/**
 * 民心网: the intake operator imports the batch downloaded from 民心网's back office and reads,
 * row by row, what was registered, what was imported before and what was refused and why; then
 * exports the replies waiting to go back, in the layout 民心网 takes.
 */
export function MinxinPanel({ onOpen, onClose }: { onOpen: (number: string) => void; onClose: () => void }) {
  const client = useDistrictClient();
  const session = useDistrictSession();
  const queryClient = useQueryClient();
  const { t, i18n } = useTranslation();
  const fileId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const [exported, setExported] = useState<string | null>(null);

  const imports = useMutation({
    mutationFn: ({ file, kind }: { file: File; kind: MinxinFileKind }) => client.importMinxinBatch(file, kind),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...DISTRICT_KEYS.all, 'complaints'] }),
  });
  const pending = useQuery({ queryKey: PENDING_KEY, queryFn: () => client.pendingMinxinReplies() });
  const exports = useMutation({
    mutationFn: (format: MinxinFileKind) => client.exportMinxinReplies({ format, scope: all ? 'all' : 'pending' }),
    onSuccess: (file) => {
      saveFile(file.blob, file.name);
      setExported(t('dstIntake.minxin.exported', { count: file.count, name: file.name }));
      void queryClient.invalidateQueries({ queryKey: PENDING_KEY });
    },
  });
  const fileRefusal = useFileRefusal(imports.error);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (file === undefined) return setChoice(t('dstIntake.minxin.pickFile'));
    const kind = minxinFileKindOf(file.name);
    if (kind === null) return setChoice(t('dstIntake.minxin.wrongKind'));
    setChoice(null);
    imports.mutate({ file, kind });
  };

  const count = pending.data?.replies.length ?? 0;
  return (
    <aside className="dst-panel dst-detail dst-intake" aria-labelledby="dst-minxin-title" data-testid="dst-minxin">
      <div className="dst-panel-head">
        <h3 id="dst-minxin-title">{t('dstIntake.minxin.title')}</h3>
        <button type="button" className="console-button" onClick={onClose}>
          {t('dstIntake.close')}
        </button>
      </div>

      <h4>{t('dstIntake.minxin.importTitle')}</h4>
      <p className="console-muted">{t('dstIntake.minxin.importHint')}</p>
      <form className="dst-form console-fields" onSubmit={submit} aria-label={t('dstIntake.minxin.importTitle')}>
        <label htmlFor={fileId}>{t('dstIntake.minxin.file')}</label>
        <input ref={fileInput} id={fileId} name="file" type="file" accept=".xlsx,.csv,.txt,.json" />
        {(choice ?? fileRefusal) !== null && (
          <p className="error" role="alert">
            {choice ?? fileRefusal}
          </p>
        )}
        {imports.error && fileRefusal === null && (
          <p className="error" role="alert">
            {session.describeError(imports.error)}
          </p>
        )}
        <div className="console-actions">
          <button type="submit" className="console-button console-primary" disabled={imports.isPending}>
            {t(imports.isPending ? 'dstIntake.minxin.importing' : 'dstIntake.minxin.import')}
          </button>
        </div>
      </form>
      {imports.data && <ImportReport result={imports.data} onOpen={onOpen} />}

      <h4>{t('dstIntake.minxin.exportTitle')}</h4>
      <p data-testid="dst-minxin-pending">
        {count === 0 ? t('dstIntake.minxin.nonePending') : t('dstIntake.minxin.pending', { count })}{' '}
        {pending.data &&
          (pending.data.lastExportAt === null
            ? t('dstIntake.minxin.neverExported')
            : t('dstIntake.minxin.lastExport', { at: formatDateTime(pending.data.lastExportAt, i18n.language) }))}
      </p>
      <label className="dst-check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
        {t('dstIntake.minxin.all')}
      </label>
      <div className="console-actions">
        {EXPORT_FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="console-button"
            disabled={exports.isPending || (count === 0 && !all)}
            onClick={() => exports.mutate(format)}
          >
            {t('dstIntake.minxin.exportAs', { format: label })}
          </button>
        ))}
      </div>
      {exported && (
        <p className="console-done" role="status">
          {exported}
        </p>
      )}
      {(exports.error ?? pending.error) && (
        <p className="error" role="alert">
          {session.describeError(exports.error ?? pending.error)}
        </p>
      )}
    </aside>
  );
}
