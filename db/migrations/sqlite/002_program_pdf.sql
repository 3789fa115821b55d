-- The exact PDF handed to the patient, kept with the issued program so a reprint is byte for byte
-- what was given, whatever has changed since (library text, branding, templates, HipRx itself).
-- Programs issued before this migration have no PDF (NULL).
ALTER TABLE programs ADD COLUMN pdf BLOB;
