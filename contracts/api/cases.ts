import {
  CaseIdParams,
  CaseNumberParams,
  CaseProgress,
  CaseReceiptResponse,
  CatalogView,
  LocalCaseProgress,
  MATERIAL_PAGE_MAX_BYTES,
  MATERIAL_PAGE_MEDIA_TYPE,
  MaterialPageBytes,
  MyCases,
  SubmitCaseRequest,
  SubmitCaseResponse,
  SubmitEvaluationRequest,
  SubmitEvaluationResponse,
  UploadMaterialPageResponse,
} from '../cases';
import { HallNoticeRecord, HallNoticeRecords, HallNotices, NoticeIdParams, PublishNoticeRequest } from '../notices';
import { IssueTicketResponse } from '../queue';
import { access, defineOperations, errorReplies } from './operation';
import { PageQuery } from '../page';

const errors = errorReplies(400, 404, 409);
const noticeErrors = errorReplies(400, 401, 403, 404, 409);
const supervisors = access.staff(['supervisor']);

/** Cases (办事申报, 营商诉求), their progress, stewards, evaluations (好差评) and notices (通知公告). */
export const caseOperations = defineOperations({
  catalog: { method: 'GET', path: '/catalog', tags: ['cases'], access: access.board, responses: { 200: CatalogView } },
  submitCase: {
    method: 'POST',
    path: '/cases',
    tags: ['cases'],
    access: access.citizen,
    body: SubmitCaseRequest,
    responses: { 201: SubmitCaseResponse, ...errors },
  },
  /**
   * One captured page of a material, its JPEG bytes as the body, held for the card session until
   * `submitCase` names it in `pages` (and deleted with the session if it never does). 400
   * `page_not_jpeg` for bytes that are no JPEG, 413 `body_too_large` over the limit, 409
   * `too_many_pages` past what a session may hold, 409 `no_identity` without a card.
   */
  uploadMaterialPage: {
    method: 'POST',
    path: '/cases/pages',
    tags: ['cases'],
    access: access.citizen,
    rawBody: { mediaType: MATERIAL_PAGE_MEDIA_TYPE, maxBytes: MATERIAL_PAGE_MAX_BYTES },
    body: MaterialPageBytes,
    responses: { 201: UploadMaterialPageResponse, ...errorReplies(400, 409, 413, 415) },
  },
  /** 首席服务管家 without a case: an enterprise asks for help before it knows what to file. */
  requestSteward: {
    method: 'POST',
    path: '/steward-requests',
    tags: ['cases'],
    access: access.citizen,
    responses: { 201: IssueTicketResponse, ...errors },
    secondary: 'relay',
  },
  localCaseProgress: {
    method: 'GET',
    path: '/cases/local/:caseId/progress',
    tags: ['cases'],
    access: access.desk,
    params: CaseIdParams,
    responses: { 200: LocalCaseProgress, ...errors },
  },
  printReceipt: {
    method: 'POST',
    path: '/cases/local/:caseId/receipt',
    tags: ['cases'],
    access: access.citizen,
    params: CaseIdParams,
    responses: { 200: CaseReceiptResponse, ...errors },
  },
  myCases: {
    method: 'GET',
    path: '/cases/mine',
    tags: ['cases'],
    access: access.citizen,
    responses: { 200: MyCases, ...errors },
  },
  caseProgress: {
    method: 'GET',
    path: '/cases/:caseNumber/progress',
    tags: ['cases'],
    access: access.desk,
    params: CaseNumberParams,
    responses: { 200: CaseProgress, ...errors },
  },
  submitEvaluation: {
    method: 'POST',
    path: '/evaluations',
    tags: ['cases'],
    access: { from: ['kioskShell', 'evaluator'] },
    body: SubmitEvaluationRequest,
    responses: { 201: SubmitEvaluationResponse, ...errors },
  },

  // Reading the notices showing is public (the attract screen and the hall display have no staff
  // session); each screen gets those targeted at it. Managing them is for the hall's supervisors,
  // audited (a secondary kiosk shows its hall's notices).
  notices: { method: 'GET', path: '/notices', tags: ['notices'], access: access.board, responses: { 200: HallNotices } },
  allNotices: {
    method: 'GET',
    path: '/notices/all',
    tags: ['notices'],
    access: supervisors,
    query: PageQuery,
    responses: { 200: HallNoticeRecords, ...noticeErrors },
    secondary: 'hallOnly',
  },
  publishNotice: {
    method: 'POST',
    path: '/notices',
    tags: ['notices'],
    access: supervisors,
    body: PublishNoticeRequest,
    responses: { 201: HallNoticeRecord, ...noticeErrors },
    secondary: 'hallOnly',
  },
  withdrawNotice: {
    method: 'DELETE',
    path: '/notices/:id',
    tags: ['notices'],
    access: supervisors,
    params: NoticeIdParams,
    responses: { 200: HallNoticeRecord, ...noticeErrors },
    secondary: 'hallOnly',
  },
});
