/**
 * SW3 status bytes of the SAM module, as typed values with a Chinese and an
 * English description for technicians. Unknown bytes are kept, not thrown on.
 */

export type SamStatusCode =
  | 'ok'
  | 'find-ok'
  | 'no-card'
  | 'select-failed'
  | 'checksum-error'
  | 'length-error'
  | 'command-error'
  | 'unauthorised'
  | 'unknown-error'
  | 'card-auth-sam-failed'
  | 'sam-auth-card-failed'
  | 'info-verify-failed'
  | 'unknown-card-type'
  | 'read-failed'
  | 'random-failed'
  | 'sam-self-test-failed'
  | 'sam-not-authorised'
  | 'no-content'
  | 'unknown';

export interface SamStatus {
  code: SamStatusCode;
  sw3: number;
  zh: string;
  en: string;
}

const KNOWN: ReadonlyMap<number, Omit<SamStatus, 'sw3'>> = new Map([
  [0x90, { code: 'ok', zh: '操作成功', en: 'success' }],
  [0x9f, { code: 'find-ok', zh: '寻找证/卡成功', en: 'card found' }],
  [0x80, { code: 'no-card', zh: '寻找证/卡失败', en: 'no card found' }],
  [0x81, { code: 'select-failed', zh: '选取证/卡失败', en: 'card selection failed' }],
  [0x10, { code: 'checksum-error', zh: '接收业务终端数据的校验和错', en: 'checksum error in the command received' }],
  [0x11, { code: 'length-error', zh: '接收业务终端数据的长度错', en: 'length error in the command received' }],
  [0x21, { code: 'command-error', zh: '接收业务终端的命令错误', en: 'command not recognised' }],
  [0x23, { code: 'unauthorised', zh: '越权操作', en: 'operation not permitted' }],
  [0x24, { code: 'unknown-error', zh: '无法识别的错误', en: 'unidentified error' }],
  [0x31, { code: 'card-auth-sam-failed', zh: '证/卡认证机具失败', en: 'card failed to authenticate the SAM' }],
  [0x32, { code: 'sam-auth-card-failed', zh: '机具认证证/卡失败', en: 'SAM failed to authenticate the card' }],
  [0x33, { code: 'info-verify-failed', zh: '信息验证错误', en: 'information verification failed' }],
  [0x40, { code: 'unknown-card-type', zh: '无法识别的卡类型', en: 'unknown card type' }],
  [0x41, { code: 'read-failed', zh: '读证/卡操作失败', en: 'reading the card failed' }],
  [0x47, { code: 'random-failed', zh: '取随机数失败', en: 'getting a random number failed' }],
  [0x60, { code: 'sam-self-test-failed', zh: 'SAM 自检失败', en: 'SAM self-test failed' }],
  [0x66, { code: 'sam-not-authorised', zh: 'SAM 未经授权', en: 'SAM not authorised' }],
  [0x91, { code: 'no-content', zh: '证/卡中此项无内容', en: 'the card holds no such item' }],
]);

export const SW3 = {
  ok: 0x90,
  findOk: 0x9f,
  noCard: 0x80,
  selectFailed: 0x81,
  checksumError: 0x10,
  lengthError: 0x11,
  commandError: 0x21,
  readFailed: 0x41,
  noContent: 0x91,
} as const;

export function samStatus(sw3: number): SamStatus {
  const known = KNOWN.get(sw3);
  if (known) return { ...known, sw3 };
  const hex = sw3.toString(16).toUpperCase().padStart(2, '0');
  return { code: 'unknown', sw3, zh: `未知状态 ${hex}`, en: `unknown status ${hex}` };
}
