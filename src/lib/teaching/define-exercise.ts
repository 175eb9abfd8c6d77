import { describeValue, InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { formatFixed } from "../core/format";

/** A wrong answer students typically give, and what to tell them. */
export interface Distractor<T> {
  readonly value: T;
  /** Why this answer is wrong (never the right answer itself). */
  readonly feedback: string;
}

/** A numeric answer, computed by the library. */
export interface NumberAnswer {
  readonly kind: "number";
  readonly value: number;
  /** Decimals the question asks for; answers within half a unit of the last decimal count as right. */
  readonly decimals: number;
  /** Typical wrong values with their feedback (a distractor equal to the answer at these decimals is ignored). */
  readonly distractors?: readonly Distractor<number>[];
  /** Answers that cannot be right whatever the data (a probability above 1): feedback when `when` holds. */
  readonly impossible?: readonly { readonly when: (x: number) => boolean; readonly feedback: string }[];
  readonly unit?: string;
}

/** One of a fixed set of options (a test, a yes/no). */
export interface ChoiceAnswer {
  readonly kind: "choice";
  readonly options: readonly {
    readonly id: string;
    readonly label: string;
    /** Other spellings accepted for this option ("McNemar's test", "mcnemar exact"). */
    readonly aliases?: readonly string[];
    /** What to say when a student picks this option and it is wrong. */
    readonly feedback?: string;
  }[];
  /** The id of the right option. */
  readonly correct: string;
}

export type AnswerSpec = NumberAnswer | ChoiceAnswer;

/** What {@link defineExercise} takes. `compute` runs once, on first use, so defining an exercise costs nothing. */
export interface ExerciseSpec {
  readonly id: number;
  readonly title: string;
  /** Where the exercise sits (a notebook file name). */
  readonly notebook: string;
  /** The question in Markdown; it names the decimals or options it expects. */
  readonly question: string;
  /** How to get there, without the answer. */
  readonly hint: string;
  /** The answer, computed by the library: one spec, or named parts for a multi-part answer. */
  readonly compute: () => {
    readonly answer: AnswerSpec | Readonly<Record<string, AnswerSpec>>;
    /** Shown with the solution only: why the answer is what it is. */
    readonly explanation: string;
  };
}

export type FeedbackStatus = "correct" | "close" | "incorrect" | "no-answer" | "invalid";

/** What a student sees after answering. It never contains the right answer. */
export interface ExerciseFeedback {
  readonly exercise: number;
  readonly status: FeedbackStatus;
  readonly message: string;
  /** The exercise's hint when the answer is not right, else null. */
  readonly hint: string | null;
  /** Per-part feedback of a multi-part answer (empty otherwise). */
  readonly parts: readonly { readonly part: string; readonly status: FeedbackStatus; readonly message: string }[];
}

/** The answer, revealed on request (and in the instructor's key). */
export interface ExerciseSolution {
  readonly exercise: number;
  readonly title: string;
  readonly question: string;
  /** The answer as printed ("0.656", "McNemar's exact test; p = 0.109"). */
  readonly answer: string;
  readonly explanation: string;
  /** Every typical wrong answer with its feedback, for the instructor. */
  readonly distractors: readonly { readonly part: string | null; readonly answer: string; readonly feedback: string }[];
}

/** An exercise with a checker. */
export interface Exercise {
  readonly id: number;
  readonly title: string;
  readonly notebook: string;
  readonly question: string;
  readonly hint: string;
  /** Names of the parts of a multi-part answer, or null for a single answer. */
  parts(): readonly string[] | null;
  /** Checks an answer: right, close, or why it is wrong with the hint. Pure; never reveals the answer. */
  feedback(answer: unknown): ExerciseFeedback;
  /** The answer and its explanation. */
  solution(): ExerciseSolution;
}

/**
 * Defines an exercise whose answer the library computes: `feedback(answer)` says whether a student's answer is right;
 * if not, why (a typical wrong answer gets its own explanation: the survival probability of the uncensored data, the
 * log hazard ratio instead of the ratio, an independence test on paired data) plus the hint, and it never prints the
 * answer. `solution()` reveals it. Numbers count as right within half a unit of the decimals the question asks for,
 * and as "close" within ten times that (a typical wrong answer counts only where it differs from the right one at
 * those decimals); a choice is matched on its id, label or aliases ignoring case, spaces and
 * punctuation. A multi-part answer is an object with one key per part.
 *
 * Reference: none (a teaching device). R: learnr's question_numeric / gradethis. SPSS: none. Cost: the computation
 * once, then O(distractors) per check.
 *
 * @example
 * const ex = defineExercise({ id: 1, title: "One half", notebook: "x", question: "1/2 to 1 decimal?", hint: "Divide.",
 *   compute: () => ({ answer: { kind: "number", value: 0.5, decimals: 1,
 *     distractors: [{ value: 2, feedback: "That is 2/1." }] }, explanation: "1 ÷ 2." }) });
 * ex.feedback(2).message // "That is 2/1."
 * ex.feedback(0.5).status // "correct"
 */
export function defineExercise(spec: ExerciseSpec): Exercise {
  checkSpec(spec);
  let computed: ReturnType<ExerciseSpec["compute"]> | null = null;
  const get = () => {
    if (computed === null) {
      const c = spec.compute();
      checkAnswerSpec(c.answer, spec.id);
      computed = deepFreeze(c);
    }
    return computed;
  };
  const single = (a: ReturnType<ExerciseSpec["compute"]>["answer"]): a is AnswerSpec =>
    typeof (a as AnswerSpec).kind === "string";
  return Object.freeze({
    id: spec.id,
    title: spec.title,
    notebook: spec.notebook,
    question: spec.question,
    hint: spec.hint,
    parts(): readonly string[] | null {
      const a = get().answer;
      return single(a) ? null : Object.keys(a);
    },
    feedback(answer: unknown): ExerciseFeedback {
      const a = get().answer;
      // No hint before a first try: the student should think first.
      if (answer === null || answer === undefined)
        return result(spec, "no-answer", noAnswerMessage(a, single(a)), [], false);
      if (single(a)) {
        const r = checkPart(a, answer);
        return result(spec, r.status, r.message, [], r.status !== "correct");
      }
      const names = Object.keys(a);
      if (typeof answer !== "object" || Array.isArray(answer))
        return result(spec, "invalid", `This question has parts: answer with { ${names.join(", ")} }.`, [], false);
      const given = answer as Record<string, unknown>;
      const extra = Object.keys(given).filter((k) => !names.includes(k));
      if (extra.length > 0)
        return result(
          spec,
          "invalid",
          `Unknown part ${extra.join(", ")}: the parts are ${names.join(", ")}.`,
          [],
          false,
        );
      const parts = names.map((part) => {
        const r =
          given[part] === null || given[part] === undefined
            ? { status: "no-answer" as const, message: noAnswerMessage(a[part], true) }
            : checkPart(a[part], given[part]);
        return { part, ...r };
      });
      const status: FeedbackStatus = parts.every((p) => p.status === "correct")
        ? "correct"
        : parts.some((p) => p.status === "invalid")
          ? "invalid"
          : parts.every((p) => p.status === "no-answer")
            ? "no-answer"
            : parts.some((p) => p.status === "correct" || p.status === "close")
              ? "close"
              : "incorrect";
      const message =
        status === "correct"
          ? "Right on every part."
          : status === "no-answer"
            ? noAnswerMessage(a, false)
            : `${parts.filter((p) => p.status === "correct").length} of ${parts.length} parts right.`;
      return result(spec, status, message, parts, status !== "correct" && status !== "no-answer");
    },
    solution(): ExerciseSolution {
      const { answer, explanation } = get();
      const entries: [string | null, AnswerSpec][] = single(answer) ? [[null, answer]] : Object.entries(answer);
      return deepFreeze({
        exercise: spec.id,
        title: spec.title,
        question: spec.question,
        answer: entries.map(([part, a]) => (part === null ? "" : `${part}: `) + formatAnswer(a)).join("; "),
        explanation,
        distractors: entries.flatMap(([part, a]) =>
          a.kind === "number"
            ? usefulDistractors(a).map((d) => ({
                part,
                answer: formatFixed(d.value, a.decimals),
                feedback: d.feedback,
              }))
            : a.options
                .filter((o) => o.id !== a.correct && o.feedback)
                .map((o) => ({ part, answer: o.label, feedback: o.feedback as string })),
        ),
      });
    },
  });
}

function result(
  spec: ExerciseSpec,
  status: FeedbackStatus,
  message: string,
  parts: ExerciseFeedback["parts"],
  withHint: boolean,
): ExerciseFeedback {
  return deepFreeze({ exercise: spec.id, status, message, hint: withHint ? spec.hint : null, parts });
}

function noAnswerMessage(a: ReturnType<ExerciseSpec["compute"]>["answer"], single: boolean): string {
  if (!single) return `No answer yet: pass { ${Object.keys(a).join(", ")} }.`;
  const spec = a as AnswerSpec;
  return spec.kind === "number"
    ? `No answer yet: replace null with ${decimalsText(spec.decimals)}.`
    : `No answer yet: replace null with one of ${spec.options.map((o) => `"${o.label}"`).join(", ")}.`;
}

function decimalsText(decimals: number): string {
  return decimals === 0 ? "a whole number" : `a number to ${decimals} decimal${decimals === 1 ? "" : "s"}`;
}

function checkPart(a: AnswerSpec, given: unknown): { status: FeedbackStatus; message: string } {
  return a.kind === "number" ? checkNumber(a, given) : checkChoice(a, given);
}

/** Half a unit of the last asked-for decimal, plus a little for floating point. */
const halfUnit = (decimals: number) => 0.5 * 10 ** -decimals + 1e-12;

function usefulDistractors(a: NumberAnswer): readonly Distractor<number>[] {
  // A wrong answer is only typical if it differs from the right one at the decimals asked for.
  const shown = (x: number) => formatFixed(x, a.decimals);
  return (a.distractors ?? []).filter((d) => Number.isFinite(d.value) && shown(d.value) !== shown(a.value));
}

function checkNumber(a: NumberAnswer, given: unknown): { status: FeedbackStatus; message: string } {
  const x = typeof given === "string" && given.trim() !== "" ? Number(given) : given;
  if (typeof x !== "number" || !Number.isFinite(x))
    return { status: "invalid", message: `Expected a number, got ${describeValue(given)}.` };
  const tol = halfUnit(a.decimals);
  if (Math.abs(x - a.value) <= tol) return { status: "correct", message: "Right." };
  // Typical wrong answers within the tolerance explain the mistake (several, when they coincide at these decimals).
  const hits = [
    ...new Set(
      usefulDistractors(a)
        .filter((d) => Math.abs(x - d.value) <= tol)
        .map((d) => d.feedback),
    ),
  ];
  if (hits.length > 0) return { status: "incorrect", message: hits.join(" Or: ") };
  const impossible = (a.impossible ?? []).find((c) => c.when(x));
  if (impossible) return { status: "incorrect", message: impossible.feedback };
  if (Math.abs(x - a.value) <= 10 * tol)
    return {
      status: "close",
      message: `Close, but not within rounding: give ${decimalsText(a.decimals)}.`,
    };
  return { status: "incorrect", message: `Not quite: your answer is ${x > a.value ? "too large" : "too small"}.` };
}

/** Lower case, letters and digits only: "McNemar's exact test" → "mcnemarsexacttest". */
const normalise = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

function checkChoice(a: ChoiceAnswer, given: unknown): { status: FeedbackStatus; message: string } {
  const list = a.options.map((o) => `"${o.label}"`).join(", ");
  if (typeof given !== "string" || given.trim() === "")
    return { status: "invalid", message: `Expected one of ${list}; got ${describeValue(given)}.` };
  const g = normalise(given);
  const names = (o: ChoiceAnswer["options"][number]) => [o.id, o.label, ...(o.aliases ?? [])].map(normalise);
  let matches = a.options.filter((o) => names(o).includes(g));
  if (matches.length === 0) matches = a.options.filter((o) => names(o).some((n) => n.length >= 3 && g.includes(n)));
  if (matches.length !== 1)
    return {
      status: "invalid",
      message:
        `${matches.length === 0 ? "Not one of the options" : "That matches more than one option"}: ` +
        `answer with one of ${list}.`,
    };
  const chosen = matches[0];
  if (chosen.id === a.correct) return { status: "correct", message: "Right." };
  return { status: "incorrect", message: chosen.feedback ?? `Not "${chosen.label}".` };
}

function formatAnswer(a: AnswerSpec): string {
  if (a.kind === "choice") return a.options.find((o) => o.id === a.correct)?.label ?? a.correct;
  return `${formatFixed(a.value, a.decimals)}${a.unit ? ` ${a.unit}` : ""}`;
}

function checkSpec(spec: ExerciseSpec): void {
  if (spec === null || typeof spec !== "object")
    throw new InputError("must be an exercise spec", { field: "spec", value: spec });
  if (!Number.isInteger(spec.id) || spec.id < 1)
    throw new InputError("must be an integer ≥ 1", { field: "spec.id", value: spec.id });
  for (const key of ["title", "notebook", "question", "hint"] as const) {
    if (typeof spec[key] !== "string" || spec[key].trim() === "")
      throw new InputError("must be a non-empty string", { field: `spec.${key}`, value: spec[key] });
  }
  if (typeof spec.compute !== "function")
    throw new InputError("must be a function returning { answer, explanation }", {
      field: "spec.compute",
      value: spec.compute,
    });
}

function checkAnswerSpec(answer: unknown, id: number): void {
  const one = (a: AnswerSpec, field: string) => {
    if (a.kind === "number") {
      if (!Number.isFinite(a.value))
        throw new InputError(`exercise ${id}: the computed answer is not a finite number`, { field, value: a.value });
      if (!(Number.isInteger(a.decimals) && a.decimals >= 0 && a.decimals <= 10))
        throw new InputError("must be an integer from 0 to 10", { field: `${field}.decimals`, value: a.decimals });
    } else if (a.kind === "choice") {
      if (!a.options.some((o) => o.id === a.correct))
        throw new InputError(`exercise ${id}: the right option is not among the options`, { field, value: a.correct });
    } else throw new InputError('must have kind "number" or "choice"', { field, value: a });
  };
  if (answer === null || typeof answer !== "object")
    throw new InputError(`exercise ${id}: compute() must return an answer`, { field: "answer", value: answer });
  if (typeof (answer as AnswerSpec).kind === "string") one(answer as AnswerSpec, "answer");
  else for (const [k, v] of Object.entries(answer)) one(v as AnswerSpec, `answer.${k}`);
}
