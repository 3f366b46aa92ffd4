import { describe, expect, it } from 'vitest';
import { HotlineComplaintRequest, WebComplaintRequest } from '../../../contracts/platform-complaints';
import { checkComplaintForm, complaintBodyOf } from '../../../renderer/ui/complaint-form';

const formOf = (values: Record<string, string>): FormData => {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  return form;
};

const filled = {
  enterpriseName: ' 星河示例科技有限公司 ',
  creditCode: '9135 0100 m000 100y 43',
  contactName: '赵六',
  phone: '138 0000 0000',
  topic: 'approval',
  area: '',
  text: '施工许可审批超过承诺时限仍未办结，请督促办理。',
};

describe('a complaint form read into its request', () => {
  it('reads the fields trimmed, an area not chosen as null, and the code as the schema normalises it', () => {
    const check = checkComplaintForm(WebComplaintRequest, formOf(filled), { creditCodeOptional: false });
    expect(check).toEqual({
      ok: true,
      request: {
        enterprise: { name: '星河示例科技有限公司', creditCode: '91350100M000100Y43' },
        contact: { name: '赵六', phone: '13800000000' },
        topic: 'approval',
        area: null,
        text: '施工许可审批超过承诺时限仍未办结，请督促办理。',
      },
    });
  });

  it('leaves a credit code out for the hotline, and requires it on the public form', () => {
    const withoutCode = formOf({ ...filled, creditCode: '' });
    expect(complaintBodyOf(withoutCode, { creditCodeOptional: true }).enterprise.creditCode).toBeNull();
    expect(checkComplaintForm(HotlineComplaintRequest, withoutCode, { creditCodeOptional: true }).ok).toBe(true);
    expect(checkComplaintForm(WebComplaintRequest, withoutCode, { creditCodeOptional: false })).toEqual({
      ok: false,
      problems: { creditCode: 'required' },
      first: 'creditCode',
    });
  });

  it('tells an empty field from a wrong one, in the form’s order', () => {
    const check = checkComplaintForm(
      WebComplaintRequest,
      formOf({ ...filled, enterpriseName: '', creditCode: '91350100M000100Y44', phone: '12345', topic: '', text: '太短了' }),
      { creditCodeOptional: false },
    );
    expect(check).toEqual({
      ok: false,
      problems: { enterpriseName: 'required', creditCode: 'invalid', phone: 'invalid', topic: 'required', text: 'invalid' },
      first: 'enterpriseName',
    });
  });
});
