import { contradictionSeverity, fmt, makeFinding, roundsTo, sectionOf, type AuditFinding } from "./finding";
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
 * text; checks that the "improvement rate" is (recovered + improved)/abnormal. Three findings: the
 * collapse, the text's categories, the rate — each a contradiction (graded by the largest difference in
 * patients) or a pass. Whether the text's categories add up to the abnormal group is the total check's
 * job (relation parts), so it is not repeated here.
 *
 * Reference: Frankel et al. (1969) grades A (complete) – E (normal). R: by hand with table(). Cost: O(grades²).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkFrankel(registry, ids).map((f) => f.class)
 * // ["contradiction", "contradiction", null] (Table 2 gives 3 normal → abnormal, Table 3 prints 2; …)
 */
export function checkFrankel(registry: Registry, ids: FrankelIds): AuditFinding[] {
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
  const table2Ids: string[] = [];
  for (const pre of ids.preGrades) {
    for (const post of grades) {
      table2Ids.push(cell(pre, post));
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
  interface Cmp {
    label: string;
    computed: number;
    id: string;
  }
  const compare = (items: Cmp[]) => {
    const differing = items.filter((c) => v(c.id) !== c.computed);
    const text = items
      .map((c) => `${c.label} ${c.computed}${v(c.id) === c.computed ? "" : ` (printed ${registry.get(c.id).value})`}`)
      .join(", ");
    const largest = Math.max(0, ...differing.map((c) => Math.abs(v(c.id) - c.computed)));
    return { differing, text, largest };
  };
  const t3 = ids.table3;
  const collapse = compare([
    { label: "abnormal→abnormal", computed: aa, id: t3.abnormalAbnormal },
    { label: "abnormal→normal", computed: an, id: t3.abnormalNormal },
    { label: "normal→abnormal", computed: na, id: t3.normalAbnormal },
    { label: "normal→normal", computed: nn, id: t3.normalNormal },
  ]);
  const t = ids.text;
  const outcome = compare([
    { label: "recovered", computed: recovered, id: t.recovered },
    { label: "maintained", computed: maintained, id: t.maintained },
    { label: "improved", computed: improved, id: t.improved },
    { label: "worsened", computed: worsened, id: t.worsened },
  ]);
  const collapseFinding = makeFinding(registry, {
    check: "frankel",
    ids: [...Object.values(t3), ...table2Ids],
    verdict: collapse.differing.length === 0 ? "passes" : "finding",
    class: "contradiction",
    severity: contradictionSeverity(collapse.largest, 1, true),
    where: "Table 2 and Table 3",
    headline:
      collapse.differing.length === 0
        ? "Table 2 collapsed to abnormal/normal gives Table 3"
        : `Table 2 collapsed to abnormal/normal disagrees with Table 3: ` +
          collapse.differing.map((c) => `${c.label} ${c.computed} vs ${registry.get(c.id).value}`).join(", "),
    evidence: `Table 2 collapsed (${ids.normalGrade} = normal): ${collapse.text}`,
    recomputed: {
      collapsed: [
        [aa, an],
        [na, nn],
      ],
    },
    explanation: `Table 2 collapsed (${ids.normalGrade} = normal): ${collapse.text}.`,
  });
  const outcomeFinding = makeFinding(registry, {
    check: "frankel",
    ids: [
      t.recovered,
      t.maintained,
      t.improved,
      t.worsened,
      ...table2Ids.filter((id) => !id.includes(`.pre.${ids.normalGrade}.`)),
    ],
    verdict: outcome.differing.length === 0 ? "passes" : "finding",
    class: "contradiction",
    severity: contradictionSeverity(outcome.largest, 1, true),
    where: `${sectionOf(registry.get(t.recovered).locator.section)} and Table 2`,
    headline:
      outcome.differing.length === 0
        ? "the text's outcome categories match Table 2"
        : `the text's outcome categories of the ${v(t.preAbnormal)} abnormal-before patients disagree with Table 2: ` +
          outcome.differing
            .map((c) => `${c.label} ${registry.get(c.id).value} printed, Table 2 gives ${c.computed}`)
            .join("; "),
    evidence:
      `Table 2, rows ${ids.preGrades.filter((g) => g !== ids.normalGrade).join(", ")}: ${outcome.text}; ` +
      `worsened among the normal-before: ${na}`,
    recomputed: { recovered, maintained, improved, worsenedAmongAbnormal: worsened, worsenedAmongNormal: na },
    explanation:
      `Of the abnormal before surgery, Table 2 gives: ${outcome.text}; worsened among the normal-before: ${na}` +
      (outcome.differing.length ? ". The text's worsened patients are not among the abnormal-before in Table 2." : "."),
  });
  const pre = v(t.preAbnormal);
  const rateEntry = registry.get(ids.improvementRate);
  const rate = (100 * (v(t.recovered) + v(t.improved))) / pre;
  const rateOk = roundsTo(rate, rateEntry);
  const rateText =
    `improvement rate (recovered + improved)/abnormal = (${v(t.recovered)} + ${v(t.improved)})/${pre} = ` +
    `${fmt(rate, 2)}% vs printed ${rateEntry.value}%`;
  const rateFinding = makeFinding(registry, {
    check: "frankel",
    ids: [ids.improvementRate, t.recovered, t.improved, t.preAbnormal],
    verdict: rateOk ? "passes" : "finding",
    class: "contradiction",
    severity: contradictionSeverity(rate - rateEntry.number, rateEntry.number, false),
    headline: rateOk ? `the improvement rate ${rateEntry.value}% = (recovered + improved)/abnormal` : rateText,
    evidence: rateText,
    recomputed: { improvementRate: rate },
    explanation: `${rateText}.`,
  });
  return [collapseFinding, outcomeFinding, rateFinding];
}
