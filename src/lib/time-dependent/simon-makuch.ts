import { checkOptions } from "../core/check-options";
import { deepFreeze } from "../core/freeze";
import type { StatResult } from "../core/result";
import { kaplanMeierByGroup } from "../survival/kaplan-meier-by-group";
import type { KaplanMeierFit, KaplanMeierOptions } from "../survival/kaplan-meier";
import { mantelByarOnEpisodes, type MantelByarDetails } from "./mantel-byar-test";
import type { Surv } from "../survival/surv";
import { treatmentEpisodes } from "./split-at-treatment";

/** Result of {@link simonMakuch}: one curve per current treatment state, plus the Mantel–Byar test. */
export interface SimonMakuchResult {
  readonly groups: readonly { readonly label: string; readonly n: number; readonly fit: KaplanMeierFit }[];
  readonly mantelByar: StatResult<MantelByarDetails>;
}

/**
 * Simon–Makuch survival curves: the product-limit estimator by *current* treatment state. Every subject
 * starts in "not (yet) treated" and moves to "treated" when treatment starts; each curve's risk set at
 * t holds the subjects in that state just before t (so the treated curve's number at risk rises as
 * patients start treatment). The time-dependent counterpart of Kaplan–Meier curves by "ever treated",
 * which credit immortal time to treatment. `n` counts (start, stop] rows.
 *
 * Reference: Simon R, Makuch RW (1984) Stat Med 3:35–44; Schultz LR et al. (2010) (extended KM). R:
 * `survfit(Surv(tstart, tstop, event) ~ treated, data = tmerge(...))`. SPSS: none. Cost: O(n log n).
 *
 * @example
 * const y = surv([5, 8, 12, 20, 3, 9], [1, 1, 0, 1, 1, 0]);
 * simonMakuch(y, [null, 2, 4, null, null, 1]).groups.map((g) => g.label) // ["not (yet) treated", "treated"]
 */
export function simonMakuch(
  y: Surv,
  treatmentTime: ArrayLike<number | null>,
  options: KaplanMeierOptions = {},
): SimonMakuchResult {
  checkOptions(options);
  const episodes = treatmentEpisodes(y, treatmentTime);
  const groups = kaplanMeierByGroup(
    episodes.y,
    episodes.split.treated.map((t) => (t === 1 ? "treated" : "not (yet) treated")),
    options,
  );
  return deepFreeze({ groups, mantelByar: mantelByarOnEpisodes(episodes, y.n) });
}
