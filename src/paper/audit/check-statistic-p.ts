import { formatP } from "../../lib/core/format";
import { statisticPValue, type ReportedTestFamily } from "../../lib/hypothesis/statistic-p-value";
import {
  fmt,
  gapClass,
  intervalsOverlap,
  lastDigitGap,
  makeFinding,
  notCheckable,
  roundingInterval,
  type AuditFinding,
} from "./finding";
import { entryLabel } from "./label";
import type { LoadedEntry, Registry, StatisticTest } from "./registry";

const Z975 = 1.959963984540054;

/** The statcheck family of a declared test: z-tests print a z, McNemar a χ²(1). */
const FAMILY: Record<StatisticTest, ReportedTestFamily> = {
  chisq: "chisq",
  "mcnemar-chisq": "chisq",
  t: "t",
  F: "F",
  z: "z",
  "mann-whitney-z": "z",
  "wilcoxon-z": "z",
  "cox-wald": "z",
  r: "r",
};

interface PRange {
  readonly p: [number, number];
  readonly how: string;
  readonly printedAs: string;
}

/** p over the statistic's rounding interval (p is monotone in |statistic|). */
function pRange(registry: Registry, stat: LoadedEntry): PRange | null {
  const rel = stat.relations ?? {};
  const test = rel.test;
  if (test === undefined) return null;
  const family = FAMILY[test];
  const sided = rel.sided ?? "two-sided";
  let [lo, hi] = roundingInterval(stat);
  if (test === "cox-wald") {
    // z = B / SE; SE printed, or implied by the 95% CI of Exp(B): (ln U − ln L)/(2·1.96).
    const expB = rel.expB ? registry.get(rel.expB) : null;
    let seLo: number;
    let seHi: number;
    let seText: string;
    if (rel.se) {
      [seLo, seHi] = roundingInterval(registry.get(rel.se));
      seText = `SE ${registry.get(rel.se).value}`;
    } else if (expB?.relations?.lower && expB.relations.upper) {
      const L = roundingInterval(registry.get(expB.relations.lower));
      const U = roundingInterval(registry.get(expB.relations.upper));
      seLo = (Math.log(U[0]) - Math.log(L[1])) / (2 * Z975);
      seHi = (Math.log(U[1]) - Math.log(L[0])) / (2 * Z975);
      seText = `SE = (ln U − ln L)/(2·1.96) ∈ [${fmt(seLo, 4)}, ${fmt(seHi, 4)}]`;
    } else return null;
    const bAbs = [Math.min(Math.abs(lo), Math.abs(hi)), Math.max(Math.abs(lo), Math.abs(hi))];
    const zLo = bAbs[0] / seHi;
    const zHi = bAbs[1] / seLo;
    return {
      p: [statisticPValue("z", zHi, { sided }), statisticPValue("z", zLo, { sided })],
      how: `${seText}, Wald z = B/SE ∈ [${fmt(zLo, 3)}, ${fmt(zHi, 3)}] → p = 2·P(Z ≥ |z|)`,
      printedAs: `B = ${stat.value}`,
    };
  }
  const df = rel.df ?? (rel.table ? (rel.table.length - 1) * (rel.table[0].length - 1) : undefined);
  if (family === "chisq" || family === "F") {
    lo = Math.max(0, lo);
  }
  if (family === "r") {
    lo = Math.max(-1, lo);
    hi = Math.min(1, hi);
  }
  const straddles = lo <= 0 && hi >= 0;
  const small = straddles ? 0 : Math.min(Math.abs(lo), Math.abs(hi));
  const large = Math.max(Math.abs(lo), Math.abs(hi));
  const opts = { df, df2: rel.df2, sided };
  const name =
    family === "chisq"
      ? `χ²(${df})`
      : family === "F"
        ? `F(${df}, ${rel.df2})`
        : family === "t"
          ? `t(${df})`
          : family === "r"
            ? `r(${df})`
            : "z";
  const tail =
    family === "chisq" || family === "F"
      ? "upper tail"
      : sided === "two-sided"
        ? "two-sided"
        : "one-sided (the predicted direction)";
  return {
    p: [statisticPValue(family, large, opts), statisticPValue(family, small, opts)],
    how: `${name} ∈ [${fmt(lo, stat.decimals + 1)}, ${fmt(hi, stat.decimals + 1)}] → p (${tail})`,
    printedAs: `${name} = ${stat.value}`,
  };
}

/** The printed p as an interval: "= x" its rounding interval (from 0), "< x" [0, x], "> x" [x, 1]. */
function printedRange(p: LoadedEntry): [number, number] {
  const cmp = p.relations?.comparator ?? "=";
  if (cmp === "<") return [0, p.number];
  if (cmp === ">") return [p.number, 1];
  const r = roundingInterval(p);
  return [Math.max(0, r[0]), r[1]];
}

const showP = (x: number): string => (x < 0.001 ? x.toExponential(2) : fmt(x, 4));
/** "p = 0.023" or "p < 0.001", as a journal prints it. */
const pWords = (x: number): string => {
  const f = formatP(x);
  return f.startsWith("<") ? `p ${f}` : `p = ${f}`;
};

/**
 * A reported test recomputed as statcheck (Epskamp & Nuijten 2016) does: the statistic's rounding
 * interval gives a p interval (χ²(df), t(df), F(df1, df2), z and r(df), one- or two-sided; the Cox Wald
 * z from B and the SE printed or implied by the CI of Exp(B)), which must overlap the printed p ("= x"
 * its rounding interval, "p = 0.000" meaning < 0.0005; "< x"; "> x"). A mismatch that puts p on the other
 * side of the paper's α is a decision error (statcheck's gross inconsistency): "decision-changing". Other
 * mismatches are a contradiction (graded minor), or rounding-level when one unit of p's last digit.
 * A printed p equal to α counts as significant (statcheck's default).
 *
 * R: statcheck::statcheck(); pchisq(x, df, lower.tail = FALSE); 2 * pt(-abs(t), df); pf(); 2 * pnorm(-abs(z)).
 * SPSS prints p truncated to 3 decimals ("0.000"). Cost: O(1).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkStatisticP(registry, "t5.visceral.p").verdict // "passes" (χ²(1) = 5.145 → p = 0.0233)
 */
export function checkStatisticP(registry: Registry, pId: string): AuditFinding {
  const p = registry.get(pId);
  const statId = p.relations?.statistic;
  if (statId === undefined)
    return notCheckable(registry, "statistic-p", [pId], `${entryLabel(p)}: no statistic is linked to this p.`);
  const stat = registry.get(statId);
  const range = pRange(registry, stat);
  const ids = [pId, statId];
  if (range === null)
    return notCheckable(
      registry,
      "statistic-p",
      ids,
      `${entryLabel(stat)}: the test (${stat.relations?.test ?? "not declared"}) or its inputs are missing, so p ` +
        "cannot be recomputed.",
    );
  const alpha = registry.alpha;
  const printed = printedRange(p);
  const ok = intervalsOverlap(range.p, printed);
  const cmp = p.relations?.comparator ?? "=";
  const printedSig = cmp === ">" ? false : p.number <= alpha;
  const recomputedSig = range.p[1] <= alpha ? true : range.p[0] > alpha ? false : null;
  const decisionError = !ok && recomputedSig !== null && recomputedSig !== printedSig;
  const units = cmp === "=" ? lastDigitGap(p, range.p) : ok ? 0 : 2;
  const cls = decisionError ? "decision-changing" : ok ? null : (gapClass(units, "p-value") ?? "contradiction");
  const pText = `[${showP(range.p[0])}, ${showP(range.p[1])}]`;
  const evidence =
    `${range.printedAs}: ${range.how} ∈ ${pText}; printed p ${cmp} ${p.value}` +
    `${cmp === "=" ? ` covers [${fmt(printed[0], p.decimals + 1)}, ${fmt(printed[1], p.decimals + 1)}]` : ""}` +
    ` — ${ok ? "consistent" : "inconsistent"}` +
    `${decisionError ? `; at α = ${alpha} the conclusion flips` : `; decision at α = ${alpha} unchanged`}`;
  const recomputedP = (range.p[0] + range.p[1]) / 2;
  return makeFinding(registry, {
    check: "statistic-p",
    ids,
    verdict: cls === null ? "passes" : "finding",
    class: cls ?? undefined,
    severity: cls === "contradiction" ? "minor" : undefined,
    headline:
      cls === null
        ? `${range.printedAs} gives ${pWords(recomputedP)}, as printed`
        : `${range.printedAs} gives p = ${showP(recomputedP)}, printed p ${cmp} ${p.value}` +
          (decisionError
            ? ` — ${recomputedSig ? "significant" : "not significant"} at α = ${alpha}, the reverse of the paper`
            : ""),
    evidence,
    recomputed: { pLower: range.p[0], pUpper: range.p[1], decisionError, alpha },
    explanation: `${evidence}.`,
  });
}
