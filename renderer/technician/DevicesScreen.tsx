import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import { CameraPanel } from './camera/CameraPanel';
import { DeviceCard } from './DeviceCard';
import { DeviceFormView } from './DeviceFormView';
import { blankForm, type Editing } from './device-form';
import { TECH_KEYS, useTechSession, type LastScan } from './session';

/** Every configured device with its live health (the host's device.status events refetch it). */
export function DevicesScreen({
  editing,
  setEditing,
  lastScans,
}: {
  editing: Editing | null;
  setEditing: (editing: Editing | null) => void;
  lastScans: Record<string, LastScan>;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const session = useTechSession();
  // Health changes arrive as events; the slow poll catches configs another console changed.
  const devices = useQuery({ queryKey: TECH_KEYS.devices, queryFn: api.devices, refetchInterval: 15_000 });
  const [notice, setNotice] = useState<string | null>(null);
  const list = useMemo(() => devices.data?.devices ?? [], [devices.data]);
  const taken = useMemo(() => new Set(list.map((d) => d.config.id)), [list]);

  if (editing) {
    return (
      <DeviceFormView
        editing={editing}
        taken={taken}
        onCancel={() => setEditing(null)}
        onSaved={(id) => {
          setEditing(null);
          setNotice(t('tech.devices.saved', { id }));
        }}
      />
    );
  }

  const ok = list.filter((d) => d.health.state === 'ok').length;
  return (
    <section className="tech-screen" aria-labelledby="tech-devices-title">
      <div className="tech-screen-head">
        <h2 id="tech-devices-title">{t('tech.devices.title')}</h2>
        {devices.data && (
          <p className="tech-summary" data-testid="tech-device-summary">
            {t('tech.devices.summary', { count: list.length, ok })}
          </p>
        )}
        {session.canConfigure && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setNotice(null);
              setEditing({ mode: 'add', form: blankForm('idcard', taken) });
            }}
          >
            {t('tech.devices.add')}
          </button>
        )}
      </div>
      {!session.canConfigure && <p className="console-muted">{t('tech.devices.readOnly')}</p>}
      {notice && (
        <p className="console-notice" role="status">
          {notice}
        </p>
      )}
      {devices.isError && (
        <p className="error" role="alert">
          {session.describeError(devices.error)}
        </p>
      )}
      {devices.isPending && <p>{t('tech.loading')}</p>}
      {devices.data && list.length === 0 && <p>{t('tech.devices.none')}</p>}
      <ul className="tech-devices">
        {list.map((view) => (
          <DeviceCard
            key={view.config.id}
            view={view}
            lastScan={lastScans[view.config.id]}
            onEdit={() => {
              setNotice(null);
              setEditing({ mode: 'edit', config: view.config });
            }}
            onRemoved={() => setNotice(t('tech.devices.removed', { id: view.config.id }))}
          />
        ))}
      </ul>
      <CameraPanel />
    </section>
  );
}
