import { htmlTable } from "../../lib/core/html";
import type { Scorecard, ScorecardStatus } from "./scorecard";
import { versusPaper } from "./versus-paper";

/**
 * HTML for a notebook: the scorecard's counts, then one row per registry entry, filtered to
 * `statuses` and to registry ids starting with one of `idPrefixes` when given (a section's
 * "published vs reproduced" table). On data that are not the synthetic reconstruction a column "on your
 * data" says whether each number equals the paper's or by how much it differs ({@link versusPaper}).
 * Uses the project's htmlTable (escaped, deterministic).
 * Cost: O(rows).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * const card = scorecard(study, runAudit(loadRegistry()));
 * scorecardToHtml(card, { statuses: ["not reproduced"] })
 * // '<table class="repro-table"><caption>Reproduction scorecard…'
 */
export function scorecardToHtml(
  card: Scorecard,
  options: { statuses?: readonly ScorecardStatus[]; idPrefixes?: readonly string[]; caption?: string } = {},
): string {
  const chosen = card.rows.filter(
    (r) =>
      (!options.statuses || options.statuses.includes(r.status)) &&
      (!options.idPrefixes || options.idPrefixes.some((p) => r.id.startsWith(p))),
  );
  const tally = new Map<string, number>();
  for (const r of chosen) tally.set(r.status, (tally.get(r.status) ?? 0) + 1);
  const counts = htmlTable(
    [...tally.entries()].map(([status, n]) => ({ status, n })),
    {
      caption:
        options.caption ??
        `Reproduction scorecard${card.synthetic ? " (synthetic cohort: matches are by construction)" : ""}`,
    },
  );
  const rows = chosen.map((r) => ({
    id: r.id,
    section: r.section,
    published: r.published,
    reproduced: r.reproduced,
    "on your data": versusPaper(r),
    status: r.status,
    audit: r.auditChecks.join(", "),
    note: r.note,
  }));
  const columns = [
    "id",
    "section",
    "published",
    "reproduced",
    ...(card.synthetic ? [] : ["on your data"]),
    "status",
    "audit",
    "note",
  ];
  return counts + htmlTable(rows, { columns });
}
