import { CameraChoice, CameraChoiceView } from '../camera';
import { access, defineOperations, errorReplies } from './operation';

/**
 * The kiosk's document camera (contracts/camera.ts). Reading is open to this machine's pages and
 * the counter PCs, as the terminal settings are (the kiosk needs it before anyone signs in; a
 * camera's name is no secret); choosing it is a technician's, as every other device setting.
 * A secondary kiosk answers both itself: the camera is its own.
 */
export const cameraOperations = defineOperations({
  cameraChoice: {
    method: 'GET',
    path: '/terminal/camera',
    tags: ['devices'],
    access: access.desk,
    responses: { 200: CameraChoiceView },
  },
  saveCameraChoice: {
    method: 'PUT',
    path: '/terminal/camera',
    tags: ['devices'],
    access: access.staff(['technician']),
    body: CameraChoice,
    responses: { 200: CameraChoiceView, ...errorReplies(400, 401, 403) },
  },
});
