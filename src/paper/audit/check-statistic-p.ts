import { fmt, intervalsOverlap, makeFinding, notCheckable, roundingInterval, type AuditFinding } from "./finding";
import type { LoadedEntry, Registry } from "./registry";
import { normalPValue } from "../../lib/distributions";
import { chisqUpperTail } from "../../lib/distributions/chi-square-tail";

const Z975 = 1.959963984540054;

/** Two-sided p interval of a statistic entry over its rounding interval. */
function pInterval(registry: Registry, stat: LoadedEntry): { p: [number, number]; how: string } | null {
  const [lo, hi] = roundingInterval(stat);
  const test = stat.relations?.test;
  if (test === "pearson-chisq-df1" || test === "pearson-chisq") {
    const df = stat.relations?.df ?? 1;
    return {
      p: [chisqUpperTail(hi, df), chisqUpperTail(lo, df)],
      how: `χ²(${df}) ∈ [${fmt(lo, 4)}, ${fmt(hi, 4)}] → p = P(χ²_${df} ≥ x)`,
    };
  }
  if (test === "mann-whitney-z") {
    const a = Math.min(Math.abs(lo), Math.abs(hi));
    const b = Math.max(Math.abs(lo), Math.abs(hi));
    return {
      p: [normalPValue(b, "two-sided"), normalPValue(a, "two-sided")],
      how: `|Z| ∈ [${fmt(a, 4)}, ${fmt(b, 4)}] → p = 2·(1 − Φ(|Z|))`,
    };
  }
  if (test === "cox-wald") {
    const expB = stat.relations?.expB ? registry.get(stat.relations.expB) : null;
    if (!expB?.relations?.lower || !expB.relations.upper) return null;
    const L = roundingInterval(registry.get(expB.relations.lower));
    const U = roundingInterval(registry.get(expB.relations.upper));
    // SE implied by the CI of exp(B): (ln U − ln L) / (2·1.96); widest and narrowest over the rounding intervals.
    const seLo = (Math.log(U[0]) - Math.log(L[1])) / (2 * Z975);
    const seHi = (Math.log(U[1]) - Math.log(L[0])) / (2 * Z975);
    const bAbs = [Math.min(Math.abs(lo), Math.abs(hi)), Math.max(Math.abs(lo), Math.abs(hi))];
    return {
      p: [normalPValue(bAbs[1] / seLo, "two-sided"), normalPValue(bAbs[0] / seHi, "two-sided")],
      how:
        `SE = (ln U − ln L)/(2·1.96) ∈ [${fmt(seLo, 4)}, ${fmt(seHi, 4)}], Wald z = B/SE ∈ [` +
        `${fmt(bAbs[0] / seHi, 3)}, ${fmt(bAbs[1] / seLo, 3)}] → p = 2·(1 − Φ(|z|))`,
    };
  }
  return null;
}

/**
 * Statistic ↔ p, as statcheck (Epskamp & Nuijten 2016) does: the statistic's rounding interval gives a
 * p interval, which must overlap the printed p's rounding interval; a "decision error" is flagged when
 * the recomputed p lies wholly on the other side of α = 0.05. Supports χ² (df from relations), the
 * Mann–Whitney normal approximation Z, and the Cox Wald test (SE implied by the 95% CI of Exp(B)).
 *
 * R: statcheck::statcheck(); pchisq(x, df, lower.tail = FALSE); 2*pnorm(-abs(z)). SPSS prints p
 * truncated to 3 decimals ("0.000"). Cost: O(1).
 *
 * @example
 * checkStatisticP(loadRegistry(), "t5.visceral.p").verdict // "consistent" (χ² = 5.145 → p = 0.0233)
 */
export function checkStatisticP(registry: Registry, pId: string): AuditFinding {
  const p = registry.get(pId);
  const statId = p.relations?.statistic;
  if (statId === undefined) return notCheckable("statistic-p", [pId], `${pId} has no statistic.`);
  const stat = registry.get(statId);
  const interval = pInterval(registry, stat);
  if (interval === null)
    return notCheckable(
      "statistic-p",
      [pId, statId],
      `no p-value rule for ${statId} (test ${stat.relations?.test ?? "unknown"}).`,
    );
  const printed = roundingInterval(p);
  printed[0] = Math.max(0, printed[0]);
  const ok = intervalsOverlap(interval.p, printed);
  const alpha = 0.05;
  const printedSig = p.number < alpha;
  const recomputedSig = interval.p[1] < alpha ? true : interval.p[0] >= alpha ? false : null;
  const decisionError = recomputedSig !== null && recomputedSig !== printedSig;
  const pText = `[${interval.p[0].toExponential(3)}, ${interval.p[1].toExponential(3)}]`;
  return makeFinding(
    "statistic-p",
    [pId, statId],
    ok && !decisionError ? "consistent" : "inconsistent",
    { pLower: interval.p[0], pUpper: interval.p[1], decisionError },
    `${interval.how} ∈ ${pText}; printed p = ${p.value} covers [${fmt(printed[0], p.decimals + 1)}, ` +
      `${fmt(printed[1], p.decimals + 1)}] — ${ok ? "consistent" : "inconsistent"}` +
      `${decisionError ? "; the decision at α = 0.05 changes" : `; decision at α = 0.05 unchanged`}.`,
  );
}
