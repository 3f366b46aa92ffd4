/** A camera as the browser lists it: its id for the moment, its label for good. */
export interface CameraDevice {
  deviceId: string;
  label: string;
}

/** The camera of that label: the same label exactly, else the same ignoring case and spacing. */
export function matchCamera(cameras: readonly CameraDevice[], label: string): CameraDevice | null {
  const plain = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();
  return (
    cameras.find((camera) => camera.label === label) ?? cameras.find((camera) => plain(camera.label) === plain(label)) ?? null
  );
}
