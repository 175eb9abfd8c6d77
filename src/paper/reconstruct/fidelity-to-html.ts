import { escapeHtml, htmlTable } from "../../lib/core/html";
import type { FidelityReport } from "./fidelity";

/**
 * HTML for a notebook: the synthetic-data banner, the counts, the reconstruction's decisions, the
 * documented conflicts, the targets that are not hits and the non-numeric constraints. Uses htmlTable (escaped,
 * deterministic).
 * Cost: O(targets).
 *
 * @example slow
 * fidelityToHtml(fidelityReport(reconstructCohort({ seed: 1 }))).startsWith("<p><strong>SYNTHETIC") // true
 */
export function fidelityToHtml(report: FidelityReport): string {
  return [
    `<p><strong>${escapeHtml(report.banner)}</strong></p>`,
    htmlTable(
      [
        {
          seed: report.seed,
          ...report.counts,
          constraints: report.constraintsMet,
          residual: report.solverResidual.total,
        },
      ],
      {
        caption:
          `Fidelity of the synthetic cohort (residual: the searches' remaining loss in units of the printed last ` +
          `digit` +
          `${report.counts.miss === 0 ? "; with no miss, all of it comes from the documented contradictions" : ""}` +
          `)`,
      },
    ),
    htmlTable(
      report.decisions.map((d, k) => ({ "#": k + 1, decision: d })),
      { caption: "Decisions the reconstruction took" },
    ),
    htmlTable(
      report.conflicts.map((c) => ({ ids: c.ids.join(", "), conflict: c.conflict, resolution: c.resolution })),
      { caption: "Published numbers that contradict each other, and the resolution taken" },
    ),
    htmlTable(
      report.targets.filter((t) => t.status === "miss" || t.status === "conflict (documented)").map((t) => ({ ...t })),
      { caption: "Targets not hit" },
    ),
    htmlTable(
      report.constraints.map((c) => ({ ...c })),
      { caption: "Constraints beyond single numbers" },
    ),
  ].join("\n");
}
