import { describe, expect, it } from "vitest";
import { checkGrim } from "../../../src/paper/audit/check-grim";
import { checkGrimmer } from "../../../src/paper/audit/check-grimmer";
import { checkSubgroupRecombination } from "../../../src/paper/audit/check-subgroup-recombination";
import { entry, expectClose, R, registryOf } from "./audit-test-kit";

const INT = { type: "integer", min: 0, max: 120 };
const ODI = { type: "odi", min: 0, max: 100 };
const meanReg = (mean: string, n: string, sd?: string, scale: Record<string, unknown> = INT) =>
  registryOf([
    entry("n", n, "count"),
    entry("m", mean, "mean", { scale, relations: { denominator: "n", ...(sd ? { sd: "s" } : {}) } }),
    ...(sd ? [entry("s", sd, "sd")] : []),
  ]);

describe("checkGrim (Brown & Heathers 2017; scrutiny grim, up_or_down)", () => {
  it("catches 5.06 with n = 55: 5.06·55 = 278.3; 278/55 = 5.0545 → 5.05, 279/55 = 5.0727 → 5.07", () => {
    const f = checkGrim(meanReg("5.06", "55"), "m");
    expect(f.verdict).toBe("finding");
    expect(f.recomputed.consistentSums).toEqual([]);
  });

  it("accepts 5.07 with n = 55 (279/55 = 5.0727)", () => {
    const f = checkGrim(meanReg("5.07", "55"), "m");
    expect(f.verdict).toBe("passes");
    expect(f.recomputed.consistentSums).toEqual([279]);
  });

  it("accepts the R-computed means of integer data (males 11, females 8, all 19)", () => {
    for (const g of ["males", "females", "all"] as const) {
      const d = R.integer_groups[g];
      expect(checkGrim(meanReg(d.mean, String(d.n)), "m").verdict, `${g} ${d.mean} n=${d.n}`).toBe("passes");
    }
  });

  it("has no power (not checkable) when n ≥ 10^decimals: 5.06 with n = 120", () => {
    expect(checkGrim(meanReg("5.06", "120"), "m").verdict).toBe("not checkable");
  });

  it("ODI: 52.36 with n = 55 is an even sum (2880/55 = 52.3636); 52.38 needs a skipped section (not checkable)", () => {
    expect(checkGrim(meanReg("52.36", "55", undefined, ODI), "m").verdict).toBe("passes");
    const f = checkGrim(meanReg("52.38", "55", undefined, ODI), "m");
    expect(f.verdict).toBe("not checkable");
    expectClose(f.recomputed.mixtureGranularity as number, 2 / 495, { rel: 1e-9, label: "2/(9·55)" });
  });
});

describe("checkGrimmer (Anaya 2016; scrutiny grimmer_scalar)", () => {
  it("accepts the R-computed mean and SD of integer data", () => {
    for (const g of ["males", "females", "all"] as const) {
      const d = R.integer_groups[g];
      const f = checkGrimmer(meanReg(d.mean, String(d.n), d.sd), "m");
      expect(f.verdict, `${g}: ${d.mean} ± ${d.sd}, n = ${d.n}`).toBe("passes");
    }
  });

  it("catches the parity failure: n = 5, mean 3.00 (sum 15, odd), SD 0.50 → Σx² ∈ [45.98, 46.02] = 46 (even)", () => {
    // Hand: Σx² = 4·SD² + 5·3² with SD ∈ [0.495, 0.505] → [45.9801, 46.0201]; only 46, whose SD √(1/4) = 0.50
    // rounds right (test 2 passes) but 46 is even while Σx = 15 is odd (Σx² ≡ Σx mod 2): impossible.
    const f = checkGrimmer(meanReg("3.00", "5", "0.50"), "m");
    expect(f.verdict).toBe("finding");
    expect([f.recomputed.test1, f.recomputed.test2, f.recomputed.test3]).toEqual([true, true, false]);
  });

  it("catches the empty interval: n = 5, mean 3.00, SD 0.30 → Σx² ∈ [45.336, 45.384] holds no integer", () => {
    const f = checkGrimmer(meanReg("3.00", "5", "0.30"), "m");
    expect(f.verdict).toBe("finding");
    expect(f.recomputed.test1).toBe(false);
  });

  it("reports GRIM failure first (5.06 ± 2.15, n = 55)", () => {
    expect(checkGrimmer(meanReg("5.06", "55", "2.15"), "m").explanation).toMatch(/^GRIM fails first/);
  });
});

describe("checkSubgroupRecombination (pooled mean and SD from subgroup summaries)", () => {
  const reg = (
    all: { n: string; mean: string; sd: string },
    a: { n: string; mean: string; sd: string },
    b: { n: string; mean: string; sd: string },
  ) =>
    registryOf([
      entry("nall", all.n, "count"),
      entry("na", a.n, "count"),
      entry("nb", b.n, "count"),
      entry("m", all.mean, "mean", { scale: INT, relations: { denominator: "nall", sd: "s" } }),
      entry("s", all.sd, "sd"),
      entry("ma", a.mean, "mean", { scale: INT, relations: { denominator: "na", sd: "sa", subgroupOf: "m" } }),
      entry("sa", a.sd, "sd"),
      entry("mb", b.mean, "mean", { scale: INT, relations: { denominator: "nb", sd: "sb", subgroupOf: "m" } }),
      entry("sb", b.sd, "sd"),
    ]);
  const str = (d: { n: number; mean: string; sd: string }) => ({ n: String(d.n), mean: d.mean, sd: d.sd });

  it("accepts R summaries of real integer groups (males / females / all)", () => {
    const g = R.integer_groups;
    const f = checkSubgroupRecombination(reg(str(g.all), str(g.males), str(g.females)), "m");
    expect(f.verdict, f.explanation).toBe("passes");
  });

  it("catches the paper's age: 58.86×29 → 1707, 56.00×26 → 1456, (1707 + 1456)/55 = 57.509 ≠ 57.36", () => {
    const f = checkSubgroupRecombination(
      reg(
        { n: "55", mean: "57.36", sd: "10.38" },
        { n: "29", mean: "58.86", sd: "10.19" },
        { n: "26", mean: "56.00", sd: "10.54" },
      ),
      "m",
    );
    expect(f.verdict).toBe("finding");
    const [lo, hi] = f.recomputed.pooledMeanRange as number[];
    expectClose(lo, 3163 / 55, { rel: 1e-9, label: "pooled mean (lower)" });
    expectClose(hi, 3163 / 55, { rel: 1e-9, label: "pooled mean (upper)" });
    // Hand: SS = 28·10.19² + 25·10.54² + 29·(1707/29 − 3163/55)² + 26·(56 − 3163/55)² = 5796.6…; √(SS/54) ≈ 10.361.
    const [sdLo, sdHi] = f.recomputed.pooledSdRange as number[];
    const ss = 28 * 10.19 ** 2 + 25 * 10.54 ** 2 + 29 * (1707 / 29 - 3163 / 55) ** 2 + 26 * (56 - 3163 / 55) ** 2;
    const sd = Math.sqrt(ss / 54);
    expect(sdLo <= sd && sd <= sdHi, `${sd} in [${sdLo}, ${sdHi}]`).toBe(true);
    expect(sdHi < 10.375).toBe(true);
  });
});
