"""Executes notebooks for `npm run reproduce` (Debian's python3 with nbclient, nbconvert, jupyter_client).

    run-notebooks.py --kernel NAME --cwd DIR --out DIR --jobs N [--fresh] NOTEBOOK...
    run-notebooks.py --kernel NAME --cwd DIR --out DIR --jobs N [--fresh] --stdin

With --stdin the workers start their kernels at once and the notebooks come on stdin, one path per
line, until end of input (none: the kernels are shut down and nothing runs), so a caller can let the
kernels boot while it does its own checks.

Each of N workers starts one kernel (NAME, found through JUPYTER_PATH) in DIR and takes notebooks
from a shared queue in the order given. Before a notebook, the worker sends the control request
`/*repro:reset NAME*/` (see scripts/lib/tslab-kernel.cjs), which returns the kernel to the state of a
fresh one; after it, `/*repro:end NAME*/`. With --fresh, every notebook gets a new kernel instead
(the way `jupyter nbconvert --execute` runs). Cells are executed exactly as nbconvert's
ExecutePreprocessor does (store_history, allow_errors, timeout 900 s, no timing metadata), and the
executed notebook is written through nbconvert's NotebookExporter, so the file is byte-identical to
`jupyter nbconvert --to notebook --execute --allow-errors` of the same notebook.

Progress goes to stdout as JSON lines: {"event": "start"|"done"|"failed", "notebook", "worker",
"seconds", "message"}. Exit status 0 when every notebook ran to its end (cell errors are recorded in
the notebooks and judged by the caller), 1 otherwise.
"""

import argparse
import asyncio
import json
import os
import sys
import time

import nbformat
import nbformat.validator
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbconvert.exporters import NotebookExporter

_get_validator = nbformat.validator.get_validator
_validators = {}


def _compiled_once(version=None, version_minor=None, relax_add_props=False, name=None):
    """nbformat.validator.get_validator, compiling each schema once per process.

    Debian's nbformat 5.5 compiles a new fastjsonschema validator on every call with
    relax_add_props=True, and nbconvert's exporter validates that way after each of its ten
    preprocessors: 0.35 s of CPU per notebook written, in the one process that also serves the
    kernels. The schema for given arguments never changes, so the validator is reused; what is
    validated, and the bytes written, are unchanged.
    """
    key = (version, version_minor, relax_add_props, name)
    if key not in _validators:
        _validators[key] = _get_validator(version, version_minor, relax_add_props, name)
    return _validators[key]


nbformat.validator.get_validator = _compiled_once


def emit(**event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


async def start_kernel(name, cwd):
    km = AsyncKernelManager(kernel_name=name)
    await km.start_kernel(cwd=cwd)
    kc = km.client()
    kc.start_channels()
    await kc.wait_for_ready(timeout=120)
    return km, kc


async def stop_kernel(km, kc):
    try:
        kc.stop_channels()
        await km.shutdown_kernel(now=False)
    except Exception:  # noqa: BLE001 — a kernel that already died has nothing left to stop
        pass


async def control(kc, code):
    """A silent execute request that tslab-kernel.cjs answers without running code."""
    msg_id = kc.execute(code, silent=True, store_history=False, allow_stdin=False)
    while True:
        reply = await kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


async def execute(path, out_dir, cwd, km, kc):
    nb = nbformat.read(path, as_version=4)
    resources = {"metadata": {"path": cwd, "name": os.path.splitext(os.path.basename(path))[0]}}
    client = NotebookClient(
        nb,
        km=km,
        timeout=900,
        allow_errors=True,
        record_timing=False,
        kernel_name=km.kernel_name,
        resources=resources,
    )
    client.kc = kc
    # As nbconvert's ExecutePreprocessor.preprocess: kernel_info, then every cell with store_history.
    client.reset_execution_trackers()
    info = await client.async_wait_for_reply(kc.kernel_info())
    nb.metadata["language_info"] = info["content"]["language_info"]
    for index, cell in enumerate(nb.cells):
        await client.async_execute_cell(cell, index, store_history=True)
    client.set_widgets_metadata()
    output, _ = NotebookExporter().from_notebook_node(nb, resources)
    with open(os.path.join(out_dir, os.path.basename(path)), "w", encoding="utf-8") as f:
        f.write(output)


async def worker(number, queue, args, failures, ready):
    km = kc = None
    used = False
    if args.stdin:
        # Boot the kernel while the caller is still getting the notebooks ready; a failure here is
        # retried (and reported) when the first notebook needs the kernel.
        try:
            km, kc = await start_kernel(args.kernel, args.cwd)
        except Exception:  # noqa: BLE001
            km = kc = None
    await ready.wait()
    while True:
        try:
            path = queue.get_nowait()
        except asyncio.QueueEmpty:
            break
        name = os.path.basename(path)
        started = time.monotonic()
        emit(event="start", notebook=name, worker=number)
        try:
            if km is None or (args.fresh and used) or not await km.is_alive():
                if km is not None:
                    await stop_kernel(km, kc)
                km, kc = await start_kernel(args.kernel, args.cwd)
            used = True
            await control(kc, f"/*repro:reset {name}*/")
            await execute(path, args.out, args.cwd, km, kc)
            await control(kc, f"/*repro:end {name}*/")
            emit(event="done", notebook=name, worker=number, seconds=round(time.monotonic() - started, 3))
        except Exception as e:  # noqa: BLE001 — reported to the caller, which names the notebook
            failures.append(name)
            emit(event="failed", notebook=name, worker=number, seconds=round(time.monotonic() - started, 3),
                 message=f"{type(e).__name__}: {e}")
            if km is not None:
                await stop_kernel(km, kc)
            km = kc = None
    if km is not None:
        await stop_kernel(km, kc)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--cwd", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--stdin", action="store_true")
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args()
    if args.stdin == bool(args.notebooks):
        parser.error("give the notebooks as arguments or --stdin, not both")
    queue = asyncio.Queue()
    ready = asyncio.Event()
    failures = []
    if args.stdin:
        workers = [asyncio.create_task(worker(k + 1, queue, args, failures, ready)) for k in range(max(1, args.jobs))]
        text = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        for line in text.splitlines():
            if line.strip():
                queue.put_nowait(line.strip())
    else:
        for path in args.notebooks:
            queue.put_nowait(path)
        jobs = max(1, min(args.jobs, len(args.notebooks)))
        workers = [asyncio.create_task(worker(k + 1, queue, args, failures, ready)) for k in range(jobs)]
    ready.set()
    await asyncio.gather(*workers)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
