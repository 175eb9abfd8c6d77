import { expect } from "vitest";
import type { PlotlyFigure, PlotlyTrace } from "../../../src/lib/figures";

/** The one trace with this name (fails the test, listing the names, when absent or duplicated). */
export function trace(fig: PlotlyFigure, name: string): PlotlyTrace {
  const found = fig.data.filter((t) => t.name === name);
  expect(found.length, `trace "${name}" among ${JSON.stringify(fig.data.map((t) => t.name))}`).toBe(1);
  return found[0];
}

/** The note under the title (plotly's title subtitle), or undefined. */
export function noteText(fig: PlotlyFigure): string | undefined {
  return (fig.layout.title as { subtitle?: { text: string } }).subtitle?.text;
}

/** Texts of the layout annotations. */
export function annotationTexts(fig: PlotlyFigure): string[] {
  return ((fig.layout.annotations ?? []) as { text: string }[]).map((a) => a.text);
}
