#!/usr/bin/python3
"""End to end: a plugin server driven by the real plugin-studio commands with --url
overrides, as the README shows. Either server, the same checks:

  --server fastapi   the sample plugin server (samples/plugin-server/main.py) under uvicorn
                     on a free loopback port
  --server builtin   `plugin-studio serve --port 0`, whose first stdout line is its base URL

The endpoint URLs come from the server's `GET /` (one per trigger), not from known paths.
Then: simulate memory, simulate transcript --fast (two plugins), check-setup for a new user
(refused), the setup done as a user would (the setup page fetched, its form parsed and
posted), and check-setup again (accepted). The server is always stopped; the built-in one
with SIGTERM, after which it must exit 0. Exits 77 (CTest: skipped) with the reason when
the fastapi mode lacks Debian's python3-fastapi or python3-uvicorn.
"""

import argparse
import html.parser
import json
import os
import queue
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

SKIP = 77
STARTUP_SECONDS = 30
STOP_SECONDS = 10
TRIGGERS = ("memory_creation", "transcript_processed", "proactive_notification",
            "setup_completed", "setup_page")


class Failure(Exception):
    """A failure that makes the remaining checks pointless."""


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


def start_fastapi(server_dir):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "main:app", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "warning"],
        cwd=server_dir)
    return server, f"http://127.0.0.1:{port}"


def start_builtin(studio, env):
    """Starts `plugin-studio serve --port 0` and reads its base URL off the first stdout
    line. The rest of its stdout is drained (to stderr) so that the server never blocks on a
    full pipe."""
    server = subprocess.Popen([studio, "serve", "--port", "0"], stdout=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, env=env)
    lines = queue.Queue()

    def drain():
        first = True
        for raw in server.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if first:
                lines.put(line)
                first = False
            else:
                sys.stderr.write("serve: " + line + "\n")
        if first:
            lines.put(None)  # end of output before any line

    threading.Thread(target=drain, daemon=True).start()
    try:
        first_line = lines.get(timeout=STARTUP_SECONDS)
    except queue.Empty:
        stop(server)
        raise Failure(f"'plugin-studio serve' printed no base URL within {STARTUP_SECONDS} s")
    if first_line is None:
        try:
            status = server.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            stop(server)
            status = "none (it closed its stdout and was stopped)"
        raise Failure(f"'plugin-studio serve' exited with status {status} before printing its "
                      "base URL; does this plugin-studio have the serve command? (its stderr "
                      "is above)")
    base = first_line.strip().rstrip("/")
    if not re.fullmatch(r"http://[^/\s?#]+", base):
        stop(server)
        raise Failure(f"the first line of 'plugin-studio serve' is not a base URL: {first_line!r}")
    return server, base


def stop(server):
    """SIGTERM, then SIGKILL if it lingers; returns the exit status (None when killed)."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
            return None
    return server.returncode


def wait_until_answering(base, server):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise Failure(f"the plugin server exited early with status {server.returncode}")
        try:
            with urllib.request.urlopen(base + "/", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.1)  # polling a child process: there is no signal to wait on
    raise Failure(f"the plugin server did not answer at {base}/ within {STARTUP_SECONDS} s")


def discover(base):
    """GET / -> {trigger: absolute url}; fails naming any trigger that is missing."""
    with urllib.request.urlopen(base + "/", timeout=10) as answer:
        listing = json.load(answer)
    endpoints = listing.get("endpoints") if isinstance(listing, dict) else None
    if not isinstance(endpoints, list):
        raise Failure(f"GET {base}/ does not answer {{\"endpoints\": [...]}}: {listing!r}")
    urls = {}
    for endpoint in endpoints:
        if isinstance(endpoint, dict) and isinstance(endpoint.get("url"), str):
            urls.setdefault(endpoint.get("trigger"), endpoint["url"])
    missing = [trigger for trigger in TRIGGERS if trigger not in urls]
    if missing:
        raise Failure(f"GET {base}/ lists no endpoint for the trigger(s) {', '.join(missing)}; "
                      f"it lists {sorted(str(t) for t in urls)}")
    relative = [url for url in urls.values() if not re.match(r"https?://", url)]
    if relative:
        raise Failure(f"GET {base}/ gives URLs that are not absolute: {relative}")
    return urls


def with_uid(url, uid):
    return url + ("&" if "?" in url else "?") + "uid=" + urllib.parse.quote(uid, safe="")


class FormReader(html.parser.HTMLParser):
    """The first form of a page: its method, action and input fields."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append({"method": attrs.get("method", "get").lower(),
                               "action": attrs.get("action", ""), "inputs": {}, "hidden": {}})
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1]["inputs"][attrs["name"]] = attrs.get("value", "")
            if attrs.get("type", "").lower() == "hidden":
                self.forms[-1]["hidden"][attrs["name"]] = attrs.get("value", "")


def complete_setup(check, page_url, uid):
    """Does what a user does: opens the setup page with the uid appended and presses its
    button, which submits the form."""
    url = with_uid(page_url, uid)
    with urllib.request.urlopen(url, timeout=10) as answer:
        check.that(answer.status == 200 and "html" in answer.headers.get("Content-Type", ""),
                   "the setup page answers 200 with HTML")
        page = answer.read().decode("utf-8", "replace")
    reader = FormReader()
    reader.feed(page)
    reader.close()
    if not reader.forms:
        raise Failure(f"the setup page {url} has no form")
    form = reader.forms[0]
    check.that(form["method"] == "post", f"the setup form posts (method {form['method']!r})")
    check.that(form["hidden"].get("uid") == uid,
               "the setup form carries the uid in a hidden input "
               f"(got {form['hidden'].get('uid')!r})")
    action = urllib.parse.urljoin(url, form["action"])
    body = urllib.parse.urlencode(form["inputs"]).encode("ascii")
    request = urllib.request.Request(action, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            status, text = answer.status, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode("utf-8", "replace")
    check.that(status == 200 and "Setup completed" in text,
               f"posting the setup form to {action} answers 200 \"Setup completed\" (got {status})")


class Check:
    def __init__(self):
        self.failures = []

    def that(self, condition, what):
        print(("ok   " if condition else "FAIL ") + what, flush=True)
        if not condition:
            self.failures.append(what)


def run_studio(studio, arguments, env):
    try:
        completed = subprocess.run([studio] + arguments, capture_output=True, text=True,
                                   timeout=60, env=env)
    except subprocess.TimeoutExpired:
        raise Failure(f"plugin-studio {arguments[0]} did not finish within 60 s") from None
    sys.stderr.write(completed.stderr)
    return completed


def exercise(check, options, urls, out, env):
    manifest = os.path.join(options.server_dir, "manifest.json")

    memory_report = os.path.join(out, "memory.json")
    result = run_studio(options.studio, [
        "simulate", "memory", "--manifest", manifest, "--entry", "sample-meeting-filer",
        "--url", urls["memory_creation"], "--report", memory_report,
        "--junit", os.path.join(out, "memory.xml"), "--har", os.path.join(out, "memory.har")], env)
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

    for entry, trigger in (("sample-commitment-listener", "transcript_processed"),
                           ("sample-question-helper", "proactive_notification")):
        transcript_report = os.path.join(out, entry + ".json")
        result = run_studio(options.studio, [
            "simulate", "transcript", "--manifest", manifest, "--entry", entry,
            "--url", urls[trigger], "--transcript", options.transcript, "--fast",
            "--report", transcript_report], env)
        check.that(result.returncode == 0,
                   f"simulate transcript --fast ({entry}) exits 0 (got {result.returncode})")
        report = json.load(open(transcript_report))
        requests = report["requests"]
        check.that(len(requests) > 1 and all(r["status"] == 200 for r in requests),
                   f"every transcript batch of {entry} got a 200")
        check.that(report["summary"]["notifications"] >= 1, f"{entry} notified at least once")
        check.that(result.stderr.count("] window ") == len(requests),
                   f"one progress line per request for {entry}")

    # A user nobody has seen: not set up until the setup page's button is pressed.
    uid = "e2e-" + uuid.uuid4().hex
    setup_check = ["check-setup", "--manifest", manifest, "--entry", "sample-meeting-filer",
                   "--url", urls["setup_completed"], "--uid", uid, "--quiet"]
    result = run_studio(options.studio, setup_check, env)
    check.that(result.returncode == 1 and "Plugin setup is not completed" in result.stderr,
               f"check-setup exits 1 before the setup (got {result.returncode})")
    complete_setup(check, urls["setup_page"], uid)
    result = run_studio(options.studio, setup_check, env)
    check.that(result.returncode == 0,
               f"check-setup exits 0 after the setup (got {result.returncode})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", choices=("fastapi", "builtin"), default="fastapi",
                        help="the sample FastAPI server under uvicorn, or 'plugin-studio serve'")
    parser.add_argument("--studio", required=True)
    parser.add_argument("--server-dir", required=True,
                        help="samples/plugin-server: main.py and manifest.json")
    parser.add_argument("--transcript", required=True)
    options = parser.parse_args()

    if options.server == "fastapi":
        missing = missing_modules()
        if missing:
            print("SKIPPED: Debian's " + " and ".join("python3-" + m for m in missing)
                  + " not installed (apt install python3-fastapi python3-uvicorn); the sample "
                  "plugin server cannot run")
            return SKIP

    check = Check()
    with tempfile.TemporaryDirectory() as out:
        env = dict(os.environ)
        # Run by hand, the runs go to a throwaway history rather than the user's.
        env.setdefault("PLUGIN_STUDIO_DATA_DIR", os.path.join(out, "data"))
        server = None
        try:
            if options.server == "fastapi":
                server, base = start_fastapi(options.server_dir)
            else:
                server, base = start_builtin(options.studio, env)
            print(f"server: {options.server} at {base}", flush=True)
            wait_until_answering(base, server)
            urls = discover(base)
            check.that(True, "GET / lists an absolute URL for each of " + ", ".join(TRIGGERS))
            exercise(check, options, urls, out, env)
        except Failure as failure:
            check.that(False, str(failure))
        finally:
            if server is not None:
                status = stop(server)
                if options.server == "builtin":
                    check.that(status == 0,
                               f"plugin-studio serve exits 0 on SIGTERM (got {status})")

    if check.failures:
        print(f"{len(check.failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
