/**
 * Pinyin spelling as the citizen types it: lower-case letters without tones, ü as v, and ' as a
 * syllable divider. The syllables themselves are the dictionary's (pinyin-dictionary.ts).
 */

/** A set of spellings (a Set, or a Map keyed by them). */
export interface Lookup {
  has(spelling: string): boolean;
}

/** The input as typed: letters and dividers only (anything else is dropped). */
export function normalizeInput(input: string): string {
  return input.toLowerCase().replace(/[^a-z']/g, '');
}

/**
 * The input split into syllables for display: the fewest pieces that are whole syllables, the
 * last one allowed to be a syllable still being typed ('shenf' → shen, f); a letter no syllable
 * starts with stands alone. Ties go to the longer first syllable ('xian' → xian, 'fangan' → fang, an).
 */
export function splitSyllables(input: string, syllables: Lookup, prefixes: Lookup): string[] {
  const pieces: string[] = [];
  for (const run of normalizeInput(input).split("'")) {
    if (run !== '') pieces.push(...splitRun(run, syllables, prefixes));
  }
  return pieces;
}

function splitRun(run: string, syllables: Lookup, prefixes: Lookup): string[] {
  const n = run.length;
  // cost[i]: the best split of run[i..]: [pieces, penalty], penalty counting partial and stray pieces.
  const best: { cost: number; next: number }[] = new Array<{ cost: number; next: number }>(n + 1);
  best[n] = { cost: 0, next: n };
  for (let i = n - 1; i >= 0; i--) {
    let choice = { cost: Number.POSITIVE_INFINITY, next: i + 1 };
    for (let end = Math.min(n, i + 6); end > i; end--) {
      const piece = run.slice(i, end);
      const rest = best[end];
      if (!rest) continue;
      // A whole syllable costs 1; a syllable still being typed only at the end costs 1.5; a stray letter 3.
      const own = syllables.has(piece) ? 1 : end === n && prefixes.has(piece) ? 1.5 : end === i + 1 ? 3 : Number.NaN;
      if (Number.isNaN(own)) continue;
      const cost = own + rest.cost;
      if (cost < choice.cost) choice = { cost, next: end };
    }
    best[i] = choice;
  }
  const pieces: string[] = [];
  for (let i = 0; i < n;) {
    const next = best[i]?.next ?? n;
    pieces.push(run.slice(i, next));
    i = next;
  }
  return pieces;
}
