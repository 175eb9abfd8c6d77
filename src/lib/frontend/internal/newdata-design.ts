import { InputError } from "../../core/errors";
import {
  combineFactors,
  covariateFrame,
  type FormulaData,
  type FrameColumn,
  modelMatrix,
  parseFormula,
} from "../../formula";

/** The design of new rows for a fitted formula model, in the fit's column order. */
export interface NewdataDesign {
  /** The fit's coefficient names, one column each. */
  readonly names: readonly string[];
  /** One Float64Array per coefficient, over the new rows. */
  readonly columns: readonly Float64Array[];
  /** Index of each new row's stratum in the fit's strata levels, or null for an unstratified fit. */
  readonly strata: Int32Array | null;
  readonly n: number;
}

/** What a formula fit records about its design (coxph and survreg fits). */
export interface FittedDesign {
  readonly formula: string;
  readonly xlevels: Readonly<Record<string, readonly string[]>>;
  /** The fit's design-column names (no intercept). */
  readonly names: readonly string[];
  readonly strata: { readonly variables: readonly string[]; readonly levels: readonly string[] } | null;
}

type Factor = Extract<FrameColumn, { kind: "factor" }>;

/**
 * New rows coded exactly as a fit's own design (R's `model.matrix(fit, newdata)` with `xlev = fit$xlevels`); with
 * `needStrata` false a stratified fit's newdata may leave the strata variables out (strata null then).
 */
export function newdataDesign(fit: FittedDesign, newdata: FormulaData, needStrata = true): NewdataDesign {
  return codedNewdata(fit, newdata, needStrata).design;
}

/**
 * newdataDesign plus each new row's covariate values as `name=value` (`arm=b, age=60`; strata variables left out),
 * R's way of naming a level, for the labels of predicted curves.
 */
export function newdataDesignWithLabels(
  fit: FittedDesign,
  newdata: FormulaData,
  needStrata: boolean,
): NewdataDesign & { readonly rowLabels: readonly string[] } {
  const { design, frame } = codedNewdata(fit, newdata, needStrata);
  const shown = frame.formula.variables.flatMap((v, k) => (v.role === "covariate" ? [{ label: v.label, k }] : []));
  const rowLabels = Array.from({ length: frame.n }, (_, i) =>
    shown.map(({ label, k }) => `${label}=${cellText(frame.columns[k], i)}`).join(", "),
  );
  return { ...design, rowLabels };
}

function codedNewdata(fit: FittedDesign, newdata: FormulaData, needStrata: boolean) {
  const parsed = parseFormula(fit.formula);
  const strataVars = parsed.variables.map((v, k) => ({ v, k })).filter(({ v }) => v.role === "strata");
  const hasStrataColumns = strataVars.every(({ v }) => hasVariables(newdata, v.node));
  const useStrata = fit.strata !== null && (needStrata || hasStrataColumns);
  // Without the strata columns, the formula's strata() terms are left out of the evaluation.
  const formula = useStrata || strataVars.length === 0 ? parsed : withoutStrata(parsed);
  const frame = covariateFrame(formula, newdata, fit.xlevels);
  const matrix = modelMatrix(frame);
  const names = fit.names;
  if (matrix.names.length !== names.length || matrix.names.some((name, j) => name !== names[j]))
    throw new InputError(`newdata gives columns ${matrix.names.join(", ")}, the fit has ${names.join(", ")}`, {
      field: "newdata",
      value: matrix.names,
    });
  let strata: Int32Array | null = null;
  if (useStrata && fit.strata) {
    const { codes, levels } = combineFactors(
      strataVars.map(({ k }) => frame.columns[k] as Factor),
      strataVars.map(() => ""),
      false,
    );
    const index = new Map(fit.strata.levels.map((l, k) => [l, k]));
    strata = new Int32Array(frame.n);
    for (let i = 0; i < frame.n; i++) {
      const k = index.get(levels[codes[i]]);
      if (k === undefined)
        throw new InputError(`stratum ${levels[codes[i]]} is not one of the fit's strata`, {
          field: fit.strata.variables.join(", "),
          index: i,
          value: levels[codes[i]],
        });
      strata[i] = k;
    }
  }
  return { design: { names, columns: matrix.columns as Float64Array[], strata, n: frame.n } as NewdataDesign, frame };
}

/** One evaluated cell as R prints it in a label: a factor's level, TRUE/FALSE, a number in its shortest form. */
function cellText(column: FrameColumn, i: number): string {
  switch (column.kind) {
    case "factor":
      return column.levels[column.codes[i]];
    case "character":
      return String(column.values[i]);
    case "logical":
      return column.values[i] === 1 ? "TRUE" : "FALSE";
    default:
      return String(column.values[i]);
  }
}

type Parsed = ReturnType<typeof parseFormula>;

/** The parsed formula with its strata() main effects removed (their variables are not evaluated). */
function withoutStrata(parsed: Parsed): Parsed {
  const keep = parsed.variables.map((v) => v.role !== "strata");
  const inInteraction = parsed.terms.some((t) => t.order > 1 && t.variables.some((v) => !keep[v]));
  if (inInteraction)
    throw new InputError("the fit has strata() in an interaction: newdata needs the strata variables", {
      field: "newdata",
      value: parsed.label,
    });
  const newIndex = new Map<number, number>();
  const variables = parsed.variables.filter((_, k) => {
    if (!keep[k]) return false;
    newIndex.set(k, newIndex.size);
    return true;
  });
  const terms = parsed.terms
    .filter((t) => t.variables.every((v) => keep[v]))
    .map((t) => ({ ...t, variables: t.variables.map((v) => newIndex.get(v)!) }));
  return { ...parsed, variables, terms };
}

/** Whether the data has every column a strata() call reads. */
function hasVariables(newdata: FormulaData, node: unknown): boolean {
  const names: string[] = [];
  const walk = (n: unknown): void => {
    if (n === null || typeof n !== "object") return;
    const o = n as Record<string, unknown>;
    if (o.type === "name" && typeof o.name === "string") names.push(o.name);
    for (const v of Object.values(o)) if (typeof v === "object") walk(v);
  };
  walk(node);
  const columns = columnNames(newdata);
  return names.every((nm) => columns.has(nm));
}

function columnNames(newdata: FormulaData): Set<string> {
  if (Array.isArray(newdata)) return new Set(newdata.length ? Object.keys(newdata[0] as object) : []);
  const d = newdata as unknown as { columns?: unknown };
  if (d && typeof d === "object" && Array.isArray(d.columns) && d.columns.every((c) => typeof c === "string"))
    return new Set(d.columns as string[]);
  return new Set(Object.keys(newdata as object));
}
