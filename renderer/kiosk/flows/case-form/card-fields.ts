/** The card's part of a case form (零填表); no React here, so tests/ checks it on plain Node. */
import type { CatalogFormField } from '../../../../contracts/central-api';
import type { CardKind, IdentityView } from '../../../../contracts/identity';

/**
 * Which fields the host fills from the card on the reader (零填表). Name, ID number, birth date
 * and gender are on every card kind; only some kinds carry an address (the host says which, in
 * `/health`: `cardKindsWithAddress`), so on any other card the address is typed like any other
 * field. A field the host reported as missing although it was meant to come from the card
 * becomes typeable too.
 */
export function isFromCard(
  field: CatalogFormField,
  citizen: IdentityView | null,
  cardMissing: ReadonlySet<string>,
  kindsWithAddress: readonly CardKind[],
): boolean {
  if (field.prefill === undefined || citizen === null || cardMissing.has(field.key)) return false;
  if (field.prefill === 'address') return kindsWithAddress.includes(citizen.cardKind);
  return true;
}

/** The masked value the renderer may show for a card field; the rest are only noted as from the card. */
export function maskedCardValue(field: CatalogFormField, citizen: IdentityView | null): string | null {
  if (citizen === null) return null;
  if (field.prefill === 'name') return citizen.maskedName;
  if (field.prefill === 'idNumber') return citizen.maskedIdNumber;
  return null;
}
