import { fmt, makeFinding, notCheckable, roundsTo, type AuditFinding } from "./finding";
import { entryLabel } from "./label";
import type { LoadedEntry, Registry } from "./registry";

/**
 * GRIM kernel (scrutiny::grim_scalar, rounding "up_or_down", items = 1): the integer sums ⌊x·n⌋ and ⌈x·n⌉ divided by n
 * must round to x.
 */
export function grimSums(mean: Pick<LoadedEntry, "number" | "decimals">, n: number): number[] {
  const s = mean.number * n;
  return [...new Set([Math.floor(s), Math.ceil(s)])].filter((sum) => roundsTo(sum / n, mean));
}

/**
 * GRIM (Brown & Heathers 2017): a mean of n integer-valued scores must equal an integer sum divided by n.
 * Follows scrutiny::grim_scalar (Jung, 2023) with rounding = "up_or_down". For ODI percentages
 * (steps of 2 with all ten sections, 100/45 ≈ 2.22 with one skipped) the test is run on the
 * all-complete grid (sum an even integer) and reported "not checkable" when only a skipped-section
 * mixture (granularity 2/(9n)) could produce the mean.
 *
 * R: scrutiny::grim(x = "5.06", n = 55). SPSS: none. Cost: O(1).
 *
 * A failure is a contradiction (no set of n integers has this mean), graded minor: the nearest attainable
 * means are within a unit or two of the last digit.
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkGrim(registry, "s5.vas.pre.mean").class
 * // "contradiction" (5.06·55 = 278.3; 278/55 = 5.0545, 279/55 = 5.0727)
 */
export function checkGrim(registry: Registry, meanId: string): AuditFinding {
  const m = registry.get(meanId);
  const nId = m.relations?.denominator;
  if (nId === undefined || m.scale === undefined)
    return notCheckable(registry, "grim", [meanId], `${entryLabel(m)}: GRIM needs a denominator and a scale.`);
  const n = registry.get(nId).number;
  const ids = [meanId, nId];
  if (n >= 10 ** m.decimals) {
    const why = `n = ${n} ≥ 10^${m.decimals}: every mean with ${m.decimals} decimals is attainable, GRIM has no power.`;
    return makeFinding(registry, {
      check: "grim",
      ids,
      verdict: "not checkable",
      headline: why,
      recomputed: { n },
      explanation: why,
    });
  }
  const s = m.number * n;
  if (m.scale.type === "integer") {
    const sums = grimSums(m, n);
    const near = [Math.floor(s), Math.ceil(s)];
    const show = near.map((k) => `${k}/${n} = ${fmt(k / n, m.decimals + 2)}`).join(", ");
    const ok = sums.length > 0;
    const evidence =
      `${m.value} × ${n} = ${fmt(s, 4)}; integer sums give ${show}; ` +
      `${ok ? `${sums[0]}/${n} rounds to ${m.value}` : `neither rounds to ${m.value}`}`;
    return makeFinding(registry, {
      check: "grim",
      ids,
      verdict: ok ? "passes" : "finding",
      class: "contradiction",
      severity: "minor",
      headline: ok
        ? `a mean of ${m.value} is possible with ${n} whole-number scores`
        : `a mean of ${m.value} is impossible with ${n} whole-number scores (GRIM)`,
      evidence,
      recomputed: { n, product: s, consistentSums: sums },
      explanation: `${evidence}.`,
    });
  }
  // ODI: all ten sections answered → each score 2k → the sum is an even integer.
  const half = s / 2;
  const evenSums = [Math.floor(half) * 2, Math.ceil(half) * 2].filter((sum) => roundsTo(sum / n, m));
  const show = [Math.floor(half) * 2, Math.ceil(half) * 2]
    .map((k) => `${k}/${n} = ${fmt(k / n, m.decimals + 2)}`)
    .join(", ");
  if (evenSums.length > 0) {
    const text =
      `ODI with all sections answered: ${m.value} × ${n} = ${fmt(s, 4)}; ` + `even sums give ${show}: attainable.`;
    return makeFinding(registry, {
      check: "grim",
      ids,
      verdict: "passes",
      headline: `a mean ODI of ${m.value} is possible with ${n} patients`,
      recomputed: { n, product: s, consistentSums: evenSums },
      explanation: text,
    });
  }
  const text =
    `ODI with all sections answered (scores 2k, even sums): ${m.value} × ${n} = ${fmt(s, 4)}; ${show} — not ` +
    `${m.value}. Attainable only if some patients skipped a section (scores 100j/45; sums on a 2/9 grid, mean ` +
    `granularity 2/(9·${n}) = ${fmt(2 / (9 * n), 5)} < 0.01, so GRIM has no power then).`;
  return makeFinding(registry, {
    check: "grim",
    ids,
    verdict: "not checkable",
    headline: `a mean ODI of ${m.value} needs a skipped questionnaire section, which GRIM cannot rule out`,
    recomputed: { n, product: s, consistentSums: [], mixtureGranularity: 2 / (9 * n) },
    explanation: text,
  });
}
