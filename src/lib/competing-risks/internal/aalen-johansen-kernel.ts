import { radixArgsort } from "../../survival/cox-sort";

/** One curve's columns, as R's survfit stores them (one row per distinct exit time). */
export interface AalenJohansenColumns {
  time: number[];
  nRisk: number[];
  /** Per state: column 0 is "(s0)" (always 0 for competing risks), then one per cause. */
  nEvent: number[][];
  nCensor: number[];
  /** Per state: P(event-free), then the cumulative incidence of each cause. */
  pstate: number[][];
  /** Infinitesimal-jackknife standard error of each pstate column (R's std.err). */
  stdErr: number[][];
  /** Nelson–Aalen cumulative hazard of each cause (R's cumhaz columns "1.2", "1.3", …). */
  cumhaz: number[][];
}

/**
 * Aalen–Johansen estimate for competing risks (one initial state, K absorbing causes) on the rows
 * `rows`, with R survfit's infinitesimal-jackknife variance Σᵢ wᵢ² Uᵢ(t)², computed in closed form.
 *
 * R (survfitci.c) updates every subject's influence vector Uᵢ at every event time, O(n · times).
 * For competing risks the update has a closed form. With S the event-free probability, Fₖ the
 * cumulative incidences, n and d the weighted number at risk and of events, and per event time
 * aⱼ = dⱼ/(nⱼ(nⱼ − dⱼ)), Aⱼ = Σ a, Gₖⱼ = Σ ΔFₖ (Aⱼ₋₁ − 1/nⱼ): a subject who entered after event
 * time s and is still at risk at time m has
 *   U₀ = Sₘ (Aₘ − Aₛ),   Uₖ = Gₖₘ − Aₛ Fₖₘ + (Aₛ Fₖₛ − Gₖₛ),
 * and one who left at event time e (δ = event there) keeps
 *   U₀ = Sₘ Cᵢ,   Uₖ = Yᵢₖ + Cᵢ Fₖₘ,   Cᵢ = Aₑ₋₁ − Aₛ − 1/nₑ if δ else Aₑ − Aₛ,
 * so Σ wᵢ² Uᵢ² needs only running sums over the risk set and over those who left: O(n K) after the sort.
 * When everyone at risk fails at once (n = d), S becomes 0 and stays 0; a is stored as 0 there, which
 * changes nothing (no one stays at risk through that time).
 */
export function aalenJohansenKernel(
  rows: Int32Array,
  start: Float64Array | null,
  time: Float64Array,
  cause: Uint8Array,
  weight: Float64Array | null,
  nCauses: number,
): AalenJohansenColumns {
  const m = rows.length;
  const K = nCauses;
  const t = new Float64Array(m);
  for (let r = 0; r < m; r++) t[r] = time[rows[r]];
  const order = radixArgsort(t, false);
  let byStart: Int32Array | null = null;
  let s: Float64Array | null = null;
  if (start !== null) {
    s = new Float64Array(m);
    for (let r = 0; r < m; r++) s[r] = start[rows[r]];
    byStart = radixArgsort(s, false);
  }
  const w = (r: number): number => (weight === null ? 1 : weight[rows[r]]);
  const out: AalenJohansenColumns = {
    time: [],
    nRisk: [],
    nEvent: [],
    nCensor: [],
    pstate: [],
    stdErr: [],
    cumhaz: [],
  };
  // Per-subject values fixed at entry: Aₛ and Zₖ = Aₛ Fₖₛ − Gₖₛ.
  const aAtEntry = new Float64Array(m);
  const zAtEntry = new Float64Array(m * K);
  // Running estimates.
  let surv = 1;
  let cumA = 0;
  const cumG = new Float64Array(K);
  const cumF = new Float64Array(K);
  const cumH = new Float64Array(K);
  // Sums over the risk set (w², w²Aₛ, w²Aₛ², and per cause w²Z, w²Z², w²AₛZ).
  let rW = 0;
  let rWA = 0;
  let rWAA = 0;
  const rWZ = new Float64Array(K);
  const rWZZ = new Float64Array(K);
  const rWAZ = new Float64Array(K);
  // Sums over those who left (w²C², and per cause w²Y², w²YC).
  let eWCC = 0;
  const eWYY = new Float64Array(K);
  const eWYC = new Float64Array(K);
  let nAtRisk = 0;
  let wAtRisk = 0;
  const enter = (r: number): void => {
    const ww = w(r);
    const w2 = ww * ww;
    nAtRisk++;
    wAtRisk += ww;
    aAtEntry[r] = cumA;
    rW += w2;
    rWA += w2 * cumA;
    rWAA += w2 * cumA * cumA;
    for (let k = 0; k < K; k++) {
      const z = cumA * cumF[k] - cumG[k];
      zAtEntry[r * K + k] = z;
      rWZ[k] += w2 * z;
      rWZZ[k] += w2 * z * z;
      rWAZ[k] += w2 * cumA * z;
    }
  };
  if (s === null) for (let r = 0; r < m; r++) enter(r);
  const d = new Float64Array(K);
  const nev = new Int32Array(K);
  let e = 0;
  let i = 0;
  while (i < m) {
    const ctime = t[order[i]];
    if (s !== null && byStart !== null) {
      while (e < m && s[byStart[e]] < ctime) enter(byStart[e++]);
    }
    d.fill(0);
    nev.fill(0);
    let nCensor = 0;
    let nInBlock = 0;
    let end = i;
    while (end < m && t[order[end]] === ctime) {
      const r = order[end];
      const c = cause[rows[r]];
      if (c > 0) {
        d[c - 1] += w(r);
        nev[c - 1]++;
      } else nCensor++;
      nInBlock++;
      end++;
    }
    let wEvent = 0;
    let nEvents = 0;
    for (let k = 0; k < K; k++) {
      wEvent += d[k];
      nEvents += nev[k];
    }
    const survBefore = surv;
    const aBefore = cumA;
    const nw = wAtRisk;
    if (wEvent > 0) {
      for (let k = 0; k < K; k++) {
        const h = d[k] / nw;
        const dF = survBefore * h;
        cumG[k] += dF * (aBefore - 1 / nw);
        cumF[k] += dF;
        cumH[k] += h;
      }
      surv = survBefore * (1 - wEvent / nw);
      if (nEvents < nAtRisk) cumA += wEvent / (nw * (nw - wEvent));
    }
    // Those whose follow-up ends now move from the risk set to the "left" sums.
    for (let j = i; j < end; j++) {
      const r = order[j];
      const c = cause[rows[r]];
      const ww = w(r);
      const w2 = ww * ww;
      const as = aAtEntry[r];
      rW -= w2;
      rWA -= w2 * as;
      rWAA -= w2 * as * as;
      const cI = c > 0 ? aBefore - as - 1 / nw : cumA - as;
      eWCC += w2 * cI * cI;
      for (let k = 0; k < K; k++) {
        const z = zAtEntry[r * K + k];
        rWZ[k] -= w2 * z;
        rWZZ[k] -= w2 * z * z;
        rWAZ[k] -= w2 * as * z;
        const u = cumG[k] - as * cumF[k] + z + (c === k + 1 ? survBefore / nw : 0);
        const y = u - cI * cumF[k];
        eWYY[k] += w2 * y * y;
        eWYC[k] += w2 * y * cI;
      }
    }
    const riskFree = cumA * cumA * rW - 2 * cumA * rWA + rWAA;
    const scale0 = cumA * cumA * rW + 2 * Math.abs(cumA * rWA) + rWAA + eWCC;
    const se0 = surv * Math.sqrt(aboveRounding(riskFree + eWCC, scale0));
    const pRow = [surv];
    const seRow = [se0];
    const evRow = [0];
    const hRow: number[] = [];
    for (let k = 0; k < K; k++) {
      const g = cumG[k];
      const f = cumF[k];
      const risk = g * g * rW + rWZZ[k] + f * f * rWAA + 2 * g * rWZ[k] - 2 * g * f * rWA - 2 * f * rWAZ[k];
      const left = eWYY[k] + 2 * f * eWYC[k] + f * f * eWCC;
      const scale =
        g * g * rW +
        rWZZ[k] +
        f * f * rWAA +
        2 * Math.abs(g * rWZ[k]) +
        2 * Math.abs(g * f * rWA) +
        2 * Math.abs(f * rWAZ[k]) +
        eWYY[k] +
        2 * Math.abs(f * eWYC[k]) +
        f * f * eWCC;
      pRow.push(f);
      seRow.push(Math.sqrt(aboveRounding(risk + left, scale)));
      evRow.push(nev[k]);
      hRow.push(cumH[k]);
    }
    out.time.push(ctime);
    out.nRisk.push(nAtRisk);
    out.nEvent.push(evRow);
    out.nCensor.push(nCensor);
    out.pstate.push(pRow);
    out.stdErr.push(seRow);
    out.cumhaz.push(hRow);
    for (let j = i; j < end; j++) wAtRisk -= w(order[j]);
    nAtRisk -= nInBlock;
    i = end;
  }
  return out;
}

/**
 * A variance assembled from expanded sums of squares: values within rounding of 0 relative to the size of
 * the terms (a probability that can no longer move, e.g. after everyone at risk failed) are 0, as the
 * direct sum of squares would give, instead of the square root of a rounding residue.
 */
function aboveRounding(variance: number, scale: number): number {
  return variance <= 1e-12 * scale ? 0 : variance;
}
