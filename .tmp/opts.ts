import ts from "typescript";
import { join } from "node:path";
const ROOT = "/work/wt/lib-api";
const program = ts.createProgram([join(ROOT, "src/lib/index.ts")], { strict: true, esModuleInterop: true, skipLibCheck: true, resolveJsonModule: true });
const checker = program.getTypeChecker();
const file = program.getSourceFile(join(ROOT, "src/lib/index.ts"))!;
const sym = checker.getSymbolAtLocation(file)!;
for (const s of checker.getExportsOfModule(sym)) {
  const t = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
  if (!(t.flags & ts.SymbolFlags.Value)) continue;
  const decl = t.valueDeclaration ?? t.declarations?.[0];
  if (!decl) continue;
  const type = checker.getTypeOfSymbolAtLocation(t, decl);
  for (const sig of type.getCallSignatures()) {
    const params = sig.getParameters().map((p) => p.name);
    const opt = params.filter((p) => /options|control/i.test(p));
    console.log(s.name, "(", params.join(", "), ")", opt.length ? "  <== " + opt.join(",") : "", decl.getSourceFile().fileName.replace(ROOT + "/", ""));
  }
}
