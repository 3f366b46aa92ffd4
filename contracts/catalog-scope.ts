import type { HallLevel, HandledAt } from './central-api';

/**
 * What a hall of each level offers from the district's one catalog (统一事项标准), by the item's
 * `handledAt`:
 *
 * | item's `handledAt`          | district centre | community centre |
 * | --------------------------- | --------------- | ---------------- |
 * | `district-centre` (涉企事项) | yes             | no               |
 * | `community-centre`          | no              | yes              |
 * | `anywhere` (全域通办)        | yes             | yes              |
 * | absent (older catalogs)     | yes             | yes              |
 *
 * Why the district centre offers the 全域通办 items too: 全域通办 promises that a livelihood item is
 * accepted wherever in the district the citizen asks, and the district centre is in the district.
 * The reform moves enterprise matters into the district centre and livelihood matters out to the
 * community centres so that nobody has to travel for them; it does not turn away the elderly
 * citizen who did travel, and the district centre is the one hall open when a community centre is
 * closed (its weekend duty). What stays with the community centre is only what needs the
 * applicant's own community (`community-centre`: its records, its home visits). Enterprise
 * matters stay at the district centre: its windows hold the enterprise registers and the
 * start-up bundle's partners (seal, bank, tax).
 *
 * An item without `handledAt` is offered everywhere, as before the field existed.
 */
export function offeredAt(item: { handledAt?: HandledAt | undefined }, level: HallLevel): boolean {
  switch (item.handledAt) {
    case undefined:
    case 'anywhere':
      return true;
    case 'district-centre':
      return level === 'district-centre';
    case 'community-centre':
      return level === 'community-centre';
  }
}

/** The items a hall of `level` offers, in the catalog's order. */
export function itemsForHall<T extends { handledAt?: HandledAt | undefined }>(items: readonly T[], level: HallLevel): T[] {
  return items.filter((item) => offeredAt(item, level));
}
