import seed from './indicator-seed.json';
import { IndicatorTree, treeShape, type IndicatorTreeShape } from './indicators';

/**
 * The district's indicator system as the platform seeds it (indicator-seed.json): the seven
 * categories with 26 second-level and 77 third-level indicators, drawn on the structure of the
 * national business-environment evaluation, each leaf with its unit, direction, target, worst
 * value, weight, responsible department and source. Parsed by the schema when this module loads,
 * so a seed that breaks a rule of the tree fails at import, in every program and test that uses it.
 */
export const INDICATOR_SEED: IndicatorTree = IndicatorTree.parse(seed);

/** The seed's counts per level: the shape the console shows an edited tree against. */
export const INDICATOR_SEED_SHAPE: IndicatorTreeShape = treeShape(INDICATOR_SEED);
