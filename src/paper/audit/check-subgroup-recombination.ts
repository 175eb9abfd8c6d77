import {
  contradictionSeverity,
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
import { grimSums } from "./check-grim";
import type { Registry } from "./registry";

interface Group {
  n: number;
  mean: [number, number];
  sd: [number, number];
}

function pooled(groups: readonly { n: number; mean: number; sd: number }[]): { mean: number; sd: number } {
  const N = groups.reduce((a, g) => a + g.n, 0);
  const mean = groups.reduce((a, g) => a + g.n * g.mean, 0) / N;
  // Total sum of squares about the pooled mean = within + between.
  const ss = groups.reduce((a, g) => a + (g.n - 1) * g.sd ** 2 + g.n * (g.mean - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (N - 1)) };
}

/**
 * Range of the pooled SD over the boxes of subgroup means and SDs (grid of 5 points per dimension; the between-group
 * term is convex, the within term monotone).
 */
function pooledSdRange(groups: readonly Group[]): [number, number] {
  const steps = [0, 0.25, 0.5, 0.75, 1];
  let lo = Infinity;
  let hi = -Infinity;
  const walk = (k: number, chosen: { n: number; mean: number; sd: number }[]): void => {
    if (k === groups.length) {
      const { sd } = pooled(chosen);
      lo = Math.min(lo, sd);
      hi = Math.max(hi, sd);
      return;
    }
    const g = groups[k];
    for (const a of steps)
      for (const b of steps) {
        walk(k + 1, [
          ...chosen,
          { n: g.n, mean: g.mean[0] + a * (g.mean[1] - g.mean[0]), sd: g.sd[0] + b * (g.sd[1] - g.sd[0]) },
        ]);
      }
  };
  walk(0, []);
  return [lo, hi];
}

/**
 * Subgroup recombination: the overall mean and SD must follow from the subgroup summaries.
 * Pooled mean = Σ nᵢ·meanᵢ / N; pooled SD² = [Σ (nᵢ−1)·SDᵢ² + Σ nᵢ·(meanᵢ − mean)²] / (N − 1). Each
 * printed value stands for its rounding interval; for integer scales the subgroup sums are first
 * reconstructed exactly (GRIM), which pins the pooled mean. Subgroups are the entries whose
 * relations.subgroupOf names the overall mean.
 *
 * A miss that remains when every printed value may be anything that rounds to it is a contradiction; one that
 * appears only after the integer reconstruction is conditional on whole-number values (the assumption is
 * printed); a miss of one unit of the last digit is rounding-level.
 *
 * Reference: Cochrane Handbook 6.5.2.10 (combining groups). R: by hand as above. Cost: O(5^(2g)) for g subgroups.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkSubgroupRecombination(registry, "s4.1.age.mean").class
 * // "contradiction" (1707 + 1456 = 3163; 3163/55 = 57.51 ≠ 57.36)
 */
export function checkSubgroupRecombination(registry: Registry, overallMeanId: string): AuditFinding {
  const overall = registry.get(overallMeanId);
  const subs = registry.entries.filter((e) => e.relations?.subgroupOf === overallMeanId);
  const overallSdId = overall.relations?.sd;
  const overallNId = overall.relations?.denominator;
  if (subs.length < 2 || overallNId === undefined)
    return notCheckable(
      registry,
      "subgroup-recombination",
      [overallMeanId],
      `${entryLabel(overall)}: needs ≥ 2 subgroups and the overall n.`,
    );
  const N = registry.get(overallNId).number;
  const ids = [
    overallMeanId,
    ...(overallSdId ? [overallSdId] : []),
    ...subs.flatMap((s) => [s.id, s.relations?.sd ?? "", s.relations?.denominator ?? ""]).filter(Boolean),
  ];
  const groups: Group[] = subs.map((s) => ({
    n: registry.get(s.relations!.denominator!).number,
    mean: roundingInterval(s),
    sd: s.relations?.sd ? roundingInterval(registry.get(s.relations.sd)) : [0, 0],
  }));
  const nSum = groups.reduce((a, g) => a + g.n, 0);
  const lines: string[] = [];
  if (nSum !== N) lines.push(`subgroup sizes sum to ${nSum}, not ${N}`);
  const plainRange: [number, number] = [
    groups.reduce((a, g) => a + g.n * g.mean[0], 0) / nSum,
    groups.reduce((a, g) => a + g.n * g.mean[1], 0) / nSum,
  ];
  let meanRange = plainRange;
  const exactSums = overall.scale?.type === "integer" ? subs.map((s, k) => grimSums(s, groups[k].n)) : null;
  if (exactSums?.every((x) => x.length > 0)) {
    const totals = exactSums.map((x) => [Math.min(...x), Math.max(...x)]);
    const lo = totals.reduce((a, t) => a + t[0], 0);
    const hi = totals.reduce((a, t) => a + t[1], 0);
    meanRange = [lo / nSum, hi / nSum];
    lines.push(
      `GRIM sums ${subs.map((s, k) => `${s.value}×${groups[k].n} → ${exactSums[k].join("/")}`).join(", ")}; ` +
        `total ${lo === hi ? lo : `${lo}–${hi}`} / ${nSum} = ${fmt(meanRange[0], 4)}` +
        `${lo === hi ? "" : `–${fmt(meanRange[1], 4)}`}`,
    );
  } else {
    lines.push(`pooled mean ∈ [${fmt(meanRange[0], 4)}, ${fmt(meanRange[1], 4)}]`);
  }
  const meanUnits = lastDigitGap(overall, meanRange);
  const plainUnits = lastDigitGap(overall, plainRange);
  lines.push(`printed overall mean ${overall.value} ${meanUnits === 0 ? "is" : "is not"} in that range`);
  let sdUnits = 0;
  let sdRange: [number, number] | null = null;
  let sdValue: string | null = null;
  if (overallSdId && subs.every((s) => s.relations?.sd)) {
    // Pin the means to the reconstructed values when GRIM fixed them; SDs vary over their rounding intervals.
    const gs = exactSums?.every((x) => x.length === 1)
      ? groups.map((g, k) => ({ ...g, mean: [exactSums[k][0] / g.n, exactSums[k][0] / g.n] as [number, number] }))
      : groups;
    sdRange = pooledSdRange(gs);
    const overallSd = registry.get(overallSdId);
    sdValue = overallSd.value;
    sdUnits = lastDigitGap(overallSd, sdRange);
    const sdOk = intervalsOverlap(sdRange, roundingInterval(overallSd));
    lines.push(
      `pooled SD = √{[Σ(nᵢ−1)SDᵢ² + Σnᵢ(meanᵢ−mean)²]/(N−1)} ∈ [${fmt(sdRange[0], 4)}, ${fmt(sdRange[1], 4)}]; ` +
        `printed ${overallSd.value} ${sdOk ? "is" : "is not"} in it`,
    );
  }
  const units = Math.max(meanUnits, sdUnits);
  const cls = nSum !== N ? "contradiction" : gapClass(units, overall.kind);
  const conditional = cls === "contradiction" && nSum === N && plainUnits === 0 && sdUnits === 0;
  const pooledMean = (meanRange[0] + meanRange[1]) / 2;
  const subText = subs.map((s, k) => `${s.value} (n = ${groups[k].n})`).join(" and ");
  return makeFinding(registry, {
    check: "subgroup-recombination",
    ids,
    verdict: cls === null ? "passes" : "finding",
    class: conditional ? "conditional" : (cls ?? undefined),
    severity:
      cls === "contradiction" && !conditional
        ? contradictionSeverity(pooledMean - overall.number, overall.number, false)
        : undefined,
    assumption: conditional ? "every value is a whole number (the scale is integer)" : undefined,
    headline:
      cls === null
        ? `${overall.quantity}: the subgroups recombine to the printed value`
        : nSum !== N
          ? `subgroup sizes sum to ${nSum}, not ${N}`
          : `subgroups ${subText} recombine to ${fmt(pooledMean, overall.decimals)}` +
            `${sdUnits > 0 && sdRange ? ` (SD ${fmt((sdRange[0] + sdRange[1]) / 2, overall.decimals)})` : ""}, ` +
            `printed ${overall.value}${sdUnits > 0 && sdValue ? ` (SD ${sdValue})` : ""}`,
    evidence: lines.join("; "),
    recomputed: { pooledMeanRange: meanRange, pooledSdRange: sdRange, nSum, meanUnits, sdUnits },
    explanation: `${overall.quantity}: ${lines.join("; ")}.`,
  });
}
