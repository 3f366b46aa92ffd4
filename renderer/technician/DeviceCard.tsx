import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceConfig } from '../../contracts/config';
import type { DeviceView } from '../../contracts/devices';
import type { DeviceState } from '../../contracts/health';
import { useApi } from '../api/context';
import { DeviceTests } from './DeviceTests';
import { hex4 } from './device-form';
import { PrintPreview } from './PrintPreview';
import { TECH_KEYS, useTechSession, type LastScan } from './session';

/** How urgent a state is: the colour of its badge and card edge. */
export type Tone = 'ok' | 'warn' | 'bad' | 'off';

export function toneOf(state: DeviceState): Tone {
  switch (state) {
    case 'ok':
      return 'ok';
    case 'starting':
    case 'paper-near-end':
      return 'warn';
    case 'disabled':
      return 'off';
    default:
      return 'bad';
  }
}

/** The transport as a technician reads it: 模拟设备, 串口 /dev/ttyUSB0 · 115200, USB HID 0x1a86:0x7523. */
export function useTransportText(): (config: DeviceConfig) => string {
  const { t } = useTranslation();
  return (config) => {
    const tr = config.transport;
    if (tr.type === 'simulated') return t('tech.transport.simulated');
    if (tr.type === 'serial') return t('tech.transport.serial', { path: tr.path, baud: tr.baudRate });
    return t('tech.transport.hid', { vendor: hex4(tr.vendorId), product: hex4(tr.productId) });
  };
}

/** One device: what it is, how it is doing in plain words and what to do about it; tests, edit, remove. */
export function DeviceCard({
  view,
  lastScan,
  onEdit,
  onRemoved,
}: {
  view: DeviceView;
  lastScan: LastScan | undefined;
  onEdit: () => void;
  onRemoved: () => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const session = useTechSession();
  const queryClient = useQueryClient();
  const transportText = useTransportText();
  const { config, health } = view;
  const tone = toneOf(health.state);
  const [confirming, setConfirming] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const titleId = `tech-device-${config.id}`;
  const name = config.name ?? config.id;

  const remove = async () => {
    setRemoveError(null);
    try {
      queryClient.setQueryData(TECH_KEYS.devices, await api.removeDevice(config.id));
      onRemoved();
    } catch (error) {
      setRemoveError(session.failed(error));
    }
  };

  return (
    <li className={`tech-device tone-${tone}`} data-device={config.id} data-state={health.state} aria-labelledby={titleId}>
      <div className="tech-device-head">
        <h3 id={titleId}>{name}</h3>
        <span className={`tech-state tone-${tone}`} data-testid="tech-device-state">
          {t(`tech.states.${health.state}.label`)}
        </span>
      </div>
      <dl className="tech-facts">
        <div>
          <dt>{t('tech.devices.id')}</dt>
          <dd>{config.id}</dd>
        </div>
        <div>
          <dt>{t('tech.devices.kind')}</dt>
          <dd>{t(`tech.kinds.${config.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('tech.devices.transport')}</dt>
          <dd>{transportText(config)}</dd>
        </div>
        <div>
          <dt>{t('tech.devices.errorCount')}</dt>
          <dd data-testid="tech-error-count">{health.errorCount}</dd>
        </div>
        {health.lastError && (
          <div className="tech-facts-wide">
            <dt>{t('tech.devices.lastError')}</dt>
            <dd>
              <code>{health.lastError}</code>
            </dd>
          </div>
        )}
      </dl>
      <div className="tech-explain" data-testid="tech-device-explain">
        <p>{t(`tech.states.${health.state}.explain`)}</p>
        <p>
          <strong>{t('tech.devices.todo')}</strong>
          {t(`tech.states.${health.state}.todo`)}
        </p>
      </div>
      {session.canConfigure && (
        <DeviceTests config={config} health={health} lastScan={lastScan} onPrinted={() => setPreviewOpen(true)} />
      )}
      <div className="tech-device-actions">
        {config.kind === 'printer' && (
          <button type="button" className="console-button" aria-expanded={previewOpen} onClick={() => setPreviewOpen((o) => !o)}>
            {previewOpen ? t('tech.preview.hide') : t('tech.preview.show')}
          </button>
        )}
        {session.canConfigure && (
          <button type="button" className="console-button" onClick={onEdit}>
            {t('tech.devices.edit')}
          </button>
        )}
        {session.canConfigure && !confirming && (
          <button type="button" className="console-button danger" onClick={() => setConfirming(true)}>
            {t('tech.devices.remove')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="tech-confirm" role="group" aria-label={t('tech.devices.remove')}>
          <p>{t('tech.devices.confirmRemove', { name })}</p>
          <button type="button" className="console-button danger" onClick={() => void remove()}>
            {t('tech.devices.confirmRemoveYes')}
          </button>
          <button type="button" className="console-button" onClick={() => setConfirming(false)}>
            {t('tech.cancel')}
          </button>
          {removeError && (
            <p className="error" role="alert">
              {removeError}
            </p>
          )}
        </div>
      )}
      {previewOpen && config.kind === 'printer' && (
        <PrintPreview deviceId={config.id} paperWidth={config.options.printer?.paperWidth ?? 80} simulated={health.simulated} />
      )}
    </li>
  );
}
