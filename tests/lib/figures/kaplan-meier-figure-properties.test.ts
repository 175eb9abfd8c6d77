/**
 * Properties of the Kaplan–Meier figure on random right-censored samples with ties (seeded
 * fast-check). The step table is built here from the raw data by the textbook product-limit rule,
 * and each drawn quantity is checked against its definition on the raw data, not against the figure code:
 * numbers at risk = #{i : time_i ≥ tick}; censor marks at the distinct censoring times; the median
 * line meets the step curve at 0.5; the band covers [lower, upper] between consecutive times.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { figureToJson, kaplanMeierFigure, type KaplanMeierStep, type PlotlyFigure } from "../../../src/lib/figures";

interface Subject {
  time: number;
  event: boolean;
}

/** Product-limit step table with a plain (untransformed) Greenwood band clipped to [0, 1]. */
function stepTable(subjects: Subject[]): KaplanMeierStep[] {
  const times = [...new Set(subjects.map((s) => s.time))].sort((a, b) => a - b);
  let survival = 1;
  let greenwood = 0;
  return times.map((t) => {
    const nRisk = subjects.filter((s) => s.time >= t).length;
    const nEvent = subjects.filter((s) => s.time === t && s.event).length;
    const nCensor = subjects.filter((s) => s.time === t && !s.event).length;
    survival *= 1 - nEvent / nRisk;
    if (nRisk > nEvent) greenwood += nEvent / (nRisk * (nRisk - nEvent));
    const se = survival * Math.sqrt(greenwood);
    const defined = survival > 0;
    return {
      time: t,
      nRisk,
      nEvent,
      nCensor,
      survival,
      lower: defined ? Math.max(0, survival - 1.96 * se) : null,
      upper: defined ? Math.min(1, survival + 1.96 * se) : null,
    };
  });
}

const sample = fc.array(fc.record({ time: fc.integer({ min: 1, max: 24 }), event: fc.boolean() }), {
  minLength: 1,
  maxLength: 30,
});
const named = (fig: PlotlyFigure, name: string) => fig.data.find((t) => t.name === name);

/** S(t) of the step table: survival of the last row with time ≤ t (1 before the first). */
function survivalAt(steps: KaplanMeierStep[], t: number): number {
  let s = 1;
  for (const row of steps) if (row.time <= t) s = row.survival;
  return s;
}

describe("kaplanMeierFigure on random samples (fast-check, seeded)", () => {
  it("numbers at risk equal #{time ≥ tick} on the raw data, at the axis ticks", () => {
    fc.assert(
      fc.property(sample, (subjects) => {
        const fig = kaplanMeierFigure([{ label: "g", steps: stepTable(subjects) }], { tickInterval: 3, xMax: 24 });
        const ticks = (fig.layout.xaxis as { tickvals: number[] }).tickvals;
        expect(ticks).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24]);
        const row = named(fig, "g at risk");
        expect(row?.x).toEqual(ticks);
        expect(row?.text, JSON.stringify(subjects)).toEqual(
          ticks.map((t) => String(subjects.filter((s) => s.time >= t).length)),
        );
      }),
      { numRuns: 200, seed: 7_2026 },
    );
  });

  it("censor marks sit at the distinct censoring times, on the curve", () => {
    fc.assert(
      fc.property(sample, (subjects) => {
        const steps = stepTable(subjects);
        const fig = kaplanMeierFigure([{ label: "g", steps }]);
        const censorTimes = [...new Set(subjects.filter((s) => !s.event).map((s) => s.time))].sort((a, b) => a - b);
        const marks = named(fig, "g censored");
        expect(marks?.x ?? [], JSON.stringify(subjects)).toEqual(censorTimes);
        expect(marks?.y ?? []).toEqual(censorTimes.map((t) => survivalAt(steps, t)));
      }),
      { numRuns: 200, seed: 7_2027 },
    );
  });

  it("the median line meets the step curve at 0.5 (S just before ≥ 0.5 ≥ S at the median), and exists iff S reaches 0.5", () => {
    fc.assert(
      fc.property(sample, (subjects) => {
        const steps = stepTable(subjects);
        const line = named(kaplanMeierFigure([{ label: "g", steps }]), "g median");
        const reaches = steps.some((s) => s.survival <= 0.5 + 1e-12);
        expect(line !== undefined, JSON.stringify(subjects)).toBe(reaches);
        if (!line) return;
        const m = (line.x as number[])[1];
        expect(line.x).toEqual([0, m, m]);
        expect(survivalAt(steps, m - 1e-9)).toBeGreaterThanOrEqual(0.5 - 1e-12);
        expect(survivalAt(steps, m)).toBeLessThanOrEqual(0.5 + 1e-12);
      }),
      { numRuns: 300, seed: 7_2028 },
    );
  });

  it("the band covers exactly [lower, upper] of the row in force on each interval between times (point-in-polygon)", () => {
    fc.assert(
      fc.property(sample, (subjects) => {
        const steps = stepTable(subjects);
        const band = kaplanMeierFigure([{ label: "g", steps }]).data[0];
        const pieces = band.fill === "toself" ? polygons(band.x as (number | null)[], band.y as (number | null)[]) : [];
        const inside = (x: number, y: number): boolean => pieces.some((poly) => pointInPolygon(x, y, poly));
        steps.forEach((s, i) => {
          const next = steps[i + 1];
          if (!next || s.lower === null || s.upper === null) return;
          const x = (s.time + next.time) / 2;
          const where = `${JSON.stringify(subjects)} row ${i}, x ${x}, limits [${s.lower}, ${s.upper}]`;
          if (s.upper - s.lower > 1e-9) expect(inside(x, (s.lower + s.upper) / 2), `inside: ${where}`).toBe(true);
          expect(inside(x, s.upper + 1e-6), `above upper: ${where}`).toBe(false);
          expect(inside(x, s.lower - 1e-6), `below lower: ${where}`).toBe(false);
        });
        expect(pieces.length, "the band starts on [0, first time)").toBeGreaterThan(0); // all times ≥ 1 here
      }),
      { numRuns: 200, seed: 7_2029 },
    );
  });

  it("is deterministic: the same sample gives byte-identical JSON", () => {
    fc.assert(
      fc.property(sample, (subjects) => {
        const a = figureToJson(kaplanMeierFigure([{ label: "g", steps: stepTable(subjects) }], { logRankP: 0.5 }));
        const b = figureToJson(
          kaplanMeierFigure([{ label: "g", steps: stepTable(structuredClone(subjects)) }], { logRankP: 0.5 }),
        );
        expect(a).toBe(b);
      }),
      { numRuns: 50, seed: 7_2030 },
    );
  });
});

/** Splits a null-separated vertex list into closed polygons. */
function polygons(xs: (number | null)[], ys: (number | null)[]): [number, number][][] {
  const out: [number, number][][] = [[]];
  xs.forEach((x, k) => {
    if (x === null) out.push([]);
    else out[out.length - 1].push([x, ys[k] as number]);
  });
  return out.filter((p) => p.length >= 3);
}

/** Even–odd ray casting (a horizontal ray to +∞). */
function pointInPolygon(x: number, y: number, poly: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
