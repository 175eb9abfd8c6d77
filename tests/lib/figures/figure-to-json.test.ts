import { describe, expect, it } from "vitest";
import { figureToJson } from "../../../src/lib/figures";

describe("figureToJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    const json = figureToJson({
      data: [{ type: "bar", y: [2, 1], x: [1, 2], marker: { size: 3, color: "#000" } }],
      layout: { title: "T", height: 5 },
    });
    expect(json).toBe(
      '{"data":[{"marker":{"color":"#000","size":3},"type":"bar","x":[1,2],"y":[2,1]}],"layout":{"height":5,"title":"T"}}',
    );
  });

  it("gives the same text for the same figure built with keys in another order", () => {
    const a = figureToJson({ data: [{ type: "scatter", x: [1], y: [null] }], layout: { b: 1, a: 2 } });
    const b = figureToJson({ layout: { a: 2, b: 1 }, data: [{ y: [null], x: [1], type: "scatter" }] });
    expect(a).toBe(b);
  });

  it("refuses non-finite numbers instead of writing them as null", () => {
    expect(() => figureToJson({ data: [{ type: "scatter", x: [1, Number.NaN] }], layout: {} })).toThrow(
      /fig\.data\[0\]\.x\[1\] = NaN: a figure must not contain non-finite numbers/,
    );
    expect(() => figureToJson({ data: [], layout: { range: [0, Infinity] } })).toThrow(
      /fig\.layout\.range\[1\] = Infinity/,
    );
  });

  it("rejects something that is not a figure", () => {
    expect(() => figureToJson({ data: {}, layout: {} } as never)).toThrow(/fig = object: must be a figure/);
  });
});
