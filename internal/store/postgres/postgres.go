// Package postgres is crosscheck's store on PostgreSQL, for a team sharing
// one ledger on a server and for ingest workers on several machines. It
// implements store.Store through pgx's database/sql driver and passes the
// same conformance suite (internal/store/storetest) as the SQLite store.
//
// Full-text search uses tsvector columns generated from the text, with a
// text search configuration of its own ("crosscheck": English stemming
// without stop words, accents removed), so that a query finds what the
// SQLite store's FTS5 finds. Concurrent writers need no lock of the
// store's: inserts of the same text or of a new source name settle on one
// row through ON CONFLICT.
package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// DB is a crosscheck store in a PostgreSQL database.
type DB struct {
	db  *sql.DB
	now func() time.Time
}

var _ store.Store = (*DB)(nil)

// Open connects to the database named by dsn (a URL such as
// postgres://user@host/crosscheck, or key=value pairs) and brings its
// schema up to date. It fails with store.ErrNewerSchema when a newer
// crosscheck wrote the schema.
func Open(ctx context.Context, dsn string) (*DB, error) {
	sdb, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	sdb.SetMaxOpenConns(16)
	sdb.SetConnMaxIdleTime(5 * time.Minute)
	if err := sdb.PingContext(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("store: open postgres: %w; check the server is running and the connection string (host, user, database)", err)
	}
	db := &DB{db: sdb, now: time.Now}
	if err := migrate(ctx, sdb); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	return db, nil
}

// Close closes the connections.
func (db *DB) Close() error { return db.db.Close() }

// rebind turns the ? placeholders the queries are written with (as for
// SQLite) into PostgreSQL's $1, $2...; no query here holds a literal ?.
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tx wraps a transaction so that queries written with ? run as they are.
type tx struct {
	*sql.Tx
}

func (t tx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.ExecContext(ctx, rebind(q), args...)
}

func (t tx) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.QueryContext(ctx, rebind(q), args...)
}

func (t tx) row(ctx context.Context, q string, args ...any) *sql.Row {
	return t.QueryRowContext(ctx, rebind(q), args...)
}

// inTx runs fn in a write transaction and commits it; any error rolls
// everything back.
func (db *DB) inTx(ctx context.Context, fn func(t tx) error) error {
	t, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer t.Rollback()
	if err := fn(tx{t}); err != nil {
		return err
	}
	return t.Commit()
}

// readTx runs fn in a read-only transaction whose statements share one
// snapshot, so that a page and its total agree.
func (db *DB) readTx(ctx context.Context, fn func(t tx) error) error {
	t, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return err
	}
	defer t.Rollback()
	return fn(tx{t})
}

// day converts a day for a date column: NULL when unknown.
func day(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dayText is an ISO day for a date column, NULL when "" or not a day.
func dayText(s string) any {
	if t := store.ParseDay(s); !t.IsZero() {
		return t
	}
	return nil
}

func fromDate(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	y, m, d := t.Time.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func fromTime(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// limit renders LIMIT and OFFSET; a limit of 0 means all rows.
func limit(lim, off int) string {
	l := "ALL"
	if lim > 0 {
		l = strconv.Itoa(lim)
	}
	return " LIMIT " + l + " OFFSET " + strconv.Itoa(off)
}

// conds gathers the conditions of a WHERE clause and their arguments.
type conds struct {
	list []string
	args []any
}

func (c *conds) add(cond string, args ...any) {
	c.list = append(c.list, cond)
	c.args = append(c.args, args...)
}

func (c *conds) where() string {
	if len(c.list) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(c.list, " AND ")
}

func params(n int) string {
	return "(" + strings.TrimSuffix(strings.Repeat("?,", n), ",") + ")"
}

// each runs a query and scans every row with scan.
func each(ctx context.Context, t tx, q string, args []any, scan func(rows *sql.Rows) error) error {
	rows, err := t.query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// tsQuery parses a user's search and renders it as to_tsquery input: every
// word is quoted (words hold letters and digits only) and goes through the
// crosscheck configuration, so it is stemmed as the text was.
func tsQuery(s string) (string, error) {
	q, err := store.ParseQuery(s)
	if err != nil {
		return "", err
	}
	term := func(t store.Term) string {
		parts := make([]string, len(t.Words))
		for i, w := range t.Words {
			parts[i] = "'" + w + "'"
		}
		if t.Prefix {
			parts[len(parts)-1] += ":*"
		}
		if len(parts) == 1 {
			return parts[0]
		}
		return "(" + strings.Join(parts, " <-> ") + ")"
	}
	group := func(ts []store.Term) string {
		parts := make([]string, len(ts))
		for i, t := range ts {
			parts[i] = term(t)
		}
		return "(" + strings.Join(parts, " | ") + ")"
	}
	all := make([]string, 0, len(q.All)+1)
	for _, g := range q.All {
		all = append(all, group(g))
	}
	if len(q.Not) > 0 {
		all = append(all, "!"+group(q.Not))
	}
	return strings.Join(all, " & "), nil
}
