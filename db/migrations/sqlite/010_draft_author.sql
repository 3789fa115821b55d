-- SPDX-License-Identifier: GPL-3.0-or-later
-- 010_draft_author: the author of a draft, as on a clinic server (PostgreSQL's 010), where each
-- login's unsaved typing is its own. A practice's own file has one author, '' (the unique key on
-- patient and visit stays; the index below is the one the store's upsert names on both servers).
ALTER TABLE assessment_drafts ADD COLUMN author TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX assessment_drafts_author ON assessment_drafts (patient_id, visit_id, author);
