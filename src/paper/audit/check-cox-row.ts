import { fmt, intervalsOverlap, makeFinding, notCheckable, roundingInterval, type AuditFinding } from "./finding";
import type { Registry } from "./registry";

const Z975 = 1.959963984540054;

/**
 * One row of a Cox table: Exp(B) must be exp(B); the 95% CI of Exp(B) must be symmetric about B on the
 * log scale (ln L + ln U = 2B) and its width implies SE = (ln U − ln L)/(2·1.96) (the Wald p from that
 * SE is checked by checkStatisticP). Every printed value stands for its rounding interval. The
 * "1.191 ± 10.516" typography is read as the interval 1.191–10.516.
 *
 * Reference: Cox (1972); SPSS COXREG "Variables in the Equation" (B, SE, Wald, df, Sig., Exp(B), 95.0% CI).
 * R: summary(coxph(...))$conf.int. Cost: O(1).
 *
 * @example
 * const registry = loadRegistry();
 * checkCoxRow(registry, "t6.bma.b").verdict // "consistent" (exp(−1.118) = 0.3269)
 */
export function checkCoxRow(registry: Registry, bId: string): AuditFinding {
  const b = registry.get(bId);
  const expId = b.relations?.expB;
  const expB = expId ? registry.get(expId) : null;
  if (!expB?.relations?.lower || !expB.relations.upper)
    return notCheckable("cox-row", [bId], `${bId} needs Exp(B) and its CI.`);
  const L = registry.get(expB.relations.lower);
  const U = registry.get(expB.relations.upper);
  const bI = roundingInterval(b);
  const expRange: [number, number] = [Math.exp(bI[0]), Math.exp(bI[1])];
  const expOk = intervalsOverlap(expRange, roundingInterval(expB));
  const lI = roundingInterval(L);
  const uI = roundingInterval(U);
  const midRange: [number, number] = [(Math.log(lI[0]) + Math.log(uI[0])) / 2, (Math.log(lI[1]) + Math.log(uI[1])) / 2];
  const symOk = intervalsOverlap(midRange, bI);
  const gap = symOk ? 0 : Math.min(Math.abs(midRange[0] - bI[1]), Math.abs(bI[0] - midRange[1]));
  const lnExp = Math.log(expB.number);
  const eI = roundingInterval(expB);
  const expFitsCi = intervalsOverlap([Math.log(eI[0]), Math.log(eI[1])], midRange);
  const se = (Math.log(U.number) - Math.log(L.number)) / (2 * Z975);
  const ok = expOk && symOk;
  const asymmetry =
    `not symmetric about B (gap ${gap.toExponential(1)} on the log scale beyond rounding; ` +
    `ln ${expB.value} = ${fmt(lnExp, 4)} ` +
    `${expFitsCi ? "fits the CI, so B looks truncated rather than rounded" : "does not fit the CI either"})`;
  return makeFinding(
    "cox-row",
    [bId, expB.id, L.id, U.id],
    ok ? "consistent" : "inconsistent",
    {
      expOfB: Math.exp(b.number),
      logGap: gap,
      logMidpoint: (Math.log(L.number) + Math.log(U.number)) / 2,
      impliedSE: se,
      waldZ: b.number / se,
    },
    `${b.locator.row ?? bId}: exp(${b.value}) = ${fmt(Math.exp(b.number), 4)} (range ${fmt(expRange[0], 4)}–` +
      `${fmt(expRange[1], 4)}) vs Exp(B) ${expB.value} — ${expOk ? "agrees" : "disagrees"}; ` +
      `CI ${L.value}–${U.value}: (ln ${L.value} + ln ${U.value})/2 = ` +
      `${fmt((Math.log(L.number) + Math.log(U.number)) / 2, 4)} vs B ${b.value} — ` +
      `${symOk ? "symmetric on the log scale" : asymmetry}; ` +
      `implied SE = (ln ${U.value} − ln ${L.value})/(2·1.96) = ${fmt(se, 4)}, Wald z = ${fmt(b.number / se, 3)}.`,
  );
}
