import { InputError } from "../../lib/core/errors";
import type { ExerciseFeedback } from "../../lib/teaching/define-exercise";
import { showHtml } from "../notebook/show";
import { exercises } from "./exercises";
import { box, feedbackHtml, inline, questionHtml, solutionHtml } from "./internal/exercise-html";

/** An exercise as a student uses it in a notebook cell. */
export interface StudentExercise {
  readonly id: number;
  /** Shows the question. */
  show(): void;
  /** Checks an answer and shows the feedback: right, close, or why not with a hint. Never shows the answer. */
  check(answer: unknown): void;
  /** The feedback as data, shown nowhere (for tests and scripts). */
  feedback(answer: unknown): ExerciseFeedback;
  /** Shows the hint. */
  hint(): void;
  /** Shows the answer and its explanation — only when asked. */
  solution(): void;
}

/**
 * Exercise `id` for a notebook cell: `P.exercise(2).show()` shows the question, `P.exercise(2).check(0.66)` says right,
 * close, or why not (with a hint) without ever printing the answer, `.hint()` shows the hint and `.solution()` the
 * answer with its explanation. Answers are computed by the library when first checked.
 *
 * @example
 * P.exercise(2).check(null) // shows "… No answer yet: replace null with a number (to 3 decimals)."
 */
export function exercise(id: number): StudentExercise {
  const ex = exercises().find((e) => e.id === id);
  if (!ex)
    throw new InputError(`no such exercise: the exercises are numbered 1 to ${exercises().length}`, {
      field: "id",
      value: id,
    });
  return Object.freeze({
    id,
    show: () => showHtml(questionHtml(ex)),
    check: (answer: unknown) => showHtml(feedbackHtml(ex, ex.feedback(answer))),
    feedback: (answer: unknown) => ex.feedback(answer),
    hint: () => showHtml(box("question", `Exercise ${id}: hint`, `<div>${inline(ex.hint)}</div>`)),
    solution: () => showHtml(solutionHtml(ex.solution())),
  });
}
