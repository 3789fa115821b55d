-- SPDX-License-Identifier: GPL-3.0-or-later
-- 005_patient_search_tokens (PostgreSQL): search as you type over 100,000 patients. Every word of
-- the folded name, the lower-cased record number and the birth date become tokens, and each query
-- word is one index range lookup (token >= 'alv' AND token < 'alv' || U+10FFFF) instead of a scan.
-- token is COLLATE "C" so the range is byte order, as in SQLite. Kept up to date by the store in the
-- same transaction as the patient row.
CREATE TABLE patient_search_tokens (
    token      text COLLATE "C" NOT NULL,
    patient_id bigint NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    PRIMARY KEY (token, patient_id)
);
CREATE INDEX patient_search_tokens_patient ON patient_search_tokens (patient_id);

-- Tokens for the patients already stored, the same ones SQLite's recursive split gives: the words of
-- name_key (split on single spaces, empty words skipped), lower(external_id) when not empty (A-Z only:
-- the column is COLLATE "C", like SQLite's lower()), birth_date when not empty.
INSERT INTO patient_search_tokens (token, patient_id)
SELECT w.word, p.id FROM patients p CROSS JOIN LATERAL unnest(string_to_array(p.name_key, ' ')) AS w (word)
WHERE w.word <> ''
UNION ALL SELECT lower(external_id), id FROM patients WHERE coalesce(external_id, '') <> ''
UNION ALL SELECT birth_date, id FROM patients WHERE coalesce(birth_date, '') <> ''
ON CONFLICT DO NOTHING;
