import {
  contradictionSeverity,
  fmt,
  gapClass,
  lastDigitGap,
  makeFinding,
  notCheckable,
  roundingInterval,
  roundsTo,
  type AuditFinding,
} from "./finding";
import { entryLabel } from "./label";
import type { Registry } from "./registry";

/**
 * Percent ↔ count ↔ denominator (relation "percent-of"): recomputes 100·count/denominator and accepts it
 * when it rounds (half up or half down) to the printed percent. A percent one unit of its last digit
 * away is rounding-level; further away, a contradiction. With no printed count, lists the counts k in
 * 0…denominator whose 100·k/denominator rounds to the printed value (GRIM for percentages): none is a
 * contradiction.
 *
 * Reference: Brown & Heathers (2017) GRIM, applied to proportions. R: scrutiny::grim(percent = TRUE).
 * SPSS: none. Cost: O(1), or O(denominator) without a count.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkPercent(registry, "s4.1.luad.pct").verdict // "passes" (100·45/55 = 81.8182 → 81.82)
 */
export function checkPercent(registry: Registry, percentId: string): AuditFinding {
  const p = registry.get(percentId);
  const denomId = p.relations?.denominator;
  if (denomId === undefined)
    return notCheckable(registry, "percent", [percentId], `${entryLabel(p)}: no denominator in the registry.`);
  const d = registry.get(denomId).number;
  const countId = p.relations?.count;
  const [lo, hi] = roundingInterval(p);
  if (countId === undefined) {
    const feasible: number[] = [];
    for (let k = 0; k <= d; k++) if (roundsTo((100 * k) / d, p)) feasible.push(k);
    const ok = feasible.length > 0;
    const explanation = ok
      ? `No count printed; ${p.value}% of ${d} is attainable only as ` +
        `${feasible.map((k) => `${k}/${d} = ${fmt((100 * k) / d, 4)}%`).join(", ")}.`
      : `No integer k in 0…${d} gives 100·k/${d} in [${fmt(lo, 4)}, ${fmt(hi, 4)}]: ${p.value}% is impossible ` +
        `with denominator ${d}.`;
    return makeFinding(registry, {
      check: "percent",
      ids: [percentId, denomId],
      verdict: ok ? "passes" : "finding",
      class: "contradiction",
      severity: "minor",
      headline: ok ? `${p.value}% of ${d} is attainable` : `${p.value}% is not k/${d} for any whole number k`,
      evidence: explanation,
      recomputed: { denominator: d, impliedCounts: feasible },
      explanation,
    });
  }
  const c = registry.get(countId).number;
  const pct = (100 * c) / d;
  const units = lastDigitGap(p, [pct, pct]);
  const cls = gapClass(units, p.kind);
  const evidence = `100 × ${c}/${d} = ${fmt(pct, 4)}%; printed ${p.value}% (covers ${fmt(lo, 4)}–${fmt(hi, 4)})`;
  return makeFinding(registry, {
    check: "percent",
    ids: [percentId, countId, denomId],
    verdict: cls === null ? "passes" : "finding",
    class: cls ?? undefined,
    severity: cls === "contradiction" ? contradictionSeverity(pct - p.number, p.number, false) : undefined,
    headline:
      cls === null
        ? `${p.value}% = ${c}/${d}`
        : `${p.value}% printed, but ${c}/${d} = ${fmt(pct, p.decimals + 2)}% (${units} unit${units > 1 ? "s" : ""} ` +
          `of the last digit)`,
    evidence,
    recomputed: { count: c, denominator: d, percent: pct, lastDigitUnits: units },
    explanation: `${evidence}${cls === null ? "." : ` — does not round to ${p.value}.`}`,
  });
}
