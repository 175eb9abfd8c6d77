import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { surv, survCounting } from "../../../src/lib/survival/surv";
import { splitAtTreatment } from "../../../src/lib/time-dependent/split-at-treatment";
import { survSplit } from "../../../src/lib/time-dependent/surv-split";
import { tmerge } from "../../../src/lib/time-dependent/tmerge";
import { expectClose } from "../../helpers/expect-close";

const subjects = fc.array(
  fc.record({
    t: fc.integer({ min: 1, max: 40 }),
    e: fc.integer({ min: 0, max: 1 }),
    x: fc.integer({ min: 0, max: 1 }),
    tt: fc.option(fc.integer({ min: 0, max: 45 }), { nil: null }),
  }),
  { minLength: 4, maxLength: 30 },
);

describe("survSplit: properties", () => {
  it("keeps each subject's follow-up and event, puts each row within one cut interval, and leaves Cox unchanged", () => {
    fc.assert(
      fc.property(subjects, fc.uniqueArray(fc.integer({ min: -5, max: 45 }), { maxLength: 6 }), (rows, cut) => {
        const t = rows.map((r) => r.t);
        const e = rows.map((r) => r.e);
        const s = survSplit(t, e, cut);
        const cuts = [...cut].sort((a, b) => a - b);
        rows.forEach((r, i) => {
          const mine = s.row.flatMap((row, k) => (row === i ? [k] : []));
          expect(mine.reduce((acc, k) => acc + s.tstop[k] - s.tstart[k], 0)).toBeCloseTo(r.t, 12);
          expect(mine.map((k) => s.event[k]).reduce((a, b) => a + b, 0)).toBe(r.e);
          for (const k of mine) expect(cuts.some((c) => c > s.tstart[k] && c < s.tstop[k])).toBe(false);
        });
        const x = rows.map((r) => r.x);
        if (e.every((v) => v === 0) || new Set(x).size < 2) return;
        const a = coxPH(surv(t, e), { names: ["x"], columns: [x] });
        const b = coxPH(survCounting(s.tstart, s.tstop, s.event), { names: ["x"], columns: [s.row.map((i) => x[i])] });
        if (!a.converged || a.possiblyInfinite) return;
        expectClose(b.terms[0].coef, a.terms[0].coef, { rel: 1e-9, abs: 1e-12 });
        expectClose(b.loglik, a.loglik, { rel: 1e-12 });
      }),
      { numRuns: 80, seed: 6 },
    );
  });
});

describe("tmerge: hand cases and properties", () => {
  it("one treatment start per subject gives splitAtTreatment's rows", () => {
    fc.assert(
      fc.property(subjects, (rows) => {
        const t = rows.map((r) => r.t);
        const e = rows.map((r) => r.e);
        const tt = rows.map((r) => r.tt);
        const ref = splitAtTreatment(surv(t, e), tt);
        const treatedIds = rows.flatMap((r, i) => (r.tt === null ? [] : [i]));
        const d = tmerge({ id: rows.map((_, i) => i), tstop: t }, [
          { name: "event", type: "event", id: rows.map((_, i) => i), time: t, value: e },
          { name: "treated", type: "tdc", id: treatedIds, time: treatedIds.map((i) => tt[i] as number) },
        ]);
        expect(d.id).toEqual(ref.id);
        expect(d.tstart).toEqual(ref.start);
        expect(d.tstop).toEqual(ref.stop);
        expect(d.columns.event).toEqual(ref.event);
        expect(d.columns.treated).toEqual(ref.treated);
      }),
      { numRuns: 100, seed: 9 },
    );
  });

  it("last value carried forward, gaps, and repeated calls", () => {
    // Subject 1 has two intervals with a gap (0, 5] and (8, 12]; lab values at 3 (within), 6 (gap), 12 (trailing).
    const first = tmerge({ id: [1], tstart: [0], tstop: [5] }, []);
    expect(first.tstop).toEqual([5]);
    const d = tmerge({ id: ["a", "b"], tstop: [12, 4] }, [
      { name: "lab", type: "tdc", id: ["a", "a", "a", "b"], time: [3, 6, 12, 0], value: [1.5, 2.5, 3.5, 9] },
    ]);
    // a: split at 3 and 6 → (0,3] NA, (3,6] 1.5, (6,12] 2.5 (the value at 12 starts no interval); b: value at 0 → 9.
    expect(d.tstart).toEqual([0, 3, 6, 0]);
    expect(d.tstop).toEqual([3, 6, 12, 4]);
    expect(d.columns.lab).toEqual([null, 1.5, 2.5, 9]);
    expect(d.tcount[0]).toMatchObject({ within: 2, trailing: 1, leading: 1 });
    const more = tmerge(d, [{ name: "visit", type: "event", id: ["a"], time: [6] }]);
    expect(more.columns.visit).toEqual([0, 1, 0, 0]);
    expect(more.columns.lab).toEqual([null, 1.5, 2.5, 9]);
    expect(more.baseRow).toEqual([0, 0, 0, 1]);
  });
});

describe("survSplit and tmerge: bad input is an InputError naming field, index and value", () => {
  const cases: [string, () => unknown, RegExp][] = [
    ["survSplit: time ≤ zero", () => survSplit([5, 0], [1, 0], [2]), /time\[1\] = 0/],
    ["survSplit: NaN cut", () => survSplit([5, 3], [1, 0], [2, Number.NaN]), /cut\[1\] = NaN/],
    ["survSplit: start ≥ stop", () => survSplit([5, 3], [1, 0], [2], { start: [0, 3] }), /time\[1\] = 3/],
    ["survSplit: event length", () => survSplit([5, 3], [1], [2]), /event/],
    ["tmerge: duplicate base id", () => tmerge({ id: [1, 1], tstop: [5, 6] }, []), /base.id\[1\] = 1/],
    ["tmerge: tstop ≤ 0 with default start", () => tmerge({ id: [1, 2], tstop: [5, 0] }, []), /base.tstop\[1\] = 0/],
    [
      "tmerge: bad step type",
      () => tmerge({ id: [1], tstop: [5] }, [{ name: "x", type: "lag" as never, id: [1], time: [2] }]),
      /steps\[0\].type = "lag"/,
    ],
    [
      "tmerge: NaN time",
      () => tmerge({ id: [1], tstop: [5] }, [{ name: "x", type: "tdc", id: [1, 1], time: [2, Number.NaN] }]),
      /steps\[0\].time\[1\] = NaN/,
    ],
    [
      "tmerge: event variable turned into a tdc",
      () =>
        tmerge({ id: [1], tstop: [5] }, [
          { name: "d", type: "event", id: [1], time: [5] },
          { name: "d", type: "tdc", id: [1], time: [2] },
        ]),
      /steps\[1\].name = "d"/,
    ],
    ["tmerge: negative delay", () => tmerge({ id: [1], tstop: [5] }, [], { delay: -1 }), /options.delay = -1/],
  ];
  it.each(cases)("%s", (_label, fn, message) => {
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(message);
  });
});

describe("doc-comment examples of survSplit and tmerge", () => {
  it("survSplit", () => {
    const s = survSplit([5, 12], [1, 0], [3, 10]);
    expect([s.tstart, s.tstop, s.event, s.episode]).toEqual([
      [0, 3, 0, 3, 10],
      [3, 5, 3, 10, 12],
      [0, 1, 0, 0, 0],
      [1, 2, 1, 2, 3],
    ]);
  });
  it("tmerge", () => {
    const d = tmerge({ id: [1, 2], tstop: [10, 8] }, [
      { name: "death", type: "event", id: [1, 2], time: [10, 8], value: [1, 0] },
      { name: "treated", type: "tdc", id: [1], time: [4] },
    ]);
    expect([d.tstart, d.tstop, d.columns.treated, d.columns.death]).toEqual([
      [0, 4, 0],
      [4, 10, 8],
      [0, 1, 0],
      [0, 1, 0],
    ]);
  });
});
