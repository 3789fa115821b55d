-- SPDX-License-Identifier: GPL-3.0-or-later
-- 009_row_version (PostgreSQL): optimistic locking for patients and visits, the rows two desks may
-- edit at once. The store reads row_version with the row and saves with
--   UPDATE … WHERE id = $1 AND row_version = $2 RETURNING row_version
-- so a save over another desk's newer change touches no row and is refused, never lost silently.
-- A trigger bumps the version on every UPDATE, whatever the statement sets (hand-written SQL too);
-- rows that exist already start at 1. SQLite's 009 adds the same columns; its store bumps them in the
-- UPDATE statement.
ALTER TABLE patients ADD COLUMN row_version bigint NOT NULL DEFAULT 1;
ALTER TABLE visits ADD COLUMN row_version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION row_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.row_version := OLD.row_version + 1;
    RETURN NEW;
END $$;
CREATE TRIGGER patients_row_version BEFORE UPDATE ON patients
    FOR EACH ROW EXECUTE FUNCTION row_version_bump();
CREATE TRIGGER visits_row_version BEFORE UPDATE ON visits
    FOR EACH ROW EXECUTE FUNCTION row_version_bump();
