#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes tests/data/migrations/schema_<N>.sql: one database for every schema before the current one.

Each fixture is the life of one invented clinic replayed up to schema N: migration 001 is applied
and the first records are written, then 002 and the next records, and so on. A record lands at the
schema where HipRx could first have written it (a program's PDF from 002, drafts and protocols from
003, the outbox from 004, a discarded message from 006, staff from 007), so an older table holds
rows that were written before later migrations ran over them, as in a clinic's real file.

The JSON the rows carry (findings, programs, branding) is what the current hiprx-cli writes for the
five invented cases of assets/examples; ids, timestamps and PDFs are fixed here, so the output only
changes when the migrations or the writers do. No real person is in any of it.

    python3 tests/reliability/make_migration_fixtures.py --cli build/src/cli/hiprx-cli

tests/store/migration_fixture_test.cpp loads each file, upgrades it with store::Database::open and
checks every row.
"""
import argparse
import json
import os
import pathlib
import sqlite3
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
MIGRATIONS = sorted((ROOT / "db" / "migrations" / "sqlite").glob("[0-9][0-9][0-9]_*.sql"))
OUT = ROOT / "tests" / "data" / "migrations"

# The invented patients: example file, and what the clinic's record adds to it.
PATIENTS = [
    ("cauda_equina_signs.json", {"id": "HX-1001", "phone": "+44 7700 900101"}, "Jordan Park, PT"),
    ("desk_worker_tight_hip_flexors.json", {"email": "sam.carter@example.org"}, "Jordan Park, PT"),
    ("hip_replacement_posterior.json", {"id": "MRN-THA-POST-1", "email": "m.oneill@example.net",
                                        "phone": "+44 7700 900303"}, "Alex Moreau, PT, DPT"),
    ("runner_lateral_hip_weak_glute_med.json", {"id": "HX-1004"}, "Alex Moreau, PT, DPT"),
    ("tight_hamstrings.json", {"id": "hx-1005", "email": "tomas.alvarez@example.com"}, ""),
]
FOLLOW_UP = ROOT / "tests" / "data" / "hip_replacement_posterior_followup.json"
BRANDING = {"clinic_name": "Riverside Physiotherapy (invented)", "address": "1 Example Road\nSpringfield",
            "phone": "+44 20 7946 0000", "email": "desk@example.org", "accent_color": "#2A6F4E",
            "therapist_name": "Jordan Park", "therapist_credentials": "PT"}


def pdf(label):
    """A small stand-in for a stored PDF: the store keeps bytes, it never parses them."""
    return ("%PDF-1.4\n% HipRx migration fixture: " + label + "\n%%EOF\n").encode()


def at(day, minute):
    return f"2026-11-{day:02d}T09:{minute:02d}:00.000Z"


def payloads(cli):
    """Runs the current hiprx-cli on the invented cases and returns what it stored."""
    with tempfile.TemporaryDirectory(prefix="hiprx-fixtures-") as tmp:
        env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=tmp, HIPRX_TODAY="2026-12-01")
        db = os.path.join(tmp, "current.sqlite")

        def run(*args):
            subprocess.run([cli, "--db", db, "--clinician", "Jordan Park, PT", *args], env=env, check=True,
                           stdout=subprocess.DEVNULL)

        run("init")
        for name, extra, clinician in PATIENTS:
            case = json.loads((ROOT / "assets" / "examples" / name).read_text())
            case["patient"].update(extra)
            if clinician:
                case["visit"]["clinician"] = clinician
            path = os.path.join(tmp, name)
            pathlib.Path(path).write_text(json.dumps(case))
            run("import", path)
        # Visit 6, Margaret O'Neill's follow-up. Its file repeats her contact details: an import
        # replaces the stored patient's details with the file's, empty ones included.
        follow_up = json.loads(FOLLOW_UP.read_text())
        follow_up["patient"].update(PATIENTS[2][1])
        path = os.path.join(tmp, "follow_up.json")
        pathlib.Path(path).write_text(json.dumps(follow_up))
        run("import", path)
        branding = os.path.join(tmp, "branding.json")
        pathlib.Path(branding).write_text(json.dumps(BRANDING))
        run("clinic", "--branding", branding)
        for visit in (1, 2, 3, 4, 6):
            run("issue", str(visit))
        con = sqlite3.connect(db)
        out = {
            "patients": con.execute("SELECT id, external_id, name, name_key, birth_date, sex, email, phone "
                                    "FROM patients ORDER BY id").fetchall(),
            "visits": con.execute("SELECT id, patient_id, visit_date, clinician, complaint, assessment_json "
                                  "FROM visits ORDER BY id").fetchall(),
            "programs": {row[0]: row[1:] for row in con.execute(
                "SELECT visit_id, program_json, acknowledgement FROM programs WHERE version = 1")},
            "branding": con.execute("SELECT value FROM settings WHERE key = 'branding'").fetchone()[0],
            "exercise": con.execute("SELECT json FROM exercises WHERE id = 'clamshell'").fetchone()[0],
            "builtin": con.execute("SELECT json FROM exercises WHERE id = 'glute_bridge'").fetchone()[0],
        }
        con.close()
        return out


class Clinic:
    """Writes the records of each stage the way that HipRx version did, audit row included."""

    def __init__(self, con, data):
        self.con = con
        self.data = data
        self.minute = 0

    def audit(self, day, who, action, entity, entity_id, detail):
        self.minute += 1
        self.con.execute("INSERT INTO audit_log (at, clinician, action, entity, entity_id, detail) "
                         "VALUES (?, ?, ?, ?, ?, ?)", (at(day, self.minute % 60), who, action, entity, entity_id,
                                                       detail))

    def issue(self, day, visit, version, with_pdf):
        program_json, acknowledgement = self.data["programs"][visit]
        who = "Jordan Park, PT"
        columns = "visit_id, version, issued_at, clinician, program_json, acknowledgement"
        values = [visit, version, at(day, 30 + version), who, program_json, acknowledgement]
        if with_pdf:
            columns += ", pdf"
            values.append(pdf(f"visit {visit} version {version}"))
        cur = self.con.execute(f"INSERT INTO programs ({columns}) VALUES ({', '.join('?' * len(values))})", values)
        self.audit(day, who, "program.issue", "program", cur.lastrowid, f"visit {visit}; version {version}")

    def stage(self, schema):
        c, d = self.con, self.data
        if schema == 1:
            c.execute("INSERT INTO settings VALUES ('branding', ?, ?)", (d["branding"], at(1, 0)))
            c.execute("INSERT INTO settings VALUES ('page_size', '\"letter\"', ?)", (at(1, 1),))
            self.audit(1, "", "setting.set", "setting", None, "key: branding")
            c.execute("INSERT INTO exercises VALUES ('glute_bridge', 1, ?, ?)", (d["builtin"], at(1, 2)))
            # A clinic exercise as HipRx wrote them before pictures: a one-entry hiprx-exercises/1.
            clinic = json.loads(d["exercise"])
            entry = clinic["exercises"][0]
            entry.update({"id": "riverside_side_lying_lift", "name": "Side-lying leg lift (Riverside)"})
            for link in ("easier", "harder"):
                entry.pop(link, None)
            c.execute("INSERT INTO exercises VALUES ('riverside_side_lying_lift', 0, ?, ?)",
                      (json.dumps(clinic, indent=2, ensure_ascii=False), at(1, 3)))
            self.audit(1, "Jordan Park, PT", "exercise.add", "exercise", None, "riverside_side_lying_lift")
            for (pid, ext, name, key, birth, sex, email, phone), visit in zip(d["patients"], d["visits"][:5]):
                day = 1 + pid
                c.execute("INSERT INTO patients VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (pid, ext, name, key, birth, sex, email, phone, at(day, 0), at(day, 0)))
                self.audit(day, visit[3], "patient.create", "patient", pid, "fields: name, birth_date, sex")
                c.execute("INSERT INTO visits VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (*visit, at(day, 1), at(day, 1)))
                self.audit(day, visit[3], "visit.create", "visit", visit[0], f"patient {pid}")
            self.issue(4, 1, 1, False)  # the emergency sheet
            self.issue(2, 2, 1, False)
        elif schema == 2:
            self.issue(5, 3, 1, True)
            self.issue(6, 4, 1, True)
            visit = d["visits"][5]
            c.execute("INSERT INTO visits VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (*visit, at(19, 0), at(19, 0)))
            self.audit(19, "Alex Moreau, PT, DPT", "visit.create", "visit", visit[0], f"patient {visit[1]}")
            self.issue(19, 6, 1, True)
        elif schema == 3:
            c.execute("INSERT INTO assessment_drafts (patient_id, visit_id, form_text, updated_at) VALUES "
                      "(5, 0, ?, ?)", ('{"form":"complaint=Back feels tight when bending\\nnprs_now=2"}', at(20, 0)))
            c.execute("INSERT INTO assessment_drafts (patient_id, visit_id, form_text, updated_at) VALUES "
                      "(4, 4, ?, ?)", ('{"form":"impression=weak gluteus medius right"}', at(20, 5)))
            for pid, (name, visit) in enumerate((("Post-THA posterior week 8", 3),
                                                 ("Desk worker: hip flexors", 2)), start=1):
                c.execute("INSERT INTO protocols VALUES (?, ?, ?, ?, ?)",
                          (pid, name, d["programs"][visit][0], at(20, 10 + pid), at(20, 10 + pid)))
                self.audit(20, "Jordan Park, PT", "protocol.save", "protocol", pid, "fields: name, program")
        elif schema == 4:
            rows = [
                (1, 3, 1, "m.oneill@example.net", "sent", "", 1, at(21, 1), at(21, 1)),
                (2, 4, 1, "priya.n@example.invalid", "failed", "the server refused the address (550)", 2,
                 at(21, 3), None),
                (3, 2, 1, "sam.carter@example.org", "failed", "could not connect to smtp.example.org:587", 1,
                 at(21, 4), None),
                (4, 6, 1, "m.oneill@example.net", "queued", "", 0, None, None),
            ]
            for oid, visit, version, to, status, error, attempts, last, sent in rows:
                c.execute("INSERT INTO outbox VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (oid, visit, version, to, "Your home exercise program", "Dear patient, …",
                           f"<fixture-{oid}@hiprx.invalid>", at(21, 0), status, error, attempts, last, sent))
                self.audit(21, "Jordan Park, PT", "email.queue", "outbox", oid, f"visit {visit}")
        elif schema == 5:
            # Patient 7 is written by a HipRx with search tokens; the earlier ones got theirs from 005.
            c.execute("INSERT INTO patients VALUES (7, 'HX-1007', 'Ines Kowalski', 'ines kowalski', "
                      "'1984-03-09', 'female', '', '', ?, ?)", (at(22, 0), at(22, 0)))
            c.executemany("INSERT INTO patient_search_tokens VALUES (?, 7)",
                          [("ines",), ("kowalski",), ("hx-1007",), ("1984-03-09",)])
            self.audit(22, "Jordan Park, PT", "patient.create", "patient", 7, "fields: name, birth_date, sex")
        elif schema == 6:
            c.execute("INSERT INTO outbox_discarded VALUES (2, ?)", (at(23, 0),))
            self.audit(23, "Jordan Park, PT", "email.discard", "outbox", 2, "")
        elif schema == 7:
            for sid, name, cred, active in ((1, "Jordan Park", "PT", 1), (2, "Alex Moreau", "PT, DPT", 1),
                                            (3, "Casey Lind", "PTA", 0)):
                c.execute("INSERT INTO staff VALUES (?, ?, ?, ?, ?)", (sid, name, cred, active, at(24, sid)))
                self.audit(24, "Jordan Park, PT", "staff.add", "staff", sid, "fields: name, credentials")
        elif schema == 8:
            # The visit note filed with program 3 (visit 3's first version).
            note = pdf("visit note, program 3")
            c.execute("INSERT INTO visit_notes VALUES (3, ?, ?)", (at(25, 0), note))
            self.audit(25, "Alex Moreau, PT, DPT", "visit_note.file", "visit", 3, f"program 3, {len(note)} bytes")


def build(schema, data):
    con = sqlite3.connect(":memory:", isolation_level=None)
    clinic = Clinic(con, data)
    for number, path in enumerate(MIGRATIONS[:schema], start=1):
        con.execute("BEGIN")
        for statement in statements(path.read_text()):
            con.execute(statement)
        con.execute(f"PRAGMA user_version = {number}")
        clinic.stage(number)
        con.execute("COMMIT")
    text = [f"-- HipRx database at schema {schema}, written by tests/reliability/make_migration_fixtures.py",
            "-- (invented clinic; regenerate, never edit). Loaded by tests/store/migration_fixture_test.cpp.",
            f"PRAGMA user_version = {schema};"]
    text += list(con.iterdump())
    con.close()
    return "\n".join(text) + "\n"


def statements(script):
    """Splits a migration into statements (sqlite3.complete_statement knows about triggers)."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                out.append(current)
            current = ""
    if current.strip() and not all(l.strip().startswith("--") or not l.strip() for l in current.splitlines()):
        raise SystemExit("unterminated statement in a migration")
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, help="a current hiprx-cli")
    args = parser.parse_args()
    data = payloads(os.path.abspath(args.cli))
    OUT.mkdir(parents=True, exist_ok=True)
    for schema in range(1, len(MIGRATIONS)):
        (OUT / f"schema_{schema}.sql").write_text(build(schema, data))
        print(f"wrote {OUT / f'schema_{schema}.sql'}")


if __name__ == "__main__":
    main()
