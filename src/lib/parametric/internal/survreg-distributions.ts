import { normal } from "../../distributions/stdlib-normal";

/** The three location-scale families survreg's C code knows (survregc1's dist 1, 2, 3). */
export type BaseDistribution = "extreme" | "logistic" | "gaussian";

/** survreg's distributions: a base family, a transformation of time, and for some a fixed scale. */
export type SurvregDistribution =
  | "weibull"
  | "exponential"
  | "rayleigh"
  | "lognormal"
  | "loglogistic"
  | "extreme"
  | "logistic"
  | "gaussian";

export interface DistributionSpec {
  readonly base: BaseDistribution;
  /** Time is modelled on the log scale (R: trans = log, itrans = exp, dtrans = 1/y). */
  readonly logTime: boolean;
  /** Fixed scale (exponential 1, Rayleigh 0.5), else null. */
  readonly fixedScale: number | null;
  /** R's survreg.distributions name ("Weibull", "Log Normal", …). */
  readonly rName: string;
}

export const SURVREG_DISTRIBUTIONS: Readonly<Record<SurvregDistribution, DistributionSpec>> = {
  weibull: { base: "extreme", logTime: true, fixedScale: null, rName: "Weibull" },
  exponential: { base: "extreme", logTime: true, fixedScale: 1, rName: "Exponential" },
  rayleigh: { base: "extreme", logTime: true, fixedScale: 0.5, rName: "Rayleigh" },
  lognormal: { base: "gaussian", logTime: true, fixedScale: null, rName: "Log Normal" },
  loglogistic: { base: "logistic", logTime: true, fixedScale: null, rName: "Log logistic" },
  extreme: { base: "extreme", logTime: false, fixedScale: null, rName: "Extreme value" },
  logistic: { base: "logistic", logTime: false, fixedScale: null, rName: "Logistic" },
  gaussian: { base: "gaussian", logTime: false, fixedScale: null, rName: "Gaussian" },
};

const SMALL = -200; // survregc1's log f for an impossible observation, and the clamp of the extreme-value z

/**
 * survregc1's per-observation functions of z (case 1, exact: ans[1] = f, ans[2] = f′/f, ans[3] = f″/f;
 * case 2, censored: ans[0] = F, ans[1] = 1 − F, ans[2] = f, ans[3] = f′), written as survival's C code
 * writes them (the symmetric logistic evaluated without overflow, the extreme value clamped at ±200).
 */
export function densityTerms(base: BaseDistribution, z: number, exact: boolean, ans: Float64Array): void {
  if (base === "extreme") {
    const w = z < SMALL ? Math.exp(SMALL) : -z < SMALL ? Math.exp(-SMALL) : Math.exp(z);
    const temp = Math.exp(-w);
    if (exact) {
      ans[1] = w * temp;
      ans[2] = 1 - w;
      ans[3] = w * (w - 3) + 1;
    } else {
      ans[0] = 1 - temp;
      ans[1] = temp;
      ans[2] = w * temp;
      ans[3] = w * temp * (1 - w);
    }
  } else if (base === "logistic") {
    let w: number;
    let sign: number;
    let ii: number;
    if (z > 0) {
      w = Math.exp(-z);
      sign = -1;
      ii = 0;
    } else {
      w = Math.exp(z);
      sign = 1;
      ii = 1;
    }
    const temp = 1 + w;
    if (exact) {
      ans[1] = w / (temp * temp);
      ans[2] = (sign * (1 - w)) / temp;
      ans[3] = (w * w - 4 * w + 1) / (temp * temp);
    } else {
      ans[1 - ii] = w / temp;
      ans[ii] = 1 / temp;
      ans[2] = w / (temp * temp);
      ans[3] = (sign * ans[2] * (1 - w)) / temp;
    }
  } else {
    const f = Math.exp((-z * z) / 2) / 2.506628274631001;
    if (exact) {
      ans[1] = f;
      ans[2] = -z;
      ans[3] = z * z - 1;
    } else {
      ans[0] = normal.cdf(z, 0, 1);
      ans[1] = normal.cdf(-z, 0, 1);
      ans[2] = f;
      ans[3] = -z * f;
    }
  }
}

/** R's survreg.distributions[[base]]$init(x, weights): location and variance starting values. */
export function initialValues(base: BaseDistribution, y: Float64Array, w: Float64Array): [number, number] {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < y.length; i++) {
    sw += w[i];
    swy += w[i] * y[i];
  }
  const mean = swy / sw;
  let ss = 0;
  for (let i = 0; i < y.length; i++) ss += w[i] * (y[i] - mean) ** 2;
  const variance = ss / sw;
  if (base === "extreme") return [mean + 0.572, variance / 1.64];
  if (base === "logistic") return [mean, variance / 3.2];
  return [mean, variance];
}

/** R's density(x) matrix row for the base family: F, 1 − F, f, f′/f, f″/f (survreg.distributions$density). */
export function densityRow(base: BaseDistribution, x: number): [number, number, number, number, number] {
  if (base === "extreme") {
    const w = Math.exp(x);
    const ww = Math.exp(-w);
    return [1 - ww, ww, w * ww, 1 - w, w * (w - 3) + 1];
  }
  if (base === "logistic") {
    const w = Math.exp(x);
    return [w / (1 + w), 1 / (1 + w), w / (1 + w) ** 2, (1 - w) / (1 + w), (w * (w - 4) + 1) / (1 + w) ** 2];
  }
  return [normal.cdf(x, 0, 1), normal.cdf(-x, 0, 1), normal.pdf(x, 0, 1), -x, x * x - 1];
}

/** The standardized quantile of the base family (R's $quantile(p)). */
export function baseQuantile(base: BaseDistribution, p: number): number {
  if (base === "extreme") return Math.log(-Math.log(1 - p));
  if (base === "logistic") return Math.log(p / (1 - p));
  return normal.quantile(p, 0, 1);
}
