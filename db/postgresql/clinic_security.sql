-- SPDX-License-Identifier: GPL-3.0-or-later
-- clinic_security.sql: who may do what in a clinic's HipRx database, and the records nobody can
-- bypass. Applied by `hiprx-cli clinic init` (and again after every upgrade) right after the
-- migrations in db/migrations/postgresql/, connected as a superuser. Idempotent: running it again
-- converges on the same roles, owners, grants, tables and triggers (it revokes what it does not grant).
-- Plain SQL without psql commands, so it can be sent as one query string (one transaction).
--
--   roles      NOLOGIN groups hiprx_therapist, hiprx_frontdesk, hiprx_admin; hiprx_owner owns the
--              schema and every object in it; hiprx_login_manager (CREATEROLE) owns the functions
--              that create and disable staff logins. Staff log in with their own login role, made
--              only by hiprx_create_login(); permissions are granted to the groups only.
--   audit      server_audit: one row per inserted, updated or deleted row of every table, with
--              session_user (the person who logged in), the table, the row's id and the NAMES of the
--              fields, never their values. access_log: reading a patient's record, written through
--              hiprx_log_access(). Both append-only, for everyone.
--   notify     pg_notify('hiprx_change', 'table:row id:patient id'), ids only, sent at commit.
--
-- The schema name hiprx is fixed. Role names are cluster-wide: one HipRx database per cluster.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'hiprx') THEN
        RAISE EXCEPTION 'the schema hiprx does not exist: apply db/migrations/postgresql first';
    END IF;
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RAISE EXCEPTION 'clinic_security.sql must be applied by a superuser (it creates roles, changes '
                        'owners and database settings); % is not one', current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- ---------------------------------------------------------------------------------------------
-- Roles
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE
    group_role text;
BEGIN
    FOREACH group_role IN ARRAY ARRAY['hiprx_owner', 'hiprx_therapist', 'hiprx_frontdesk', 'hiprx_admin',
                                      'hiprx_login_manager'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_role) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', group_role);
        END IF;
        -- Whatever someone did by hand since: nobody logs in as a group, and no group is powerful.
        EXECUTE format('ALTER ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOREPLICATION NOBYPASSRLS INHERIT',
                       group_role);
        EXECUTE format('ALTER ROLE %I %s', group_role,
                       CASE WHEN group_role = 'hiprx_login_manager' THEN 'CREATEROLE' ELSE 'NOCREATEROLE' END);
    END LOOP;

    -- An administrator can do everything a therapist can.
    IF NOT pg_has_role('hiprx_admin', 'hiprx_therapist', 'MEMBER') THEN
        GRANT hiprx_therapist TO hiprx_admin;
    END IF;

    -- hiprx_login_manager is reached only through the SECURITY DEFINER functions it owns (below);
    -- nobody is a member of it. On PostgreSQL 15, CREATEROLE alone lets it create a role IN ROLE any
    -- non-superuser role (tested: it does not need ADMIN OPTION on the group) -- which is also why
    -- CREATEROLE is close to superuser there and why the role must stay unreachable. From
    -- PostgreSQL 16 on, CREATEROLE needs ADMIN OPTION on a group to put someone in it; it gets that,
    -- without inheriting the groups' privileges.
    IF current_setting('server_version_num')::int >= 160000 THEN
        EXECUTE 'GRANT hiprx_therapist, hiprx_frontdesk, hiprx_admin TO hiprx_login_manager '
                'WITH ADMIN OPTION, INHERIT FALSE';
    END IF;
    -- Disabling a login also ends its open sessions.
    IF NOT pg_has_role('hiprx_login_manager', 'pg_signal_backend', 'MEMBER') THEN
        GRANT pg_signal_backend TO hiprx_login_manager;
    END IF;
    -- Nobody may act as the owner or the login manager: drop any membership made by hand.
    PERFORM 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
        WHERE r.rolname IN ('hiprx_owner', 'hiprx_login_manager');
    IF FOUND THEN
        EXECUTE (SELECT string_agg(format('REVOKE %I FROM %I', r.rolname, u.rolname), '; ')
                 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                 WHERE r.rolname IN ('hiprx_owner', 'hiprx_login_manager'));
    END IF;
END $$;

-- ---------------------------------------------------------------------------------------------
-- The server's own tables: server_audit and access_log (append-only)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS hiprx.server_audit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    login      text NOT NULL DEFAULT session_user, -- the person who logged in
    operation  text NOT NULL,                      -- INSERT, UPDATE, DELETE, TRUNCATE
    table_name text NOT NULL,
    row_id     bigint,                             -- the row's integer key (id, outbox_id, program_id)
    row_key    text,                               -- the text key of exercises and settings
    fields     text                                -- column NAMES: changed (UPDATE) or set (INSERT, DELETE)
);
CREATE INDEX IF NOT EXISTS server_audit_row ON hiprx.server_audit (table_name, row_id);
CREATE INDEX IF NOT EXISTS server_audit_at ON hiprx.server_audit (at);

CREATE TABLE IF NOT EXISTS hiprx.access_log (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    login      text NOT NULL DEFAULT session_user,
    patient_id bigint NOT NULL,
    what       text NOT NULL CHECK (length(what) BETWEEN 1 AND 100) -- 'open', 'history', 'print' …
);
CREATE INDEX IF NOT EXISTS access_log_patient ON hiprx.access_log (patient_id, at);

-- TG_ARGV[0] is the message.
CREATE OR REPLACE FUNCTION hiprx.hiprx_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END $$;
CREATE OR REPLACE TRIGGER server_audit_is_append_only BEFORE UPDATE OR DELETE ON hiprx.server_audit
    FOR EACH ROW EXECUTE FUNCTION hiprx.hiprx_append_only('the server audit cannot be changed');
CREATE OR REPLACE TRIGGER server_audit_is_append_only_truncate BEFORE TRUNCATE ON hiprx.server_audit
    FOR EACH STATEMENT EXECUTE FUNCTION hiprx.hiprx_append_only('the server audit cannot be changed');
CREATE OR REPLACE TRIGGER access_log_is_append_only BEFORE UPDATE OR DELETE ON hiprx.access_log
    FOR EACH ROW EXECUTE FUNCTION hiprx.hiprx_append_only('the access log cannot be changed');
CREATE OR REPLACE TRIGGER access_log_is_append_only_truncate BEFORE TRUNCATE ON hiprx.access_log
    FOR EACH STATEMENT EXECUTE FUNCTION hiprx.hiprx_append_only('the access log cannot be changed');

-- Reading a patient's record: the app calls SELECT hiprx_log_access($1, 'open') (or 'history',
-- 'print', 'export' …: what was looked at, never patient data). The login and the time are the
-- server's, not the caller's.
CREATE OR REPLACE FUNCTION hiprx.hiprx_log_access(patient_id bigint, what text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = hiprx, pg_temp AS $$
    INSERT INTO hiprx.access_log (at, login, patient_id, what) VALUES (now(), session_user, $1, $2);
$$;

-- ---------------------------------------------------------------------------------------------
-- Server audit: an AFTER row trigger on every table but server_audit and access_log. SECURITY
-- DEFINER (owner hiprx_owner), so it writes to server_audit, which nobody else may touch;
-- session_user is the person logged in (current_user is the owner inside it). TG_ARGV[0] names the
-- table's single-column key, if it has one. Values are never written: only column names.
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION hiprx.hiprx_server_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hiprx, pg_temp AS $$
DECLARE
    new_row jsonb;
    old_row jsonb;
    key_value text;
    names text;
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN -- TRUNCATE
        INSERT INTO hiprx.server_audit (at, login, operation, table_name)
        VALUES (now(), session_user, TG_OP, TG_TABLE_NAME);
        RETURN NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_row := to_jsonb(NEW);
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_row := to_jsonb(OLD);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT string_agg(n.key, ', ' ORDER BY n.key) INTO names
        FROM jsonb_each(new_row) n WHERE n.value IS DISTINCT FROM (old_row -> n.key);
    ELSE
        SELECT string_agg(n.key, ', ' ORDER BY n.key) INTO names
        FROM jsonb_each(coalesce(new_row, old_row)) n WHERE n.value <> 'null'::jsonb;
    END IF;
    IF TG_NARGS > 0 THEN
        key_value := coalesce(new_row, old_row) ->> TG_ARGV[0];
    END IF;
    INSERT INTO hiprx.server_audit (at, login, operation, table_name, row_id, row_key, fields)
    VALUES (now(), session_user, TG_OP, TG_TABLE_NAME,
            CASE WHEN key_value ~ '^-?[0-9]{1,18}$' THEN key_value::bigint END,
            -- text keys are recorded only where they are known not to be patient data
            CASE WHEN key_value !~ '^-?[0-9]{1,18}$' AND TG_TABLE_NAME IN ('exercises', 'settings')
                 THEN key_value END,
            names);
    RETURN NULL;
END $$;

-- ---------------------------------------------------------------------------------------------
-- Change notification for the other desks: 'table:row id:patient id', ids only (any login can
-- LISTEN to any channel, so a payload must never hold patient data). Delivered at COMMIT, once per
-- distinct payload per transaction. Parse at the first and the last ':' (a settings key may hold one).
-- ---------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION hiprx.hiprx_notify_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = hiprx, pg_temp AS $$
DECLARE
    r record;
    row_id text;
    patient bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN
        r := OLD;
    ELSE
        r := NEW;
    END IF;
    CASE TG_TABLE_NAME
        WHEN 'patients' THEN
            row_id := r.id;
            patient := r.id;
        WHEN 'visits' THEN
            row_id := r.id;
            patient := r.patient_id;
        WHEN 'programs', 'outbox' THEN
            row_id := r.id;
            SELECT v.patient_id INTO patient FROM hiprx.visits v WHERE v.id = r.visit_id;
        WHEN 'outbox_discarded' THEN
            row_id := r.outbox_id;
            SELECT v.patient_id INTO patient
            FROM hiprx.outbox o JOIN hiprx.visits v ON v.id = o.visit_id WHERE o.id = r.outbox_id;
        WHEN 'settings' THEN
            row_id := r.key;
        ELSE -- staff, exercises, protocols
            row_id := r.id;
    END CASE;
    PERFORM pg_notify('hiprx_change',
                      TG_TABLE_NAME || ':' || coalesce(row_id, '') || ':' || coalesce(patient::text, ''));
    RETURN NULL;
END $$;

-- Attach both to the tables, whatever migrations made them (run this file again after an upgrade).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.relname,
               (SELECT a.attname FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                WHERE i.indrelid = c.oid AND i.indisprimary AND i.indnatts = 1) AS key_column
        FROM pg_class c
        WHERE c.relnamespace = 'hiprx'::regnamespace AND c.relkind IN ('r', 'p')
          AND c.relname NOT IN ('server_audit', 'access_log')
        ORDER BY c.relname
    LOOP
        EXECUTE format('CREATE OR REPLACE TRIGGER hiprx_server_audit AFTER INSERT OR UPDATE OR DELETE ON hiprx.%I '
                       'FOR EACH ROW EXECUTE FUNCTION hiprx.hiprx_server_audit(%s)',
                       t.relname, coalesce(quote_literal(t.key_column), ''));
        EXECUTE format('CREATE OR REPLACE TRIGGER hiprx_server_audit_truncate AFTER TRUNCATE ON hiprx.%I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION hiprx.hiprx_server_audit()', t.relname);
        IF t.relname IN ('patients', 'visits', 'programs', 'outbox', 'outbox_discarded', 'staff', 'exercises',
                         'settings', 'protocols') THEN
            EXECUTE format('CREATE OR REPLACE TRIGGER hiprx_notify_change AFTER INSERT OR UPDATE OR DELETE '
                           'ON hiprx.%I FOR EACH ROW EXECUTE FUNCTION hiprx.hiprx_notify_change()', t.relname);
        END IF;
    END LOOP;
END $$;

-- ---------------------------------------------------------------------------------------------
-- Staff logins. These functions run as hiprx_login_manager (SECURITY DEFINER); EXECUTE is granted
-- to hiprx_admin only. A staff login is a role that may log in, is directly a member of one of the
-- three groups, is neither superuser nor CREATEROLE and whose name does not start with hiprx_.
-- Passwords: the app should pass the SCRAM-SHA-256 verifier made on the desk
-- (PQencryptPasswordConn(conn, password, login, "scram-sha-256")) as a bind parameter, so the
-- password itself never reaches the server or its logs; a plain password is accepted too and
-- stored as SCRAM-SHA-256 whatever the session's password_encryption. md5 hashes are refused.
-- ---------------------------------------------------------------------------------------------

-- Raises unless login names an existing staff login; not callable by anyone but its owner.
CREATE OR REPLACE FUNCTION hiprx.hiprx_check_staff_login(login text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    target pg_roles%ROWTYPE;
BEGIN
    SELECT * INTO target FROM pg_roles WHERE rolname = login;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no login %', quote_ident(coalesce(login, ''))
            USING ERRCODE = 'undefined_object';
    END IF;
    IF target.rolsuper OR target.rolcreaterole OR login LIKE 'hiprx\_%'
       OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                      WHERE m.member = target.oid
                        AND g.rolname IN ('hiprx_therapist', 'hiprx_frontdesk', 'hiprx_admin')) THEN
        RAISE EXCEPTION 'the login % is not a HipRx staff login', quote_ident(login)
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION hiprx.hiprx_check_password(password text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF password IS NULL OR password = '' THEN
        RAISE EXCEPTION 'a password is needed' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF password ~ '^md5[0-9a-f]{32}$' THEN
        RAISE EXCEPTION 'md5 password hashes are not accepted: give the password or its SCRAM-SHA-256 verifier'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF password NOT LIKE 'SCRAM-SHA-256$%' AND length(password) < 8 THEN
        RAISE EXCEPTION 'a password needs at least 8 characters' USING ERRCODE = 'invalid_parameter_value';
    END IF;
END $$;

-- Creates a login for one person, in one group. Errors: 22023 (bad name, group or password),
-- 42710 (the login exists).
CREATE OR REPLACE FUNCTION hiprx.hiprx_create_login(login text, password text, grp text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET password_encryption = 'scram-sha-256'
AS $$
BEGIN
    IF grp IS NULL OR grp NOT IN ('hiprx_therapist', 'hiprx_frontdesk', 'hiprx_admin') THEN
        RAISE EXCEPTION 'the group must be hiprx_therapist, hiprx_frontdesk or hiprx_admin'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF login IS NULL OR login !~ '^[a-z][a-z0-9_]{1,62}$' OR login LIKE 'hiprx\_%' OR login LIKE 'pg\_%' THEN
        RAISE EXCEPTION 'a login is 2 to 63 characters a-z, 0-9 and _, starting with a letter, and does '
                        'not start with hiprx_ or pg_' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'the login % exists already', login USING ERRCODE = 'duplicate_object';
    END IF;
    PERFORM hiprx.hiprx_check_password(password);
    BEGIN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login, password, grp);
    EXCEPTION WHEN OTHERS THEN
        -- Re-raised without the statement, which holds the password.
        RAISE EXCEPTION 'the login % could not be created: %', login, SQLERRM USING ERRCODE = SQLSTATE;
    END;
END $$;

-- A new password for a staff login (an administrator resetting it).
CREATE OR REPLACE FUNCTION hiprx.hiprx_set_password(login text, password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET password_encryption = 'scram-sha-256'
AS $$
BEGIN
    PERFORM hiprx.hiprx_check_staff_login(login);
    PERFORM hiprx.hiprx_check_password(password);
    BEGIN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', login, password);
    EXCEPTION WHEN OTHERS THEN
        RAISE EXCEPTION 'the password of % could not be set: %', login, SQLERRM USING ERRCODE = SQLSTATE;
    END;
END $$;

-- Someone leaves: the login can no longer connect, and its open sessions are ended. Returns the
-- number of sessions ended. An administrator cannot disable their own login (no lock-out by mistake).
CREATE OR REPLACE FUNCTION hiprx.hiprx_disable_login(login text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    ended integer;
BEGIN
    PERFORM hiprx.hiprx_check_staff_login(login);
    IF login = session_user THEN
        RAISE EXCEPTION 'you cannot disable your own login' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', login);
    SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) INTO ended
    FROM pg_stat_activity WHERE usename = login AND pid <> pg_backend_pid();
    RETURN ended;
END $$;

CREATE OR REPLACE FUNCTION hiprx.hiprx_enable_login(login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM hiprx.hiprx_check_staff_login(login);
    EXECUTE format('ALTER ROLE %I LOGIN', login);
END $$;

-- Every staff login with its group and whether it can log in (a login in two groups has two rows).
CREATE OR REPLACE VIEW hiprx.hiprx_logins AS
SELECT r.rolname::text AS login, g.rolname::text AS grp, r.rolcanlogin AS can_login
FROM pg_roles r
JOIN pg_auth_members m ON m.member = r.oid
JOIN pg_roles g ON g.oid = m.roleid
WHERE g.rolname IN ('hiprx_therapist', 'hiprx_frontdesk', 'hiprx_admin')
  AND r.rolname NOT LIKE 'hiprx\_%' AND NOT r.rolsuper;

-- ---------------------------------------------------------------------------------------------
-- Owners: hiprx_owner owns the schema and everything in it, except the login functions, which
-- hiprx_login_manager owns (it alone may create roles).
-- ---------------------------------------------------------------------------------------------
ALTER SCHEMA hiprx OWNER TO hiprx_owner;
DO $$
DECLARE
    o record;
BEGIN
    FOR o IN
        SELECT c.relname, c.relkind FROM pg_class c
        WHERE c.relnamespace = 'hiprx'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
          -- identity sequences follow their table
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.deptype IN ('a', 'i') AND c.relkind = 'S')
    LOOP
        EXECUTE format('ALTER %s hiprx.%I OWNER TO hiprx_owner',
                       CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                      WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                       o.relname);
    END LOOP;
    FOR o IN
        SELECT p.oid::regprocedure AS signature, p.proname FROM pg_proc p
        WHERE p.pronamespace = 'hiprx'::regnamespace
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO %I', o.signature,
                       CASE WHEN o.proname IN ('hiprx_create_login', 'hiprx_set_password', 'hiprx_disable_login',
                                               'hiprx_enable_login', 'hiprx_check_staff_login',
                                               'hiprx_check_password')
                            THEN 'hiprx_login_manager' ELSE 'hiprx_owner' END);
    END LOOP;
END $$;

-- ---------------------------------------------------------------------------------------------
-- Grants. Everything is revoked first, so this section alone says who may do what.
-- ---------------------------------------------------------------------------------------------
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO hiprx_therapist, hiprx_frontdesk, hiprx_admin',
                   current_database());
    -- A transaction left open at a desk (a dialog waiting over lunch) must not hold locks for ever.
    EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '5min');
END $$;

REVOKE ALL ON SCHEMA hiprx FROM PUBLIC, hiprx_therapist, hiprx_frontdesk, hiprx_admin, hiprx_login_manager;
REVOKE ALL ON ALL TABLES IN SCHEMA hiprx FROM PUBLIC, hiprx_therapist, hiprx_frontdesk, hiprx_admin,
    hiprx_login_manager;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA hiprx FROM PUBLIC, hiprx_therapist, hiprx_frontdesk, hiprx_admin,
    hiprx_login_manager;
-- (not from hiprx_login_manager: it owns the login functions and must keep EXECUTE on them)
REVOKE ALL ON ALL ROUTINES IN SCHEMA hiprx FROM PUBLIC, hiprx_therapist, hiprx_frontdesk, hiprx_admin;

GRANT USAGE ON SCHEMA hiprx TO hiprx_therapist, hiprx_frontdesk, hiprx_admin;
GRANT USAGE ON SCHEMA hiprx TO hiprx_login_manager; -- to call its own check functions

-- Everyone: the schema version (checked at connect), the reference tables, writing the app's own
-- audit_log (INSERT only; therapists and administrators also read it) and the read log through its
-- function.
GRANT SELECT ON hiprx.schema_version, hiprx.exercises, hiprx.settings, hiprx.staff
    TO hiprx_therapist, hiprx_frontdesk;
GRANT INSERT ON hiprx.audit_log TO hiprx_therapist, hiprx_frontdesk;
GRANT SELECT ON hiprx.audit_log TO hiprx_therapist;
GRANT EXECUTE ON FUNCTION hiprx.hiprx_log_access(bigint, text) TO hiprx_therapist, hiprx_frontdesk, hiprx_admin;

-- Therapist: everything clinical. Issued programs and visit notes are written once (no UPDATE;
-- the triggers refuse it anyway). No DELETE anywhere but drafts and search tokens.
GRANT SELECT, INSERT, UPDATE ON hiprx.patients, hiprx.visits, hiprx.outbox, hiprx.protocols TO hiprx_therapist;
GRANT SELECT, INSERT ON hiprx.programs, hiprx.visit_notes, hiprx.outbox_discarded TO hiprx_therapist;
GRANT SELECT, INSERT, UPDATE, DELETE ON hiprx.assessment_drafts TO hiprx_therapist;
GRANT SELECT, INSERT, DELETE ON hiprx.patient_search_tokens TO hiprx_therapist;

-- Front desk: patients' contact details, reprinting and emailing issued programs; never an
-- assessment (visits: the columns a list of appointments needs, not the findings or the complaint).
GRANT SELECT, INSERT ON hiprx.patients TO hiprx_frontdesk;
GRANT UPDATE (name, name_key, birth_date, sex, email, phone, external_id, updated_at, row_version)
    ON hiprx.patients TO hiprx_frontdesk;
GRANT SELECT, INSERT, DELETE ON hiprx.patient_search_tokens TO hiprx_frontdesk;
GRANT SELECT (id, patient_id, visit_date, clinician) ON hiprx.visits TO hiprx_frontdesk;
GRANT SELECT ON hiprx.programs, hiprx.visit_notes TO hiprx_frontdesk;
GRANT SELECT, INSERT, UPDATE ON hiprx.outbox TO hiprx_frontdesk;
GRANT SELECT, INSERT ON hiprx.outbox_discarded TO hiprx_frontdesk;

-- Administrator: a therapist (membership above) who also keeps the staff list, the clinic's
-- settings, exercises and protocols, reads the server's audit and read log, and manages logins.
GRANT SELECT, INSERT, UPDATE, DELETE ON hiprx.staff, hiprx.settings, hiprx.exercises, hiprx.protocols
    TO hiprx_admin;
GRANT SELECT ON hiprx.server_audit, hiprx.access_log, hiprx.hiprx_logins TO hiprx_admin;
GRANT EXECUTE ON FUNCTION hiprx.hiprx_create_login(text, text, text), hiprx.hiprx_set_password(text, text),
    hiprx.hiprx_disable_login(text), hiprx.hiprx_enable_login(text) TO hiprx_admin;
-- No sequence grants: identity columns need none, and ids come back with INSERT … RETURNING id.
-- Nobody but the owner has UPDATE, DELETE or TRUNCATE on audit_log, server_audit or access_log,
-- and their triggers refuse even the owner.
