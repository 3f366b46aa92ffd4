import type { CatalogFormField, CatalogItem } from './central-api';

/**
 * The hall's own service items (事项): the district platform (platform/) seeds an empty catalog
 * with them, and a kiosk shows them before it has ever reached the central API. One copy
 * for both, so they cannot drift. Codes are the hall's (the province's differ per region).
 * Every text a kiosk shows has its English beside it (…En) for a kiosk switched to English.
 */
const applicantFields: CatalogFormField[] = [
  { key: 'name', label: '姓名', labelEn: 'Name', type: 'text', required: true, prefill: 'name' },
  { key: 'idNumber', label: '公民身份号码', labelEn: 'ID number', type: 'text', required: true, prefill: 'idNumber' },
  { key: 'phone', label: '联系电话', labelEn: 'Phone', type: 'phone', required: true },
];

const withAddress: CatalogFormField[] = [
  ...applicantFields,
  { key: 'address', label: '户籍地址', labelEn: 'Registered (hukou) address', type: 'text', required: true, prefill: 'address' },
];

const idCardCopy = { code: 'id-card', name: '居民身份证', nameEn: 'Resident ID card', required: true };
const photo = { code: 'photo', name: '近期免冠照片', nameEn: 'Recent passport-style photo', required: true };
const birthDate: CatalogFormField = {
  key: 'birthDate',
  label: '出生日期',
  labelEn: 'Date of birth',
  type: 'date',
  required: true,
  prefill: 'birthDate',
};

export const HALL_CATALOG: readonly CatalogItem[] = [
  {
    code: 'QY-KB-001',
    name: '企业开办一站式办理',
    nameEn: 'Business start-up, all in one',
    category: 'startup-bundle',
    description: '一次提交、一个受理编号，营业执照、印章刻制、银行开户、税务发票一个工作日内办结。',
    descriptionEn:
      'One submission and one case number: business licence, company seal, bank account and tax invoices, done within one working day.',
    formFields: [
      ...applicantFields,
      { key: 'companyName', label: '拟设企业名称', labelEn: 'Proposed company name', type: 'text', required: true },
      {
        key: 'companyType',
        label: '企业类型',
        labelEn: 'Company type',
        type: 'select',
        required: true,
        options: ['有限责任公司', '个人独资企业', '合伙企业'],
        optionsEn: ['Limited liability company', 'Sole proprietorship', 'Partnership'],
      },
      { key: 'registeredAddress', label: '住所', labelEn: 'Registered office address', type: 'text', required: true },
      {
        key: 'bank',
        label: '开户银行',
        labelEn: 'Bank for the company account',
        type: 'select',
        required: true,
        options: ['工商银行', '农业银行', '中国银行', '建设银行'],
        optionsEn: ['ICBC', 'Agricultural Bank of China', 'Bank of China', 'China Construction Bank'],
      },
    ],
    materials: [
      { code: 'legal-rep-id', name: '法定代表人身份证件', nameEn: "Legal representative's ID", required: true },
      { code: 'articles', name: '公司章程', nameEn: 'Articles of association', required: true },
      { code: 'premises-proof', name: '住所使用证明', nameEn: 'Proof of use of the premises', required: true },
      { code: 'shareholder-ids', name: '股东身份证件', nameEn: "Shareholders' IDs", required: false },
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
    code: 'MS-JZZ-001',
    name: '居住证办理',
    nameEn: 'Residence permit',
    category: 'livelihood',
    formFields: [
      ...withAddress,
      { key: 'residenceAddress', label: '居住地址', labelEn: 'Address where you live', type: 'text', required: true },
    ],
    materials: [
      idCardCopy,
      {
        code: 'residence-proof',
        name: '居住证明（租赁合同或房产证明）',
        nameEn: 'Proof of residence (tenancy agreement or property certificate)',
        required: true,
      },
    ],
    promisedWorkingDays: 15,
  },
  {
    code: 'MS-LNYD-001',
    name: '老年人优待证办理',
    nameEn: "Senior citizen's card",
    category: 'livelihood',
    formFields: [...withAddress, birthDate],
    materials: [idCardCopy, photo],
    promisedWorkingDays: 5,
  },
  {
    code: 'MS-CJR-002',
    name: '残疾人证补换',
    nameEn: 'Disability certificate replacement',
    category: 'livelihood',
    formFields: [
      ...withAddress,
      {
        key: 'reason',
        label: '补换原因',
        labelEn: 'Reason',
        type: 'select',
        required: true,
        options: ['遗失', '损坏', '信息变更', '到期换领'],
        optionsEn: ['Lost', 'Damaged', 'Details changed', 'Expired'],
      },
    ],
    materials: [
      idCardCopy,
      { code: 'old-card', name: '原残疾人证（损坏换领时）', nameEn: 'The old certificate (if damaged)', required: false },
      photo,
    ],
    promisedWorkingDays: 10,
  },
  {
    code: 'MS-YB-001',
    name: '城乡居民基本医疗保险参保登记',
    nameEn: 'Basic medical insurance enrolment (residents)',
    category: 'livelihood',
    formFields: [
      ...withAddress,
      {
        key: 'gender',
        label: '性别',
        labelEn: 'Sex',
        type: 'select',
        required: true,
        prefill: 'gender',
        options: ['男', '女'],
        optionsEn: ['Male', 'Female'],
      },
      birthDate,
    ],
    materials: [
      idCardCopy,
      { code: 'household-register', name: '户口簿', nameEn: 'Household register (hukou)', required: false },
    ],
    promisedWorkingDays: 0,
  },
  {
    code: 'MS-SYDJ-001',
    name: '生育登记',
    nameEn: 'Birth registration',
    category: 'livelihood',
    formFields: [
      ...applicantFields,
      { key: 'spouseName', label: '配偶姓名', labelEn: "Spouse's name", type: 'text', required: true },
      { key: 'spouseIdNumber', label: '配偶身份号码', labelEn: "Spouse's ID number", type: 'text', required: true },
      { key: 'expectedDate', label: '预产期', labelEn: 'Expected due date', type: 'date', required: false },
    ],
    materials: [idCardCopy, { code: 'marriage-cert', name: '结婚证', nameEn: 'Marriage certificate', required: false }],
    promisedWorkingDays: 0,
  },
  {
    code: 'YS-SQ-001',
    name: '营商环境诉求',
    nameEn: 'Business environment complaint',
    category: 'complaint',
    description: '企业诉求受理、办理、办结，限时答复。',
    descriptionEn: "A company's complaint is accepted, handled and closed, with an answer within a set time.",
    formFields: [
      ...applicantFields,
      { key: 'companyName', label: '企业名称', labelEn: 'Company name', type: 'text', required: true },
      {
        key: 'topic',
        label: '诉求类型',
        labelEn: 'Topic',
        type: 'select',
        required: true,
        options: ['政策咨询', '审批服务', '执法监管', '要素保障', '其他'],
        optionsEn: ['Policy question', 'Approvals', 'Enforcement and inspections', 'Land, power, staff and funding', 'Other'],
      },
      { key: 'details', label: '诉求内容', labelEn: 'What happened and what you ask for', type: 'text', required: true },
    ],
    materials: [{ code: 'evidence', name: '相关证明材料', nameEn: 'Supporting documents', required: false }],
    promisedWorkingDays: 5,
    stages: ['accepted', 'in_progress', 'completed'],
  },
];
