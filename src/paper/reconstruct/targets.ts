import { loadRegistry, type Registry } from "../audit/registry";
import type { BinaryFactor, FrankelGrade, Visit } from "../study/study";
import type { SampleTargets } from "./sample-design";
import type { ScoreTargets } from "./scores";

/**
 * Allowed ODI values (codebook conventions.odi): 100·s/(5k) for k = 10, 9 or 8 answered sections, rounded to 2
 * decimals.
 */
function odiScale(): number[] {
  const v = new Set<number>();
  for (const k of [10, 9, 8]) for (let s = 0; s <= 5 * k; s++) v.add(Math.round((10000 * s) / (5 * k)) / 100);
  return [...v].sort((a, b) => a - b);
}

const range = (lo: number, hi: number, step = 1): number[] =>
  Array.from({ length: Math.floor((hi - lo) / step) + 1 }, (_, k) => lo + k * step);
const withValues = (grid: number[], extra: number[]): number[] =>
  [...new Set([...grid, ...extra])].sort((a, b) => a - b);

/**
 * The published targets of the reconstruction, read from the registry (data/published.json) by id:
 * printed strings are kept as printed so that "hit" means "prints the same". Where the paper's
 * numbers contradict each other the resolution is written here and reported in the fidelity report.
 *
 * Cost: O(registry size).
 */
export function publishedTargets(registry: Registry = loadRegistry()) {
  const v = (id: string): string => registry.get(id).value;
  const num = (id: string): number => registry.get(id).number;
  const q = (prefix: string, withMean?: string): SampleTargets => ({
    median: v(`${prefix}.median`),
    p25: v(`${prefix}.q1`),
    p75: v(`${prefix}.q3`),
    ...(withMean ? { mean: v(`${withMean}.mean`), sd: v(`${withMean}.sd`) } : {}),
  });
  const visits: Visit[] = ["pre", "1m", "3m", "6m", "last"];
  const scoreTargets = (score: "vas" | "odi") =>
    Object.fromEntries(
      visits.map((visit) => [visit, q(`t1.${score}.${visit}`, visit === "pre" ? `s5.${score}.pre` : undefined)]),
    ) as Record<Visit, SampleTargets>;
  const binaryCounts: Record<BinaryFactor, number> = {
    extraspinal: num("s4.1.extraspinal.n"),
    visceral: num("s4.1.visceral.n"),
    fracture: num("s4.1.fracture.n"),
    preChemo: num("s4.1.pre.chemo.n"),
    preRadio: num("s4.1.pre.radio.n"),
    preTargeted: num("s4.1.pre.targeted.n"),
    preImmuno: num("s4.1.pre.immuno.n"),
    preBma: num("s4.1.pre.bma.n"),
    postChemo: num("s4.1.post.chemo.n"),
    postRadio: num("s4.1.post.radio.n"),
    postTargeted: num("s4.1.post.targeted.n"),
    postImmuno: num("s4.1.post.immuno.n"),
    postBma: num("s4.1.post.bma.n"),
    emergency: num("s4.1.emergency.n"),
    neuroProgressed: num("s4.1.neuro-progressed.n"),
  };
  const grades: FrankelGrade[] = ["A", "B", "C", "D", "E"];
  const frankel = Object.fromEntries(
    (["B", "C", "D", "E"] as const).map((pre) => [
      pre,
      Object.fromEntries(
        grades.map((post) => [post, pre === "E" && post === "D" ? 0 : num(`t2.pre.${pre}.post.${post}`)]),
      ),
    ]),
  ) as Record<FrankelGrade, Record<FrankelGrade, number>>;
  const scores: ScoreTargets = {
    vas: scoreTargets("vas"),
    odi: scoreTargets("odi"),
    odi1mSurvivors: q("t4.odi-1m.survival"),
    odi1mDeaths: q("t4.odi-1m.mortality"),
    odi1mZ: v("t4.odi-1m.z"),
    odi1mP: v("t4.odi-1m.p"),
    // Table 1 footnotes a (p < 0.05) everywhere except the last VAS (b, p > 0.05).
    pairedSignificant: {
      vas: { "1m": true, "3m": true, "6m": true, last: false },
      odi: { "1m": true, "3m": true, "6m": true, last: true },
    },
  };
  return {
    n: num("s4.1.n"),
    deaths1y: num("abs.deaths.n"),
    medianMonths: v("abs.median-survival"),
    medianLower: v("abs.median-survival.lower"),
    medianUpper: v("abs.median-survival.upper"),
    males: num("s4.1.sex.male.n"),
    ageMale: { mean: v("s4.1.age.male.mean"), sd: v("s4.1.age.male.sd") } as SampleTargets,
    ageFemale: { mean: v("s4.1.age.female.mean"), sd: v("s4.1.age.female.sd") } as SampleTargets,
    tumorCounts: ["luad", "scc", "sclc", "lelc"].map((t) => num(`s4.1.${t}.n`)),
    boneCounts: ["osteolytic", "osteoblastic", "mixed"].map((t) => num(`s4.1.${t}.n`)),
    operationCounts: ["curettage", "pvp", "combined"].map((t) => num(`s4.1.surgery.${t}.n`)),
    binaryCounts,
    noSystemicAfter: num("s5.no-systemic.n"),
    frankel,
    perioperative: {
      operationMinutes: { grid: range(30, 480, 1), targets: q("s4.1.op-duration") },
      bloodLossMl: {
        grid: withValues([...range(0, 100), ...range(110, 2000, 10)], [num("s4.1.blood-loss.q1")]),
        targets: q("s4.1.blood-loss"),
      },
      drainageMl: { grid: [...range(0, 100, 5), ...range(110, 2000, 10)], targets: q("s4.1.drainage") },
      lengthOfStayDays: { grid: range(3, 45), targets: q("s4.1.los") },
    },
    scores,
    scoreGrids: { vas: range(0, 10), odi: odiScale() },
  };
}

export type PublishedTargets = ReturnType<typeof publishedTargets>;

let shipped: PublishedTargets | null = null;

/**
 * The targets from the shipped registry, read on first use and kept (importing the library does no
 * file I/O). Cost: O(registry size) once.
 */
export function shippedTargets(): PublishedTargets {
  shipped ??= publishedTargets();
  return shipped;
}
