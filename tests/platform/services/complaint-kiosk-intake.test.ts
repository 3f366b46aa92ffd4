import { describe, expect, it } from 'vitest';
import { COMPLAINT_ITEM_CODE } from '../../../contracts/district-catalog';
import { complaintOfKioskCase, isComplaintCase } from '../../../platform/services/complaint-kiosk-intake';
import { sampleCase } from '../support/platform';

const kioskCase = (form: Record<string, string>) =>
  sampleCase({ itemCode: COMPLAINT_ITEM_CODE, itemName: '营商环境诉求', form, materials: [] });

describe('a kiosk 营商诉求 case as a complaint', () => {
  it('tells complaint cases from the others by the catalog item', () => {
    expect(isComplaintCase(kioskCase({}))).toBe(true);
    expect(isComplaintCase(sampleCase())).toBe(false);
  });

  it('takes the company, the topic by its label, the details and the applicant as contact', () => {
    const complaint = complaintOfKioskCase(
      kioskCase({ companyName: ' 示例星辰科技有限公司 ', topic: '执法监管', details: '同一事项被重复检查。' }),
    );
    expect(complaint).toEqual({
      channel: 'kiosk',
      externalRef: null,
      enterprise: { name: '示例星辰科技有限公司', creditCode: null },
      contact: { name: '张三', phone: '13800000000' },
      topic: 'enforcement',
      area: null,
      text: '同一事项被重复检查。',
      attachments: [],
    });
  });

  it('keeps a valid credit code, drops an invalid one, and files an unknown topic as other', () => {
    const valid = complaintOfKioskCase(kioskCase({ companyName: '甲', topic: '不存在的类型', creditCode: '91350100m000100y43' }));
    expect(valid.enterprise.creditCode).toBe('91350100M000100Y43');
    // Grouped as printed on a licence: read as the platform's own forms read it.
    const spaced = complaintOfKioskCase(kioskCase({ companyName: '甲', topic: '其他', creditCode: '913501 00M000 100Y43' }));
    expect(spaced.enterprise.creditCode).toBe('91350100M000100Y43');
    expect(valid.topic).toBe('other');
    const invalid = complaintOfKioskCase(kioskCase({ companyName: '甲', topic: '其他', creditCode: '91350100M000100Y44' }));
    expect(invalid.enterprise.creditCode).toBeNull();
  });
});
