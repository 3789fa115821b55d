-- SPDX-License-Identifier: GPL-3.0-or-later
-- 007_staff: the clinic's people. The app asks who is working at each desk and names that person in
-- the audit log and as the clinician of new visits. A person who leaves is retired (active = 0),
-- never deleted, so every audit row and visit keeps naming someone the clinic can look up.
CREATE TABLE staff (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    credentials TEXT NOT NULL DEFAULT '' CHECK (length(credentials) <= 60),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL -- ISO 8601 UTC
);
CREATE UNIQUE INDEX staff_name ON staff (name, credentials);
CREATE TRIGGER staff_is_kept BEFORE DELETE ON staff
BEGIN
    SELECT RAISE(ABORT, 'staff are retired, never deleted');
END;
