import { makeFinding, type AuditFinding } from "./finding";
import { entryLabel } from "./label";
import type { Registry } from "./registry";

/**
 * An unnamed test: a printed p-value with neither its statistic (relation `statistic`) nor a declared
 * test. A reader cannot tell which test produced it, and statcheck cannot recompute it. One finding listing
 * every such p (class reporting, severity minor); none, and the check passes. Context labels (thresholds
 * such as "P < 0.05 was considered significant") are skipped.
 *
 * Reference: APA 7 §6.43 (report the test, its statistic and df with p); SAMPL guidelines (Lang & Altman
 * 2013). Cost: O(entries).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkUnnamedTest(registry).verdict // "passes" (every p of Li et al. names its statistic)
 */
export function checkUnnamedTest(registry: Registry): AuditFinding {
  const ps = registry.entries.filter((e) => e.kind === "p-value" && e.context === undefined);
  const unnamed = ps.filter((p) => p.relations?.statistic === undefined && p.relations?.test === undefined);
  if (unnamed.length === 0)
    return makeFinding(registry, {
      check: "unnamed-test",
      ids: ps.map((p) => p.id),
      verdict: "passes",
      where: "every printed p-value",
      headline: `every printed p (${ps.length}) comes with its statistic`,
      explanation: `Every printed p-value (${ps.length}) comes with its test statistic.`,
    });
  const text =
    "p printed without its test or statistic: " + unnamed.map((p) => `${entryLabel(p)} (p = ${p.value})`).join("; ");
  return makeFinding(registry, {
    check: "unnamed-test",
    ids: unnamed.map((p) => p.id),
    verdict: "finding",
    class: "reporting",
    severity: "minor",
    where: [...new Set(unnamed.map((p) => entryLabel(p)))].join("; "),
    headline:
      unnamed.length > 1
        ? `${unnamed.length} p-values printed without the test that produced them`
        : "a p-value printed without the test that produced it",
    evidence: text,
    explanation: `${text}: the test cannot be identified or recomputed.`,
  });
}
