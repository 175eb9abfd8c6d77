import { escapeHtml, htmlTable } from "../../core/html";
import type { fidelityReport } from "./fidelity";

type FidelityReport = ReturnType<typeof fidelityReport>;

/**
 * HTML for a notebook: the synthetic-data banner, the counts, the documented conflicts, the
 * targets that are not hits and the non-numeric constraints. Uses htmlTable (escaped, deterministic).
 * Cost: O(targets).
 *
 * @example
 * fidelityToHtml(fidelityReport(reconstructCohort({ seed: 1 }))).startsWith("<p><strong>SYNTHETIC") // true
 */
export function fidelityToHtml(report: FidelityReport): string {
  return [
    `<p><strong>${escapeHtml(report.banner)}</strong></p>`,
    htmlTable([{ seed: report.seed, ...report.counts, constraints: report.constraintsMet, residual: report.solverResidual.total }], { caption: "Fidelity of the synthetic cohort" }),
    htmlTable(report.conflicts.map((c) => ({ ids: c.ids.join(", "), conflict: c.conflict, resolution: c.resolution })), { caption: "Published numbers that contradict each other, and the resolution taken" }),
    htmlTable(report.targets.filter((t) => t.status === "miss" || t.status === "conflict (documented)").map((t) => ({ ...t })), { caption: "Targets not hit" }),
    htmlTable(report.constraints.map((c) => ({ ...c })), { caption: "Constraints beyond single numbers" }),
  ].join("\n");
}
