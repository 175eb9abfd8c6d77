import {
  contradictionSeverity,
  fmt,
  gapClass,
  intervalsOverlap,
  lastDigitGap,
  makeFinding,
  notCheckable,
  roundingInterval,
  type AuditFinding,
  type FindingClass,
} from "./finding";
import { entryLabel } from "./label";
import type { Registry } from "./registry";

const Z975 = 1.959963984540054;

const worse = (a: FindingClass | null, b: FindingClass | null): FindingClass | null =>
  a === "contradiction" || b === "contradiction" ? "contradiction" : (a ?? b);

/**
 * One row of a Cox table (relation "Cox row": B with `expB`, optional `se`; Exp(B) with `lower`/`upper`):
 * Exp(B) must be exp(B); the 95% CI of Exp(B) must be symmetric about B on the log scale
 * (ln L + ln U = 2B); a printed SE must equal (ln U − ln L)/(2·1.96). Every printed value stands for its
 * rounding interval; a miss of one unit of the last digit is rounding-level (e.g. B truncated rather than
 * rounded), a larger one a contradiction. The Wald p is checked by checkStatisticP. "1.191 ± 10.516"
 * typography is read as the interval 1.191–10.516.
 *
 * Reference: Cox (1972); SPSS COXREG "Variables in the Equation" (B, SE, Wald, df, Sig., Exp(B), 95.0% CI).
 * R: summary(coxph(...))$conf.int. Cost: O(1).
 *
 * @example
 * const registry = loadRegistry(); // the paper's registered numbers
 * checkCoxRow(registry, "t6.bma.b").verdict // "passes" (exp(−1.118) = 0.3269)
 */
export function checkCoxRow(registry: Registry, bId: string): AuditFinding {
  const b = registry.get(bId);
  const expId = b.relations?.expB;
  const expB = expId ? registry.get(expId) : null;
  if (!expB?.relations?.lower || !expB.relations.upper)
    return notCheckable(registry, "cox-row", [bId], `${entryLabel(b)}: needs Exp(B) and its CI.`);
  const L = registry.get(expB.relations.lower);
  const U = registry.get(expB.relations.upper);
  const bI = roundingInterval(b);
  const expRange: [number, number] = [Math.exp(bI[0]), Math.exp(bI[1])];
  const expUnits = lastDigitGap(expB, expRange);
  const lI = roundingInterval(L);
  const uI = roundingInterval(U);
  const midRange: [number, number] = [(Math.log(lI[0]) + Math.log(uI[0])) / 2, (Math.log(lI[1]) + Math.log(uI[1])) / 2];
  const symUnits = lastDigitGap(b, midRange);
  const lnExp = Math.log(expB.number);
  const eI = roundingInterval(expB);
  const expFitsCi = intervalsOverlap([Math.log(eI[0]), Math.log(eI[1])], midRange);
  const se = (Math.log(U.number) - Math.log(L.number)) / (2 * Z975);
  const seEntry = b.relations?.se ? registry.get(b.relations.se) : null;
  const seUnits = seEntry
    ? lastDigitGap(seEntry, [
        (Math.log(uI[0]) - Math.log(lI[1])) / (2 * Z975),
        (Math.log(uI[1]) - Math.log(lI[0])) / (2 * Z975),
      ])
    : 0;
  const cls = worse(
    worse(gapClass(expUnits, expB.kind), gapClass(symUnits, b.kind)),
    seEntry ? gapClass(seUnits, seEntry.kind) : null,
  );
  const mid = (Math.log(L.number) + Math.log(U.number)) / 2;
  const row = b.locator.row ?? entryLabel(b);
  const parts = [
    `exp(${b.value}) = ${fmt(Math.exp(b.number), 4)} vs Exp(B) ${expB.value} — ` +
      (expUnits === 0 ? "agrees" : `${expUnits} unit(s) of the last digit off`),
    `CI ${L.value}–${U.value}: (ln ${L.value} + ln ${U.value})/2 = ${fmt(mid, 4)} vs B ${b.value} — ` +
      (symUnits === 0
        ? "symmetric on the log scale"
        : `not centred on B (${symUnits} unit(s) of B's last digit; ln ${expB.value} = ${fmt(lnExp, 4)} ` +
          `${expFitsCi ? "fits the CI, so B looks truncated rather than rounded" : "does not fit the CI either"})`),
    `implied SE = (ln ${U.value} − ln ${L.value})/(2·1.96) = ${fmt(se, 4)}` +
      (seEntry ? ` vs printed SE ${seEntry.value} — ${seUnits === 0 ? "agrees" : "differs"}` : "") +
      `, Wald z = ${fmt(b.number / se, 3)}`,
  ];
  const headline =
    cls === null
      ? `${row}: B, Exp(B) and the CI agree`
      : symUnits > 0
        ? `the CI ${L.value}–${U.value} is centred on B = ${fmt(mid, b.decimals + 1)}, printed B = ${b.value}` +
          `${expFitsCi ? " (B truncated?)" : ""}`
        : expUnits > 0
          ? `exp(${b.value}) = ${fmt(Math.exp(b.number), expB.decimals)}, printed Exp(B) = ${expB.value}`
          : `the printed SE ${seEntry?.value} does not match the CI (${fmt(se, 4)})`;
  return makeFinding(registry, {
    check: "cox-row",
    ids: [bId, expB.id, L.id, U.id, ...(seEntry ? [seEntry.id] : [])],
    verdict: cls === null ? "passes" : "finding",
    class: cls ?? undefined,
    severity:
      cls === "contradiction" ? contradictionSeverity(Math.exp(b.number) - expB.number, expB.number, false) : undefined,
    where: `${entryLabel(b).split(",")[0]}, ${row}`,
    headline,
    evidence: parts.join("; "),
    recomputed: {
      expOfB: Math.exp(b.number),
      logMidpoint: mid,
      impliedSE: se,
      waldZ: b.number / se,
      expUnits,
      symUnits,
      seUnits,
    },
    explanation: `${row}: ${parts.join("; ")}.`,
  });
}
