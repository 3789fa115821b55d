-- The visit note as it stood when a program was issued: the clinical record of that visit, kept so
-- that a reprint is byte for byte what was filed, whatever changes later (findings edited, templates,
-- branding, HipRx itself). One note per issued program; written once, never changed or deleted.
CREATE TABLE visit_notes (
    program_id INTEGER PRIMARY KEY REFERENCES programs (id),
    made_at TEXT NOT NULL,
    pdf BLOB NOT NULL CHECK (length(pdf) > 0)
);
CREATE TRIGGER visit_notes_are_immutable_update BEFORE UPDATE ON visit_notes
BEGIN
    SELECT RAISE(ABORT, 'a stored visit note cannot be changed; it is the record as filed');
END;
CREATE TRIGGER visit_notes_are_immutable_delete BEFORE DELETE ON visit_notes
BEGIN
    SELECT RAISE(ABORT, 'a stored visit note cannot be deleted');
END;
