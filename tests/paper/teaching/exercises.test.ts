/**
 * Every exercise: its computed answer against an independent source (R's output in tests/fixtures/teaching or
 * data/public/r-reference.json, or a hand calculation written out here), the answer accepted, and each typical wrong
 * answer answered with its own feedback — which never gives the answer away.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatFixed } from "../../../src/lib/core/format";
import { exercise, exerciseKeyMarkdown, exercises } from "../../../src/paper/teaching";
import { feedbackHtml, questionHtml } from "../../../src/paper/teaching/internal/exercise-html";

const R = JSON.parse(readFileSync(join(__dirname, "../../fixtures/teaching/toy-cohort.json"), "utf8"));
const PUBLIC = JSON.parse(readFileSync(join(__dirname, "../../../data/public/r-reference.json"), "utf8"));
const z = 1.959963984540054;
const byId = (id: number) => {
  const ex = exercises().find((e) => e.id === id);
  if (!ex) throw new Error(`no exercise ${id}`);
  return ex;
};

/** The answer's value (single numeric answers), from the solution text. */
const answerOf = (id: number) =>
  Number(
    byId(id)
      .solution()
      .answer.replace(/ months$/, ""),
  );

describe("the exercises' answers, from independent sources", () => {
  it("has 12 exercises numbered 1–12, in notebooks 10, 03 and 08", () => {
    expect(exercises().map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(new Set(exercises().map((e) => e.notebook))).toEqual(
      new Set(["10-survival-by-hand.ipynb", "03-neurological-function.ipynb", "08-public-data-validation.ipynb"]),
    );
  });
  it("1: four at risk just before month 9 (patients 7, 8, 9 and 10)", () => expect(answerOf(1)).toBe(4));
  it("2: S(6) with patient 4 censored at 5 = R's 0.65625 = (1 − 1/10)(1 − 1/8)(1 − 1/6)", () => {
    expect(R.variant_patient4_censored_at_5.s6).toBeCloseTo(0.9 * (7 / 8) * (5 / 6), 12);
    expect(byId(2).solution().answer).toBe(formatFixed(R.variant_patient4_censored_at_5.s6, 3));
  });
  it("3: Greenwood SE of S(9) = R's summary(survfit) std.err", () => {
    expect(byId(3).solution().answer).toBe(formatFixed(R.km[0].std_err[R.km[0].time.indexOf(9)], 3));
  });
  it("4: SPSS-style lower limit = 9 − z·SE(S(9))/f̂ by hand", () => {
    const seS = 0.421875 * Math.sqrt(1 / 90 + 1 / 56 + 2 / 35 + 1 / 12);
    const f = (0.5625 - 0.421875) / 3;
    expect(byId(4).solution().answer).toBe(`${formatFixed(9 - (z * seS) / f, 2)} months`);
  });
  it("5: E in the visceral group = R's survdiff expected", () => {
    expect(answerOf(5)).toBe(Number(formatFixed(R.logrank.expected[1], 2)));
  });
  it("6: log-rank χ² = R's survdiff chisq", () => expect(answerOf(6)).toBe(Number(formatFixed(R.logrank.chisq, 2))));
  it("7: the first Newton step = R's coxph after one iteration (Breslow)", () => {
    expect(answerOf(7)).toBe(Number(formatFixed(R.cox.breslow.iterates[0], 3)));
  });
  it("8: HR (Efron) = R's exp(coef)", () => expect(answerOf(8)).toBe(Number(formatFixed(R.cox.efron.hazard_ratio, 2))));
  it("9: a useless drug looks protective to the naive analysis, not to the time-dependent one", () => {
    expect(byId(9).solution().answer).toBe("naive: below 1; timeDependent: about 1");
  });
  it("10: McNemar, exact p = 2·P(X ≤ 2), X ~ Bin(10, ½) on the synthetic cohort's 8 vs 2 discordant patients", () => {
    const p = (2 * (1 + 10 + 45)) / 1024;
    expect(byId(10).solution().answer).toBe(`test: McNemar; p: ${formatFixed(p, 3)}`);
  });
  it("11: adjusted HR women vs men = exp of R's coef for sex (female = 2)", () => {
    const r = PUBLIC.ncctg_lung.cox_age_sex_ecog;
    expect(answerOf(11)).toBe(Number(formatFixed(r.hr[r.terms.indexOf("sex")], 2)));
  });
  it("12: the Karnofsky score has R's smallest cox.zph p", () => {
    const zph = PUBLIC.va_veteran.cox_trt_karno_celltype.zph;
    const terms = zph.terms.slice(0, -1);
    const smallest = terms[zph.p.slice(0, -1).indexOf(Math.min(...zph.p.slice(0, -1)))];
    expect(smallest).toBe("karno");
    expect(byId(12).solution().answer).toBe("Karnofsky score");
  });
});

describe("every exercise's checker", () => {
  for (const ex of exercises()) {
    describe(`exercise ${ex.id}: ${ex.title}`, () => {
      const s = ex.solution();
      const parts = ex.parts();
      /** The right answer as a student would type it. */
      const right = (): unknown => {
        if (parts === null)
          return Number.isNaN(Number(s.answer.replace(/ months$/, "")))
            ? s.answer
            : Number(s.answer.replace(/ months$/, ""));
        return Object.fromEntries(
          s.answer.split("; ").map((kv) => {
            const [k, v] = kv.split(": ");
            return [k, Number.isNaN(Number(v)) ? v : Number(v)];
          }),
        );
      };
      it("accepts the right answer", () => {
        expect(ex.feedback(right()).status).toBe("correct");
      });
      it("asks for an answer when given none", () => {
        expect(ex.feedback(null).status).toBe("no-answer");
      });
      it("answers each typical wrong answer with its own feedback, without the answer", () => {
        expect(s.distractors.length).toBeGreaterThanOrEqual(2);
        for (const d of s.distractors) {
          const given = Number.isNaN(Number(d.answer)) ? d.answer : Number(d.answer);
          const f = d.part === null ? ex.feedback(given) : ex.feedback({ ...(right() as object), [d.part]: given });
          const message = d.part === null ? f.message : (f.parts.find((p) => p.part === d.part)?.message ?? "");
          expect(f.status, `${d.answer}`).not.toBe("correct");
          expect(message, `${d.answer}`).toContain(d.feedback);
          expect(f.hint).toBe(ex.hint);
          if (parts === null && typeof right() === "number") expect(message).not.toContain(s.answer);
        }
      });
      it("shows the question with how to answer, and feedback without a numeric answer in it", () => {
        expect(questionHtml(ex)).toContain(`P.exercise(${ex.id}).check(`);
        // The numeric parts of the answer, as printed ("0.656", "0.109"); choices are listed as options on purpose.
        const answers = s.answer
          .replace(/ months$/, "")
          .split("; ")
          .map((kv) => kv.split(": ").pop() as string)
          .filter((v) => /^-?\d+(\.\d+)?$/.test(v));
        for (const given of [parts === null ? "not an answer" : {}, 123456]) {
          const f = ex.feedback(given);
          const text = [f.message, f.hint ?? "", ...f.parts.map((p) => p.message)].join(" ");
          expect(feedbackHtml(ex, f)).toContain(`Exercise ${ex.id}`);
          // A choice's options are listed on purpose; a number must never appear.
          for (const a of answers)
            expect(text).not.toMatch(new RegExp(`(^|[^\\d.])${a.replace(".", "\\.")}($|[^\\d])`));
        }
      });
    });
  }
});

describe("exercise() and the instructor's key", () => {
  it("names the range when the exercise does not exist", () => {
    expect(() => exercise(13)).toThrow(/id = 13: no such exercise: the exercises are numbered 1 to 12/);
  });
  it("gives feedback as data", () => {
    expect(exercise(1).feedback(6).message).toMatch(/took away only the deaths/);
  });
  it("generates the key from the computed answers: every exercise, answer and distractor", () => {
    const key = exerciseKeyMarkdown();
    for (const ex of exercises()) {
      const s = ex.solution();
      expect(key).toContain(`## Exercise ${ex.id} · ${ex.title}`);
      expect(key).toContain(`**Answer.** ${s.answer}`);
      for (const d of s.distractors) expect(key).toContain(d.feedback);
    }
  });
});
