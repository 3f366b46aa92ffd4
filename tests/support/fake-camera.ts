import { join } from 'node:path';
import { repoRoot } from './test-host';

/**
 * Chromium's fake capture device fed from a synthetic photo of a form under a document camera
 * (tests/fixtures/document-camera/, made by its make-photo.mjs): the only camera the browser
 * lists, at 1600×1200, its label the file's path; permission is granted without a prompt.
 * A stand-in for the hall's UVC document camera, which no test machine has.
 */
export const FAKE_CAMERA_FILE = join(repoRoot, 'tests/fixtures/document-camera/synthetic-form-photo.mjpeg');

/** The fake camera's label, as `MediaDeviceInfo.label` gives it (what the technician chooses). */
export const FAKE_CAMERA_LABEL = FAKE_CAMERA_FILE;

export const FAKE_CAMERA_ARGS: readonly string[] = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${FAKE_CAMERA_FILE}`,
];
