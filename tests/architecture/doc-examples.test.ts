import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every `@example` in a doc comment under src/ runs here, and its shown output is checked — the format
 * is README's "Conventions: doc-comment examples":
 *
 * - `@example` on its own line (or `@example slow`: run with a long timeout), the code on the lines after;
 * - names in scope: both entry points' exports (src/lib, src/paper), the exports of the modules in the
 *   example's folder, and its own module's (which win);
 * - a check is an expression statement followed by `// value`, on its last line or on the next comment
 *   line(s); comments after declarations, or before code, are remarks;
 * - the value is a JavaScript literal (numbers, strings, arrays, objects, true/false/null/undefined,
 *   NaN, Infinity), then optionally a remark starting with "(", ":" or "—". Numbers match at the shown
 *   precision (integers exactly); `…` in a string matches any text, as an array element any elements,
 *   as an object member any other keys. `// throws InputError "part of the message"` checks an error.
 */

const ROOT = join(__dirname, "..", "..");
const SLOW_TIMEOUT = 20 * 60_000;

interface Example {
  readonly file: string;
  readonly line: number;
  readonly slow: boolean;
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith(".ts") ? [p] : [];
    });
}

/** The @example blocks of a file's doc comments, with the line each starts on. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, "utf8");
  const out: Example[] = [];
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const startLine = text.slice(0, m.index).split("\n").length;
    const lines = m[0].split("\n").map((l) => l.replace(/^\s*\/?\*\*?\/?\s?/, "").replace(/\s*\*\/$/, ""));
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].includes("@example") && !lines[i].startsWith("@example"))
        throw new Error(`${relative(ROOT, file)}:${startLine + i}: @example must start its line`);
      const tag = /^@example\b(.*)$/.exec(lines[i]);
      if (!tag) continue;
      const title = tag[1].trim();
      if (title !== "" && title !== "slow")
        throw new Error(`${relative(ROOT, file)}:${startLine + i}: code after @example (put it on the next line)`);
      const code: string[] = [];
      let j = i + 1;
      while (j < lines.length && !lines[j].startsWith("@")) code.push(lines[j++]);
      out.push({ file, line: startLine + i, slow: title === "slow", code: code.join("\n").trim() });
      i = j - 1;
    }
  }
  return out;
}

// ---- the shown value: a small parser for JavaScript literals with "…" wildcards ----

type Pattern =
  | { kind: "number"; value: number; tolerance: number }
  | { kind: "string"; parts: string[] }
  | { kind: "array"; items: (Pattern | "…")[] }
  | { kind: "object"; entries: [string, Pattern][]; open: boolean }
  | { kind: "literal"; value: unknown };

class ValueParser {
  pos = 0;
  constructor(readonly text: string) {}

  private skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }
  private peek(): string {
    this.skip();
    return this.text[this.pos] ?? "";
  }
  private expect(ch: string): void {
    if (this.peek() !== ch) throw new Error(`expected "${ch}" at ${this.pos} in ${this.text}`);
    this.pos++;
  }

  value(): Pattern {
    const c = this.peek();
    if (c === "[") return this.array();
    if (c === "{") return this.object();
    if (c === '"' || c === "'") return { kind: "string", parts: this.string().split("…") };
    const rest = this.text.slice(this.pos);
    const num = /^[-−]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/.exec(rest);
    if (num) {
      this.pos += num[0].length;
      return numberPattern(num[0].replace("−", "-"));
    }
    const word = /^[-−]?[A-Za-z_$][\w$]*/.exec(rest);
    if (word) {
      this.pos += word[0].length;
      const w = word[0].replace("−", "-");
      const literals: Record<string, unknown> = {
        true: true,
        false: false,
        null: null,
        undefined: undefined,
        NaN: Number.NaN,
        Infinity: Infinity,
        "-Infinity": -Infinity,
      };
      if (w in literals) return { kind: "literal", value: literals[w] };
    }
    throw new Error(`not a value at "${rest.slice(0, 30)}"`);
  }

  private string(): string {
    const quote = this.text[this.pos++];
    let s = "";
    while (this.pos < this.text.length && this.text[this.pos] !== quote) {
      if (this.text[this.pos] === "\\") {
        const e = this.text[++this.pos];
        s += e === "n" ? "\n" : e === "t" ? "\t" : e;
      } else s += this.text[this.pos];
      this.pos++;
    }
    if (this.text[this.pos] !== quote) throw new Error(`unterminated string in ${this.text}`);
    this.pos++;
    return s;
  }

  private array(): Pattern {
    this.expect("[");
    const items: (Pattern | "…")[] = [];
    while (this.peek() !== "]") {
      if (this.peek() === "…") {
        this.pos++;
        items.push("…");
      } else items.push(this.value());
      if (this.peek() === ",") this.pos++;
      else if (this.peek() !== "]") throw new Error(`expected "," or "]" at ${this.pos} in ${this.text}`);
    }
    this.pos++;
    return { kind: "array", items };
  }

  private object(): Pattern {
    this.expect("{");
    const entries: [string, Pattern][] = [];
    let open = false;
    while (this.peek() !== "}") {
      if (this.peek() === "…") {
        this.pos++;
        open = true;
      } else {
        let key: string;
        if (this.peek() === '"' || this.peek() === "'") key = this.string();
        else {
          const m = /^[\w$.-]+/.exec(this.text.slice(this.pos));
          if (!m) throw new Error(`expected a key at ${this.pos} in ${this.text}`);
          key = m[0];
          this.pos += key.length;
        }
        this.expect(":");
        entries.push([key, this.value()]);
      }
      if (this.peek() === ",") this.pos++;
      else if (this.peek() !== "}") throw new Error(`expected "," or "}" at ${this.pos} in ${this.text}`);
    }
    this.pos++;
    return { kind: "object", entries, open };
  }

  /** The text after the value: empty, or a remark starting with "(", ":" or "—". */
  remark(): string {
    const rest = this.text.slice(this.pos).trim();
    if (rest !== "" && !/^[(:—]/.test(rest))
      throw new Error(`after the value, a remark must start with "(", ":" or "—": "${rest}"`);
    return rest;
  }
}

/** A shown number matches at its precision: d decimals → ±0.5·10^−d; integers exactly. */
function numberPattern(text: string): Pattern {
  const value = Number(text);
  const [mantissa, exponent] = text.toLowerCase().split("e");
  const decimals = mantissa.includes(".") ? mantissa.split(".")[1].length : 0;
  const scale = 10 ** Number(exponent ?? 0);
  const tolerance = decimals === 0 && exponent === undefined ? 0 : 0.5 * 10 ** -decimals * scale;
  return { kind: "number", value, tolerance: tolerance * (1 + 1e-9) + 1e-12 * Math.abs(value) };
}

type Expected = { kind: "value"; pattern: Pattern } | { kind: "throws"; name: string; message: string[] | null };

function parseExpected(text: string): Expected {
  const t = text.trim();
  const throws = /^throws\s+(\w+)\s*(?:"([^"]*)")?(.*)$/.exec(t);
  if (throws) {
    const rest = throws[3].trim();
    if (rest !== "" && !/^[(:—]/.test(rest)) throw new Error(`unexpected text after throws: "${rest}"`);
    return { kind: "throws", name: throws[1], message: throws[2] === undefined ? null : throws[2].split("…") };
  }
  const p = new ValueParser(t);
  const pattern = p.value();
  p.remark();
  return { kind: "value", pattern };
}

function matchesText(actual: string, parts: readonly string[]): boolean {
  if (parts.length === 1) return actual === parts[0];
  if (!actual.startsWith(parts[0]) || !actual.endsWith(parts[parts.length - 1])) return false;
  let at = parts[0].length;
  for (const part of parts.slice(1, -1)) {
    const k = actual.indexOf(part, at);
    if (k < 0) return false;
    at = k + part.length;
  }
  return at <= actual.length - parts[parts.length - 1].length;
}

/** Why `actual` does not match, or null when it does. */
function mismatch(actual: unknown, pattern: Pattern, path: string): string | null {
  const shown = () => `${path}: got ${showValue(actual)}`;
  switch (pattern.kind) {
    case "number":
      return typeof actual === "number" && Math.abs(actual - pattern.value) <= pattern.tolerance
        ? null
        : `${shown()}, shown ${pattern.value} (±${pattern.tolerance.toPrecision(2)})`;
    case "string":
      return typeof actual === "string" && matchesText(actual, pattern.parts)
        ? null
        : `${shown()}, shown "${pattern.parts.join("…")}"`;
    case "literal":
      return Object.is(actual, pattern.value) ? null : `${shown()}, shown ${String(pattern.value)}`;
    case "array": {
      const list = ArrayBuffer.isView(actual) ? Array.from(actual as unknown as ArrayLike<unknown>) : actual;
      if (!Array.isArray(list)) return `${shown()}, shown an array`;
      const cut = pattern.items.indexOf("…");
      const head = (cut < 0 ? pattern.items : pattern.items.slice(0, cut)) as Pattern[];
      const tail = (cut < 0 ? [] : pattern.items.slice(cut + 1)) as Pattern[];
      if (tail.includes("…" as never)) throw new Error(`${path}: at most one … per array`);
      if (cut < 0 ? list.length !== head.length : list.length < head.length + tail.length)
        return `${path}: length ${list.length}, shown ${pattern.items.length}${cut < 0 ? "" : "+"}`;
      for (let i = 0; i < head.length; i++) {
        const m = mismatch(list[i], head[i], `${path}[${i}]`);
        if (m) return m;
      }
      for (let i = 0; i < tail.length; i++) {
        const k = list.length - tail.length + i;
        const m = mismatch(list[k], tail[i], `${path}[${k}]`);
        if (m) return m;
      }
      return null;
    }
    case "object": {
      if (actual === null || typeof actual !== "object") return `${shown()}, shown an object`;
      const rec = actual as Record<string, unknown>;
      for (const [key, p] of pattern.entries) {
        if (!(key in rec)) return `${path}: no key "${key}"`;
        const m = mismatch(rec[key], p, `${path}.${key}`);
        if (m) return m;
      }
      if (!pattern.open) {
        const extra = Object.keys(rec).filter((k) => !pattern.entries.some(([key]) => key === k));
        if (extra.length > 0) return `${path}: keys not shown: ${extra.join(", ")} (add "…" if they are left out)`;
      }
      return null;
    }
  }
}

function showValue(v: unknown): string {
  try {
    const s = JSON.stringify(v, (_, x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x));
    return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
  } catch {
    return String(v);
  }
}

// ---- turning an example into a program with one check per shown output ----

interface Check {
  readonly line: number;
  readonly expected: Expected;
  readonly source: string;
}

/** Rewrites each checked expression statement into `__check(k, () => (expr));` and collects its expected output. */
function instrument(example: Example): { program: string; checks: Check[] } {
  const code = example.code;
  const sf = ts.createSourceFile("example.ts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const codeLines = code.split("\n");
  const checks: Check[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  for (const stmt of sf.statements) {
    if (!ts.isExpressionStatement(stmt)) continue;
    const last = lineOf(stmt.getEnd());
    const trailing = (ts.getTrailingCommentRanges(code, stmt.getEnd()) ?? []).find((c) => lineOf(c.pos) === last);
    let shown = trailing ? code.slice(trailing.pos + 2, trailing.end).trim() : "";
    let next = last + 1;
    const commentLine = (k: number) => /^\s*\/\/(.*)$/.exec(codeLines[k] ?? "");
    if (shown === "") {
      // the value on the next comment line(s)
      const m = commentLine(next);
      if (!m) continue; // no shown output: not a check
      shown = m[1].trim();
      next++;
    }
    let expected: Expected | null = null;
    let error: unknown = null;
    for (let extra = 0; extra <= 3; extra++) {
      try {
        expected = parseExpected(shown);
        break;
      } catch (e) {
        error = e;
        const m = commentLine(next);
        if (!m) break;
        shown = `${shown} ${m[1].trim()}`; // a value wrapped onto the following comment line
        next++;
      }
    }
    const line = example.line + 1 + lineOf(stmt.getStart());
    if (expected === null)
      throw new Error(`${relative(ROOT, example.file)}:${line}: the shown output is not a value — ${String(error)}`);
    checks.push({ line, expected, source: stmt.expression.getText() });
    edits.push({
      start: stmt.getStart(),
      end: stmt.getEnd(),
      text: `__check(${checks.length - 1}, () => (${stmt.expression.getText()}));`,
    });
  }
  let program = code;
  for (const e of edits.reverse()) program = program.slice(0, e.start) + e.text + program.slice(e.end);
  const js = ts.transpileModule(`{\n${program}\n}`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
  }).outputText;
  return { program: js, checks };
}

/** Names an example may use: both entry points', then its folder's modules', then its own module's exports. */
async function scopeFor(file: string): Promise<Record<string, unknown>> {
  const lib = await import("../../src/lib");
  const paper = await import("../../src/paper");
  const folder = dirname(file);
  const siblings = readdirSync(folder)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(folder, f));
  const area: Record<string, unknown> = {};
  for (const sibling of siblings) Object.assign(area, await import(sibling));
  const own = (await import(file)) as Record<string, unknown>;
  return { ...lib, ...paper, ...area, ...own };
}

async function run(example: Example): Promise<void> {
  const { program, checks } = instrument(example);
  if (checks.length === 0) throw new Error(`${relative(ROOT, example.file)}:${example.line}: no shown output to check`);
  const scope = await scopeFor(example.file);
  const names = Object.keys(scope).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
  const failures: string[] = [];
  const seen = new Set<number>();
  const check = (k: number, f: () => unknown) => {
    seen.add(k);
    const c = checks[k];
    const where = `${relative(ROOT, example.file)}:${c.line} ${c.source}`;
    if (c.expected.kind === "throws") {
      try {
        const v = f();
        failures.push(`${where}: no error thrown (returned ${showValue(v)})`);
      } catch (e) {
        const err = e as Error;
        if (err.name !== c.expected.name) failures.push(`${where}: threw ${err.name}: ${err.message}`);
        else if (c.expected.message && !matchesText(err.message, ["", ...c.expected.message, ""]))
          failures.push(`${where}: message "${err.message}" lacks "${c.expected.message.join("…")}"`);
      }
      return;
    }
    const m = mismatch(f(), c.expected.pattern, where);
    if (m) failures.push(m);
  };
  new Function(...names, "__check", program)(...names.map((n) => scope[n]), check);
  for (let k = 0; k < checks.length; k++)
    if (!seen.has(k)) failures.push(`${relative(ROOT, example.file)}:${checks[k].line}: check never reached`);
  expect(failures).toEqual([]);
}

const examples = sourceFiles(join(ROOT, "src")).flatMap(examplesOf);

describe("doc-comment examples run and print what they show", () => {
  it("there are examples to run", () => {
    expect(examples.length).toBeGreaterThan(150);
  });
  for (const ex of examples) {
    const name = `${relative(ROOT, ex.file)}:${ex.line}${ex.slow ? " (slow)" : ""}`;
    it(name, () => run(ex), ex.slow ? SLOW_TIMEOUT : 60_000);
  }
});

describe("the example checker itself", () => {
  const ok = (shown: string, actual: unknown) => {
    const e = parseExpected(shown);
    return e.kind === "value" ? mismatch(actual, e.pattern, "x") : "throws";
  };
  it("numbers match at the shown precision, integers exactly", () => {
    expect(ok("0.3173", 0.31734)).toBeNull();
    expect(ok("0.3173", 0.31736)).not.toBeNull();
    expect(ok("−2.244593 (SPSS)", -2.2445934)).toBeNull();
    expect(ok("3.67982e-6", 3.679824e-6)).toBeNull();
    expect(ok("3.67982e-6", 3.67992e-6)).not.toBeNull();
    expect(ok("55", 55)).toBeNull();
    expect(ok("55", 55.2)).not.toBeNull();
  });
  it("strings, arrays and objects with …", () => {
    expect(ok(`'<table …<td>x</td>…'`, "<table class><td>x</td></table>")).toBeNull();
    expect(ok(`"<table …"`, "<div>")).not.toBeNull();
    expect(ok(`["a", "b", …]`, ["a", "b", "c"])).toBeNull();
    expect(ok(`["a", …, "z"]`, ["a", "q", "z"])).toBeNull();
    expect(ok(`["a", …, "z"]`, ["a", "q", "y"])).not.toBeNull();
    expect(ok(`{ a: 1, "b c": [2] }`, { a: 1, "b c": [2] })).toBeNull();
    expect(ok(`{ a: 1 }`, { a: 1, b: 2 })).not.toBeNull();
    expect(ok(`{ a: 1, … }`, { a: 1, b: 2 })).toBeNull();
  });
  it("a remark must be set off; prose is not a value", () => {
    expect(() => parseExpected("4 positive, 1 negative")).toThrow(/remark/);
    expect(() => parseExpected("statistic 12, df 7")).toThrow(/not a value/);
    expect(parseExpected('throws InputError "must be"').kind).toBe("throws");
  });
});
