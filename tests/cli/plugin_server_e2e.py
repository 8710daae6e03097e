#!/usr/bin/python3
"""End to end: the sample plugin server (samples/plugin-server) under uvicorn, driven by the
real plugin-studio commands with --url overrides, as the README shows.

Starts the server on a free loopback port, waits until it answers, runs simulate memory,
simulate transcript --fast (two plugins) and check-setup, checks their exit codes and
reports, and always stops the server. Exits 77 (CTest: skipped) with the reason when
Debian's python3-fastapi or python3-uvicorn is missing.
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SKIP = 77
STARTUP_SECONDS = 30


def missing_modules():
    missing = []
    for module in ("fastapi", "uvicorn"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    return missing


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(base, server):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the plugin server exited early with status {server.returncode}")
        try:
            with urllib.request.urlopen(base + "/", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.1)  # polling a child process: there is no signal to wait on
    raise RuntimeError(f"the plugin server did not answer within {STARTUP_SECONDS} s")


class Check:
    def __init__(self):
        self.failures = []

    def that(self, condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            self.failures.append(what)


def run_studio(studio, arguments):
    completed = subprocess.run([studio] + arguments, capture_output=True, text=True, timeout=60)
    sys.stderr.write(completed.stderr)
    return completed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--studio", required=True)
    parser.add_argument("--server-dir", required=True)
    parser.add_argument("--transcript", required=True)
    options = parser.parse_args()

    missing = missing_modules()
    if missing:
        print("SKIPPED: Debian's " + " and ".join("python3-" + m for m in missing) + " not installed "
              "(apt install python3-fastapi python3-uvicorn); the sample plugin server cannot run")
        return SKIP

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    manifest = os.path.join(options.server_dir, "manifest.json")
    check = Check()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "main:app", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "warning"],
        cwd=options.server_dir)
    try:
        wait_until_answering(base, server)
        with tempfile.TemporaryDirectory() as out:
            memory_report = os.path.join(out, "memory.json")
            result = run_studio(options.studio, [
                "simulate", "memory", "--manifest", manifest, "--entry", "sample-meeting-filer",
                "--url", base + "/memory", "--report", memory_report,
                "--junit", os.path.join(out, "memory.xml"), "--har", os.path.join(out, "memory.har")])
            check.that(result.returncode == 0, f"simulate memory exits 0 (got {result.returncode})")
            report = json.load(open(memory_report))
            request = report["requests"][0]
            check.that(request["status"] == 200, "the memory webhook answered 200")
            check.that(request["notification"] is not None
                       and request["notification"]["body"].startswith("Filed "),
                       "the memory answer becomes a notification")
            check.that(report["summary"]["count"] == 1 and report["summary"]["errors"] == 0,
                       "the memory report's summary counts one request, no error")
            check.that(json.load(open(os.path.join(out, "memory.har")))["log"]["version"] == "1.2",
                       "the HAR file is HAR 1.2")

            for entry, path in (("sample-commitment-listener", "/transcript"),
                                ("sample-question-helper", "/proactive")):
                transcript_report = os.path.join(out, entry + ".json")
                result = run_studio(options.studio, [
                    "simulate", "transcript", "--manifest", manifest, "--entry", entry,
                    "--url", base + path, "--transcript", options.transcript, "--fast",
                    "--report", transcript_report])
                check.that(result.returncode == 0, f"simulate transcript --fast ({entry}) exits 0")
                report = json.load(open(transcript_report))
                requests = report["requests"]
                check.that(len(requests) > 1 and all(r["status"] == 200 for r in requests),
                           f"every transcript batch of {entry} got a 200")
                check.that(report["summary"]["notifications"] >= 1,
                           f"{entry} notified at least once")
                check.that(result.stderr.count("] window ") == len(requests),
                           f"one progress line per request for {entry}")

            result = run_studio(options.studio, [
                "check-setup", "--manifest", manifest, "--entry", "sample-meeting-filer",
                "--url", base + "/setup/status"])
            check.that(result.returncode == 0, "check-setup exits 0 for the default test uid")
            result = run_studio(options.studio, [
                "check-setup", "--manifest", manifest, "--entry", "sample-meeting-filer",
                "--url", base + "/setup/status", "--uid", "someone-new", "--quiet"])
            check.that(result.returncode == 1 and "Plugin setup is not completed" in result.stderr,
                       "check-setup exits 1 for a user who has not set up")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    if check.failures:
        print(f"{len(check.failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
