"""Drives the installed repgap kernel over the Jupyter protocol (jupyter_client, Debian's python3-jupyter-client)
and prints one JSON object with what it saw; KernelProtocolTest asserts on it.

Usage: JUPYTER_PATH=DIR python3 kernel_protocol.py   (DIR/kernels/repgap-java holds the installed spec)
"""
import json
import sys
import threading
import time

from jupyter_client.manager import start_new_kernel


def reply_of(kc, msg_id, timeout):
    """The shell reply to msg_id and the error output (if any) published for it on iopub."""
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    errors = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            errors.append(msg["content"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply["content"], errors


def main():
    out = {}
    km, kc = start_new_kernel(kernel_name="repgap-java", startup_timeout=120)
    try:
        msg_id = kc.execute("int x = 1 + 1;\nx")
        content, _ = reply_of(kc, msg_id, 120)
        out["plain"] = content["status"]

        # a cell that would run for a minute, interrupted after 3 s
        msg_id = kc.execute("Thread.sleep(60_000);\nint after = 1;")
        started = time.monotonic()
        threading.Timer(3.0, km.interrupt_kernel).start()
        content, errors = reply_of(kc, msg_id, 60)
        out["interrupt_status"] = content["status"]
        out["interrupt_seconds"] = time.monotonic() - started
        out["interrupt_error"] = " ".join(content.get("traceback", []) + [content.get("evalue", "")])
        out["interrupt_iopub_errors"] = len(errors)

        # the kernel lives on, the interrupted cell's later statement did not run
        msg_id = kc.execute("x + 1")
        content, _ = reply_of(kc, msg_id, 60)
        out["after_interrupt"] = content["status"]
        msg_id = kc.execute("after")
        content, _ = reply_of(kc, msg_id, 60)
        out["later_statement_ran"] = content["status"] == "ok"

        for name, code in [("inspect_method", "org.repgap.data.PointCloud.of"),
                           ("inspect_type", "org.repgap.fit.Laws")]:
            msg_id = kc.inspect(code, len(code))
            reply = kc.get_shell_msg(timeout=60)
            while reply["parent_header"].get("msg_id") != msg_id:
                reply = kc.get_shell_msg(timeout=60)
            c = reply["content"]
            out[name] = {"status": c["status"], "found": c.get("found"),
                         "text": c.get("data", {}).get("text/plain", "")}
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
