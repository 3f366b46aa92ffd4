import type { CatalogFormField, CatalogItem } from './central-api';

/**
 * The hall's own service items (事项): the reference central API seeds an empty catalog
 * with them, and a kiosk shows them before it has ever reached the central API. One copy
 * for both, so they cannot drift. Codes are the hall's (the province's differ per region).
 */
const applicantFields: CatalogFormField[] = [
  { key: 'name', label: '姓名', type: 'text', required: true, prefill: 'name' },
  { key: 'idNumber', label: '公民身份号码', type: 'text', required: true, prefill: 'idNumber' },
  { key: 'phone', label: '联系电话', type: 'phone', required: true },
];

const withAddress: CatalogFormField[] = [
  ...applicantFields,
  { key: 'address', label: '户籍地址', type: 'text', required: true, prefill: 'address' },
];

const idCardCopy = { code: 'id-card', name: '居民身份证', required: true };

export const HALL_CATALOG: readonly CatalogItem[] = [
  {
    code: 'QY-KB-001',
    name: '企业开办一站式办理',
    category: 'startup-bundle',
    description: '一次提交、一个受理编号，营业执照、印章刻制、银行开户、税务发票一个工作日内办结。',
    formFields: [
      ...applicantFields,
      { key: 'companyName', label: '拟设企业名称', type: 'text', required: true },
      {
        key: 'companyType',
        label: '企业类型',
        type: 'select',
        required: true,
        options: ['有限责任公司', '个人独资企业', '合伙企业'],
      },
      { key: 'registeredAddress', label: '住所', type: 'text', required: true },
      {
        key: 'bank',
        label: '开户银行',
        type: 'select',
        required: true,
        options: ['工商银行', '农业银行', '中国银行', '建设银行'],
      },
    ],
    materials: [
      { code: 'legal-rep-id', name: '法定代表人身份证件', required: true },
      { code: 'articles', name: '公司章程', required: true },
      { code: 'premises-proof', name: '住所使用证明', required: true },
      { code: 'shareholder-ids', name: '股东身份证件', required: false },
    ],
    promisedWorkingDays: 1,
    bundle: [
      { code: 'licence', name: '营业执照' },
      { code: 'seal', name: '印章刻制' },
      { code: 'bank-account', name: '银行开户' },
      { code: 'tax-invoice', name: '税务登记及发票申领' },
    ],
  },
  {
    code: 'MS-JZZ-001',
    name: '居住证办理',
    category: 'livelihood',
    formFields: [...withAddress, { key: 'residenceAddress', label: '居住地址', type: 'text', required: true }],
    materials: [idCardCopy, { code: 'residence-proof', name: '居住证明（租赁合同或房产证明）', required: true }],
    promisedWorkingDays: 15,
  },
  {
    code: 'MS-LNYD-001',
    name: '老年人优待证办理',
    category: 'livelihood',
    formFields: [...withAddress, { key: 'birthDate', label: '出生日期', type: 'date', required: true, prefill: 'birthDate' }],
    materials: [idCardCopy, { code: 'photo', name: '近期免冠照片', required: true }],
    promisedWorkingDays: 5,
  },
  {
    code: 'MS-CJR-002',
    name: '残疾人证补换',
    category: 'livelihood',
    formFields: [
      ...withAddress,
      { key: 'reason', label: '补换原因', type: 'select', required: true, options: ['遗失', '损坏', '信息变更', '到期换领'] },
    ],
    materials: [
      idCardCopy,
      { code: 'old-card', name: '原残疾人证（损坏换领时）', required: false },
      { code: 'photo', name: '近期免冠照片', required: true },
    ],
    promisedWorkingDays: 10,
  },
  {
    code: 'MS-YB-001',
    name: '城乡居民基本医疗保险参保登记',
    category: 'livelihood',
    formFields: [
      ...withAddress,
      { key: 'gender', label: '性别', type: 'select', required: true, prefill: 'gender', options: ['男', '女'] },
      { key: 'birthDate', label: '出生日期', type: 'date', required: true, prefill: 'birthDate' },
    ],
    materials: [idCardCopy, { code: 'household-register', name: '户口簿', required: false }],
    promisedWorkingDays: 0,
  },
  {
    code: 'MS-SYDJ-001',
    name: '生育登记',
    category: 'livelihood',
    formFields: [
      ...applicantFields,
      { key: 'spouseName', label: '配偶姓名', type: 'text', required: true },
      { key: 'spouseIdNumber', label: '配偶身份号码', type: 'text', required: true },
      { key: 'expectedDate', label: '预产期', type: 'date', required: false },
    ],
    materials: [idCardCopy, { code: 'marriage-cert', name: '结婚证', required: false }],
    promisedWorkingDays: 0,
  },
  {
    code: 'YS-SQ-001',
    name: '营商环境诉求',
    category: 'complaint',
    description: '企业诉求受理、办理、办结，限时答复。',
    formFields: [
      ...applicantFields,
      { key: 'companyName', label: '企业名称', type: 'text', required: true },
      {
        key: 'topic',
        label: '诉求类型',
        type: 'select',
        required: true,
        options: ['政策咨询', '审批服务', '执法监管', '要素保障', '其他'],
      },
      { key: 'details', label: '诉求内容', type: 'text', required: true },
    ],
    materials: [{ code: 'evidence', name: '相关证明材料', required: false }],
    promisedWorkingDays: 5,
    stages: ['accepted', 'in_progress', 'completed'],
  },
];
