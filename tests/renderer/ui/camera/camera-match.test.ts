import { describe, expect, it } from 'vitest';
import { matchCamera } from '../../../../renderer/ui/camera/camera-match';

describe('the document camera is found by its label, not its deviceId', () => {
  const cameras = [
    { deviceId: 'a1', label: 'Integrated Webcam (0bda:58f4)' },
    { deviceId: 'b2', label: 'USB Document Camera (1bcf:2c99)' },
  ];

  it('after a reboot gave the cameras new ids', () => {
    expect(matchCamera(cameras, 'USB Document Camera (1bcf:2c99)')?.deviceId).toBe('b2');
    const rebooted = cameras.map((camera, i) => ({ ...camera, deviceId: `new-${i}` }));
    expect(matchCamera(rebooted, 'USB Document Camera (1bcf:2c99)')?.deviceId).toBe('new-1');
  });

  it('ignoring case and spacing a driver update may change, and not at all when it is unplugged', () => {
    expect(matchCamera(cameras, ' usb document  camera (1BCF:2C99)')?.deviceId).toBe('b2');
    expect(matchCamera(cameras.slice(0, 1), 'USB Document Camera (1bcf:2c99)')).toBeNull();
  });
});
