import { DeviceConfig } from '../config';
import { ConfigExport, ConfigExportFile, ImportQuery, ImportResult } from '../config-transfer';
import {
  DeviceIdParams,
  DeviceList,
  DeviceTestRequest,
  DeviceTestResult,
  DiscoveryResult,
  PrintPreviewList,
  PrintPreviewQuery,
} from '../devices';
import { HallInfo, HallSettings } from '../hall-settings';
import { LogList, LogQuery } from '../logs';
import { SyncStatus } from '../sync';
import { access, defineOperations, errorReplies, fileReply } from './operation';

const technician = access.staff(['technician']);
/** Supervisors may look at what technicians change. */
const viewers = access.staff(['technician', 'supervisor']);
const deviceErrors = errorReplies(400, 401, 403, 404, 409);
const signedIn = errorReplies(400, 401, 403);

/** The technician console: devices, hall settings, configuration export/import, sync, logs, diagnostics. */
export const consoleOperations = defineOperations({
  devices: {
    method: 'GET',
    path: '/devices',
    tags: ['devices'],
    access: viewers,
    responses: { 200: DeviceList, ...deviceErrors },
  },
  /** SerialPort.list() and HID. */
  discoverDevices: {
    method: 'GET',
    path: '/devices/discover',
    tags: ['devices'],
    access: technician,
    responses: { 200: DiscoveryResult, ...deviceErrors },
  },
  saveDevice: {
    method: 'PUT',
    path: '/devices/:id',
    tags: ['devices'],
    access: technician,
    params: DeviceIdParams,
    body: DeviceConfig,
    responses: { 200: DeviceList, ...deviceErrors },
  },
  removeDevice: {
    method: 'DELETE',
    path: '/devices/:id',
    tags: ['devices'],
    access: technician,
    params: DeviceIdParams,
    responses: { 200: DeviceList, ...deviceErrors },
  },
  testDevice: {
    method: 'POST',
    path: '/devices/:id/test',
    tags: ['devices'],
    access: technician,
    params: DeviceIdParams,
    body: DeviceTestRequest,
    responses: { 200: DeviceTestResult, ...deviceErrors },
  },
  /** The virtual printer's last pages. */
  devicePreview: {
    method: 'GET',
    path: '/devices/:id/preview',
    tags: ['devices'],
    access: viewers,
    params: DeviceIdParams,
    query: PrintPreviewQuery,
    responses: { 200: PrintPreviewList, ...deviceErrors },
  },

  /** What waits for the central API and why. */
  syncStatus: {
    method: 'GET',
    path: '/sync/status',
    tags: ['sync'],
    access: viewers,
    responses: { 200: SyncStatus, ...errorReplies(401, 403) },
  },
  /** The host's recent log lines (memory only, masked). */
  logs: {
    method: 'GET',
    path: '/logs',
    tags: ['logs'],
    access: viewers,
    query: LogQuery,
    responses: { 200: LogList, ...signedIn },
  },
  /** The diagnostics bundle (zip); every download is audited. */
  diagnostics: {
    method: 'GET',
    path: '/diagnostics',
    tags: ['diagnostics'],
    access: technician,
    responses: {
      200: fileReply(
        'The diagnostics bundle (zip): host facts, masked logs, audit tail, devices, sync, database checks.',
        'application/zip',
      ),
      ...errorReplies(401, 403),
    },
  },

  /** The little every screen needs before anyone signs in (a secondary kiosk follows its hall's). */
  hallInfo: {
    method: 'GET',
    path: '/hall/info',
    tags: ['settings'],
    access: access.board,
    responses: { 200: HallInfo },
    secondary: 'relay',
  },
  hallSettings: {
    method: 'GET',
    path: '/hall/settings',
    tags: ['settings'],
    access: viewers,
    responses: { 200: HallSettings, ...signedIn },
  },
  /** The whole document, applied live, audited. */
  saveHallSettings: {
    method: 'PUT',
    path: '/hall/settings',
    tags: ['settings'],
    access: technician,
    body: HallSettings,
    responses: { 200: HallSettings, ...signedIn },
  },
  /** A download: `hall-kiosk-config-<hallId>-<date>.json`, without PIN hashes, tokens or secrets. */
  exportConfig: {
    method: 'GET',
    path: '/config/export',
    tags: ['settings'],
    access: technician,
    responses: { 200: ConfigExportFile, ...signedIn },
  },
  /** A dry run unless `dryRun=false`. */
  importConfig: {
    method: 'POST',
    path: '/config/import',
    tags: ['settings'],
    access: technician,
    query: ImportQuery,
    body: ConfigExport,
    responses: { 200: ImportResult, ...signedIn },
  },
});
