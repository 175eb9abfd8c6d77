import { checkOptions } from "../core/check-options";
import { escapeHtml } from "../core/html";
import { formatFixed, shortNumber } from "../core/format";
import { InputError } from "../core/errors";
import type { KaplanMeierFit } from "./kaplan-meier";
import { kmQuantile } from "./km-quantile";
import { spssMeanSurvival } from "./spss-mean-survival";

/** Options of {@link kmToHtml}. */
export interface KmToHtmlOptions {
  /** "r": summary(survfit) at event times; "spss": KM "Means and Medians for Survival Time". Default "r". */
  readonly style?: "r" | "spss";
  readonly caption?: string;
  /** Decimals of survival, SE and limits (default 4 for "r", 3 for "spss"). */
  readonly decimals?: number;
}

type Curves = KaplanMeierFit | readonly { readonly label: string; readonly fit: KaplanMeierFit }[];

/**
 * Renders a Kaplan–Meier fit (or one per group, from kaplanMeierByGroup) as an HTML table, in R's or SPSS's
 * layout: "r" is `summary(survfit(...))` — one row per event time with n.risk, n.event, survival, std.err and
 * the CI of the fit's confType; "spss" is SPSS 27's "Means and Medians for Survival Time" — the mean
 * ({@link spssMeanSurvival}) and the median (kmQuantile "spss") with SE and 95% CI, footnoted when the mean
 * is limited to a censored largest time. Deterministic. Cost: O(steps).
 *
 * @example
 * kmToHtml(kaplanMeier(surv([1, 2, 3], [1, 1, 0])), { style: "spss" })
 * // '<table class="repro-table">…Mean…Median…'
 */
export function kmToHtml(curves: Curves, options: KmToHtmlOptions = {}): string {
  checkOptions(options);
  const style = options.style ?? "r";
  if (style !== "r" && style !== "spss")
    throw new InputError('must be "r" or "spss"', { field: "options.style", value: style });
  const groups =
    "steps" in curves
      ? [{ label: "", fit: curves as KaplanMeierFit }]
      : (curves as readonly { label: string; fit: KaplanMeierFit }[]);
  if (groups.length === 0) throw new InputError("no curves to render", { field: "curves", value: 0 });
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
  if (style === "r") {
    const dec = options.decimals ?? 4;
    const level = `${formatFixed(groups[0].fit.confLevel * 100, 0)}%`;
    const head = [
      ...(groups.length > 1 || groups[0].label ? ["group"] : []),
      "time",
      "n.risk",
      "n.event",
      "survival",
      "std.err",
      `lower ${level} CI`,
      `upper ${level} CI`,
    ];
    const body = groups
      .flatMap((g) =>
        g.fit.steps
          .filter((s) => s.nEvent > 0)
          .map((s) =>
            row([
              ...(head[0] === "group" ? [escapeHtml(g.label)] : []),
              shortNumber(s.time, 6),
              String(s.nRisk),
              String(s.nEvent),
              formatFixed(s.survival, dec),
              formatFixed(s.stdErrSurvival, dec),
              formatFixed(s.lower, dec),
              formatFixed(s.upper, dec),
            ]),
          ),
      )
      .join("");
    return (
      `<table class="repro-table">${caption}<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}` +
      `</tr></thead><tbody>${body}</tbody></table>`
    );
  }
  const dec = options.decimals ?? 3;
  const notes: string[] = [];
  const body = groups
    .map((g) => {
      const mean = spssMeanSurvival(g.fit);
      const median = kmQuantile(g.fit, 0.5, { method: "spss" });
      if (mean.limitedToCensoredMaximum)
        notes.push(
          `${g.label ? `${g.label}: ` : ""}estimation is limited to the largest survival time (` +
            `${shortNumber(mean.tau, 6)}) since it is censored.`,
        );
      return row([
        escapeHtml(g.label || "Overall"),
        formatFixed(mean.estimate, dec),
        formatFixed(mean.se, dec),
        formatFixed(mean.lower, dec),
        formatFixed(mean.upper, dec),
        formatFixed(median.time, dec),
        formatFixed(median.se, dec),
        formatFixed(median.lower, dec),
        formatFixed(median.upper, dec),
      ]);
    })
    .join("");
  const level = `${formatFixed(groups[0].fit.confLevel * 100, 0)}% Confidence Interval`;
  const columns = ["Estimate", "Std. Error", `${level}: Lower Bound`, "Upper Bound"];
  const head =
    `<tr><th rowspan="2"></th><th colspan="4">Mean</th><th colspan="4">Median</th></tr>` +
    `<tr>` +
    [...columns, ...columns].map((h) => `<th>${escapeHtml(h)}</th>`).join("") +
    `</tr>`;
  const foot =
    notes.length > 0 ? `<tfoot><tr><td colspan="9">${notes.map(escapeHtml).join(" ")}</td></tr></tfoot>` : "";
  const cap = caption || `<caption>${escapeHtml("Means and Medians for Survival Time (SPSS layout)")}</caption>`;
  return `<table class="repro-table">${cap}<thead>${head}</thead><tbody>${body}</tbody>${foot}</table>`;
}
