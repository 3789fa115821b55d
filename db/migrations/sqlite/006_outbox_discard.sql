-- SPDX-License-Identifier: GPL-3.0-or-later
-- 006_outbox_discard: a message that failed and will not be sent (a mistyped address, a program
-- since replaced) can be taken out of the outbox. The outbox row itself stays untouched, so the
-- patient's email history still shows the attempt, as discarded, with when it was discarded.
CREATE TABLE outbox_discarded (
    outbox_id    INTEGER PRIMARY KEY REFERENCES outbox (id) ON DELETE RESTRICT,
    discarded_at TEXT NOT NULL -- ISO 8601 UTC
);
-- A message that went out cannot be discarded.
CREATE TRIGGER outbox_discard_only_unsent BEFORE INSERT ON outbox_discarded
WHEN (SELECT status FROM outbox WHERE id = NEW.outbox_id) = 'sent'
BEGIN
    SELECT RAISE(ABORT, 'a sent message cannot be discarded');
END;
-- A discarded message is never sent again (a retry would need a new message).
CREATE TRIGGER outbox_discarded_is_final BEFORE UPDATE ON outbox
WHEN EXISTS (SELECT 1 FROM outbox_discarded WHERE outbox_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a discarded message is not sent again');
END;
CREATE TRIGGER outbox_discarded_is_kept BEFORE DELETE ON outbox_discarded
BEGIN
    SELECT RAISE(ABORT, 'the email history cannot be deleted');
END;
CREATE TRIGGER outbox_discarded_is_fixed BEFORE UPDATE ON outbox_discarded
BEGIN
    SELECT RAISE(ABORT, 'the email history cannot be changed');
END;
