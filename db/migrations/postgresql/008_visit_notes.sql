-- SPDX-License-Identifier: GPL-3.0-or-later
-- 008_visit_notes (PostgreSQL): the visit note as it stood when a program was issued, the clinical
-- record of that visit, kept so a reprint is byte for byte what was filed whatever changes later.
-- One note per issued program; written once, never changed or deleted.
CREATE TABLE visit_notes (
    program_id bigint PRIMARY KEY REFERENCES programs (id),
    made_at    text COLLATE "C" NOT NULL,
    pdf        bytea NOT NULL CHECK (length(pdf) > 0)
);
CREATE FUNCTION visit_notes_are_immutable_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a stored visit note cannot be changed; it is the record as filed'
        USING ERRCODE = 'restrict_violation';
END $$;
CREATE FUNCTION visit_notes_are_immutable_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a stored visit note cannot be deleted' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER visit_notes_are_immutable_update BEFORE UPDATE ON visit_notes
    FOR EACH ROW EXECUTE FUNCTION visit_notes_are_immutable_update();
CREATE TRIGGER visit_notes_are_immutable_delete BEFORE DELETE ON visit_notes
    FOR EACH ROW EXECUTE FUNCTION visit_notes_are_immutable_delete();
CREATE TRIGGER visit_notes_are_immutable_truncate BEFORE TRUNCATE ON visit_notes
    FOR EACH STATEMENT EXECUTE FUNCTION visit_notes_are_immutable_delete();
