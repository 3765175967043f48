// Package sqlite is crosscheck's embedded store: a single SQLite file that
// needs no set-up, through modernc.org/sqlite (pure Go, so the binary builds
// without cgo). It implements store.Store.
//
// The file runs in WAL mode, so readers (the web server, a second CLI) never
// wait for an ingest, and every document is written in one transaction, so
// a crash or a kill leaves each document whole or absent. Full-text search
// uses FTS5 tables kept in step with the data by triggers.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"

	"modernc.org/sqlite" // registers the "sqlite" database/sql driver
	sqlite3 "modernc.org/sqlite/lib"
)

// DB is a crosscheck store in one SQLite file.
type DB struct {
	path string
	// w is the one connection that writes: SQLite takes one writer at a
	// time anyway, and queueing writers in Go is cheaper and fairer than
	// letting several connections spin on SQLITE_BUSY. Its transactions
	// begin IMMEDIATE, so a write never fails half-way for want of a lock.
	w *sql.DB
	// r serves reads, several at once; WAL lets them run beside a write.
	r *sql.DB
	// stmts are the inserts, prepared on w once.
	stmts statements
	// now is the clock, replaced in tests.
	now func() time.Time
}

var _ store.Store = (*DB)(nil)

// busyTimeout is how long a statement waits for another process's lock
// (a second crosscheck ingesting into the same file) before failing.
const busyTimeout = 10 * time.Second

// applicationID marks a SQLite file as crosscheck's ("ccdb"), so Open can
// tell it from another program's database.
const applicationID = 0x63636462

// sqliteMagic is the first 16 bytes of every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// DefaultPath returns where the store lives when no path is given:
// $XDG_DATA_HOME/crosscheck/crosscheck.db, else
// ~/.local/share/crosscheck/crosscheck.db (on Windows, under
// %LocalAppData%).
func DefaultPath() (string, error) {
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "crosscheck", "crosscheck.db"), nil
	}
	if runtime.GOOS == "windows" {
		if dir := os.Getenv("LocalAppData"); dir != "" {
			return filepath.Join(dir, "crosscheck", "crosscheck.db"), nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("store: default database path: %w (pass a path with --db or CROSSCHECK_DB)", err)
	}
	return filepath.Join(home, ".local", "share", "crosscheck", "crosscheck.db"), nil
}

// Open opens the store at path, creating the file and its folder when
// missing, and brings its schema up to date. It fails with
// store.ErrNotDatabase when path holds something else, and with
// store.ErrNewerSchema when a newer crosscheck wrote it.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("store: open: %w: no path given", store.ErrInvalid)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// 0700: a ledger of who said what may be a journalist's working notes.
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, fmt.Errorf("store: open %s: create its folder: %w", path, err)
	}
	if err := checkHeader(abs); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}

	db := &DB{path: abs, now: time.Now}
	u := "file:" + (&url.URL{Path: filepath.ToSlash(abs)}).EscapedPath()
	common := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)", busyTimeout.Milliseconds())
	// synchronous=NORMAL: in WAL mode a crash or kill can never corrupt the
	// file or tear a transaction; only a power cut may drop the last few
	// commits, and re-ingesting restores them (the same text adds nothing
	// twice). FULL would fsync every document and cost most of the ingest
	// rate. A document's commit writes some 70 pages to the WAL, so the
	// default checkpoint (every 1,000 pages, with an fsync) would run every
	// 15 documents; every 8,000 pages (32 MB of WAL) saves a tenth of the
	// ingest time.
	db.w, err = sql.Open("sqlite", u+"?"+common+"&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=wal_autocheckpoint(8000)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db.w.SetMaxOpenConns(1)
	db.w.SetConnMaxIdleTime(0)
	if err := db.w.PingContext(ctx); err != nil {
		db.w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, explain(err))
	}
	if err := migrate(ctx, db.w, db.now); err != nil {
		db.w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, explain(err))
	}
	db.r, err = sql.Open("sqlite", u+"?"+common+"&_pragma=query_only(1)")
	if err != nil {
		db.w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	db.r.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)))
	return db, nil
}

// Path returns the database file's path.
func (db *DB) Path() string { return db.path }

// Close closes the database, checkpointing the WAL into the main file.
func (db *DB) Close() error {
	return errors.Join(db.r.Close(), db.w.Close())
}

// checkHeader refuses a file that is not empty and not SQLite, before
// SQLite sees it: its own message ("file is not a database") does not say
// which file or what to do.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	var head [len(sqliteMagic)]byte
	n, err := io.ReadFull(f, head[:])
	if n == 0 && (err == io.EOF || err == nil) {
		return nil // an empty file becomes a new database
	}
	if string(head[:n]) != sqliteMagic {
		return notDatabase("it is not a SQLite database")
	}
	return nil
}

func notDatabase(why string) error {
	return fmt.Errorf("%w: %s; give another path (--db or CROSSCHECK_DB), or move the file away", store.ErrNotDatabase, why)
}

// explain turns SQLite's terse errors about the file itself into ones that
// say what to do.
func explain(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	// The low byte is the primary result code; the rest extends it.
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB:
		return notDatabase("SQLite cannot read it (" + err.Error() + ")")
	case sqlite3.SQLITE_CORRUPT:
		return fmt.Errorf("%w; the file is damaged: restore it from a backup, or move it away and ingest again", err)
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
		return fmt.Errorf("%w; check that the file and its folder are writable", err)
	}
	return err
}

// inTx runs fn in a write transaction and commits it; any error rolls
// everything back.
func (db *DB) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// readTx runs fn in a read transaction, so that a page and its total come
// from the same snapshot.
func (db *DB) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// timeLayout stores instants at a fixed width, so they sort as text.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, err := time.Parse(timeLayout, s.String)
	if err != nil {
		return time.Time{}
	}
	return t
}

// nullDay stores an ISO day, NULL when unknown, so that range filters leave
// undated rows out.
func nullDay(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return store.Day(t)
}
