import type { Cell } from "../../core/html";
import { formatFixed, formatP } from "../../core/format";
import type { StatResult } from "../../core/result";
import type { CoxResult } from "../../survival/cox-ph";
import type { CoxZphResult } from "../../survival/cox-zph";
import type { KaplanMeierFit } from "../../survival/kaplan-meier";
import { kmQuantile } from "../../survival/km-quantile";
import { spssMeanSurvival } from "../../survival/spss-mean-survival";
import type { AnovaTable } from "../anova";
import type { CoxphFit } from "../coxph";
import type { SurvdiffResult } from "../survdiff";
import type { SurvfitResult } from "../survfit";
import type { FineGrayResult } from "../../competing-risks/fine-gray";
import type { SurvregResult } from "../../parametric/survreg";
import type { SurvregFit } from "../survreg";
import type { CoxphSurvfit } from "./survfit-coxph";
import type { SurvfitStatesResult } from "./survfit-states";

/** A table of a result: numbers stay numbers (formatting is the renderer's job), p-values are numbers too. */
export interface SummaryTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
  /** Columns holding p-values (printed journal style: "< 0.001", never "0.000"). */
  readonly pColumns: readonly string[];
  /** Lines printed under the table (n, tests, reference levels, conventions). */
  readonly notes: readonly string[];
}

export type Style = "r" | "spss";

/** Every result shape the summaries know. */
export type SummarizableResult =
  | CoxphFit
  | CoxResult
  | SurvfitResult
  | SurvfitStatesResult
  | CoxphSurvfit
  | SurvdiffResult
  | AnovaTable
  | CoxZphResult
  | SurvregFit
  | SurvregResult
  | FineGrayResult
  | KaplanMeierFit
  | StatResult
  | readonly StatResult[];

const isFormulaFit = (r: CoxResult): r is CoxphFit => "call" in r;
const level = (confLevel: number) => `${formatFixed(confLevel * 100, 1).replace(/\.0$/, "")}`;

function testLine(name: string, t: StatResult | null): string | null {
  if (!t || t.statistic === null) return null;
  return `${name} = ${formatFixed(t.statistic, 2)} on ${t.df} df, ${pText(t.pValue)}`;
}

function pText(p: number | null): string {
  const f = formatP(p);
  return f.startsWith("<") || f.startsWith(">") ? `p ${f}` : `p = ${f}`;
}

function coxNotes(fit: CoxResult): string[] {
  const notes: string[] = [];
  const formula = isFormulaFit(fit) ? fit : null;
  const deleted = formula?.missing.dropped ?? 0;
  notes.push(
    `n = ${fit.n}, number of events = ${fit.nEvents}` +
      (deleted ? ` (${deleted} observation${deleted === 1 ? "" : "s"} deleted due to missingness)` : "") +
      (formula?.excludedBySubset ? `; ${formula.excludedBySubset} rows outside the subset` : ""),
  );
  if (formula?.strata)
    notes.push(`Stratified by ${formula.strata.variables.join(", ")} (${formula.strata.levels.length} strata)`);
  if (formula?.cluster) notes.push(`Robust (sandwich) variance, clusters: ${formula.cluster}`);
  if (formula && Object.keys(formula.reference).length)
    notes.push(
      `Reference levels (treatment contrasts): ${Object.entries(formula.reference)
        .map(([v, l]) => `${v} = ${l}`)
        .join("; ")}`,
    );
  notes.push(
    `Concordance = ${formatFixed(fit.concordance.concordance, 3)} (se = ${formatFixed(fit.concordance.std, 3)})`,
  );
  for (const line of [
    testLine("Likelihood ratio test", fit.likelihoodRatioTest),
    testLine("Wald test", fit.waldTest),
    testLine("Score (logrank) test", fit.scoreTest),
    testLine("Robust score test", fit.robustScoreTest),
  ])
    if (line) notes.push(line);
  if (fit.robust)
    notes.push(
      "(Note: the likelihood ratio and score tests assume independence of observations within a cluster, " +
        "the Wald and robust score tests do not.)",
    );
  notes.push(`Ties: ${fit.ties === "efron" ? "Efron (R's default)" : "Breslow (SPSS COXREG's)"}`);
  for (const w of fit.warnings) notes.push(`Warning: ${w}`);
  return notes;
}

/** R's summary(coxph): coefficients, then the hazard ratios with their interval. */
export function coxR(fit: CoxResult): SummaryTable[] {
  if (fit.terms.length === 0)
    return [
      {
        caption: `Call: ${isFormulaFit(fit) ? fit.call : "coxPH(y, covariates)"}`,
        columns: [],
        rows: [],
        pColumns: [],
        notes: [`Null model: log likelihood = ${formatFixed(fit.loglik, 3)}, n = ${fit.n}, events = ${fit.nEvents}`],
      },
    ];
  const lv = level(fit.confLevel);
  const first = fit.terms.map((t) => ({
    term: t.name,
    coef: t.coef,
    "exp(coef)": t.hazardRatio,
    "se(coef)": fit.robust ? t.naiveSe : t.se,
    ...(fit.robust ? { "robust se": t.se } : {}),
    z: t.z,
    "Pr(>|z|)": t.pValue,
  }));
  const second = fit.terms.map((t) => ({
    term: t.name,
    "exp(coef)": t.hazardRatio,
    "exp(-coef)": t.coef === null ? null : Math.exp(-t.coef),
    [`lower .${lv.replace(/^0?\./, "")}`]: t.ciLower,
    [`upper .${lv.replace(/^0?\./, "")}`]: t.ciUpper,
  }));
  const call = isFormulaFit(fit) ? fit.call : "coxPH(y, covariates)";
  return [
    {
      caption: `Call: ${call}`,
      columns: Object.keys(first[0] ?? { term: 0 }),
      rows: first,
      pColumns: ["Pr(>|z|)"],
      notes: [],
    },
    {
      caption: `Hazard ratios with ${lv}% confidence intervals`,
      columns: Object.keys(second[0] ?? { term: 0 }),
      rows: second,
      pColumns: [],
      notes: coxNotes(fit),
    },
  ];
}

/** SPSS COXREG "Variables in the Equation": a categorical covariate's joint Wald row above its indicator rows. */
export function coxSpss(fit: CoxResult): SummaryTable[] {
  const lv = formatFixed(fit.confLevel * 100, 1);
  const row = (name: string, t: CoxResult["terms"][number]) => ({
    "": name,
    B: t.coef,
    SE: t.se,
    Wald: t.wald,
    df: t.coef === null ? 0 : 1,
    "Sig.": t.pValue,
    "Exp(B)": t.hazardRatio,
    [`${lv}% CI for Exp(B) Lower`]: t.ciLower,
    [`${lv}% CI for Exp(B) Upper`]: t.ciUpper,
  });
  const rows: Record<string, Cell>[] = [];
  if (isFormulaFit(fit)) {
    for (const a of fit.assign) {
      const joint = fit.termTests.find((t) => t.details.term === a.term);
      if (joint) {
        // SPSS leaves B, SE and Exp(B) blank on a categorical covariate's own row.
        rows.push({
          ...Object.fromEntries(Object.keys(row("", fit.terms[a.columns[0]])).map((c) => [c, ""])),
          "": a.term,
          Wald: joint.statistic,
          df: joint.df,
          "Sig.": joint.pValue,
        });
        for (const j of a.columns) rows.push(row(`\u00a0\u00a0${fit.terms[j].name}`, fit.terms[j]));
      } else for (const j of a.columns) rows.push(row(fit.terms[j].name, fit.terms[j]));
    }
  } else for (const t of fit.terms) rows.push(row(t.name, t));
  const notes = [
    fit.ties === "breslow"
      ? "Ties: Breslow, as SPSS COXREG"
      : 'Ties: Efron (R\'s default); SPSS COXREG uses Breslow: refit with ties "breslow" to match SPSS',
  ];
  if (isFormulaFit(fit) && Object.keys(fit.reference).length)
    notes.push(
      `Indicator coding with the first level as reference (${Object.entries(fit.reference)
        .map(([v, l]) => `${v} = ${l}`)
        .join("; ")}); SPSS's /CONTRAST default is the last category — give levels to match a given SPSS table`,
    );
  notes.push(
    `Omnibus Tests of Model Coefficients: -2 Log Likelihood ${formatFixed(-2 * fit.loglik, 3)}; ` +
      `Overall (score) Chi-square ${formatFixed(fit.scoreTest.statistic, 3)}, df ${fit.scoreTest.df}, ` +
      `Sig. ${formatP(fit.scoreTest.pValue)}; ` +
      `Change From Previous Step Chi-square ${formatFixed(fit.likelihoodRatioTest.statistic, 3)}, ` +
      `Sig. ${formatP(fit.likelihoodRatioTest.pValue)}`,
  );
  for (const w of fit.warnings) notes.push(`Warning: ${w}`);
  return [
    {
      caption: "Variables in the Equation (SPSS COXREG layout)",
      columns: Object.keys(row("", fit.terms[0] ?? ({} as CoxResult["terms"][number]))),
      rows,
      pColumns: ["Sig."],
      notes,
    },
  ];
}

/** R's print.survfit table (and with "spss", SPSS KM's "Means and Medians for Survival Time"). */
export function survfitTables(fit: SurvfitResult, style: Style): SummaryTable[] {
  const lv = level(fit.confLevel);
  const deleted = fit.missing.dropped;
  const notes = [
    `${fit.n} rows used${deleted ? `, ${deleted} deleted due to missingness` : ""}` +
      `${fit.excludedBySubset ? `, ${fit.excludedBySubset} outside the subset` : ""}; status coded ${fit.eventCoding}`,
  ];
  if (style === "r") {
    const counting = fit.type === "counting";
    const rows = fit.curves.map((c) => ({
      "": c.label,
      [counting ? "records" : "n"]: c.n,
      events: c.nEvents,
      median: c.median,
      [`0.${lv.replace(/^0?\./, "")}LCL`]: c.medianLower,
      [`0.${lv.replace(/^0?\./, "")}UCL`]: c.medianUpper,
    }));
    notes.push(`Confidence intervals: ${fit.confType} transformation (R's conf.type), ${lv}%`);
    return [{ caption: `Call: ${fit.call}`, columns: Object.keys(rows[0]), rows, pColumns: [], notes }];
  }
  const rows = fit.curves.map((c) => {
    const mean = spssMeanSurvival(c.fit);
    const median = kmQuantile(c.fit, 0.5, { method: "spss" });
    return {
      "": c.label,
      "Mean Estimate": mean.estimate,
      "Mean Std. Error": mean.se,
      "Mean Lower": mean.lower,
      "Mean Upper": mean.upper,
      "Median Estimate": median.time,
      "Median Std. Error": median.se,
      "Median Lower": median.lower,
      "Median Upper": median.upper,
    };
  });
  notes.push(
    "SPSS KM: the mean is limited to the largest time if it is censored; " +
      "the median's interval is median ± z·SE (Brookmeyer–Crowley would differ)",
  );
  return [
    {
      caption: "Means and Medians for Survival Time (SPSS KM layout)",
      columns: Object.keys(rows[0]),
      rows,
      pColumns: [],
      notes,
    },
  ];
}

/** R's print.survdiff table, or SPSS's "Overall Comparisons". */
export function survdiffTables(d: SurvdiffResult, style: Style): SummaryTable[] {
  const deleted = d.missing.dropped;
  const line =
    d.statistic === null
      ? "Chisq not computable (singular variance)"
      : `Chisq = ${formatFixed(d.statistic, 1)} on ${d.df} degrees of freedom, ${pText(d.pValue)}`;
  if (style === "spss") {
    const name = d.method.startsWith("Log-rank") ? "Log Rank (Mantel-Cox)" : d.method;
    return [
      {
        caption: "Overall Comparisons (SPSS KM layout)",
        columns: ["", "Chi-Square", "df", "Sig."],
        rows: [{ "": name, "Chi-Square": d.statistic, df: d.df, "Sig.": d.pValue }],
        pColumns: ["Sig."],
        notes: [`Test of equality of survival distributions for the levels of ${d.groups.length} groups`],
      },
    ];
  }
  const rows = d.groups.map((g) => ({
    "": g.label,
    N: g.n,
    Observed: g.observed,
    Expected: g.expected,
    "(O-E)^2/E": g.chisqE,
    "(O-E)^2/V": g.chisqV,
  }));
  return [
    {
      caption: `Call: ${d.call}`,
      columns: Object.keys(rows[0]),
      rows,
      pColumns: [],
      notes: [
        line,
        ...(deleted ? [`${deleted} observation${deleted === 1 ? "" : "s"} deleted due to missingness`] : []),
        ...d.warnings.map((w) => `Warning: ${w}`),
      ],
    },
  ];
}

export function anovaTables(a: AnovaTable): SummaryTable[] {
  const rows = a.rows.map((r) => ({
    "": r.label,
    loglik: r.loglik,
    Chisq: r.chisq,
    Df: r.df,
    "Pr(>|Chi|)": r.pValue,
  }));
  return [
    {
      caption: a.heading.join("\n"),
      columns: Object.keys(rows[0]),
      rows,
      pColumns: ["Pr(>|Chi|)"],
      notes: a.warnings.map((w) => `Warning: ${w}`),
    },
  ];
}

export function zphTables(z: CoxZphResult): SummaryTable[] {
  const rows = [...z.tests, z.global].map((t, k) => ({
    "": k < z.tests.length ? z.names[k] : "GLOBAL",
    chisq: t.statistic,
    df: t.df,
    p: t.pValue,
  }));
  return [
    {
      caption:
        `Test of proportional hazards (cox.zph, transform = "${z.transform}", ` +
        `terms = ${z.terms ? "TRUE" : "FALSE"})`,
      columns: ["", "chisq", "df", "p"],
      rows,
      pColumns: ["p"],
      notes: [],
    },
  ];
}

export function kmTables(fit: KaplanMeierFit, style: Style): SummaryTable[] {
  const rows = fit.steps.map((s) =>
    style === "r"
      ? {
          time: s.time,
          "n.risk": s.nRisk,
          "n.event": s.nEvent,
          "n.censor": s.nCensor,
          survival: s.survival,
          "std.err": s.stdErrLog,
          [`lower ${level(fit.confLevel)}% CI`]: s.lower,
          [`upper ${level(fit.confLevel)}% CI`]: s.upper,
        }
      : {
          Time: s.time,
          "Cumulative Proportion Surviving": s.survival,
          "Std. Error": s.stdErrSurvival,
          "N of Cumulative Events": null,
          "N of Remaining Cases": s.nRisk - s.nEvent - s.nCensor,
        },
  );
  if (style === "spss") {
    let events = 0;
    rows.forEach((r, k) => {
      events += fit.steps[k].nEvent;
      (r as Record<string, Cell>)["N of Cumulative Events"] = events;
    });
  }
  return [
    {
      caption: style === "r" ? "Kaplan–Meier estimate (R summary(survfit))" : "Survival Table (SPSS KM layout)",
      columns: Object.keys(rows[0] ?? {}),
      rows,
      pColumns: [],
      notes: style === "r" ? ["std.err is the SE of the cumulative hazard (R); SPSS's Std. Error is the SE of S"] : [],
    },
  ];
}

export function statTables(results: readonly StatResult[]): SummaryTable[] {
  const rows = results.map((r) => ({
    test: r.method,
    statistic: r.statistic,
    df: r.df,
    p: r.pValue,
    estimate: r.estimate,
    lower: r.ci?.[0] ?? null,
    upper: r.ci?.[1] ?? null,
    n: r.n,
  }));
  return [
    {
      caption: "Tests",
      columns: Object.keys(rows[0] ?? { test: 0 }),
      rows,
      pColumns: ["p"],
      notes: [
        ...new Set(results.map((r) => `Convention: ${r.convention}`)),
        ...results.flatMap((r) => r.warnings.map((w) => `Warning: ${w}`)),
      ],
    },
  ];
}

/**
 * R's summary(survreg): Value, Std. Error, z, p for the coefficients and the Log(scale) rows (one per stratum,
 * named by the stratum), then the scale, distribution, log-likelihoods, χ² and n lines. SPSS has no survreg.
 */
export function survregTables(fit: SurvregResult | SurvregFit): SummaryTable[] {
  const formula = "call" in fit ? fit : null;
  const rows = [...fit.terms, ...fit.logScale].map((t) => ({
    term: t.name,
    Value: t.coef,
    "Std. Error": t.se,
    z: t.z,
    p: t.pValue,
  }));
  const notes: string[] = [];
  if (fit.scaleFixed) notes.push(`Scale fixed at ${fit.scale[0]}`);
  else if (fit.strata)
    notes.push(`Scale: ${fit.strata.map((l, s) => `${l} ${formatFixed(fit.scale[s], 3)}`).join(", ")}`);
  else notes.push(`Scale = ${formatFixed(fit.scale[0], 3)}`);
  notes.push(`${fit.distName} distribution`);
  notes.push(
    `Loglik(model) = ${formatFixed(fit.loglik[1], 1)}   Loglik(intercept only) = ${formatFixed(fit.loglik[0], 1)}`,
  );
  if (fit.df > 0)
    notes.push(`Chisq = ${formatFixed(fit.chisq, 2)} on ${fit.df} degrees of freedom, ${pText(fit.pValue)}`);
  notes.push(`Number of Newton-Raphson Iterations: ${fit.iterations}`);
  const deleted = formula?.missing.dropped ?? 0;
  notes.push(
    `n = ${fit.n}` +
      (deleted ? ` (${deleted} observation${deleted === 1 ? "" : "s"} deleted due to missingness)` : "") +
      (formula?.excludedBySubset ? `; ${formula.excludedBySubset} rows outside the subset` : ""),
  );
  if (formula && Object.keys(formula.reference).length)
    notes.push(
      `Reference levels (treatment contrasts): ${Object.entries(formula.reference)
        .map(([v, l]) => `${v} = ${l}`)
        .join("; ")}`,
    );
  for (const w of fit.warnings) notes.push(`Warning: ${w}`);
  return [
    {
      caption: `Call: ${formula ? formula.call : "survreg(y, covariates)"}`,
      columns: ["term", "Value", "Std. Error", "z", "p"],
      rows,
      pColumns: ["p"],
      notes,
    },
  ];
}

/**
 * survfit with a multi-state status: per curve and state, n, the events into the state and the probability of being
 * in it at the last time (R's print.survfitms prints n and nevent; summary(fit) the pstate columns).
 */
export function survfitStatesTables(fit: SurvfitStatesResult): SummaryTable[] {
  const lv = level(fit.confLevel);
  const rows = fit.curves.flatMap((c) => {
    const last = c.pstate.length - 1;
    return fit.states.map((state, k) => ({
      "": `${c.label === "all" ? "" : `${c.label}, `}${state}`,
      n: c.n,
      nevent: k === 0 ? 0 : c.nEvents[k - 1],
      time: last >= 0 ? c.time[last] : null,
      pstate: last >= 0 ? c.pstate[last][k] : null,
      "std.err": last >= 0 ? c.stdErr[last][k] : null,
      [`lower ${lv}%`]: last >= 0 ? c.lower[last][k] : null,
      [`upper ${lv}%`]: last >= 0 ? c.upper[last][k] : null,
    }));
  });
  return [
    {
      caption: `Call: ${fit.call}`,
      columns: Object.keys(rows[0] ?? { "": 0 }),
      rows,
      pColumns: [],
      notes: [
        `Aalen–Johansen estimates at each curve's last time; "(s0)" is the state before any event (R's name)`,
        `n = ${fit.n}` +
          (fit.missing.dropped
            ? ` (${fit.missing.dropped} observation${fit.missing.dropped === 1 ? "" : "s"} deleted due to missingness)`
            : ""),
        `Standard errors: infinitesimal jackknife (R survfit); intervals: conf.type "${fit.confType}"`,
      ],
    },
  ];
}

/** survfit on a Cox fit: per curve, the number of times and the predicted survival at the last time. */
export function coxphSurvfitTables(fit: CoxphSurvfit): SummaryTable[] {
  const lv = level(fit.confLevel);
  const rows = fit.curves.map((c) => {
    const last = c.surv.length - 1;
    return {
      strata: c.strata,
      newdata: c.newdataRow === null ? "means" : c.newdataRow + 1,
      time: last >= 0 ? c.time[last] : null,
      surv: last >= 0 ? c.surv[last] : null,
      "std.err": c.stdErr && last >= 0 ? c.stdErr[last] : null,
      [`lower ${lv}%`]: c.lower && last >= 0 ? c.lower[last] : null,
      [`upper ${lv}%`]: c.upper && last >= 0 ? c.upper[last] : null,
    };
  });
  return [
    {
      caption: `Call: ${fit.call}`,
      columns: Object.keys(rows[0] ?? { strata: 0 }),
      rows,
      pColumns: [],
      notes: [`${fit.method}; n = ${fit.n}, events = ${fit.nEvents}`, fit.convention],
    },
  ];
}

/** cmprsk's print of a crr fit (coef, exp(coef), se(coef), z, p-value), then the subdistribution hazard ratios. */
export function fineGrayTables(fit: FineGrayResult): SummaryTable[] {
  const lv = level(fit.confLevel);
  const call = "call" in fit ? (fit as { call: string }).call : `fineGray(time, status, covariates)`;
  const first = fit.terms.map((t) => ({
    term: t.name,
    coef: t.coef,
    "exp(coef)": t.hazardRatio,
    "se(coef)": t.se,
    z: t.z,
    "p-value": t.pValue,
  }));
  const second = fit.terms.map((t) => ({
    term: t.name,
    "exp(coef)": t.hazardRatio,
    "exp(-coef)": Math.exp(-t.coef),
    [`lower ${lv}%`]: t.ciLower,
    [`upper ${lv}%`]: t.ciUpper,
  }));
  return [
    {
      caption: `Call: ${call}`,
      columns: ["term", "coef", "exp(coef)", "se(coef)", "z", "p-value"],
      rows: first,
      pColumns: ["p-value"],
      notes: [],
    },
    {
      caption: `Subdistribution hazard ratios (failcode ${fit.failcode}) with ${lv}% confidence intervals`,
      columns: Object.keys(second[0] ?? { term: 0 }),
      rows: second,
      pColumns: [],
      notes: [
        `n = ${fit.n}: ${fit.nEvents} events of interest, ${fit.nCompeting} competing, ${fit.nCensored} censored`,
        `Pseudo likelihood ratio test = ${formatFixed(fit.pseudoLrt.statistic, 2)} on ${fit.pseudoLrt.df} df, ` +
          pText(fit.pseudoLrt.pValue),
        fit.convention,
        ...fit.warnings.map((w) => `Warning: ${w}`),
      ],
    },
  ];
}
