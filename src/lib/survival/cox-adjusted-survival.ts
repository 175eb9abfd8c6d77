import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { freezeColumns } from "./internal/freeze-columns";
import { coxBaseline } from "./cox-baseline-kernel";
import { coxNewdata, type CoxNewdata } from "./cox-newdata";
import { coxInternals, type CoxResult } from "./cox-ph";

/** One group of {@link adjustedSurvival}: its label and the covariate values every row is given. */
export interface AdjustedGroup {
  readonly label: string;
  /** Covariate values set for everyone, e.g. { sex: 2 } (several entries for dummy-coded factors). */
  readonly set: Readonly<Record<string, number>>;
}

export interface AdjustedSurvivalOptions {
  readonly groups: readonly AdjustedGroup[];
  /** The population averaged over (covariate columns by name); default: the rows the model was fitted on. */
  readonly population?: CoxNewdata;
  /** R's ctype: 1 Breslow, 2 Efron; default follows the fit's ties (as survfit.coxph). */
  readonly ctype?: 1 | 2;
}

/** One direct-adjusted curve. */
export interface AdjustedCurve {
  readonly label: string;
  readonly set: Readonly<Record<string, number>>;
  readonly time: readonly number[];
  /** Average over the population of the predicted S(t | x with the group's values): R's rowMeans(surv). */
  readonly surv: readonly number[];
}

export interface AdjustedSurvival {
  readonly kind: "adjusted-survival";
  readonly method: string;
  readonly convention: string;
  /** Number of population rows averaged over. */
  readonly n: number;
  readonly curves: readonly AdjustedCurve[];
}

/**
 * Direct (standardised, "G-computation") adjusted survival curves by group from a Cox fit: every row of the
 * population is given the group's covariate values, its predicted curve S(t | x) = exp(−Ĥ₀(t) e^{(x − x̄)β}) is
 * computed (survfitCox's, stype 2), and the curves are averaged with equal weight — the curve the whole
 * population would have had in that group, with the other covariates' distribution held fixed. Unlike the curve
 * at the covariate means, it is a population average. No standard errors: R survival has none for this
 * estimator (bootstrap the fit for intervals, e.g. with coxBootstrap's resamples).
 * References: Makuch (1982) J Chronic Dis 35:437; Zhang et al. (2007) Comput Methods Programs Biomed 88:95;
 * Therneau, Crowson & Atkinson, "Adjusted survival curves" (survival package vignette).
 * R: `rowMeans(survfit(fit, newdata = transform(data, sex = 2), se.fit = FALSE)$surv)` (also the
 * adjustedCurves package, method "direct"). SPSS: no equivalent (COXREG /PLOT plots curves at the covariate
 * means, by /PATTERN).
 * Cost: O(n p) for the baseline, then O(groups · times · m) for m population rows.
 *
 * @example
 * const x = { names: ["g", "age"], columns: [[0, 1, 0, 1], [50, 60, 70, 55]] };
 * const fit = coxPH(surv([1, 2, 3, 4], [1, 1, 0, 1]), x);
 * const groups = [{ label: "g = 0", set: { g: 0 } }, { label: "g = 1", set: { g: 1 } }];
 * adjustedSurvival(fit, { groups }).curves.map((c) => c.label) // ["g = 0", "g = 1"]
 */
export function adjustedSurvival(fit: CoxResult, options: AdjustedSurvivalOptions): AdjustedSurvival {
  checkOptions(options, "options", true);
  const internals = coxInternals(fit);
  if (internals.strataLabels !== null)
    throw new InputError("not available for a stratified fit (curves differ in their time points by stratum)", {
      field: "fit",
      value: internals.strataLabels,
    });
  if (!Array.isArray(options.groups) || options.groups.length === 0)
    throw new InputError("needs groups: [{ label, set: { covariate: value } }, …]", {
      field: "options.groups",
      value: options.groups,
    });
  const names = internals.names;
  const p = names.length;
  options.groups.forEach((g, i) => {
    if (
      g === null ||
      typeof g !== "object" ||
      typeof g.label !== "string" ||
      g.set === null ||
      typeof g.set !== "object"
    )
      throw new InputError("each group needs a label and a set of covariate values", {
        field: "options.groups",
        index: i,
        value: g,
      });
    for (const [name, v] of Object.entries(g.set)) {
      if (!names.includes(name))
        throw new InputError(`"${name}" is not a covariate of the fit (${names.join(", ")})`, {
          field: `options.groups[${i}].set`,
          value: name,
        });
      if (typeof v !== "number" || !Number.isFinite(v))
        throw new InputError("must be a finite number", { field: `options.groups[${i}].set.${name}`, value: v });
    }
  });
  const ctype = options.ctype ?? (fit.ties === "efron" ? 2 : 1);
  if (ctype !== 1 && ctype !== 2) throw new InputError("must be 1 or 2", { field: "options.ctype", value: ctype });
  const base = coxBaseline(fit, (ctype + 1) as 2 | 3);
  const d = internals.design;
  // Population covariates centred at the means, row-major.
  let m: number;
  let xc: Float64Array;
  if (options.population === undefined) {
    m = d.n;
    xc = base.xc;
  } else {
    const nd = coxNewdata(fit, options.population, undefined, "options.population");
    m = nd.m;
    xc = nd.xc;
  }
  const st = base.strata[0];
  const T = st.time.length;
  const curves = options.groups.map((g) => {
    // Each row's lp with the group's values; only the set covariates change.
    const setIdx = Object.keys(g.set).map((name) => names.indexOf(name));
    const setVal = Object.keys(g.set).map((name, k) => g.set[name] - fit.means[setIdx[k]]);
    const risk = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let lp = 0;
      for (let j = 0; j < p; j++) lp += base.coef[j] * xc[i * p + j];
      setIdx.forEach((j, k) => {
        lp += base.coef[j] * (setVal[k] - xc[i * p + j]);
      });
      risk[i] = Math.exp(lp);
    }
    const surv: number[] = [];
    for (let t = 0; t < T; t++) {
      const h = st.cumhaz[t];
      let s = 0;
      for (let i = 0; i < m; i++) s += Math.exp(-h * risk[i]);
      surv.push(s / m);
    }
    return { label: g.label, set: { ...g.set }, time: Array.from(st.time), surv };
  });
  return freezeColumns({
    kind: "adjusted-survival" as const,
    method: "Direct (standardised) adjusted survival from a Cox model: mean of predicted curves",
    convention: `R rowMeans(survfit(coxph, newdata, ctype = ${ctype})$surv)`,
    n: m,
    curves,
  });
}
