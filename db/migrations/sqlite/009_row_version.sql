-- SPDX-License-Identifier: GPL-3.0-or-later
-- 009_row_version: optimistic locking for patients and visits. With clinic mode several desks can
-- have the same patient open; each reads row_version with the row and saves with
-- UPDATE … SET …, row_version = row_version + 1 WHERE id = ? AND row_version = ?, so a save over
-- another desk's newer change touches no row and is refused instead of overwriting it. Rows that
-- exist already start at 1. The store bumps the version in its UPDATE statement (the PostgreSQL
-- schema does it by trigger).
ALTER TABLE patients ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE visits ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
