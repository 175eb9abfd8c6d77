import { escapeHtml } from "../../../lib/core/html";
import type { Exercise, ExerciseFeedback, ExerciseSolution } from "../../../lib/teaching/define-exercise";

/** The HTML boxes of the exercises: question, feedback, hint and solution (pure, deterministic). */
const STYLE = {
  correct: "background:#e8f5e9;border:1px solid #2e7d32",
  close: "background:#fff8e1;border:1px solid #b28704",
  incorrect: "background:#fdecea;border:1px solid #c62828",
  "no-answer": "background:#f6f8fa;border:1px solid #8c959f",
  invalid: "background:#fdecea;border:1px solid #c62828",
  question: "background:#eef4fb;border:1px solid #0b5cad",
} as const;
const HEAD = {
  correct: "✓ Right",
  close: "≈ Close",
  incorrect: "✗ Not yet",
  "no-answer": "… No answer yet",
  invalid: "? Cannot read that answer",
};

export function box(kind: keyof typeof STYLE, title: string, body: string): string {
  return (
    `<div class="exercise exercise-${kind}" ` +
    `style="${STYLE[kind]};border-radius:6px;padding:.5rem .8rem;margin:.4rem 0">` +
    `<strong>${escapeHtml(title)}</strong>${body}</div>`
  );
}

/** Bold (**…**) and code (`…`) of a question, as HTML; the rest escaped. */
export function inline(markdown: string): string {
  return escapeHtml(markdown)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/`(.+?)`/g, "<code>$1</code>");
}

/** One part's line: its message alone when unanswered, else the verdict and why. */
function partText(p: ExerciseFeedback["parts"][number]): string {
  return p.status === "no-answer" ? p.message : `${HEAD[p.status]} — ${p.message}`;
}

/** The feedback box for an answer (pure, for tests). */
export function feedbackHtml(ex: Exercise, f: ExerciseFeedback): string {
  const parts = f.parts.length
    ? `<ul>${f.parts.map((p) => `<li><code>${escapeHtml(p.part)}</code>: ${escapeHtml(partText(p))}</li>`).join("")}` +
      "</ul>"
    : "";
  const hint = f.hint ? `<div><em>Hint:</em> ${inline(f.hint)}</div>` : "";
  return box(f.status, `Exercise ${ex.id}: ${HEAD[f.status]}`, `<div>${escapeHtml(f.message)}</div>${parts}${hint}`);
}

/** The question box (pure, for tests). */
export function questionHtml(ex: Exercise): string {
  const parts = ex.parts();
  const how =
    parts === null
      ? `Answer with <code>P.exercise(${ex.id}).check(yourAnswer)</code>.`
      : `Answer with <code>P.exercise(${ex.id}).check({ ` +
        `${parts.map((p) => `${escapeHtml(p)}: …`).join(", ")} })</code>.`;
  return box(
    "question",
    `Exercise ${ex.id} · ${ex.title}`,
    `<div>${inline(ex.question)}</div><div style="font-size:.9em">${how} ` +
      `Stuck? <code>.hint()</code>. The answer: <code>.solution()</code>.</div>`,
  );
}

/** The solution box (pure, for tests and the instructor's key). */
export function solutionHtml(s: ExerciseSolution): string {
  return box(
    "correct",
    `Exercise ${s.exercise}: solution`,
    `<div><strong>${escapeHtml(s.answer)}</strong></div><div>${escapeHtml(s.explanation)}</div>`,
  );
}
