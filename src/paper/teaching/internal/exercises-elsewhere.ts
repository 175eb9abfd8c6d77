import { formatFixed, formatP, shortNumber } from "../../../lib/core/format";
import { chisqTest } from "../../../lib/hypothesis/chisq-test";
import { fisherTest } from "../../../lib/hypothesis/fisher-test";
import { mcnemarTest } from "../../../lib/hypothesis/mcnemar-test";
import type { ExerciseSpec } from "../../../lib/teaching/define-exercise";
import { frankelCrosstab } from "../../reproduction/frankel-crosstab";
import { loadStudy } from "../../study/load-study";
import { immortalTimeTeaching } from "../immortal-time-teaching";
import { lungCaseStudy } from "../lung-case-study";
import { veteranCaseStudy } from "../veteran-case-study";

const DIRECTIONS = [
  { id: "below", label: "below 1", aliases: ["lower", "less than 1", "< 1", "benefit"] },
  { id: "about", label: "about 1", aliases: ["near 1", "around 1", "equal to 1", "1", "no effect"] },
  { id: "above", label: "above 1", aliases: ["higher", "greater than 1", "> 1", "harm"] },
] as const;

/** below / about / above 1, with "about" meaning within 10%. */
const direction = (hr: number) => (hr < 0.9 ? "below" : hr > 1.1 ? "above" : "about");

/** Exercises outside the toy cohort: immortal time (notebook 10), Table 3 (notebook 03), public data (notebook 08). */
export const ELSEWHERE_EXERCISES: readonly ExerciseSpec[] = [
  {
    id: 9,
    title: "A drug that does nothing",
    notebook: "10-survival-by-hand.ipynb",
    question:
      "In the immortal-time simulation the drug does **nothing** (true hazard ratio 1). With treatment starting " +
      "within **6 months**, is the hazard ratio of the **naive** analysis (ever treated as a baseline group) " +
      "below 1, " +
      "about 1 or above 1 — and that of the **time-dependent** analysis? Answer `{ naive, timeDependent }` with " +
      '"below 1", "about 1" or "above 1".',
    hint: "Move the slider to 6 and read the two markers; think about what a patient must do to count as treated.",
    compute: () => {
      const frame = immortalTimeTeaching().frames.find((f) => f.delay === 6);
      if (!frame) throw new Error("the immortal-time frames have no 6-month delay");
      const naiveWrong =
        "The naive analysis counts as treated only patients who lived long enough to start treatment: the months " +
        "before treatment are 'immortal' and credited to the drug, so it looks protective.";
      return {
        answer: {
          naive: {
            kind: "choice",
            correct: direction(frame.naive.median),
            options: DIRECTIONS.map((d) => ({ ...d, feedback: naiveWrong })),
          },
          timeDependent: {
            kind: "choice",
            correct: direction(frame.timeDependent.median),
            options: DIRECTIONS.map((d) => ({
              ...d,
              feedback:
                "The time-dependent analysis counts each patient as untreated until treatment starts, so no " +
                "survival time is credited to a drug not yet given: with a useless drug it finds no effect.",
            })),
          },
        },
        explanation:
          `Median over the simulated studies: naive HR ${shortNumber(frame.naive.median, 2)} ` +
          `(10th–90th percentile ${shortNumber(frame.naive.low, 2)}–${shortNumber(frame.naive.high, 2)}), ` +
          `time-dependent HR ${shortNumber(frame.timeDependent.median, 2)}. Immortal time biases the naive ` +
          "analysis towards benefit; the longer treatment waits, the larger the bias.",
      };
    },
  },
  {
    id: 10,
    title: "A paired design needs a paired test",
    notebook: "03-neurological-function.ipynb",
    question:
      "Table 3 counts the **same patients** as abnormal or normal **before and after** surgery. Which test fits this " +
      'design — "McNemar", "Pearson chi-square" or "Fisher exact" — and what **exact p-value** does it give on ' +
      "the data loaded here? Answer `{ test, p }` (p to 3 decimals).",
    hint: "Only the patients whose status changed carry information about change: the discordant cells.",
    compute: () => {
      const { study } = loadStudy();
      const table = frankelCrosstab(study).table3;
      const exact = mcnemarTest(table, { method: "exact" });
      const independence =
        "treats the before and after columns as two independent groups of patients, but they are the same " +
        "patients measured twice: it tests whether the status after surgery is associated with the status before, " +
        "not whether it changed.";
      const chisq = chisqTest(table, { convention: "spss" });
      const fisher = fisherTest(table);
      return {
        answer: {
          test: {
            kind: "choice",
            correct: "mcnemar",
            options: [
              {
                id: "mcnemar",
                label: "McNemar",
                aliases: ["McNemar's test", "exact McNemar", "McNemar exact", "sign test", "binomial test"],
              },
              {
                id: "chisq",
                label: "Pearson chi-square",
                aliases: ["chi-square", "χ²", "chi2", "chisq", "Pearson"],
                feedback: `Pearson's χ² ${independence}`,
              },
              {
                id: "fisher",
                label: "Fisher exact",
                aliases: ["Fisher", "Fisher's exact test"],
                feedback: `Fisher's exact test ${independence}`,
              },
            ],
          },
          p: {
            kind: "number",
            value: exact.pValue ?? Number.NaN,
            decimals: 3,
            impossible: [{ when: (x) => x < 0 || x > 1, feedback: "A p-value is a probability between 0 and 1." }],
            distractors: [
              {
                value: chisq.pValue ?? Number.NaN,
                feedback: "That is the p-value of Pearson's χ², the paper's test of association.",
              },
              {
                value: fisher.pValue ?? Number.NaN,
                feedback: "That is Fisher's exact test of association, not of change.",
              },
              {
                value: mcnemarTest(table, { method: "asymptotic" }).pValue ?? Number.NaN,
                feedback:
                  "That is the asymptotic McNemar test; with so few discordant patients use the exact binomial " +
                  "version.",
              },
              {
                value: mcnemarTest(table, { method: "corrected" }).pValue ?? Number.NaN,
                feedback: "That is McNemar's test with continuity correction; the question asks for the exact test.",
              },
            ],
          },
        },
        explanation:
          `Discordant patients: ${table[0][1]} abnormal → normal, ${table[1][0]} normal → abnormal. Under no change ` +
          `each is equally likely to go either way: two-sided binomial p = ${formatP(exact.pValue)} (exact McNemar). ` +
          `The paper's χ² (here ${formatFixed(chisq.statistic, 2)}) tests association instead.`,
      };
    },
  },
  {
    id: 11,
    title: "Adjusted hazard ratio in NCCTG lung",
    notebook: "08-public-data-validation.ipynb",
    question:
      "In the NCCTG lung data, adjusted for age and ECOG performance status, what is the **hazard ratio of death " +
      "for women compared with men**? (2 decimals)",
    hint: "Read the sex term of the Cox model with age, sex and ECOG, and exponentiate its coefficient.",
    compute: () => {
      const c = lungCaseStudy();
      const term = c.cox.terms.find((t) => t.name === "sex (female)");
      const alone = c.coxSex.terms[0];
      if (!term || term.hazardRatio === null || term.coef === null || alone.hazardRatio === null)
        throw new Error("the NCCTG lung model has no sex term");
      return {
        answer: {
          kind: "number",
          value: term.hazardRatio,
          decimals: 2,
          impossible: [{ when: (x) => x <= 0, feedback: "A hazard ratio is a ratio of two hazards: it is above 0." }],
          distractors: [
            { value: term.coef, feedback: "That is the coefficient, the log hazard ratio: exponentiate it." },
            { value: 1 / term.hazardRatio, feedback: "That compares men with women; the question asks women vs men." },
            {
              value: alone.hazardRatio,
              feedback:
                "That is the hazard ratio of sex alone (unadjusted); the question asks for it adjusted for age " +
                "and ECOG.",
            },
          ],
        },
        explanation:
          `HR ${formatFixed(term.hazardRatio, 2)} (95% CI ${formatFixed(term.ciLower, 2)} to ` +
          `${formatFixed(term.ciUpper, 2)}): at any time, a woman still alive had about ` +
          `${Math.round(100 * (1 - term.hazardRatio))}% lower hazard of death than a man of the same age and ECOG.`,
      };
    },
  },
  {
    id: 12,
    title: "Which hazard is not proportional?",
    notebook: "08-public-data-validation.ipynb",
    question:
      "In the VA veteran model (treatment, Karnofsky score, cell type), which covariate **violates proportional " +
      'hazards most clearly** by the Grambsch–Therneau test: "treatment", "Karnofsky score" or "cell type"?',
    hint: "Compare the p-values of cox.zph's per-term tests; the smallest is the clearest violation.",
    compute: () => {
      const c = veteranCaseStudy();
      const covariateOf = (name: string) =>
        name.startsWith("celltype") ? "celltype" : name === "karno" ? "karno" : "trt";
      const best = c.zph.tests.reduce((a, t, k) => ((t.pValue ?? 1) < (c.zph.tests[a].pValue ?? 1) ? k : a), 0);
      const p = (id: string) =>
        Math.min(...c.zph.tests.filter((_, k) => covariateOf(c.zph.names[k]) === id).map((t) => t.pValue ?? 1));
      return {
        answer: {
          kind: "choice",
          correct: covariateOf(c.zph.names[best]),
          options: [
            {
              id: "trt",
              label: "treatment",
              aliases: ["trt", "chemotherapy"],
              feedback: `Treatment's test has p = ${formatP(p("trt"))}: no sign of non-proportional hazards.`,
            },
            {
              id: "karno",
              label: "Karnofsky score",
              aliases: ["karno", "Karnofsky", "performance status"],
              feedback: `The Karnofsky score's test has p = ${formatP(p("karno"))}.`,
            },
            {
              id: "celltype",
              label: "cell type",
              aliases: ["celltype", "histology"],
              feedback:
                `Cell type's columns do fail the test (smallest p = ${formatP(p("celltype"))}), but one ` +
                "covariate fails more clearly.",
            },
          ],
        },
        explanation:
          `The smallest per-term p is ${c.zph.names[best]}'s (${formatP(c.zph.tests[best].pValue)}): its scaled ` +
          "Schoenfeld residuals drift with time, so one hazard ratio does not describe its effect over the whole " +
          "follow-up (it is strong early and fades).",
      };
    },
  },
];
