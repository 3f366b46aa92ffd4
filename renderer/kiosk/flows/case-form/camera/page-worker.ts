/**
 * The page worker: OpenCV.js (about 10 MB of script and WebAssembly) is loaded here, off the
 * kiosk's main thread, and only once the capture screen opens, so neither the first paint nor a
 * tap ever waits for it. It straightens a photo to its paper and compresses it within the bound.
 * A photo is a citizen's document: nothing here keeps it after replying, and nothing is logged.
 */
import opencvUrl from '@techstark/opencv-js/dist/opencv.js?url';
import { encodeWithinBudget, type PageSize } from './jpeg-budget';
import { isOpenCv, type OpenCv } from './opencv-api';
import type { PageReply, PageRequest } from './page-messages';
import { straightenPage } from './straighten';

/** The worker's global scope, as much of it as this file uses (the renderer is typed with the DOM lib). */
interface PageWorkerScope {
  importScripts(...urls: string[]): void;
  postMessage(message: PageReply): void;
  onmessage: ((event: MessageEvent<PageRequest>) => void) | null;
  cv?: unknown;
}
const scope = globalThis as unknown as PageWorkerScope;

/**
 * OpenCV, boxed: Emscripten's module is a thenable that resolves to itself, so a promise resolved
 * with it (or an `await` of it) would follow it forever. The box is a plain object.
 */
let openCv: Promise<{ cv: OpenCv }> | null = null;

/** Loads OpenCV once; its WebAssembly starts asynchronously, so wait for its runtime. */
function loadOpenCv(): Promise<{ cv: OpenCv }> {
  openCv ??= new Promise<{ cv: OpenCv }>((resolve, reject) => {
    scope.importScripts(opencvUrl);
    const module = scope.cv;
    if (typeof module !== 'object' || module === null) {
      reject(new Error('OpenCV did not load'));
      return;
    }
    const runtime = module as { onRuntimeInitialized?: () => void };
    runtime.onRuntimeInitialized = () => (isOpenCv(module) ? resolve({ cv: module }) : reject(new Error('OpenCV incomplete')));
    if (isOpenCv(module)) resolve({ cv: module });
  });
  return openCv;
}

function pixelsOf(photo: ImageBitmap): ImageData {
  const canvas = new OffscreenCanvas(photo.width, photo.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.drawImage(photo, 0, 0);
  photo.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

async function compress(image: ImageData): Promise<{ jpeg: Blob; size: PageSize }> {
  const full = new OffscreenCanvas(image.width, image.height);
  full.getContext('2d')?.putImageData(image, 0, 0);
  const encoded = await encodeWithinBudget({ width: image.width, height: image.height }, async (size, quality) => {
    const canvas =
      size.width === image.width && size.height === image.height ? full : new OffscreenCanvas(size.width, size.height);
    if (canvas !== full) {
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.imageSmoothingQuality = 'high';
      context.drawImage(full, 0, 0, size.width, size.height);
    }
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  });
  return { jpeg: encoded.blob, size: encoded.size };
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'warm') {
    loadOpenCv().then(
      () => scope.postMessage({ kind: 'ready' }),
      () => scope.postMessage({ kind: 'failed', id: null }),
    );
    return;
  }
  void (async () => {
    try {
      const { cv } = await loadOpenCv();
      const page = straightenPage(cv, pixelsOf(request.photo));
      const { jpeg, size } = await compress(page.image);
      scope.postMessage({ kind: 'page', id: request.id, jpeg, width: size.width, height: size.height, cropped: page.cropped });
    } catch {
      // Why it failed is not worth a log line that could carry the document: the kiosk offers a retake.
      scope.postMessage({ kind: 'failed', id: request.id });
    }
  })();
};
