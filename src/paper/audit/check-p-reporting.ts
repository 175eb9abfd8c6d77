import { makeFinding, type AuditFinding } from "./finding";
import { entryLabel } from "./label";
import type { Registry } from "./registry";

/**
 * Reporting of p-values: "p = 0.000" (SPSS's truncated display) is a reporting error — a p-value is never
 * 0; print "p < 0.001" (APA 7; this project's formatP). All such p's make one finding (class reporting,
 * severity note) naming every place they are printed. A p outside [0, 1] is a contradiction of its own.
 * Every other p passes.
 *
 * R: format.pval(p, eps = 0.001). SPSS shows ".000". Cost: O(p-values).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkPReporting(registry, ["t3.p", "s4.3.p", "t5.bma.p"]).filter((f) => f.verdict === "finding").length // 1
 */
export function checkPReporting(registry: Registry, pIds: readonly string[]): AuditFinding[] {
  const ps = pIds.map((id) => registry.get(id));
  const zero = ps.filter((p) => p.number === 0 && (p.relations?.comparator ?? "=") === "=");
  const impossible = ps.filter((p) => p.number < 0 || p.number > 1);
  const out: AuditFinding[] = [];
  if (zero.length > 0) {
    const places = zero.map((p) => entryLabel(p));
    const text =
      `p printed as ${zero
        .map((p) => `"${p.value}"`)
        .filter((v, i, a) => a.indexOf(v) === i)
        .join(", ")} in ` +
      `${places.join("; ")}: a p-value cannot be 0; SPSS displays .000 for p < 0.0005 — report "p < 0.001" ` +
      `(or the exact value)`;
    out.push(
      makeFinding(registry, {
        check: "p-reporting",
        ids: zero.map((p) => p.id),
        verdict: "finding",
        class: "reporting",
        where: places.join("; "),
        headline:
          `"P = ${zero[0].value}" printed${zero.length > 1 ? ` ${zero.length} times` : ""}: ` +
          "a p-value is never 0 (write p < 0.001)",
        evidence: text,
        recomputed: { printed: zero.map((p) => p.value) },
        explanation: `${text}.`,
      }),
    );
  }
  for (const p of impossible)
    out.push(
      makeFinding(registry, {
        check: "p-reporting",
        ids: [p.id],
        verdict: "finding",
        class: "contradiction",
        headline: `p = ${p.value} is outside [0, 1]`,
        explanation: `p = ${p.value} is outside [0, 1]: no test gives it.`,
      }),
    );
  for (const p of ps)
    if (!zero.includes(p) && !impossible.includes(p))
      out.push(
        makeFinding(registry, {
          check: "p-reporting",
          ids: [p.id],
          verdict: "passes",
          headline: `p = ${p.value} is a possible p-value`,
          explanation: `p = ${p.value} is a possible p-value.`,
        }),
      );
  return out;
}
