import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { useTechSession } from '../session';
import { saveFile } from './save-file';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; file: string } | { kind: 'failed'; message: string };

/** "下载诊断包": technicians download the host's diagnostics zip; supervisors are told it is not theirs. */
export function DiagnosticsDownload() {
  const api = useApi();
  const { t } = useTranslation();
  const session = useTechSession();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const download = async () => {
    setState({ kind: 'working' });
    try {
      const { blob, fileName } = await api.diagnosticsBundle();
      saveFile(blob, fileName);
      setState({ kind: 'done', file: fileName });
    } catch (error) {
      setState({ kind: 'failed', message: session.failed(error) });
    }
  };

  return (
    <section className="tech-logs-download" aria-labelledby="tech-logs-download-title">
      <h3 id="tech-logs-download-title">{t('techLogs.download.title')}</h3>
      <p className="console-muted">{t('techLogs.download.intro')}</p>
      {session.canConfigure ? (
        <button
          type="button"
          className="console-button"
          data-testid="tech-logs-download"
          disabled={state.kind === 'working'}
          onClick={() => void download()}
        >
          {state.kind === 'working' ? t('techLogs.download.working') : t('techLogs.download.button')}
        </button>
      ) : (
        <p data-testid="tech-logs-download-read-only">{t('techLogs.download.readOnly')}</p>
      )}
      <p role="status" data-testid="tech-logs-download-status">
        {state.kind === 'done' ? t('techLogs.download.done', { file: state.file }) : ''}
      </p>
      {state.kind === 'failed' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
