import { cumulativeIncidenceFigure } from "../competing-risks/cumulative-incidence-figure";
import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { kaplanMeierFigure } from "../figures/kaplan-meier-figure";
import type { KaplanMeierFigureOptions } from "../figures/kaplan-meier-figure";
import type { PlotlyFigure } from "../figures/plotly-types";
import { logRank } from "../survival/log-rank";
import { survfitData } from "./internal/fit-data";
import type { SurvdiffResult } from "./survdiff";
import type { CoxphSurvfit, SurvfitResult, SurvfitStatesResult } from "./survfit";

/** Options of {@link survfitFigure}: the Kaplan–Meier figure's, plus how curves are labelled and tested. */
export interface SurvfitFigureOptions extends KaplanMeierFigureOptions {
  /**
   * Curve labels: "level" (default: the level alone for one grouping variable, `sex=male, ph.ecog=1` for
   * several), "strata" (R's strata names, `sex=male`), or a map from R's strata name or the level to a label.
   * Multi-state curves are labelled "state (group)" (`death (male)`; the state alone for `~ 1`); a map's key is
   * that label, a state or a group (R's strata name or the level), tried in that order. Cox curves carry their
   * label (`arm=b`, `sex=1, age=60`); a map's key is that label.
   */
  readonly labels?: "level" | "strata" | Readonly<Record<string, string>>;
  /** Add "(n = …)" to each label: default true for Kaplan–Meier curves, false for multi-state ones. */
  readonly showN?: boolean;
  /**
   * The test printed on the figure: true (default with two or more curves) computes the log-rank test of the
   * curves' groups (survdiff on the same formula; not when the formula has strata() terms); a survdiff result
   * prints its p; false prints none. An explicit `logRankP` wins. Kaplan–Meier curves only.
   */
  readonly test?: boolean | SurvdiffResult;
  /** Legend title. Default: the grouping variables (`sex`; `state (sex)` for multi-state curves), none for `~ 1`. */
  readonly legendTitle?: string;
  /** X-axis title. Default "Time (unit)": nothing is assumed about the time origin. */
  readonly xTitle?: string;
  /** Y-axis title. Default "Survival probability" ("Cumulative incidence" for multi-state curves). */
  readonly yTitle?: string;
  /** Multi-state curves: also draw "(s0)", the probability of no event yet. Default false. */
  readonly includeInitialState?: boolean;
}

/** The results survfitFigure draws, as the generic survfit returns them. */
export type SurvfitFigureInput = SurvfitResult | SurvfitStatesResult | CoxphSurvfit;

/** Options that shape only Kaplan–Meier figures (at-risk table, censor marks, medians, the log-rank p). */
const KM_ONLY = [
  "test",
  "logRankP",
  "testName",
  "showAtRisk",
  "atRiskTitle",
  "showCensorMarks",
  "showMedian",
  "tickInterval",
  "bandOpacity",
] as const;

/**
 * Draws what the generic survfit returns, as R's `plot(survfit(...))` does, with labels and axis titles from the
 * data (default time unit: the response's time variable, e.g. "time_days"):
 * - Kaplan–Meier curves (survfit(formula, data), kind "survfit"): one curve per group, labelled by level
 *   (`female`, `male`) rather than R's `sex=female`, with n per curve, the log-rank p of the same groups; everything
 *   else as kaplanMeierFigure (bands, censor marks, medians, numbers at risk). Also
 *   survminer::ggsurvplot(fit, pval = TRUE, risk.table = TRUE).
 * - Multi-state curves (survfit("Surv(time, factor(status)) ~ g", data), kind "survfitms"): each state's
 *   Aalen–Johansen probability (its cumulative incidence) per group as a rising step line from (0, 0), labelled
 *   "state (group)", through cumulativeIncidenceFigure; the title names the states and groups. "(s0)", no event yet,
 *   only with `includeInitialState` (R's plot draws every pstate column). Bands on with one or two lines, off with
 *   three or more (as the Kaplan–Meier figure).
 * - Cox-predicted curves (survfit(coxphFit, { newdata }), kind "survfit.coxph"): one survival step curve per
 *   newdata row and stratum, labelled by the row (`arm=b`), with bands (one or two curves), censor marks and
 *   medians as kaplanMeierFigure; no numbers at risk by default (they are the stratum's, not the curve's) and no
 *   test (the curves are predictions from one fit).
 * Options that do not apply to a kind (a log-rank test for multi-state or Cox curves, the at-risk table for
 * multi-state ones) are an InputError, not ignored. SPSS: KM /PLOT SURVIVAL; COXREG /PLOT SURVIVAL (at the means
 * or by a PATTERN); none for multi-state curves. Cost: O(steps) plus O(n log n) for the log-rank test.
 *
 * @example
 * const lung = { // the first 12 rows of R's survival::lung, sex 1/2 as text
 *   time: [306, 455, 1010, 210, 883, 1022, 310, 361, 218, 166, 170, 654],
 *   status: [2, 2, 1, 2, 2, 1, 2, 2, 2, 2, 2, 2],
 *   sex: ["male", "male", "male", "male", "male", "male", "female", "female", "male", "male", "male", "female"],
 * };
 * const fig = survfitFigure(survfit("Surv(time, status) ~ sex", lung), { timeUnit: "days" });
 * fig.data[1].name // "female (n = 3)" (data[0] is its 95% CI band)
 * const cr = survfit("Surv(t, factor(s)) ~ 1", { t: [1, 2, 3, 4, 5], s: [1, 2, 0, 1, 0] });
 * const ms = survfitFigure(cr, { showConfidenceBand: false });
 * ms.data.map((d) => d.name) // ["1", "2"] (the states; "(s0)", no event yet, left out)
 * ms.data[0].y // [0, 0.2, 0.2, 0.2, 0.5, 0.5] (R survfit pstate[, "1"]: 0.2 0.2 0.2 0.5 0.5)
 */
export function survfitFigure(fit: SurvfitFigureInput, options: SurvfitFigureOptions = {}): PlotlyFigure {
  checkOptions(options);
  const kind = (fit as { kind?: unknown } | null)?.kind;
  if (kind === "survfitms" && Array.isArray(fit.curves)) return statesFigure(fit as SurvfitStatesResult, options);
  if (kind === "survfit.coxph" && Array.isArray(fit.curves)) return coxFigure(fit as CoxphSurvfit, options);
  if (kind !== "survfit" || !Array.isArray(fit.curves))
    throw new InputError(
      'must be a result of survfit: Kaplan–Meier curves (kind "survfit", survfit(formula, data)), multi-state ' +
        'curves (kind "survfitms", a factor() status) or Cox-predicted curves (kind "survfit.coxph", ' +
        "survfit(coxphFit, { newdata }))",
      { field: "fit", value: fit },
    );
  onlyFor(options, ["includeInitialState"], "multi-state curves");
  return kaplanMeierCurvesFigure(fit as SurvfitResult, options);
}

function kaplanMeierCurvesFigure(fit: SurvfitResult, options: SurvfitFigureOptions): PlotlyFigure {
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
  const timeVariable = responseTimeVariable(fit.response, fit.type === "counting");
  const figure = kaplanMeierFigure(curves, {
    confLevel: fit.confLevel,
    ...options,
    timeUnit: options.timeUnit ?? timeVariable ?? "time",
    logRankP,
  });
  const legendTitle = options.legendTitle ?? (fit.variables.length ? fit.variables.join(", ") : undefined);
  return titledFigure(
    figure,
    options.xTitle ?? `Time (${options.timeUnit ?? timeVariable ?? "time"})`,
    options.yTitle ?? "Survival probability",
    legendTitle,
  );
}

/** Multi-state (survfitms) curves: each state's probability per group, as cumulative incidence step lines. */
function statesFigure(fit: SurvfitStatesResult, options: SurvfitFigureOptions): PlotlyFigure {
  onlyFor(options, KM_ONLY, "Kaplan–Meier curves");
  const includeInitial = flag(options.includeInitialState, "options.includeInitialState", false);
  const showN = flag(options.showN, "options.showN", false);
  const labels = checkLabels(options.labels);
  const first = includeInitial ? 0 : 1;
  const states = fit.states.slice(first);
  const lines = fit.curves.flatMap((c) => {
    const values = Object.entries(c.levels);
    const group =
      values.length === 0
        ? null
        : labels === "strata"
          ? c.label
          : values.length === 1
            ? values[0][1]
            : values.map(([k, v]) => `${k}=${v}`).join(", ");
    return states.map((state, j) => {
      const k = j + first;
      const own = typeof labels === "object" ? labels : {};
      const inner = [group === null ? null : (own[c.label] ?? own[group] ?? group), showN ? `n = ${c.n}` : null];
      const shown = inner.filter((p) => p !== null).join(", ");
      const fallback = `${own[state] ?? state}${shown ? ` (${shown})` : ""}`;
      const label = own[`${state}${group === null ? "" : ` (${group})`}`] ?? fallback;
      return { label, curve: c, k };
    });
  });
  const showBand = flag(options.showConfidenceBand, "options.showConfidenceBand", lines.length <= 2);
  const timeVariable = responseTimeVariable(fit.response, fit.type === "counting");
  const timeUnit = options.timeUnit ?? timeVariable ?? "time";
  const by = fit.variables.length ? ` by ${fit.variables.join(", ")}` : "";
  const figure = cumulativeIncidenceFigure(
    lines.map(({ label, curve, k }) => ({
      label,
      time: curve.time,
      value: curve.pstate.map((row) => row[k]),
      startValue: k === 0 ? (1 as const) : (0 as const),
      ...(showBand ? { lower: curve.lower.map((row) => row[k]), upper: curve.upper.map((row) => row[k]) } : {}),
    })),
    {
      title: options.title ?? `Cumulative incidence of ${fit.states.slice(1).join(", ")}${by}`,
      note: options.note,
      height: options.height,
      timeUnit,
      xMax: options.xMax,
      confLevel: options.confLevel ?? fit.confLevel,
    },
  );
  const legendTitle = options.legendTitle ?? (fit.variables.length ? `state (${fit.variables.join(", ")})` : "state");
  return titledFigure(
    figure,
    options.xTitle ?? `Time (${timeUnit})`,
    options.yTitle ?? (includeInitial ? "Probability in state" : "Cumulative incidence"),
    legendTitle,
  );
}

/** Cox-predicted curves: survival step curves through kaplanMeierFigure, one per newdata row and stratum. */
function coxFigure(fit: CoxphSurvfit, options: SurvfitFigureOptions): PlotlyFigure {
  onlyFor(options, ["test", "logRankP", "testName"], "Kaplan–Meier curves (Cox curves are predictions from one fit)");
  onlyFor(options, ["includeInitialState"], "multi-state curves");
  if (flag(options.showN, "options.showN", false))
    throw new InputError("does not apply to Cox curves: their n is the whole fit's", {
      field: "options.showN",
      value: options.showN,
    });
  const labels = checkLabels(options.labels);
  const own = typeof labels === "object" ? labels : {};
  const curves = fit.curves.map((c, j) => {
    const label = c.label ?? `curve ${j + 1}`;
    const steps = c.time.map((time, i) => ({
      time,
      nRisk: c.nRisk[i],
      nEvent: c.nEvent[i],
      nCensor: c.nCensor[i],
      survival: c.surv[i],
      lower: c.lower?.[i] ?? null,
      upper: c.upper?.[i] ?? null,
    }));
    return { label: own[label] ?? label, steps };
  });
  const counting = (fit.formula.split("~")[0].match(/,/g) ?? []).length >= 2;
  const timeVariable = responseTimeVariable(fit.formula.split("~")[0].trim(), counting);
  const timeUnit = options.timeUnit ?? timeVariable ?? "time";
  const figure = kaplanMeierFigure(curves, {
    confLevel: fit.confLevel,
    showAtRisk: false,
    ...options,
    title: options.title ?? `Predicted survival from coxph(${fit.formula})`,
    timeUnit,
  });
  return titledFigure(
    figure,
    options.xTitle ?? `Time (${timeUnit})`,
    options.yTitle ?? "Survival probability",
    options.legendTitle,
  );
}

/** The time variable of a response `Surv(time, status)` (`Surv(start, stop, status)`: stop), for the x axis. */
function responseTimeVariable(response: string, counting: boolean): string | undefined {
  return response
    .replace(/^Surv\(/, "")
    .split(",")
    [counting ? 1 : 0]?.trim();
}

/** The axis titles are set here (the data's unit, no assumed time origin) whatever the figure's defaults are. */
function titledFigure(
  figure: PlotlyFigure,
  xTitle: string,
  yTitle: string,
  legendTitle: string | undefined,
): PlotlyFigure {
  const layout = figure.layout as Record<string, Record<string, unknown> | undefined>;
  const titled = (a: Record<string, unknown> | undefined, text: string) => ({
    ...a,
    title: { ...(a?.title as Record<string, unknown> | undefined), text },
  });
  return {
    ...figure,
    layout: {
      ...figure.layout,
      xaxis: titled(layout.xaxis, xTitle),
      yaxis: titled(layout.yaxis, yTitle),
      ...(legendTitle === undefined ? {} : { legend: { ...layout.legend, title: { text: legendTitle } } }),
    },
  };
}

function checkLabels(labels: SurvfitFigureOptions["labels"]): "level" | "strata" | Readonly<Record<string, string>> {
  const value = labels ?? "level";
  if (typeof value === "string" ? value !== "level" && value !== "strata" : value === null || typeof value !== "object")
    throw new InputError('must be "level", "strata" or a map of labels', { field: "options.labels", value });
  return value;
}

function flag(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new InputError("must be true or false", { field, value });
  return value;
}

/** Options given for another kind of curve are an error rather than silently ignored. */
function onlyFor(options: SurvfitFigureOptions, keys: readonly string[], kind: string): void {
  for (const key of keys) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) throw new InputError(`applies to ${kind} only`, { field: `options.${key}`, value });
  }
}
