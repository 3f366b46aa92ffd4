import type { CatalogItem } from './central-api';
import { APPLICANT_FIELDS, formField, livelihoodItems, LivelihoodRows, material, type Bilingual } from './catalog-parts';
import { COMPLAINT_TOPIC_LABELS, ComplaintTopic } from './complaints';
import rows from './district-catalog.json';

/**
 * The district's one catalog (统一事项标准), as the platform seeds it: every item says where it is
 * handled (`handledAt`; what each level of hall offers: catalog-scope.ts).
 *
 * - The district centre's enterprise matters (涉企事项): the start-up bundle and 营商诉求.
 * - The 41 全域通办 livelihood items, handled at any community centre of the district, listed as a
 *   community centre lists them: 社保, 医保, 社会救助, 养老, 残疾人, 生育与家庭, 户籍与居住, 就业创业,
 *   退役军人 (`theme`). Their rows are data (district-catalog.json, with the fields and materials several
 *   of them share), written in the small language of catalog-parts.ts: every text with its English.
 *
 * Codes are the district's: `QYTB-nnn` (全域通办) for the items new to the catalog; the five
 * livelihood items the hall listed before keep their codes (MS-…), so the kiosk's built-in
 * fallback (hall-catalog.ts) and the cases filed under them name the same items.
 */

const COMPANY_TYPES: Bilingual[] = [
  ['有限责任公司', 'Limited liability company'],
  ['个人独资企业', 'Sole proprietorship'],
  ['合伙企业', 'Partnership'],
];
const BANKS: Bilingual[] = [
  ['工商银行', 'ICBC'],
  ['农业银行', 'Agricultural Bank of China'],
  ['中国银行', 'Bank of China'],
  ['建设银行', 'China Construction Bank'],
];
/** The complaint platform's topics (complaints.ts), so what the kiosk submits names one of them. */
const COMPLAINT_TOPICS: Bilingual[] = ComplaintTopic.options.map((topic) => {
  const [zh, en] = COMPLAINT_TOPIC_LABELS[topic];
  return [zh, en];
});

/** The 营商诉求 item: a kiosk case of it is a complaint on the district platform (platform/services/complaint-kiosk-intake.ts). */
export const COMPLAINT_ITEM_CODE = 'YS-SQ-001';

/** The district centre's enterprise matters (涉企事项). */
export const DISTRICT_CENTRE_ITEMS: readonly CatalogItem[] = [
  {
    code: 'QY-KB-001',
    name: '企业开办一站式办理',
    nameEn: 'Business start-up, all in one',
    category: 'startup-bundle',
    handledAt: 'district-centre',
    description: '一次提交、一个受理编号，营业执照、印章刻制、银行开户、税务发票一个工作日内办结。',
    descriptionEn:
      'One submission and one case number: business licence, company seal, bank account and tax invoices, done within one working day.',
    formFields: [
      ...APPLICANT_FIELDS,
      formField('companyName', ['拟设企业名称', 'Proposed company name']),
      formField('companyType', ['企业类型', 'Company type'], { options: COMPANY_TYPES }),
      formField('registeredAddress', ['住所', 'Registered office address']),
      formField('bank', ['开户银行', 'Bank for the company account'], { options: BANKS }),
    ],
    materials: [
      material('legal-rep-id', ['法定代表人身份证件', "Legal representative's ID"]),
      material('articles', ['公司章程', 'Articles of association']),
      material('premises-proof', ['住所使用证明', 'Proof of use of the premises']),
      material('shareholder-ids', ['股东身份证件', "Shareholders' IDs"], false),
    ],
    promisedWorkingDays: 1,
    bundle: [
      { code: 'licence', name: '营业执照', nameEn: 'Business licence' },
      { code: 'seal', name: '印章刻制', nameEn: 'Company seal' },
      { code: 'bank-account', name: '银行开户', nameEn: 'Bank account' },
      { code: 'tax-invoice', name: '税务登记及发票申领', nameEn: 'Tax registration and invoices' },
    ],
  },
  {
    code: COMPLAINT_ITEM_CODE,
    name: '营商环境诉求',
    nameEn: 'Business environment complaint',
    category: 'complaint',
    handledAt: 'district-centre',
    description: '企业诉求受理、办理、办结，限时答复。',
    descriptionEn: "A company's complaint is accepted, handled and closed, with an answer within a set time.",
    formFields: [
      ...APPLICANT_FIELDS,
      formField('companyName', ['企业名称', 'Company name']),
      // Optional (not everyone at a kiosk knows it by heart), checked when typed: with it the
      // platform finds the enterprise's other complaints by code, not only by its name.
      formField('creditCode', ['统一社会信用代码', 'Unified social credit code'], { required: false, format: 'credit-code' }),
      formField('topic', ['诉求类型', 'Topic'], { options: COMPLAINT_TOPICS }),
      formField('details', ['诉求内容', 'What happened and what you ask for']),
    ],
    materials: [material('evidence', ['相关证明材料', 'Supporting documents'], false)],
    promisedWorkingDays: 5,
    stages: ['accepted', 'in_progress', 'completed'],
  },
];

/** The 41 全域通办 livelihood items, in the order a community centre lists them (by theme). */
export const QUANYU_TONGBAN_ITEMS: readonly CatalogItem[] = livelihoodItems(LivelihoodRows.parse(rows), 'anywhere');

/** The whole catalog of the district: what the platform serves (each hall its part: catalog-scope.ts). */
export const DISTRICT_CATALOG: readonly CatalogItem[] = [...DISTRICT_CENTRE_ITEMS, ...QUANYU_TONGBAN_ITEMS];
