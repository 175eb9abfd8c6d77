import ts from "typescript";
import { readFileSync, writeFileSync } from "node:fs";
import { relative, dirname } from "node:path";
const targets: [string, string, string][] = JSON.parse(process.argv[2]);
for (const [file, fn, param] of targets) {
  let text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  let body: ts.Block | undefined;
  sf.forEachChild((n) => {
    if (ts.isFunctionDeclaration(n) && n.name?.text === fn && n.body) body = n.body;
  });
  if (!body) throw new Error(`${file}: ${fn} not found`);
  const first = body.statements[0];
  const already = first && first.getText().startsWith("checkOptions(");
  if (already) { console.log("has", file, fn); continue; }
  const pos = body.getStart() + 1;
  text = text.slice(0, pos) + `\n  checkOptions(${param}${param === "options" ? "" : `, "${param}"`});` + text.slice(pos);
  if (!/import \{ checkOptions \}/.test(text)) {
    let rel = relative(dirname(file), "src/lib/core/check-options").replace(/\\/g, "/");
    if (!rel.startsWith(".")) rel = "./" + rel;
    text = `import { checkOptions } from "${rel}";\n` + text;
  }
  writeFileSync(file, text);
  console.log("added", file, fn);
}
