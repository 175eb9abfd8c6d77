import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/lib/survival/kaplan-meier";
import { kmQuantile } from "../../../src/lib/survival/km-quantile";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";

// kmQuantile's "r" method is checked on every conf.type in kaplan-meier.test.ts (with the step table);
// here: Brookmeyer–Crowley against R, and by hand on tied, censored data; the SPSS method is in
// kaplan-meier.test.ts's hand calculations.
interface Dataset {
  time: number[];
  status: number[];
  km: { conf_type: string; quantile: (number | null)[]; q_lower: (number | null)[]; q_upper: (number | null)[] }[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, "../../fixtures/survival-km/km-fixtures.json"), "utf8")) as {
  datasets: Record<string, Dataset>;
};

describe.each(Object.entries(fixture.datasets))("Brookmeyer–Crowley vs R: %s", (name, d) => {
  it("on a log-scale fit = R's quantile on conf.type 'plain'", () => {
    const plain = d.km.find((k) => k.conf_type === "plain")!;
    const fit = kaplanMeier(surv(d.time, d.status), { confType: "log" });
    [0.25, 0.5, 0.75].forEach((p, j) => {
      const q = kmQuantile(fit, p, { method: "brookmeyer-crowley" });
      expectClose(q.time, plain.quantile[j], { label: `${name} BC quantile ${p}` });
      expectClose(q.lower, plain.q_lower[j], { label: `${name} BC lower ${p}` });
      expectClose(q.upper, plain.q_upper[j], { label: `${name} BC upper ${p}` });
    });
  });
});

describe("Brookmeyer–Crowley by hand: tied deaths with censoring", () => {
  // times 1 1 2 3+ 4 4 5 6 7+ 8 (n 10). S: t1 0.8 (n 10, d 2), t2 0.7 (n 8, d 1), t4 0.7·4/6 = 0.466667 (n 6, d 2),
  // t5 0.35 (n 4, d 1), t6 0.233333 (n 3, d 1), t8 0 (n 1, d 1).
  // Greenwood Σ d/(n(n−d)): 2/80 = 0.025; + 1/56 = 0.042857; + 2/24 = 0.126190; + 1/12 = 0.209524; + 1/6 = 0.376190.
  // SE(S) = S·sqrt(Σ): 0.126491, 0.144914, 0.165775, 0.160208, 0.143114; at t8 the SE is infinite (no band).
  // Plain band with z = 1.959964 — lower S − z·SE: 0.552082, 0.415974, 0.141753, 0.035998, 0 (clipped);
  // upper S + z·SE: 1 (clipped), 0.984026, 0.791580, 0.664002, 0.513831.
  // BC set {t : |S(t) − (1 − p)| ≤ z·SE(t)}; its ends are where the bands cross 1 − p.
  const y = surv([1, 1, 2, 3, 4, 4, 5, 6, 7, 8], [1, 1, 1, 0, 1, 1, 1, 1, 0, 1]);
  it.each(["log", "log-log", "plain"] as const)("fit with confType %s", (confType) => {
    const fit = kaplanMeier(y, { confType });
    // p = 0.5: S ≤ 0.5 first at t4 (0.4667, not equal) → 4; lower band ≤ 0.5 first at t2 (0.415974) → 2;
    // upper band never ≤ 0.5 where defined (0.513831 at t6, none at t8) → null.
    const median = kmQuantile(fit, 0.5, { method: "brookmeyer-crowley" });
    expect([median.time, median.lower, median.upper]).toEqual([4, 2, null]);
    // p = 0.25: S ≤ 0.75 first at t2 (0.7) → 2; lower band ≤ 0.75 at t1 (0.552) → 1; upper band ≤ 0.75 first at t5 (0.664) → 5.
    const q25 = kmQuantile(fit, 0.25, { method: "brookmeyer-crowley" });
    expect([q25.time, q25.lower, q25.upper]).toEqual([2, 1, 5]);
    // p = 0.75: S ≤ 0.25 first at t6 (0.2333) → 6; lower band ≤ 0.25 first at t4 (0.141753) → 4; upper band never ≤ 0.25 → null.
    const q75 = kmQuantile(fit, 0.75, { method: "brookmeyer-crowley" });
    expect([q75.time, q75.lower, q75.upper]).toEqual([6, 4, null]);
  });
});

describe("options", () => {
  it("the method is an option; a positional string or an unknown method is an InputError", () => {
    const fit = kaplanMeier(surv([1, 2, 3, 4], [1, 1, 0, 1]));
    expect(() => kmQuantile(fit, 0.5, { method: "sas" as never })).toThrow(
      /options.method = "sas".*brookmeyer-crowley/,
    );
    expect(() => kmQuantile(fit, 0.5, "spss" as never)).toThrow(/options = "spss": must be an options object/);
    expect(kmQuantile(fit, 0.5).method).toBe("r");
  });
});
