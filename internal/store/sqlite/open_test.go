package sqlite

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/storetest"
)

func TestOpenCreatesAndReopens(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "deep", "er", "crosscheck.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	doc, res := storetest.Seed()
	id, _, err := db.AddDocument(ctx, doc, res)
	if err != nil {
		t.Fatal(err)
	}
	var version int
	var app int64
	var mode string
	if err := db.r.QueryRow(`SELECT version FROM schema_version`).Scan(&version); err != nil || version != SchemaVersion() {
		t.Errorf("schema version = %d, %v; want %d", version, err, SchemaVersion())
	}
	if err := db.r.QueryRow(`PRAGMA application_id`).Scan(&app); err != nil || app != applicationID {
		t.Errorf("application_id = %#x, %v", app, err)
	}
	if err := db.w.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := db.r.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("reader foreign_keys = %d, %v", fk, err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(filepath.Dir(path)); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("folder = %v, %v; want mode 0700", info, err)
	}

	// Reopening runs no migration again and finds everything.
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.Extraction(ctx, id)
	if err != nil || got.Document.Hash != doc.Hash || len(got.Claims) != len(res.Claims) {
		t.Errorf("after reopen: %v, %v", got, err)
	}
	if _, added, err := db.AddDocument(ctx, doc, res); added || err != nil {
		t.Errorf("re-adding after reopen: added %v, %v", added, err)
	}
	if db.Path() != path {
		t.Errorf("Path() = %q, want %q", db.Path(), path)
	}
}

// TestMigrateFromEachVersion stores rows at every older schema version, by
// hand, then opens the file with the full list: each later step must carry
// them along (search indexes rebuilt, sources given their entities).
func TestMigrateFromEachVersion(t *testing.T) {
	all := migrations
	t.Cleanup(func() { migrations = all })
	for from := 1; from < len(all); from++ {
		path := filepath.Join(t.TempDir(), "old.db")
		migrations = all[:from]
		db, err := Open(t.Context(), path)
		if err != nil {
			t.Fatalf("open at version %d: %v", from, err)
		}
		// Version 1's tables, which every later version keeps.
		_, err = db.w.Exec(`INSERT INTO documents (id, hash, title, standfirst, authors, publisher, publisher_key,
			published, url, language, origin, format, header, text, chars, added_at)
			VALUES (1, 'h1', 'Old title', '', '[]', 'The Courier', 'the courier', '2024-10-01', '', 'en',
			'old.txt', 'text', '[]', 'The ministry said convoys moved.', 32, '2024-10-01T00:00:00.000000000Z')`)
		if err == nil {
			_, err = db.w.Exec(`INSERT INTO sources (id, document_id, ord, local_id, name, name_key, kind, role,
				country, acronym, aliases, mentions, plural) VALUES (1, 1, 0, 's1', 'Ostmark Ministry',
				'ostmark ministry', 'organisation', '', '', '', '[]', '[]', 0)`)
		}
		if err == nil {
			_, err = db.w.Exec(`INSERT INTO claims (document_id, ord, local_id, source_id, speaker_name,
				speaker_mention, speaker_source, speaker_kind, speaker_role, speaker_start, speaker_end, speaker_key,
				cue, mode, stance, content, content_start, content_end, hedges, unverified, said, day)
				VALUES (1, 0, 'c1', 1, 'Ostmark Ministry', 'The ministry', 's1', '', '', 0, 12,
				'ostmark ministry' || char(10) || 'the ministry', 'said', 'indirect', 'asserts', 'convoys moved',
				18, 31, '[]', 0, '', '2024-10-01')`)
		}
		if err != nil {
			t.Fatalf("rows at version %d: %v", from, err)
		}
		if from >= 3 {
			// From version 3 on, the insert code gives sources entities.
			db.w.Exec(`INSERT INTO entities (id, name, kind, created_at) VALUES (1, 'Ostmark Ministry', 'organisation', '')`)
			db.w.Exec(`INSERT INTO entity_names VALUES ('ostmark ministry', 'organisation', 1, 0)`)
			db.w.Exec(`UPDATE sources SET entity_id = 1`)
		}
		db.Close()

		migrations = all
		db, err = Open(t.Context(), path)
		if err != nil {
			t.Fatalf("migrating from version %d: %v", from, err)
		}
		ctx := t.Context()
		if hits, err := db.Search(ctx, store.SearchFilter{Query: "convoys"}); err != nil || hits.Total != 2 {
			t.Errorf("from version %d: search finds %+v, %v; want the document and its claim", from, hits, err)
		}
		srcs, err := db.Sources(ctx, store.SourceFilter{})
		if err != nil || len(srcs.Items) != 1 || srcs.Items[0].Claims != 1 || srcs.Items[0].Name != "Ostmark Ministry" {
			t.Errorf("from version %d: sources %+v, %v", from, srcs, err)
		}
		// New documents go in as usual.
		doc, res := storetest.Seed()
		if _, added, err := db.AddDocument(ctx, doc, res); err != nil || !added {
			t.Errorf("from version %d: AddDocument = %v, %v", from, added, err)
		}
		db.Close()
	}
}

func TestOpenNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.db")
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.Exec(`UPDATE schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(t.Context(), path)
	if !errors.Is(err, store.ErrNewerSchema) {
		t.Fatalf("Open(newer) error = %v, want ErrNewerSchema", err)
	}
	for _, want := range []string{path, "99", "upgrade crosscheck"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestOpenBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	notes := write("notes.txt", []byte("These are my notes, not a database.\n"))
	binary := write("image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	// A file that starts like SQLite but is garbage after the header.
	garbage := write("broken.db", append([]byte(sqliteMagic), []byte(strings.Repeat("\xde\xad\xbe\xef", 2048))...))
	for _, p := range []string{notes, binary, garbage} {
		before, _ := os.ReadFile(p)
		_, err := Open(t.Context(), p)
		if !errors.Is(err, store.ErrNotDatabase) {
			t.Errorf("Open(%s) error = %v, want ErrNotDatabase", filepath.Base(p), err)
			continue
		}
		if !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "--db") {
			t.Errorf("Open(%s) error %q does not name the file and what to do", filepath.Base(p), err)
		}
		if after, _ := os.ReadFile(p); string(after) != string(before) {
			t.Errorf("Open(%s) changed the file", filepath.Base(p))
		}
	}

	// Another program's SQLite database.
	other := filepath.Join(dir, "other.db")
	odb, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := odb.Exec(`CREATE TABLE bookmarks (url TEXT)`); err != nil {
		t.Fatal(err)
	}
	odb.Close()
	if _, err := Open(t.Context(), other); !errors.Is(err, store.ErrNotDatabase) {
		t.Errorf("Open(another program's database) error = %v, want ErrNotDatabase", err)
	}

	// An empty file becomes a new store.
	empty := write("empty.db", nil)
	db, err := Open(t.Context(), empty)
	if err != nil {
		t.Errorf("Open(empty file): %v", err)
	} else {
		db.Close()
	}

	// A folder, and a path under a file, cannot be opened.
	if _, err := Open(t.Context(), dir); err == nil {
		t.Errorf("Open(a folder) succeeded")
	}
	if _, err := Open(t.Context(), filepath.Join(notes, "x.db")); err == nil {
		t.Errorf("Open(under a file) succeeded")
	}
	if _, err := Open(t.Context(), ""); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Open(\"\") error = %v, want ErrInvalid", err)
	}
}

func TestOpenOddPath(t *testing.T) {
	// Characters that mean something in a URI stay part of the name.
	path := filepath.Join(t.TempDir(), "my notes #1 ?50% ok.db")
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the store is not at %q: %v", path, err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/me")
	if p, err := DefaultPath(); err != nil || p != filepath.Join("/data/me", "crosscheck", "crosscheck.db") {
		t.Errorf("DefaultPath with XDG_DATA_HOME = %q, %v", p, err)
	}
	// A relative XDG_DATA_HOME is invalid by the spec and ignored.
	t.Setenv("XDG_DATA_HOME", "relative")
	t.Setenv("HOME", "/home/me")
	if p, err := DefaultPath(); err != nil || p != filepath.Join("/home/me", ".local", "share", "crosscheck", "crosscheck.db") {
		t.Errorf("DefaultPath under HOME = %q, %v", p, err)
	}
}

// TestTwoWriters opens one file twice, as two crosscheck processes would
// (an ingest beside the web server), and writes from both at once: the
// busy timeout and IMMEDIATE transactions must queue them, not fail them.
func TestTwoWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	errs := make(chan error, 2)
	for k, db := range []*DB{a, b} {
		go func() {
			for i := range 40 {
				// Both add the even articles, each its own odd ones.
				n := i * 2
				if i%2 == 1 {
					n = i*2 + 1 + k*1000
				}
				doc, res := storetest.Article(n)
				if _, _, err := db.AddDocument(t.Context(), doc, res); err != nil {
					errs <- err
					return
				}
				if _, err := db.Claims(t.Context(), store.ClaimFilter{Limit: 10}); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	st, err := a.Stats(t.Context())
	if err != nil || st.Documents != 20+20+20 {
		t.Errorf("documents = %d, %v; want 60", st.Documents, err)
	}
}
