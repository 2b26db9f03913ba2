#!/usr/bin/env python3
"""What an idle `parting worker` costs, and how soon it takes new work.

    python3 bench/job_wake.py [--store sqlite|postgresql] [--idle 30] [--jobs 20] BINARY...

For each BINARY (e.g. an older build and build/parting, to compare them):

1. Idle CPU: starts `BINARY worker` (default threads: one per core) on an
   empty store, waits 5 s for start-up (the German hyphenation patterns
   load in the background), then reads its user+system CPU time and its
   threads' voluntary context switches (wake-ups) from /proc over --idle
   seconds.
2. Latency: starts `BINARY serve --no-worker` on the same store beside the
   worker and, --jobs times, after a random pause of 0.3-1.3 s (so that a
   polling worker is met at every phase of its poll), posts a one-letter
   job and watches the store (1 ms apart, read-only) until the item is no
   longer `pending`: the time from sending POST /v1/jobs to the claim.
   Prints the median and the range.

--store postgresql starts a PostgreSQL of its own (Debian's 15, run as the
`postgres` user, a temporary data folder, loopback only) and reads it
through libpq with ctypes; sqlite reads the file with Python's sqlite3.
Every process started is stopped on exit. Loopback only; run as root.
"""
import argparse
import ctypes
import json
import os
import pathlib
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
PG_BIN = pathlib.Path("/usr/lib/postgresql/15/bin")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    def __init__(self):
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="parting_wake_pg_"))
        shutil.chown(self.dir, "postgres", "postgres")
        self.port = free_port()
        self.run(f"{PG_BIN}/initdb -D {self.dir}/data -U postgres --auth=trust -E UTF8")
        self.run(f"{PG_BIN}/pg_ctl -D {self.dir}/data -w -l {self.dir}/log start -o "
                 f"'-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1'")
        self.count = 0

    def run(self, command):
        subprocess.run(["runuser", "-u", "postgres", "--", "bash", "-c", command],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def new_database(self):
        self.count += 1
        name = f"wake_{os.getpid()}_{self.count}"
        self.run(f"psql -h 127.0.0.1 -p {self.port} -d postgres -c 'CREATE DATABASE {name}'")
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self):
        self.run(f"{PG_BIN}/pg_ctl -D {self.dir}/data -m fast stop")
        shutil.rmtree(self.dir, ignore_errors=True)


class PgReader:
    """One libpq connection (ctypes): the status of a job's first item."""

    def __init__(self, url):
        self.pq = ctypes.CDLL("libpq.so.5")
        self.pq.PQconnectdb.restype = ctypes.c_void_p
        self.pq.PQexec.restype = ctypes.c_void_p
        self.pq.PQexec.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        self.pq.PQgetvalue.restype = ctypes.c_char_p
        self.pq.PQgetvalue.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        self.pq.PQntuples.argtypes = [ctypes.c_void_p]
        self.pq.PQclear.argtypes = [ctypes.c_void_p]
        self.pq.PQstatus.argtypes = [ctypes.c_void_p]
        self.connection = self.pq.PQconnectdb(url.encode())
        if self.pq.PQstatus(self.connection) != 0:
            raise RuntimeError("cannot connect to " + url)

    def status(self, job):
        result = self.pq.PQexec(
            self.connection,
            f"SELECT status FROM items WHERE job_id = '{job}' AND idx = 0".encode())
        value = (self.pq.PQgetvalue(result, 0, 0).decode()
                 if self.pq.PQntuples(result) > 0 else "")
        self.pq.PQclear(result)
        return value


class SqliteReader:
    def __init__(self, path):
        self.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def status(self, job):
        row = self.connection.execute(
            "SELECT status FROM items WHERE job_id = ? AND idx = 0", (job,)).fetchone()
        return row[0] if row else ""


def cpu_seconds(pid):
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wakeups(pid):
    total = 0
    for task in pathlib.Path(f"/proc/{pid}/task").iterdir():
        for line in (task / "status").read_text().splitlines():
            if line.startswith("voluntary_ctxt_switches"):
                total += int(line.split()[1])
    return total


def start(binary, args, log):
    return subprocess.Popen([binary, *args, "--root", str(ROOT)], stdout=log, stderr=log)


def serve_port(log_path, deadline=60):
    end = time.time() + deadline
    while time.time() < end:
        text = pathlib.Path(log_path).read_text()
        at = text.find("listening on http://")
        if at >= 0 and "\n" in text[at:]:
            address = text[at + len("listening on http://"):].split("/")[0]
            return int(address.rsplit(":", 1)[1])
        time.sleep(0.05)
    raise RuntimeError("serve did not start: " + pathlib.Path(log_path).read_text())


def measure(binary, store_flags, reader, idle_seconds, jobs, folder):
    logs = [open(folder / name, "w") for name in ("worker.log", "serve.log")]
    worker = start(binary, ["worker", *store_flags], logs[0])
    serve = None
    try:
        time.sleep(5)
        cpu0, wake0 = cpu_seconds(worker.pid), wakeups(worker.pid)
        time.sleep(idle_seconds)
        cpu = cpu_seconds(worker.pid) - cpu0
        woke = wakeups(worker.pid) - wake0
        serve = start(binary, ["serve", "--port", "0", "--no-worker", *store_flags], logs[1])
        port = serve_port(folder / "serve.log")
        body = json.dumps([json.loads((ROOT / "letter_templates/en/samples/full.json").read_text())])
        latencies = []
        for _ in range(jobs):
            time.sleep(random.uniform(0.3, 1.3))
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/v1/jobs", data=body.encode(),
                headers={"Content-Type": "application/json"}, method="POST")
            begun = time.monotonic()
            with urllib.request.urlopen(request) as response:
                job = json.loads(response.read())["id"]
            while reader().status(job) == "pending":
                time.sleep(0.001)
            latencies.append((time.monotonic() - begun) * 1000)
        return cpu, woke, latencies
    finally:
        for process in (serve, worker):
            if process:
                process.send_signal(signal.SIGTERM)
                process.wait()
        for log in logs:
            log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--store", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--idle", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=20)
    parser.add_argument("binaries", nargs="+")
    options = parser.parse_args()
    postgres = Postgres() if options.store == "postgresql" else None
    try:
        for binary in options.binaries:
            folder = pathlib.Path(tempfile.mkdtemp(prefix="parting_wake_"))
            if postgres:
                url = postgres.new_database()
                flags, reader_of = ["--database", url], (lambda url=url: PgReader(url))
            else:
                flags = ["--data-dir", str(folder)]
                reader_of = lambda path=folder / "jobs.sqlite": SqliteReader(path)
            readers = []

            def reader():
                if not readers:
                    readers.append(reader_of())
                return readers[0]

            cpu, woke, latencies = measure(binary, flags, reader, options.idle, options.jobs,
                                           folder)
            print(f"{binary} ({options.store}): idle {options.idle} s: CPU {cpu:.2f} s "
                  f"({100 * cpu / options.idle:.2f} % of a core), {woke} wake-ups; "
                  f"POST to claim, {len(latencies)} jobs: median {statistics.median(latencies):.1f} ms "
                  f"(min {min(latencies):.1f}, max {max(latencies):.1f})", flush=True)
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        if postgres:
            postgres.stop()


if __name__ == "__main__":
    sys.exit(main())
