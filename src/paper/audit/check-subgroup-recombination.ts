import { fmt, intervalsOverlap, makeFinding, notCheckable, roundingInterval, type AuditFinding } from "./finding";
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
 * Reference: Cochrane Handbook 6.5.2.10 (combining groups). R: by hand as above. Cost: O(5^(2g)) for g subgroups.
 *
 * @example
 * checkSubgroupRecombination(loadRegistry(), "s4.1.age.mean").verdict
 * // "inconsistent" (1707 + 1456 = 3163; 3163/55 = 57.51 ≠ 57.36)
 */
export function checkSubgroupRecombination(registry: Registry, overallMeanId: string): AuditFinding {
  const overall = registry.get(overallMeanId);
  const subs = registry.entries.filter((e) => e.relations?.subgroupOf === overallMeanId);
  const overallSdId = overall.relations?.sd;
  const overallNId = overall.relations?.denominator;
  if (subs.length < 2 || overallNId === undefined)
    return notCheckable("subgroup-recombination", [overallMeanId], "needs ≥ 2 subgroups and the overall n.");
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
  let meanRange: [number, number] = [
    groups.reduce((a, g) => a + g.n * g.mean[0], 0) / nSum,
    groups.reduce((a, g) => a + g.n * g.mean[1], 0) / nSum,
  ];
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
  const meanOk = intervalsOverlap(meanRange, roundingInterval(overall));
  lines.push(`printed overall mean ${overall.value} ${meanOk ? "is" : "is not"} in that range`);
  let sdOk = true;
  let sdRange: [number, number] | null = null;
  if (overallSdId && subs.every((s) => s.relations?.sd)) {
    // Pin the means to the reconstructed values when GRIM fixed them; SDs vary over their rounding intervals.
    const gs = exactSums?.every((x) => x.length === 1)
      ? groups.map((g, k) => ({ ...g, mean: [exactSums[k][0] / g.n, exactSums[k][0] / g.n] as [number, number] }))
      : groups;
    sdRange = pooledSdRange(gs);
    const overallSd = registry.get(overallSdId);
    sdOk = intervalsOverlap(sdRange, roundingInterval(overallSd));
    lines.push(
      `pooled SD = √{[Σ(nᵢ−1)SDᵢ² + Σnᵢ(meanᵢ−mean)²]/(N−1)} ∈ [${fmt(sdRange[0], 4)}, ${fmt(sdRange[1], 4)}]; ` +
        `printed ${overallSd.value} ${sdOk ? "is" : "is not"} in it`,
    );
  }
  const ok = meanOk && sdOk && nSum === N;
  return makeFinding(
    "subgroup-recombination",
    ids,
    ok ? "consistent" : "inconsistent",
    { pooledMeanRange: meanRange, pooledSdRange: sdRange, nSum },
    `${overall.quantity}: ${lines.join("; ")}.`,
  );
}
