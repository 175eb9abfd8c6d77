/**
 * Import rules between the library (src/lib) and the paper companion (src/paper), checked by
 * `npm run lint` (part of `npm test`). Folder-level cycles (area A imports area B and B imports A)
 * are checked by tests/architecture/import-rules.test.ts on this tool's output.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "library-never-imports-paper",
      comment: "src/lib serves anyone with survival data; it must not depend on this paper's code.",
      severity: "error",
      from: { path: "^src/lib/" },
      to: { path: "^src/paper/" },
    },
    {
      name: "library-reads-no-files",
      comment: "The library takes data as arguments; reading files is the paper side's job.",
      severity: "error",
      from: { path: "^src/lib/" },
      to: { dependencyTypes: ["core"], path: "^(node:)?(fs|fs/promises|child_process|net|http|https)$" },
    },
    {
      name: "no-reaching-into-internal",
      comment: "An area's internal/ folder is private to that area.",
      severity: "error",
      from: { path: "^src/(lib|paper)/([^/]+)/" },
      to: { path: "^src/(lib|paper)/[^/]+/internal/", pathNot: "^src/$1/$2/internal/" },
    },
    {
      name: "no-circular",
      comment: "No run-time import cycles between modules (a type-only import back is harmless).",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "src-never-imports-tooling",
      comment: "The library and the paper companion do not depend on tests, scripts or benchmarks.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(tests|scripts|bench)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    exclude: { path: "^(dist|node_modules)/" },
  },
};
