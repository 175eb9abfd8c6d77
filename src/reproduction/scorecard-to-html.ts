import { htmlTable } from "../core/html";
import type { Scorecard, ScorecardStatus } from "./scorecard";

/**
 * HTML for a notebook: the scorecard's counts, then one row per registry entry (filtered to
 * `statuses` when given). Uses the project's htmlTable (escaped, deterministic).
 * Cost: O(rows).
 *
 * @example
 * scorecardToHtml(card, { statuses: ["not reproduced"] }) // "<table>…"
 */
export function scorecardToHtml(card: Scorecard, options: { statuses?: readonly ScorecardStatus[]; caption?: string } = {}): string {
  const counts = htmlTable(
    Object.entries(card.counts).map(([status, n]) => ({ status, n })),
    { caption: options.caption ?? `Reproduction scorecard${card.synthetic ? " (synthetic cohort: matches are by construction)" : ""}` },
  );
  const rows = card.rows
    .filter((r) => !options.statuses || options.statuses.includes(r.status))
    .map((r) => ({ id: r.id, section: r.section, published: r.published, reproduced: r.reproduced, status: r.status, audit: r.auditChecks.join(", "), note: r.note }));
  return counts + htmlTable(rows, { columns: ["id", "section", "published", "reproduced", "status", "audit", "note"] });
}
