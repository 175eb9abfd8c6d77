import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { kaplanMeierFigure } from "../figures/kaplan-meier-figure";
import type { KaplanMeierFigureOptions } from "../figures/kaplan-meier-figure";
import type { PlotlyFigure } from "../figures/plotly-types";
import { logRank } from "../survival/log-rank";
import { survfitData } from "./internal/fit-data";
import type { SurvdiffResult } from "./survdiff";
import type { SurvfitResult } from "./survfit";

/** Options of {@link survfitFigure}: the Kaplan–Meier figure's, plus how curves are labelled and tested. */
export interface SurvfitFigureOptions extends KaplanMeierFigureOptions {
  /**
   * Curve labels: "level" (default: the level alone for one grouping variable, `sex=male, ph.ecog=1` for
   * several), "strata" (R's strata names, `sex=male`), or a map from R's strata name or the level to a label.
   */
  readonly labels?: "level" | "strata" | Readonly<Record<string, string>>;
  /** Add "(n = …)" to each label. Default true. */
  readonly showN?: boolean;
  /**
   * The test printed on the figure: true (default with two or more curves) computes the log-rank test of the
   * curves' groups (survdiff on the same formula; not when the formula has strata() terms); a survdiff result
   * prints its p; false prints none. An explicit `logRankP` wins.
   */
  readonly test?: boolean | SurvdiffResult;
  /** Legend title. Default: the grouping variables (`sex`), none for `~ 1`. */
  readonly legendTitle?: string;
  /** X-axis title. Default "Time (unit)": nothing is assumed about the time origin. */
  readonly xTitle?: string;
  /** Y-axis title. Default "Survival probability". */
  readonly yTitle?: string;
}

/**
 * The Kaplan–Meier figure of a survfit(formula, data) result: one curve per group, labelled by level (`female`,
 * `male`) rather than R's `sex=female`, with n per curve, the log-rank p of the same groups, the time unit and
 * axis titles from the options (default time unit: the response's time variable, e.g. "time_days"). Everything
 * else as kaplanMeierFigure (bands, censor marks, medians, numbers at risk). R: `plot(survfit(...))` /
 * survminer::ggsurvplot(fit, pval = TRUE, risk.table = TRUE). Cost: O(steps) plus O(n log n) for the test.
 *
 * @example
 * const lung = { // the first 12 rows of R's survival::lung, sex 1/2 as text
 *   time: [306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654],
 *   status: [2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2, 2],
 *   sex: ["male", "male", "male", "male", "male", "male", "female", "female", "male", "male", "male", "female"],
 * };
 * const fig = survfitFigure(survfit("Surv(time, status) ~ sex", lung), { timeUnit: "days" });
 * fig.data[1].name // "female (n = 3)" (data[0] is its 95% CI band)
 */
export function survfitFigure(fit: SurvfitResult, options: SurvfitFigureOptions = {}): PlotlyFigure {
  checkOptions(options);
  if (fit?.kind !== "survfit" || !Array.isArray(fit.curves))
    throw new InputError("must be a result of survfit(formula, data)", { field: "fit", value: fit });
  const labels = options.labels ?? "level";
  if (typeof labels === "string" && labels !== "level" && labels !== "strata")
    throw new InputError('must be "level", "strata" or a map of labels', { field: "options.labels", value: labels });
  const showN = options.showN ?? true;
  const curves = fit.curves.map((c) => {
    const values = Object.entries(c.levels) as [string, string][];
    let label: string;
    if (typeof labels === "object") {
      const level = values.length === 1 ? values[0][1] : c.label;
      label = labels[c.label] ?? labels[level] ?? c.label;
    } else if (labels === "strata" || values.length === 0) label = c.label === "all" ? "All" : c.label;
    else label = values.length === 1 ? values[0][1] : values.map(([k, v]) => `${k}=${v}`).join(", ");
    return { label: showN ? `${label} (n = ${c.n})` : label, steps: c.fit.steps };
  });
  let logRankP = options.logRankP;
  const test = options.test ?? fit.curves.length >= 2;
  if (logRankP === undefined && test !== false) {
    if (typeof test === "object") logRankP = test.pValue ?? undefined;
    else {
      const data = survfitData(fit);
      if (data && !data.hasStrata && fit.curves.length >= 2) logRankP = logRank(data.y, data.codes).pValue ?? undefined;
    }
  }
  const timeVariable = fit.response
    .replace(/^Surv\(/, "")
    .split(",")
    [fit.type === "counting" ? 1 : 0]?.trim();
  const figure = kaplanMeierFigure(curves, {
    confLevel: fit.confLevel,
    ...options,
    timeUnit: options.timeUnit ?? timeVariable ?? "time",
    logRankP,
  });
  const legendTitle = options.legendTitle ?? (fit.variables.length ? fit.variables.join(", ") : undefined);
  const layout = figure.layout as Record<string, Record<string, unknown> | undefined>;
  const titled = (a: Record<string, unknown> | undefined, text: string) => ({
    ...a,
    title: { ...(a?.title as Record<string, unknown> | undefined), text },
  });
  // The axis titles are set here (the data's unit, no assumed time origin) whatever the figure's defaults are.
  return {
    ...figure,
    layout: {
      ...figure.layout,
      xaxis: titled(layout.xaxis, options.xTitle ?? `Time (${options.timeUnit ?? timeVariable ?? "time"})`),
      yaxis: titled(layout.yaxis, options.yTitle ?? "Survival probability"),
      ...(legendTitle === undefined ? {} : { legend: { ...layout.legend, title: { text: legendTitle } } }),
    },
  };
}
