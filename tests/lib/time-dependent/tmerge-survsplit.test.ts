import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { survSplit } from "../../../src/lib/time-dependent/surv-split";
import { tmerge, type TmergeStep } from "../../../src/lib/time-dependent/tmerge";

interface SplitRef {
  label: string;
  counting: boolean;
  zero: number;
  cut: number[] | number;
  input: { time?: number[]; tstart?: number[]; tstop?: number[]; event: number[] };
  row: number[];
  tstart: number[];
  tstop: number[];
  event: number[];
  episode: number[];
}
interface TmergeRef {
  label: string;
  base: { id: number[]; tstop: number[]; tstart?: number[] };
  steps: (Omit<TmergeStep, "type"> & { type: TmergeStep["type"] })[];
  out: { id: number[]; tstart: number[]; tstop: number[]; columns: Record<string, (number | null)[]> };
  tcount: Record<string, number | string>[];
}
const fixture = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/time-dependent-general/tmerge-survsplit-fixtures.json"), "utf8"),
) as { survsplit: SplitRef[]; tmerge: TmergeRef[] };

describe("survSplit vs R survSplit, row for row", () => {
  it.each(fixture.survsplit.map((s) => [s.label, s] as const))("%s", (_label, ref) => {
    const cut = Array.isArray(ref.cut) ? ref.cut : [ref.cut];
    const out = ref.counting
      ? survSplit(ref.input.tstop!, ref.input.event, cut, { start: ref.input.tstart })
      : survSplit(ref.input.time!, ref.input.event, cut, { zero: ref.zero });
    expect(out.row.map((r) => r + 1)).toEqual(ref.row);
    expect(out.tstart).toEqual(ref.tstart);
    expect(out.tstop).toEqual(ref.tstop);
    expect(out.event).toEqual(ref.event);
    expect(out.episode).toEqual(ref.episode);
  });
});

describe("tmerge vs R tmerge, row for row", () => {
  it.each(fixture.tmerge.map((t) => [t.label, t] as const))("%s", (_label, ref) => {
    // Steps that R ran with options = list(delay = 1) carry their delay.
    const out = tmerge(ref.base, ref.steps);
    expect(out.id).toEqual(ref.out.id);
    expect(out.tstart).toEqual(ref.out.tstart);
    expect(out.tstop).toEqual(ref.out.tstop);
    for (const [name, values] of Object.entries(ref.out.columns)) {
      const ours = out.columns[name];
      expect(ours, name).toBeDefined();
      values.forEach((v, r) => {
        if (v === null) expect(ours[r], `${name}[${r}]`).toBeNull();
        else
          expect(
            Math.abs((ours[r] as number) - v) <= 1e-12 * Math.max(1, Math.abs(v)),
            `${name}[${r}]: ${ours[r]} vs ${v}`,
          ).toBe(true);
      });
    }
    expect(out.tcount.map((c) => c.name)).toEqual(ref.tcount.map((c) => c.name));
    ref.tcount.forEach((c, k) => {
      const { name: _n, ...counts } = c;
      const { name: _m, ...ours } = out.tcount[k];
      expect(ours, `tcount ${c.name}`).toEqual(counts);
    });
  });
});
