#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""I/O-error injection: hiprx-cli import, issue, backup and export with one system call failing.

For each command and each family of calls the shim io_faults.so intercepts (write, pwrite, fsync,
fdatasync, rename, ftruncate, open: see io_faults/io_faults.c) the command is first run once to
count its calls, then once for every Nth call (or --points of them, evenly spread, first and last
included) failing with EIO, and once with ENOSPC from the Nth call on (a disk that stays full). Each
run starts from the same database and must end in one of two ways:

  - refused: a non-zero exit with a message on standard error that says what failed (no sanitizer
    report, no uncaught exception, no signal), the database whole (integrity_check) and exactly as
    before (no half-made record), the named output file absent or as it was, no temporary or
    `*.partial` file left anywhere;
  - done despite the fault (SQLite retries some calls, and a failed call may not matter): exit 0
    and the result complete (the record stored, the backup whole and the same as the database, the
    export readable JSON), no temporary file left.

Anything else is a failure. The database and files are under a temporary folder; patients are
the invented cases of assets/examples.

    python3 tests/reliability/io_faults.py --cli build-asan/src/cli/hiprx-cli \\
        --shim build-asan/tests/reliability/io_faults.so [--points 0 (all)] [--commands backup] [--calls fsync]
"""
import argparse
import json
import os
import pathlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
FAMILIES = ["write", "pwrite", "fsync", "fdatasync", "rename", "ftruncate", "open"]
# What only a crash or a bug prints: never a message meant for the user.
NOT_A_MESSAGE = ["AddressSanitizer", "runtime error:", "LeakSanitizer", "terminate called", "Aborted",
                 "Segmentation fault", "core dumped", "what():"]


class Injection:
    def __init__(self, cli, shim, work, points):
        self.cli = cli
        self.shim = shim
        self.work = pathlib.Path(work)
        self.points = points
        self.env = dict(os.environ, HOME=str(self.work), XDG_DATA_HOME=str(self.work / "xdg"),
                        HIPRX_TODAY="2026-12-01")
        self.env.pop("HIPRX_DB", None)
        self.counts = {"runs": 0, "faults": 0, "refused": 0, "done_anyway": 0, "failures": 0}
        self.by_call = {family: 0 for family in FAMILIES}
        self.failures = []
        self.golden = self.work / "golden"
        self.golden.mkdir()
        self.case = self.work / "new_case.json"
        case = json.loads((ROOT / "assets" / "examples" / "tight_hamstrings.json").read_text())
        case["patient"]["id"] = "IO-0001"
        self.case.write_text(json.dumps(case))
        # The acknowledged state every run starts from: two patients, one issued program.
        for args in (["init"], ["import", str(ROOT / "assets" / "examples" / "desk_worker_tight_hip_flexors.json")],
                     ["import", str(ROOT / "assets" / "examples" / "runner_lateral_hip_weak_glute_med.json")],
                     ["issue", "1"]):
            result = self.cli_run(self.golden, args)
            if result.returncode != 0:
                raise SystemExit(f"setting up: hiprx-cli {' '.join(args)} failed: {result.stderr}")
        self.baseline = self.records(self.golden / "clinic.sqlite")

    def commands(self, folder):
        return {
            "import": ["import", str(self.case)],
            "issue": ["issue", "2"],
            "backup": ["backup", str(folder / "named-backup.sqlite")],
            "export": ["export", "--visit", "1", "-o", str(folder / "visit1.json")],
        }

    def cli_run(self, folder, args, fault=None):
        env = dict(self.env)
        if fault is not None:
            env.update(fault)
            env["LD_PRELOAD"] = self.shim
        return subprocess.run([self.cli, "--db", str(folder / "clinic.sqlite"), *args], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=120)

    def records(self, path):
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return (sorted(con.execute("SELECT id, external_id, name FROM patients")),
                    sorted(con.execute("SELECT id, patient_id, visit_date FROM visits")),
                    sorted(con.execute("SELECT visit_id, version, length(program_json) FROM programs")),
                    con.execute("SELECT count(*) FROM audit_log").fetchone()[0])
        finally:
            con.close()

    def integrity(self, path):
        try:
            con = sqlite3.connect(str(path))
            try:
                result = [row[0] for row in con.execute("PRAGMA integrity_check")]
            finally:
                con.close()
            return result == ["ok"], "; ".join(result[:3])
        except sqlite3.Error as e:
            return False, str(e)

    def fresh(self):
        folder = pathlib.Path(tempfile.mkdtemp(dir=self.work, prefix="run-"))
        for name in os.listdir(self.golden):
            shutil.copy2(self.golden / name, folder / name)
        return folder

    def calls(self, command):
        """How many calls of each family the command makes when nothing fails."""
        folder = self.fresh()
        report = folder.parent / (folder.name + ".calls")
        result = self.cli_run(folder, self.commands(folder)[command], {"HIPRX_FAULT_REPORT": str(report)})
        if result.returncode != 0:
            raise SystemExit(f"hiprx-cli {command} fails without any fault: {result.stderr}")
        counts = {}
        for line in report.read_text().splitlines():
            family, calls, _ = line.split()
            counts[family] = int(calls)
        shutil.rmtree(folder)
        report.unlink()
        return counts

    def spread(self, total):
        if self.points <= 0 or total <= self.points:
            return list(range(1, total + 1))
        step = (total - 1) / (self.points - 1)
        return sorted({1 + round(i * step) for i in range(self.points)})

    def fail(self, label, what):
        self.counts["failures"] += 1
        self.failures.append(f"{label}: {what}")
        print(f"FAIL {label}: {what}", file=sys.stderr)

    def one(self, command, family, nth, errno_name):
        folder = self.fresh()
        before = set(os.listdir(folder))
        report = folder.parent / (folder.name + ".faults")
        args = self.commands(folder)[command]
        fault = {"HIPRX_FAULT_CALL": family, "HIPRX_FAULT_NTH": str(nth), "HIPRX_FAULT_ERRNO": errno_name,
                 "HIPRX_FAULT_STICKY": "1" if errno_name == "ENOSPC" else "0",
                 "HIPRX_FAULT_REPORT": str(report)}
        label = f"{command} with {family} #{nth} failing ({errno_name})"
        result = self.cli_run(folder, args, fault)
        self.counts["runs"] += 1
        fired = any(line.split()[0] == family and int(line.split()[2]) > 0
                    for line in report.read_text().splitlines()) if report.exists() else False
        report.unlink(missing_ok=True)
        if not fired:
            shutil.rmtree(folder)
            return
        self.counts["faults"] += 1
        self.by_call[family] += 1
        database = folder / "clinic.sqlite"
        err = result.stderr.strip()

        # Nothing half-made left behind, whatever the outcome (SQLite's own -wal/-shm are its own).
        left = [name for name in set(os.listdir(folder)) - before
                if name.endswith(".partial") or ".tmp" in name or name.startswith(".")]
        if left:
            self.fail(label, f"left {sorted(left)}")
        ok, detail = self.integrity(database)
        if not ok:
            self.fail(label, f"database damaged: {detail}")
            return
        now = self.records(database)

        if result.returncode != 0:
            self.counts["refused"] += 1
            if result.returncode < 0 or not err or any(word in err for word in NOT_A_MESSAGE):
                self.fail(label, f"exit {result.returncode} without a clear message: {err[:400]!r}")
            if command in ("import", "issue") and now[:3] != self.baseline[:3]:
                self.fail(label, "refused, yet the database changed")
            if command in ("export", "backup") and now != self.baseline:
                self.fail(label, "refused, yet the database changed")
            out = pathlib.Path(args[-1])
            if command in ("export", "backup") and out.exists():
                self.fail(label, f"refused, yet {out.name} was left")
        else:
            self.counts["done_anyway"] += 1
            if not (set(self.baseline[0]) <= set(now[0]) and set(self.baseline[2]) <= set(now[2])):
                self.fail(label, "acknowledged data missing")
            if command == "import" and not any(p[1] == "IO-0001" for p in now[0]):
                self.fail(label, "exit 0 but the patient was not stored")
            if command == "issue" and not any(p[0] == 2 for p in now[2]):
                self.fail(label, "exit 0 but no program was stored")
            if command == "backup":
                ok, detail = self.integrity(args[-1])
                if not ok or self.records(args[-1])[:3] != now[:3]:
                    self.fail(label, f"exit 0 but the backup is damaged or different ({detail})")
            if command == "export":
                try:
                    json.loads(pathlib.Path(args[-1]).read_text())
                except (OSError, ValueError) as e:
                    self.fail(label, f"exit 0 but the export is unreadable: {e}")
        shutil.rmtree(folder)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--shim", required=True, help="io_faults.so")
    parser.add_argument("--points", type=int, default=0,
                        help="at most this many call numbers per command and family (0: every call)")
    parser.add_argument("--commands", default="import,issue,backup,export", help="comma-separated")
    parser.add_argument("--calls", default=",".join(FAMILIES), help="comma-separated families")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="hiprx-iofaults-")
    started = time.monotonic()
    injection = Injection(os.path.abspath(args.cli), os.path.abspath(args.shim), work, args.points)
    for command in args.commands.split(","):
        calls = injection.calls(command)
        for family in args.calls.split(","):
            for nth in injection.spread(calls.get(family, 0)):
                for errno_name in ("EIO", "ENOSPC"):
                    injection.one(command, family, nth, errno_name)
    c = injection.counts
    print(f"I/O-error injection: {c['runs']} runs, {c['faults']} injected faults in "
          f"{time.monotonic() - started:.0f} s ("
          + ", ".join(f"{family} {n}" for family, n in injection.by_call.items()) + ")")
    print(f"  refused with a message {c['refused']}, completed despite the fault {c['done_anyway']}, "
          f"failures {c['failures']}")
    if args.keep:
        print(f"  work folder: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if injection.failures else 0


if __name__ == "__main__":
    sys.exit(main())
