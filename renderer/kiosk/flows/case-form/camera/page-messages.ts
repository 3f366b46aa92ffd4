/** What the kiosk page and the page worker (page-worker.ts) say to each other. */

/** `warm`: load OpenCV now (the capture screen opened); `page`: straighten and compress one photo. */
export type PageRequest = { kind: 'warm' } | { kind: 'page'; id: number; photo: ImageBitmap };

export interface ProcessedPage {
  /** The page as JPEG, within the size bound (jpeg-budget.ts). */
  jpeg: Blob;
  width: number;
  height: number;
  /** False: the paper's edges were not found and the whole picture was kept. */
  cropped: boolean;
}

export type PageReply =
  | { kind: 'ready' }
  | ({ kind: 'page'; id: number } & ProcessedPage)
  /** OpenCV did not load, or the photo could not be read: the kiosk offers to retake or go on without. */
  | { kind: 'failed'; id: number | null };
