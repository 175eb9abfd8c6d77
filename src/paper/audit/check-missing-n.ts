import { makeFinding, sectionOf, type AuditFinding } from "./finding";
import type { LoadedEntry, Registry } from "./registry";

const SUMMARY_KINDS = new Set(["mean", "median"]);

/**
 * A missing n: summaries of a measurement (means and medians with a `scale`) printed without the number
 * of patients they describe (no `denominator`). At follow-up visits of a cohort with deaths the n falls,
 * so a reader cannot tell how many patients a summary rests on, and GRIM or quantile checks lose their
 * power. One finding per section (class reporting, severity minor) listing the rows; sections whose
 * summaries all carry an n pass. Context labels are skipped.
 *
 * Reference: STROBE item 16a; CONSORT item 17a ("for each group, the number of participants analysed").
 * Cost: O(entries).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkMissingN(registry).find((f) => f.verdict === "finding")?.where // "Table 1"
 */
export function checkMissingN(registry: Registry): AuditFinding[] {
  const bySection = new Map<string, { missing: LoadedEntry[]; all: LoadedEntry[] }>();
  for (const e of registry.entries) {
    if (!SUMMARY_KINDS.has(e.kind) || e.scale === undefined || e.context !== undefined) continue;
    const s = bySection.get(e.locator.section) ?? { missing: [], all: [] };
    s.all.push(e);
    if (e.relations?.denominator === undefined) s.missing.push(e);
    bySection.set(e.locator.section, s);
  }
  return [...bySection.entries()].map(([section, { missing, all }]) => {
    if (missing.length === 0)
      return makeFinding(registry, {
        check: "missing-n",
        ids: all.map((e) => e.id),
        verdict: "passes",
        where: sectionOf(section),
        headline: `${sectionOf(section)}: every summary states its n`,
        explanation: `${sectionOf(section)}: every summary of a measurement states its n.`,
      });
    const rows = [...new Set(missing.map((e) => e.locator.row ?? e.quantity))];
    const text =
      `${missing.length} of ${all.length} summaries in ${sectionOf(section)} print no n: ` +
      `${missing.map((e) => `${e.quantity} ${e.value}`).join("; ")}`;
    return makeFinding(registry, {
      check: "missing-n",
      ids: missing.map((e) => e.id),
      verdict: "finding",
      class: "reporting",
      severity: "minor",
      where: sectionOf(section),
      headline:
        `n not printed for ${missing.length === 1 ? "1 summary" : `${missing.length} summaries`} ` +
        `(${rows.join(", ")})`,
      evidence: text,
      explanation: `${text}. How many patients each rests on cannot be told (patients die or miss visits).`,
    });
  });
}
