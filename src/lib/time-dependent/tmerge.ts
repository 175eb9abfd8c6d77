import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";

type Id = string | number;

/** The follow-up of each subject: one row per id (R tmerge's first call, `tstart`/`tstop`). */
export interface TmergeBase {
  readonly id: ArrayLike<Id>;
  /** End of follow-up. */
  readonly tstop: ArrayLike<number>;
  /** Start of follow-up (default 0, as R). */
  readonly tstart?: ArrayLike<number>;
}

/**
 * One time-dependent variable to add, from long data (one entry per (id, time)) — R's
 * `name = tdc(time, value, init)`, `event(time, value)`, `cumtdc(time, value, init)`, `cumevent(time, value)`.
 */
export interface TmergeStep {
  readonly name: string;
  readonly type: "tdc" | "event" | "cumtdc" | "cumevent";
  readonly id: ArrayLike<Id>;
  readonly time: ArrayLike<number>;
  /** Values (default: tdc 0/1 "has happened", event 1, cumulative 1 per entry); null is R's NA. */
  readonly value?: ArrayLike<number | null>;
  /** tdc/cumtdc value before the first entry (R `init`; default options.tdcstart). */
  readonly init?: number | null;
  /** Delay added to tdc/cumtdc times after a subject's first start (R option `delay`; default options.delay). */
  readonly delay?: number;
}

export interface TmergeOptions {
  /** R tmerge option `delay` (default 0). */
  readonly delay?: number;
  /** R option `na.rm` (default true): entries with a null value are dropped. */
  readonly naRm?: boolean;
  /** R option `tdcstart` (default null, R's NA): tdc value before a subject's first entry. */
  readonly tdcstart?: number | null;
}

/** R's `attr(, "tcount")` row: where the entries of a step fell relative to the follow-up intervals. */
export interface TmergeCount {
  readonly name: string;
  readonly early: number;
  readonly late: number;
  readonly gap: number;
  readonly within: number;
  readonly boundary: number;
  readonly leading: number;
  readonly trailing: number;
  readonly tied: number;
  readonly missid: number;
}

/** Counting-process data: one row per (start, stop] interval, ordered by id (base order), then time. */
export interface TmergeResult {
  readonly kind: "tmerge";
  readonly id: readonly Id[];
  readonly tstart: readonly number[];
  readonly tstop: readonly number[];
  /** 0-based row of the base each row belongs to (carry the baseline covariates with it). */
  readonly baseRow: readonly number[];
  /** Added variables, one value per row (null = R's NA). */
  readonly columns: Readonly<Record<string, readonly (number | null)[]>>;
  /** Names of the event variables (censored value 0) and of the tdc variables. */
  readonly eventNames: readonly string[];
  readonly tdcNames: readonly string[];
  readonly tcount: readonly TmergeCount[];
}

interface Rows {
  code: number[];
  tstart: number[];
  tstop: number[];
  columns: Map<string, (number | null)[]>;
}

/**
 * Builds counting-process (start, stop] data with any number of time-dependent covariates and event
 * variables from a one-row-per-subject follow-up and long-format time-stamped data, as R's tmerge does:
 * each entry is placed relative to the subject's intervals (early, late, in a gap, within, at a
 * boundary, leading, trailing); an entry strictly within an interval splits it (existing event variables
 * are censored on the earlier piece); then
 *  - `tdc`: the value of the last entry at or before each interval's start (last value carried forward;
 *    without values, 0/1 "has happened"); before the first entry `init` (default null, R's NA);
 *  - `event`: the value (default 1) on the interval that ends at the entry's time; entries at the start
 *    of follow-up, before it or after it are ignored (they are counted in `tcount`);
 *  - `cumtdc`: the running sum of the values of the entries at or before each start (plus `init`);
 *  - `cumevent`: the running count/sum of entries, set on the interval ending at each entry.
 * Steps apply in order; pass a previous result as `base` to continue (R's repeated tmerge calls).
 * The ordering, splitting, tie and NA rules, and `tcount`, are R's, validated row for row on pbc/pbcseq,
 * cgd0 and a case with every kind of timing.
 *
 * Reference: Therneau, Crowson & Atkinson, "Using time dependent covariates and time dependent
 * coefficients in the Cox model" (survival vignette), §3. R: `tmerge(data1, data2, id, x = tdc(time,
 * value), death = event(time, status), tstart, tstop, options = list(delay, na.rm, tdcstart))`. SPSS: none
 * (COXREG's TIME PROGRAM covers covariates that are functions of T_ only). Cost: O((rows + entries) ·
 * log) per step.
 *
 * @example
 * const d = tmerge({ id: [1, 2], tstop: [10, 8] }, [
 *   { name: "death", type: "event", id: [1, 2], time: [10, 8], value: [1, 0] },
 *   { name: "treated", type: "tdc", id: [1], time: [4] },
 * ]);
 * d.tstart // [0, 4, 0]
 * d.tstop // [4, 10, 8]
 * d.columns.treated // [0, 1, 0]
 * d.columns.death // [0, 1, 0]
 */
export function tmerge(
  base: TmergeBase | TmergeResult,
  steps: readonly TmergeStep[],
  options: TmergeOptions = {},
): TmergeResult {
  checkOptions(options);
  const naRm = options.naRm ?? true;
  const delayDefault = options.delay ?? 0;
  if (typeof delayDefault !== "number" || !(delayDefault >= 0))
    throw new InputError("must be a number ≥ 0", { field: "options.delay", value: delayDefault });
  const tdcstart = options.tdcstart === undefined ? null : options.tdcstart;
  if (tdcstart !== null && (typeof tdcstart !== "number" || !Number.isFinite(tdcstart)))
    throw new InputError("must be a finite number or null", { field: "options.tdcstart", value: tdcstart });
  if (!Array.isArray(steps)) throw new InputError("must be an array of steps", { field: "steps", value: steps });
  const { ids, rows, baseRowOf, eventNames, tdcNames, tcount } = startFrom(base);
  const codeOf = new Map<Id, number>(ids.map((v, k) => [v, k]));
  steps.forEach((step, si) => {
    applyStep(step, si, rows, codeOf, eventNames, tdcNames, tcount, { naRm, delayDefault, tdcstart });
  });
  const columns: Record<string, (number | null)[]> = {};
  // Arrays frozen first: deepFreeze would enumerate every index of these long arrays.
  for (const [name, values] of rows.columns) columns[name] = Object.freeze(values) as (number | null)[];
  return deepFreeze({
    kind: "tmerge" as const,
    id: Object.freeze(rows.code.map((c) => ids[c])),
    tstart: Object.freeze(rows.tstart),
    tstop: Object.freeze(rows.tstop),
    baseRow: Object.freeze(rows.code.map((c) => baseRowOf[c])),
    columns,
    eventNames: [...eventNames],
    tdcNames: [...tdcNames],
    tcount,
  });
}

function startFrom(base: TmergeBase | TmergeResult): {
  ids: Id[];
  rows: Rows;
  baseRowOf: number[];
  eventNames: string[];
  tdcNames: string[];
  tcount: TmergeCount[];
} {
  if (base === null || typeof base !== "object")
    throw new InputError("must be { id, tstop, tstart? } or a tmerge result", { field: "base", value: base });
  if ((base as TmergeResult).kind === "tmerge") {
    const prev = base as TmergeResult;
    const ids: Id[] = [];
    const baseRowOf: number[] = [];
    const code: number[] = [];
    const seen = new Map<Id, number>();
    prev.id.forEach((v, r) => {
      let c = seen.get(v);
      if (c === undefined) {
        c = ids.length;
        seen.set(v, c);
        ids.push(v);
        baseRowOf.push(prev.baseRow[r]);
      }
      code.push(c);
    });
    const columns = new Map<string, (number | null)[]>();
    for (const [k, v] of Object.entries(prev.columns)) columns.set(k, [...v]);
    return {
      ids,
      rows: { code, tstart: [...prev.tstart], tstop: [...prev.tstop], columns },
      baseRowOf,
      eventNames: [...prev.eventNames],
      tdcNames: [...prev.tdcNames],
      tcount: [...prev.tcount],
    };
  }
  const b = base as TmergeBase;
  const n = arrayLength(b.id, "base.id");
  if (arrayLength(b.tstop, "base.tstop") !== n)
    throw new InputError(`length differs from base.id's ${n}`, { field: "base.tstop", value: b.tstop });
  if (b.tstart !== undefined && arrayLength(b.tstart, "base.tstart") !== n)
    throw new InputError(`length differs from base.id's ${n}`, { field: "base.tstart", value: b.tstart });
  const ids: Id[] = [];
  const seen = new Set<Id>();
  const tstart: number[] = [];
  const tstop: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = b.id[i];
    if (!isId(v))
      throw new InputError("ids must be finite numbers or non-empty strings", { field: "base.id", index: i, value: v });
    if (seen.has(v))
      throw new InputError("the base must have one row per id (R: no duplicate identifiers)", {
        field: "base.id",
        index: i,
        value: v,
      });
    seen.add(v);
    ids.push(v);
    const t1 = b.tstop[i];
    if (typeof t1 !== "number" || !Number.isFinite(t1))
      throw new InputError("times must be finite numbers", { field: "base.tstop", index: i, value: t1 });
    const t0 = b.tstart === undefined ? 0 : b.tstart[i];
    if (typeof t0 !== "number" || !Number.isFinite(t0))
      throw new InputError("times must be finite numbers", { field: "base.tstart", index: i, value: t0 });
    if (!(t0 < t1))
      throw new InputError(
        b.tstart === undefined
          ? "must be > 0, the default start of follow-up (R: the default starting time of 0 is invalid)"
          : `must be > tstart (${t0})`,
        { field: "base.tstop", index: i, value: t1 },
      );
    tstart.push(t0);
    tstop.push(t1);
  }
  return {
    ids,
    rows: { code: ids.map((_, k) => k), tstart, tstop, columns: new Map() },
    baseRowOf: ids.map((_, k) => k),
    eventNames: [],
    tdcNames: [],
    tcount: [],
  };
}

interface StepOptions {
  naRm: boolean;
  delayDefault: number;
  tdcstart: number | null;
}

function applyStep(
  step: TmergeStep,
  si: number,
  rows: Rows,
  codeOf: Map<Id, number>,
  eventNames: string[],
  tdcNames: string[],
  tcount: TmergeCount[],
  opts: StepOptions,
): void {
  const field = `steps[${si}]`;
  if (step === null || typeof step !== "object") throw new InputError("must be a step", { field, value: step });
  const { name, type } = step;
  if (typeof name !== "string" || name === "")
    throw new InputError("must be a non-empty string", { field: `${field}.name`, value: name });
  if (!["tdc", "event", "cumtdc", "cumevent"].includes(type))
    throw new InputError('must be "tdc", "event", "cumtdc" or "cumevent"', { field: `${field}.type`, value: type });
  const m = arrayLength(step.id, `${field}.id`);
  if (arrayLength(step.time, `${field}.time`) !== m)
    throw new InputError(`length differs from ${field}.id's ${m}`, { field: `${field}.time`, value: step.time });
  if (step.value !== undefined && arrayLength(step.value, `${field}.value`) !== m)
    throw new InputError(`length differs from ${field}.id's ${m}`, { field: `${field}.value`, value: step.value });
  const isTdc = type === "tdc" || type === "cumtdc";
  if (isTdc && eventNames.includes(name))
    throw new InputError(`is an event variable; it cannot become a ${type}`, { field: `${field}.name`, value: name });
  const delay = step.delay ?? opts.delayDefault;
  if (typeof delay !== "number" || !(delay >= 0))
    throw new InputError("must be a number ≥ 0", { field: `${field}.delay`, value: delay });
  const init = step.init === undefined ? opts.tdcstart : step.init;
  if (init !== null && (typeof init !== "number" || !Number.isFinite(init)))
    throw new InputError("must be a finite number or null", { field: `${field}.init`, value: init });
  // Entries: ids in the base (others counted as missid), in (base order of id, time) order, stable.
  let missid = 0;
  const entries: { code: number; time: number; value: number | null; k: number }[] = [];
  for (let k = 0; k < m; k++) {
    const v = step.id[k];
    if (!isId(v))
      throw new InputError("ids must be finite numbers or non-empty strings", {
        field: `${field}.id`,
        index: k,
        value: v,
      });
    const t = step.time[k];
    if (typeof t !== "number" || !Number.isFinite(t))
      throw new InputError("times must be finite numbers", { field: `${field}.time`, index: k, value: t });
    const val = step.value === undefined ? null : step.value[k];
    if (val !== null && (typeof val !== "number" || !Number.isFinite(val)))
      throw new InputError("values must be finite numbers or null", { field: `${field}.value`, index: k, value: val });
    const code = codeOf.get(v);
    if (code === undefined) {
      missid++;
      continue;
    }
    if (step.value !== undefined && val === null && opts.naRm) continue;
    entries.push({ code, time: t, value: val, k });
  }
  entries.sort((a, b) => a.code - b.code || a.time - b.time || a.k - b.k);
  let blocks = blockStarts(rows);
  if (delay > 0 && isTdc) {
    for (const e of entries) {
      const [lo, hi] = [blocks[e.code], blocks[e.code + 1]];
      let minStart = Infinity;
      for (let r = lo; r < hi; r++) minStart = Math.min(minStart, rows.tstart[r]);
      if (e.time > minStart) e.time += delay;
    }
  }
  let place = entries.map((e) => locate(rows, blocks, e.code, e.time));
  const counts = { early: 0, late: 0, gap: 0, within: 0, boundary: 0, leading: 0, trailing: 0 };
  for (const p of place) {
    if (p.itype === 1) counts.early++;
    else if (p.itype === 2) counts.late++;
    else if (p.itype === 3) counts.gap++;
    else if (p.itype === 4) counts.within++;
    else if (p.subtype === 1) counts.boundary++;
    else if (p.subtype === 2) counts.leading++;
    else counts.trailing++;
  }
  let tied = 0;
  for (let k = 1; k < entries.length; k++) {
    if (entries[k].code === entries[k - 1].code) {
      // R: sum(duplicated(x)) per id — any earlier entry of the id with the same time.
      let dup = false;
      for (let j = k - 1; j >= 0 && entries[j].code === entries[k].code; j--) {
        if (entries[j].time === entries[k].time) {
          dup = true;
          break;
        }
      }
      if (dup) tied++;
    }
  }
  tcount.push({ name, ...counts, tied, missid });
  // Split the intervals that contain an entry strictly inside.
  const cutsByRow = new Map<number, number[]>();
  place.forEach((p, k) => {
    if (p.itype !== 4) return;
    const list = cutsByRow.get(p.indx1) ?? [];
    const t = entries[k].time;
    if (!list.includes(t)) list.push(t);
    cutsByRow.set(p.indx1, list);
  });
  if (cutsByRow.size > 0) {
    splitRows(rows, cutsByRow, eventNames);
    blocks = blockStarts(rows);
    place = entries.map((e) => locate(rows, blocks, e.code, e.time));
  }
  const nRows = rows.code.length;
  const existing = rows.columns.get(name);
  if (type === "tdc") {
    const index = lastAtOrBefore(rows, entries);
    let col: (number | null)[];
    if (existing !== undefined && tdcNames.includes(name)) {
      col = existing;
      for (let r = 0; r < nRows; r++) {
        if (index[r] < 0) continue;
        col[r] = step.value === undefined ? 1 : entries[index[r]].value;
      }
    } else {
      col = new Array<number | null>(nRows);
      for (let r = 0; r < nRows; r++) {
        if (step.value === undefined) col[r] = index[r] < 0 ? 0 : 1;
        else col[r] = index[r] < 0 ? init : entries[index[r]].value;
      }
    }
    rows.columns.set(name, col);
    if (!tdcNames.includes(name)) tdcNames.push(name);
    return;
  }
  if (type === "cumtdc") {
    let col: (number | null)[];
    if (existing !== undefined) col = existing;
    else col = new Array<number | null>(nRows).fill(step.value === undefined ? 0 : init);
    const kept = entries.filter((_, k) => place[k].itype !== 2);
    let k = 0;
    let prevCode = -1;
    let csum = 0;
    let hasOne = false;
    for (let r = 0; r < nRows; r++) {
      if (rows.code[r] !== prevCode) {
        csum = 0;
        hasOne = false;
        prevCode = rows.code[r];
      }
      while (k < kept.length && kept[k].code < rows.code[r]) k++;
      while (k < kept.length && kept[k].code === rows.code[r] && kept[k].time <= rows.tstart[r]) {
        csum += kept[k].value ?? (step.value === undefined ? 1 : Number.NaN);
        hasOne = true;
        k++;
      }
      if (hasOne) col[r] = col[r] === null ? csum : (col[r] as number) + csum;
    }
    rows.columns.set(
      name,
      col.map((v) => (v !== null && Number.isNaN(v) ? null : v)),
    );
    if (!tdcNames.includes(name)) tdcNames.push(name);
    return;
  }
  // event / cumevent
  const increments = entries.map((e) => (step.value === undefined ? 1 : e.value));
  let values: (number | null)[] = increments;
  let keepNonZero: boolean[] = increments.map(() => true);
  if (type === "cumevent") {
    keepNonZero = increments.map((v) => v !== 0);
    values = [];
    let sum = 0;
    let prevCode = -1;
    entries.forEach((e, k) => {
      if (e.code !== prevCode) {
        sum = 0;
        prevCode = e.code;
      }
      const v = increments[k];
      sum = v === null || Number.isNaN(sum) ? Number.NaN : sum + v;
      values.push(Number.isNaN(sum) ? null : sum);
    });
  }
  const col = existing !== undefined && eventNames.includes(name) ? existing : new Array<number | null>(nRows).fill(0);
  place.forEach((p, k) => {
    if ((p.subtype === 1 || p.subtype === 3) && keepNonZero[k]) col[p.indx2] = values[k];
  });
  rows.columns.set(name, col);
  if (!eventNames.includes(name)) eventNames.push(name);
  const t = tdcNames.indexOf(name);
  if (t >= 0) tdcNames.splice(t, 1);
}

/** First row of each id's block (rows are grouped by id code, ascending), plus the end. */
function blockStarts(rows: Rows): Int32Array {
  const nIds = rows.code.length === 0 ? 0 : Math.max(...rows.code) + 1;
  const starts = new Int32Array(nIds + 1).fill(-1);
  for (let r = rows.code.length - 1; r >= 0; r--) starts[rows.code[r]] = r;
  starts[nIds] = rows.code.length;
  for (let c = nIds - 1; c >= 0; c--) if (starts[c] < 0) starts[c] = starts[c + 1];
  return starts;
}

/**
 * R's neardate "prior" on the starts (indx1: last row of the id with tstart ≤ t) and "after" on the
 * stops (indx2: first row with tstop ≥ t), and tmerge's itype/subtype: 1 early, 2 late, 3 gap, 4 within,
 * 5 at a boundary with subtype 1 between two adjacent rows, 2 leading, 3 trailing.
 */
function locate(
  rows: Rows,
  blocks: Int32Array,
  code: number,
  t: number,
): { indx1: number; indx2: number; itype: number; subtype: number } {
  const lo = blocks[code];
  const hi = blocks[code + 1];
  let indx1 = -1;
  for (let r = hi - 1; r >= lo; r--) {
    if (rows.tstart[r] <= t) {
      indx1 = r;
      break;
    }
  }
  let indx2 = -1;
  for (let r = lo; r < hi; r++) {
    if (rows.tstop[r] >= t) {
      indx2 = r;
      break;
    }
  }
  let itype: number;
  if (indx1 < 0) itype = 1;
  else if (indx2 < 0) itype = 2;
  else if (indx2 > indx1) itype = 3;
  else if (t === rows.tstart[indx1] || t === rows.tstop[indx2]) itype = 5;
  else itype = 4;
  const subtype = itype !== 5 ? 0 : indx1 === indx2 + 1 ? 1 : t === rows.tstart[indx1] ? 2 : 3;
  return { indx1, indx2, itype, subtype };
}

/** Inserts the cut times into their rows; existing event variables are censored (0) on the earlier pieces. */
function splitRows(rows: Rows, cutsByRow: Map<number, number[]>, eventNames: readonly string[]): void {
  const next: Rows = { code: [], tstart: [], tstop: [], columns: new Map() };
  const names = [...rows.columns.keys()];
  for (const nm of names) next.columns.set(nm, []);
  for (let r = 0; r < rows.code.length; r++) {
    const cuts = (cutsByRow.get(r) ?? []).slice().sort((a, b) => a - b);
    let s = rows.tstart[r];
    for (let j = 0; j <= cuts.length; j++) {
      const last = j === cuts.length;
      next.code.push(rows.code[r]);
      next.tstart.push(s);
      next.tstop.push(last ? rows.tstop[r] : cuts[j]);
      for (const nm of names) {
        const v = rows.columns.get(nm)![r];
        next.columns.get(nm)!.push(!last && eventNames.includes(nm) ? 0 : v);
      }
      if (!last) s = cuts[j];
    }
  }
  rows.code = next.code;
  rows.tstart = next.tstart;
  rows.tstop = next.tstop;
  rows.columns = next.columns;
}

/** For each row, the index of the last entry of its id with time ≤ the row's start (tmerge2.c), or −1. */
function lastAtOrBefore(rows: Rows, entries: readonly { code: number; time: number }[]): Int32Array {
  const out = new Int32Array(rows.code.length).fill(-1);
  let k = 0;
  for (let r = 0; r < rows.code.length; r++) {
    while (k < entries.length && entries[k].code < rows.code[r]) k++;
    let j = k;
    while (j < entries.length && entries[j].code === rows.code[r] && entries[j].time <= rows.tstart[r]) {
      out[r] = j;
      j++;
    }
  }
  return out;
}

function arrayLength(a: unknown, field: string): number {
  if (a === null || typeof a !== "object" || typeof (a as ArrayLike<unknown>).length !== "number")
    throw new InputError("must be an array", { field, value: a });
  return (a as ArrayLike<unknown>).length;
}

function isId(v: unknown): v is Id {
  return (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && v !== "");
}
