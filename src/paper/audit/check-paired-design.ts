import { fmt, makeFinding, type AuditFinding } from "./finding";
import type { Registry } from "./registry";
import { mcnemarTest } from "../../lib/hypothesis/mcnemar-test";

/** Ids of a before/after 2×2 table of the same patients and its printed test. */
export interface PairedTableIds {
  /** [[before A & after A, before A & after B], [before B & after A, before B & after B]]. */
  readonly cells: readonly [readonly [string, string], readonly [string, string]];
  readonly pValue: string;
  /** Optional statement id quoting how the paper analysed the table (evidence for the explanation). */
  readonly methodStatement?: string;
}

/**
 * A before/after table of the same patients analysed as independent samples: recomputes the paired
 * test (McNemar: asymptotic (b−c)²/(b+c), continuity-corrected (|b−c|−1)²/(b+c), and the exact
 * binomial test of b in b+c at ½) and says whether the printed conclusion at α = 0.05 survives.
 * Verdict "inconsistent" when the printed p and the exact McNemar p fall on different sides of 0.05.
 *
 * Reference: McNemar (1947); Agresti (2013) §11.1. R: mcnemar.test(m, correct = FALSE / TRUE),
 * binom.test(b, b + c). SPSS: McNemar in CROSSTABS (exact binomial). Cost: O(b + c).
 *
 * @example
 * const cell = (pre: string, post: string) => `t3.pre.${pre}.post.${post}`;
 * const cells = [
 *   [cell("abnormal", "abnormal"), cell("abnormal", "normal")],
 *   [cell("normal", "abnormal"), cell("normal", "normal")],
 * ];
 * checkPairedDesign(loadRegistry(), { cells, pValue: "t3.p" }).verdict
 * // "inconsistent" (exact p = 0.109)
 */
export function checkPairedDesign(registry: Registry, ids: PairedTableIds): AuditFinding {
  const b = registry.get(ids.cells[0][1]).number;
  const c = registry.get(ids.cells[1][0]).number;
  const p = registry.get(ids.pValue);
  const discordant = [
    [0, b],
    [c, 0],
  ];
  const asymptotic = mcnemarTest(discordant, { method: "asymptotic" });
  const corrected = mcnemarTest(discordant, { method: "corrected" });
  const m = {
    asymptotic: asymptotic.statistic!,
    pAsymptotic: asymptotic.pValue!,
    corrected: corrected.statistic!,
    pCorrected: corrected.pValue!,
    pExact: mcnemarTest(discordant, { method: "exact" }).pValue!,
  };
  const printedSig = p.number < 0.05;
  const pairedSig = m.pExact < 0.05;
  const holds = printedSig === pairedSig;
  const method = ids.methodStatement ? `Paper: "${registry.statement(ids.methodStatement).quote}" ` : "";
  return makeFinding(
    "paired-design",
    [ids.pValue, ...ids.cells.flat(), ...(ids.methodStatement ? [ids.methodStatement] : [])],
    holds ? "consistent" : "inconsistent",
    {
      discordant: [b, c],
      mcnemar: m.asymptotic,
      pMcnemar: m.pAsymptotic,
      mcnemarCorrected: m.corrected,
      pMcnemarCorrected: m.pCorrected,
      pExactBinomial: m.pExact,
    },
    `${method}Same patients before/after → paired test on the discordant cells b = ${b}, c = ${c}: McNemar (` +
      `${b}−${c})²/${b + c} = ${fmt(m.asymptotic, 4)} (p = ${fmt(m.pAsymptotic, 4)}); ` +
      `corrected (|${b}−${c}|−1)²/${b + c} = ${fmt(m.corrected, 4)} (p = ${fmt(m.pCorrected, 4)}); exact ` +
      `binomial p = ${fmt(m.pExact, 4)}. ` +
      `Printed p = ${p.value} (independent-samples χ²) → ${printedSig ? "significant" : "not significant"}; ` +
      `paired → ${pairedSig ? "significant" : "not significant"}: the conclusion ` +
      `${holds ? "holds" : "does not hold"}.`,
  );
}
