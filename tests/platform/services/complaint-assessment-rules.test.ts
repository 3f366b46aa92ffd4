import { expect, it } from 'vitest';
import { AssessmentRules, DEFAULT_ASSESSMENT_RULES } from '../../../contracts/complaint-assessment';
import { AssessmentRulesSettings } from '../../../platform/services/complaint-assessment-rules';
import { people } from '../support/complaints';
import { describeEachDatabase } from '../support/each-database';

const seededAt = new Date('2026-01-05T01:00:00Z');
const editedAt = new Date('2026-03-02T02:00:00Z');

/** The defaults with satisfaction worth 10 points less and timely closing 10 more. */
const stricter = AssessmentRules.parse({
  ...DEFAULT_ASSESSMENT_RULES,
  name: '营商诉求办理考核细则（2026年修订）',
  items: DEFAULT_ASSESSMENT_RULES.items.map((item) =>
    item.measure === 'satisfactionRate'
      ? { ...item, points: 20 }
      : item.measure === 'closedOnTimeRate'
        ? { ...item, points: 40 }
        : item,
  ),
});

describeEachDatabase('platform/services: the 考核细则 as a versioned setting', (database) => {
  it('starts with the defaults as version 1, seeded once however often the platform starts', async () => {
    let now = seededAt;
    const settings = new AssessmentRulesSettings(database().sql, () => now);
    await settings.seed();
    now = editedAt;
    await settings.seed();
    const versions = await settings.versions();
    expect(versions).toEqual([
      { version: 1, rules: DEFAULT_ASSESSMENT_RULES, createdAt: seededAt.toISOString(), createdBy: 'seed' },
    ]);
  });

  it('puts a supervisor’s edit in force as the next version and keeps the one before', async () => {
    let now = seededAt;
    const settings = new AssessmentRulesSettings(database().sql, () => now);
    await settings.seed();
    now = editedAt;
    const outcome = await settings.update(people.supervisor, 1, stricter);
    expect(outcome).toEqual({
      kind: 'ok',
      version: { version: 2, rules: stricter, createdAt: editedAt.toISOString(), createdBy: '督办员' },
    });
    expect((await settings.current()).rules.name).toBe('营商诉求办理考核细则（2026年修订）');
    expect((await settings.versions()).map((v) => [v.version, v.rules.name])).toEqual([
      [2, '营商诉求办理考核细则（2026年修订）'],
      [1, '营商诉求办理考核细则'],
    ]);
  });

  it('refuses an edit made on a version no longer in force, and writes nothing', async () => {
    const settings = new AssessmentRulesSettings(database().sql, () => editedAt);
    await settings.seed();
    await settings.update(people.supervisor, 1, stricter);
    expect(await settings.update(people.supervisor, 1, DEFAULT_ASSESSMENT_RULES)).toEqual({
      kind: 'version_conflict',
      current: 2,
    });
    expect((await settings.versions()).length).toBe(2);
  });

  it('lets no one but a 营商局 supervisor write the rules', async () => {
    const settings = new AssessmentRulesSettings(database().sql, () => editedAt);
    await settings.seed();
    for (const actor of [people.reviewer, people.sorter, people.leadLeader, people.leadHandler, people.enterprise, undefined]) {
      expect(await settings.update(actor, 1, stricter)).toEqual({ kind: 'wrong_role' });
    }
    expect((await settings.current()).version).toBe(1);
  });
});
