import { shortNumber } from "../../../lib/core/format";
import type { ExerciseSpec } from "../../../lib/teaching/define-exercise";
import { coxPH } from "../../../lib/survival/cox-ph";
import { kaplanMeier } from "../../../lib/survival/kaplan-meier";
import { kmQuantile } from "../../../lib/survival/km-quantile";
import { logRank } from "../../../lib/survival/log-rank";
import { surv } from "../../../lib/survival/surv";
import { coxNewtonByHand } from "../../../lib/teaching/cox-newton-by-hand";
import { greenwoodByHand } from "../../../lib/teaching/greenwood-by-hand";
import { logRankByHand } from "../../../lib/teaching/log-rank-by-hand";
import { medianByHand } from "../../../lib/teaching/median-by-hand";
import { kmTableByHand } from "../../../lib/teaching/km-table-by-hand";
import { toyCohort } from "../toy-cohort";

const NOTEBOOK = "10-survival-by-hand.ipynb";
const probability = [
  { when: (x: number) => x < 0 || x > 1, feedback: "S(t) is a probability: it lies between 0 and 1." },
];

/** S(t) of a fit at time t (the step in force at t). */
function survivalAt(fit: ReturnType<typeof kaplanMeier>, t: number): number {
  return fit.steps.filter((s) => s.time <= t).pop()?.survival ?? 1;
}

/** The toy cohort's exercises (notebook 10), ids 1–8. Every answer and typical wrong answer is computed. */
export const BY_HAND_EXERCISES: readonly ExerciseSpec[] = [
  {
    id: 1,
    title: "Who is at risk?",
    notebook: NOTEBOOK,
    question: "How many patients of the toy cohort are **at risk just before month 9**? (a whole number)",
    hint: "Count the patients whose time is 9 or later: those who died earlier, and those censored earlier, are gone.",
    compute: () => {
      const toy = toyCohort();
      const fit = kaplanMeier(surv(toy.time, toy.event));
      const at = (t: number) => fit.steps.find((s) => s.time >= t)?.nRisk ?? 0;
      const deathsBefore = fit.steps.filter((s) => s.time < 9).reduce((n, s) => n + s.nEvent, 0);
      const censoredAt6 = fit.steps.find((s) => s.time === 6)?.nCensor ?? 0;
      return {
        answer: {
          kind: "number",
          value: at(9),
          decimals: 0,
          distractors: [
            {
              value: toy.time.length - deathsBefore,
              feedback:
                "You took away only the deaths. Censored patients leave the risk set too: after their last visit " +
                "nobody knows whether they are alive.",
            },
            {
              value: at(9) + censoredAt6,
              feedback:
                "A patient censored at month 6 was last seen at month 6: they are no longer at risk at month 9.",
            },
            {
              value: at(9) - 1,
              feedback: "The risk set just before month 9 still includes the patient who dies at month 9.",
            },
          ],
        },
        explanation:
          `Patients with time ≥ 9 are at risk just before month 9: ${toy.patients
            .filter((p) => p.months >= 9)
            .map((p) => p.patient)
            .join(", ")}. ${deathsBefore} died before month 9 and ` +
          `${fit.steps.filter((s) => s.time < 9).reduce((n, s) => n + s.nCensor, 0)} were censored before it.`,
      };
    },
  },
  {
    id: 2,
    title: "Censoring instead of a death",
    notebook: NOTEBOOK,
    question:
      "Suppose **patient 4 had been censored at month 5** instead of dying at month 6. What would **S(6)** be? " +
      "(3 decimals)",
    hint:
      "Rebuild the table: patient 4 now leaves the risk set at month 5 without dying, so month 6 has one " +
      "death, and one fewer patient at risk.",
    compute: () => {
      const toy = toyCohort();
      const moved = toy.time.map((t, i) => (i === 3 ? 5 : t));
      const status = toy.event.map((e, i) => (i === 3 ? 0 : e));
      const answer = survivalAt(kaplanMeier(surv(moved, status)), 6);
      const working = kmTableByHand(surv(moved, status))
        .rows.filter((r) => r.time <= 6)
        .map((r) => `month ${r.time}: ${r.working}`)
        .join("; ");
      const observed = survivalAt(kaplanMeier(surv(toy.time, toy.event)), 6);
      const keep = toy.time.map((_, i) => i !== 3);
      const dropped = survivalAt(
        kaplanMeier(
          surv(
            toy.time.filter((_, i) => keep[i]),
            toy.event.filter((_, i) => keep[i]),
          ),
        ),
        6,
      );
      // Censored at 5 but still counted at risk at 6: S(4) × (1 − 1/7).
      const s4 = survivalAt(kaplanMeier(surv(toy.time, toy.event)), 4);
      return {
        answer: {
          kind: "number",
          value: answer,
          decimals: 3,
          impossible: probability,
          distractors: [
            {
              value: observed,
              feedback:
                "That is S(6) of the data as they are: patient 4's death at month 6 still counts (and treating " +
                "the censoring at 5 as a death gives the same S(6)). A censored patient never makes the curve drop.",
            },
            {
              value: dropped,
              feedback:
                "Removing patient 4 altogether throws away the months they were watched: censored at 5, they " +
                "still belong to the risk sets at months 2 and 4.",
            },
            {
              value: s4 * (1 - 1 / 7),
              feedback: "Patient 4 left at month 5, so at month 6 the risk set has 6 patients, not 7.",
            },
          ],
        },
        explanation: `With patient 4 censored at month 5 — ${working}.`,
      };
    },
  },
  {
    id: 3,
    title: "Greenwood's standard error",
    notebook: NOTEBOOK,
    question: "What is **Greenwood's standard error of S(9)**, the SE of the survival probability itself? (3 decimals)",
    hint: "Add d/(n(n − d)) over the death times up to month 9, multiply by S(9)², take the square root.",
    compute: () => {
      const toy = toyCohort();
      const fit = kaplanMeier(surv(toy.time, toy.event));
      const at9 = fit.steps.find((s) => s.time === 9);
      const row = greenwoodByHand(surv(toy.time, toy.event)).rows.find((r) => r.time === 9);
      if (!at9 || at9.stdErrSurvival === null || at9.stdErrLog === null || !row || row.variance === null)
        throw new Error("the toy cohort has no death at month 9");
      const n = toy.time.length;
      return {
        answer: {
          kind: "number",
          value: at9.stdErrSurvival,
          decimals: 3,
          distractors: [
            {
              value: at9.stdErrLog,
              feedback:
                "That is √Σ, the standard error of −log S(9) — what R's survfit stores as std.err. Multiply by " +
                "S(9) for the SE of S(9).",
            },
            { value: row.variance, feedback: "That is the variance S(9)²·Σ: take its square root." },
            {
              value: Math.sqrt((at9.survival * (1 - at9.survival)) / n),
              feedback:
                `That is the binomial SE √(S(1 − S)/n) with n = ${n}: it treats every patient as followed to ` +
                "month 9, but the censored ones were not.",
            },
          ],
        },
        explanation: `At month 9: ${row.working}.`,
      };
    },
  },
  {
    id: 4,
    title: "The SPSS-style interval of the median",
    notebook: NOTEBOOK,
    question:
      "What is the **lower limit of the SPSS-style symmetric 95% interval** of the median survival time? " +
      "(2 decimals, months)",
    hint:
      "SE(median) = SE of S at the median divided by the density f̂ = (S(û) − S(l̂)) / (l̂ − û); the " +
      "interval is median ± 1.96·SE.",
    compute: () => {
      const toy = toyCohort();
      const y = surv(toy.time, toy.event);
      const fit = kaplanMeier(y);
      const spss = kmQuantile(fit, 0.5, { method: "spss" });
      const hand = medianByHand(y);
      if (spss.lower === null || spss.time === null || spss.se === null || hand.spss.seSurvival === null)
        throw new Error("the toy cohort has no SPSS-style median interval");
      return {
        answer: {
          kind: "number",
          value: spss.lower,
          decimals: 2,
          unit: "months",
          distractors: [
            {
              value: kmQuantile(fit, 0.5, { method: "r" }).lower ?? Number.NaN,
              feedback:
                "That is R's lower limit, where the log-scale band of S(t) first falls to 0.5. The SPSS-style " +
                "interval is symmetric: median ± 1.96·SE.",
            },
            {
              value: spss.time - hand.z * hand.spss.seSurvival,
              feedback:
                "You used the SE of S(9) — a probability — as if it were the SE of the median, a time. Divide it " +
                "by the density f̂ first.",
            },
            {
              value: spss.time - spss.se,
              feedback: "That is one SE below the median; a 95% interval reaches 1.96 SEs.",
            },
          ],
        },
        explanation: `${hand.intervals.find((i) => i.method === "spss")?.working}.`,
      };
    },
  },
  {
    id: 5,
    title: "Expected deaths",
    notebook: NOTEBOOK,
    question:
      "If patients with and without visceral metastases shared one hazard, how many deaths would the **visceral " +
      "metastases group** expect in total (E)? (2 decimals)",
    hint: "At each death time, E = d × (at risk in the group) / (at risk in all); add over the death times.",
    compute: () => {
      const toy = toyCohort();
      const y = surv(toy.time, toy.event);
      const lr = logRank(y, toy.visceral);
      const groups = lr.details.groups as string[];
      const expected = lr.details.expected as number[];
      const observed = lr.details.observed as number[];
      const yes = groups.indexOf("yes");
      const no = groups.indexOf("no");
      const deaths = toy.event.reduce((a, e) => a + e, 0);
      const hand = logRankByHand(y, toy.visceral, { group: "yes" });
      const share = toy.visceral.filter((v) => v === "yes").length / toy.visceral.length;
      return {
        answer: {
          kind: "number",
          value: expected[yes],
          decimals: 2,
          distractors: [
            { value: observed[yes], feedback: "That is the number of deaths observed in the group (O), not expected." },
            {
              value: deaths * share,
              feedback:
                "That splits all deaths by the group sizes at the start. The expectation is taken at each death " +
                "time, among those still at risk then.",
            },
            {
              value: expected[no],
              feedback: "That is the expected count of the other group (no visceral metastases).",
            },
          ],
        },
        explanation: `E = Σ d·n(${hand.groups[0]})/n over the death times: ${hand.rows
          .map((r) => `${r.deathsA + r.deathsB}·${r.atRiskA}/${r.atRiskA + r.atRiskB}`)
          .join(" + ")} = ${shortNumber(hand.expectedA, 4)}.`,
      };
    },
  },
  {
    id: 6,
    title: "The log-rank statistic",
    notebook: NOTEBOOK,
    question: "What is the **log-rank χ²** comparing the two groups? (2 decimals)",
    hint: "χ² = (O − E)² / V for one group, with V the sum of the hypergeometric variances of the death times.",
    compute: () => {
      const toy = toyCohort();
      const y = surv(toy.time, toy.event);
      const hand = logRankByHand(y, toy.visceral, { group: "yes" });
      const newton = coxNewtonByHand(y, toy.x, { ties: "breslow", steps: 1 });
      return {
        answer: {
          kind: "number",
          value: logRank(y, toy.visceral).statistic ?? Number.NaN,
          decimals: 2,
          distractors: [
            {
              value: hand.approximateStatistic,
              feedback:
                "That is the approximation Σ(O − E)²/E over both groups. The log-rank statistic divides (O − E)² " +
                "by its variance V; the approximation is never larger.",
            },
            {
              value: (hand.observedA - hand.expectedA) ** 2 / hand.expectedA,
              feedback: "That is (O − E)²/E of one group only; the log-rank test divides (O − E)² by the variance V.",
            },
            {
              value: newton.scoreTest.statistic,
              feedback:
                "That is the Cox score test with Breslow's ties: with tied deaths its variance is not the " +
                "log-rank variance (which has the factor (n − d)/(n − 1)).",
            },
          ],
        },
        explanation:
          `O − E = ${hand.observedA} − ${shortNumber(hand.expectedA, 4)} for the group "${hand.groups[0]}"; V = ` +
          `${hand.rows.map((r) => shortNumber(r.variance, 4)).join(" + ")} = ${shortNumber(hand.variance, 4)}; ` +
          "χ² = (O − E)²/V on 1 df.",
      };
    },
  },
  {
    id: 7,
    title: "One Newton step",
    notebook: NOTEBOOK,
    question:
      "Starting from β = 0, what is β after **the first Newton step** on the partial likelihood (Breslow ties)? " +
      "(3 decimals)",
    hint: "β₁ = β₀ + U(β₀) / I(β₀): the score divided by the information, both at β = 0.",
    compute: () => {
      const toy = toyCohort();
      const y = surv(toy.time, toy.event);
      const oneStep = coxPH(y, { names: ["visceral"], columns: [toy.x] }, { ties: "breslow", control: { iterMax: 1 } });
      const hand = coxNewtonByHand(y, toy.x, { ties: "breslow", steps: 1 });
      const lr = logRankByHand(y, toy.visceral, { group: "yes" });
      const score = hand.rows[0].score;
      return {
        answer: {
          kind: "number",
          value: oneStep.terms[0].coef ?? Number.NaN,
          decimals: 3,
          distractors: [
            { value: score, feedback: "That is the score U(0). The step divides it by the information I(0)." },
            {
              value: score / lr.variance,
              feedback:
                "You divided by the log-rank variance. Breslow's information I(0) = Σ d·p(1 − p) lacks the " +
                "factor (n − d)/(n − 1), so with tied deaths it differs.",
            },
            { value: hand.rows[0].information / score, feedback: "That is I/U; the step is U/I." },
          ],
        },
        explanation:
          `U(0) = ${shortNumber(score, 4)} (observed minus expected deaths with x = 1), I(0) = ` +
          `${shortNumber(hand.rows[0].information, 4)} (Σ d·p(1 − p), p the x = 1 share of each risk set); ` +
          "β₁ = U(0)/I(0).",
      };
    },
  },
  {
    id: 8,
    title: "The hazard ratio",
    notebook: NOTEBOOK,
    question:
      "What **hazard ratio** does the Cox model (Efron ties, R's default) give for visceral metastases yes vs no? " +
      "(2 decimals)",
    hint: "Fit the model and exponentiate the coefficient β̂.",
    compute: () => {
      const toy = toyCohort();
      const y = surv(toy.time, toy.event);
      const efron = coxPH(y, { names: ["visceral"], columns: [toy.x] }, { ties: "efron" });
      const breslow = coxPH(y, { names: ["visceral"], columns: [toy.x] }, { ties: "breslow" });
      const hr = efron.terms[0].hazardRatio ?? Number.NaN;
      const lr = logRankByHand(y, toy.visceral, { group: "yes" });
      // A is the visceral group ("yes").
      const oe = lr.observedA / lr.expectedA / (lr.observedB / lr.expectedB);
      return {
        answer: {
          kind: "number",
          value: hr,
          decimals: 2,
          impossible: [{ when: (x) => x <= 0, feedback: "A hazard ratio is a ratio of two hazards: it is above 0." }],
          distractors: [
            {
              value: efron.terms[0].coef ?? Number.NaN,
              feedback: "That is β̂, the log hazard ratio: exponentiate it.",
            },
            { value: 1 / hr, feedback: "That compares no metastases with metastases; the question asks yes vs no." },
            {
              value: breslow.terms[0].hazardRatio ?? Number.NaN,
              feedback:
                "That is Breslow's handling of the tied deaths at month 6 (SPSS's default). R's default is Efron's.",
            },
            {
              value: oe,
              feedback:
                "That is the ratio of O/E between the groups, a quick approximation from the log-rank table, not " +
                "the Cox estimate.",
            },
          ],
        },
        explanation:
          `β̂ = ${shortNumber(efron.terms[0].coef ?? Number.NaN, 4)} maximises the partial likelihood; HR = exp(β̂), ` +
          `95% CI ${shortNumber(efron.terms[0].ciLower ?? Number.NaN, 2)} to ` +
          `${shortNumber(efron.terms[0].ciUpper ?? Number.NaN, 2)}: ` +
          `wide, with ${efron.n} patients and ${efron.nEvents} deaths.`,
      };
    },
  },
];
