import { describe, expect, it } from 'vitest';
import { ageBandOf } from '../../contracts/identity';

describe('ageBandOf', () => {
  it('gives the decade of an age, its edges included', () => {
    expect([0, 9, 10, 59, 60, 69, 70, 99, 100, 117].map(ageBandOf)).toEqual([
      '0-9',
      '0-9',
      '10-19',
      '50-59',
      '60-69',
      '60-69',
      '70-79',
      '90-99',
      '100+',
      '100+',
    ]);
  });
});
