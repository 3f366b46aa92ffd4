import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../../renderer/district/complaints/refusal';
import { DistrictClientError } from '../../../../renderer/district/district-client';

describe('a refusal, where the form shows it', () => {
  it('puts the lifecycle’s refusals beside the field they concern, the others beside the button', () => {
    expect(refusalOf(new DistrictClientError('reason_required', 'x')).field).toBe('reason');
    expect(refusalOf(new DistrictClientError('merge_into_self', 'x')).field).toBe('into');
    expect(refusalOf(new DistrictClientError('wrong_state', 'x'))).toMatchObject({ field: null, key: 'wrong_state' });
    expect(refusalOf(new DistrictClientError('network', 'x'))).toMatchObject({ field: null, key: null });
  });

  it('names the co-units whose parts are missing', () => {
    const refusal = refusalOf(
      new DistrictClientError('co_unit_parts_missing', 'x', { code: 'co_unit_parts_missing', units: ['tax', 'street-xinghe'] }),
    );
    expect(refusal).toMatchObject({ field: 'text', values: { units: 'tax、street-xinghe' } });
  });

  it('reads the field out of a schema’s 400', () => {
    const error = new DistrictClientError('invalid_request', 'x', { in: 'body', issues: [{ path: '/leadUnit', code: 'x' }] });
    expect(refusalOf(error)).toMatchObject({ field: 'leadUnit', key: 'invalid_request' });
  });
});
