import { statResult, type StatResult } from "../core/result";
import { logRank, type LogRankDetails } from "../survival/log-rank";
import { treatmentEpisodes, type TreatmentEpisodes } from "./split-at-treatment";
import type { Surv } from "../survival/surv";

/** Details of {@link mantelByarTest}: logRank's (groups "treated", "untreated"), plus the number of rows. */
export interface MantelByarDetails extends LogRankDetails {
  /** (start, stop] rows after splitting at the treatment start. */
  readonly rows: number;
}

/**
 * Mantel–Byar test: the log-rank test for a treatment that starts during follow-up. At each death time
 * the risk set is split by *current* treatment state — subjects move from the untreated to the treated
 * group when treatment starts — and observed vs expected deaths are compared with the hypergeometric
 * variance, χ² on 1 df. Unlike a log-rank test on "ever treated", it credits no immortal time to the
 * treated group. Details hold observed, expected and variance as logRank's (groups "treated",
 * "untreated").
 *
 * Reference: Mantel N, Byar DP (1974) JASA 69:81–86; Anderson, Cain & Gelber (1983). R: no survdiff
 * equivalent (survdiff takes no counting-process data); with untied death times it equals the score test of
 * `coxph(Surv(tstart, tstop, event) ~ treated)`. SPSS: none. Cost: O(n log n).
 *
 * @example
 * mantelByarTest(surv([5, 8, 12, 20, 3, 9], [1, 1, 0, 1, 1, 0]), [null, 2, 4, null, null, 1]).df // 1
 */
export function mantelByarTest(y: Surv, treatmentTime: ArrayLike<number | null>): StatResult<MantelByarDetails> {
  return mantelByarOnEpisodes(treatmentEpisodes(y, treatmentTime), y.n);
}

/** {@link mantelByarTest} on rows already split (shared with simonMakuch); `subjects` is n before splitting. */
export function mantelByarOnEpisodes(
  { split, y }: { split: TreatmentEpisodes; y: Surv },
  subjects: number,
): StatResult<MantelByarDetails> {
  const lr = logRank(
    y,
    split.treated.map((t) => (t === 1 ? "treated" : "untreated")),
  );
  return statResult({
    test: "mantel-byar",
    method: "Mantel–Byar test (log-rank with treatment as a time-dependent group)",
    convention: "Mantel & Byar (1974): hypergeometric variance; risk sets from (start, stop] rows",
    statisticName: lr.statisticName ?? "Chisq",
    statistic: lr.statistic,
    df: lr.df,
    pValue: lr.pValue,
    n: subjects,
    warnings: lr.warnings,
    details: { ...lr.details, rows: split.id.length },
  });
}
