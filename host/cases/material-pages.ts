import { createHash, randomUUID } from 'node:crypto';
import { isJpeg, MATERIAL_PAGES_HELD_MAX, MATERIAL_PAGE_MAX_BYTES } from '../../contracts/cases';
import type { CaseMaterialPage, UploadMaterialPageResponse } from '../../contracts/cases';
import type { Db } from '../../db/open';
import {
  attachPage,
  countHeldPages,
  deleteAllHeldPages,
  deleteHeldPages,
  insertHeldPage,
  pageById,
  type PageRow,
} from '../../db/repositories/material-pages';
import type { Clock } from '../clock/clock';
import { HostError } from '../errors/host-error';

export interface MaterialPagesOptions {
  db: Db;
  clock: Clock;
  /** The current card session's id, or null without a card (IdentitySessions.sessionId). */
  sessionId: () => string | null;
  /** Page ids (uuid); injected by tests. */
  newId?: () => string;
}

/** A page a case takes: checked against the session before the case's transaction. */
export interface PageToAttach extends CaseMaterialPage {
  row: PageRow;
}

/**
 * The pages the kiosk captured (材料页), held for the card session that took them until its case
 * attaches them. Personal data: never logged, never answered back; a page no case took is
 * deleted when its session ends, and at startup.
 */
export class MaterialPages {
  private readonly newId: () => string;

  constructor(private readonly o: MaterialPagesOptions) {
    this.newId = o.newId ?? randomUUID;
  }

  /** Holds one page for the card on the reader. */
  upload(bytes: Uint8Array): UploadMaterialPageResponse {
    const sessionId = this.o.sessionId();
    if (sessionId === null) throw new HostError('no_identity', '请先刷身份证');
    // The route's body limit refuses a larger body on the wire; this holds for any other caller.
    if (bytes.length > MATERIAL_PAGE_MAX_BYTES) throw new HostError('body_too_large', '材料照片太大');
    if (!isJpeg(bytes)) throw new HostError('page_not_jpeg', '材料照片不是 JPEG 图片');
    const id = this.newId();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.o.db.transaction(() => {
      if (countHeldPages(this.o.db, sessionId) >= MATERIAL_PAGES_HELD_MAX) {
        throw new HostError('too_many_pages', '本次办理拍摄的材料页已达上限', { max: MATERIAL_PAGES_HELD_MAX });
      }
      insertHeldPage(this.o.db, { id, sessionId, bytes, sha256, uploadedAt: this.o.clock.now().toISOString() });
    })();
    return { pageId: id };
  }

  /**
   * The pages a case names, checked: each held by this card session (400 `page_unknown` for an
   * id the host does not hold, 409 `page_not_yours` for another session's or one a case took
   * already), each of a material the item asks for. Nothing is written: `attach` does, inside
   * the case's transaction.
   */
  check(pages: readonly CaseMaterialPage[], materialCodes: ReadonlySet<string>): PageToAttach[] {
    if (pages.length === 0) return [];
    const sessionId = this.o.sessionId();
    if (sessionId === null) throw new HostError('no_identity', '请先刷身份证');
    return pages.map((page) => {
      if (!materialCodes.has(page.materialCode)) {
        throw new HostError('invalid_request', '材料页对应的材料不属于该事项', { materialCode: page.materialCode });
      }
      const row = pageById(this.o.db, page.pageId);
      if (row === undefined) throw new HostError('page_unknown', '材料页不存在或已过期，请重新拍摄', { pageId: page.pageId });
      if (row.sessionId !== sessionId) throw new HostError('page_not_yours', '材料页不属于本次办理', { pageId: page.pageId });
      return { ...page, row };
    });
  }

  /**
   * Attaches checked pages to a case, in their order. Call it inside the case's transaction: a
   * page taken meanwhile (the session ended) throws, and the case is rolled back with it.
   */
  attach(caseId: string, pages: readonly PageToAttach[]): void {
    const sessionId = this.o.sessionId();
    pages.forEach((page, position) => {
      const attached =
        sessionId !== null &&
        attachPage(this.o.db, { id: page.pageId, sessionId, caseId, materialCode: page.materialCode, position });
      if (!attached) throw new HostError('page_unknown', '材料页不存在或已过期，请重新拍摄', { pageId: page.pageId });
    });
  }

  /** The card session ended: the pages it held and no case took are deleted. */
  sessionEnded(sessionId: string): number {
    return deleteHeldPages(this.o.db, sessionId);
  }

  /** At startup no card session is alive: every page still held is an abandoned visit's. */
  sweepAbandoned(): number {
    return deleteAllHeldPages(this.o.db);
  }
}
