import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { checkGroupLabels, groupLevels } from "./group-labels";
import { deepFreeze } from "../core/freeze";
import { kaplanMeier, type KaplanMeierFit, type KaplanMeierOptions } from "./kaplan-meier";
import { isSurv, surv, survCounting, type Surv } from "./surv";
import { validateCaseWeights } from "./case-weights";

/**
 * One Kaplan–Meier curve per group in one call (R: survfit(Surv(time, status) ~ group)). Groups are
 * ordered as R orders factor levels of the labels (sorted; numbers before text as strings with
 * numeric collation). Counting-process data: one label per row, so a subject can change group over
 * time (Simon–Makuch curves by current treatment state). Cost: O(n log n).
 *
 * @example
 * kaplanMeierByGroup(surv([1, 2, 3, 4], [1, 1, 0, 1]), ["a", "b", "a", "b"]).map((g) => g.label) // ["a", "b"]
 */
export function kaplanMeierByGroup(
  y: Surv,
  groups: ArrayLike<string | number>,
  options: KaplanMeierOptions = {},
): readonly { readonly label: string; readonly n: number; readonly fit: KaplanMeierFit }[] {
  checkOptions(options);
  if (!isSurv(y)) throw new InputError("must be a Surv built by surv() or survCounting()", { field: "y", value: y });
  if (groups === null || groups === undefined || groups.length !== y.n) {
    throw new InputError(`must have one label per subject (${y.n})`, { field: "groups", value: groups });
  }
  const labels = checkGroupLabels(groups, "groups", y.n).map(String);
  // Case weights are per subject: checked once on the whole sample, then split with the rows.
  const weights = options.weights === undefined ? null : validateCaseWeights(options.weights, y.n, "options.weights");
  const levels = groupLevels(labels) as string[];
  return deepFreeze(
    levels.map((label) => {
      const rows = labels.flatMap((l, i) => (l === label ? [i] : []));
      const time = rows.map((i) => y.time[i]);
      const event = rows.map((i) => y.event[i]);
      const start = y.start;
      // Times were validated and tie-merged once in y; subsets must not merge again.
      const sub =
        start === null
          ? surv(time, event, { tieTolerance: 0 })
          : survCounting(
              rows.map((i) => start[i]),
              time,
              event,
              { tieTolerance: 0 },
            );
      const fit = kaplanMeier(sub, weights === null ? options : { ...options, weights: rows.map((i) => weights[i]) });
      return { label, n: rows.length, fit };
    }),
  );
}
