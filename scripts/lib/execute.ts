import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { ANSI_COLOURS } from "./ansi";
import { jupyterEnv } from "./kernel";

/** A cell whose run failed: an error output, or anything written to stderr. */
export interface CellProblem {
  /** 1-based position among all cells of the notebook. */
  readonly cell: number;
  /** 1-based position among code cells (what Jupyter's In[n] would show on a clean run). */
  readonly codeCell: number;
  readonly kind: "error" | "stderr";
  /** First line of the cell's source, to find it. */
  readonly firstLine: string;
  readonly message: string;
}

interface ExecutedOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

interface ExecutedCell {
  cell_type: string;
  source: string | string[];
  outputs?: ExecutedOutput[];
}

const joinText = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join("") : (t ?? ""));

/** Scans an executed notebook for error outputs and stderr writes, in cell order. Pure. */
export function findCellProblems(notebook: { cells: ExecutedCell[] }): CellProblem[] {
  const problems: CellProblem[] = [];
  let codeCell = 0;
  notebook.cells.forEach((cell, i) => {
    if (cell.cell_type !== "code") return;
    codeCell++;
    const firstLine = joinText(cell.source).split("\n")[0] ?? "";
    for (const out of cell.outputs ?? []) {
      if (out.output_type === "error") {
        const trace = (out.traceback ?? []).join("\n").replace(ANSI_COLOURS, "");
        problems.push({
          cell: i + 1,
          codeCell,
          kind: "error",
          firstLine,
          message: `${out.ename}: ${out.evalue}${trace ? `\n${trace}` : ""}`,
        });
      } else if (out.output_type === "stream" && out.name === "stderr") {
        problems.push({
          cell: i + 1,
          codeCell,
          kind: "stderr",
          firstLine,
          message: joinText(out.text).replace(ANSI_COLOURS, ""),
        });
      }
    }
  });
  return problems;
}

export interface ExecutionResult {
  readonly outputPath: string;
  readonly seconds: number;
  readonly codeCells: number;
  readonly problems: readonly CellProblem[];
}

/**
 * Executes one notebook headless with the tslab kernel through Debian's nbconvert (nbclient), in the
 * notebook's own folder (so `import ... from "../dist/lib"` resolves), and writes the executed copy to
 * `outputDir`. Cell errors do not stop nbconvert (--allow-errors): they are collected from the
 * output and reported with the cell, so the caller can name the exact cell that failed.
 */
export function executeNotebook(
  input: string,
  outputDir: string,
  env: NodeJS.ProcessEnv = process.env,
): ExecutionResult {
  const started = process.hrtime.bigint();
  const name = basename(input);
  const args = [
    "nbconvert",
    "--to",
    "notebook",
    "--execute",
    "--allow-errors",
    "--ExecutePreprocessor.kernel_name=tslab",
    "--ExecutePreprocessor.timeout=900",
    "--ExecutePreprocessor.record_timing=False",
    "--output-dir",
    outputDir,
    "--output",
    name,
    input,
  ];
  const run = spawnSync("jupyter", args, {
    cwd: dirname(input),
    env: jupyterEnv(env),
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) {
    const log = `${run.stderr ?? ""}${run.error ? String(run.error) : ""}`.trim().split("\n").slice(-25).join("\n");
    throw new Error(`${name}: nbconvert failed (exit ${run.status}) — the kernel could not run the notebook:\n${log}`);
  }
  const outputPath = join(outputDir, name);
  const executed = JSON.parse(readFileSync(outputPath, "utf8")) as { cells: ExecutedCell[] };
  return {
    outputPath,
    seconds,
    codeCells: executed.cells.filter((c) => c.cell_type === "code").length,
    problems: findCellProblems(executed),
  };
}
