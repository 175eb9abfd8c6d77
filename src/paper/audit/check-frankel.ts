import { fmt, makeFinding, roundsTo, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/** Ids the Frankel check reads. `table2Cell(pre, post)` ids follow "<prefix>.pre.<G>.post.<G>". */
export interface FrankelIds {
  readonly table2Prefix: string;
  readonly preGrades: readonly string[];
  readonly postGrades: readonly string[];
  /** Grade meaning "normal" (E). */
  readonly normalGrade: string;
  readonly table3: {
    readonly abnormalAbnormal: string;
    readonly abnormalNormal: string;
    readonly normalAbnormal: string;
    readonly normalNormal: string;
  };
  readonly text: {
    readonly preAbnormal: string;
    readonly recovered: string;
    readonly maintained: string;
    readonly improved: string;
    readonly worsened: string;
  };
  readonly improvementRate: string;
}

/**
 * Frankel arithmetic: collapses the 4×5 before/after grade table (Table 2) to abnormal/normal and
 * compares it with the 2×2 (Table 3); classifies the patients abnormal before surgery as recovered
 * (→ E), maintained (same grade), improved (better, not E) or worsened (worse) and compares with the
 * text; checks that the text's categories add up to the abnormal group and that the "improvement rate"
 * is (recovered + improved)/abnormal.
 *
 * Reference: Frankel et al. (1969) grades A (complete) – E (normal). R: by hand with table(). Cost: O(grades²).
 *
 * @example
 * const t3 = (pre: string, post: string) => `t3.pre.${pre}.post.${post}`;
 * const ids = {
 *   table2Prefix: "t2",
 *   preGrades: ["B", "C", "D", "E"],
 *   postGrades: ["A", "B", "C", "D", "E"],
 *   normalGrade: "E",
 *   table3: {
 *     abnormalAbnormal: t3("abnormal", "abnormal"),
 *     abnormalNormal: t3("abnormal", "normal"),
 *     normalAbnormal: t3("normal", "abnormal"),
 *     normalNormal: t3("normal", "normal"),
 *   },
 *   text: {
 *     preAbnormal: "s4.3.pre-abnormal.n2",
 *     recovered: "s4.3.recovered.n",
 *     maintained: "s4.3.maintained.n",
 *     improved: "s4.3.improved.n",
 *     worsened: "s4.3.worsened.n",
 *   },
 *   improvementRate: "s5.improvement-rate",
 * };
 * checkFrankel(loadRegistry(), ids).verdict // "inconsistent" (8 + 8 + 7 + 2 = 25 ≠ 23; Table 2 row E sums to 33)
 */
export function checkFrankel(registry: Registry, ids: FrankelIds): AuditFinding {
  const grades = ids.postGrades;
  const rank = (g: string) => grades.indexOf(g);
  const cell = (pre: string, post: string) => `${ids.table2Prefix}.pre.${pre}.post.${post}`;
  const v = (id: string) => registry.get(id).number;
  let aa = 0,
    an = 0,
    na = 0,
    nn = 0,
    recovered = 0,
    maintained = 0,
    improved = 0,
    worsened = 0;
  for (const pre of ids.preGrades) {
    for (const post of grades) {
      const k = v(cell(pre, post));
      const preNormal = pre === ids.normalGrade;
      const postNormal = post === ids.normalGrade;
      if (!preNormal && !postNormal) aa += k;
      if (!preNormal && postNormal) an += k;
      if (preNormal && !postNormal) na += k;
      if (preNormal && postNormal) nn += k;
      if (!preNormal) {
        if (postNormal) recovered += k;
        else if (post === pre) maintained += k;
        else if (rank(post) > rank(pre)) improved += k;
        else worsened += k;
      }
    }
  }
  const problems: string[] = [];
  const compare = (label: string, computed: number, id: string): string => {
    const printed = v(id);
    if (printed !== computed) problems.push(`${label}: Table 2 gives ${computed}, printed ${printed}`);
    return `${label} ${computed}${printed === computed ? "" : ` (printed ${printed})`}`;
  };
  const collapse = [
    compare("abnormal→abnormal", aa, ids.table3.abnormalAbnormal),
    compare("abnormal→normal", an, ids.table3.abnormalNormal),
    compare("normal→abnormal", na, ids.table3.normalAbnormal),
    compare("normal→normal", nn, ids.table3.normalNormal),
  ];
  const outcome = [
    compare("recovered", recovered, ids.text.recovered),
    compare("maintained", maintained, ids.text.maintained),
    compare("improved", improved, ids.text.improved),
    compare("worsened (of the abnormal)", worsened, ids.text.worsened),
  ];
  const t = ids.text;
  const textSum = v(t.recovered) + v(t.maintained) + v(t.improved) + v(t.worsened);
  const pre = v(t.preAbnormal);
  if (textSum !== pre) problems.push(`text categories sum to ${textSum}, not ${pre}`);
  const rateEntry = registry.get(ids.improvementRate);
  const rate = (100 * (v(t.recovered) + v(t.improved))) / pre;
  const rateOk = roundsTo(rate, rateEntry);
  if (!rateOk) problems.push(`improvement rate (recovered + improved)/${pre} = ${fmt(rate, 2)}% ≠ ${rateEntry.value}%`);
  const allIds = [
    t.preAbnormal,
    t.recovered,
    t.maintained,
    t.improved,
    t.worsened,
    ids.improvementRate,
    ...Object.values(ids.table3),
  ];
  return makeFinding(
    "frankel",
    allIds,
    problems.length === 0 ? "consistent" : "inconsistent",
    {
      collapsed: [
        [aa, an],
        [na, nn],
      ],
      recovered,
      maintained,
      improved,
      worsenedAmongAbnormal: worsened,
      worsenedAmongNormal: na,
      textSum,
      improvementRate: rate,
    },
    `Table 2 collapsed (E = normal): ${collapse.join(", ")}. Of the abnormal before: ${outcome.join(", ")}; ` +
      `worsened among the normal-before: ${na}. ` +
      `Text: ${v(t.recovered)} + ${v(t.maintained)} + ${v(t.improved)} + ${v(t.worsened)} = ${textSum} vs ` +
      `${pre}. Improvement rate (${v(t.recovered)} + ${v(t.improved)})/${pre} = ${fmt(rate, 2)}% vs ` +
      `${rateEntry.value}%` +
      (problems.length ? `. Problems: ${problems.join("; ")}.` : "."),
  );
}
