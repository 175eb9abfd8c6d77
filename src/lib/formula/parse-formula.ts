import { checkOptions } from "../core/check-options";
import type { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { deparse, formulaError, type Node, parseExpression } from "./internal/syntax";

export type { Argument, Node } from "./internal/syntax";

/** The response `Surv(time, event)` or `Surv(start, stop, event)` of a formula. */
export interface FormulaResponse {
  /** "right" for Surv(time, event) or Surv(time), "counting" for Surv(start, stop, event). */
  readonly kind: "right" | "counting";
  /** Expression of the entry time (counting process only), else null. */
  readonly start: Node | null;
  /** Expression of the event or censoring time (the stop time of a counting-process row). */
  readonly time: Node;
  /** Expression of the status; null for Surv(time), where every row is an event (as R). */
  readonly event: Node | null;
  /** R's deparse of the response, e.g. "Surv(time, status)". */
  readonly label: string;
}

/**
 * A variable of the right-hand side, as R's terms() lists them: a column name or an expression, named by R's
 * deparse (`age`, `factor(ph.ecog)`, `log(bili)`, `strata(inst)`).
 */
export interface FormulaVariable {
  readonly label: string;
  /** "strata" for strata(...), "cluster" for cluster(...), else "covariate". */
  readonly role: "covariate" | "strata" | "cluster";
  readonly node: Node;
}

/** A term of the right-hand side (a main effect or an interaction), in R's order: by degree, then as written. */
export interface FormulaTerm {
  /** R's term label, variables joined by ":" in the order they first appear (`age`, `factor(ph.ecog):sex`). */
  readonly label: string;
  /** Indices into {@link ParsedFormula.variables}, ascending. */
  readonly variables: readonly number[];
  /**
   * R's attr(terms, "factors") column for this term: per variable of the term, 1 when a categorical variable is
   * coded by contrasts (the term without it is the intercept or contained in an earlier term), 2 when it gets one
   * column per level. Numeric variables ignore it.
   */
  readonly coding: readonly (1 | 2)[];
  /** Number of variables (R's attr(terms, "order")). */
  readonly order: number;
}

/** A formula parsed into R's terms: what every front end (coxph, survfit, survdiff) builds its model frame from. */
export interface ParsedFormula {
  readonly text: string;
  readonly response: FormulaResponse;
  readonly variables: readonly FormulaVariable[];
  readonly terms: readonly FormulaTerm[];
  /** False after `+ 0` or `- 1` (coxph ignores it, as R: a Cox model has no intercept to remove). */
  readonly intercept: boolean;
  /** The formula as R deparses it (`Surv(time, status) ~ age + factor(ph.ecog)`): spacing normalized. */
  readonly label: string;
}

export interface ParseFormulaOptions {
  /**
   * Column names of the data, to expand `.` (every column not on the left side), as R's terms(data =); a function
   * is called only when the formula has a `.`.
   */
  readonly columns?: readonly string[] | (() => readonly string[]);
}

/** Functions the right side understands; anything else is an InputError naming it. */
const RHS_CALLS = new Set([
  "factor",
  "as.factor",
  "strata",
  "cluster",
  "I",
  "log",
  "log2",
  "log10",
  "log1p",
  "exp",
  "sqrt",
  "abs",
  "floor",
  "ceiling",
  "as.numeric",
  "is.na",
]);

/** R functions a user may try that this front end does not implement, with what to do instead. */
const NOT_SUPPORTED: Readonly<Record<string, string>> = {
  tt: "time-transformed covariates (tt) are not supported: split the data with survSplit-style rows instead",
  pspline: "penalized splines (pspline) are not supported",
  ns: "spline bases (ns) are not supported",
  bs: "spline bases (bs) are not supported",
  poly: "polynomial bases (poly) are not supported: use I(x^2)",
  frailty: "frailty terms are not supported: use cluster() for a robust variance",
  ridge: "ridge penalties are not supported",
  offset: "offset terms are not supported",
  Surv: "Surv() belongs on the left of ~",
};

/**
 * Parses an R model formula for the survival front ends (coxph, survfit, survdiff) into R's terms: the
 * `Surv(...)` response, the variables and the terms in R's order with R's labels and contrast coding.
 *
 * The supported subset of R's syntax:
 * - left: `Surv(time, event)`, `Surv(time)` (all events), `Surv(start, stop, event)`; the arguments are names
 *   or expressions (`Surv(time, status == 2)`, `Surv(time / 30.44, dead)`);
 * - right: names (letters, digits, `.` and `_`, or any text in backticks), `factor(x)`, `strata(x, ...)`,
 *   `cluster(id)`, `I(expression)`, `log()`, `log2()`, `log10()`, `log1p()`, `exp()`, `sqrt()`, `abs()`,
 *   `floor()`, `ceiling()`, `as.numeric()`, `is.na()`, comparisons as variables (`age > 60`), `.` (all other
 *   columns);
 * - operators: `+`, `:` and `%in%` (interaction), `*` (`a*b` = `a + b + a:b`), `^` (`(a + b + c)^2`: all
 *   interactions up to order 2), `/` (`a/b` = `a + a:b`), `-` (drop a term), parentheses, `+ 0`, `- 1`, `+ 1`;
 * - inside expressions: `+ - * / ^`, comparisons `== != < > <= >=`, `! & | && ||`, numbers, "strings",
 *   TRUE/FALSE.
 * Everything else (`tt()`, `pspline()`, `frailty()`, `offset()`, `x[1]`, `%o%`, …) is an InputError that
 * names the token, its position and shows a caret under it. Term order and labels follow R's terms.formula:
 * terms sorted by degree (stable), variables labelled by R's deparse, duplicates dropped, and the contrast
 * coding of a categorical variable in a term decided by R's rule (TermCode in R's model.c).
 *
 * R: `terms(Surv(time, status) ~ ..., specials = c("strata", "cluster"))`. SPSS has no formula language
 * (COXREG lists covariates and /CATEGORICAL). Cost: O(length of the text + terms²).
 *
 * @example
 * parseFormula("Surv(time, status) ~ factor(ph.ecog)*sex + age").terms.map((t) => t.label)
 * // ["factor(ph.ecog)", "sex", "age", "factor(ph.ecog):sex"]
 */
export function parseFormula(text: string, options: ParseFormulaOptions = {}): ParsedFormula {
  checkOptions(options);
  const tree = parseExpression(text);
  let lhs: Node | null = null;
  let rhs: Node;
  if (tree.type === "binary" && tree.op === "~") {
    lhs = tree.left;
    rhs = tree.right;
  } else if (tree.type === "unary" && tree.op === "~") {
    rhs = tree.operand;
  } else {
    throw formulaError(text, tree.start, tree.end, 'a formula needs "~": Surv(time, event) ~ terms');
  }
  if (lhs === null)
    throw formulaError(text, 0, 1, "the formula has no response: write Surv(time, event) on the left of ~");
  if (rhs.type === "binary" && rhs.op === "~") throw formulaError(text, rhs.opStart, rhs.opStart + 1, "a second ~");
  const response = parseResponse(text, lhs);
  const builder = new TermBuilder(text, response, options.columns);
  const expanded = builder.encode(rhs);
  const variables = builder.variables;
  // R sorts terms by degree, keeping the written order within a degree.
  const terms = expanded.terms
    .map((vars, k) => ({ vars, k }))
    .sort((a, b) => a.vars.length - b.vars.length || a.k - b.k)
    .map((t) => t.vars);
  const out: FormulaTerm[] = terms.map((vars, k) => ({
    label: vars.map((v) => variables[v].label).join(":"),
    variables: vars,
    coding: vars.map((v) => termCode(terms, k, v)),
    order: vars.length,
  }));
  for (const term of out) {
    const roles = term.variables.map((v) => variables[v].role);
    const cluster = term.variables.find((v) => variables[v].role === "cluster");
    if (cluster !== undefined && term.order > 1) {
      const node = variables[cluster].node;
      throw formulaError(text, node.start, node.end, "cluster() cannot be in an interaction (as in R)");
    }
    if (roles.filter((r) => r === "strata").length > 1) {
      const node = variables[term.variables[1]].node;
      throw formulaError(text, node.start, node.end, "an interaction of two strata() terms: write strata(a, b)");
    }
  }
  if (out.filter((t) => t.order === 1 && variables[t.variables[0]].role === "cluster").length > 1) {
    const second = out.filter((t) => variables[t.variables[0]].role === "cluster")[1];
    const node = variables[second.variables[0]].node;
    throw formulaError(text, node.start, node.end, "a formula cannot have two cluster() terms (as in R)");
  }
  const label = `${response.label} ~ ${deparse(rhs)}`;
  return deepFreeze({ text, response, variables, terms: out, intercept: expanded.intercept ?? true, label });
}

/**
 * R's TermCode: variable v of term k is coded by contrasts (1) when the term without v is empty or is contained in
 * an earlier term, else by one indicator per level (2).
 */
function termCode(terms: readonly (readonly number[])[], k: number, v: number): 1 | 2 {
  const rest = terms[k].filter((x) => x !== v);
  if (rest.length === 0) return 1;
  for (let j = 0; j < k; j++) if (rest.every((x) => terms[j].includes(x))) return 1;
  return 2;
}

function parseResponse(text: string, lhs: Node): FormulaResponse {
  if (lhs.type !== "call" || lhs.fn !== "Surv")
    throw formulaError(text, lhs.start, lhs.end, "the left side must be Surv(time, event) or Surv(start, stop, event)");
  const positional: Node[] = [];
  const named: Record<string, Node> = {};
  for (const arg of lhs.args) {
    if (arg.name === null) positional.push(arg.value);
    else if (arg.name === "time" || arg.name === "time2" || arg.name === "event") named[arg.name] = arg.value;
    else if (arg.name === "type") {
      const v = arg.value;
      if (!(v.type === "string" && (v.value === "right" || v.value === "counting")))
        throw formulaError(text, v.start, v.end, 'only type = "right" or "counting" is supported');
    } else throw formulaError(text, arg.value.start, arg.value.end, `Surv() has no argument "${arg.name}" here`);
  }
  // R matches Surv(a, b) as (time, event) and Surv(a, b, c) as (time, time2, event).
  const slots: (Node | undefined)[] = [named.time, named.time2, named.event];
  const order = positional.length + Object.keys(named).length === 2 && !named.time2 ? [0, 2, 1] : [0, 1, 2];
  for (const node of positional) {
    const slot = order.find((s) => slots[s] === undefined);
    if (slot === undefined) throw formulaError(text, node.start, node.end, "Surv() takes at most 3 arguments here");
    slots[slot] = node;
  }
  const [time, time2, event] = slots;
  if (!time) throw formulaError(text, lhs.start, lhs.end, "Surv() needs a time");
  const label = deparse(lhs);
  if (time2) {
    if (!event) throw formulaError(text, lhs.start, lhs.end, "Surv(start, stop, event) needs an event");
    return { kind: "counting", start: time, time: time2, event, label };
  }
  return { kind: "right", start: null, time, event: event ?? null, label };
}

interface Expanded {
  terms: number[][];
  intercept: boolean | null;
}

/** R's terms.formula algebra over the right-hand side, numbering variables in order of appearance. */
class TermBuilder {
  readonly variables: FormulaVariable[] = [];
  private readonly index = new Map<string, number>();
  private readonly responseNames: Set<string>;

  constructor(
    private readonly text: string,
    response: FormulaResponse,
    private readonly columns: readonly string[] | (() => readonly string[]) | undefined,
  ) {
    this.responseNames = new Set([response.start, response.time, response.event].flatMap((n) => (n ? namesIn(n) : [])));
  }

  encode(node: Node): Expanded {
    switch (node.type) {
      case "paren":
        return this.encode(node.inner);
      case "number":
        if (node.value === 1) return { terms: [], intercept: true };
        if (node.value === 0) return { terms: [], intercept: false };
        throw this.error(node, `a number other than 0 or 1 is not a term (write I(${deparse(node)}) for a constant)`);
      case "dot":
        return this.dot(node);
      case "unary":
        if (node.op === "-" && node.operand.type === "number" && (node.operand.value === 1 || node.operand.value === 0))
          return { terms: [], intercept: node.operand.value === 0 };
        if (node.op === "+") return this.encode(node.operand);
        if (node.op === "!") return this.variable(node);
        throw this.error(node, `unary "${node.op}" is only supported as "- 1"`);
      case "binary":
        return this.binary(node);
      case "call":
        return this.call(node);
      case "name":
      case "string":
      case "logical":
        if (node.type !== "name") throw this.error(node, "a constant is not a term");
        return this.variable(node);
    }
  }

  private binary(node: Extract<Node, { type: "binary" }>): Expanded {
    switch (node.op) {
      case "+": {
        const l = this.encode(node.left);
        const r = this.encode(node.right);
        return { terms: union(l.terms, r.terms), intercept: r.intercept ?? l.intercept };
      }
      case "-": {
        const l = this.encode(node.left);
        const r = this.encode(node.right);
        const isNumber = node.right.type === "number";
        let intercept = l.intercept;
        if (isNumber) intercept = (node.right as { value: number }).value === 0;
        const drop = new Set(r.terms.map(key));
        return { terms: l.terms.filter((t) => !drop.has(key(t))), intercept };
      }
      case ":":
      case "%in%": {
        const l = this.encode(node.left);
        const r = this.encode(node.right);
        return { terms: cross(l.terms, r.terms), intercept: null };
      }
      case "*": {
        const l = this.encode(node.left);
        const r = this.encode(node.right);
        return { terms: union(union(l.terms, r.terms), cross(l.terms, r.terms)), intercept: null };
      }
      case "/": {
        const l = this.encode(node.left);
        const r = this.encode(node.right);
        const all = [...new Set(l.terms.flat())].sort((a, b) => a - b);
        return { terms: union(l.terms, cross([all], r.terms)), intercept: null };
      }
      case "^": {
        const power = node.right;
        if (!(power.type === "number" && Number.isInteger(power.value) && power.value >= 1))
          throw this.error(power, "the power of a formula term must be a whole number ≥ 1");
        const l = this.encode(node.left);
        let terms = l.terms;
        for (let k = 1; k < power.value; k++) terms = union(terms, cross(terms, l.terms));
        return { terms, intercept: null };
      }
      default:
        // Comparisons and logical operators make a variable, as in R (`age > 60` gives "age > 60TRUE").
        return this.variable(node);
    }
  }

  private call(node: Extract<Node, { type: "call" }>): Expanded {
    if (NOT_SUPPORTED[node.fn]) throw this.errorAt(node.start, node.start + node.fn.length, NOT_SUPPORTED[node.fn]);
    if (!RHS_CALLS.has(node.fn))
      throw this.errorAt(
        node.start,
        node.start + node.fn.length,
        `function ${node.fn}() is not supported (supported: ${[...RHS_CALLS].join(", ")})`,
      );
    if (node.fn === "strata") {
      if (node.args.length === 0) throw this.error(node, "strata() needs at least one variable");
      for (const a of node.args)
        if (a.name !== null) throw this.error(a.value, `strata() options such as ${a.name} = are not supported`);
    } else {
      if (node.args.length !== 1 || node.args[0].name !== null)
        throw this.error(node, `${node.fn}() takes exactly one unnamed argument here`);
    }
    return this.variable(node);
  }

  private dot(node: Node): Expanded {
    if (!this.columns) throw this.error(node, '"." needs the data\'s column names to expand');
    const columns = typeof this.columns === "function" ? this.columns() : this.columns;
    const terms: number[][] = [];
    for (const column of columns) {
      if (this.responseNames.has(column)) continue;
      const name: Node = { type: "name", name: column, backtick: true, start: node.start, end: node.end };
      terms.push(...this.variable(name).terms);
    }
    return { terms, intercept: null };
  }

  private variable(node: Node): Expanded {
    const label = deparse(node);
    let k = this.index.get(label);
    if (k === undefined) {
      k = this.variables.length;
      const role = node.type === "call" && (node.fn === "strata" || node.fn === "cluster") ? node.fn : "covariate";
      this.variables.push({ label, role, node });
      this.index.set(label, k);
    }
    return { terms: [[k]], intercept: null };
  }

  private error(node: Node, message: string): InputError {
    return formulaError(this.text, node.start, node.end, message);
  }

  private errorAt(start: number, end: number, message: string): InputError {
    return formulaError(this.text, start, end, message);
  }
}

function key(term: readonly number[]): string {
  return term.join(",");
}

function union(a: number[][], b: number[][]): number[][] {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const t of b) {
    if (!seen.has(key(t))) {
      seen.add(key(t));
      out.push(t);
    }
  }
  return out;
}

function cross(a: number[][], b: number[][]): number[][] {
  const out: number[][] = [];
  const seen = new Set<string>();
  // R's InteractTerms: left terms outer, right terms inner.
  for (const l of a) {
    for (const r of b) {
      const t = [...new Set([...l, ...r])].sort((x, y) => x - y);
      if (!seen.has(key(t))) {
        seen.add(key(t));
        out.push(t);
      }
    }
  }
  return out;
}

/** Column names an expression reads. */
export function namesIn(node: Node): string[] {
  switch (node.type) {
    case "name":
      return [node.name];
    case "call":
      return node.args.flatMap((a) => namesIn(a.value));
    case "binary":
      return [...namesIn(node.left), ...namesIn(node.right)];
    case "unary":
      return namesIn(node.operand);
    case "paren":
      return namesIn(node.inner);
    default:
      return [];
  }
}
