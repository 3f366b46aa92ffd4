import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceConfig, DeviceKind } from '../../contracts/config';
import type { DiscoveredDevice } from '../../contracts/devices';
import { useApi } from '../api/context';
import { DEVICE_KINDS, type DeviceForm, formFromDiscovery, hex4 } from './device-form';
import { TECH_KEYS, useTechSession } from './session';

/** The configured device already on this port or USB id, if any. */
function configuredOn(found: DiscoveredDevice, configs: readonly DeviceConfig[]): DeviceConfig | undefined {
  return configs.find((c) =>
    found.bus === 'serial'
      ? c.transport.type === 'serial' && c.transport.path === found.path
      : c.transport.type === 'hid' && c.transport.vendorId === found.vendorId && c.transport.productId === found.productId,
  );
}

/** What is plugged into this machine (serial ports, HID devices), each with "add as…". */
export function DiscoveryScreen({ onAdd }: { onAdd: (form: DeviceForm) => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const session = useTechSession();
  const discovery = useQuery({ queryKey: TECH_KEYS.discovery, queryFn: api.discoverDevices });
  const devices = useQuery({ queryKey: TECH_KEYS.devices, queryFn: api.devices });
  const configs = devices.data?.devices.map((d) => d.config) ?? [];
  const taken = new Set(configs.map((c) => c.id));
  const found = discovery.data?.devices ?? [];

  return (
    <section className="tech-screen" aria-labelledby="tech-discover-title">
      <div className="tech-screen-head">
        <h2 id="tech-discover-title">{t('tech.discover.title')}</h2>
        <button type="button" className="console-button" disabled={discovery.isFetching} onClick={() => void discovery.refetch()}>
          {discovery.isFetching ? t('tech.discover.searching') : t('tech.discover.again')}
        </button>
      </div>
      <p className="console-muted">{t('tech.discover.intro')}</p>
      {discovery.isError && (
        <p className="error" role="alert">
          {session.describeError(discovery.error)}
        </p>
      )}
      {discovery.data?.errors.map((e) => (
        <div key={e.bus} className="tech-warning" role="status">
          <p>
            <strong>{t('tech.discover.busError', { bus: t(`tech.discover.buses.${e.bus}`) })}</strong> <code>{e.message}</code>
          </p>
          <p>{t(`tech.discover.busErrorTodo.${e.bus}`)}</p>
        </div>
      ))}
      {discovery.data && found.length === 0 && <p data-testid="tech-discover-none">{t('tech.discover.none')}</p>}
      <ul className="tech-found">
        {found.map((d) => (
          <FoundDevice
            key={d.bus === 'serial' ? `serial:${d.path}` : `hid:${d.vendorId}:${d.productId}:${d.product ?? ''}`}
            found={d}
            usedBy={configuredOn(d, configs)}
            onAdd={(kind) => onAdd(formFromDiscovery(d, kind, taken))}
          />
        ))}
      </ul>
    </section>
  );
}

function FoundDevice({
  found,
  usedBy,
  onAdd,
}: {
  found: DiscoveredDevice;
  usedBy: DeviceConfig | undefined;
  onAdd: (kind: DeviceKind) => void;
}) {
  const { t } = useTranslation();
  // HID devices at a kiosk are mostly scanners; serial ones mostly readers and printers.
  const [kind, setKind] = useState<DeviceKind>(found.bus === 'hid' ? 'scanner' : 'idcard');
  const title = found.bus === 'serial' ? found.path : `${hex4(found.vendorId)}:${hex4(found.productId)}`;
  const slug = title.replace(/[^a-zA-Z0-9]+/g, '-');
  const usb =
    found.bus === 'serial'
      ? found.vendorId && found.productId
        ? `${found.vendorId}:${found.productId}`
        : null
      : `${hex4(found.vendorId)}:${hex4(found.productId)}`;
  const details = [
    t(`tech.discover.buses.${found.bus}`),
    found.manufacturer,
    found.bus === 'hid' ? found.product : undefined,
    usb ? t('tech.discover.usbId', { id: usb }) : undefined,
  ].filter((x): x is string => Boolean(x));

  return (
    <li className="tech-found-item" data-found={title} aria-labelledby={`tech-found-${slug}`}>
      <h3 id={`tech-found-${slug}`}>{title}</h3>
      <p>{details.join(' · ')}</p>
      {usedBy && <p className="console-muted">{t('tech.discover.usedBy', { id: usedBy.id, name: usedBy.name ?? usedBy.id })}</p>}
      <div className="tech-found-add">
        <label htmlFor={`tech-add-as-${slug}`}>{t('tech.discover.addAs')}</label>
        <select id={`tech-add-as-${slug}`} value={kind} onChange={(e) => setKind(e.target.value as DeviceKind)}>
          {DEVICE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`tech.kinds.${k}`)}
            </option>
          ))}
        </select>
        <button type="button" className="console-button" onClick={() => onAdd(kind)}>
          {t('tech.discover.add')}
        </button>
      </div>
    </li>
  );
}
