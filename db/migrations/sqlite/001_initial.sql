-- SPDX-License-Identifier: GPL-3.0-or-later
-- 001_initial: the first HipRx schema. Applied inside one transaction that also sets
-- PRAGMA user_version = 1. A later change is a new file (002_…); this one is never edited.

-- One row per person. name_key is the name folded for search (lower case, accents removed,
-- words separated by one space); it is computed by the store, never typed.
CREATE TABLE patients (
    id          INTEGER PRIMARY KEY,
    external_id TEXT UNIQUE,                 -- the clinic's own record number; NULL when none
    name        TEXT NOT NULL CHECK (length(name) > 0),
    name_key    TEXT NOT NULL,
    birth_date  TEXT,                        -- YYYY-MM-DD or NULL
    sex         TEXT NOT NULL DEFAULT 'unknown',
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,               -- ISO 8601 UTC
    updated_at  TEXT NOT NULL
);
CREATE INDEX patients_name_key ON patients (name_key);
CREATE INDEX patients_birth_date ON patients (birth_date);
CREATE INDEX patients_updated_at ON patients (updated_at);

-- One row per visit. The findings are one hiprx-assessment/1 document whose patient section is a
-- placeholder: the patient row is the only copy of personal details. visit_date, clinician and
-- complaint are copied out of it for lists.
CREATE TABLE visits (
    id              INTEGER PRIMARY KEY,
    patient_id      INTEGER NOT NULL REFERENCES patients (id) ON DELETE RESTRICT,
    visit_date      TEXT,
    clinician       TEXT NOT NULL DEFAULT '',
    complaint       TEXT NOT NULL DEFAULT '',
    assessment_json TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX visits_patient_date ON visits (patient_id, visit_date);

-- Issued programs: what the patient was given, as hiprx-program/1. Immutable, so history shows
-- exactly what was handed over; a change is a new version.
CREATE TABLE programs (
    id              INTEGER PRIMARY KEY,
    visit_id        INTEGER NOT NULL REFERENCES visits (id) ON DELETE RESTRICT,
    version         INTEGER NOT NULL CHECK (version >= 1),
    issued_at       TEXT NOT NULL,
    clinician       TEXT NOT NULL DEFAULT '',
    program_json    TEXT NOT NULL,
    acknowledgement TEXT NOT NULL DEFAULT '',
    UNIQUE (visit_id, version)
);
CREATE TRIGGER programs_are_immutable_update BEFORE UPDATE ON programs
BEGIN
    SELECT RAISE(ABORT, 'an issued program cannot be changed; issue a new version instead');
END;
CREATE TRIGGER programs_are_immutable_delete BEFORE DELETE ON programs
BEGIN
    SELECT RAISE(ABORT, 'an issued program cannot be deleted');
END;

-- The exercise library: built-ins (synced from db/exercises.json) and the clinic's own. json is
-- the exercise as the single entry of a hiprx-exercises/1 document.
CREATE TABLE exercises (
    id         TEXT PRIMARY KEY,
    builtin    INTEGER NOT NULL CHECK (builtin IN (0, 1)),
    json       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Clinic settings: key -> JSON text; each key belongs to the layer that reads it.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Who did what, when. detail names fields, never their values. Append-only.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    clinician TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_is_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;
CREATE TRIGGER audit_log_is_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;
