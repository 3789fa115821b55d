-- SPDX-License-Identifier: GPL-3.0-or-later
-- 002_program_pdf (PostgreSQL): the exact PDF handed to the patient, kept with the issued program so
-- a reprint is byte for byte what was given, whatever has changed since. Programs issued before this
-- migration have no PDF (NULL).
ALTER TABLE programs ADD COLUMN pdf bytea;
