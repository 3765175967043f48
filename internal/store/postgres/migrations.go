package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// migrations bring the schema from version i to i+1, each in its own
// transaction (PostgreSQL's DDL is transactional) with the version
// recorded in it. Append only. The first step is the SQLite store's steps
// 1-5 at once, in PostgreSQL's types: the two backends hold the same rows.
var migrations = []func(ctx context.Context, t tx) error{
	execSteps(
		`CREATE EXTENSION IF NOT EXISTS unaccent`,
		// English stemming, as the SQLite store's porter tokenizer, but
		// without stop words, which FTS5 does not drop either; accents
		// removed, so "Kovac" finds "Kovač".
		`CREATE TEXT SEARCH DICTIONARY crosscheck_stem (TEMPLATE = snowball, Language = english)`,
		`CREATE TEXT SEARCH CONFIGURATION crosscheck (COPY = simple)`,
		`ALTER TEXT SEARCH CONFIGURATION crosscheck
			ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
			WITH unaccent, crosscheck_stem`,
		`CREATE TABLE documents (
			id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			hash          text NOT NULL UNIQUE,
			title         text NOT NULL,
			standfirst    text NOT NULL,
			authors       jsonb NOT NULL,
			publisher     text NOT NULL,
			publisher_key text NOT NULL,
			published     date,
			url           text NOT NULL,
			language      text NOT NULL,
			origin        text NOT NULL,
			format        text NOT NULL,
			header        jsonb NOT NULL,
			text          text NOT NULL,
			chars         integer NOT NULL,
			added_at      timestamptz NOT NULL,
			fts           tsvector GENERATED ALWAYS AS (
				setweight(to_tsvector('crosscheck', title), 'A') || setweight(to_tsvector('crosscheck', text), 'B')) STORED
		)`,
		`CREATE INDEX documents_published ON documents (published, id)`,
		`CREATE INDEX documents_fts ON documents USING gin (fts)`,
		`CREATE TABLE entities (
			id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			name        text NOT NULL,
			kind        text NOT NULL,
			reliability char(1) NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
			created_at  timestamptz NOT NULL
		)`,
		`CREATE TABLE entity_names (
			name_key  text NOT NULL,
			kind      text NOT NULL,
			entity_id bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
			by_user   boolean NOT NULL DEFAULT false,
			PRIMARY KEY (name_key, kind)
		)`,
		`CREATE INDEX entity_names_entity ON entity_names (entity_id)`,
		`CREATE TABLE sources (
			id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
			ord         integer NOT NULL,
			local_id    text NOT NULL,
			name        text NOT NULL,
			name_key    text NOT NULL,
			kind        text NOT NULL,
			role        text NOT NULL,
			country     text NOT NULL,
			acronym     text NOT NULL,
			aliases     jsonb NOT NULL,
			mentions    jsonb NOT NULL,
			plural      boolean NOT NULL,
			entity_id   bigint REFERENCES entities (id),
			UNIQUE (document_id, ord)
		)`,
		`CREATE INDEX sources_name ON sources (name_key, kind)`,
		`CREATE INDEX sources_entity ON sources (entity_id, document_id)`,
		`CREATE TABLE claims (
			id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			document_id     bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
			ord             integer NOT NULL,
			local_id        text NOT NULL,
			source_id       bigint REFERENCES sources (id) ON DELETE CASCADE,
			speaker_name    text NOT NULL,
			speaker_mention text NOT NULL,
			speaker_source  text NOT NULL,
			speaker_kind    text NOT NULL,
			speaker_role    text NOT NULL,
			speaker_start   integer NOT NULL,
			speaker_end     integer NOT NULL,
			speaker_key     text NOT NULL,
			cue             text NOT NULL,
			cue_start       integer,
			cue_end         integer,
			mode            text NOT NULL,
			stance          text NOT NULL,
			content         text NOT NULL,
			content_start   integer NOT NULL,
			content_end     integer NOT NULL,
			hedges          jsonb NOT NULL,
			unverified      boolean NOT NULL,
			said            text NOT NULL,
			day             date,
			fts             tsvector GENERATED ALWAYS AS (
				setweight(to_tsvector('crosscheck', content), 'B') ||
				setweight(to_tsvector('crosscheck', speaker_name || ' ' || speaker_mention), 'A')) STORED,
			UNIQUE (document_id, ord)
		)`,
		`CREATE INDEX claims_day ON claims (day, document_id, ord)`,
		`CREATE INDEX claims_source ON claims (source_id)`,
		`CREATE INDEX claims_fts ON claims USING gin (fts)`,
		`CREATE TABLE notes (
			id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
			ord         integer NOT NULL,
			kind        text NOT NULL,
			said_by     text NOT NULL,
			cue         text NOT NULL,
			content     text NOT NULL,
			span_start  integer NOT NULL,
			span_end    integer NOT NULL,
			status      text NOT NULL,
			UNIQUE (document_id, ord)
		)`,
		`CREATE TABLE quantities (
			id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			document_id  bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
			ord          integer NOT NULL,
			listed       boolean NOT NULL,
			span_start   integer NOT NULL,
			span_end     integer NOT NULL,
			text         text NOT NULL,
			value        double precision,
			low          double precision,
			high         double precision,
			approx       boolean NOT NULL,
			bound        text NOT NULL,
			vague        boolean NOT NULL,
			alternatives jsonb NOT NULL,
			unit         text NOT NULL,
			what         text NOT NULL,
			what_start   integer,
			what_end     integer,
			rate         text NOT NULL,
			rhetorical   boolean NOT NULL,
			UNIQUE (document_id, ord)
		)`,
		`CREATE TABLE times (
			id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
			ord         integer NOT NULL,
			listed      boolean NOT NULL,
			span_start  integer NOT NULL,
			span_end    integer NOT NULL,
			text        text NOT NULL,
			kind        text NOT NULL,
			start_day   text NOT NULL,
			end_day     text NOT NULL,
			value       text NOT NULL,
			granularity text NOT NULL,
			UNIQUE (document_id, ord)
		)`,
		`CREATE TABLE places (
			id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			document_id  bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
			ord          integer NOT NULL,
			listed       boolean NOT NULL,
			span_start   integer NOT NULL,
			span_end     integer NOT NULL,
			text         text NOT NULL,
			name         text NOT NULL,
			place_key    text NOT NULL,
			country      text NOT NULL,
			kind         text NOT NULL,
			lat          double precision NOT NULL,
			lon          double precision NOT NULL,
			gazetteer_id bigint NOT NULL,
			government   boolean NOT NULL,
			UNIQUE (document_id, ord)
		)`,
		`CREATE INDEX places_country ON places (country)`,
		`CREATE TABLE demonyms (
			id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
			ord         integer NOT NULL,
			span_start  integer NOT NULL,
			span_end    integer NOT NULL,
			text        text NOT NULL,
			country     text NOT NULL,
			UNIQUE (document_id, ord)
		)`,
		`CREATE TABLE claim_quantities (
			claim_id    bigint NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
			ord         integer NOT NULL,
			quantity_id bigint NOT NULL REFERENCES quantities (id) ON DELETE CASCADE,
			PRIMARY KEY (claim_id, ord)
		)`,
		`CREATE INDEX claim_quantities_item ON claim_quantities (quantity_id)`,
		`CREATE TABLE claim_times (
			claim_id bigint NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
			ord      integer NOT NULL,
			time_id  bigint NOT NULL REFERENCES times (id) ON DELETE CASCADE,
			PRIMARY KEY (claim_id, ord)
		)`,
		`CREATE INDEX claim_times_item ON claim_times (time_id)`,
		`CREATE TABLE claim_places (
			claim_id bigint NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
			ord      integer NOT NULL,
			place_id bigint NOT NULL REFERENCES places (id) ON DELETE CASCADE,
			PRIMARY KEY (claim_id, ord)
		)`,
		`CREATE INDEX claim_places_item ON claim_places (place_id)`,
		`CREATE TABLE api_tokens (
			id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			name         text NOT NULL,
			hash         text NOT NULL UNIQUE,
			created_at   timestamptz NOT NULL,
			last_used_at timestamptz,
			revoked_at   timestamptz
		)`,
	),

	// 2: reconciliation, as the SQLite store's step 6: claims keep their
	// kind, entities their affiliation; measures keyed by the phenomenon,
	// estimates, relations and verifications replaced by each
	// reconciliation; the digest of the last one saved.
	execSteps(
		`ALTER TABLE claims ADD COLUMN kind text NOT NULL DEFAULT ''`,
		`ALTER TABLE entities ADD COLUMN affiliation_id bigint REFERENCES entities (id) ON DELETE SET NULL`,
		`ALTER TABLE entities ADD COLUMN affiliation_name text NOT NULL DEFAULT ''`,
		`ALTER TABLE entities ADD COLUMN affiliation_role text NOT NULL DEFAULT ''`,
		`CREATE TABLE measures (
			id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			key         text NOT NULL UNIQUE,
			name        text NOT NULL,
			name_key    text NOT NULL,
			what        text NOT NULL,
			nationality text NOT NULL,
			event       text NOT NULL,
			outlook     text NOT NULL,
			place       text NOT NULL,
			country     text NOT NULL,
			unit        text NOT NULL,
			rate        text NOT NULL,
			increment   boolean NOT NULL,
			low         double precision,
			high        double precision,
			sources     integer NOT NULL,
			estimates   integer NOT NULL,
			first_said  date,
			last_said   date
		)`,
		`CREATE TABLE estimates (
			id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			measure_id  bigint NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
			ord         integer NOT NULL,
			claim_id    bigint NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
			quantity_id bigint REFERENCES quantities (id) ON DELETE CASCADE,
			document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
			entity_id   bigint REFERENCES entities (id) ON DELETE SET NULL,
			voice_id    bigint REFERENCES entities (id) ON DELETE SET NULL,
			value       double precision,
			low         double precision,
			high        double precision,
			approx      boolean NOT NULL,
			bound       text NOT NULL,
			text        text NOT NULL,
			kind        text NOT NULL,
			said_on     date,
			as_of       date,
			excluded    boolean NOT NULL,
			why         text NOT NULL,
			latest      boolean NOT NULL,
			cited       boolean NOT NULL,
			UNIQUE (measure_id, ord)
		)`,
		`CREATE INDEX estimates_claim ON estimates (claim_id)`,
		`CREATE INDEX estimates_entity ON estimates (entity_id)`,
		`CREATE TABLE measure_relations (
			measure_id bigint NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
			ord        integer NOT NULL,
			kind       text NOT NULL,
			a_estimate bigint NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
			b_estimate bigint NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
			what       text NOT NULL,
			PRIMARY KEY (measure_id, ord)
		)`,
		`CREATE TABLE verifications (
			claim_id       bigint PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
			status         text NOT NULL,
			credibility    integer NOT NULL CHECK (credibility BETWEEN 1 AND 6),
			confirmed_by   jsonb NOT NULL,
			denied_by      jsonb NOT NULL,
			corroborations integer NOT NULL,
			evidence       jsonb NOT NULL,
			caveats        jsonb NOT NULL
		)`,
		`CREATE TABLE reconcile_state (
			id       integer PRIMARY KEY CHECK (id = 1),
			hash     text NOT NULL,
			saved_at timestamptz NOT NULL
		)`,
	),

	// 3: as the SQLite store's step 7: indexes for cascading deletes, and
	// the digest of the reconciliation as saved.
	execSteps(
		`CREATE INDEX measure_relations_a ON measure_relations (a_estimate)`,
		`CREATE INDEX measure_relations_b ON measure_relations (b_estimate)`,
		`CREATE INDEX estimates_voice ON estimates (voice_id)`,
		`CREATE INDEX estimates_document ON estimates (document_id)`,
		`CREATE INDEX estimates_quantity ON estimates (quantity_id)`,
		`CREATE INDEX entities_affiliation ON entities (affiliation_id)`,
		`ALTER TABLE reconcile_state ADD COLUMN resolved text NOT NULL DEFAULT ''`,
	),
}

func execSteps(stmts ...string) func(context.Context, tx) error {
	return func(ctx context.Context, t tx) error {
		for _, s := range stmts {
			if _, err := t.ExecContext(ctx, s); err != nil {
				return fmt.Errorf("%w in %.60q", err, s)
			}
		}
		return nil
	}
}

// SchemaVersion returns the schema version this package writes.
func SchemaVersion() int { return len(migrations) }

// migrationLock is the advisory lock that keeps two processes from
// migrating the same database at once.
const migrationLock = 0x63636462

func migrate(ctx context.Context, db *sql.DB) error {
	for {
		done, err := migrateStep(ctx, db)
		if err != nil || done {
			return err
		}
	}
}

func migrateStep(ctx context.Context, db *sql.DB) (bool, error) {
	st, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer st.Rollback()
	t := tx{st}
	if _, err := t.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
		return false, err
	}
	if _, err := t.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`); err != nil {
		return false, err
	}
	var version int
	switch err := t.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&version); err {
	case nil:
	case sql.ErrNoRows:
		if _, err := t.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (0)`); err != nil {
			return false, err
		}
	default:
		return false, err
	}
	switch {
	case version > len(migrations):
		return false, fmt.Errorf("%w: the database has schema version %d, this crosscheck knows up to %d; upgrade crosscheck", store.ErrNewerSchema, version, len(migrations))
	case version == len(migrations):
		return true, nil
	}
	if err := migrations[version](ctx, t); err != nil {
		return false, fmt.Errorf("migrate to schema version %d: %w", version+1, err)
	}
	if _, err := t.ExecContext(ctx, `UPDATE schema_version SET version = $1`, version+1); err != nil {
		return false, err
	}
	return false, st.Commit()
}
