-- The schema of a fully migrated database, written by `npm run schema:write` from the Postgres catalog.
-- Do not edit: write a migration, run `npm run schema:write`, and review the difference with the migration.

-- As pg_dump does: a function body is checked when it runs, since it may use a table created further down.
SET check_function_bodies = false;

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE SEQUENCE public.audit_events_id_seq AS bigint START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1;

CREATE SEQUENCE public.day_log_entries_id_seq AS bigint START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1;

CREATE SEQUENCE public.migrations_id_seq AS integer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1;

CREATE SEQUENCE public.reference_audit_events_id_seq AS bigint START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1;

CREATE OR REPLACE FUNCTION public.agency_part_digest(plan_id uuid, agency uuid)
 RETURNS text
 LANGUAGE sql
 STABLE
AS $function$
        SELECT md5(concat_ws('|',
          extract(epoch FROM o.starts_at), extract(epoch FROM o.ends_at), extract(epoch FROM o.briefing_at), extract(epoch FROM o.debrief_at),
          (SELECT string_agg(concat_ws(',', l.postcode, lower(l.address), extract(epoch FROM l.strike_at), l.entry_basis), ';'
                             ORDER BY l.postcode, lower(l.address), l.strike_at)
             FROM operation_locations l WHERE l.operation_id = o.id),
          (SELECT string_agg(concat_ws(',', d.team_id, d.headcount, d.tasking, extract(epoch FROM d.starts_at), extract(epoch FROM d.ends_at),
                                       array_to_string(d.powers, ' '), r.name, extract(epoch FROM r.meet_at), d.call_sign), ';'
                             ORDER BY d.team_id, d.starts_at)
             FROM deployments d LEFT JOIN rv_points r ON r.id = d.rv_point_id
            WHERE d.operation_id = o.id AND d.team_agency_id = agency AND d.status = 'CONFIRMED')))
          FROM operations o WHERE o.id = plan_id
      $function$
;

CREATE OR REPLACE FUNCTION public.assert_in_plan_window()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      DECLARE
        moment timestamptz := (to_jsonb(NEW) ->> TG_ARGV[0])::timestamptz;
        plan operations%ROWTYPE;
      BEGIN
        IF moment IS NULL THEN RETURN NEW; END IF;
        SELECT * INTO plan FROM operations WHERE id = NEW.operation_id;
        IF NOT FOUND THEN RETURN NEW; END IF;
        IF moment < plan.starts_at OR moment > plan.ends_at THEN
          RAISE EXCEPTION '% % lies outside the window of operation %', TG_TABLE_NAME, TG_ARGV[0], plan.reference
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_' || TG_TABLE_NAME || '_in_window';
        END IF;
        RETURN NEW;
      END $function$
;

CREATE OR REPLACE FUNCTION public.assert_times_in_window()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF EXISTS (SELECT 1 FROM operations o JOIN rv_points r ON r.operation_id = o.id
                    WHERE o.id = NEW.id AND (r.meet_at < o.starts_at OR r.meet_at > o.ends_at))
           OR EXISTS (SELECT 1 FROM operations o JOIN operation_locations l ON l.operation_id = o.id
                       WHERE o.id = NEW.id AND (l.strike_at < o.starts_at OR l.strike_at > o.ends_at)) THEN
          RAISE EXCEPTION 'an RV or strike time of operation % lies outside its new window', NEW.reference
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_operations_times_in_window';
        END IF;
        RETURN NEW;
      END $function$
;

CREATE OR REPLACE FUNCTION public.copy_operation_created_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        SELECT o.created_at INTO NEW.operation_created_at FROM operations o WHERE o.id = NEW.operation_id;
        RETURN NEW;
      END $function$
;

CREATE OR REPLACE FUNCTION public.enforce_cps_liaison_agency()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF 'CPS_LIAISON' = ANY (NEW.roles)
           AND (SELECT kind FROM agencies WHERE id = NEW.agency_id) IS DISTINCT FROM 'CPS' THEN
          RAISE EXCEPTION 'CPS_LIAISON is only for users of a CPS agency'
            USING ERRCODE = '23514', CONSTRAINT = 'ck_users_cps_liaison_agency';
        END IF;
        RETURN NEW;
      END $function$
;

CREATE OR REPLACE FUNCTION public.fn_day_log_entries_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RAISE EXCEPTION 'The day''s log is append-only: correct an entry with a new one'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_day_log_entries_append_only';
      END $function$
;

CREATE OR REPLACE FUNCTION public.fn_day_log_entries_check()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      DECLARE
        plan record;
      BEGIN
        SELECT status, ended_at, starts_at INTO plan FROM operations WHERE id = NEW.operation_id FOR SHARE;
        IF NOT (plan.status = 'ACTIVE' OR (plan.status IN ('COMPLETED', 'STOOD_DOWN') AND plan.ended_at > now() - interval '72 hours')) THEN
          RAISE EXCEPTION 'The day''s log is open only while the day of action is under way, and for 72 hours after it ends'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_day_log_entries_open';
        END IF;
        IF NEW.happened_at < plan.starts_at - interval '24 hours' THEN
          RAISE EXCEPTION 'An entry records the day: it cannot have happened more than a day before the plan''s window opens'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_day_log_entries_happened_early';
        END IF;
        IF NEW.location_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM operation_locations l WHERE l.id = NEW.location_id AND l.operation_id = NEW.operation_id
        ) THEN
          RAISE EXCEPTION 'The location is not one of this plan''s'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_day_log_entries_location';
        END IF;
        -- A correction is of an entry of the same plan, kind and place, and as secret as the entry it corrects.
        IF NEW.corrects_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM day_log_entries e WHERE e.id = NEW.corrects_id AND e.operation_id = NEW.operation_id
             AND e.kind = NEW.kind AND e.location_id IS NOT DISTINCT FROM NEW.location_id
             AND (e.section = 'CORE' OR NEW.section = 'INTELLIGENCE')
        ) THEN
          RAISE EXCEPTION 'The entry corrected is not one of this plan''s log of the same kind and place'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_day_log_entries_corrects';
        END IF;
        RETURN NEW;
      END $function$
;

CREATE OR REPLACE FUNCTION public.fn_day_log_entries_notify()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM pg_notify('day_log', NEW.operation_id::text || ':' || NEW.id::text);
        RETURN NULL;
      END $function$
;

CREATE OR REPLACE FUNCTION public.fn_operations_ended_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF NEW.status IN ('COMPLETED', 'STOOD_DOWN') AND NEW.status IS DISTINCT FROM OLD.status THEN
          NEW.ended_at := now();
        END IF;
        RETURN NEW;
      END $function$
;

CREATE OR REPLACE FUNCTION public.plan_section_grants_intelligence()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        IF NEW.section = 'INTELLIGENCE' AND EXISTS (
             SELECT 1 FROM agencies a WHERE a.id = NEW.agency_id AND a.kind IN ('VICTIM_SUPPORT', 'LOCAL_AUTHORITY')) THEN
          RAISE EXCEPTION 'intelligence is never shared with a victim-support or local-authority agency'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_plan_section_grants_intelligence';
        END IF;
        RETURN NEW;
      END $function$
;

CREATE OR REPLACE FUNCTION public.refuse_audit_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = '42501';
      END $function$
;

CREATE TABLE public.addition_limit_reports (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    uk_day date NOT NULL,
    operation_id uuid,
    daily_limit integer NOT NULL,
    changes_refused integer DEFAULT 1 NOT NULL,
    additions_refused integer NOT NULL,
    first_refused_at timestamp with time zone DEFAULT now() NOT NULL,
    last_refused_at timestamp with time zone DEFAULT now() NOT NULL,
    looked_into_by uuid,
    looked_into_at timestamp with time zone,
    CONSTRAINT addition_limit_reports_pkey PRIMARY KEY (id),
    CONSTRAINT ck_addition_limit_reports_counts CHECK (((daily_limit >= 1) AND (changes_refused >= 1) AND (additions_refused >= 1))),
    CONSTRAINT ck_addition_limit_reports_looked_into CHECK (((looked_into_by IS NULL) = (looked_into_at IS NULL))),
    CONSTRAINT ck_addition_limit_reports_times CHECK ((first_refused_at <= last_refused_at)),
    CONSTRAINT uq_addition_limit_reports_user_day UNIQUE (user_id, uk_day)
);

CREATE TABLE public.agencies (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    code character varying(16) NOT NULL,
    name character varying(200) NOT NULL,
    kind text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT agencies_pkey PRIMARY KEY (id),
    CONSTRAINT ck_agencies_code CHECK (((code)::text ~ '^[A-Z][A-Z0-9_]{1,15}$'::text)),
    CONSTRAINT ck_agencies_kind CHECK ((kind = ANY (ARRAY['POLICE'::text, 'NCA'::text, 'GLAA'::text, 'BORDER_FORCE'::text, 'IMMIGRATION_ENFORCEMENT'::text, 'HMRC'::text, 'DWP'::text, 'CPS'::text, 'LOCAL_AUTHORITY'::text, 'VICTIM_SUPPORT'::text]))),
    CONSTRAINT ck_agencies_name CHECK ((length(btrim((name)::text)) > 0)),
    CONSTRAINT uq_agencies_code UNIQUE (code)
);

CREATE TABLE public.agency_kind_powers (
    kind text NOT NULL,
    power text NOT NULL,
    CONSTRAINT agency_kind_powers_pkey PRIMARY KEY (kind, power),
    CONSTRAINT ck_agency_kind_powers_kind CHECK ((kind = ANY (ARRAY['POLICE'::text, 'NCA'::text, 'GLAA'::text, 'BORDER_FORCE'::text, 'IMMIGRATION_ENFORCEMENT'::text, 'HMRC'::text, 'DWP'::text, 'CPS'::text, 'LOCAL_AUTHORITY'::text, 'VICTIM_SUPPORT'::text]))),
    CONSTRAINT ck_agency_kind_powers_power CHECK ((power = ANY (ARRAY['ENTRY'::text, 'SEARCH'::text, 'ARREST'::text, 'IMMIGRATION_CHECKS'::text, 'LABOUR_INSPECTION'::text, 'TAX_COMPLIANCE'::text, 'BENEFITS_INVESTIGATION'::text])))
);

CREATE TABLE public.audit_events (
    id bigint DEFAULT nextval('audit_events_id_seq'::regclass) NOT NULL,
    operation_id uuid NOT NULL,
    seq integer NOT NULL,
    action character varying(64) NOT NULL,
    actor_id uuid NOT NULL,
    actor_agency_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    before jsonb,
    after jsonb,
    prev_hash character(64),
    hash character(64) NOT NULL,
    CONSTRAINT audit_events_pkey PRIMARY KEY (id),
    CONSTRAINT ck_audit_events_seq CHECK ((seq >= 1)),
    CONSTRAINT uq_audit_events_operation_seq UNIQUE (operation_id, seq)
);

CREATE TABLE public.calendar_feeds (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    token_sha256 bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone,
    token_generation integer NOT NULL,
    CONSTRAINT calendar_feeds_pkey PRIMARY KEY (id),
    CONSTRAINT ck_calendar_feeds_last_used CHECK (((last_used_at IS NULL) OR (last_used_at >= created_at))),
    CONSTRAINT ck_calendar_feeds_token CHECK ((octet_length(token_sha256) = 32)),
    CONSTRAINT uq_calendar_feeds_token UNIQUE (token_sha256),
    CONSTRAINT uq_calendar_feeds_user UNIQUE (user_id)
);

CREATE TABLE public.cps_involvements (
    operation_id uuid NOT NULL,
    status text NOT NULL,
    requested_by uuid NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    liaison_id uuid,
    engaged_at timestamp with time zone,
    withdrawn_at timestamp with time zone,
    operation_created_at timestamp with time zone NOT NULL,
    request_note character varying(2000),
    advice_needed_by date,
    declined_by uuid,
    declined_at timestamp with time zone,
    decline_reason character varying(1000),
    closed_by uuid,
    closed_at timestamp with time zone,
    CONSTRAINT ck_cps_involvements_closed CHECK (((closed_at IS NULL) OR (status = 'ENGAGED'::text))),
    CONSTRAINT ck_cps_involvements_declined CHECK (((status = 'DECLINED'::text) = ((decline_reason IS NOT NULL) AND (declined_at IS NOT NULL)))),
    CONSTRAINT ck_cps_involvements_engaged CHECK (((status = 'ENGAGED'::text) = ((liaison_id IS NOT NULL) AND (engaged_at IS NOT NULL)))),
    CONSTRAINT ck_cps_involvements_status CHECK ((status = ANY (ARRAY['REQUESTED'::text, 'ENGAGED'::text, 'WITHDRAWN'::text, 'DECLINED'::text]))),
    CONSTRAINT cps_involvements_pkey PRIMARY KEY (operation_id)
);

CREATE TABLE public.day_log_entries (
    id bigint DEFAULT nextval('day_log_entries_id_seq'::regclass) NOT NULL,
    operation_id uuid NOT NULL,
    kind text NOT NULL,
    section text DEFAULT 'CORE'::text NOT NULL,
    location_id uuid,
    location_label text,
    status text,
    happened_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    author_id uuid NOT NULL,
    author_agency_id uuid NOT NULL,
    corrects_id bigint,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT ck_day_log_entries_details CHECK ((jsonb_typeof(details) = 'object'::text)),
    CONSTRAINT ck_day_log_entries_happened CHECK ((happened_at <= (recorded_at + '00:05:00'::interval))),
    CONSTRAINT ck_day_log_entries_intelligence CHECK (((section = 'CORE'::text) OR (kind = 'DECISION'::text))),
    CONSTRAINT ck_day_log_entries_kind CHECK ((kind = ANY (ARRAY['STATUS'::text, 'DECISION'::text, 'COUNT'::text, 'MESSAGE'::text]))),
    CONSTRAINT ck_day_log_entries_section CHECK ((section = ANY (ARRAY['CORE'::text, 'INTELLIGENCE'::text]))),
    CONSTRAINT ck_day_log_entries_status CHECK ((((kind = 'STATUS'::text) = (status IS NOT NULL)) AND ((status IS NULL) OR (status = ANY (ARRAY['NOT_STARTED'::text, 'TEAM_AT_RV'::text, 'ENTRY_MADE'::text, 'SEARCH_UNDER_WAY'::text, 'CLEAR'::text, 'STOOD_DOWN'::text]))))),
    CONSTRAINT ck_day_log_entries_status_place CHECK (((kind <> 'STATUS'::text) OR (location_id IS NOT NULL))),
    CONSTRAINT day_log_entries_pkey PRIMARY KEY (id)
);

CREATE TABLE public.deconfliction_hits (
    id uuid NOT NULL,
    operation_id uuid NOT NULL,
    other_operation_id uuid NOT NULL,
    kinds text[] NOT NULL,
    shared_postcodes text[] DEFAULT '{}'::text[] NOT NULL,
    overlap_from date,
    overlap_to date,
    raised_at timestamp with time zone DEFAULT now() NOT NULL,
    raised_by uuid NOT NULL,
    acknowledgement_note text,
    acknowledged_by uuid,
    acknowledged_at timestamp with time zone,
    CONSTRAINT ck_deconfliction_hits_acknowledgement CHECK ((((acknowledgement_note IS NULL) = (acknowledged_by IS NULL)) AND ((acknowledged_by IS NULL) = (acknowledged_at IS NULL)))),
    CONSTRAINT ck_deconfliction_hits_kinds CHECK (((cardinality(kinds) > 0) AND (kinds <@ ARRAY['PLACE'::text, 'PERSON'::text, 'PHONE'::text, 'VEHICLE'::text, 'EMAIL'::text]))),
    CONSTRAINT ck_deconfliction_hits_other CHECK ((operation_id <> other_operation_id)),
    CONSTRAINT ck_deconfliction_hits_overlap CHECK ((((overlap_from IS NULL) = (overlap_to IS NULL)) AND (overlap_from <= overlap_to) AND ((overlap_from IS NULL) OR ('PLACE'::text = ANY (kinds))))),
    CONSTRAINT ck_deconfliction_hits_postcodes CHECK (((cardinality(shared_postcodes) = 0) OR ('PLACE'::text = ANY (kinds)))),
    CONSTRAINT pk_deconfliction_hits PRIMARY KEY (id, operation_id),
    CONSTRAINT uq_deconfliction_hits_facts UNIQUE (operation_id, other_operation_id, kinds, shared_postcodes),
    CONSTRAINT uq_deconfliction_hits_side UNIQUE (id, operation_id, other_operation_id)
);

CREATE TABLE public.deployment_locations (
    operation_id uuid NOT NULL,
    deployment_id uuid NOT NULL,
    location_id uuid NOT NULL,
    CONSTRAINT pk_deployment_locations PRIMARY KEY (deployment_id, location_id)
);

CREATE TABLE public.deployments (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    operation_id uuid NOT NULL,
    team_id uuid NOT NULL,
    team_agency_id uuid NOT NULL,
    headcount integer NOT NULL,
    tasking character varying(2000) DEFAULT ''::character varying NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    follows_operation_window boolean NOT NULL,
    status text NOT NULL,
    requested_by uuid NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    responded_by uuid,
    responded_at timestamp with time zone,
    decline_reason character varying(1000),
    released_by uuid,
    released_at timestamp with time zone,
    operation_created_at timestamp with time zone NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    release_reason character varying(200),
    powers text[] DEFAULT '{}'::text[] NOT NULL,
    rv_point_id uuid,
    call_sign character varying(40),
    CONSTRAINT ck_deployments_headcount CHECK ((headcount >= 1)),
    CONSTRAINT ck_deployments_powers CHECK ((powers <@ ARRAY['ENTRY'::text, 'SEARCH'::text, 'ARREST'::text, 'IMMIGRATION_CHECKS'::text, 'LABOUR_INSPECTION'::text, 'TAX_COMPLIANCE'::text, 'BENEFITS_INVESTIGATION'::text])),
    CONSTRAINT ck_deployments_released CHECK (((status = 'RELEASED'::text) = (released_at IS NOT NULL))),
    CONSTRAINT ck_deployments_status CHECK ((status = ANY (ARRAY['REQUESTED'::text, 'CONFIRMED'::text, 'DECLINED'::text, 'RELEASED'::text]))),
    CONSTRAINT ck_deployments_version CHECK ((version >= 1)),
    CONSTRAINT ck_deployments_window CHECK ((ends_at > starts_at)),
    CONSTRAINT deployments_pkey PRIMARY KEY (id),
    CONSTRAINT ex_deployments_team_window EXCLUDE USING gist (team_id WITH =, tstzrange(starts_at, ends_at, '[)'::text) WITH &&) WHERE ((status = 'CONFIRMED'::text)),
    CONSTRAINT uq_deployments_operation_id UNIQUE (operation_id, id)
);

CREATE TABLE public.evidence_requirements (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    operation_id uuid NOT NULL,
    offence text NOT NULL,
    offence_other character varying(500),
    evidence_type text NOT NULL,
    description character varying(2000) NOT NULL,
    priority text NOT NULL,
    assigned_team_id uuid,
    status text DEFAULT 'OPEN'::text NOT NULL,
    gathered_note character varying(2000),
    gathered_by uuid,
    gathered_at timestamp with time zone,
    decided_by uuid,
    decided_at timestamp with time zone,
    rejection_reason character varying(1000),
    created_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    CONSTRAINT ck_evidence_requirements_assigned CHECK (((status = 'OPEN'::text) OR (assigned_team_id IS NOT NULL))),
    CONSTRAINT ck_evidence_requirements_offence CHECK ((offence = ANY (ARRAY['MSA_S1_SLAVERY_SERVITUDE_FORCED_LABOUR'::text, 'MSA_S2_HUMAN_TRAFFICKING'::text, 'MSA_S4_OFFENCE_WITH_INTENT'::text, 'OTHER'::text]))),
    CONSTRAINT ck_evidence_requirements_other CHECK (((offence = 'OTHER'::text) = (offence_other IS NOT NULL))),
    CONSTRAINT ck_evidence_requirements_priority CHECK ((priority = ANY (ARRAY['ESSENTIAL'::text, 'DESIRABLE'::text]))),
    CONSTRAINT ck_evidence_requirements_status CHECK ((status = ANY (ARRAY['OPEN'::text, 'ASSIGNED'::text, 'GATHERED'::text, 'ACCEPTED'::text, 'REJECTED'::text]))),
    CONSTRAINT ck_evidence_requirements_type CHECK ((evidence_type = ANY (ARRAY['VICTIM_ACCOUNT'::text, 'WITNESS_STATEMENT'::text, 'FINANCIAL_RECORDS'::text, 'DIGITAL_DEVICES'::text, 'COMMUNICATIONS_DATA'::text, 'CCTV'::text, 'DOCUMENTS'::text, 'SCENE_PHOTOGRAPHY'::text, 'MEDICAL'::text, 'INTELLIGENCE'::text]))),
    CONSTRAINT ck_evidence_requirements_version CHECK ((version >= 1)),
    CONSTRAINT evidence_requirements_pkey PRIMARY KEY (id)
);

CREATE TABLE public.instance_keys (
    name text NOT NULL,
    fingerprint bytea NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_instance_keys_fingerprint CHECK ((octet_length(fingerprint) = 32)),
    CONSTRAINT ck_instance_keys_name CHECK ((name = ANY (ARRAY['SUBJECT_MATCH_KEY'::text, 'JWT_SECRET'::text]))),
    CONSTRAINT pk_instance_keys PRIMARY KEY (name)
);

CREATE TABLE public.migrations (
    id integer DEFAULT nextval('migrations_id_seq'::regclass) NOT NULL,
    "timestamp" bigint NOT NULL,
    name character varying NOT NULL,
    CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY (id)
);

CREATE TABLE public.operation_locations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    operation_id uuid NOT NULL,
    "position" integer NOT NULL,
    label character varying(200) NOT NULL,
    address character varying(500) NOT NULL,
    postcode character varying(8) NOT NULL,
    strike_at timestamp with time zone,
    entry_basis text,
    warrant_type character varying(200),
    warrant_court character varying(200),
    warrant_reference character varying(100),
    warrant_expires_at timestamp with time zone,
    statutory_power character varying(500),
    site_commander jsonb,
    CONSTRAINT ck_operation_locations_entry_basis CHECK ((entry_basis = ANY (ARRAY['WARRANT'::text, 'CONSENT'::text, 'STATUTORY_POWER'::text]))),
    CONSTRAINT ck_operation_locations_postcode CHECK (((postcode)::text ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$'::text)),
    CONSTRAINT ck_operation_locations_site_commander CHECK ((jsonb_typeof(site_commander) = 'object'::text)),
    CONSTRAINT ck_operation_locations_statutory_power CHECK ((COALESCE((entry_basis = 'STATUTORY_POWER'::text), false) = (statutory_power IS NOT NULL))),
    CONSTRAINT ck_operation_locations_warrant CHECK ((COALESCE((entry_basis = 'WARRANT'::text), false) = ((warrant_type IS NOT NULL) AND (warrant_court IS NOT NULL) AND (warrant_reference IS NOT NULL) AND (warrant_expires_at IS NOT NULL)))),
    CONSTRAINT operation_locations_pkey PRIMARY KEY (id),
    CONSTRAINT uq_operation_locations_operation_id UNIQUE (operation_id, id),
    CONSTRAINT uq_operation_locations_position UNIQUE (operation_id, "position") DEFERRABLE
);

CREATE TABLE public.operation_reference_counters (
    year integer NOT NULL,
    last_number integer NOT NULL,
    CONSTRAINT operation_reference_counters_pkey PRIMARY KEY (year)
);

CREATE TABLE public.operation_risks (
    operation_id uuid NOT NULL,
    "position" integer NOT NULL,
    hazard text NOT NULL,
    hazard_detail character varying(500),
    likelihood integer NOT NULL,
    impact integer NOT NULL,
    controls character varying(2000) NOT NULL,
    residual text NOT NULL,
    owner character varying(200) NOT NULL,
    accepted_by character varying(200),
    intelligence boolean DEFAULT false NOT NULL,
    CONSTRAINT ck_operation_risks_hazard CHECK ((hazard = ANY (ARRAY['DOGS'::text, 'WEAPONS'::text, 'CHILDREN_PRESENT'::text, 'VULNERABLE_ADULTS'::text, 'HOSTILE_OCCUPANTS'::text, 'HAZARDOUS_PREMISES'::text, 'PUBLIC_ORDER'::text, 'OTHER'::text]))),
    CONSTRAINT ck_operation_risks_impact CHECK (((impact >= 1) AND (impact <= 5))),
    CONSTRAINT ck_operation_risks_likelihood CHECK (((likelihood >= 1) AND (likelihood <= 5))),
    CONSTRAINT ck_operation_risks_other CHECK (((hazard <> 'OTHER'::text) OR (hazard_detail IS NOT NULL))),
    CONSTRAINT ck_operation_risks_residual CHECK ((residual = ANY (ARRAY['LOW'::text, 'MEDIUM'::text, 'HIGH'::text]))),
    CONSTRAINT operation_risks_pkey PRIMARY KEY (operation_id, "position")
);

CREATE TABLE public.operations (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    reference character varying(32) NOT NULL,
    name character varying(200) NOT NULL,
    exploitation_types text[] NOT NULL,
    scope text NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    lead_agency_id uuid,
    briefing jsonb DEFAULT '{}'::jsonb NOT NULL,
    expected_potential_victims integer DEFAULT 0 NOT NULL,
    safeguarding_languages text[] DEFAULT '{}'::text[] NOT NULL,
    reception_centre character varying(500),
    status text DEFAULT 'DRAFT'::text NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by uuid NOT NULL,
    created_by_agency_id uuid NOT NULL,
    updated_by uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    approved_by uuid,
    approved_at timestamp with time zone,
    outcomes jsonb,
    cancel_reason character varying(1000),
    content_editors uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    briefing_at timestamp with time zone,
    briefing_place character varying(500),
    debrief_at timestamp with time zone,
    radio_channel character varying(200),
    control_room_number character varying(40),
    medical_cover character varying(1000),
    reception_opens_at timestamp with time zone,
    reception_closes_at timestamp with time zone,
    first_responders jsonb DEFAULT '[]'::jsonb NOT NULL,
    interpreters jsonb DEFAULT '[]'::jsonb NOT NULL,
    classification text DEFAULT 'OFFICIAL-SENSITIVE'::text NOT NULL,
    handling_instruction character varying(200),
    gold_commander jsonb,
    silver_commander jsonb,
    sio_commander jsonb,
    ended_at timestamp with time zone,
    CONSTRAINT ck_operations_approved CHECK (((status = ANY (ARRAY['APPROVED'::text, 'ACTIVE'::text, 'COMPLETED'::text, 'STOOD_DOWN'::text])) <= (approved_by IS NOT NULL))),
    CONSTRAINT ck_operations_briefing_before_debrief CHECK (((briefing_at IS NULL) OR (debrief_at IS NULL) OR (briefing_at < debrief_at))),
    CONSTRAINT ck_operations_briefing_in_window CHECK (((briefing_at IS NULL) OR ((briefing_at >= starts_at) AND (briefing_at <= ends_at)))),
    CONSTRAINT ck_operations_cancelled CHECK (((status = ANY (ARRAY['CANCELLED'::text, 'STOOD_DOWN'::text])) = (cancel_reason IS NOT NULL))),
    CONSTRAINT ck_operations_classification CHECK ((classification = ANY (ARRAY['OFFICIAL'::text, 'OFFICIAL-SENSITIVE'::text]))),
    CONSTRAINT ck_operations_completed CHECK ((((status = 'COMPLETED'::text) <= (outcomes IS NOT NULL)) AND ((outcomes IS NULL) OR (status = ANY (ARRAY['COMPLETED'::text, 'STOOD_DOWN'::text]))))),
    CONSTRAINT ck_operations_debrief_in_window CHECK (((debrief_at IS NULL) OR ((debrief_at >= starts_at) AND (debrief_at <= ends_at)))),
    CONSTRAINT ck_operations_exploitation_types CHECK (((cardinality(exploitation_types) > 0) AND (exploitation_types <@ ARRAY['LABOUR'::text, 'SEXUAL'::text, 'CRIMINAL'::text, 'DOMESTIC_SERVITUDE'::text, 'ORGAN_REMOVAL'::text]))),
    CONSTRAINT ck_operations_first_responders CHECK ((jsonb_typeof(first_responders) = 'array'::text)),
    CONSTRAINT ck_operations_four_eyes CHECK (((approved_by IS NULL) OR (approved_by <> created_by))),
    CONSTRAINT ck_operations_gold_commander CHECK ((jsonb_typeof(gold_commander) = 'object'::text)),
    CONSTRAINT ck_operations_interpreters CHECK ((jsonb_typeof(interpreters) = 'array'::text)),
    CONSTRAINT ck_operations_reception_hours CHECK ((((reception_opens_at IS NULL) = (reception_closes_at IS NULL)) AND ((reception_opens_at IS NULL) OR (reception_opens_at < reception_closes_at)))),
    CONSTRAINT ck_operations_reference CHECK (((reference)::text ~ '^OP-[0-9]{4}-[0-9]{4,}$'::text)),
    CONSTRAINT ck_operations_scope CHECK ((scope = ANY (ARRAY['LOCAL'::text, 'REGIONAL'::text, 'NATIONAL'::text, 'INTERNATIONAL'::text]))),
    CONSTRAINT ck_operations_silver_commander CHECK ((jsonb_typeof(silver_commander) = 'object'::text)),
    CONSTRAINT ck_operations_sio_commander CHECK ((jsonb_typeof(sio_commander) = 'object'::text)),
    CONSTRAINT ck_operations_status CHECK ((status = ANY (ARRAY['DRAFT'::text, 'SUBMITTED'::text, 'CHANGES_REQUESTED'::text, 'APPROVED'::text, 'ACTIVE'::text, 'COMPLETED'::text, 'CANCELLED'::text, 'STOOD_DOWN'::text]))),
    CONSTRAINT ck_operations_version CHECK ((version >= 1)),
    CONSTRAINT ck_operations_victims CHECK ((expected_potential_victims >= 0)),
    CONSTRAINT ck_operations_window CHECK ((ends_at > starts_at)),
    CONSTRAINT ck_operations_window_length CHECK (((ends_at - starts_at) <= '72:00:00'::interval)),
    CONSTRAINT operations_pkey PRIMARY KEY (id),
    CONSTRAINT uq_operations_reference UNIQUE (reference)
);

CREATE TABLE public.partner_sign_offs (
    operation_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    decision text NOT NULL,
    part_digest text NOT NULL,
    reason character varying(1000),
    decided_by uuid NOT NULL,
    decided_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_partner_sign_offs_decision CHECK ((decision = ANY (ARRAY['SIGNED_OFF'::text, 'DECLINED'::text]))),
    CONSTRAINT ck_partner_sign_offs_reason CHECK (((decision = 'DECLINED'::text) = (reason IS NOT NULL))),
    CONSTRAINT partner_sign_offs_pkey PRIMARY KEY (operation_id, agency_id)
);

CREATE TABLE public.plan_section_grants (
    operation_id uuid NOT NULL,
    agency_id uuid NOT NULL,
    section text NOT NULL,
    reason character varying(500) NOT NULL,
    granted_by uuid NOT NULL,
    granted_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_plan_section_grants_reason CHECK ((length(btrim((reason)::text)) > 0)),
    CONSTRAINT ck_plan_section_grants_section CHECK ((section = ANY (ARRAY['PLACES'::text, 'TEAMS'::text, 'INTELLIGENCE'::text, 'PROSECUTION'::text]))),
    CONSTRAINT plan_section_grants_pkey PRIMARY KEY (operation_id, agency_id, section)
);

CREATE TABLE public.plan_subjects (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    operation_id uuid NOT NULL,
    kind text NOT NULL,
    details jsonb NOT NULL,
    added_by uuid NOT NULL,
    added_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_plan_subjects_details CHECK ((jsonb_typeof(details) = 'object'::text)),
    CONSTRAINT ck_plan_subjects_kind CHECK ((kind = ANY (ARRAY['PERSON'::text, 'PHONE'::text, 'VEHICLE'::text, 'EMAIL'::text]))),
    CONSTRAINT plan_subjects_pkey PRIMARY KEY (id)
);

CREATE TABLE public.plan_views (
    user_id uuid NOT NULL,
    operation_id uuid NOT NULL,
    seen_version integer NOT NULL,
    seen_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT plan_views_pkey PRIMARY KEY (user_id, operation_id),
    CONSTRAINT plan_views_seen_version_check CHECK ((seen_version >= 1))
);

CREATE TABLE public.policy_rules (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    agency_kind text NOT NULL,
    role text NOT NULL,
    permitted boolean NOT NULL,
    allowed_scopes text[],
    exploitation_types_within text[],
    exploitation_types_any_of text[],
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by uuid,
    CONSTRAINT ck_policy_rules_any_of CHECK ((exploitation_types_any_of <@ ARRAY['LABOUR'::text, 'SEXUAL'::text, 'CRIMINAL'::text, 'DOMESTIC_SERVITUDE'::text, 'ORGAN_REMOVAL'::text])),
    CONSTRAINT ck_policy_rules_cps_never CHECK ((NOT ((agency_kind = 'CPS'::text) AND permitted))),
    CONSTRAINT ck_policy_rules_kind CHECK ((agency_kind = ANY (ARRAY['POLICE'::text, 'NCA'::text, 'GLAA'::text, 'BORDER_FORCE'::text, 'IMMIGRATION_ENFORCEMENT'::text, 'HMRC'::text, 'DWP'::text, 'CPS'::text, 'LOCAL_AUTHORITY'::text, 'VICTIM_SUPPORT'::text]))),
    CONSTRAINT ck_policy_rules_role CHECK ((role = ANY (ARRAY['LEAD'::text, 'SUPPORT'::text]))),
    CONSTRAINT ck_policy_rules_scopes CHECK ((allowed_scopes <@ ARRAY['LOCAL'::text, 'REGIONAL'::text, 'NATIONAL'::text, 'INTERNATIONAL'::text])),
    CONSTRAINT ck_policy_rules_within CHECK ((exploitation_types_within <@ ARRAY['LABOUR'::text, 'SEXUAL'::text, 'CRIMINAL'::text, 'DOMESTIC_SERVITUDE'::text, 'ORGAN_REMOVAL'::text])),
    CONSTRAINT policy_rules_pkey PRIMARY KEY (id),
    CONSTRAINT uq_policy_rules_kind_role UNIQUE (agency_kind, role)
);

CREATE TABLE public.rate_limits (
    key character varying(300) NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    count integer NOT NULL,
    CONSTRAINT ck_rate_limits_count CHECK ((count >= 0)),
    CONSTRAINT rate_limits_pkey PRIMARY KEY (key)
);

CREATE TABLE public.reference_audit_events (
    id bigint DEFAULT nextval('reference_audit_events_id_seq'::regclass) NOT NULL,
    seq integer NOT NULL,
    entity character varying(32) NOT NULL,
    entity_id character varying(100) NOT NULL,
    action character varying(64) NOT NULL,
    actor_id uuid NOT NULL,
    actor_agency_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    before jsonb,
    after jsonb,
    prev_hash character(64),
    hash character(64) NOT NULL,
    CONSTRAINT ck_reference_audit_events_entity CHECK (((entity)::text = ANY ((ARRAY['agency'::character varying, 'team'::character varying, 'user'::character varying, 'policy'::character varying, 'powers'::character varying])::text[]))),
    CONSTRAINT ck_reference_audit_events_seq CHECK ((seq >= 1)),
    CONSTRAINT reference_audit_events_pkey PRIMARY KEY (id),
    CONSTRAINT uq_reference_audit_events_seq UNIQUE (seq)
);

CREATE TABLE public.reviews (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    operation_id uuid NOT NULL,
    decision text NOT NULL,
    comment character varying(4000) NOT NULL,
    reviewer_id uuid NOT NULL,
    version_reviewed integer NOT NULL,
    reviewed_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_reviews_decision CHECK ((decision = ANY (ARRAY['APPROVE'::text, 'REQUEST_CHANGES'::text]))),
    CONSTRAINT reviews_pkey PRIMARY KEY (id)
);

CREATE TABLE public.rv_points (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    operation_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    address character varying(500) NOT NULL,
    meet_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT rv_points_pkey PRIMARY KEY (id),
    CONSTRAINT uq_rv_points_operation_id UNIQUE (operation_id, id)
);

CREATE TABLE public.sessions (
    id_hash bytea NOT NULL,
    user_id uuid NOT NULL,
    token_generation integer NOT NULL,
    csrf_token text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    last_seen_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT sessions_check CHECK ((last_seen_at >= created_at)),
    CONSTRAINT sessions_csrf_token_check CHECK ((length(csrf_token) >= 43)),
    CONSTRAINT sessions_id_hash_check CHECK ((octet_length(id_hash) = 32)),
    CONSTRAINT sessions_pkey PRIMARY KEY (id_hash)
);

CREATE TABLE public.subject_match_keys (
    subject_id uuid NOT NULL,
    operation_id uuid NOT NULL,
    match_key bytea NOT NULL,
    CONSTRAINT ck_subject_match_keys_length CHECK ((octet_length(match_key) = 32)),
    CONSTRAINT subject_match_keys_pkey PRIMARY KEY (subject_id, match_key)
);

CREATE TABLE public.teams (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    agency_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    capabilities text[] DEFAULT '{}'::text[] NOT NULL,
    capacity integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_teams_capabilities CHECK ((capabilities <@ ARRAY['ENTRY'::text, 'SEARCH'::text, 'ARREST'::text, 'SAFEGUARDING'::text, 'INTERPRETING'::text, 'FINANCIAL_INVESTIGATION'::text, 'DIGITAL_FORENSICS'::text, 'IMMIGRATION_CHECKS'::text, 'LABOUR_INSPECTION'::text, 'TAX_COMPLIANCE'::text, 'BENEFITS_INVESTIGATION'::text, 'INTELLIGENCE'::text, 'VICTIM_RECEPTION'::text])),
    CONSTRAINT ck_teams_capacity CHECK (((capacity >= 1) AND (capacity <= 1000))),
    CONSTRAINT ck_teams_name CHECK ((length(btrim((name)::text)) > 0)),
    CONSTRAINT teams_pkey PRIMARY KEY (id),
    CONSTRAINT uq_teams_agency_name UNIQUE (agency_id, name),
    CONSTRAINT uq_teams_id_agency UNIQUE (id, agency_id)
);

CREATE TABLE public.trusted_devices (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    token_sha256 bytea NOT NULL,
    token_generation integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT ck_trusted_devices_expires CHECK ((expires_at > created_at)),
    CONSTRAINT ck_trusted_devices_token CHECK ((octet_length(token_sha256) = 32)),
    CONSTRAINT trusted_devices_pkey PRIMARY KEY (id),
    CONSTRAINT uq_trusted_devices_token UNIQUE (token_sha256)
);

CREATE TABLE public.users (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    email character varying(254) NOT NULL,
    name character varying(200) NOT NULL,
    agency_id uuid NOT NULL,
    roles text[] NOT NULL,
    password_hash text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    token_generation integer DEFAULT 1 NOT NULL,
    password_change_required boolean DEFAULT false NOT NULL,
    password_issued_at timestamp with time zone,
    CONSTRAINT ck_users_email_lower CHECK (((email)::text = lower((email)::text))),
    CONSTRAINT ck_users_issued_password CHECK (((NOT password_change_required) OR (password_issued_at IS NOT NULL))),
    CONSTRAINT ck_users_roles CHECK (((cardinality(roles) > 0) AND (roles <@ ARRAY['COORDINATOR'::text, 'CPS_LIAISON'::text, 'MANAGER'::text, 'ADMIN'::text]))),
    CONSTRAINT ck_users_token_generation CHECK ((token_generation >= 1)),
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

ALTER TABLE public.addition_limit_reports ADD CONSTRAINT fk_addition_limit_reports_agency FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE public.addition_limit_reports ADD CONSTRAINT fk_addition_limit_reports_looked_into_by FOREIGN KEY (looked_into_by) REFERENCES users(id);

ALTER TABLE public.addition_limit_reports ADD CONSTRAINT fk_addition_limit_reports_operation FOREIGN KEY (operation_id) REFERENCES operations(id);

ALTER TABLE public.addition_limit_reports ADD CONSTRAINT fk_addition_limit_reports_user FOREIGN KEY (user_id) REFERENCES users(id);

ALTER TABLE public.audit_events ADD CONSTRAINT fk_audit_events_actor FOREIGN KEY (actor_id) REFERENCES users(id);

ALTER TABLE public.audit_events ADD CONSTRAINT fk_audit_events_actor_agency FOREIGN KEY (actor_agency_id) REFERENCES agencies(id);

ALTER TABLE public.audit_events ADD CONSTRAINT fk_audit_events_operation FOREIGN KEY (operation_id) REFERENCES operations(id);

ALTER TABLE public.calendar_feeds ADD CONSTRAINT fk_calendar_feeds_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;

ALTER TABLE public.cps_involvements ADD CONSTRAINT fk_cps_involvements_closed_by FOREIGN KEY (closed_by) REFERENCES users(id);

ALTER TABLE public.cps_involvements ADD CONSTRAINT fk_cps_involvements_declined_by FOREIGN KEY (declined_by) REFERENCES users(id);

ALTER TABLE public.cps_involvements ADD CONSTRAINT fk_cps_involvements_liaison FOREIGN KEY (liaison_id) REFERENCES users(id);

ALTER TABLE public.cps_involvements ADD CONSTRAINT fk_cps_involvements_operation FOREIGN KEY (operation_id) REFERENCES operations(id);

ALTER TABLE public.cps_involvements ADD CONSTRAINT fk_cps_involvements_requested_by FOREIGN KEY (requested_by) REFERENCES users(id);

ALTER TABLE public.day_log_entries ADD CONSTRAINT day_log_entries_author_agency_id_fkey FOREIGN KEY (author_agency_id) REFERENCES agencies(id);

ALTER TABLE public.day_log_entries ADD CONSTRAINT day_log_entries_author_id_fkey FOREIGN KEY (author_id) REFERENCES users(id);

ALTER TABLE public.day_log_entries ADD CONSTRAINT day_log_entries_corrects_id_fkey FOREIGN KEY (corrects_id) REFERENCES day_log_entries(id);

ALTER TABLE public.day_log_entries ADD CONSTRAINT day_log_entries_operation_id_fkey FOREIGN KEY (operation_id) REFERENCES operations(id);

ALTER TABLE public.deconfliction_hits ADD CONSTRAINT fk_deconfliction_hits_acknowledged_by FOREIGN KEY (acknowledged_by) REFERENCES users(id);

ALTER TABLE public.deconfliction_hits ADD CONSTRAINT fk_deconfliction_hits_operation FOREIGN KEY (operation_id) REFERENCES operations(id);

ALTER TABLE public.deconfliction_hits ADD CONSTRAINT fk_deconfliction_hits_other FOREIGN KEY (other_operation_id) REFERENCES operations(id);

ALTER TABLE public.deconfliction_hits ADD CONSTRAINT fk_deconfliction_hits_other_side FOREIGN KEY (id, other_operation_id, operation_id) REFERENCES deconfliction_hits(id, operation_id, other_operation_id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE public.deconfliction_hits ADD CONSTRAINT fk_deconfliction_hits_raised_by FOREIGN KEY (raised_by) REFERENCES users(id);

ALTER TABLE public.deployment_locations ADD CONSTRAINT fk_deployment_locations_deployment FOREIGN KEY (operation_id, deployment_id) REFERENCES deployments(operation_id, id) ON DELETE CASCADE;

ALTER TABLE public.deployment_locations ADD CONSTRAINT fk_deployment_locations_location FOREIGN KEY (operation_id, location_id) REFERENCES operation_locations(operation_id, id) ON DELETE CASCADE;

ALTER TABLE public.deployments ADD CONSTRAINT fk_deployments_operation FOREIGN KEY (operation_id) REFERENCES operations(id);

ALTER TABLE public.deployments ADD CONSTRAINT fk_deployments_released_by FOREIGN KEY (released_by) REFERENCES users(id);

ALTER TABLE public.deployments ADD CONSTRAINT fk_deployments_requested_by FOREIGN KEY (requested_by) REFERENCES users(id);

ALTER TABLE public.deployments ADD CONSTRAINT fk_deployments_responded_by FOREIGN KEY (responded_by) REFERENCES users(id);

ALTER TABLE public.deployments ADD CONSTRAINT fk_deployments_rv_point FOREIGN KEY (operation_id, rv_point_id) REFERENCES rv_points(operation_id, id) ON DELETE SET NULL (rv_point_id);

ALTER TABLE public.deployments ADD CONSTRAINT fk_deployments_team FOREIGN KEY (team_id, team_agency_id) REFERENCES teams(id, agency_id);

ALTER TABLE public.evidence_requirements ADD CONSTRAINT fk_evidence_requirements_created_by FOREIGN KEY (created_by) REFERENCES users(id);

ALTER TABLE public.evidence_requirements ADD CONSTRAINT fk_evidence_requirements_decided_by FOREIGN KEY (decided_by) REFERENCES users(id);

ALTER TABLE public.evidence_requirements ADD CONSTRAINT fk_evidence_requirements_gathered_by FOREIGN KEY (gathered_by) REFERENCES users(id);

ALTER TABLE public.evidence_requirements ADD CONSTRAINT fk_evidence_requirements_operation FOREIGN KEY (operation_id) REFERENCES operations(id);

ALTER TABLE public.evidence_requirements ADD CONSTRAINT fk_evidence_requirements_team FOREIGN KEY (assigned_team_id) REFERENCES teams(id);

ALTER TABLE public.operation_locations ADD CONSTRAINT fk_operation_locations_operation FOREIGN KEY (operation_id) REFERENCES operations(id) ON DELETE CASCADE;

ALTER TABLE public.operation_risks ADD CONSTRAINT operation_risks_operation_id_fkey FOREIGN KEY (operation_id) REFERENCES operations(id) ON DELETE CASCADE;

ALTER TABLE public.operations ADD CONSTRAINT fk_operations_approved_by FOREIGN KEY (approved_by) REFERENCES users(id);

ALTER TABLE public.operations ADD CONSTRAINT fk_operations_created_by FOREIGN KEY (created_by) REFERENCES users(id);

ALTER TABLE public.operations ADD CONSTRAINT fk_operations_created_by_agency FOREIGN KEY (created_by_agency_id) REFERENCES agencies(id);

ALTER TABLE public.operations ADD CONSTRAINT fk_operations_lead_agency FOREIGN KEY (lead_agency_id) REFERENCES agencies(id);

ALTER TABLE public.operations ADD CONSTRAINT fk_operations_updated_by FOREIGN KEY (updated_by) REFERENCES users(id);

ALTER TABLE public.partner_sign_offs ADD CONSTRAINT partner_sign_offs_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE public.partner_sign_offs ADD CONSTRAINT partner_sign_offs_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES users(id);

ALTER TABLE public.partner_sign_offs ADD CONSTRAINT partner_sign_offs_operation_id_fkey FOREIGN KEY (operation_id) REFERENCES operations(id) ON DELETE CASCADE;

ALTER TABLE public.plan_section_grants ADD CONSTRAINT fk_plan_section_grants_agency FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE public.plan_section_grants ADD CONSTRAINT fk_plan_section_grants_granted_by FOREIGN KEY (granted_by) REFERENCES users(id);

ALTER TABLE public.plan_section_grants ADD CONSTRAINT fk_plan_section_grants_operation FOREIGN KEY (operation_id) REFERENCES operations(id) ON DELETE CASCADE;

ALTER TABLE public.plan_subjects ADD CONSTRAINT plan_subjects_added_by_fkey FOREIGN KEY (added_by) REFERENCES users(id);

ALTER TABLE public.plan_subjects ADD CONSTRAINT plan_subjects_operation_id_fkey FOREIGN KEY (operation_id) REFERENCES operations(id) ON DELETE CASCADE;

ALTER TABLE public.plan_views ADD CONSTRAINT plan_views_operation_id_fkey FOREIGN KEY (operation_id) REFERENCES operations(id) ON DELETE CASCADE;

ALTER TABLE public.plan_views ADD CONSTRAINT plan_views_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;

ALTER TABLE public.policy_rules ADD CONSTRAINT fk_policy_rules_updated_by FOREIGN KEY (updated_by) REFERENCES users(id);

ALTER TABLE public.reference_audit_events ADD CONSTRAINT fk_reference_audit_events_actor FOREIGN KEY (actor_id) REFERENCES users(id);

ALTER TABLE public.reference_audit_events ADD CONSTRAINT fk_reference_audit_events_actor_agency FOREIGN KEY (actor_agency_id) REFERENCES agencies(id);

ALTER TABLE public.reviews ADD CONSTRAINT fk_reviews_operation FOREIGN KEY (operation_id) REFERENCES operations(id);

ALTER TABLE public.reviews ADD CONSTRAINT fk_reviews_reviewer FOREIGN KEY (reviewer_id) REFERENCES users(id);

ALTER TABLE public.rv_points ADD CONSTRAINT rv_points_operation_id_fkey FOREIGN KEY (operation_id) REFERENCES operations(id) ON DELETE CASCADE;

ALTER TABLE public.sessions ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;

ALTER TABLE public.subject_match_keys ADD CONSTRAINT subject_match_keys_operation_id_fkey FOREIGN KEY (operation_id) REFERENCES operations(id) ON DELETE CASCADE;

ALTER TABLE public.subject_match_keys ADD CONSTRAINT subject_match_keys_subject_id_fkey FOREIGN KEY (subject_id) REFERENCES plan_subjects(id) ON DELETE CASCADE;

ALTER TABLE public.teams ADD CONSTRAINT fk_teams_agency FOREIGN KEY (agency_id) REFERENCES agencies(id);

ALTER TABLE public.trusted_devices ADD CONSTRAINT fk_trusted_devices_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE;

ALTER TABLE public.users ADD CONSTRAINT fk_users_agency FOREIGN KEY (agency_id) REFERENCES agencies(id);

CREATE INDEX ix_addition_limit_reports_waiting ON public.addition_limit_reports USING btree (agency_id) WHERE (looked_into_at IS NULL);

CREATE INDEX ix_cps_involvements_liaison ON public.cps_involvements USING btree (liaison_id) WHERE (status = 'ENGAGED'::text);

CREATE INDEX ix_cps_involvements_liaison_newest ON public.cps_involvements USING btree (liaison_id, operation_created_at DESC, operation_id DESC) WHERE (status = 'ENGAGED'::text);

CREATE INDEX ix_cps_involvements_open ON public.cps_involvements USING btree (operation_id) WHERE (status = 'REQUESTED'::text);

CREATE INDEX ix_cps_involvements_open_newest ON public.cps_involvements USING btree (operation_created_at DESC, operation_id DESC) WHERE (status = 'REQUESTED'::text);

CREATE INDEX ix_day_log_entries_operation ON public.day_log_entries USING btree (operation_id, id);

CREATE INDEX ix_deconfliction_hits_other ON public.deconfliction_hits USING btree (other_operation_id);

CREATE INDEX ix_deployment_locations_location ON public.deployment_locations USING btree (location_id);

CREATE INDEX ix_deployments_operation ON public.deployments USING btree (operation_id);

CREATE INDEX ix_deployments_rv_point ON public.deployments USING btree (rv_point_id) WHERE (rv_point_id IS NOT NULL);

CREATE INDEX ix_deployments_team_agency ON public.deployments USING btree (team_agency_id, operation_id) WHERE (status <> 'DECLINED'::text);

CREATE INDEX ix_deployments_team_agency_newest ON public.deployments USING btree (team_agency_id, operation_created_at DESC, operation_id DESC) WHERE (status <> 'DECLINED'::text);

CREATE INDEX ix_deployments_team_window_active ON public.deployments USING gist (team_id, tstzrange(starts_at, ends_at, '[)'::text)) WHERE (status = ANY (ARRAY['REQUESTED'::text, 'CONFIRMED'::text]));

CREATE INDEX ix_evidence_requirements_operation ON public.evidence_requirements USING btree (operation_id);

CREATE INDEX ix_operation_locations_postcode_operation ON public.operation_locations USING btree (postcode, operation_id);

CREATE INDEX ix_operations_created ON public.operations USING btree (created_at DESC, id DESC);

CREATE INDEX ix_operations_creator_agency ON public.operations USING btree (created_by_agency_id, created_at DESC, id DESC);

CREATE INDEX ix_operations_lead_agency ON public.operations USING btree (lead_agency_id, created_at DESC, id DESC);

CREATE INDEX ix_operations_starts ON public.operations USING btree (starts_at);

CREATE INDEX ix_operations_window ON public.operations USING gist (tstzrange(starts_at, ends_at, '[)'::text));

CREATE INDEX ix_plan_section_grants_agency ON public.plan_section_grants USING btree (agency_id, operation_id);

CREATE INDEX ix_plan_subjects_operation ON public.plan_subjects USING btree (operation_id);

CREATE INDEX ix_plan_views_operation ON public.plan_views USING btree (operation_id);

CREATE INDEX ix_rate_limits_expires ON public.rate_limits USING btree (expires_at);

CREATE INDEX ix_reviews_operation ON public.reviews USING btree (operation_id, reviewed_at);

CREATE INDEX ix_sessions_last_seen ON public.sessions USING btree (last_seen_at);

CREATE INDEX ix_sessions_user ON public.sessions USING btree (user_id);

CREATE INDEX ix_subject_match_keys_key ON public.subject_match_keys USING btree (match_key, operation_id);

CREATE INDEX ix_teams_agency ON public.teams USING btree (agency_id);

CREATE INDEX ix_teams_capabilities ON public.teams USING gin (capabilities);

CREATE INDEX ix_trusted_devices_user ON public.trusted_devices USING btree (user_id);

CREATE INDEX ix_users_agency ON public.users USING btree (agency_id);

CREATE UNIQUE INDEX uq_rv_points_name ON public.rv_points USING btree (operation_id, lower((name)::text));

CREATE UNIQUE INDEX uq_users_email ON public.users USING btree (lower((email)::text));

CREATE TRIGGER tr_audit_events_append_only BEFORE DELETE OR UPDATE ON public.audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

CREATE TRIGGER tr_audit_events_no_truncate BEFORE TRUNCATE ON public.audit_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

CREATE TRIGGER tr_cps_involvements_operation_created_at BEFORE INSERT OR UPDATE OF operation_id, operation_created_at ON public.cps_involvements FOR EACH ROW EXECUTE FUNCTION copy_operation_created_at();

CREATE TRIGGER tr_day_log_entries_append_only BEFORE DELETE OR UPDATE ON public.day_log_entries FOR EACH ROW EXECUTE FUNCTION fn_day_log_entries_append_only();

CREATE TRIGGER tr_day_log_entries_check BEFORE INSERT ON public.day_log_entries FOR EACH ROW EXECUTE FUNCTION fn_day_log_entries_check();

CREATE TRIGGER tr_day_log_entries_no_truncate BEFORE TRUNCATE ON public.day_log_entries FOR EACH STATEMENT EXECUTE FUNCTION fn_day_log_entries_append_only();

CREATE TRIGGER tr_day_log_entries_notify AFTER INSERT ON public.day_log_entries FOR EACH ROW EXECUTE FUNCTION fn_day_log_entries_notify();

CREATE TRIGGER tr_deployments_operation_created_at BEFORE INSERT OR UPDATE OF operation_id, operation_created_at ON public.deployments FOR EACH ROW EXECUTE FUNCTION copy_operation_created_at();

CREATE CONSTRAINT TRIGGER tr_operation_locations_in_window AFTER INSERT OR UPDATE ON public.operation_locations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION assert_in_plan_window('strike_at');

CREATE TRIGGER tr_operations_ended_at BEFORE UPDATE OF status ON public.operations FOR EACH ROW EXECUTE FUNCTION fn_operations_ended_at();

CREATE CONSTRAINT TRIGGER tr_operations_times_in_window AFTER UPDATE OF starts_at, ends_at ON public.operations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (((old.starts_at IS DISTINCT FROM new.starts_at) OR (old.ends_at IS DISTINCT FROM new.ends_at))) EXECUTE FUNCTION assert_times_in_window();

CREATE TRIGGER tr_plan_section_grants_intelligence BEFORE INSERT OR UPDATE ON public.plan_section_grants FOR EACH ROW EXECUTE FUNCTION plan_section_grants_intelligence();

CREATE TRIGGER tr_reference_audit_events_append_only BEFORE DELETE OR UPDATE ON public.reference_audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

CREATE TRIGGER tr_reference_audit_events_no_truncate BEFORE TRUNCATE ON public.reference_audit_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

CREATE CONSTRAINT TRIGGER tr_rv_points_in_window AFTER INSERT OR UPDATE ON public.rv_points DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION assert_in_plan_window('meet_at');

CREATE TRIGGER tr_users_cps_liaison_agency BEFORE INSERT OR UPDATE OF roles, agency_id ON public.users FOR EACH ROW EXECUTE FUNCTION enforce_cps_liaison_agency();

ALTER SEQUENCE public.audit_events_id_seq OWNED BY public.audit_events.id;

ALTER SEQUENCE public.day_log_entries_id_seq OWNED BY public.day_log_entries.id;

ALTER SEQUENCE public.migrations_id_seq OWNED BY public.migrations.id;

ALTER SEQUENCE public.reference_audit_events_id_seq OWNED BY public.reference_audit_events.id;
