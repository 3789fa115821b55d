-- SPDX-License-Identifier: GPL-3.0-or-later
-- 010_draft_author (PostgreSQL): each login's unsaved typing is its own. A draft was one per patient
-- and visit, so two therapists who began the same patient's new visit at two desks wrote over each
-- other's draft. The store now writes a new visit's draft (visit_id 0) with author = the login and
-- reads the login's own and those from before this version (author ''), whose author nobody
-- recorded. A saved visit's draft stays shared (author ''): it carries the program saved with the
-- visit, which every desk must see. SQLite's 010 adds the same column; a practice's own file has one
-- author, ''.
ALTER TABLE assessment_drafts ADD COLUMN author text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE assessment_drafts DROP CONSTRAINT assessment_drafts_patient_id_visit_id_key;
ALTER TABLE assessment_drafts ADD CONSTRAINT assessment_drafts_patient_id_visit_id_author_key
    UNIQUE (patient_id, visit_id, author);
