/**
 * The second half of survregc1 — adding each row's contribution to the score u and the information
 * (X′ diag(−ddg·w) X, the scale rows) — generated once per number of columns with every loop unrolled and
 * every sum held in a local variable, so the per-row work is straight-line arithmetic instead of
 * typed-array read-modify-writes (the pattern of survival/cox-sweep-unrolled). One scale only (or a fixed
 * scale); the per-row factors come from the first pass: c1 = dg·w, c2 = −ddg·w, c3 = dsig·w,
 * c4 = −dsg·w, c5 = −ddsig·w. Sums are in row order, as the generic loop adds them (equal to rounding).
 */
export type SurvregAccumulate = (
  x: Float64Array,
  n: number,
  c1: Float64Array,
  c2: Float64Array,
  c3: Float64Array,
  c4: Float64Array,
  c5: Float64Array,
  u: Float64Array,
  imat: Float64Array,
) => void;

export const MAX_UNROLLED_NVAR = 16;

const cache = new Map<string, SurvregAccumulate>();

/** The accumulator for nvar columns, with (scale = true) or without the log-scale row. */
export function survregAccumulate(nvar: number, scale: boolean): SurvregAccumulate {
  const key = `${nvar}|${scale}`;
  let f = cache.get(key);
  if (!f) {
    // new Function on source generated from integers only (no user input).
    f = new Function("x", "n", "c1", "c2", "c3", "c4", "c5", "u", "imat", source(nvar, scale)) as SurvregAccumulate;
    cache.set(key, f);
  }
  return f;
}

function source(nvar: number, scale: boolean): string {
  const nvar2 = nvar + (scale ? 1 : 0);
  const lines: string[] = [];
  const decl: string[] = [];
  for (let a = 0; a < nvar; a++) {
    decl.push(`u${a} = 0`);
    for (let b = 0; b <= a; b++) decl.push(`i${a}_${b} = 0`);
    if (scale) decl.push(`k${a} = 0`);
  }
  if (scale) decl.push("us = 0", "kk = 0");
  lines.push(`let ${decl.join(", ")};`);
  lines.push(`for (let i = 0, row = 0; i < n; i++, row += ${nvar}) {`);
  for (let a = 0; a < nvar; a++) lines.push(`  const x${a} = x[row + ${a}];`);
  lines.push("  const a1 = c1[i], a2 = c2[i];");
  for (let a = 0; a < nvar; a++) {
    lines.push(`  u${a} += a1 * x${a};`);
    lines.push(`  const t${a} = a2 * x${a};`);
    for (let b = 0; b <= a; b++) lines.push(`  i${a}_${b} += t${a} * x${b};`);
  }
  if (scale) {
    lines.push("  const a4 = c4[i];");
    lines.push("  us += c3[i];");
    for (let a = 0; a < nvar; a++) lines.push(`  k${a} += a4 * x${a};`);
    lines.push("  kk += c5[i];");
  }
  lines.push("}");
  for (let a = 0; a < nvar; a++) {
    lines.push(`u[${a}] += u${a};`);
    for (let b = 0; b <= a; b++) lines.push(`imat[${a * nvar2 + b}] += i${a}_${b};`);
  }
  if (scale) {
    lines.push(`u[${nvar}] += us;`);
    for (let a = 0; a < nvar; a++) lines.push(`imat[${nvar * nvar2 + a}] += k${a};`);
    lines.push(`imat[${nvar * nvar2 + nvar}] += kk;`);
  }
  return lines.join("\n");
}
