import { describe, expect, it } from "vitest";
import { defineExercise, type ExerciseSpec } from "../../../src/lib/teaching";

const base: Omit<ExerciseSpec, "compute"> = {
  id: 1,
  title: "A half",
  notebook: "x.ipynb",
  question: "What is 1/2? (2 decimals)",
  hint: "Divide one by two.",
};
let computed = 0;
const half = defineExercise({
  ...base,
  compute: () => {
    computed++;
    return {
      answer: {
        kind: "number",
        value: 0.5,
        decimals: 2,
        distractors: [
          { value: 2, feedback: "That is 2/1: the fraction upside down." },
          { value: 0.504, feedback: "Same as the answer at 2 decimals: never used." },
          { value: 1.5, feedback: "First." },
          { value: 1.5, feedback: "Second." },
        ],
        impossible: [{ when: (v) => v < 0, feedback: "A half of one is positive." }],
      },
      explanation: "1 ÷ 2.",
    };
  },
});

describe("defineExercise: numeric answers", () => {
  it("computes the answer once, on first use", () => {
    expect(computed).toBe(0);
    half.feedback(0.5);
    half.feedback(0.5);
    expect(computed).toBe(1);
  });
  it("accepts the answer within half a unit of the last decimal asked for", () => {
    for (const v of [0.5, 0.504, 0.496, "0.50"]) expect(half.feedback(v).status).toBe("correct");
    expect(half.feedback(0.5).hint).toBeNull();
  });
  it("explains a typical wrong answer with its own feedback and the hint", () => {
    const f = half.feedback(2);
    expect(f.status).toBe("incorrect");
    expect(f.message).toBe("That is 2/1: the fraction upside down.");
    expect(f.hint).toBe("Divide one by two.");
    expect(half.feedback(2.004).message).toBe("That is 2/1: the fraction upside down.");
  });
  it("joins the feedback of wrong answers that coincide", () => {
    expect(half.feedback(1.5).message).toBe("First. Or: Second.");
  });
  it("says close when the answer is right but too coarsely rounded", () => {
    expect(half.feedback(0.53)).toMatchObject({ status: "close", message: expect.stringMatching(/2 decimals/) });
  });
  it("says too large / too small otherwise, and catches impossible answers", () => {
    expect(half.feedback(0.9).message).toBe("Not quite: your answer is too large.");
    expect(half.feedback(0.1).message).toBe("Not quite: your answer is too small.");
    expect(half.feedback(-3).message).toBe("A half of one is positive.");
  });
  it("never prints the answer in its feedback", () => {
    for (const v of [null, 2, 0.9, 0.1, 0.53, "abc", -3]) {
      const f = half.feedback(v);
      expect(`${f.message} ${f.hint ?? ""}`).not.toMatch(/0\.5\b|0\.50/);
    }
  });
  it("asks for an answer without giving the hint, and rejects what is not a number", () => {
    expect(half.feedback(null)).toMatchObject({
      status: "no-answer",
      hint: null,
      message: "No answer yet: replace null with a number to 2 decimals.",
    });
    expect(half.feedback("abc")).toMatchObject({ status: "invalid", message: 'Expected a number, got "abc".' });
    expect(half.feedback(Number.NaN).status).toBe("invalid");
  });
  it("reveals the answer and every useful distractor in the solution", () => {
    const s = half.solution();
    expect(s.answer).toBe("0.50");
    expect(s.explanation).toBe("1 ÷ 2.");
    expect(s.distractors.map((d) => d.answer)).toEqual(["2.00", "1.50", "1.50"]);
  });
});

describe("defineExercise: choices and parts", () => {
  const ex = defineExercise({
    ...base,
    id: 2,
    compute: () => ({
      answer: {
        test: {
          kind: "choice",
          correct: "mcnemar",
          options: [
            { id: "mcnemar", label: "McNemar", aliases: ["McNemar's test", "sign test"] },
            { id: "chisq", label: "Pearson chi-square", aliases: ["chi-square"], feedback: "Not paired." },
          ],
        },
        p: { kind: "number", value: 0.109, decimals: 3 },
      },
      explanation: "Paired.",
    }),
  });
  it("matches a choice on id, label or alias, ignoring case, spaces and punctuation", () => {
    for (const t of ["McNemar", "mcnemar's TEST", "sign-test", "exact McNemar test"])
      expect(ex.feedback({ test: t, p: 0.109 }).status).toBe("correct");
  });
  it("gives the wrong option's feedback, per part", () => {
    const f = ex.feedback({ test: "Chi-Square", p: 0.109 });
    expect(f.status).toBe("close");
    expect(f.parts).toEqual([
      { part: "test", status: "incorrect", message: "Not paired." },
      { part: "p", status: "correct", message: "Right." },
    ]);
    expect(f.message).toBe("1 of 2 parts right.");
  });
  it("handles unknown options, missing parts and the wrong shape", () => {
    expect(ex.feedback({ test: "t-test", p: 0.1 }).parts[0].message).toMatch(/Not one of the options/);
    expect(ex.feedback({ test: null, p: null })).toMatchObject({ status: "no-answer", hint: null });
    expect(ex.feedback({ test: "McNemar" }).parts[1].status).toBe("no-answer");
    expect(ex.feedback(0.109).status).toBe("invalid");
    expect(ex.feedback({ tst: "x" }).message).toMatch(/Unknown part tst/);
    expect(ex.parts()).toEqual(["test", "p"]);
  });
  it("lists the solution per part", () => {
    expect(ex.solution().answer).toBe("test: McNemar; p: 0.109");
    expect(ex.solution().distractors).toEqual([
      { part: "test", answer: "Pearson chi-square", feedback: "Not paired." },
    ]);
  });
});

describe("defineExercise: bad definitions fail early and clearly", () => {
  it("checks the spec and the computed answer", () => {
    expect(() =>
      defineExercise({
        ...base,
        id: 0,
        compute: () => ({ answer: { kind: "number", value: 1, decimals: 0 }, explanation: "" }),
      }),
    ).toThrow(/spec.id = 0/);
    const bad = defineExercise({
      ...base,
      compute: () => ({
        answer: { kind: "choice", correct: "z", options: [{ id: "a", label: "A" }] },
        explanation: "",
      }),
    });
    expect(() => bad.feedback("A")).toThrow(/right option is not among the options/);
    const nan = defineExercise({
      ...base,
      compute: () => ({ answer: { kind: "number", value: Number.NaN, decimals: 1 }, explanation: "" }),
    });
    expect(() => nan.solution()).toThrow(/not a finite number/);
  });
});
