import { deepFreeze } from "../../lib/core/freeze";
import { InputError } from "../../lib/core/errors";
import type { Study } from "../study/study";

/** A quantity computed on each cohort of an ensemble. */
export interface EnsembleQuantity {
  readonly label: string;
  /** The value as the paper printed it, or null when the paper did not report it. */
  readonly published: string | null;
  /** True when the reconstruction was constrained to reproduce it (agreement there is by construction). */
  readonly constrained: boolean;
  /** Decimals to show. */
  readonly decimals: number;
  /** The quantity on one cohort; null when it does not exist there (e.g. a median never reached). */
  readonly compute: (study: Study) => number | null;
}

/** One quantity across the cohorts. */
export interface RobustnessRow {
  readonly quantity: string;
  readonly published: string | null;
  readonly constrained: boolean;
  readonly decimals: number;
  readonly values: readonly (number | null)[];
  readonly min: number | null;
  readonly max: number | null;
}

/** Result of {@link robustnessAcrossCohorts}: frozen, JSON-serializable. */
export interface RobustnessResult {
  readonly kind: "robustness-across-cohorts";
  readonly cohorts: readonly string[];
  readonly rows: readonly RobustnessRow[];
}

/**
 * Computes each quantity on each cohort of an ensemble (the shipped synthetic cohort and the other
 * reconstructions consistent with the same published numbers, or bootstrap / user cohorts), with its range.
 * Quantities the reconstruction was constrained to reproduce agree by construction; the spread of the
 * others shows how much the published aggregates leave undetermined — what a reader cannot know
 * without the patient data.
 *
 * Reference: the "multiverse" idea of Steegen et al. (2016) Perspect Psychol Sci 11:702, applied to
 * data-generating uncertainty. R/SPSS: none. Cost: O(cohorts × quantities × cost of each quantity).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * const patients = { label: "n", published: "55", constrained: true, decimals: 0,
 *   compute: (s: Study) => s.patients.length };
 * robustnessAcrossCohorts([{ label: "A", study }], [patients]).rows[0].values // [55]
 */
export function robustnessAcrossCohorts(
  cohorts: readonly { readonly label: string; readonly study: Study }[],
  quantities: readonly EnsembleQuantity[],
): RobustnessResult {
  if (cohorts.length === 0) throw new InputError("needs at least one cohort", { field: "cohorts", value: 0 });
  const rows = quantities.map((q): RobustnessRow => {
    const values = cohorts.map((c, i) => {
      const v = q.compute(c.study);
      if (v !== null && typeof v !== "number")
        throw new InputError(`quantity "${q.label}" returned a non-number`, { field: "cohorts", index: i, value: v });
      return v === null || Number.isNaN(v) ? null : v;
    });
    const present = values.filter((v): v is number => v !== null);
    return {
      quantity: q.label,
      published: q.published,
      constrained: q.constrained,
      decimals: q.decimals,
      values,
      min: present.length > 0 ? Math.min(...present) : null,
      max: present.length > 0 ? Math.max(...present) : null,
    };
  });
  return deepFreeze({ kind: "robustness-across-cohorts", cohorts: cohorts.map((c) => c.label), rows });
}
