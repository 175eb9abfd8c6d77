/**
 * INTERIM kernel: Kaplan–Meier median with SPSS's 95% CI, used only until src/survival's
 * kaplanMeier (with the SPSS median CI) is committed. Median = first event time with S ≤ 0.5;
 * SE(median) = SE_Greenwood(S(median)) / f̂, f̂ = (S(u) − S(l)) / (l − u), u the last event time
 * with S ≥ 0.55 and l the first with S ≤ 0.45 (Collett 2015, §2.4, ε = 0.05); CI = median ± 1.96·SE.
 * Also S(at) (default 12 months). The median and S(12) are checked against R survfit in
 * tests/reproduction; the CI by hand there.
 *
 * Cost: O(n log n).
 */
export function interimKmMedian(time: readonly number[], event: readonly number[], at = 12): { median: number; lower: number; upper: number; se: number; survivalAt: number } {
  const idx = Array.from(time.keys()).sort((a, b) => time[a] - time[b]);
  let atRisk = time.length;
  let s = 1;
  let greenwood = 0;
  const steps: { t: number; s: number; greenwood: number }[] = [];
  let i = 0;
  while (i < idx.length) {
    const t = time[idx[i]];
    let d = 0;
    let c = 0;
    while (i < idx.length && time[idx[i]] === t) {
      if (event[idx[i]] === 1) d++;
      else c++;
      i++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      greenwood += d / (atRisk * (atRisk - d));
      steps.push({ t, s, greenwood });
    }
    atRisk -= d + c;
  }
  const eps = 1e-12;
  // S(at): the product-limit estimate just after the last event time ≤ at.
  const survivalAt = [...steps].reverse().find((p) => p.t <= at)?.s ?? 1;
  const med = steps.find((p) => p.s <= 0.5 + eps);
  if (!med) return { median: NaN, lower: NaN, upper: NaN, se: NaN, survivalAt };
  const seS = med.s * Math.sqrt(med.greenwood);
  const upper = steps.filter((p) => p.s >= 0.55 - eps).pop();
  const lower = steps.find((p) => p.s <= 0.45 + eps);
  if (!lower) return { median: med.t, lower: NaN, upper: NaN, se: NaN, survivalAt };
  const density = ((upper ? upper.s : 1) - lower.s) / (lower.t - (upper ? upper.t : 0));
  const se = seS / density;
  const z = 1.959963984540054;
  return { median: med.t, lower: med.t - z * se, upper: med.t + z * se, se, survivalAt };
}
