import { formatP } from "../../lib/core/format";
import { mcnemarTest } from "../../lib/hypothesis/mcnemar-test";
import { fmt, makeFinding, notCheckable, type AuditFinding } from "./finding";
import { entryLabel } from "./label";
import type { Registry, StatisticTest } from "./registry";

/** The pairing a test type assumes, when its type says it. */
const ASSUMES: Partial<Record<StatisticTest, "paired" | "independent">> = {
  chisq: "independent",
  F: "independent",
  "mann-whitney-z": "independent",
  "wilcoxon-z": "paired",
  "mcnemar-chisq": "paired",
};

/**
 * Test type against pairing (relations `test`, `design`, `testAssumes` on a statistic): a test that
 * assumes independent samples applied to paired data (the same patients before and after) or the
 * reverse. For a before/after 2×2 table (relation `table`) the paired test is recomputed on the
 * discordant cells b and c — McNemar asymptotic (b−c)²/(b+c), continuity-corrected (|b−c|−1)²/(b+c), and
 * the exact binomial test of b in b+c at ½ — and compared with the printed p at the paper's α: when every
 * variant reverses the printed conclusion the finding is "decision-changing" (critical); otherwise it is a
 * design concern whose evidence says how the paired test comes out.
 *
 * Reference: McNemar (1947); Agresti (2013) §11.1. R: mcnemar.test(m, correct = FALSE / TRUE),
 * binom.test(b, b + c). SPSS: McNemar in CROSSTABS (exact binomial). Cost: O(b + c).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkPairedDesign(registry, "t3.chisq").class // "decision-changing" (exact McNemar p = 0.109)
 */
export function checkPairedDesign(registry: Registry, statisticId: string): AuditFinding {
  const stat = registry.get(statisticId);
  const rel = stat.relations ?? {};
  const assumes = rel.testAssumes ?? (rel.test ? ASSUMES[rel.test] : undefined);
  const pEntry = registry.entries.find((e) => e.relations?.statistic === statisticId) ?? null;
  const ids = [statisticId, ...(pEntry ? [pEntry.id] : [])];
  if (rel.design === undefined || assumes === undefined)
    return notCheckable(
      registry,
      "paired-design",
      ids,
      `${entryLabel(stat)}: the data's design or the pairing the ${rel.test ?? "undeclared"} test assumes ` +
        "is not declared.",
    );
  const testName = rel.test ?? "the test";
  if (rel.design === assumes) {
    const text = `${entryLabel(stat)}: ${rel.design} data, analysed with a test for ${assumes} samples (${testName}).`;
    return makeFinding(registry, {
      check: "paired-design",
      ids,
      verdict: "passes",
      headline: `the ${testName} test matches the ${rel.design} design`,
      explanation: text,
    });
  }
  const mismatch =
    rel.design === "paired"
      ? `the same subjects measured twice (paired data) analysed with ${testName}, a test for independent samples`
      : `independent samples analysed with ${testName}, a test for paired data`;
  const table = rel.table;
  if (rel.design !== "paired" || table === undefined || table.length !== 2 || table[0].length !== 2) {
    return makeFinding(registry, {
      check: "paired-design",
      ids: [...ids, ...(table?.flat() ?? [])],
      verdict: "finding",
      class: "design concern",
      severity: "major",
      headline: `${mismatch}; the appropriate test cannot be recomputed from what is printed`,
      evidence: `${entryLabel(stat)}: ${mismatch}.`,
      explanation:
        `${entryLabel(stat)}: ${mismatch}. No 2×2 before/after table is printed, so the paired test cannot be ` +
        "recomputed.",
    });
  }
  const alpha = registry.alpha;
  const b = registry.get(table[0][1]).number;
  const c = registry.get(table[1][0]).number;
  const discordant = [
    [0, b],
    [c, 0],
  ];
  const asymptotic = mcnemarTest(discordant, { method: "asymptotic" });
  const corrected = mcnemarTest(discordant, { method: "corrected" });
  const exact = mcnemarTest(discordant, { method: "exact" });
  const ps = [asymptotic.pValue!, corrected.pValue!, exact.pValue!];
  const printedSig = pEntry ? (pEntry.relations?.comparator === ">" ? false : pEntry.number <= alpha) : null;
  const pairedSig = ps.map((x) => x <= alpha);
  const allFlip = printedSig !== null && pairedSig.every((s) => s !== printedSig);
  const someFlip = printedSig !== null && pairedSig.some((s) => s !== printedSig);
  const lo = Math.min(...ps);
  const hi = Math.max(...ps);
  const statName = rel.test === "chisq" ? "χ²" : "statistic";
  const printedText = `printed ${statName} = ${stat.value}${pEntry ? `, P = ${pEntry.value}` : ""}`;
  const evidence =
    `paired test on the discordant cells b = ${b}, c = ${c}: McNemar (${b}−${c})²/${b + c} = ` +
    `${fmt(asymptotic.statistic!, 2)}, p = ${fmt(ps[0], 3)}; corrected p = ${fmt(ps[1], 3)}; exact binomial ` +
    `p = ${fmt(ps[2], 3)} — against the ${printedText}`;
  const verdictText = allFlip
    ? `not significant at α = ${alpha} by any McNemar variant: the printed conclusion does not hold`
    : someFlip
      ? `the conclusion at α = ${alpha} depends on the McNemar variant`
      : `the paired test agrees with the printed conclusion at α = ${alpha}`;
  return makeFinding(registry, {
    check: "paired-design",
    ids: [...ids, ...table.flat()],
    verdict: "finding",
    class: allFlip ? "decision-changing" : "design concern",
    severity: allFlip ? undefined : someFlip ? "major" : "minor",
    headline:
      `paired before/after data tested as unpaired: McNemar p ≈ ${lo.toPrecision(2)}–${hi.toPrecision(2)} against ` +
      `the printed ${pEntry ? `"P = ${pEntry.value}"` : stat.value}`,
    evidence: `${evidence}; ${verdictText}`,
    recomputed: {
      discordant: [b, c],
      mcnemar: asymptotic.statistic,
      pMcnemar: ps[0],
      mcnemarCorrected: corrected.statistic,
      pMcnemarCorrected: ps[1],
      pExactBinomial: ps[2],
      alpha,
    },
    explanation:
      `${entryLabel(stat)}: ${mismatch}. ` + `${evidence} (paired p ${formatP(lo)} to ${formatP(hi)}); ${verdictText}.`,
  });
}
