import { expect, it } from 'vitest';
import { sqlState } from '../../../platform/db/sql';
import { insertPerson, insertUnit, personById, updatePerson } from '../../../platform/store/complaint-directory';
import { describeEachDatabase } from '../support/each-database';

const AT = new Date('2026-11-27T02:00:00Z');

const person = (id: string, unitCode: string, bureauRoles: ('intake' | 'sorter')[] = []) => ({
  id,
  name: '示例人员',
  unitCode,
  duty: 'handler' as const,
  bureauRoles,
  email: null,
  phone: null,
  active: true,
});

async function failure(write: Promise<unknown>): Promise<string | undefined> {
  try {
    await write;
  } catch (error) {
    return sqlState(error);
  }
  return undefined;
}

describeEachDatabase('complaint directory: the rules the tables hold', (database) => {
  it('holds bureau roles to the 营商局’s people, whoever writes the rows', async () => {
    const sql = database().sql;
    await insertUnit(sql, { code: 'business-bureau', name: '区营商局', kind: 'department', isBureau: true }, AT);
    await insertUnit(sql, { code: 'street-xinghe', name: '星河街道', kind: 'street', isBureau: false }, AT);
    const sorter = person('00000000-0000-4000-8000-000000000001', 'business-bureau', ['sorter']);
    expect(await insertPerson(sql, sorter, AT)).toMatchObject({ bureauRoles: ['sorter'] });
    // A street's handler with a bureau role: refused by the check, not by the service.
    expect(
      await failure(insertPerson(sql, person('00000000-0000-4000-8000-000000000002', 'street-xinghe', ['sorter']), AT)),
    ).toBe('23514');
    // Moving the sorter to the street keeps the rule too.
    expect(await failure(updatePerson(sql, { ...sorter, unitCode: 'street-xinghe' }))).toBe('23514');
    expect((await personById(sql, sorter.id))?.unitCode).toBe('business-bureau');
  });

  it('admits one 营商局, a department', async () => {
    const sql = database().sql;
    await insertUnit(sql, { code: 'business-bureau', name: '区营商局', kind: 'department', isBureau: true }, AT);
    expect(
      await failure(insertUnit(sql, { code: 'second-bureau', name: '另一营商局', kind: 'department', isBureau: true }, AT)),
    ).toBe('23505');
    expect(await failure(insertUnit(sql, { code: 'street-bureau', name: '街道', kind: 'street', isBureau: true }, AT))).toBe(
      '23514',
    );
  });
});
