import { useCallback, useEffect, useRef, useState } from 'react';
import { MATERIAL_PAGES_PER_CASE_MAX } from '../../../../../contracts/cases';
import type { ProcessedPage } from './page-messages';

/** A page the citizen confirmed: in this page's memory only, shown through an object URL. */
export interface CapturedPage extends ProcessedPage {
  /** This visit's own id for the page (list keys, removal). */
  key: number;
  materialCode: string;
  /** `blob:` URL of `jpeg`, revoked when the page is removed or the visit ends. */
  url: string;
  /** The host's id once uploaded (uploads are retried page by page, none sent twice). */
  pageId: string | null;
}

/** A case carries at most this many pages (the host refuses more). */
export const MAX_PAGES_PER_CASE = MATERIAL_PAGES_PER_CASE_MAX;

export interface CapturedPages {
  pages: readonly CapturedPage[];
  add(materialCode: string, page: ProcessedPage): void;
  remove(key: number): void;
  /** Records the host's id of an uploaded page. */
  uploaded(key: number, pageId: string): void;
  clear(): void;
}

/**
 * The visit's captured pages. They are personal data: held in this component's memory only,
 * every object URL revoked when its page goes and all of them when the wizard unmounts, which
 * ending the visit does (the kiosk remounts every flow).
 */
export function useCapturedPages(): CapturedPages {
  const [pages, setPages] = useState<readonly CapturedPage[]>([]);
  const urls = useRef(new Map<number, string>());
  const nextKey = useRef(1);

  useEffect(() => {
    const held = urls.current;
    return () => {
      for (const url of held.values()) URL.revokeObjectURL(url);
      held.clear();
    };
  }, []);

  const add = useCallback((materialCode: string, page: ProcessedPage) => {
    const key = nextKey.current++;
    const url = URL.createObjectURL(page.jpeg);
    urls.current.set(key, url);
    setPages((prev) => [...prev, { ...page, key, materialCode, url, pageId: null }]);
  }, []);

  const remove = useCallback((key: number) => {
    const url = urls.current.get(key);
    if (url !== undefined) URL.revokeObjectURL(url);
    urls.current.delete(key);
    setPages((prev) => prev.filter((page) => page.key !== key));
  }, []);

  const uploaded = useCallback((key: number, pageId: string) => {
    setPages((prev) => prev.map((page) => (page.key === key ? { ...page, pageId } : page)));
  }, []);

  const clear = useCallback(() => {
    for (const url of urls.current.values()) URL.revokeObjectURL(url);
    urls.current.clear();
    setPages([]);
  }, []);

  return { pages, add, remove, uploaded, clear };
}
