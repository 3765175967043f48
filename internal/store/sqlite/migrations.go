package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// migrations bring a database from schema version i to i+1. Each runs in
// its own transaction with the version recorded in the same transaction, so
// an interrupted upgrade leaves the file at the last whole version. Append
// only: never edit a step that has shipped, add one after it.
var migrations = []func(ctx context.Context, tx *sql.Tx, now time.Time) error{
	// 1: documents and their extraction, kept exactly as extracted.
	execSteps(`
CREATE TABLE documents (
	id            INTEGER PRIMARY KEY,
	hash          TEXT NOT NULL UNIQUE,  -- hex SHA-256 of text: the identity of a document
	title         TEXT NOT NULL,
	standfirst    TEXT NOT NULL,
	authors       TEXT NOT NULL,         -- JSON array of names
	publisher     TEXT NOT NULL,
	publisher_key TEXT NOT NULL,         -- store.Fold(publisher): SQLite's lower() only folds ASCII
	published     TEXT,                  -- ISO day; NULL when unknown, so range filters skip it
	url           TEXT NOT NULL,
	language      TEXT NOT NULL,
	origin        TEXT NOT NULL,
	format        TEXT NOT NULL,
	header        TEXT NOT NULL,         -- JSON array of byte spans of text
	text          TEXT NOT NULL,
	chars         INTEGER NOT NULL,      -- length of text in code points: the bound of every span
	added_at      TEXT NOT NULL
)`, `
CREATE INDEX documents_published ON documents (published, id)`, `
CREATE TABLE sources (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	ord         INTEGER NOT NULL,        -- position in the extraction's list
	local_id    TEXT NOT NULL,           -- "s1"
	name        TEXT NOT NULL,
	name_key    TEXT NOT NULL,           -- store.Fold(name)
	kind        TEXT NOT NULL,
	role        TEXT NOT NULL,
	country     TEXT NOT NULL,
	acronym     TEXT NOT NULL,
	aliases     TEXT NOT NULL,           -- JSON array
	mentions    TEXT NOT NULL,           -- JSON array of character spans
	plural      INTEGER NOT NULL,
	UNIQUE (document_id, ord)
)`, `
CREATE INDEX sources_name ON sources (name_key, kind)`, `
CREATE TABLE claims (
	id              INTEGER PRIMARY KEY,
	document_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	ord             INTEGER NOT NULL,
	local_id        TEXT NOT NULL,       -- "c1"
	source_id       INTEGER REFERENCES sources (id) ON DELETE CASCADE, -- NULL: resolved to no source
	speaker_name    TEXT NOT NULL,
	speaker_mention TEXT NOT NULL,
	speaker_source  TEXT NOT NULL,       -- the source's local id, as extracted
	speaker_kind    TEXT NOT NULL,
	speaker_role    TEXT NOT NULL,
	speaker_start   INTEGER NOT NULL,
	speaker_end     INTEGER NOT NULL,
	speaker_key     TEXT NOT NULL,       -- fold(name) || char(10) || fold(mention), for the Speaker filter
	cue             TEXT NOT NULL,
	cue_start       INTEGER,             -- NULL when the cue has no span
	cue_end         INTEGER,
	mode            TEXT NOT NULL,
	stance          TEXT NOT NULL,
	content         TEXT NOT NULL,
	content_start   INTEGER NOT NULL,
	content_end     INTEGER NOT NULL,
	hedges          TEXT NOT NULL,       -- JSON array
	unverified      INTEGER NOT NULL,
	said            TEXT NOT NULL,       -- as extracted; '' when the text gives no day
	day             TEXT,                -- said if a day, else the publication day: what claims are dated by
	UNIQUE (document_id, ord)
)`, `
CREATE INDEX claims_day ON claims (day, document_id)`, `
CREATE INDEX claims_source ON claims (source_id)`, `
CREATE TABLE notes (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	ord         INTEGER NOT NULL,
	kind        TEXT NOT NULL,
	said_by     TEXT NOT NULL,
	cue         TEXT NOT NULL,
	content     TEXT NOT NULL,
	span_start  INTEGER NOT NULL,
	span_end    INTEGER NOT NULL,
	status      TEXT NOT NULL,
	UNIQUE (document_id, ord)
)`, `
CREATE TABLE quantities (
	id           INTEGER PRIMARY KEY,
	document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	ord          INTEGER NOT NULL,
	listed       INTEGER NOT NULL,       -- 1: in the document's list; 0: found only inside a claim
	span_start   INTEGER NOT NULL,
	span_end     INTEGER NOT NULL,
	text         TEXT NOT NULL,
	value        REAL,
	low          REAL,
	high         REAL,
	approx       INTEGER NOT NULL,
	bound        TEXT NOT NULL,
	vague        INTEGER NOT NULL,
	alternatives TEXT NOT NULL,          -- JSON array of numbers
	unit         TEXT NOT NULL,
	what         TEXT NOT NULL,
	what_start   INTEGER,
	what_end     INTEGER,
	rate         TEXT NOT NULL,
	rhetorical   INTEGER NOT NULL,
	UNIQUE (document_id, ord)
)`, `
CREATE TABLE times (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	ord         INTEGER NOT NULL,
	listed      INTEGER NOT NULL,
	span_start  INTEGER NOT NULL,
	span_end    INTEGER NOT NULL,
	text        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	start_day   TEXT NOT NULL,
	end_day     TEXT NOT NULL,
	value       TEXT NOT NULL,
	granularity TEXT NOT NULL,
	UNIQUE (document_id, ord)
)`, `
CREATE TABLE places (
	id           INTEGER PRIMARY KEY,
	document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	ord          INTEGER NOT NULL,
	listed       INTEGER NOT NULL,
	span_start   INTEGER NOT NULL,
	span_end     INTEGER NOT NULL,
	text         TEXT NOT NULL,
	name         TEXT NOT NULL,
	place_key    TEXT NOT NULL,          -- fold(name) || char(10) || fold(text), for the Place filter
	country      TEXT NOT NULL,
	kind         TEXT NOT NULL,
	lat          REAL NOT NULL,
	lon          REAL NOT NULL,
	gazetteer_id INTEGER NOT NULL,
	government   INTEGER NOT NULL,
	UNIQUE (document_id, ord)
)`, `
CREATE INDEX places_country ON places (country)`, `
CREATE TABLE demonyms (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	ord         INTEGER NOT NULL,
	span_start  INTEGER NOT NULL,
	span_end    INTEGER NOT NULL,
	text        TEXT NOT NULL,
	country     TEXT NOT NULL,
	UNIQUE (document_id, ord)
)`,
		// Which items each claim holds, in the claim's order. An item may
		// belong to several claims (a quotation inside reported speech).
		`
CREATE TABLE claim_quantities (
	claim_id    INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
	ord         INTEGER NOT NULL,
	quantity_id INTEGER NOT NULL REFERENCES quantities (id) ON DELETE CASCADE,
	PRIMARY KEY (claim_id, ord)
) WITHOUT ROWID`, `
CREATE INDEX claim_quantities_item ON claim_quantities (quantity_id)`, `
CREATE TABLE claim_times (
	claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
	ord      INTEGER NOT NULL,
	time_id  INTEGER NOT NULL REFERENCES times (id) ON DELETE CASCADE,
	PRIMARY KEY (claim_id, ord)
) WITHOUT ROWID`, `
CREATE INDEX claim_times_item ON claim_times (time_id)`, `
CREATE TABLE claim_places (
	claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
	ord      INTEGER NOT NULL,
	place_id INTEGER NOT NULL REFERENCES places (id) ON DELETE CASCADE,
	PRIMARY KEY (claim_id, ord)
) WITHOUT ROWID`, `
CREATE INDEX claim_places_item ON claim_places (place_id)`,
	),

	// 2: full-text search. Documents are indexed as external content (the
	// text is not stored twice); claims get a table of their own, because
	// the speaker column indexed is the name and the mention together.
	// Porter stemming lets "troop" find "troops"; remove_diacritics lets
	// "Zelenskyy" typed plainly find accented spellings.
	execSteps(`
CREATE VIRTUAL TABLE documents_fts USING fts5 (
	title, text,
	content = 'documents', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
)`, `
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
	INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END`, `
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
	INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END`, `
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
	INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END`, `
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')`, `
CREATE VIRTUAL TABLE claims_fts USING fts5 (
	content, speaker,
	tokenize = 'porter unicode61 remove_diacritics 2'
)`, `
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
	INSERT INTO claims_fts (rowid, content, speaker) VALUES (new.id, new.content, new.speaker_name || ' ' || new.speaker_mention);
END`, `
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
	DELETE FROM claims_fts WHERE rowid = old.id;
END`, `
CREATE TRIGGER claims_fts_update AFTER UPDATE OF content, speaker_name, speaker_mention ON claims BEGIN
	UPDATE claims_fts SET content = new.content, speaker = new.speaker_name || ' ' || new.speaker_mention WHERE rowid = old.id;
END`, `
INSERT INTO claims_fts (rowid, content, speaker) SELECT id, content, speaker_name || ' ' || speaker_mention FROM claims`,
	),

	// 3: sources across documents. An entity is a source as the user sees
	// it; entity_names says which canonical name (folded) of which kind
	// counts under which entity. Rows the user made (merges, splits) have
	// by_user = 1: they are keyed by name, not by document, so they apply to
	// documents ingested later too, and the machine (the insert code, the
	// reconciler) never overwrites them. Document-level sources keep what
	// was extracted and only point at their entity.
	entities,

	// 4: API tokens for the HTTP API's writes, stored as SHA-256 hashes.
	execSteps(`
CREATE TABLE api_tokens (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL,
	hash         TEXT NOT NULL UNIQUE,
	created_at   TEXT NOT NULL,
	last_used_at TEXT,
	revoked_at   TEXT
)`),

	// 5: indexes for the views. The day index gains ord, so a page of
	// claims sorted by day needs no sort of its own; the speaker key gets a
	// covering index, so counting claims by speaker scans it instead of
	// every claim's row; sources are grouped by entity and document.
	execSteps(`
DROP INDEX claims_day`, `
CREATE INDEX claims_day ON claims (day, document_id, ord)`, `
CREATE INDEX claims_speaker ON claims (speaker_key)`, `
DROP INDEX sources_entity`, `
CREATE INDEX sources_entity ON sources (entity_id, document_id)`),

	// 6: reconciliation (internal/reconcile). Claims keep their kind
	// (speech, belief, evidence), which tells evidence from testimony;
	// entities get the organisation they belong to or speak for. Measures
	// are keyed by the phenomenon they count, so that one keeps its id from
	// one reconciliation to the next; estimates, relations and
	// verifications are replaced whole by each reconciliation, and go with
	// the claims they come from. reconcile_state holds the digest of the
	// reconciliation saved last, so that saving the same one again writes
	// nothing.
	execSteps(`
ALTER TABLE claims ADD COLUMN kind TEXT NOT NULL DEFAULT ''`, `
ALTER TABLE entities ADD COLUMN affiliation_id INTEGER REFERENCES entities (id) ON DELETE SET NULL`, `
ALTER TABLE entities ADD COLUMN affiliation_name TEXT NOT NULL DEFAULT ''`, `
ALTER TABLE entities ADD COLUMN affiliation_role TEXT NOT NULL DEFAULT ''`, `
CREATE TABLE measures (
	id          INTEGER PRIMARY KEY,
	key         TEXT NOT NULL UNIQUE,    -- the phenomenon: what, nationality, event, outlook, place...
	name        TEXT NOT NULL,
	name_key    TEXT NOT NULL,           -- store.Fold(name), for searches
	what        TEXT NOT NULL,
	nationality TEXT NOT NULL,
	event       TEXT NOT NULL,
	outlook     TEXT NOT NULL,
	place       TEXT NOT NULL,
	country     TEXT NOT NULL,
	unit        TEXT NOT NULL,
	rate        TEXT NOT NULL,
	increment   INTEGER NOT NULL,
	low         REAL,                    -- range of the latest kept estimate of each source; NULL when none
	high        REAL,
	sources     INTEGER NOT NULL,        -- independent sources behind the kept estimates
	estimates   INTEGER NOT NULL,
	first_said  TEXT,
	last_said   TEXT
)`, `
CREATE TABLE estimates (
	id          INTEGER PRIMARY KEY,
	measure_id  INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
	ord         INTEGER NOT NULL,
	claim_id    INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
	quantity_id INTEGER REFERENCES quantities (id) ON DELETE CASCADE, -- NULL for a denial
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	entity_id   INTEGER REFERENCES entities (id) ON DELETE SET NULL,  -- who the figure is attributed to
	voice_id    INTEGER REFERENCES entities (id) ON DELETE SET NULL,  -- the independent source it counts for
	value       REAL,
	low         REAL,
	high        REAL,
	approx      INTEGER NOT NULL,
	bound       TEXT NOT NULL,
	text        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	said_on     TEXT,
	as_of       TEXT,
	excluded    INTEGER NOT NULL,
	why         TEXT NOT NULL,
	latest      INTEGER NOT NULL,
	cited       INTEGER NOT NULL,
	UNIQUE (measure_id, ord)
)`, `
CREATE INDEX estimates_claim ON estimates (claim_id)`, `
CREATE INDEX estimates_entity ON estimates (entity_id)`, `
CREATE TABLE measure_relations (
	measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
	ord        INTEGER NOT NULL,
	kind       TEXT NOT NULL,            -- contradiction or agreement
	a_estimate INTEGER NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
	b_estimate INTEGER NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
	what       TEXT NOT NULL,
	PRIMARY KEY (measure_id, ord)
) WITHOUT ROWID`, `
CREATE TABLE verifications (
	claim_id       INTEGER PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
	status         TEXT NOT NULL,
	credibility    INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
	confirmed_by   TEXT NOT NULL,        -- JSON array of entity ids
	denied_by      TEXT NOT NULL,
	corroborations INTEGER NOT NULL,
	evidence       TEXT NOT NULL,        -- JSON array
	caveats        TEXT NOT NULL
)`, `
CREATE TABLE reconcile_state (
	id       INTEGER PRIMARY KEY CHECK (id = 1),
	hash     TEXT NOT NULL,
	saved_at TEXT NOT NULL
)`),

	// 7: indexes for the deletes a reconciliation cascades (SQLite scans a
	// child table for every parent row deleted when the foreign key has
	// none), and the digest of the reconciliation as saved, with the
	// entities it made: the next run over an unchanged store finds them
	// stored and produces that one.
	execSteps(`
CREATE INDEX measure_relations_a ON measure_relations (a_estimate)`, `
CREATE INDEX measure_relations_b ON measure_relations (b_estimate)`, `
CREATE INDEX estimates_voice ON estimates (voice_id)`, `
CREATE INDEX estimates_document ON estimates (document_id)`, `
CREATE INDEX estimates_quantity ON estimates (quantity_id)`, `
CREATE INDEX entities_affiliation ON entities (affiliation_id)`, `
ALTER TABLE reconcile_state ADD COLUMN resolved TEXT NOT NULL DEFAULT ''`),
}

func execSteps(stmts ...string) func(context.Context, *sql.Tx, time.Time) error {
	return func(ctx context.Context, tx *sql.Tx, _ time.Time) error {
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return fmt.Errorf("%w in %.60q", err, s)
			}
		}
		return nil
	}
}

func entities(ctx context.Context, tx *sql.Tx, now time.Time) error {
	err := execSteps(`
CREATE TABLE entities (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL,
	kind        TEXT NOT NULL,
	reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
	created_at  TEXT NOT NULL
)`, `
CREATE TABLE entity_names (
	name_key  TEXT NOT NULL,
	kind      TEXT NOT NULL,
	entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	by_user   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (name_key, kind)
) WITHOUT ROWID`, `
CREATE INDEX entity_names_entity ON entity_names (entity_id)`, `
ALTER TABLE sources ADD COLUMN entity_id INTEGER REFERENCES entities (id)`, `
CREATE INDEX sources_entity ON sources (entity_id)`)(ctx, tx, now)
	if err != nil {
		return err
	}
	// Give the sources already stored their entities, as new ones get them.
	rows, err := tx.QueryContext(ctx, `SELECT id, name, name_key, kind FROM sources ORDER BY id`)
	if err != nil {
		return err
	}
	type src struct {
		id              int64
		name, key, kind string
	}
	var all []src
	for rows.Next() {
		var s src
		if err := rows.Scan(&s.id, &s.name, &s.key, &s.kind); err != nil {
			rows.Close()
			return err
		}
		all = append(all, s)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, s := range all {
		e, err := resolveEntity(ctx, tx, s.name, s.key, s.kind, now)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sources SET entity_id = ? WHERE id = ?`, e, s.id); err != nil {
			return err
		}
	}
	return nil
}

// resolveEntity returns the entity a canonical name of a kind counts under,
// making one when the name is new.
func resolveEntity(ctx context.Context, tx *sql.Tx, name, key, kind string, now time.Time) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT entity_id FROM entity_names WHERE name_key = ? AND kind = ?`, key, kind).Scan(&id)
	if err == nil {
		return id, nil
	}
	if err != sql.ErrNoRows {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO entities (name, kind, created_at) VALUES (?, ?, ?)`, name, kind, formatTime(now))
	if err != nil {
		return 0, err
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO entity_names (name_key, kind, entity_id) VALUES (?, ?, ?)`, key, kind, id)
	return id, err
}

// SchemaVersion returns the schema version this package writes.
func SchemaVersion() int { return len(migrations) }

// migrate brings the database up to SchemaVersion(), one step per
// transaction.
func migrate(ctx context.Context, db *sql.DB, now func() time.Time) error {
	for {
		done, err := migrateStep(ctx, db, now())
		if err != nil || done {
			return err
		}
	}
}

// migrateStep runs the next migration, if any, in its own transaction. The
// version is read inside the write transaction, so two processes opening a
// new file at once do not both run a step.
func migrateStep(ctx context.Context, db *sql.DB, now time.Time) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	version, err := schemaVersion(ctx, tx)
	if err != nil {
		return false, err
	}
	switch {
	case version > len(migrations):
		return false, fmt.Errorf("%w: the file has schema version %d, this crosscheck knows up to %d; upgrade crosscheck, or use another --db path", store.ErrNewerSchema, version, len(migrations))
	case version == len(migrations):
		return true, nil
	}
	if version == 0 {
		stmts := []string{
			`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`,
			`DELETE FROM schema_version`,
			`INSERT INTO schema_version (version) VALUES (0)`,
			fmt.Sprintf(`PRAGMA application_id = %d`, applicationID),
		}
		if err := execSteps(stmts...)(ctx, tx, now); err != nil {
			return false, err
		}
	}
	if err := migrations[version](ctx, tx, now); err != nil {
		return false, fmt.Errorf("store: migrate to schema version %d: %w", version+1, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, version+1); err != nil {
		return false, err
	}
	return false, tx.Commit()
}

// schemaVersion reads the version, 0 for a new file. A file that holds
// tables but no version, or that another program marked as its own, is not
// crosscheck's.
func schemaVersion(ctx context.Context, tx *sql.Tx) (int, error) {
	var app int64
	if err := tx.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&app); err != nil {
		return 0, err
	}
	if app != 0 && app != applicationID {
		return 0, notDatabase(fmt.Sprintf("it is another program's SQLite database (application id %#x)", app))
	}
	var tables int
	var hasVersion bool
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table'`)
	if err != nil {
		return 0, err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return 0, err
		}
		tables++
		hasVersion = hasVersion || name == "schema_version"
	}
	if err := rows.Close(); err != nil {
		return 0, err
	}
	switch {
	case tables == 0:
		return 0, nil
	case !hasVersion:
		return 0, notDatabase("it is another program's SQLite database (it has tables but no crosscheck schema version)")
	}
	var v int
	err = tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return v, err
}
