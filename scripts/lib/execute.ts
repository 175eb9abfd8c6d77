import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import { ANSI_COLOURS } from "./ansi";
import { jupyterEnv, REPRODUCE_KERNEL } from "./kernel";
import { REPO_ROOT } from "./paths";

/**
 * A cell whose run failed: an error output, anything written to stderr, or a fault the kernel
 * recorded for it (scripts/lib/tslab-kernel.cjs): an error thrown in a timer the cell scheduled, a
 * promise rejection nobody handled, a timer still pending when the notebook ended.
 */
export interface CellProblem {
  /** 1-based position among all cells of the notebook. */
  readonly cell: number;
  /** 1-based position among code cells (what Jupyter's In[n] would show on a clean run). */
  readonly codeCell: number;
  readonly kind: "error" | "stderr" | "uncaught exception" | "unhandled promise rejection" | "pending timer";
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
  readonly file: string;
  readonly outputPath: string;
  readonly seconds: number;
  readonly codeCells: number;
  readonly problems: readonly CellProblem[];
  /** Why the notebook could not be run to its end (the kernel died, a timeout), or null. */
  readonly failure: string | null;
}

/** One line of $REPRO_FAULTS_FILE, as scripts/lib/tslab-kernel.cjs writes it. */
interface KernelFault {
  readonly notebook: string;
  /** Execution count of the cell (= its position among code cells on a run from the top). */
  readonly cell: number;
  readonly kind: "uncaught exception" | "unhandled promise rejection" | "pending timer";
  readonly message: string;
}

/** Kernel faults of one notebook as cell problems, placed by execution count. Pure. */
export function faultProblems(notebook: { cells: ExecutedCell[] }, faults: readonly KernelFault[]): CellProblem[] {
  return faults.map((f) => {
    let codeCell = 0;
    let cell = 0;
    notebook.cells.forEach((c, i) => {
      if (c.cell_type !== "code") return;
      codeCell++;
      if (codeCell === f.cell) cell = i + 1;
    });
    const source = notebook.cells[cell - 1]?.source;
    return {
      cell,
      codeCell: f.cell,
      kind: f.kind,
      firstLine: cell > 0 ? (joinText(source).split("\n")[0] ?? "") : "",
      message: f.message,
    };
  });
}

export interface ExecuteOptions {
  /** Folder the executed copies are written to. */
  readonly outputDir: string;
  /** Folder the notebooks run in (their own: `../dist` must resolve); all inputs share it. */
  readonly cwd: string;
  /** Notebooks run at the same time, each worker on one kernel reused across its notebooks. */
  readonly jobs: number;
  /** A new kernel for every notebook (as `jupyter nbconvert --execute`), instead of reuse. */
  readonly fresh?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Progress: a notebook started, or finished (with its result). */
  readonly onStart?: (file: string) => void;
  readonly onDone?: (result: ExecutionResult) => void;
}

/** A notebook runner whose kernels are booting; {@link startNotebookRunner}. */
export interface NotebookRunner {
  /** Runs the notebooks (once) on the booted kernels; results in input order. */
  run(inputs: readonly string[]): Promise<ExecutionResult[]>;
  /** Runs nothing: the kernels are shut down and the runner exits (call it when a check fails before `run`). */
  cancel(): Promise<void>;
}

/**
 * Executes notebooks headless with the tslab kernel through Debian's Jupyter (nbclient, driven by
 * scripts/lib/run-notebooks.py): `jobs` workers, each with one kernel that is reset between
 * notebooks (scripts/lib/tslab-kernel.cjs), take the notebooks in the order given. Every executed
 * copy is byte-identical to `jupyter nbconvert --to notebook --execute --allow-errors` of it (a test
 * checks). Cell errors do not stop a notebook: they are collected from its outputs, with the faults
 * the kernel recorded, and returned per notebook in input order, so the caller can name the exact
 * cell that failed. In two steps: the kernels (`jobs` of them) start booting now, which takes seconds of
 * CPU each, while the caller still checks its data and writes the notebooks; `run` then hands them over.
 */
export function startNotebookRunner(options: ExecuteOptions): NotebookRunner {
  const faultsFile = join(options.outputDir, ".kernel-faults.jsonl");
  const args = [
    join(REPO_ROOT, "scripts", "lib", "run-notebooks.py"),
    "--kernel",
    REPRODUCE_KERNEL,
    "--cwd",
    options.cwd,
    "--out",
    options.outputDir,
    "--jobs",
    String(options.jobs),
    ...(options.fresh ? ["--fresh"] : []),
    "--stdin",
  ];
  const child = spawn("/usr/bin/python3", args, {
    cwd: options.cwd,
    env: { ...jupyterEnv(options.env ?? process.env), REPRO_FAULTS_FILE: faultsFile },
    stdio: ["pipe", "pipe", "pipe"],
  });
  // A runner that died early closes its stdin: the missing results say so (with its stderr), not an EPIPE crash.
  child.stdin.on("error", () => {});
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString("utf8");
  });
  const closed: Promise<number | null> = new Promise((done) => child.on("close", (code) => done(code)));
  let handedOver = false;
  const handOver = (inputs: readonly string[]): void => {
    if (handedOver) throw new Error("a notebook runner runs once");
    handedOver = true;
    child.stdin.end(inputs.map((i) => `${i}\n`).join(""));
  };
  return {
    cancel: async () => {
      if (!handedOver) handOver([]);
      await closed;
    },
    run: async (inputs) => {
      const readFaults = (): KernelFault[] =>
        existsSync(faultsFile)
          ? readFileSync(faultsFile, "utf8")
              .split("\n")
              .filter(Boolean)
              .map((l) => JSON.parse(l) as KernelFault)
          : [];
      const resultOf = (input: string, run: { seconds: number; failure: string | null }): ExecutionResult => {
        const file = basename(input);
        const outputPath = join(options.outputDir, file);
        const ran = existsSync(outputPath) && run.failure === null;
        const executed = JSON.parse(readFileSync(ran ? outputPath : input, "utf8")) as { cells: ExecutedCell[] };
        const problems = [
          ...faultProblems(
            executed,
            readFaults().filter((f) => f.notebook === file),
          ),
          ...(ran ? findCellProblems(executed) : []),
        ].sort((a, b) => a.cell - b.cell);
        return {
          file,
          outputPath,
          seconds: run.seconds,
          codeCells: executed.cells.filter((c) => c.cell_type === "code").length,
          problems,
          failure: run.failure,
        };
      };
      const results = new Map<string, ExecutionResult>();
      const byName = new Map(inputs.map((i) => [basename(i), i]));
      createInterface({ input: child.stdout }).on("line", (line) => {
        let event: { event: string; notebook: string; seconds?: number; message?: string };
        try {
          event = JSON.parse(line);
        } catch {
          return;
        }
        const input = byName.get(event.notebook);
        if (input === undefined) return;
        if (event.event === "start") {
          options.onStart?.(event.notebook);
          return;
        }
        const result = resultOf(input, {
          seconds: event.seconds ?? 0,
          failure:
            event.event === "failed" ? `the kernel could not run the notebook: ${event.message ?? "failed"}` : null,
        });
        results.set(event.notebook, result);
        options.onDone?.(result);
      });
      handOver(inputs);
      const status = await closed;
      return inputs.map(
        (input) =>
          results.get(basename(input)) ??
          resultOf(input, {
            seconds: 0,
            failure: `the notebook runner stopped before this notebook finished (exit ${status}):\n${stderr.trim().split("\n").slice(-25).join("\n")}`,
          }),
      );
    },
  };
}
