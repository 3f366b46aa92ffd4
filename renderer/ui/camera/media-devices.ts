/**
 * Cameras as the browser sees them (`videoinput` media devices), for the kiosk's document camera
 * and the technician console that chooses it. A camera is known by its label (the OS's name for
 * it); deviceIds change between boots and browser profiles, so they are used only for the moment.
 */

import { matchCamera, type CameraDevice } from './camera-match';

export type { CameraDevice } from './camera-match';
export { matchCamera } from './camera-match';

/** Why no camera picture: none plugged in, the browser (or the kiosk shell) refused, or the chosen one is missing. */
export type CameraProblem = 'no_camera' | 'denied' | 'not_found' | 'unavailable';

export class CameraError extends Error {
  override readonly name = 'CameraError';
  constructor(readonly problem: CameraProblem) {
    super(problem);
  }
}

function mediaDevices(): MediaDevices {
  // An insecure origin (a LAN browser over http) or an old engine has none.
  if (typeof navigator === 'undefined' || !('mediaDevices' in navigator)) throw new CameraError('unavailable');
  return navigator.mediaDevices;
}

function problemOf(error: unknown): CameraProblem {
  if (error instanceof CameraError) return error.problem;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no_camera';
  return 'unavailable';
}

/**
 * The cameras plugged in, with their labels. Browsers hide labels until the page may use a
 * camera, so when they are hidden the camera is opened for a moment (and closed at once) to ask.
 */
export async function listCameras(): Promise<CameraDevice[]> {
  try {
    const devices = mediaDevices();
    let cameras = (await devices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    if (cameras.length === 0) throw new CameraError('no_camera');
    if (cameras.some((camera) => camera.label === '')) {
      const probe = await devices.getUserMedia({ video: true, audio: false });
      for (const track of probe.getTracks()) track.stop();
      cameras = (await devices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    }
    return cameras.map((camera) => ({ deviceId: camera.deviceId, label: camera.label }));
  } catch (error) {
    throw new CameraError(problemOf(error));
  }
}

/**
 * Opens the camera of that label at its best resolution for paper (a document camera gives 5 MP
 * or more; the browser picks the nearest it has). Video only: the kiosk never listens.
 */
export async function openCamera(label: string): Promise<MediaStream> {
  const camera = matchCamera(await listCameras(), label);
  if (!camera) throw new CameraError('not_found');
  try {
    return await mediaDevices().getUserMedia({
      audio: false,
      video: { deviceId: { exact: camera.deviceId }, width: { ideal: 2592 }, height: { ideal: 1944 } },
    });
  } catch (error) {
    throw new CameraError(problemOf(error));
  }
}

/** Stops every track: the camera's light goes out and no frame is kept. */
export function closeStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
