import { InputError } from "../../lib/core/errors";
import { deepFreeze } from "../../lib/core/freeze";
import type { Study } from "../study/study";

/**
 * An assumption about the patients §2.1 excluded because they died of other causes: how many, and
 * over which months after surgery their deaths fell (placed evenly: the j-th of k at
 * from + (j − ½)(to − from)/k). The paper reports neither.
 */
export interface OtherCauseScenario {
  readonly label: string;
  readonly count: number;
  readonly fromMonths: number;
  readonly toMonths: number;
}

/** The data of one scenario: the study's patients plus the excluded other-cause deaths. */
export interface OtherCauseData {
  readonly label: string;
  /** Months from surgery; the study's patients first, then the added other-cause deaths. */
  readonly months: readonly number[];
  /** 0 censored, 1 tumour-specific death (the paper's end event, §2.3), 2 death from another cause. */
  readonly status: readonly (0 | 1 | 2)[];
  readonly nStudy: number;
  readonly nOther: number;
}

/**
 * Adds to the study the patients who died of other causes, as each scenario assumes (§2.1 excluded
 * them; §2.3 counts only tumour-specific deaths). Cost: O(scenarios · n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * otherCauseData(study, [{ label: "3 early", count: 3, fromMonths: 0, toMonths: 6 }])[0].months.slice(-3)
 * // [1, 3, 5] (the j-th of 3 at (j − ½) · 6/3 months)
 */
export function otherCauseData(study: Study, scenarios: readonly OtherCauseScenario[]): readonly OtherCauseData[] {
  if (!Array.isArray(scenarios)) throw new InputError("must be an array", { field: "scenarios", value: scenarios });
  return deepFreeze(
    scenarios.map((s, k) => {
      if (!(Number.isInteger(s.count) && s.count >= 0))
        throw new InputError("must be an integer ≥ 0", { field: `scenarios[${k}].count`, value: s.count });
      if (!(Number.isFinite(s.fromMonths) && s.fromMonths >= 0 && s.toMonths > s.fromMonths))
        throw new InputError("needs 0 ≤ fromMonths < toMonths", {
          field: `scenarios[${k}].toMonths`,
          value: s.toMonths,
        });
      const months = study.patients.map((p) => p.survivalMonths);
      const status: (0 | 1 | 2)[] = study.patients.map((p) => (p.died === 1 ? 1 : 0));
      for (let j = 1; j <= s.count; j++) {
        months.push(s.fromMonths + ((j - 0.5) * (s.toMonths - s.fromMonths)) / s.count);
        status.push(2);
      }
      return { label: s.label, months, status, nStudy: study.patients.length, nOther: s.count };
    }),
  );
}
