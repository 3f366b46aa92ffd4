/**
 * Byte ranges [from, to) of the fields in the 256-byte UCS-2LE text block,
 * per card family. Shared by the parser and the simulator's text builder so
 * the two cannot drift apart. Source: tests/fixtures/idcard/README.md.
 */

export const TEXT_SIZE = 256;
/** The UCS-2 character at this offset tells the card family. */
export const MARKER_OFFSET = 248;

export const MARKERS = {
  resident: 0x20, // space
  hmt: 0x4a, // J
  foreign2017: 0x49, // I
  foreign2023: 0x59, // Y
} as const;

type Range = readonly [from: number, to: number];

/** The fields resident cards and HMT residence permits share, at the same offsets. */
const CITIZEN_FIELDS = {
  name: [0, 30],
  gender: [30, 32],
  birth: [36, 52],
  address: [52, 122],
  idNumber: [122, 158],
  issuer: [158, 188],
  validFrom: [188, 204],
  validTo: [204, 220],
} as const satisfies Record<string, Range>;

export const RESIDENT_LAYOUT = {
  ...CITIZEN_FIELDS,
  nation: [32, 36],
} as const satisfies Record<string, Range>;

/** As the resident card, but 32-36 (the nation) is reserved, and the pass fields follow. */
export const HMT_LAYOUT = {
  ...CITIZEN_FIELDS,
  passNumber: [220, 238],
  issueCount: [238, 242],
} as const satisfies Record<string, Range>;

export const FOREIGN2017_LAYOUT = {
  englishName: [0, 120],
  gender: [120, 122],
  cardNumber: [122, 152],
  nationality: [152, 158],
  chineseName: [158, 188],
  validFrom: [188, 204],
  validTo: [204, 220],
  birth: [220, 236],
  version: [236, 240],
  authority: [240, 248],
} as const satisfies Record<string, Range>;

export const FOREIGN2023_LAYOUT = {
  chineseName: [0, 30],
  gender: [30, 32],
  renewals: [32, 36],
  birth: [36, 52],
  englishName1: [52, 122],
  idNumber: [122, 158],
  validFrom: [188, 204],
  validTo: [204, 220],
  englishName2: [220, 242],
  nationality: [242, 248],
} as const satisfies Record<string, Range>;
