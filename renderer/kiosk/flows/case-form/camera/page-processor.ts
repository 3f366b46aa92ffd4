import type { PageReply, PageRequest, ProcessedPage } from './page-messages';

/**
 * The capture screen's handle on the page worker: one worker per capture screen, started (and
 * OpenCV loading) when the screen opens, terminated when it closes, which frees OpenCV's memory
 * and whatever photo it held.
 */
export class PageProcessor {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (page: ProcessedPage) => void; reject: (error: Error) => void }>();

  constructor() {
    // A classic worker (Vite bundles it as one file): OpenCV.js is loaded in it with importScripts.
    this.worker = new Worker(new URL('./page-worker.ts', import.meta.url));
    this.worker.onmessage = (event: MessageEvent<PageReply>) => this.settle(event.data);
    this.worker.onerror = () => this.failAll();
    this.send({ kind: 'warm' });
  }

  /** Straightens and compresses one photo; the bitmap is handed over (no copy stays here). */
  process(photo: ImageBitmap): Promise<ProcessedPage> {
    const id = this.nextId++;
    return new Promise<ProcessedPage>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ kind: 'page', id, photo } satisfies PageRequest, [photo]);
    });
  }

  dispose(): void {
    this.worker.terminate();
    this.failAll();
  }

  private send(request: PageRequest): void {
    this.worker.postMessage(request);
  }

  private settle(reply: PageReply): void {
    if (reply.kind === 'ready') return;
    if (reply.id === null) return;
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (reply.kind === 'failed') waiter.reject(new Error('page_failed'));
    else waiter.resolve({ jpeg: reply.jpeg, width: reply.width, height: reply.height, cropped: reply.cropped });
  }

  private failAll(): void {
    for (const waiter of this.waiting.values()) waiter.reject(new Error('page_failed'));
    this.waiting.clear();
  }
}
