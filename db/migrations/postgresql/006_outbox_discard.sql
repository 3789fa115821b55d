-- SPDX-License-Identifier: GPL-3.0-or-later
-- 006_outbox_discard (PostgreSQL): a message that failed and will not be sent (a mistyped address, a
-- program since replaced) can be taken out of the outbox. The outbox row itself stays untouched, so
-- the patient's email history still shows the attempt, as discarded, with when it was discarded.
CREATE TABLE outbox_discarded (
    outbox_id    bigint PRIMARY KEY REFERENCES outbox (id) ON DELETE RESTRICT,
    discarded_at text COLLATE "C" NOT NULL -- ISO 8601 UTC
);

-- The two rules below look at the other table. They name it through TG_TABLE_SCHEMA, so they work
-- whatever the caller's search_path is and a temporary table of the same name cannot stand in.
-- Several desks write at once on a server: discarding locks the outbox row (FOR SHARE), so a desk
-- marking it sent at the same moment waits and then sees the discard (and the other way round).

-- A message that went out cannot be discarded.
CREATE FUNCTION outbox_discard_only_unsent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    current_status text;
BEGIN
    EXECUTE format('SELECT status FROM %I.outbox WHERE id = $1 FOR SHARE', TG_TABLE_SCHEMA)
        INTO current_status USING NEW.outbox_id;
    IF current_status = 'sent' THEN
        RAISE EXCEPTION 'a sent message cannot be discarded' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER outbox_discard_only_unsent BEFORE INSERT ON outbox_discarded
    FOR EACH ROW EXECUTE FUNCTION outbox_discard_only_unsent();

-- A discarded message is never sent again (a retry would need a new message).
CREATE FUNCTION outbox_discarded_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    discarded boolean;
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.outbox_discarded WHERE outbox_id = $1)', TG_TABLE_SCHEMA)
        INTO discarded USING OLD.id;
    IF discarded THEN
        RAISE EXCEPTION 'a discarded message is not sent again' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER outbox_discarded_is_final BEFORE UPDATE ON outbox
    FOR EACH ROW EXECUTE FUNCTION outbox_discarded_is_final();

CREATE FUNCTION outbox_discarded_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the email history cannot be deleted' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER outbox_discarded_is_kept BEFORE DELETE ON outbox_discarded
    FOR EACH ROW EXECUTE FUNCTION outbox_discarded_is_kept();
CREATE TRIGGER outbox_discarded_is_kept_truncate BEFORE TRUNCATE ON outbox_discarded
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_discarded_is_kept();

CREATE FUNCTION outbox_discarded_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the email history cannot be changed' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER outbox_discarded_is_fixed BEFORE UPDATE ON outbox_discarded
    FOR EACH ROW EXECUTE FUNCTION outbox_discarded_is_fixed();
