import { fmt, makeFinding, notCheckable, roundingInterval, roundsTo, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/**
 * Percent ↔ count ↔ denominator: recomputes 100·count/denominator and accepts it when it rounds
 * (half up or half down) to the printed percent. With no printed count, lists the integer counts k in
 * 0…denominator whose 100·k/denominator rounds to the printed value (a GRIM test for percentages).
 *
 * Reference: Brown & Heathers (2017) GRIM, applied to proportions. R: scrutiny::grim(percent = TRUE).
 * SPSS: none. Cost: O(1), or O(denominator) without a count.
 *
 * @example
 * checkPercent(loadRegistry(), "s4.1.luad.pct").verdict // "consistent" (100·45/55 = 81.8182 → 81.82)
 */
export function checkPercent(registry: Registry, percentId: string): AuditFinding {
  const p = registry.get(percentId);
  const denomId = p.relations?.denominator;
  if (denomId === undefined)
    return notCheckable("percent", [percentId], `${percentId} has no denominator in the registry.`);
  const d = registry.get(denomId).number;
  const countId = p.relations?.count;
  const [lo, hi] = roundingInterval(p);
  if (countId === undefined) {
    const feasible: number[] = [];
    for (let k = 0; k <= d; k++) if (roundsTo((100 * k) / d, p)) feasible.push(k);
    const verdict = feasible.length > 0 ? "consistent" : "inconsistent";
    return makeFinding(
      "percent",
      [percentId, denomId],
      verdict,
      { denominator: d, impliedCounts: feasible },
      feasible.length > 0
        ? `No count printed; ${p.value}% of ${d} is attainable only as ` +
            `${feasible.map((k) => `${k}/${d} = ${fmt((100 * k) / d, 4)}%`).join(", ")}.`
        : `No integer k in 0…${d} gives 100·k/${d} in [${fmt(lo, 4)}, ${fmt(hi, 4)}]: ${p.value}% is impossible ` +
            `with denominator ${d}.`,
    );
  }
  const c = registry.get(countId).number;
  const pct = (100 * c) / d;
  const ok = roundsTo(pct, p);
  return makeFinding(
    "percent",
    [percentId, countId, denomId],
    ok ? "consistent" : "inconsistent",
    { count: c, denominator: d, percent: pct },
    `100 × ${c}/${d} = ${fmt(pct, 4)}%; printed ${p.value}% covers [${fmt(lo, 4)}, ${fmt(hi, 4)}]` +
      `${ok ? "" : ` — does not round to ${p.value}`}.`,
  );
}
