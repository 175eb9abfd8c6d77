import { InputError } from "../../lib/core/errors";
import { createRng } from "../../lib/core/rng";
import type { Study, StudyPatient } from "../study/study";
import { defaultEvaluators } from "./evaluators";
import type { PatternCoxEstimate } from "./pattern-cox";
import { agesBySex } from "./stages/ages-by-sex";
import { assemblePatients } from "./stages/assemble-patients";
import { categoricalFactors } from "./stages/categorical-factors";
import type { StageContext } from "./stages/context";
import { deathDaysWithinYear } from "./stages/death-days-within-year";
import { frankelPairs } from "./stages/frankel-pairs";
import { oneYearDeathOrder } from "./stages/one-year-death-order";
import { perioperativeValues } from "./stages/perioperative-values";
import { surgeryDates } from "./stages/surgery-dates";
import { survivalAfterOneYear } from "./stages/survival-after-one-year";
import { unpublishedContinuous } from "./stages/unpublished-continuous";
import { visitScores } from "./stages/visit-scores";
import { shippedTargets } from "./targets";

/** Survival computations the search needs (the reproduction functions, injected to keep this module testable). */
export interface SurvivalEvaluators {
  /** Loss of the Table 6 Cox numbers on one-year data (0 = every targeted number printed as published). */
  readonly table6Loss: (data: { time: number[]; event: number[]; visceral: number[]; bma: number[] }) => number;
  /** The same loss from coefficients and SEs (Wald p and CI), for screening predicted fits. */
  readonly table6EstimateLoss: (estimate: PatternCoxEstimate) => number;
  /** Where (visceral, BMA) B must fall to print B and Exp(B) as published: window centres and half-widths. */
  readonly table6Window: { readonly center: readonly [number, number]; readonly halfWidth: readonly [number, number] };
  /** SPSS Kaplan–Meier median and its 95% CI, months. */
  readonly medianCi: (months: number[], event: number[]) => { median: number; lower: number; upper: number };
  /** Days → months as the cohort loader derives them. */
  readonly daysToMonths: (days: number) => number;
}

export interface ReconstructOptions {
  readonly seed?: number;
  /** Survival computations (default: the reproduction functions, {@link defaultEvaluators}). */
  readonly evaluators?: SurvivalEvaluators;
  /** Scales every search's iteration budget (default 1). */
  readonly effort?: number;
}

/** One synthetic patient with the dates the CSV stores. */
export interface SyntheticPatient extends StudyPatient {
  readonly surgeryDate: string;
  /** Date of death, or of the last follow-up (the study's closing date) when censored. */
  readonly endDate: string;
  readonly survivalDays: number;
}

export interface Reconstruction {
  readonly seed: number;
  readonly patients: readonly SyntheticPatient[];
  readonly study: Study;
  /** Loss left by each search stage (0 = every target of that stage printed as published). */
  readonly residuals: Readonly<Record<string, number>>;
  readonly decisions: readonly string[];
}

/**
 * Reconstructs a synthetic 55-patient cohort from the paper's published aggregates (see
 * {@link shippedTargets}): seeded, deterministic, every stage a search whose loss is 0
 * when its targets print as published. Different seeds give different feasible cohorts.
 *
 * The stages, in order (each in src/paper/reconstruct/stages/, each drawing from the one seeded
 * generator in turn): the one-year death order that prints Table 6; death days within the year; survival
 * after one year (the KM median and its interval); surgery dates; categorical factors; Frankel pairs;
 * ages; perioperative variables; VAS and ODI; unpublished continuous variables; then the rows.
 *
 * Reference: the paper (Li et al. 2026, Front Surg 13:1743422) for every target; Table 6's death
 * order by exhaustive meet-in-the-middle search (meetInTheMiddle), the other searches simulated
 * annealing (Kirkpatrick et al. 1983). No R/SPSS equivalent. Cost: the Table 6 search, ≈ 4·10⁷
 * arrangements (about 15 s on a 2-core machine, once per process and evaluators: it does not depend
 * on the seed), plus O(effort × 10⁵) loss evaluations (about 8 s at effort 1).
 *
 * @example slow
 * const r = reconstructCohort({ seed: 1 });
 * r.patients.length // 55
 * r.residuals.table6 // 0 (Table 6 prints as published)
 */
export function reconstructCohort(options: ReconstructOptions): Reconstruction {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new InputError("must be an integer", { field: "seed", value: seed });
  const T = shippedTargets();
  const ctx: StageContext = {
    ev: options.evaluators ?? sharedDefaultEvaluators(),
    rng: createRng(seed),
    effort: options.effort ?? 1,
    T,
    n: T.n,
    residuals: {},
    decisions: [],
  };
  const { ranked, patterns, died1y } = oneYearDeathOrder(ctx);
  const survival = deathDaysWithinYear(ctx, ranked);
  survivalAfterOneYear(ctx, survival);
  const surgeryMs = surgeryDates(ctx, survival);
  const categorical = categoricalFactors(ctx, patterns, died1y);
  const frankel = frankelPairs(ctx, died1y);
  const ages = agesBySex(ctx, categorical.sex, died1y);
  const perioperative = perioperativeValues(ctx, categorical.operation, died1y);
  const scores = visitScores(ctx, survival, died1y).columns;
  const { body, early } = unpublishedContinuous(ctx, categorical.sex, scores, died1y);
  const patients = assemblePatients(ctx.ev, {
    survival,
    surgeryMs,
    categorical,
    frankel,
    ages,
    perioperative,
    scores,
    body,
    early,
  });
  return {
    seed,
    patients,
    study: { patients, synthetic: true, source: `synthetic cohort, seed ${seed}` },
    residuals: ctx.residuals,
    decisions: ctx.decisions,
  };
}

let defaultEvaluatorsOnce: SurvivalEvaluators | null = null;
/** The default evaluators, built once per process (so that their exhaustive Table 6 search is reused). */
function sharedDefaultEvaluators(): SurvivalEvaluators {
  defaultEvaluatorsOnce ??= defaultEvaluators();
  return defaultEvaluatorsOnce;
}
