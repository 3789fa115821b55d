#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash campaign: SIGKILL hiprx-cli at random moments of import, issue, backup and restore.

Each round runs one command on one database and, at a random moment within about the time that
command takes, kills it with SIGKILL (as a power cut or the OOM killer would; no handler runs). Then:

  - PRAGMA integrity_check of the database (and of every backup a command said it wrote) is "ok";
  - every acknowledged write (a command that exited 0 before the kill) is there: each imported
    patient and visit, each issued program version; a backup holds exactly what the database held
    when it was taken; a restore leaves exactly the backup's records, and an interrupted restore
    leaves either the old records or the backup's, never a mixture and never no database;
  - the next command opens the database (the following round is that command).

A round counts as a kill mid-write when the command was still running when killed and the database,
its WAL or the file it was writing had changed since it started. The seed fixes the sequence of
commands and kill delays; where exactly a kill lands still depends on timing, so two runs with one
seed are alike, not identical.

    python3 tests/reliability/crash_campaign.py --cli build-asan/src/cli/hiprx-cli --rounds 200 --seed 1

Exit status 0 when every check held, 1 otherwise. Only invented patients are used.
"""
import argparse
import json
import os
import pathlib
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Cases without an urgent referral, so `issue` needs no acknowledgement.
CASES = ["desk_worker_tight_hip_flexors.json", "runner_lateral_hip_weak_glute_med.json",
         "hip_replacement_posterior.json", "tight_hamstrings.json"]
FIRST = ["Avery", "Rowan", "Kai", "Noor", "Ines", "Tomasz", "Lena", "Yusuf"]
LAST = ["Example", "Sample", "Fixture", "Placeholder", "Testcase"]
OPERATIONS = [("import", 35), ("issue", 35), ("backup", 20), ("restore", 10)]


class Campaign:
    def __init__(self, cli, work, rng, verbose):
        self.cli = cli
        self.work = pathlib.Path(work)
        self.rng = rng
        self.verbose = verbose
        self.db = self.work / "clinic.sqlite"
        self.backups = self.work / "named-backups"
        self.backups.mkdir()
        self.env = dict(os.environ, HOME=str(self.work), XDG_DATA_HOME=str(self.work / "xdg"),
                        HIPRX_TODAY="2026-12-01")
        self.env.pop("HIPRX_DB", None)
        self.expected = (set(), set())  # acknowledged (patients, programs) that must be present
        self.backup_sets = {}            # backup file → its (patients, programs) when written
        self.duration = {}               # operation → recent durations of unkilled runs (s)
        self.counts = {"rounds": 0, "killed": 0, "kills_mid_write": 0, "acknowledged": 0,
                       "failed_commands": 0, "integrity_failures": 0, "lost_writes": 0,
                       "restore_mixtures": 0, "leftover_temp_files": 0}
        self.failures = []

    # -- running hiprx-cli -------------------------------------------------------------------------

    def run(self, args, kill_after=None):
        """Runs hiprx-cli; returns (exit status or None when killed, stderr, seconds, wrote)."""
        before = self.signature()
        start = time.monotonic()
        proc = subprocess.Popen([self.cli, "--db", str(self.db), "--clinician", "Campaign Bot", *args],
                                env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _, err = proc.communicate(timeout=kill_after)
            return proc.returncode, err.decode(errors="replace"), time.monotonic() - start, False
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            wrote = self.signature() != before
            return None, "", time.monotonic() - start, wrote

    def signature(self):
        out = []
        for path in [self.db, self.db.with_name(self.db.name + "-wal")] + sorted(self.backups.iterdir()):
            try:
                st = path.stat()
                out.append((str(path), st.st_size, st.st_mtime_ns))
            except FileNotFoundError:
                out.append((str(path), None))
        return out

    def delay(self, operation):
        """When to kill: one round in five runs to the end (and measures how long a command takes),
        one in five anywhere, the rest in the last third, where the writing happens (the rest is
        mostly starting up, reading, checking and drawing the PDF)."""
        seen = self.duration.get(operation, [0.5])
        typical = sum(seen) / len(seen)
        kind = self.rng.random()
        if kind < 0.2:
            return None
        if kind < 0.4:
            return self.rng.uniform(0.0, typical)
        return self.rng.uniform(0.7 * typical, 1.02 * typical)

    # -- reading the database ------------------------------------------------------------------------

    def records(self, path):
        """(patients, programs) in a database file: external ids and (external id, version)."""
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            patients = {row[0] for row in con.execute("SELECT external_id FROM patients")}
            programs = {(row[0], row[1]) for row in con.execute(
                "SELECT p.external_id, g.version FROM programs g JOIN visits v ON v.id = g.visit_id "
                "JOIN patients p ON p.id = v.patient_id")}
            return patients, programs
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

    def visit_of(self, external_id):
        con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT v.id FROM visits v JOIN patients p ON p.id = v.patient_id "
                              "WHERE p.external_id = ?", (external_id,)).fetchone()
            return row[0] if row else None
        finally:
            con.close()

    def fail(self, what):
        self.failures.append(f"round {self.counts['rounds']}: {what}")
        print(f"FAIL round {self.counts['rounds']}: {what}", file=sys.stderr)

    # -- one round -----------------------------------------------------------------------------------

    def round(self, number):
        self.counts["rounds"] += 1
        present = self.records(self.db)
        names = [name for name, _ in OPERATIONS]
        operation = self.rng.choices(names, weights=[w for _, w in OPERATIONS])[0]
        if operation == "issue" and not present[0]:
            operation = "import"
        if operation == "restore" and not self.backup_sets:
            operation = "backup"
        kill_after = self.delay(operation)

        backup_file = None
        if operation == "import":
            external_id = f"CC-{number:05d}"
            case = json.loads((ROOT / "assets" / "examples" / self.rng.choice(CASES)).read_text())
            case["patient"]["id"] = external_id
            case["patient"]["name"] = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
            path = self.work / "case.json"
            path.write_text(json.dumps(case))
            args = ["import", str(path)]
        elif operation == "issue":
            external_id = self.rng.choice(sorted(present[0]))
            args = ["issue", str(self.visit_of(external_id))]
        elif operation == "backup":
            backup_file = self.backups / f"backup-{number:05d}.sqlite"
            args = ["backup", str(backup_file)]
        else:
            backup_file = self.rng.choice(sorted(self.backup_sets)[-5:])  # recent, as a clinic would
            args = ["restore", str(backup_file)]

        status, err, seconds, wrote = self.run(args, kill_after)
        if status is None:
            self.counts["killed"] += 1
            self.counts["kills_mid_write"] += 1 if wrote else 0
        else:
            self.duration.setdefault(operation, []).append(seconds)
            self.duration[operation] = self.duration[operation][-10:]
            if status == 0:
                self.counts["acknowledged"] += 1
            else:
                self.counts["failed_commands"] += 1
                self.fail(f"{' '.join(args)} exited {status}: {err.strip()[:300]}")
        if self.verbose:
            print(f"round {number}: {operation} {'killed' if status is None else status} after {seconds:.2f}s"
                  f"{' mid-write' if wrote else ''}")

        # The database: there, whole, and holding every acknowledged write.
        if not self.db.exists():
            self.counts["integrity_failures"] += 1
            self.fail(f"no database after {operation}")
            return
        ok, detail = self.integrity(self.db)
        if not ok:
            self.counts["integrity_failures"] += 1
            self.fail(f"integrity_check after {operation}: {detail}")
            return
        now = self.records(self.db)

        if operation == "restore":
            restored = self.backup_sets[backup_file]
            if status == 0:
                if now != (set(restored[0]), set(restored[1])):
                    self.counts["lost_writes"] += 1
                    self.fail(f"restore of {backup_file.name} acknowledged but the database differs from it")
                self.expected = (set(restored[0]), set(restored[1]))
            elif now == restored:
                self.expected = (set(restored[0]), set(restored[1]))
            elif now != present:
                self.counts["restore_mixtures"] += 1
                self.fail(f"interrupted restore left neither the old records nor the backup's")
        else:
            if operation == "import" and status == 0:
                self.expected[0].add(external_id)
            if operation == "issue" and status == 0:
                versions = [v for e, v in now[1] if e == external_id]
                self.expected[1].add((external_id, max(versions) if versions else 0))
            if operation == "backup" and status == 0:
                ok, detail = self.integrity(backup_file)
                if not ok:
                    self.counts["integrity_failures"] += 1
                    self.fail(f"backup {backup_file.name} acknowledged but damaged: {detail}")
                elif self.records(backup_file) != now:
                    self.counts["lost_writes"] += 1
                    self.fail(f"backup {backup_file.name} acknowledged but differs from the database")
                else:
                    self.backup_sets[backup_file] = (frozenset(now[0]), frozenset(now[1]))
            # A write killed before its acknowledgement may or may not have landed; a landed one is
            # kept from now on (a later check must still find it unless a restore removes it).
            self.expected = (self.expected[0] | (now[0] - present[0]), self.expected[1] | (now[1] - present[1]))
        lost = (self.expected[0] - now[0], self.expected[1] - now[1])
        if lost[0] or lost[1]:
            self.counts["lost_writes"] += len(lost[0]) + len(lost[1])
            self.fail(f"acknowledged writes missing after {operation}: {sorted(lost[0])} {sorted(lost[1])}")
            self.expected = (set(now[0]), set(now[1]))

        # Killed backups may leave their temporary file (SIGKILL runs no clean-up); counted, and
        # never taken for a backup.
        temps = [p for folder in (self.work, self.backups) for p in folder.iterdir() if ".tmp-" in p.name]
        self.counts["leftover_temp_files"] = len(temps)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, help="hiprx-cli to test")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the work folder (printed)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="hiprx-crash-")
    campaign = Campaign(os.path.abspath(args.cli), work, random.Random(args.seed), args.verbose)
    started = time.monotonic()
    status, err, _, _ = campaign.run(["init"])
    if status != 0:
        print(f"hiprx-cli init failed: {err}", file=sys.stderr)
        return 1
    for number in range(1, args.rounds + 1):
        campaign.round(number)
    counts = campaign.counts
    print(f"crash campaign: seed {args.seed}, {counts['rounds']} rounds in {time.monotonic() - started:.0f} s")
    print(f"  killed {counts['killed']} ({counts['kills_mid_write']} mid-write), "
          f"{counts['acknowledged']} acknowledged commands, {counts['failed_commands']} failed commands")
    print(f"  integrity failures {counts['integrity_failures']}, lost writes {counts['lost_writes']}, "
          f"mixed restores {counts['restore_mixtures']}, temp files left by killed backups "
          f"{counts['leftover_temp_files']}")
    print(f"  database at the end: {len(campaign.expected[0])} patients, {len(campaign.expected[1])} program versions"
          " acknowledged or landed")
    if args.keep:
        print(f"  work folder: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if campaign.failures else 0


if __name__ == "__main__":
    sys.exit(main())
