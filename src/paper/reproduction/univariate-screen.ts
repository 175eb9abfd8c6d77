import { deepFreeze } from "../../lib/core/freeze";
import { statResult, type StatResult } from "../../lib/core/result";
import { chisqTest } from "../../lib/hypothesis/chisq-test";
import { mannWhitneyTest } from "../../lib/hypothesis/mann-whitney-test";
import { requireComparison } from "../study/require-comparison";
import { diedWithinYear, ONE_YEAR_MONTHS, type BinaryFactor, type Study, type StudyPatient } from "../study/study";

/** One candidate factor of the §4.4 screen. */
export interface ScreenCandidate {
  readonly factor: string;
  readonly kind: "continuous" | "categorical";
  /** Whether the paper printed this factor's statistic (the three "significant" ones). */
  readonly printed: boolean;
}

/** One screened factor with its test against one-year status. */
export interface ScreenResult extends ScreenCandidate {
  readonly test: StatResult;
}

type Pick = (p: StudyPatient) => number | string | boolean | null;

const binary =
  (factor: BinaryFactor): Pick =>
  (p) =>
    p.factors[factor];

/**
 * The 43 factors §4.4 lists, in the paper's order, with how each is read from a patient. Continuous ones
 * are compared by Mann–Whitney, categorical ones by Pearson's χ² (the paper's Tables 4–5). "Progression"
 * is read as tumour progression (the paper defines it in §2; the neurological progression of §4.1 is a
 * different variable); VAS at one month is not in the paper's list and is not screened.
 */
const LIST: readonly (readonly [string, ScreenCandidate["kind"], Pick])[] = [
  ["age", "continuous", (p) => p.age],
  ["sex", "categorical", (p) => p.sex],
  ["BMI", "continuous", (p) => p.unpublished.bmi],
  ["length of stay", "continuous", (p) => p.lengthOfStayDays],
  ["VAS before surgery", "continuous", (p) => p.vas.pre],
  ["VAS 1 day", "continuous", (p) => p.unpublished.vas1d],
  ["VAS 3 days", "continuous", (p) => p.unpublished.vas3d],
  ["VAS 7 days", "continuous", (p) => p.unpublished.vas7d],
  ["VAS 3 months", "continuous", (p) => p.vas["3m"]],
  ["VAS 6 months", "continuous", (p) => p.vas["6m"]],
  ["VAS last", "continuous", (p) => p.vas.last],
  ["ODI before surgery", "continuous", (p) => p.odi.pre],
  ["ODI 3 months", "continuous", (p) => p.odi["3m"]],
  ["ODI 6 months", "continuous", (p) => p.odi["6m"]],
  ["ODI last", "continuous", (p) => p.odi.last],
  ["operation time", "continuous", (p) => p.operationMinutes],
  ["blood loss", "continuous", (p) => p.bloodLossMl],
  ["drainage", "continuous", (p) => p.drainageMl],
  ["tumour type", "categorical", (p) => p.tumorType],
  ["operation type", "categorical", (p) => p.operation],
  ["multi-segment (≥ 3) metastases", "categorical", (p) => p.unpublished.multiSegment],
  ["bone destruction", "categorical", (p) => p.boneDestruction],
  ["extraspinal bone metastases", "categorical", binary("extraspinal")],
  ["pathological fracture", "categorical", binary("fracture")],
  ["preoperative chemotherapy", "categorical", binary("preChemo")],
  ["preoperative radiotherapy", "categorical", binary("preRadio")],
  ["preoperative endocrine therapy", "categorical", (p) => p.unpublished.preEndocrine],
  ["preoperative targeted therapy", "categorical", binary("preTargeted")],
  ["preoperative immunotherapy", "categorical", binary("preImmuno")],
  ["preoperative BMA", "categorical", binary("preBma")],
  ["postoperative chemotherapy", "categorical", binary("postChemo")],
  ["postoperative radiotherapy", "categorical", binary("postRadio")],
  ["postoperative endocrine therapy", "categorical", (p) => p.unpublished.postEndocrine],
  ["postoperative targeted therapy", "categorical", binary("postTargeted")],
  ["postoperative immunotherapy", "categorical", binary("postImmuno")],
  ["Frankel before surgery", "categorical", (p) => p.frankelPre],
  ["Frankel after surgery", "categorical", (p) => p.frankelPost],
  ["emergency surgery", "categorical", binary("emergency")],
  ["complications", "categorical", (p) => p.complications.length > 0],
  ["tumour progression", "categorical", (p) => p.unpublished.tumorProgressed],
  ["ODI 1 month", "continuous", (p) => p.odi["1m"]],
  ["visceral metastases", "categorical", binary("visceral")],
  ["postoperative BMA", "categorical", binary("postBma")],
];
const PRINTED = new Set(["ODI 1 month", "visceral metastases", "postoperative BMA"]);
const CANDIDATES = LIST.map(([factor, kind, pick]) => ({ factor, kind, printed: PRINTED.has(factor), pick }));

/**
 * The paper's univariate screen (§4.4): each of the 43 listed factors against one-year status (death
 * within 12 months vs alive at 12 months) — Mann–Whitney for continuous factors (SPSS: tie-corrected Z, no
 * continuity correction; patients without a value left out) and Pearson's χ² without continuity correction
 * for categorical ones (levels in sorted order; SPSS CROSSTABS). Results in the paper's order; the last
 * three are the factors it printed. A factor that is constant in the patients given (possible in a resample)
 * gets no statistic (p null, with a warning), as SPSS computes none.
 *
 * R: `wilcox.test(x ~ dead1y, exact = FALSE, correct = FALSE)`, `chisq.test(table(x, dead1y), correct =
 * FALSE)`. SPSS 27: NPAR TESTS /M-W, CROSSTABS /STATISTICS = CHISQ. Cost: O(43 · n log n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * univariateScreen(study).length // 43
 */
export function univariateScreen(study: Study): readonly ScreenResult[] {
  return screen(study, true);
}

/**
 * {@link univariateScreen} for resampling: the same tests and p-values, without the Hodges–Lehmann
 * estimates and intervals of the continuous factors (their root search was most of a bootstrap's time).
 * Internal to the paper companion (not exported by its index).
 */
export function univariateScreenPValues(study: Study): readonly ScreenResult[] {
  return screen(study, false);
}

function screen(study: Study, confInt: boolean): readonly ScreenResult[] {
  // One-year status needs both groups: deaths within the year and patients followed beyond it.
  requireComparison(study, { withinMonths: ONE_YEAR_MONTHS, survivors: true });
  const dead = study.patients.map(diedWithinYear);
  return deepFreeze(
    CANDIDATES.map(({ pick, ...candidate }): ScreenResult => {
      const values = study.patients.map(pick);
      if (candidate.kind === "continuous") {
        const survivors: number[] = [];
        const deaths: number[] = [];
        values.forEach((v, i) => {
          if (v !== null) (dead[i] ? deaths : survivors).push(v as number);
        });
        return { ...candidate, test: mannWhitneyTest(survivors, deaths, { convention: "spss", confInt }) };
      }
      const levels = [...new Set(values.map(String))].sort();
      if (levels.length < 2) {
        // SPSS CROSSTABS: "No statistics are computed because <factor> is a constant."
        return {
          ...candidate,
          test: statResult({
            test: "Pearson chi-square",
            method: "Pearson chi-square test of independence",
            convention: "SPSS 27 (no statistic for a constant)",
            n: values.length,
            warnings: [`${candidate.factor} is constant (${levels[0]}) in these patients: no statistic computed`],
          }),
        };
      }
      const table = levels.map((level) =>
        [0, 1].map((g) => values.filter((v, i) => String(v) === level && dead[i] === g).length),
      );
      return { ...candidate, test: chisqTest(table, { convention: "spss" }) };
    }),
  );
}
