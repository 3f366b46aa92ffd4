import type { ComplaintStep } from '../../contracts/complaints';

/**
 * What the kiosk's progress page says of a public step of a complaint: the note of the status
 * change the step becomes in its case's feed (the hall shows it beside the status). Units by
 * name; the enterprise's own words (the approved reply, the reason it was not admitted) as the
 * step's `publicNote` gives them. Nothing a staff note holds (a reviewer's reason, a draft, a
 * co-unit's text) reaches it.
 */
export function publicCaseNote(step: ComplaintStep, unitName: (code: string) => string): string | null {
  const [lead, ...co] = step.units.map(unitName);
  switch (step.action) {
    case 'register':
      return null;
    case 'dispatch':
      return co.length === 0 ? `已转办：${lead ?? ''}` : `已转办：${lead ?? ''}牵头，${co.join('、')}协办`;
    case 'accept':
      return `${lead ?? ''}已签收，正在办理`;
    case 'submit_part':
      return `协办单位${lead ?? ''}已提交办理意见`;
    case 'submit':
      return '答复已提交审核';
    case 'return':
      return '答复经审核退回，承办单位重新办理';
    case 'approve':
      return step.publicNote === null ? '答复已审核通过' : `答复：${step.publicNote}`;
    case 'close':
      return '已办结';
    case 'evaluate':
      return '已评价，感谢您的反馈';
    case 'not_admit':
      return `不予受理：${step.publicNote ?? ''}`;
    case 'merge':
      return `与诉求 ${step.publicNote ?? ''} 合并办理`;
    default:
      return step.publicNote;
  }
}
