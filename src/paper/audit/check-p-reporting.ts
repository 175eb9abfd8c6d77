import { makeFinding, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

/**
 * Reporting of a p-value: "p = 0.000" (SPSS's truncated display) is a reporting error — a p-value is
 * never 0 and should be printed "< 0.001" (APA 7; this project's formatP); p outside [0, 1] is impossible.
 *
 * R: format.pval(p, eps = 0.001). SPSS shows ".000". Cost: O(1).
 *
 * @example
 * checkPReporting(loadRegistry(), "t3.p").verdict // "inconsistent" (printed 0.000)
 */
export function checkPReporting(registry: Registry, pId: string): AuditFinding {
  const p = registry.get(pId);
  if (p.number === 0) {
    return makeFinding(
      "p-reporting",
      [pId],
      "inconsistent",
      { printed: p.value },
      `p printed as ${p.value}: a p-value cannot be 0; SPSS displays .000 for p < 0.0005 — report "p < 0.001" ` +
        `(or the exact value).`,
    );
  }
  const ok = p.number > 0 && p.number <= 1;
  return makeFinding(
    "p-reporting",
    [pId],
    ok ? "consistent" : "inconsistent",
    { printed: p.value },
    ok ? `p = ${p.value} is a possible p-value.` : `p = ${p.value} is outside (0, 1].`,
  );
}
