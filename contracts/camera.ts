/**
 * This kiosk's document camera (高拍仪): a UVC camera the browser enumerates as a `videoinput`.
 * The technician chooses it by its label (the name the OS gives it, e.g. "USB Document Camera"),
 * never by the browser's deviceId, which changes between boots and browser profiles.
 * No camera chosen: the kiosk's materials step is the tick list, as in a hall without one.
 */
import { z } from 'zod';

/** A camera's label as `MediaDeviceInfo.label` gives it. */
export const CameraLabel = z.string().trim().min(1).max(200);

export const CameraChoice = z.object({
  /** The chosen camera's label; null: this kiosk has no document camera. */
  label: CameraLabel.nullable().default(null),
});
export type CameraChoice = z.infer<typeof CameraChoice>;
export type CameraChoiceInput = z.input<typeof CameraChoice>;

/** The stored choice as the API returns it. */
export const CameraChoiceView = z.object({ label: z.string().nullable() });
export type CameraChoiceView = z.infer<typeof CameraChoiceView>;
