-- SPDX-License-Identifier: GPL-3.0-or-later
-- 004_outbox: every attempt to email a home program, kept for good. A row is written before the
-- server is contacted (queued), then marked sent or failed with the reason in plain words, so a
-- message is never lost and never claimed as sent when it was not. Failed rows are the outbox the
-- therapist retries from; sent rows are the patient's delivery history.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    visit_id        INTEGER NOT NULL REFERENCES visits (id) ON DELETE RESTRICT,
    program_version INTEGER NOT NULL CHECK (program_version >= 1),
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL DEFAULT '',
    message_id      TEXT NOT NULL,           -- kept across retries, so a duplicate can be recognised
    created_at      TEXT NOT NULL,           -- ISO 8601 UTC
    status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    error           TEXT NOT NULL DEFAULT '', -- the last failure in plain words; '' when none
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_attempt_at TEXT,
    sent_at         TEXT,
    FOREIGN KEY (visit_id, program_version) REFERENCES programs (visit_id, version) ON DELETE RESTRICT
);
CREATE INDEX outbox_visit ON outbox (visit_id, created_at);
CREATE INDEX outbox_status ON outbox (status);
-- A message that went out stays recorded as sent.
CREATE TRIGGER outbox_sent_is_final BEFORE UPDATE ON outbox
WHEN OLD.status = 'sent'
BEGIN
    SELECT RAISE(ABORT, 'a sent message cannot be changed');
END;
CREATE TRIGGER outbox_is_kept BEFORE DELETE ON outbox
BEGIN
    SELECT RAISE(ABORT, 'the email history cannot be deleted');
END;
