import { SerialPort } from 'serialport';
import { errorMessage } from './types';

export interface SerialCandidate {
  bus: 'serial';
  path: string;
  manufacturer?: string;
  vendorId?: string;
  productId?: string;
}

export interface HidCandidate {
  bus: 'hid';
  vendorId: number;
  productId: number;
  product?: string;
  manufacturer?: string;
}

export interface Discovery {
  devices: (SerialCandidate | HidCandidate)[];
  errors: { bus: 'serial' | 'hid'; message: string }[];
}

/**
 * Lists what is plugged into this machine: serial ports (USB-serial readers,
 * keypad adapters, printers) and HID devices. A bus that cannot be listed (no
 * libusb, no permission) is reported, not thrown, so the other still shows.
 */
export async function discoverDevices(): Promise<Discovery> {
  const result: Discovery = { devices: [], errors: [] };
  try {
    for (const port of await SerialPort.list()) {
      result.devices.push({
        bus: 'serial',
        path: port.path,
        ...(port.manufacturer ? { manufacturer: port.manufacturer } : {}),
        ...(port.vendorId ? { vendorId: port.vendorId } : {}),
        ...(port.productId ? { productId: port.productId } : {}),
      });
    }
  } catch (error) {
    result.errors.push({ bus: 'serial', message: errorMessage(error) });
  }
  try {
    // Loaded on demand: node-hid's native module needs libusb/hidraw at load time.
    const hid = await import('node-hid');
    for (const device of await hid.devicesAsync()) {
      result.devices.push({
        bus: 'hid',
        vendorId: device.vendorId,
        productId: device.productId,
        ...(device.product ? { product: device.product } : {}),
        ...(device.manufacturer ? { manufacturer: device.manufacturer } : {}),
      });
    }
  } catch (error) {
    result.errors.push({ bus: 'hid', message: errorMessage(error) });
  }
  return result;
}
