#!/usr/bin/python3
"""`plugin-studio load --export-artillery` against Artillery itself, on loopback.

For each case (a transcript in a few batches, all users at once, on new connections; a
memory sent again each round until the duration, users over a ramp, on reused ones):
  1. `plugin-studio load` sends the load to a server on 127.0.0.1 that records every request;
  2. the same options with --export-artillery DIR write the Artillery test;
  3. Artillery, installed by packaging/install-artillery.sh, runs DIR/scenario.yml against a
     second such server;
  4. both servers received the same users, each the same requests: method, path and query
     (the uid), body byte for byte, content type; Artillery's in the plan's order (load's
     may arrive out of order: it does not wait for answers); and with new connections, each
     of Artillery's requests came on its own connection.
Exits 77 (CTest's skip) only when Artillery is not installed because npm's registry could not
be reached (install-artillery.sh leaves DIR/registry-unreachable); fails when it is missing
for any other reason.
"""

import argparse
import collections
import concurrent.futures
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import urllib.parse

COMMAND_SECONDS = 60
SEED = "7"


class Recorder(http.server.ThreadingHTTPServer):
    """A plugin on loopback that answers {} and keeps every request it received."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), RecordingHandler)
        self.requests = []
        self.connections = set()
        self.lock = threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.server_address[1], path)


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        with self.server.lock:
            self.server.requests.append({
                "method": self.command, "path": self.path, "body": body,
                "content_type": self.headers.get("Content-Type"),
                "connection": self.client_address})
        answer = b"{}"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


def uid_of(path):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(path).query).get("uid", [None])[-1]


def by_user(requests):
    users = collections.OrderedDict()
    for request in requests:
        users.setdefault(uid_of(request["path"]), []).append(
            (request["method"], request["path"], request["body"], request["content_type"]))
    return users


def run(command, env=None):
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, timeout=COMMAND_SECONDS, env=env)
    if done.returncode != 0:
        raise AssertionError("%s exited %d\nstdout:\n%s\nstderr:\n%s" % (
            " ".join(command), done.returncode, done.stdout.decode(errors="replace"),
            done.stderr.decode(errors="replace")))
    return done


def check_case(name, studio, artillery, load_options, path, new_connections, folder):
    studio_server, artillery_server = Recorder(), Recorder()
    try:
        common = ["load"] + load_options + ["--seed", SEED, "--quiet"]
        run([studio] + common + ["--url", studio_server.url(path)])
        export_dir = os.path.join(folder, name)
        exported = run([studio] + common + ["--url", artillery_server.url(path),
                                            "--export-artillery", export_dir])
        written = exported.stdout.decode().split()
        expected = [os.path.join(export_dir, file)
                    for file in ("plan.json", "load-plan.js", "README.md", "scenario.yml")]
        if written != expected:
            raise AssertionError("%s: the export printed %s, not %s" % (name, written, expected))
        env = dict(os.environ, ARTILLERY_DISABLE_TELEMETRY="true", NO_COLOR="1")
        run([artillery, "run", "--output", os.path.join(folder, name + "-artillery.json"),
             os.path.join(export_dir, "scenario.yml")], env=env)
    finally:
        studio_server.shutdown()
        artillery_server.shutdown()

    sent, replayed = by_user(studio_server.requests), by_user(artillery_server.requests)
    if not sent:
        raise AssertionError("%s: plugin-studio load sent nothing" % name)
    if set(sent) != set(replayed):
        raise AssertionError("%s: load's users %s, Artillery's %s" % (
            name, sorted(sent), sorted(replayed)))
    # load's requests may arrive out of order (it sends each when due, answered or not);
    # Artillery's come one after the other per user, in the order of the plan's bodies.
    with open(os.path.join(export_dir, "plan.json"), encoding="utf-8") as file:
        plan = json.load(file)
    for uid, requests in sent.items():
        if sorted(requests) != sorted(replayed[uid]):
            raise AssertionError("%s: %s's requests differ\nload:\n%s\nArtillery:\n%s" % (
                name, uid, "\n".join(map(repr, requests)),
                "\n".join(map(repr, replayed[uid]))))
        session = next(user["session"] for user in plan["users"] if user["uid"] == uid)
        bodies = [body.replace(plan["uidMark"], uid).replace(plan["sessionMark"], session)
                  .encode() for body in plan["bodies"]]
        in_order = [bodies[n % len(bodies)] for n in range(len(requests))]
        if [request[2] for request in replayed[uid]] != in_order:
            raise AssertionError("%s: Artillery sent %s's requests out of the plan's order"
                                 % (name, uid))
    if new_connections:
        connections = [request["connection"] for request in artillery_server.requests]
        if len(set(connections)) != len(connections):
            raise AssertionError("%s: Artillery reused a connection with --connections new"
                                 % name)
    counts = {uid: len(requests) for uid, requests in sent.items()}
    print("%s: the same %d requests from each side, per user %s" % (
        name, len(studio_server.requests), counts))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--studio", required=True)
    parser.add_argument("--artillery-dir", required=True,
                        help="where packaging/install-artillery.sh installed Artillery")
    parser.add_argument("--data", required=True, help="tests/cli/data")
    parser.add_argument("--memory", required=True, help="a memory (samples/memories)")
    args = parser.parse_args()

    artillery = os.path.join(args.artillery_dir, "node_modules", ".bin", "artillery")
    if not os.path.exists(artillery):
        unreachable = os.path.join(args.artillery_dir, "registry-unreachable")
        if os.path.exists(unreachable):
            with open(unreachable) as why:
                print("SKIP: Artillery is not installed: %s (packaging/install-artillery.sh "
                      "installs it once the registry answers)" % why.read().strip())
            return 77
        print("FAIL: Artillery is not installed in %s: run packaging/install-artillery.sh"
              % args.artillery_dir)
        return 1

    data = args.data
    cases = [
        ("transcript", ["--manifest", os.path.join(data, "transcript-manifest.json"),
                        "--transcript", os.path.join(data, "conversation.json"),
                        "--users", "8", "--speed", "40",
                        "--connections", "new"],
         "/segments?lang=en", True),
        ("memory", ["--manifest", os.path.join(data, "memory-manifest.json"),
                    "--memory", args.memory, "--users", "2", "--duration", "2.5",
                    "--ramp", "0.5", "--speed", "36.2", "--connections", "reuse"],
         "/memory", False),
    ]
    # The cases run side by side: Artillery, offline, spends some 12 s at exit trying to send
    # its telemetry event (even with ARTILLERY_DISABLE_TELEMETRY set).
    failed = False
    with tempfile.TemporaryDirectory(prefix="artillery-export-") as folder, \
            concurrent.futures.ThreadPoolExecutor(len(cases)) as pool:
        runs = [pool.submit(check_case, name, args.studio, artillery, options, path,
                            new_connections, folder)
                for name, options, path, new_connections in cases]
        for done in runs:
            try:
                done.result()
            except (AssertionError, subprocess.TimeoutExpired) as failure:
                print("FAIL: %s" % failure)
                failed = True
    if failed:
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
