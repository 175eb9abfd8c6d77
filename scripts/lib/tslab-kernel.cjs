/**
 * The tslab kernel as `npm run reproduce` starts it: tslab itself (node_modules/tslab, unchanged), plus
 *
 * 1. Fault capture. An error thrown in a timer callback, or a promise rejection nobody handles, is
 *    printed by tslab to whichever cell happens to run at that moment — or lost after the last cell.
 *    Here each is recorded with the notebook and the cell whose code scheduled it (the cell's async
 *    context, AsyncLocalStorage), as a JSON line in $REPRO_FAULTS_FILE. A timer a cell left pending
 *    when its notebook ended is recorded too (its callback would run after the notebook, or never).
 * 2. Reuse across notebooks. Starting tslab and type-checking the first import costs seconds of CPU
 *    per notebook. An execute request whose code is exactly `/*repro:reset NAME*\/` resets the kernel
 *    to the state of a fresh one — tslab's declarations and locals cleared, the execution counter at
 *    0, every module under dist/paper/ dropped from the require cache (module-level state such as
 *    figure counters and loaded files starts again) — while tslab's warm TypeScript service and the
 *    stateless library under dist/lib/ (already compiled and optimized by V8) are kept. `/*repro:end NAME*\/`
 *    waits up to 2 s for timers the notebook left, then records those still pending. Neither request
 *    counts as an execution. Outputs are byte-identical to a fresh kernel per notebook (a test checks).
 *
 * Kernelspec argv: node <this file> kernel --config-path {connection_file}. Without $REPRO_FAULTS_FILE
 * nothing is recorded and the kernel behaves as tslab.
 */
"use strict";
const { AsyncLocalStorage, createHook } = require("node:async_hooks");
const { appendFileSync } = require("node:fs");
const { join, resolve } = require("node:path");

const REPO = resolve(__dirname, "..", "..");
const TSLAB = join(REPO, "node_modules", "tslab", "dist");
// Only the paper companion is dropped between notebooks: it caches what it read from files (the cohort, the
// registry). The library (dist/lib) reads no files and holds no state a notebook can observe — its only
// module-level values are caches of compiled kernels keyed by their shape — so it stays loaded, and the
// code V8 compiled and optimized in one notebook serves the next (seconds of CPU per run).
const DIST_PAPER = join(REPO, "dist", "paper") + require("node:path").sep;
const FAULTS = process.env.REPRO_FAULTS_FILE || "";

const cellContext = new AsyncLocalStorage();
let notebook = "";
let lastCell = 0;

function record(kind, cell, error) {
  if (!FAULTS) return;
  // A stack already starts with "Name: message".
  const message = error instanceof Error ? error.stack || `${error.name}: ${error.message}` : String(error);
  appendFileSync(FAULTS, `${JSON.stringify({ notebook: cell ? cell.notebook : notebook, cell: cell ? cell.cell : lastCell, kind, message })}\n`);
}

// Promises remember the cell whose code created them, for rejections reported after the cell ended.
const promiseCell = new WeakMap();
createHook({
  init(_id, type, _trigger, resource) {
    if (type !== "PROMISE") return;
    const ctx = cellContext.getStore();
    if (ctx && resource && typeof resource === "object") promiseCell.set(resource, ctx);
  },
}).enable();

process.on("uncaughtException", (error) => record("uncaught exception", cellContext.getStore(), error));
process.on("unhandledRejection", (reason, promise) =>
  record("unhandled promise rejection", promiseCell.get(promise) || cellContext.getStore(), reason),
);

// Timers a cell schedules, so that the end of a notebook can tell which are still pending.
const pending = new Map();
for (const [set, clear, once] of [
  ["setTimeout", "clearTimeout", true],
  ["setInterval", "clearInterval", false],
  ["setImmediate", "clearImmediate", true],
]) {
  const originalSet = globalThis[set];
  const originalClear = globalThis[clear];
  globalThis[set] = function (callback, ...rest) {
    const ctx = cellContext.getStore();
    if (!ctx || typeof callback !== "function") return originalSet.call(this, callback, ...rest);
    const timer = originalSet.call(
      this,
      function (...args) {
        if (once) pending.delete(timer);
        return callback.apply(this, args);
      },
      ...rest,
    );
    pending.set(timer, { ctx, kind: set, delay: set === "setImmediate" ? 0 : Number(rest[0]) || 0 });
    return timer;
  };
  globalThis[clear] = function (timer) {
    pending.delete(timer);
    return originalClear.call(this, timer);
  };
}

const stillPending = () =>
  [...pending.entries()].filter(
    ([timer, p]) => p.ctx.notebook === notebook && !(typeof timer.hasRef === "function" && !timer.hasRef()),
  );

async function endNotebook() {
  for (let waited = 0; waited < 2000 && stillPending().length > 0; waited += 20)
    await new Promise((r) => cellContext.exit(() => setTimeout(r, 20)));
  for (const [timer, p] of stillPending()) {
    record("pending timer", p.ctx, `${p.kind}(…, ${p.delay} ms) scheduled by this cell had not run when the notebook ended`);
    pending.delete(timer);
  }
}

function resetKernel(handler, name) {
  handler.executor.reset();
  handler.execCount = 0;
  for (const key of Object.keys(require.cache)) if (key.startsWith(DIST_PAPER)) delete require.cache[key];
  notebook = name;
  lastCell = 0;
}

const jupyter = require(join(TSLAB, "jupyter.js"));
const proto = jupyter.JupyterHandlerImpl && jupyter.JupyterHandlerImpl.prototype;
if (!proto || typeof proto.handleExecute !== "function")
  throw new Error("tslab-kernel.cjs: tslab's JupyterHandlerImpl.handleExecute not found (tslab version changed?)");
const handleExecute = proto.handleExecute;
proto.handleExecute = async function (req, writeStream, writeDisplayData) {
  const control = /^\/\*repro:(reset|end) ?([^*]*)\*\/$/.exec(String(req.code).trim());
  if (control) {
    if (control[1] === "reset") resetKernel(this, control[2]);
    else await endNotebook();
    return { status: "ok", execution_count: this.execCount };
  }
  lastCell = this.execCount + 1;
  return cellContext.run({ notebook, cell: lastCell }, () => handleExecute.call(this, req, writeStream, writeDisplayData));
};

require(join(TSLAB, "main.js")).main();
