import type { Column } from "./internal/columns";

type Factor = Extract<Column, { kind: "factor" }>;

/**
 * Combines factors into one grouping as survival's strata() does: one group per observed combination, the first
 * factor varying slowest, labels joined by ", " (each part `prefixes[k]` + level; with `pad`, the labels of the
 * second and later factors padded to a common width, as R's format()). Missing (−1) in any factor gives −1.
 * Used for strata(a, b), several strata() terms in coxph, and the groups of survfit and survdiff.
 * R: `survival::strata(a, b, shortlabel = )`. Cost O(n × factors).
 *
 * @example
 * combineFactors([{ kind: "factor", codes: Int32Array.of(0, 1), levels: ["1", "2"] }], ["sex="], true).levels
 * // ["sex=1", "sex=2"]
 */
export function combineFactors(
  factors: readonly Factor[],
  prefixes: readonly string[],
  pad: boolean,
): { codes: Int32Array; levels: string[] } {
  const n = factors[0].codes.length;
  let codes = Int32Array.from(factors[0].codes);
  let labels = factors[0].levels.map((l) => `${prefixes[0]}${l}`);
  for (let j = 1; j < factors.length; j++) {
    const f = factors[j];
    let wlab = f.levels.map((l) => `${prefixes[j]}${l}`);
    if (pad) {
      const width = Math.max(...wlab.map((w) => w.length));
      wlab = wlab.map((w) => w.padEnd(width));
    }
    const k = wlab.length;
    for (let i = 0; i < n; i++) codes[i] = codes[i] < 0 || f.codes[i] < 0 ? -1 : codes[i] * k + f.codes[i];
    labels = labels.flatMap((l) => wlab.map((w) => `${l}, ${w}`));
  }
  const used = new Uint8Array(labels.length);
  for (let i = 0; i < n; i++) if (codes[i] >= 0) used[codes[i]] = 1;
  const remap = new Int32Array(labels.length).fill(-1);
  const levels: string[] = [];
  for (let k = 0; k < labels.length; k++) {
    if (used[k]) {
      remap[k] = levels.length;
      levels.push(labels[k]);
    }
  }
  codes = codes.map((c) => (c < 0 ? -1 : remap[c]));
  return { codes, levels };
}
