import { InputError } from "../../core/errors";

/**
 * The syntax tree of an R model formula or expression, with character positions (0-based, end exclusive)
 * into the formula text so that every error can point at the token that caused it.
 */
export type Node =
  | {
      readonly type: "name";
      readonly name: string;
      readonly backtick: boolean;
      readonly start: number;
      readonly end: number;
    }
  | { readonly type: "number"; readonly value: number; readonly start: number; readonly end: number }
  | { readonly type: "string"; readonly value: string; readonly start: number; readonly end: number }
  | { readonly type: "logical"; readonly value: boolean; readonly start: number; readonly end: number }
  | { readonly type: "dot"; readonly start: number; readonly end: number }
  | {
      readonly type: "call";
      readonly fn: string;
      readonly args: readonly Argument[];
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly type: "binary";
      readonly op: string;
      readonly left: Node;
      readonly right: Node;
      readonly opStart: number;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly type: "unary";
      readonly op: string;
      readonly operand: Node;
      readonly start: number;
      readonly end: number;
    }
  | { readonly type: "paren"; readonly inner: Node; readonly start: number; readonly end: number };

/** A call argument, `value` or `name = value`. */
export interface Argument {
  readonly name: string | null;
  readonly value: Node;
}

interface Token {
  readonly kind: "name" | "backtick" | "number" | "string" | "op" | "end";
  readonly text: string;
  readonly value?: number | string;
  readonly start: number;
  readonly end: number;
}

/**
 * The error of a formula: names the token, its 0-based position, and shows the formula with a caret line under
 * the token, so a user sees where it went wrong.
 */
export function formulaError(text: string, start: number, end: number, message: string, field = "formula"): InputError {
  const width = Math.max(1, end - start);
  const caret = `${" ".repeat(start)}${"^".repeat(width)}`;
  return new InputError(`${message}\n  ${text}\n  ${caret}`, {
    field,
    index: start,
    value: text.slice(start, Math.max(end, start + 1)),
  });
}

const OPERATORS = ["%in%", "::", "==", "!=", "<=", ">=", "&&", "||", "~", "+", "-", "*", "/", "^", ":", "(", ")"];
const SINGLE = new Set([
  "~",
  "+",
  "-",
  "*",
  "/",
  "^",
  ":",
  "(",
  ")",
  ",",
  "=",
  "<",
  ">",
  "!",
  "&",
  "|",
  "[",
  "]",
  "$",
  "@",
]);

function tokenize(text: string, field: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)L?/.exec(text.slice(i))!;
      const raw = m[0];
      tokens.push({ kind: "number", text: raw, value: Number(raw.replace(/L$/, "")), start, end: i + raw.length });
      i += raw.length;
      continue;
    }
    if (/[A-Za-z.]/.test(c)) {
      const m = /^[A-Za-z.][A-Za-z0-9._]*/.exec(text.slice(i))!;
      tokens.push({ kind: "name", text: m[0], start, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if (c === "`") {
      const close = text.indexOf("`", i + 1);
      if (close < 0) throw formulaError(text, start, n, "unterminated `backtick` name", field);
      tokens.push({
        kind: "backtick",
        text: text.slice(i, close + 1),
        value: text.slice(i + 1, close),
        start,
        end: close + 1,
      });
      i = close + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = "";
      while (j < n && text[j] !== c) {
        if (text[j] === "\\" && j + 1 < n) {
          const e = text[j + 1];
          value += e === "n" ? "\n" : e === "t" ? "\t" : e;
          j += 2;
        } else value += text[j++];
      }
      if (j >= n) throw formulaError(text, start, n, "unterminated string", field);
      tokens.push({ kind: "string", text: text.slice(i, j + 1), value, start, end: j + 1 });
      i = j + 1;
      continue;
    }
    if (c === "%") {
      const close = text.indexOf("%", i + 1);
      const op = close < 0 ? text.slice(i) : text.slice(i, close + 1);
      if (op !== "%in%") throw formulaError(text, start, start + op.length, `operator ${op} is not supported`, field);
      tokens.push({ kind: "op", text: op, start, end: i + op.length });
      i += op.length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (OPERATORS.includes(two)) {
      tokens.push({ kind: "op", text: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    if (SINGLE.has(c)) {
      tokens.push({ kind: "op", text: c, start, end: i + 1 });
      i++;
      continue;
    }
    throw formulaError(text, start, start + 1, `unexpected character ${JSON.stringify(c)}`, field);
  }
  tokens.push({ kind: "end", text: "", start: n, end: n });
  return tokens;
}

/** Binding powers of R's binary operators (?Syntax): higher binds tighter. */
const BINARY: Readonly<Record<string, { lbp: number; right: boolean }>> = {
  "~": { lbp: 10, right: false },
  "|": { lbp: 20, right: false },
  "||": { lbp: 20, right: false },
  "&": { lbp: 30, right: false },
  "&&": { lbp: 30, right: false },
  "==": { lbp: 50, right: false },
  "!=": { lbp: 50, right: false },
  "<": { lbp: 50, right: false },
  ">": { lbp: 50, right: false },
  "<=": { lbp: 50, right: false },
  ">=": { lbp: 50, right: false },
  "+": { lbp: 60, right: false },
  "-": { lbp: 60, right: false },
  "*": { lbp: 70, right: false },
  "/": { lbp: 70, right: false },
  "%in%": { lbp: 80, right: false },
  ":": { lbp: 90, right: false },
  "^": { lbp: 110, right: true },
};
const UNARY_MINUS_BP = 100;
const NOT_BP = 40;

/** Namespaces whose prefix is dropped, as coxph's removeDoubleColonSurv does for survival::. */
const NAMESPACES = new Set(["survival", "base", "stats"]);

/**
 * Parses R expression syntax (the subset formulas use) into a {@link Node}: names (with dots, or in backticks),
 * numbers, strings, TRUE/FALSE, calls with positional or named arguments, unary and binary operators with R's
 * precedence, parentheses and the formula dot. Errors name the token and its position.
 */
export function parseExpression(text: string, field = "formula"): Node {
  if (typeof text !== "string")
    throw new InputError(
      field === "formula" ? 'must be a string such as "Surv(time, status) ~ age + sex"' : "must be a string",
      { field, value: text },
    );
  const tokens = tokenize(text, field);
  let pos = 0;
  const peek = (): Token => tokens[pos];
  const next = (): Token => tokens[pos++];
  const fail = (t: Token, message: string): never => {
    throw formulaError(text, t.start, t.kind === "end" ? t.start + 1 : t.end, message, field);
  };
  const expect = (op: string): Token => {
    const t = next();
    if (t.kind !== "op" || t.text !== op)
      fail(
        t,
        t.kind === "end" ? `expected "${op}" before the end of the formula` : `expected "${op}", found "${t.text}"`,
      );
    return t;
  };

  const parse = (rbp: number): Node => {
    let left = prefix();
    for (;;) {
      const t = peek();
      if (t.kind !== "op") {
        if (t.kind === "end") break;
        fail(t, `unexpected "${t.text}": an operator such as + is missing before it`);
      }
      const info = BINARY[t.text];
      if (!info) break;
      if (info.lbp <= rbp) break;
      next();
      const right = parse(info.right ? info.lbp - 1 : info.lbp);
      left = { type: "binary", op: t.text, left, right, opStart: t.start, start: left.start, end: right.end };
    }
    return left;
  };

  const prefix = (): Node => {
    const t = next();
    switch (t.kind) {
      case "number":
        return { type: "number", value: t.value as number, start: t.start, end: t.end };
      case "string":
        return { type: "string", value: t.value as string, start: t.start, end: t.end };
      case "backtick":
        return callOrName(t, t.value as string, true);
      case "name": {
        if (t.text === "TRUE" || t.text === "FALSE")
          return { type: "logical", value: t.text === "TRUE", start: t.start, end: t.end };
        if (t.text === ".") return { type: "dot", start: t.start, end: t.end };
        if (t.text === "NA" || t.text === "NULL" || t.text === "Inf" || t.text === "NaN")
          fail(t, `${t.text} is not supported in a formula`);
        if (peek().kind === "op" && peek().text === "::") {
          if (!NAMESPACES.has(t.text))
            fail(t, `namespace ${t.text}:: is not supported (survival::, base:: and stats:: are)`);
          next();
          const inner = next();
          if (inner.kind !== "name") fail(inner, "expected a function name after ::");
          return callOrName(inner, inner.text, false);
        }
        return callOrName(t, t.text, false);
      }
      case "op": {
        if (t.text === "(") {
          const inner = parse(0);
          const close = expect(")");
          return { type: "paren", inner, start: t.start, end: close.end };
        }
        if (t.text === "-" || t.text === "+") {
          const operand = parse(UNARY_MINUS_BP);
          return { type: "unary", op: t.text, operand, start: t.start, end: operand.end };
        }
        if (t.text === "!") {
          const operand = parse(NOT_BP);
          return { type: "unary", op: "!", operand, start: t.start, end: operand.end };
        }
        if (t.text === "~") {
          const operand = parse(BINARY["~"].lbp);
          return { type: "unary", op: "~", operand, start: t.start, end: operand.end };
        }
        return fail(t, `unexpected "${t.text}"`);
      }
      default:
        return fail(t, "the formula ends too early");
    }
  };

  const callOrName = (t: Token, name: string, backtick: boolean): Node => {
    const after = peek();
    if (after.kind === "op" && (after.text === "[" || after.text === "$" || after.text === "@"))
      fail(after, `indexing with "${after.text}" is not supported: name a column of data instead`);
    if (!(after.kind === "op" && after.text === "("))
      return { type: "name", name, backtick, start: t.start, end: t.end };
    next();
    const args: Argument[] = [];
    if (!(peek().kind === "op" && peek().text === ")")) {
      for (;;) {
        let argName: string | null = null;
        if (
          (peek().kind === "name" || peek().kind === "backtick") &&
          tokens[pos + 1].kind === "op" &&
          tokens[pos + 1].text === "="
        ) {
          const nameToken = next();
          argName = nameToken.kind === "backtick" ? (nameToken.value as string) : nameToken.text;
          next();
        }
        args.push({ name: argName, value: parse(0) });
        const sep = peek();
        if (sep.kind === "op" && sep.text === ",") {
          next();
          continue;
        }
        break;
      }
    }
    const close = expect(")");
    return { type: "call", fn: name, args, start: t.start, end: close.end };
  };

  const tree = parse(0);
  const rest = peek();
  if (rest.kind !== "end") fail(rest, `unexpected "${rest.text}"`);
  return tree;
}

/** R's deparse of a number: as.character's 15 significant digits, fixed or scientific notation by width. */
export function rNumberText(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Inf" : "-Inf";
  if (x === 0) return "0";
  // Shortest digits (up to 15 significant) that represent the value as R prints it.
  let digits = 15;
  for (let d = 1; d <= 15; d++) {
    if (Number(x.toPrecision(d)) === Number(x.toPrecision(15))) {
      digits = d;
      break;
    }
  }
  const sci = x.toExponential(digits - 1); // e.g. "1.5e+5"
  const [mant, exp] = sci.split("e");
  const e = Number(exp);
  const sciText = `${mant}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  const fixedDecimals = Math.max(0, digits - 1 - e);
  const fixedText = Number(x.toPrecision(digits)).toFixed(fixedDecimals);
  // R (scipen = 0) uses fixed notation unless it is wider than scientific.
  return fixedText.length <= sciText.length ? fixedText : sciText;
}

const SPACED = new Set(["+", "-", "*", "==", "!=", "<", ">", "<=", ">=", "&", "&&", "|", "||", "~", "%in%"]);

/** R's deparse() of a node: the text R prints for a term or coefficient (`I(age/10)`, `log(bili)`, `a == 2`). */
export function deparse(node: Node): string {
  switch (node.type) {
    case "name":
      return node.backtick && !/^[A-Za-z.][A-Za-z0-9._]*$/.test(node.name) ? `\`${node.name}\`` : node.name;
    case "number":
      return rNumberText(node.value);
    case "string":
      return JSON.stringify(node.value);
    case "logical":
      return node.value ? "TRUE" : "FALSE";
    case "dot":
      return ".";
    case "call":
      return `${node.fn}(${node.args
        .map((a) => (a.name === null ? deparse(a.value) : `${a.name} = ${deparse(a.value)}`))
        .join(", ")})`;
    case "binary":
      return SPACED.has(node.op)
        ? `${deparse(node.left)} ${node.op} ${deparse(node.right)}`
        : `${deparse(node.left)}${node.op}${deparse(node.right)}`;
    case "unary":
      return node.op === "~" ? `~${deparse(node.operand)}` : `${node.op}${deparse(node.operand)}`;
    case "paren":
      return `(${deparse(node.inner)})`;
  }
}
