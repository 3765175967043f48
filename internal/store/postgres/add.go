package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

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
		recs[i] = rec
		pending++
	}
	if pending == 0 {
		return out, nil
	}
	err := db.inTx(ctx, func(t tx) error {
		for i, rec := range recs {
			if rec == nil {
				continue
			}
			id, added, err := db.insert(ctx, t, rec)
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

func (db *DB) insert(ctx context.Context, t tx, rec *store.Record) (int64, bool, error) {
	d := &rec.Document
	var docID int64
	// A concurrent writer storing the same text makes this wait for it,
	// then insert nothing.
	err := t.row(ctx, `INSERT INTO documents (hash, title, standfirst, authors, publisher, publisher_key, published,
		url, language, origin, format, header, text, chars, added_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING RETURNING id`,
		d.Hash, d.Title, d.Standfirst, jsonText(d.Authors), d.Publisher, store.Fold(d.Publisher), day(d.Published),
		d.URL, d.Language, d.Origin, d.Format, jsonText(d.Header), d.Text, rec.Chars, db.now().UTC()).Scan(&docID)
	if err == sql.ErrNoRows {
		err = t.row(ctx, `SELECT id FROM documents WHERE hash = ?`, d.Hash).Scan(&docID)
		return docID, false, err
	}
	if err != nil {
		return 0, false, err
	}
	insert := func(what, q string, args ...any) (int64, error) {
		var id int64
		if err := t.row(ctx, q+` RETURNING id`, args...).Scan(&id); err != nil {
			return 0, fmt.Errorf("insert %s: %w", what, err)
		}
		return id, nil
	}

	sourceIDs := make([]int64, len(rec.Sources))
	for i, s := range rec.Sources {
		entity, err := db.resolveEntity(ctx, t, s.Name, s.Key, s.Kind)
		if err != nil {
			return 0, false, err
		}
		sourceIDs[i], err = insert("source", `INSERT INTO sources (document_id, ord, local_id, name, name_key, kind,
			role, country, acronym, aliases, mentions, plural, entity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, i, s.ID, s.Name, s.Key, s.Kind, s.Role, s.Country, s.Acronym, jsonText(s.Aliases),
			jsonText(s.Mentions), s.Plural, entity)
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
		quantityIDs[i], err = insert("quantity", `INSERT INTO quantities (document_id, ord, listed, span_start,
			span_end, text, value, low, high, approx, bound, vague, alternatives, unit, what, what_start, what_end,
			rate, rhetorical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, i, i < rec.QuantitiesListed, q.Start, q.End, q.Text, q.Value, q.Low, q.High, q.Approx, q.Bound,
			q.Vague, jsonText(q.Alternatives), q.Unit, q.What, whatStart, whatEnd, q.Rate, q.Rhetorical)
		if err != nil {
			return 0, false, err
		}
	}
	timeIDs := make([]int64, len(rec.Times))
	for i, tm := range rec.Times {
		timeIDs[i], err = insert("time", `INSERT INTO times (document_id, ord, listed, span_start, span_end, text,
			kind, start_day, end_day, value, granularity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, i, i < rec.TimesListed, tm.Span.Start, tm.Span.End, tm.Text, tm.Kind, tm.Start, tm.End,
			tm.Value, tm.Granularity)
		if err != nil {
			return 0, false, err
		}
	}
	placeIDs := make([]int64, len(rec.Places))
	for i, p := range rec.Places {
		placeIDs[i], err = insert("place", `INSERT INTO places (document_id, ord, listed, span_start, span_end,
			text, name, place_key, country, kind, lat, lon, gazetteer_id, government)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, i, i < rec.PlacesListed, p.Span.Start, p.Span.End, p.Text, p.Name,
			store.Fold(p.Name)+"\n"+store.Fold(p.Text), p.Country, p.Kind, p.Lat, p.Lon, p.ID, p.Government)
		if err != nil {
			return 0, false, err
		}
	}
	for i, n := range rec.Notes {
		if _, err := insert("note", `INSERT INTO notes (document_id, ord, kind, said_by, cue, content, span_start,
			span_end, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, i, n.Kind, n.By, n.Cue, n.Content, n.Span.Start, n.Span.End, n.Status); err != nil {
			return 0, false, err
		}
	}
	for i, dm := range rec.Demonyms {
		if _, err := insert("demonym", `INSERT INTO demonyms (document_id, ord, span_start, span_end, text, country)
			VALUES (?, ?, ?, ?, ?, ?)`, docID, i, dm.Start, dm.End, dm.Text, dm.Country); err != nil {
			return 0, false, err
		}
	}
	for i, c := range rec.Claims {
		var sourceID, cueStart, cueEnd any
		if c.Source >= 0 {
			sourceID = sourceIDs[c.Source]
		}
		if c.CueSpan != nil {
			cueStart, cueEnd = c.CueSpan.Start, c.CueSpan.End
		}
		sp := c.Speaker
		claimID, err := insert("claim", `INSERT INTO claims (document_id, ord, local_id, source_id, speaker_name,
			speaker_mention, speaker_source, speaker_kind, speaker_role, speaker_start, speaker_end, speaker_key, cue,
			cue_start, cue_end, mode, stance, content, content_start, content_end, hedges, unverified, said, day, kind)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			docID, i, c.ID, sourceID, sp.Name, sp.Mention, sp.Source, sp.Kind, sp.Role, sp.Span.Start, sp.Span.End,
			c.SpeakerKey, c.Cue, cueStart, cueEnd, c.Mode, c.Stance, c.Content, c.ContentSpan.Start,
			c.ContentSpan.End, jsonText(c.Hedges), c.Unverified, c.Said, dayText(c.Day), c.Kind)
		if err != nil {
			return 0, false, err
		}
		links := []struct {
			table, column string
			refs          []int
			ids           []int64
		}{
			{"claim_quantities", "quantity_id", c.QuantityRefs, quantityIDs},
			{"claim_times", "time_id", c.TimeRefs, timeIDs},
			{"claim_places", "place_id", c.PlaceRefs, placeIDs},
		}
		for _, l := range links {
			for j, ref := range l.refs {
				if _, err := t.exec(ctx, `INSERT INTO `+l.table+` (claim_id, ord, `+l.column+`) VALUES (?, ?, ?)`,
					claimID, j, l.ids[ref]); err != nil {
					return 0, false, fmt.Errorf("insert %s: %w", l.table, err)
				}
			}
		}
	}
	return docID, true, nil
}

// resolveEntity returns the entity a canonical name of a kind counts under,
// making one when the name is new. Two writers meeting a new name at once
// both make an entity; the name's row goes to one, and the other's entity
// is dropped again.
func (db *DB) resolveEntity(ctx context.Context, t tx, name, key, kind string) (int64, error) {
	var id int64
	err := t.row(ctx, `SELECT entity_id FROM entity_names WHERE name_key = ? AND kind = ?`, key, kind).Scan(&id)
	if err != sql.ErrNoRows {
		return id, err
	}
	var made int64
	if err := t.row(ctx, `INSERT INTO entities (name, kind, created_at) VALUES (?, ?, ?) RETURNING id`,
		name, kind, db.now().UTC()).Scan(&made); err != nil {
		return 0, err
	}
	if _, err := t.exec(ctx, `INSERT INTO entity_names (name_key, kind, entity_id) VALUES (?, ?, ?)
		ON CONFLICT DO NOTHING`, key, kind, made); err != nil {
		return 0, err
	}
	if err := t.row(ctx, `SELECT entity_id FROM entity_names WHERE name_key = ? AND kind = ?`, key, kind).Scan(&id); err != nil {
		return 0, err
	}
	if id != made {
		if _, err := t.exec(ctx, `DELETE FROM entities WHERE id = ?`, made); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// jsonText encodes a list for a jsonb column; nil is "[]".
func jsonText[T any](v []T) string {
	if len(v) == 0 {
		return "[]"
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only strings, numbers and spans are stored this way
	}
	return string(b)
}

// unmarshal decodes a jsonb column; "[]" leaves v nil, as it was stored.
func unmarshal(s string, v any) error {
	if s == "" || s == "[]" {
		return nil
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("decode %.40q: %w", s, err)
	}
	return nil
}

// DeleteDocument removes a document and everything extracted from it.
func (db *DB) DeleteDocument(ctx context.Context, id int64) error {
	err := db.inTx(ctx, func(t tx) error {
		r, err := t.exec(ctx, `DELETE FROM documents WHERE id = ?`, id)
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
