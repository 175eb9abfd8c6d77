import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const ENTRIES = { library: "src/lib/index.ts", paper: "src/paper/index.ts" } as const;

/** Every name an entry point exports, one per line: "value name" or "type name", sorted. */
function exportedNames(program: ts.Program, entry: string): string {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(join(ROOT, entry));
  if (!file) throw new Error(`${entry} is not in the program`);
  const symbol = checker.getSymbolAtLocation(file);
  if (!symbol) throw new Error(`${entry} has no module symbol`);
  return checker
    .getExportsOfModule(symbol)
    .map((s) => {
      const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
      return `${target.flags & ts.SymbolFlags.Value ? "value" : "type "} ${s.name}`;
    })
    .sort((a, b) => a.slice(6).localeCompare(b.slice(6)) || a.localeCompare(b))
    .join("\n");
}

describe("public API: the exported names of each entry point are a reviewed list", () => {
  const program = ts.createProgram(
    Object.values(ENTRIES).map((e) => join(ROOT, e)),
    {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      resolveJsonModule: true,
    },
  );

  // A changed surface fails here; review the diff, then accept it with `npx vitest run tests/architecture -u`.
  for (const [name, entry] of Object.entries(ENTRIES)) {
    it(`${name} (${entry})`, async () => {
      await expect(`${exportedNames(program, entry)}\n`).toMatchFileSnapshot(`./public-api/${name}.txt`);
    });
  }

  it("the two entry points share no name", () => {
    const lib = new Set(
      exportedNames(program, ENTRIES.library)
        .split("\n")
        .map((l) => l.slice(6)),
    );
    const shared = exportedNames(program, ENTRIES.paper)
      .split("\n")
      .map((l) => l.slice(6))
      .filter((n) => lib.has(n));
    expect(shared).toEqual([]);
  });
});
