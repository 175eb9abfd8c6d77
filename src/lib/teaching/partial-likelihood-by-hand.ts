import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { shortNumber } from "../core/format";
import type { Surv } from "../survival/surv";
import { checkBinary } from "./internal/check-binary";
import { distinctTimes } from "./internal/distinct-times";
import type { HandTable } from "./km-table-by-hand";

/** Tie handling of the hand-worked partial likelihood: Breslow (SPSS COXREG) or Efron (R coxph's default). */
export type HandTies = "breslow" | "efron";

/** One death time's contribution to the partial likelihood of a 0/1 covariate. */
export interface PartialLikelihoodRow {
  readonly time: number;
  /** Patients at risk with x = 0 and with x = 1. */
  readonly atRisk0: number;
  readonly atRisk1: number;
  /** Deaths with x = 0 and with x = 1. */
  readonly deaths0: number;
  readonly deaths1: number;
  /** This time's term of the log partial likelihood ℓ(β). */
  readonly loglik: number;
  /** Its term of the score U(β) = dℓ/dβ: observed minus expected deaths with x = 1. */
  readonly score: number;
  /** Its term of the information I(β) = −d²ℓ/dβ². */
  readonly information: number;
  readonly working: string;
}

/** Result of {@link partialLikelihoodByHand}. */
export interface PartialLikelihoodByHand extends HandTable<PartialLikelihoodRow> {
  readonly beta: number;
  readonly ties: HandTies;
  readonly loglik: number;
  readonly score: number;
  readonly information: number;
}

/**
 * Cox's partial likelihood for one 0/1 covariate written out at a given β, one row per death time. With r₀ and r₁
 * patients at risk in the two groups, d₀ and d₁ deaths, d = d₀ + d₁ and θ = e^β, Breslow's version is
 * ℓ = Σ [d₁β − d·log(r₀ + r₁θ)], U = Σ [d₁ − d·r₁θ/(r₀ + r₁θ)], I = Σ d·p(1 − p) with p = r₁θ/(r₀ + r₁θ): each death
 * time compares who died with who could have died. Efron's version removes the tied deaths from the risk set in d
 * equal steps (ℓ term d₁β − Σⱼ log(r₀ + r₁θ − (j/d)(d₀ + d₁θ)), j = 0…d − 1); without tied deaths the two agree.
 *
 * Independent of {@link coxPH}'s kernel (the teaching notebook compares ℓ at each β with R's and ours).
 * Reference: Cox DR (1972) JRSS B 34:187; Breslow NE (1974) Biometrics 30:89; Efron B (1977) JASA 72:557; Collett D
 * (2015) §3.3. R: coxph(Surv(time, status) ~ x, init = beta, control = coxph.control(iter.max = 0))$loglik.
 * SPSS: none (COXREG prints −2 log-likelihood at the estimate only). Cost: O(n log n).
 *
 * @example
 * partialLikelihoodByHand(surv([1, 2], [1, 1]), [1, 0], 0).loglik // −0.6931472 (log(1/2) + log(1/1))
 */
export function partialLikelihoodByHand(
  y: Surv,
  x: ArrayLike<number>,
  beta: number,
  options: { readonly ties?: HandTies } = {},
): PartialLikelihoodByHand {
  checkOptions(options);
  const covariate = checkBinary(x, y.n);
  if (typeof beta !== "number" || !Number.isFinite(beta))
    throw new InputError("must be a finite number", { field: "beta", value: beta });
  const ties = options.ties ?? "breslow";
  if (ties !== "breslow" && ties !== "efron")
    throw new InputError('must be "breslow" or "efron"', { field: "options.ties", value: ties });
  const all = distinctTimes(y);
  const one = new Map(distinctTimes(y, (i) => covariate[i] === 1).map((r) => [r.time, r]));
  const theta = Math.exp(beta);
  const f = (v: number) => shortNumber(v, 4);
  let atRisk1 = covariate.filter((v) => v === 1).length;
  const rows: PartialLikelihoodRow[] = [];
  for (const r of all) {
    const g1 = one.get(r.time);
    const deaths1 = g1?.deaths ?? 0;
    const atRisk0 = r.atRisk - atRisk1;
    if (r.deaths > 0) {
      const deaths0 = r.deaths - deaths1;
      const d = r.deaths;
      let loglik = deaths1 * beta;
      let score = deaths1;
      let information = 0;
      // Breslow: every tied death sees the whole risk set; Efron: the j-th sees it minus j/d of the tied deaths.
      for (let j = 0; j < d; j++) {
        const share = ties === "efron" ? j / d : 0;
        const s0 = atRisk0 + atRisk1 * theta - share * (deaths0 + deaths1 * theta);
        const s1 = atRisk1 * theta - share * deaths1 * theta;
        const p = s1 / s0;
        loglik -= Math.log(s0);
        score -= p;
        information += p * (1 - p);
      }
      // The term with this β's numbers in: d₁·β − d·log(r₀ + r₁·e^β) (Efron: one log per tied death).
      const b = f(beta);
      const t = f(theta);
      const working =
        ties === "breslow" || d === 1
          ? `${deaths1}×${b} − ${d}×log(${atRisk0} + ${atRisk1}×${t}) = ${f(loglik)}`
          : `${deaths1}×${b} − Σⱼ log(${atRisk0} + ${atRisk1}×${t} − (j/${d})(${deaths0} + ${deaths1}×${t})), ` +
            `j = 0…${d - 1}: ${f(loglik)}`;
      rows.push({ time: r.time, atRisk0, atRisk1, deaths0, deaths1, loglik, score, information, working });
    }
    atRisk1 -= (g1?.deaths ?? 0) + (g1?.censored ?? 0);
  }
  const total = (k: "loglik" | "score" | "information") => rows.reduce((s, r) => s + r[k], 0);
  return deepFreeze({
    rows,
    labels: {
      time: "t",
      atRisk0: "r₀ (x = 0)",
      atRisk1: "r₁ (x = 1)",
      deaths0: "d₀",
      deaths1: "d₁",
      loglik: "ℓ term",
      score: "U term",
      information: "I term",
      working: "ℓ term with β and e^β filled in",
    },
    beta,
    ties,
    loglik: total("loglik"),
    score: total("score"),
    information: total("information"),
  });
}
