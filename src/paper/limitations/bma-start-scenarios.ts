import { deepFreeze } from "../../lib/core/freeze";
import { InputError } from "../../lib/core/errors";
import type { Study } from "../study/study";

/** An assumption about when postoperative BMA started, with the start time it implies per patient. */
export interface BmaStartScenario {
  readonly label: string;
  /** Assumed start, months after surgery. */
  readonly startMonths: number;
  /** Start per patient in months (null: no postoperative BMA). */
  readonly treatmentTime: readonly (number | null)[];
  /** Treated patients whose follow-up ended before the assumed start: their start is put halfway through follow-up. */
  readonly movedToHalfway: number;
}

/**
 * Start times of postoperative bone-modifying agents under stated assumptions, because neither the
 * paper nor the codebook records them: BMA began `s` months after surgery; a treated patient whose
 * follow-up ended before `s` must have started earlier (they received it), and is given half their
 * follow-up time. One scenario per assumed start. Cost: O(scenarios · n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * bmaStartScenarios(study, [1]).map((s) => s.label) // ["BMA from 1 month"]
 */
export function bmaStartScenarios(study: Study, startMonths: readonly number[]): readonly BmaStartScenario[] {
  return deepFreeze(
    startMonths.map((s, k) => {
      if (!(Number.isFinite(s) && s >= 0))
        throw new InputError("must be a finite number of months ≥ 0", { field: "startMonths", index: k, value: s });
      let moved = 0;
      const treatmentTime = study.patients.map((p) => {
        if (!p.factors.postBma) return null;
        if (p.survivalMonths > s) return s;
        moved++;
        return p.survivalMonths / 2;
      });
      return { label: bmaStartLabel(s), startMonths: s, treatmentTime, movedToHalfway: moved };
    }),
  );
}

/** "BMA from 1 month", "BMA from 3 months": the scenario label, also used by immortalTimeQuantities. */
export function bmaStartLabel(months: number): string {
  return `BMA from ${months} month${months === 1 ? "" : "s"}`;
}
