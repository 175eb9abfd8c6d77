import { escapeHtml } from "../../lib/core/html";

/**
 * A coloured badge for a verdict, class or severity (classes in REVIEW_CSS): axis "sev" (critical, major,
 * minor, note), "cls" (decision-changing, contradiction, …), "verdict" (passes, finding, not checkable) or
 * "repro" (exact, within rounding, differs, not computable, context label). Cost: O(length).
 *
 * @example
 * reviewBadge("sev", "critical") // '<span class="review-badge sev-critical">critical</span>'
 */
export function reviewBadge(axis: "sev" | "cls" | "verdict" | "repro", value: string, text: string = value): string {
  const slug = value.replace(/\s+/g, "-");
  return `<span class="review-badge ${axis === "cls" ? "cls " : ""}${axis}-${slug}">${escapeHtml(text)}</span>`;
}
