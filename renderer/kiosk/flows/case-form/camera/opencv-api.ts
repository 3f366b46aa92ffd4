/**
 * The part of OpenCV.js (`@techstark/opencv-js`) the page straightener uses, typed here: the
 * package's own typings describe all of OpenCV, this is what the worker may rely on. Every Mat is
 * WebAssembly memory and must be `delete()`d.
 */
export interface CvMat {
  readonly rows: number;
  readonly cols: number;
  readonly data: Uint8Array;
  readonly data32S: Int32Array;
  delete(): void;
}

export interface CvMatVector {
  size(): number;
  get(index: number): CvMat;
  delete(): void;
}

export interface CvSize {
  width: number;
  height: number;
}

export interface OpenCv {
  Mat: new () => CvMat;
  MatVector: new () => CvMatVector;
  Size: new (width: number, height: number) => CvSize;
  Point: new (x: number, y: number) => { x: number; y: number };
  Scalar: new (...values: number[]) => unknown;
  matFromImageData(image: ImageData): CvMat;
  matFromArray(rows: number, cols: number, type: number, values: number[]): CvMat;
  getStructuringElement(shape: number, size: CvSize): CvMat;
  cvtColor(src: CvMat, dst: CvMat, code: number): void;
  resize(src: CvMat, dst: CvMat, size: CvSize, fx: number, fy: number, interpolation: number): void;
  GaussianBlur(src: CvMat, dst: CvMat, size: CvSize, sigma: number): void;
  threshold(src: CvMat, dst: CvMat, thresh: number, max: number, type: number): number;
  Canny(src: CvMat, dst: CvMat, low: number, high: number): void;
  morphologyEx(src: CvMat, dst: CvMat, op: number, kernel: CvMat): void;
  dilate(src: CvMat, dst: CvMat, kernel: CvMat): void;
  findContours(src: CvMat, contours: CvMatVector, hierarchy: CvMat, mode: number, method: number): void;
  contourArea(contour: CvMat): number;
  arcLength(contour: CvMat, closed: boolean): number;
  approxPolyDP(contour: CvMat, out: CvMat, epsilon: number, closed: boolean): void;
  convexHull(contour: CvMat, out: CvMat, clockwise: boolean, returnPoints: boolean): void;
  getPerspectiveTransform(src: CvMat, dst: CvMat): CvMat;
  warpPerspective(src: CvMat, dst: CvMat, transform: CvMat, size: CvSize, flags: number, border: number, value: unknown): void;
  COLOR_RGBA2GRAY: number;
  INTER_AREA: number;
  INTER_LINEAR: number;
  THRESH_BINARY: number;
  THRESH_OTSU: number;
  MORPH_RECT: number;
  MORPH_CLOSE: number;
  RETR_EXTERNAL: number;
  CHAIN_APPROX_SIMPLE: number;
  CV_32FC2: number;
  BORDER_CONSTANT: number;
}

/** Whether the loaded script's global is OpenCV with the calls above (checked before first use). */
export function isOpenCv(value: unknown): value is OpenCv {
  if (typeof value !== 'object' || value === null) return false;
  const cv = value as Record<string, unknown>;
  return ['Mat', 'MatVector', 'findContours', 'warpPerspective', 'getPerspectiveTransform', 'matFromImageData'].every(
    (name) => typeof cv[name] === 'function',
  );
}
