import { describe, expect, it } from 'vitest';
import { CatalogFormField } from '../../../contracts/central-api';
import type { CardKind, IdentityView } from '../../../contracts/identity';
import { isFromCard } from '../../../renderer/kiosk/flows/case-form/card-fields';

const citizen = (cardKind: CardKind): IdentityView => ({
  sessionId: 's-1',
  maskedName: '张*',
  maskedIdNumber: '110105********002X',
  cardKind,
  ageBand: '40-49',
  readAt: '2026-06-01T02:00:00.000Z',
});
const field = (prefill: CatalogFormField['prefill']): CatalogFormField =>
  CatalogFormField.parse({ key: prefill ?? 'note', label: '字段', type: 'text', required: true, prefill });

describe('零填表: which fields come from the card', () => {
  it('takes the address from the kinds the host names, and from no other', () => {
    const hostSays: CardKind[] = ['hmt'];
    expect(isFromCard(field('address'), citizen('hmt'), new Set(), hostSays)).toBe(true);
    // The renderer has no list of its own: a kind the host leaves out is typed.
    expect(isFromCard(field('address'), citizen('resident'), new Set(), hostSays)).toBe(false);
    expect(isFromCard(field('address'), citizen('resident'), new Set(), [])).toBe(false);
  });

  it('takes name and number from every card, and nothing without a card or once the host found it missing', () => {
    expect(isFromCard(field('name'), citizen('foreign2023'), new Set(), [])).toBe(true);
    expect(isFromCard(field('name'), null, new Set(), ['resident'])).toBe(false);
    expect(isFromCard(field('name'), citizen('resident'), new Set(['name']), ['resident'])).toBe(false);
    expect(isFromCard(field(undefined), citizen('resident'), new Set(), ['resident'])).toBe(false);
  });
});
