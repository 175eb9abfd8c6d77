import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { combineFactors } from "./combine-factors";
import { type Column, toFactor } from "./internal/columns";
import type { ModelFrame } from "./model-frame";

/** Groups of the rows of a model frame: a code per row and a label per group, in R's order. */
export interface FrameGroups {
  /** Group of each used row, 0..levels.length − 1. */
  readonly codes: Int32Array;
  /** Labels as R names them: "sex=1", "sex=male, ph.ecog=0" (several variables), or the level alone (`short`). */
  readonly levels: readonly string[];
  /** The level of each grouping variable in each group, by variable label. */
  readonly values: readonly Readonly<Record<string, string>>[];
  /** The grouping variables' labels. */
  readonly variables: readonly string[];
}

/**
 * Groups the rows of a model frame by main-effect terms, as survfit and survdiff do with R's
 * `strata(mf[ll])`: one group per observed combination of the variables' levels, the first variable varying
 * slowest; each variable's levels in R's factor order over the rows used (numbers ascending, text by R's
 * collation, FALSE before TRUE, factor() levels as given). Labels are "variable=level" joined by ", ", later
 * variables padded to a common width as R's format() does — or the levels alone with `short` (what
 * strata(…, shortlabel = TRUE) gives for several strata() terms in coxph and survdiff).
 * `which` picks the strata() terms, the other terms, or all of them. Interactions are an InputError (R: "Interaction
 * terms are not valid for this function"). Cost: O(n × variables).
 *
 * @example
 * const frame = modelFrame("Surv(t, s) ~ sex", { t: [1, 2, 3], s: [1, 0, 1], sex: [2, 1, 2] });
 * frameGroups(frame, "all").levels // ["sex=1", "sex=2"]
 */
export function frameGroups(
  frame: ModelFrame,
  which: "all" | "strata" | "other",
  options: { readonly short?: boolean } = {},
): FrameGroups | null {
  checkOptions(options);
  const { formula } = frame;
  const picked: number[] = [];
  for (const term of formula.terms) {
    const v = term.variables[0];
    const role = formula.variables[v].role;
    if (role === "cluster") continue;
    if (which === "strata" && role !== "strata") continue;
    if (which === "other" && role === "strata") continue;
    if (term.order > 1)
      throw new InputError("interaction terms are not valid here (as in R's survfit and survdiff)", {
        field: "formula",
        value: term.label,
      });
    picked.push(v);
  }
  if (picked.length === 0) return null;
  const factors = picked.map((v) => asFactor(frame.columns[v], formula.variables[v].label));
  const labels = picked.map((v) => formula.variables[v].label);
  const short = options.short ?? false;
  const { codes, levels } = combineFactors(
    factors,
    labels.map((l) => (short ? "" : `${l}=`)),
    !short,
  );
  // The level of each variable in each group, recovered from one row of the group.
  const values: Record<string, string>[] = levels.map(() => ({}));
  const seen = new Uint8Array(levels.length);
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i];
    if (g < 0 || seen[g]) continue;
    seen[g] = 1;
    factors.forEach((f, j) => {
      values[g][labels[j]] = f.levels[f.codes[i]];
    });
  }
  return { codes, levels, values, variables: labels };
}

function asFactor(col: Column, label: string): Extract<Column, { kind: "factor" }> {
  return toFactor(col, label) as Extract<Column, { kind: "factor" }>;
}
