import type { CapturedPage } from './captured-pages';

/** A case's page as `submitCase` names it. */
export interface SubmittedPage {
  materialCode: string;
  pageId: string;
}

/**
 * Hands each confirmed page to the host, one at a time and in the order taken, skipping those
 * already there (a retry after a failure sends only the rest); then the list `submitCase` names.
 * A failure throws the upload's own error: every page stays in memory for the retry.
 */
export async function uploadPages(
  pages: readonly CapturedPage[],
  upload: (jpeg: Blob) => Promise<{ pageId: string }>,
  onUploaded: (key: number, pageId: string) => void,
  onProgress: (done: number, total: number) => void,
): Promise<SubmittedPage[]> {
  const submitted: SubmittedPage[] = [];
  let done = 0;
  for (const page of pages) {
    let pageId = page.pageId;
    if (pageId === null) {
      onProgress(done, pages.length);
      pageId = (await upload(page.jpeg)).pageId;
      onUploaded(page.key, pageId);
    }
    done++;
    submitted.push({ materialCode: page.materialCode, pageId });
  }
  onProgress(done, pages.length);
  return submitted;
}
