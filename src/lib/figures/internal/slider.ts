import { InputError } from "../../core/errors";

/** One position of a slider: its label, and the new values of the dynamic traces and layout attributes there. */
export interface SliderStep {
  readonly label: string;
  /** Per trace attribute, one value per dynamic trace (plotly's restyle form: { x: [xOfTrace1, xOfTrace2] }). */
  readonly data: Readonly<Record<string, readonly unknown[]>>;
  /** Layout attributes to set (plotly's relayout form: { "annotations[0].text": "…" }). */
  readonly layout?: Readonly<Record<string, unknown>>;
}

/**
 * A plotly slider whose every step carries its own data (method "update"), so it works from the figure's JSON alone:
 * no frames, no callbacks, no kernel — it moves in a saved notebook and in the HTML report opened from disk.
 * `traces` are the indices of the traces the steps restyle.
 */
export function sliderLayout(
  steps: readonly SliderStep[],
  traces: readonly number[],
  options: { readonly prefix: string; readonly active: number; readonly y?: number },
): Record<string, unknown> {
  if (steps.length < 2)
    throw new InputError("a slider needs at least 2 steps", { field: "steps", value: steps.length });
  if (!(Number.isInteger(options.active) && options.active >= 0 && options.active < steps.length))
    throw new InputError(`must be an index into the ${steps.length} steps`, { field: "active", value: options.active });
  return {
    active: options.active,
    currentvalue: { prefix: options.prefix, font: { size: 14 }, xanchor: "left" },
    pad: { t: 50, b: 10 },
    x: 0,
    len: 1,
    y: options.y ?? 0,
    yanchor: "top",
    steps: steps.map((s) => ({
      label: s.label,
      method: "update",
      args: [s.data, s.layout ?? {}, traces],
    })),
  };
}

/**
 * `trace` with the values of `step` for dynamic trace k (its slice of the restyle arrays) written in, to draw the
 * initial state. Dotted keys ("line.dash") are set inside nested objects; null values (plotly: "leave the default")
 * are skipped.
 */
export function withStepValues<T extends Record<string, unknown>>(trace: T, step: SliderStep, k: number): T {
  const out: Record<string, unknown> = { ...trace };
  for (const [key, values] of Object.entries(step.data)) {
    const value = values[k];
    if (value === null || value === undefined) continue;
    const path = key.split(".");
    let target = out;
    for (const part of path.slice(0, -1)) {
      target[part] = { ...((target[part] as Record<string, unknown>) ?? {}) };
      target = target[part] as Record<string, unknown>;
    }
    target[path[path.length - 1]] = value;
  }
  return out as T;
}

/** Curve vertices for line shape "hv": (0, 1), then (time, survival) of every step row. */
export function survivalStepXY(steps: readonly { time: number; survival: number }[]): { x: number[]; y: number[] } {
  return { x: [0, ...steps.map((s) => s.time)], y: [1, ...steps.map((s) => s.survival)] };
}

/** S(t) read off a step table (1 before the first row). */
export function survivalAtTime(steps: readonly { time: number; survival: number }[], t: number): number {
  let s = 1;
  for (const row of steps) {
    if (row.time > t) break;
    s = row.survival;
  }
  return s;
}
