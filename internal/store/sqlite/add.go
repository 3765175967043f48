package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// insertSQL are the statements AddDocument runs for every row. They are
// prepared once on the writer connection: preparing costs as much as
// running them, and an ingest runs them hundreds of times per document.
var insertSQL = map[string]string{
	"document": `INSERT INTO documents (hash, title, standfirst, authors, publisher, publisher_key, published,
		url, language, origin, format, header, text, chars, added_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING`,
	"source": `INSERT INTO sources (document_id, ord, local_id, name, name_key, kind, role, country, acronym,
		aliases, mentions, plural, entity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"entity name": `SELECT entity_id FROM entity_names WHERE name_key = ? AND kind = ?`,
	"claim": `INSERT INTO claims (document_id, ord, local_id, source_id, speaker_name, speaker_mention,
		speaker_source, speaker_kind, speaker_role, speaker_start, speaker_end, speaker_key, cue, cue_start,
		cue_end, mode, stance, content, content_start, content_end, hedges, unverified, said, day, kind)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"note": `INSERT INTO notes (document_id, ord, kind, said_by, cue, content, span_start, span_end, status)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"quantity": `INSERT INTO quantities (document_id, ord, listed, span_start, span_end, text, value, low,
		high, approx, bound, vague, alternatives, unit, what, what_start, what_end, rate, rhetorical)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"time": `INSERT INTO times (document_id, ord, listed, span_start, span_end, text, kind, start_day,
		end_day, value, granularity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"place": `INSERT INTO places (document_id, ord, listed, span_start, span_end, text, name, place_key,
		country, kind, lat, lon, gazetteer_id, government) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"demonym": `INSERT INTO demonyms (document_id, ord, span_start, span_end, text, country)
		VALUES (?, ?, ?, ?, ?, ?)`,
	"claim quantity": `INSERT INTO claim_quantities (claim_id, ord, quantity_id) VALUES (?, ?, ?)`,
	"claim time":     `INSERT INTO claim_times (claim_id, ord, time_id) VALUES (?, ?, ?)`,
	"claim place":    `INSERT INTO claim_places (claim_id, ord, place_id) VALUES (?, ?, ?)`,
}

type statements struct {
	once sync.Once
	err  error
	m    map[string]*sql.Stmt
}

func (db *DB) prepared() (map[string]*sql.Stmt, error) {
	s := &db.stmts
	s.once.Do(func() {
		s.m = make(map[string]*sql.Stmt, len(insertSQL))
		for name, q := range insertSQL {
			// Not the caller's context: its cancellation would be
			// remembered as a failure by every later call.
			st, err := db.w.Prepare(q)
			if err != nil {
				s.err = fmt.Errorf("prepare %s insert: %w", name, err)
				return
			}
			s.m[name] = st
		}
	})
	return s.m, s.err
}

// AddDocument stores doc and its extraction in one transaction. See
// store.Store.
func (db *DB) AddDocument(ctx context.Context, doc *document.Document, res *extract.Result) (int64, bool, error) {
	out, err := db.AddDocuments(ctx, []store.Input{{Document: doc, Result: res}})
	if err != nil {
		return 0, false, err
	}
	return out[0].ID, out[0].Added, out[0].Err
}

// AddDocuments stores several documents in one transaction. See
// store.Store.
func (db *DB) AddDocuments(ctx context.Context, docs []store.Input) ([]store.Added, error) {
	out := make([]store.Added, len(docs))
	recs := make([]*store.Record, len(docs))
	pending := 0
	for i, in := range docs {
		rec, err := store.NewRecord(in.Document, in.Result)
		if err != nil {
			out[i].Err = fmt.Errorf("store: add document: %w", err)
			continue
		}
		// Re-ingesting a folder is mostly documents already stored:
		// answer those from a reader, without queueing for the write
		// lock.
		id, err := db.documentID(ctx, db.r, rec.Document.Hash)
		switch {
		case err == nil:
			out[i].ID = id
		case errors.Is(err, store.ErrNotFound):
			recs[i] = rec
			pending++
		default:
			return nil, fmt.Errorf("store: add document %s: %w", rec.Document.Origin, err)
		}
	}
	if pending == 0 {
		return out, nil
	}
	stmts, err := db.prepared()
	if err != nil {
		return nil, fmt.Errorf("store: add documents: %w", err)
	}
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		for i, rec := range recs {
			if rec == nil {
				continue
			}
			id, added, err := db.insert(ctx, tx, stmts, rec)
			if err != nil {
				return fmt.Errorf("%s: %w", rec.Document.Origin, err)
			}
			out[i].ID, out[i].Added = id, added
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: add document %w", err)
	}
	return out, nil
}

type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (db *DB) documentID(ctx context.Context, q queryer, hash string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM documents WHERE hash = ?`, hash).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, store.ErrNotFound
	}
	return id, err
}

func (db *DB) insert(ctx context.Context, tx *sql.Tx, prepared map[string]*sql.Stmt, rec *store.Record) (int64, bool, error) {
	// Bind each prepared statement to the transaction once, not per row.
	bound := make(map[string]*sql.Stmt, len(prepared))
	stmt := func(name string) *sql.Stmt {
		st, ok := bound[name]
		if !ok {
			st = tx.StmtContext(ctx, prepared[name])
			bound[name] = st
		}
		return st
	}
	d := &rec.Document
	r, err := stmt("document").ExecContext(ctx, d.Hash, d.Title, d.Standfirst, jsonText(d.Authors), d.Publisher,
		store.Fold(d.Publisher), nullDay(d.Published), d.URL, d.Language, d.Origin, d.Format, jsonText(d.Header),
		d.Text, rec.Chars, formatTime(db.now()))
	if err != nil {
		return 0, false, err
	}
	if n, err := r.RowsAffected(); err != nil {
		return 0, false, err
	} else if n == 0 {
		// Another writer stored the same text since we looked.
		id, err := db.documentID(ctx, tx, d.Hash)
		return id, false, err
	}
	docID, err := r.LastInsertId()
	if err != nil {
		return 0, false, err
	}

	exec := func(name string, args ...any) (int64, error) {
		r, err := stmt(name).ExecContext(ctx, args...)
		if err != nil {
			return 0, fmt.Errorf("insert %s: %w", name, err)
		}
		return r.LastInsertId()
	}

	sourceIDs := make([]int64, len(rec.Sources))
	entityStmt := stmt("entity name")
	for i, s := range rec.Sources {
		var entity int64
		switch err := entityStmt.QueryRowContext(ctx, s.Key, s.Kind).Scan(&entity); err {
		case nil:
		case sql.ErrNoRows:
			if entity, err = resolveEntity(ctx, tx, s.Name, s.Key, s.Kind, db.now()); err != nil {
				return 0, false, err
			}
		default:
			return 0, false, err
		}
		sourceIDs[i], err = exec("source", docID, i, s.ID, s.Name, s.Key, s.Kind, s.Role, s.Country, s.Acronym,
			jsonText(s.Aliases), jsonText(s.Mentions), s.Plural, entity)
		if err != nil {
			return 0, false, err
		}
	}

	quantityIDs := make([]int64, len(rec.Quantities))
	for i, q := range rec.Quantities {
		var whatStart, whatEnd any
		if q.WhatSpan != nil {
			whatStart, whatEnd = q.WhatSpan.Start, q.WhatSpan.End
		}
		quantityIDs[i], err = exec("quantity", docID, i, i < rec.QuantitiesListed, q.Start, q.End, q.Text,
			q.Value, q.Low, q.High, q.Approx, q.Bound, q.Vague, jsonText(q.Alternatives), q.Unit, q.What,
			whatStart, whatEnd, q.Rate, q.Rhetorical)
		if err != nil {
			return 0, false, err
		}
	}
	timeIDs := make([]int64, len(rec.Times))
	for i, t := range rec.Times {
		// when.Time's own Start and End (days) shadow its Span's offsets.
		timeIDs[i], err = exec("time", docID, i, i < rec.TimesListed, t.Span.Start, t.Span.End, t.Text, t.Kind,
			t.Start, t.End, t.Value, t.Granularity)
		if err != nil {
			return 0, false, err
		}
	}
	placeIDs := make([]int64, len(rec.Places))
	for i, p := range rec.Places {
		placeIDs[i], err = exec("place", docID, i, i < rec.PlacesListed, p.Span.Start, p.Span.End, p.Text, p.Name,
			store.Fold(p.Name)+"\n"+store.Fold(p.Text), p.Country, p.Kind, p.Lat, p.Lon, p.ID, p.Government)
		if err != nil {
			return 0, false, err
		}
	}
	for i, n := range rec.Notes {
		if _, err := exec("note", docID, i, n.Kind, n.By, n.Cue, n.Content, n.Span.Start, n.Span.End, n.Status); err != nil {
			return 0, false, err
		}
	}
	for i, dm := range rec.Demonyms {
		if _, err := exec("demonym", docID, i, dm.Start, dm.End, dm.Text, dm.Country); err != nil {
			return 0, false, err
		}
	}

	for i, c := range rec.Claims {
		var sourceID, cueStart, cueEnd, day any
		if c.Source >= 0 {
			sourceID = sourceIDs[c.Source]
		}
		if c.CueSpan != nil {
			cueStart, cueEnd = c.CueSpan.Start, c.CueSpan.End
		}
		if c.Day != "" {
			day = c.Day
		}
		sp := c.Speaker
		claimID, err := exec("claim", docID, i, c.ID, sourceID, sp.Name, sp.Mention, sp.Source, sp.Kind, sp.Role,
			sp.Span.Start, sp.Span.End, c.SpeakerKey, c.Cue, cueStart, cueEnd, c.Mode, c.Stance, c.Content,
			c.ContentSpan.Start, c.ContentSpan.End, jsonText(c.Hedges), c.Unverified, c.Said, day, c.Kind)
		if err != nil {
			return 0, false, err
		}
		for j, ref := range c.QuantityRefs {
			if _, err := exec("claim quantity", claimID, j, quantityIDs[ref]); err != nil {
				return 0, false, err
			}
		}
		for j, ref := range c.TimeRefs {
			if _, err := exec("claim time", claimID, j, timeIDs[ref]); err != nil {
				return 0, false, err
			}
		}
		for j, ref := range c.PlaceRefs {
			if _, err := exec("claim place", claimID, j, placeIDs[ref]); err != nil {
				return 0, false, err
			}
		}
	}
	return docID, true, nil
}

// jsonText encodes a list for a JSON column; nil and empty lists are
// both "[]", so a column is never NULL.
func jsonText[T any](v []T) string {
	if len(v) == 0 {
		return "[]"
	}
	b, err := json.Marshal(v)
	if err != nil {
		// Only strings, numbers and spans are stored this way; they
		// always encode.
		panic(err)
	}
	return string(b)
}

// DeleteDocument removes a document and everything extracted from it.
func (db *DB) DeleteDocument(ctx context.Context, id int64) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, err := r.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return store.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: delete document %d: %w", id, err)
	}
	return nil
}
