import { isValidCreditCode } from '../../contracts/credit-code';
import { COMPLAINT_TOPIC_LABELS, ComplaintTopic, NewComplaint, type Unit, type UnitCode } from '../../contracts/complaints';
import { isPhoneNumber } from '../../contracts/form-field-check';
import {
  MINXIN_FIELDS,
  type MinxinAcceptedRow,
  type MinxinFieldError,
  type MinxinFieldKey,
  type MinxinRefusedRow,
} from '../../contracts/minxin';
import { DISTRICT_TIME_ZONE } from '../../contracts/working-time';
import { instantOfWallTime } from '../../contracts/wall-clock';

/**
 * One row of a 民心网 batch, whatever the layout it came in, checked field by field into the
 * `NewComplaint` it files (channel `minxin`, `externalRef` its 民心网编号). Every problem of the
 * row is reported at once, so the operator corrects the row in one go. Pure.
 */

/** A row as a layout reads it: text per field (null: empty or absent), and the JSON fields that held no text. */
export interface RawRow {
  line: number;
  row: number;
  cells: Partial<Record<MinxinFieldKey, string | null>>;
  notText: readonly MinxinFieldKey[];
}

/** What the rows are checked against: the district's streets and zones, the areas a complaint may name. */
export interface MinxinRowContext {
  areas: readonly Pick<Unit, 'code' | 'name' | 'kind' | 'active'>[];
}

const LIMITS: Readonly<Partial<Record<MinxinFieldKey, number>>> = {
  ref: 64,
  enterpriseName: 100,
  contactName: 40,
  content: 4000,
};

const HEADER_OF = new Map<MinxinFieldKey, string>(MINXIN_FIELDS.map((f) => [f.key, f.header]));

/** `YYYY-MM-DD HH:mm[:ss]` or with `/`, Beijing wall time; or ISO with an offset. */
function parseSubmittedAt(text: string): string | null {
  const wall = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (wall) {
    const [, y, mo, d, h, mi, s] = wall;
    if (Number(s ?? 0) > 59) return null;
    const two = (v: string | undefined) => (v ?? '0').padStart(2, '0');
    const iso = instantOfWallTime(`${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}`, DISTRICT_TIME_ZONE);
    if (iso === null) return null;
    const at = new Date(Date.parse(iso) + Number(s ?? 0) * 1000);
    // A month 13 or a 31 February rolls over in Date: refuse what does not read back as written.
    const back = new Date(at.getTime() + 8 * 3600_000).toISOString();
    return back.startsWith(`${y}-${two(mo)}-${two(d)}T${two(h)}:${mi}`) ? at.toISOString() : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  return null;
}

/** The topic a 民心网 category names: a topic's Chinese label or its code; anything else is 其他, with a warning. */
function topicOf(category: string | null): { topic: ComplaintTopic; known: boolean } {
  if (category === null) return { topic: 'other', known: true };
  const byLabel = ComplaintTopic.options.find((t) => COMPLAINT_TOPIC_LABELS[t][0] === category);
  const byCode = ComplaintTopic.safeParse(category);
  const topic = byLabel ?? (byCode.success ? byCode.data : undefined);
  return topic === undefined ? { topic: 'other', known: false } : { topic, known: true };
}

/** The street or zone an area names, by its name or its code; null when none does. */
function areaOf(area: string, context: MinxinRowContext): UnitCode | null {
  const unit = context.areas.find((u) => u.kind !== 'department' && u.active && (u.name === area || u.code === area));
  return unit?.code ?? null;
}

/**
 * Checks one row. `firstLineOfRef` holds the 民心网编号 seen on earlier rows of the same batch
 * (the caller's, updated here): a number seen before refuses this row as `duplicate_in_batch`.
 */
export function checkRow(
  raw: RawRow,
  context: MinxinRowContext,
  firstLineOfRef: Map<string, number>,
): { accepted: MinxinAcceptedRow } | { refused: MinxinRefusedRow } {
  const errors: MinxinFieldError[] = [];
  const warnings: MinxinAcceptedRow['warnings'] = [];
  const fail = (field: MinxinFieldKey, code: MinxinFieldError['code'], message: string, otherLine: number | null = null) =>
    errors.push({ field, code, message, otherLine });

  const text = (field: MinxinFieldKey): string | null => {
    if (raw.notText.includes(field)) {
      fail(field, 'not_text', `${HEADER_OF.get(field)}: expected text`);
      return null;
    }
    const value = raw.cells[field]?.trim() ?? '';
    const required = MINXIN_FIELDS.find((f) => f.key === field)?.required ?? false;
    if (value === '') {
      if (required) fail(field, 'missing', `${HEADER_OF.get(field)} is empty`);
      return null;
    }
    const limit = LIMITS[field];
    if (limit !== undefined && [...value].length > limit) {
      fail(field, 'too_long', `${HEADER_OF.get(field)}: at most ${limit} characters`);
      return null;
    }
    return value;
  };

  const ref = text('ref');
  if (ref !== null) {
    const first = firstLineOfRef.get(ref);
    if (first === undefined) firstLineOfRef.set(ref, raw.line);
    else fail('ref', 'duplicate_in_batch', `民心网编号 ${ref} is already on line ${first}`, first);
  }

  const submittedText = text('submittedAt');
  const submittedAt = submittedText === null ? null : parseSubmittedAt(submittedText);
  if (submittedText !== null && submittedAt === null) {
    fail('submittedAt', 'invalid', '提交时间: expected YYYY-MM-DD HH:mm[:ss] (Beijing time) or an ISO time with its offset');
  }

  const enterpriseName = text('enterpriseName');
  const codeText = text('creditCode');
  const creditCode = codeText === null ? null : codeText.replace(/\s+/g, '').toUpperCase();
  if (creditCode !== null && !isValidCreditCode(creditCode)) {
    fail('creditCode', 'invalid', '统一社会信用代码: not a code of GB 32100-2015 (check its 18 characters, or leave it empty)');
  }

  const contactName = text('contactName');
  const phoneText = text('contactPhone');
  const phone = phoneText === null ? null : phoneText.replace(/\s+/g, '');
  if (phone !== null && !isPhoneNumber(phone)) {
    fail('contactPhone', 'invalid', '联系电话: expected a mobile number or a landline with its area code');
  }

  const category = text('category');
  const { topic, known } = topicOf(category);
  if (!known)
    warnings.push({ field: 'category', message: `诉求类别 ${category ?? ''} is none of the platform's: imported as 其他` });

  const areaText = text('area');
  const area = areaText === null ? null : areaOf(areaText, context);
  if (areaText !== null && area === null) {
    warnings.push({ field: 'area', message: `所属区域 ${areaText} is no street or zone of the district: left for the sorter` });
  }

  const content = text('content');

  if (
    errors.length > 0 ||
    ref === null ||
    enterpriseName === null ||
    contactName === null ||
    phone === null ||
    content === null
  ) {
    return { refused: { line: raw.line, row: raw.row, externalRef: ref, errors } };
  }
  const complaint = NewComplaint.parse({
    channel: 'minxin',
    externalRef: ref,
    enterprise: { name: enterpriseName, creditCode },
    contact: { name: contactName, phone },
    topic,
    area,
    text: content,
    attachments: [],
  });
  return { accepted: { line: raw.line, row: raw.row, complaint, submittedAt, warnings } };
}
