import { mannWhitneyTest } from "../../lib/hypothesis/mann-whitney-test";
import { wilcoxonSignedRankTest } from "../../lib/hypothesis/wilcoxon-signed-rank-test";
import { normalPValue } from "../../lib/distributions";
import { bestOfRestarts, localSearch } from "./local-search";
import { mannWhitneyZ } from "./mann-whitney-z";
import { printedMiss, pThresholdMiss } from "./printed-miss";
import type { Rng } from "../../lib/core/rng";
import { designSample, quartileMissAt, sampleLoss, type SampleTargets, type ValueGrid } from "./sample-design";
import type { Visit } from "../study/study";

/** Published targets of the VAS/ODI part (Table 1, Table 4, §5), as printed. */
export interface ScoreTargets {
  readonly vas: Readonly<Record<Visit, SampleTargets>>;
  readonly odi: Readonly<Record<Visit, SampleTargets>>;
  /** Table 4: 1-month ODI by 1-year outcome and its Mann–Whitney Z and p. */
  readonly odi1mSurvivors: SampleTargets;
  readonly odi1mDeaths: SampleTargets;
  readonly odi1mZ: string;
  readonly odi1mP: string;
  /** Table 1 footnotes: paired test against "pre" below (a) or above (b) 0.05, per score and visit. */
  readonly pairedSignificant: Readonly<Record<"vas" | "odi", Readonly<Record<Exclude<Visit, "pre">, boolean>>>>;
}

export type ScoreColumns = Record<"vas" | "odi", Record<Visit, (number | null)[]>>;

const POST_VISITS = ["1m", "3m", "6m", "last"] as const;

/**
 * Designs VAS and ODI at every visit for the patients: marginal quartiles/means first (each visit
 * separately; 1-month ODI jointly for the two outcome groups with the Table 4 Mann–Whitney Z),
 * then the assignment of values to patients (permutations keep the marginals) so that the paired
 * Wilcoxon tests against "pre" show Table 1's significance pattern and no other score differs by
 * 1-year outcome (p > 0.05). `available[visit][i]` = patient i was alive at that visit.
 *
 * Cost: O(iterations × n log n).
 */
export function designScores(options: {
  readonly targets: ScoreTargets;
  readonly grids: { readonly vas: ValueGrid; readonly odi: ValueGrid };
  readonly available: Readonly<Record<Visit, readonly boolean[]>>;
  readonly diedWithinYear: readonly (0 | 1)[];
  readonly rng: Rng;
  readonly iterations: number;
}): { columns: ScoreColumns; loss: { marginal: number; assignment: number } } {
  const { targets, grids, available, diedWithinYear, rng } = options;
  const n = diedWithinYear.length;
  const who = (visit: Visit): number[] => available[visit].flatMap((a, i) => (a ? [i] : []));
  let marginalLoss = 0;
  const values = { vas: {}, odi: {} } as Record<"vas" | "odi", Record<Visit, number[]>>;
  for (const score of ["vas", "odi"] as const) {
    for (const visit of ["pre", ...POST_VISITS] as const) {
      if (score === "odi" && visit === "1m") continue;
      const r = designSample({
        n: who(visit).length,
        grid: grids[score],
        targets: targets[score][visit],
        rng,
        maxIterations: options.iterations * 5,
      });
      marginalLoss += r.loss;
      values[score][visit] = r.values;
    }
  }
  // 1-month ODI: the two outcome groups jointly (group quartiles, overall quartiles, Mann–Whitney Z).
  const at1m = who("1m");
  const surv = at1m.filter((i) => diedWithinYear[i] === 0);
  const dead = at1m.filter((i) => diedWithinYear[i] === 1);
  const g = grids.odi;
  const start = (count: number, t: SampleTargets): Int32Array =>
    Int32Array.from(
      designSample({ n: count, grid: g, targets: t, rng, maxIterations: options.iterations }).values,
      (x) => g.indexOf(x),
    );
  const jointSearch = () =>
    localSearch({
      initial: [start(surv.length, targets.odi1mSurvivors), start(dead.length, targets.odi1mDeaths)],
      objective: ([a, b]) => {
        const xs = Array.from(a, (k) => g[k]);
        const ys = Array.from(b, (k) => g[k]);
        const mw = mannWhitneyZ(xs, ys);
        return (
          sampleLoss(xs, targets.odi1mSurvivors) +
          sampleLoss(ys, targets.odi1mDeaths) +
          sampleLoss([...xs, ...ys], targets.odi["1m"]) +
          tieCorrectedZMiss(mw, targets.odi1mZ) +
          printedMiss(normalPValue(mw.z, "two-sided"), targets.odi1mP)
        );
      },
      // Nearest-value moves build the ties that the Z's last digit needs (Table 4's −2.353 takes
      // U = 230.5 and Σ(t³ − t) ≈ 900–1000); a cool schedule with many re-heats met it for every seed tried.
      moves: {
        bounds: [
          [0, g.length - 1],
          [0, g.length - 1],
        ],
        maxStep: Math.ceil(g.length / 10),
        copyBlocks: [0, 1],
      },
      rng,
      maxIterations: options.iterations * 25,
      temperature: 0.3,
      reheats: 9,
    });
  // The loss cannot go below the quartiles no sample of these sizes can print (documented conflicts):
  // a search that ends above that floor is restarted (at most three times), keeping the best.
  const floor =
    quartileMissAt(surv.length, g, targets.odi1mSurvivors) +
    quartileMissAt(dead.length, g, targets.odi1mDeaths) +
    quartileMissAt(at1m.length, g, targets.odi["1m"]);
  const joint = bestOfRestarts(jointSearch, { attempts: 4, floor });
  marginalLoss += joint.loss;

  // Assignment: state = per (score, visit) a permutation of the designed values over available patients.
  const blocks: { score: "vas" | "odi"; visit: Visit; patients: number[]; values: number[] }[] = [];
  for (const score of ["vas", "odi"] as const) {
    for (const visit of ["pre", ...POST_VISITS] as const) {
      if (score === "odi" && visit === "1m") {
        blocks.push({ score, visit, patients: surv, values: Array.from(joint.state[0], (k) => g[k]) });
        blocks.push({ score, visit, patients: dead, values: Array.from(joint.state[1], (k) => g[k]) });
      } else {
        blocks.push({ score, visit, patients: who(visit), values: rng.shuffle([...values[score][visit]]) });
      }
    }
  }
  const fill = (state: Int32Array[]): ScoreColumns => {
    const out = { vas: {}, odi: {} } as ScoreColumns;
    for (const score of ["vas", "odi"] as const)
      for (const v of ["pre", ...POST_VISITS] as const) out[score][v] = new Array(n).fill(null);
    blocks.forEach((b, k) => {
      state[k].forEach((pos, j) => {
        out[b.score][b.visit][b.patients[j]] = b.values[pos];
      });
    });
    return out;
  };
  const assignmentLoss = (cols: ScoreColumns): number => {
    let loss = 0;
    for (const score of ["vas", "odi"] as const) {
      for (const visit of POST_VISITS) {
        const pre: number[] = [];
        const post: number[] = [];
        cols[score][visit].forEach((v, i) => {
          if (v !== null && cols[score].pre[i] !== null) {
            pre.push(cols[score].pre[i]!);
            post.push(v);
          }
        });
        const p = wilcoxonSignedRankTest(pre, post).pValue ?? NaN;
        loss += pThresholdMiss(p, targets.pairedSignificant[score][visit] ? "below" : "above");
      }
      for (const visit of ["pre", ...POST_VISITS] as const) {
        if (score === "odi" && visit === "1m") continue;
        const s: number[] = [];
        const d: number[] = [];
        cols[score][visit].forEach((v, i) => {
          if (v !== null) (diedWithinYear[i] ? d : s).push(v);
        });
        if (s.length > 0 && d.length > 0)
          loss += pThresholdMiss(mannWhitneyTest(s, d, { confInt: false }).pValue ?? NaN, "above", 0.05, 0.02);
      }
    }
    return loss;
  };
  const assigned = localSearch({
    initial: blocks.map((b) => Int32Array.from(b.values.keys())),
    objective: (state) => assignmentLoss(fill(state)),
    moves: { swapBlocks: blocks.map((_, k) => k) },
    rng,
    maxIterations: options.iterations,
  });
  return { columns: fill(assigned.state), loss: { marginal: marginalLoss, assignment: assigned.loss } };
}

/**
 * Loss of a tie-corrected Mann–Whitney Z against its printed value: the printed miss, plus a steep
 * penalty while the untied Z is already beyond the printed window — ties only enlarge |Z| for a
 * given U, so from there no tie pattern can reach the target and U itself must move.
 */
function tieCorrectedZMiss(mw: { z: number; untiedZ: number }, printed: string): number {
  const unit = 10 ** -(printed.length - printed.indexOf(".") - 1);
  const excess = Math.abs(mw.untiedZ) - (Math.abs(Number(printed)) + unit / 2);
  return printedMiss(mw.z, printed) + (excess > 0 ? 1 + (10 * excess) / unit : 0);
}
