import { fmt, makeFinding, notCheckable, roundingInterval, type AuditFinding } from "./finding";
import { entryLabel } from "./label";
import type { LoadedEntry, Registry, Scale } from "./registry";

/**
 * The values a single measurement can take on the scale, ascending: integers min…max, or ODI
 * percentages 100·s/(5k) for the allowed numbers k of answered sections. Cost: O(values · log values).
 *
 * @example
 * scaleValues({ type: "integer", min: 0, max: 3 }) // [0, 1, 2, 3]
 */
export function scaleValues(scale: Scale): number[] {
  const out = new Set<number>();
  if (scale.type === "integer") {
    for (let v = scale.min; v <= scale.max; v++) out.add(v);
  } else {
    // ODI: 100·s/(5k) with k answered sections: steps of 2 (k = 10), 2.22 (k = 9), 2.5 (k = 8).
    for (const k of scale.sectionsAnswered ?? [10, 9]) for (let s = 0; s <= 5 * k; s++) out.add((100 * s) / (5 * k));
  }
  return [...out].sort((a, b) => a - b);
}

/** "1–3, 7, 9–12" for an ascending integer list. */
function compactRanges(xs: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === xs[j] + 1) j++;
    parts.push(i === j ? `${xs[i]}` : `${xs[i]}–${xs[j]}`);
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * Can a quantile with this printed value arise from n values on the scale under SPSS's HAVERAGE
 * definition (R quantile type 6): position h = p·(n + 1), value (1 − g)·x₍ⱼ₎ + g·x₍ⱼ₊₁₎ with j = ⌊h⌋,
 * g = h − j (clamped to the extremes)? Returns a witness pair (x₍ⱼ₎, x₍ⱼ₊₁₎) or null. Each quantile is
 * tested on its own (a necessary condition; joint feasibility of Q1 ≤ M ≤ Q3 is not searched).
 * R: quantile(x, p, type = 6). Cost: O(|scale|²).
 *
 * @example
 * quantileAttainable({ number: 4.25, decimals: 2 }, 0.5, 13, scaleValues({ type: "integer", min: 0, max: 10
 * })) // null
 */
export function quantileAttainable(
  entry: Pick<LoadedEntry, "number" | "decimals">,
  p: number,
  n: number,
  values: readonly number[],
): [number, number] | null {
  const [lo, hi] = roundingInterval(entry);
  const eps = 1e-9;
  const h = p * (n + 1);
  const g = h < 1 || h >= n ? 0 : h - Math.floor(h);
  if (g < eps) {
    const v = values.find((x) => x >= lo - eps && x <= hi + eps);
    return v === undefined ? null : [v, v];
  }
  for (let i = 0; i < values.length; i++) {
    for (let k = i; k < values.length; k++) {
      const q = (1 - g) * values[i] + g * values[k];
      if (q > hi + eps) break;
      if (q >= lo - eps) return [values[i], values[k]];
    }
  }
  return null;
}

/**
 * Median and quartiles of an integer-valued (or ODI) measure: attainable with the stated n under SPSS's
 * HAVERAGE quantiles? When n is not printed, every n from 1 to `maxN` is tried and the feasible ones
 * are listed. Example: n = 55 puts the median at position 28 and the quartiles at 14 and 42 — all three
 * must then be possible single scores (an integer for VAS; 2k or 100j/45 for ODI).
 *
 * Reference: Hyndman & Fan (1996) definition 6; SPSS EXAMINE /PERCENTILES(25,50,75) HAVERAGE.
 * R: quantile(x, c(.25, .5, .75), type = 6). Cost: O(maxN · |scale|²).
 *
 * Impossibility rests on the scale and the quantile definition, so a failure is "conditional", with that
 * assumption printed.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkQuantileFeasibility(registry, "t1.odi.pre.median", 55).class
 * // "conditional" (57.50 is not an ODI score with nine or ten sections answered)
 */
export function checkQuantileFeasibility(registry: Registry, medianId: string, maxN: number): AuditFinding {
  const m = registry.get(medianId);
  if (!m.scale || !m.relations?.lower || !m.relations.upper)
    return notCheckable(registry, "quantile-feasibility", [medianId], `${entryLabel(m)}: needs a scale and quartiles.`);
  const q1 = registry.get(m.relations.lower);
  const q3 = registry.get(m.relations.upper);
  const values = scaleValues(m.scale);
  const nId = m.relations.denominator;
  const ns = nId ? [registry.get(nId).number] : Array.from({ length: maxN }, (_, k) => k + 1);
  const trio: Array<[typeof m, number]> = [
    [q1, 0.25],
    [m, 0.5],
    [q3, 0.75],
  ];
  const feasibleN = ns.filter((n) => trio.every(([e, p]) => quantileAttainable(e, p, n, values) !== null));
  const ids = [medianId, q1.id, q3.id, ...(nId ? [nId] : [])];
  const scaleText =
    m.scale.type === "integer"
      ? `integers ${m.scale.min}–${m.scale.max}`
      : `ODI scores 100·s/(5k) with k ∈ {${(m.scale.sectionsAnswered ?? [10, 9]).join(", ")}} answered sections`;
  // For ODI, say what a looser scoring (two sections skipped, steps of 2.5) would allow.
  const looser = m.scale.type === "odi" ? scaleValues({ ...m.scale, sectionsAnswered: [10, 9, 8] }) : null;
  const looserN = looser ? ns.filter((n) => trio.every(([e, p]) => quantileAttainable(e, p, n, looser) !== null)) : [];
  const looserText = looser
    ? ` Allowing two skipped sections (steps of 2.5): attainable for ${
        looserN.length === 0
          ? "no n"
          : looserN.length === ns.length
            ? "every n tried"
            : `n ∈ {${compactRanges(looserN)}}`
      }.`
    : "";
  if (nId) {
    const n = ns[0];
    const parts = trio.map(([e, p]) => {
      const w = quantileAttainable(e, p, n, values);
      const h = p * (n + 1);
      return (
        `P${p * 100} at position ${fmt(h, 2)}: ${e.value} ` +
        `${w ? `attainable (${w[0] === w[1] ? fmt(w[0], 2) : `${fmt(w[0], 2)}, ${fmt(w[1], 2)}`})` : "NOT attainable"}`
      );
    });
    const ok = feasibleN.length === 1;
    const NAMES: Record<number, string> = { 0.25: "lower quartile", 0.5: "median", 0.75: "upper quartile" };
    const failing = trio
      .filter(([e, p]) => quantileAttainable(e, p, n, values) === null)
      .map(([e, p]) => `${NAMES[p]} ${e.value}`);
    const failText =
      failing.length > 1
        ? `${failing.slice(0, -1).join(", ")} and ${failing[failing.length - 1]} are not attainable`
        : `${failing[0]} is not attainable`;
    const evidence = `n = ${n} on ${scaleText}, SPSS HAVERAGE (p·(n+1)): ${parts.join("; ")}`;
    return makeFinding(registry, {
      check: "quantile-feasibility",
      ids,
      verdict: ok ? "passes" : "finding",
      class: "conditional",
      assumption: `every score is one of the ${scaleText}, and the quartiles follow SPSS's HAVERAGE definition`,
      headline: ok
        ? `${m.value} (${q1.value}, ${q3.value}) is attainable with n = ${n}`
        : `${failText} with ${n} ${m.scale.type === "odi" ? "ODI scores" : "whole-number scores"}`,
      evidence: `${evidence}.${looserText}`,
      recomputed: { n, feasible: ok },
      explanation: `${m.quantity} with ${evidence}.${looserText}`,
    });
  }
  const show =
    feasibleN.length === 0 ? "no n" : feasibleN.length === ns.length ? "every n" : `n ∈ {${compactRanges(feasibleN)}}`;
  const evidence =
    `n not printed; ${m.value} (${q1.value}, ${q3.value}) on ${scaleText} is attainable with SPSS HAVERAGE ` +
    `quantiles for ${show} in 1…${maxN}`;
  return makeFinding(registry, {
    check: "quantile-feasibility",
    ids,
    verdict: feasibleN.length > 0 ? "passes" : "finding",
    class: "conditional",
    assumption: `every score is one of the ${scaleText}, and the quartiles follow SPSS's HAVERAGE definition`,
    headline:
      feasibleN.length > 0
        ? `${m.value} (${q1.value}, ${q3.value}) is attainable for ${show}`
        : `median (quartiles) ${m.value} (${q1.value}, ${q3.value}) is not attainable for any n ≤ ${maxN}`,
    evidence: `${evidence}.${looserText}`,
    recomputed: { feasibleN },
    explanation: `${m.quantity}: ${evidence}.${looserText}`,
  });
}
