package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// documentColumns are read by scanDocument, in its order; text is added
// where it is wanted.
const documentColumns = `d.id, d.hash, d.title, d.standfirst, d.authors, d.publisher, d.published, d.url,
	d.language, d.origin, d.format, d.header, d.added_at,
	(SELECT count(*) FROM claims WHERE document_id = d.id),
	(SELECT count(*) FROM sources WHERE document_id = d.id)`

type scanner interface{ Scan(dest ...any) error }

func scanDocument(row scanner, withText bool) (*store.Document, error) {
	var d store.Document
	var authors, header string
	var published, added sql.NullString
	dest := []any{&d.ID, &d.Hash, &d.Title, &d.Standfirst, &authors, &d.Publisher, &published, &d.URL,
		&d.Language, &d.Origin, &d.Format, &header, &added, &d.Claims, &d.Sources}
	if withText {
		dest = append(dest, &d.Text)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	d.Published = store.ParseDay(published.String)
	d.Added = parseTime(added)
	if err := unmarshal(authors, &d.Authors); err != nil {
		return nil, err
	}
	if d.Authors == nil {
		d.Authors = []string{}
	}
	if err := unmarshal(header, &d.Header); err != nil {
		return nil, err
	}
	return &d, nil
}

// unmarshal decodes a JSON column; "[]" leaves v nil, as it was stored.
func unmarshal(s string, v any) error {
	if s == "" || s == "[]" {
		return nil
	}
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("decode %.40q: %w", s, err)
	}
	return nil
}

// Document returns one document with its text.
func (db *DB) Document(ctx context.Context, id int64) (*store.Document, error) {
	row := db.r.QueryRowContext(ctx, `SELECT `+documentColumns+`, d.text FROM documents d WHERE d.id = ?`, id)
	d, err := scanDocument(row, true)
	if err == sql.ErrNoRows {
		err = store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: document %d: %w", id, err)
	}
	return d, nil
}

// DocumentByHash returns the document whose text has that SHA-256.
func (db *DB) DocumentByHash(ctx context.Context, hash string) (*store.Document, error) {
	row := db.r.QueryRowContext(ctx, `SELECT `+documentColumns+`, d.text FROM documents d WHERE d.hash = ?`, hash)
	d, err := scanDocument(row, true)
	if err == sql.ErrNoRows {
		err = store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: document %.12s: %w", hash, err)
	}
	return d, nil
}

// Documents lists documents without their text.
func (db *DB) Documents(ctx context.Context, f store.DocumentFilter) (store.Page[store.Document], error) {
	var page store.Page[store.Document]
	if err := f.Check(); err != nil {
		return page, fmt.Errorf("store: documents: %w", err)
	}
	var c conds
	if f.Search != "" {
		m, err := ftsQuery(f.Search)
		if err != nil {
			return page, fmt.Errorf("store: documents: %w", err)
		}
		c.add(`d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`, m)
	}
	if f.Publisher != "" {
		c.add(`instr(d.publisher_key, ?) > 0`, store.Fold(f.Publisher))
	}
	if !f.Since.IsZero() {
		c.add(`d.published >= ?`, store.Day(f.Since))
	}
	if !f.Until.IsZero() {
		c.add(`d.published <= ?`, store.Day(f.Until))
	}
	order := ` ORDER BY d.published DESC NULLS LAST, d.id DESC`
	switch f.Order {
	case store.OrderOldest:
		order = ` ORDER BY d.published ASC NULLS LAST, d.id ASC`
	case store.OrderAdded:
		order = ` ORDER BY d.id DESC`
	}
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents d`+c.where(), c.args...).Scan(&page.Total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+documentColumns+` FROM documents d`+c.where()+order+limit(f.Limit, f.Offset), c.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		page.Items = []store.Document{}
		for rows.Next() {
			d, err := scanDocument(rows, false)
			if err != nil {
				return err
			}
			page.Items = append(page.Items, *d)
		}
		return rows.Err()
	})
	if err != nil {
		return store.Page[store.Document]{}, fmt.Errorf("store: documents: %w", err)
	}
	return page, nil
}

// Extraction returns the extraction stored with a document.
func (db *DB) Extraction(ctx context.Context, id int64) (*extract.Result, error) {
	var res *extract.Result
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		rec, err := readRecord(ctx, tx, id)
		if err != nil {
			return err
		}
		res = store.Assemble(rec)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: extraction of document %d: %w", id, err)
	}
	return res, nil
}

// readRecord reads back the rows AddDocument wrote for a document.
func readRecord(ctx context.Context, tx *sql.Tx, id int64) (*store.Record, error) {
	row := tx.QueryRowContext(ctx, `SELECT `+documentColumns+`, d.text, d.chars FROM documents d WHERE d.id = ?`, id)
	var rec store.Record
	var sd store.Document
	var authors, header string
	var published, added sql.NullString
	var nclaims, nsources int
	err := row.Scan(&sd.ID, &sd.Hash, &sd.Title, &sd.Standfirst, &authors, &sd.Publisher, &published, &sd.URL,
		&sd.Language, &sd.Origin, &sd.Format, &header, &added, &nclaims, &nsources, &sd.Text, &rec.Chars)
	if err == sql.ErrNoRows {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	rec.Document = document.Document{
		Text: sd.Text, Title: sd.Title, Standfirst: sd.Standfirst, Publisher: sd.Publisher,
		Published: store.ParseDay(published.String), URL: sd.URL, Language: sd.Language,
		Origin: sd.Origin, Format: sd.Format, Hash: sd.Hash,
	}
	if err := unmarshal(authors, &rec.Document.Authors); err != nil {
		return nil, err
	}
	if err := unmarshal(header, &rec.Document.Header); err != nil {
		return nil, err
	}

	// each runs a query over one table of the document and scans every row.
	each := func(query string, scan func(rows *sql.Rows) error) error {
		rows, err := tx.QueryContext(ctx, query, id)
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

	sourceIndex := map[int64]int{}
	err = each(`SELECT id, local_id, name, kind, role, country, acronym, aliases, mentions, plural
		FROM sources WHERE document_id = ? ORDER BY ord`, func(rows *sql.Rows) error {
		var rowID int64
		var s store.SourceRecord
		var aliases, mentions string
		if err := rows.Scan(&rowID, &s.ID, &s.Name, &s.Kind, &s.Role, &s.Country, &s.Acronym, &aliases, &mentions, &s.Plural); err != nil {
			return err
		}
		s.Key = store.Fold(s.Name)
		if err := unmarshal(aliases, &s.Aliases); err != nil {
			return err
		}
		if err := unmarshal(mentions, &s.Mentions); err != nil {
			return err
		}
		sourceIndex[rowID] = len(rec.Sources)
		rec.Sources = append(rec.Sources, s)
		return nil
	})
	if err != nil {
		return nil, err
	}

	quantityIndex := map[int64]int{}
	err = each(`SELECT id, listed, span_start, span_end, text, value, low, high, approx, bound, vague,
		alternatives, unit, what, what_start, what_end, rate, rhetorical
		FROM quantities WHERE document_id = ? ORDER BY ord`, func(rows *sql.Rows) error {
		var rowID int64
		var listed bool
		q, err := scanQuantity(rows, &rowID, &listed)
		if err != nil {
			return err
		}
		if listed {
			rec.QuantitiesListed++
		}
		quantityIndex[rowID] = len(rec.Quantities)
		rec.Quantities = append(rec.Quantities, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	timeIndex := map[int64]int{}
	err = each(`SELECT id, listed, span_start, span_end, text, kind, start_day, end_day, value, granularity
		FROM times WHERE document_id = ? ORDER BY ord`, func(rows *sql.Rows) error {
		var rowID int64
		var listed bool
		t, err := scanTime(rows, &rowID, &listed)
		if err != nil {
			return err
		}
		if listed {
			rec.TimesListed++
		}
		timeIndex[rowID] = len(rec.Times)
		rec.Times = append(rec.Times, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	placeIndex := map[int64]int{}
	err = each(`SELECT id, listed, span_start, span_end, text, name, country, kind, lat, lon, gazetteer_id, government
		FROM places WHERE document_id = ? ORDER BY ord`, func(rows *sql.Rows) error {
		var rowID int64
		var listed bool
		p, err := scanPlace(rows, &rowID, &listed)
		if err != nil {
			return err
		}
		if listed {
			rec.PlacesListed++
		}
		placeIndex[rowID] = len(rec.Places)
		rec.Places = append(rec.Places, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(`SELECT kind, said_by, cue, content, span_start, span_end, status
		FROM notes WHERE document_id = ? ORDER BY ord`, func(rows *sql.Rows) error {
		var n extract.Note
		if err := rows.Scan(&n.Kind, &n.By, &n.Cue, &n.Content, &n.Span.Start, &n.Span.End, &n.Status); err != nil {
			return err
		}
		rec.Notes = append(rec.Notes, n)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = each(`SELECT span_start, span_end, text, country FROM demonyms WHERE document_id = ? ORDER BY ord`,
		func(rows *sql.Rows) error {
			var dm where.Demonym
			if err := rows.Scan(&dm.Start, &dm.End, &dm.Text, &dm.Country); err != nil {
				return err
			}
			rec.Demonyms = append(rec.Demonyms, dm)
			return nil
		})
	if err != nil {
		return nil, err
	}

	claimIndex := map[int64]int{}
	err = each(`SELECT id, local_id, source_id, speaker_name, speaker_mention, speaker_source, speaker_kind,
		speaker_role, speaker_start, speaker_end, speaker_key, cue, cue_start, cue_end, mode, stance, content,
		content_start, content_end, hedges, unverified, said, day, kind
		FROM claims WHERE document_id = ? ORDER BY ord`, func(rows *sql.Rows) error {
		var rowID int64
		var cr store.ClaimRecord
		var sourceID, cueStart, cueEnd sql.NullInt64
		var hedges string
		var day sql.NullString
		sp := &cr.Speaker
		if err := rows.Scan(&rowID, &cr.ID, &sourceID, &sp.Name, &sp.Mention, &sp.Source, &sp.Kind, &sp.Role,
			&sp.Span.Start, &sp.Span.End, &cr.SpeakerKey, &cr.Cue, &cueStart, &cueEnd, &cr.Mode, &cr.Stance,
			&cr.Content, &cr.ContentSpan.Start, &cr.ContentSpan.End, &hedges, &cr.Unverified, &cr.Said, &day, &cr.Kind); err != nil {
			return err
		}
		cr.Source = -1
		if i, ok := sourceIndex[sourceID.Int64]; ok && sourceID.Valid {
			cr.Source = i
		}
		if cueStart.Valid {
			cr.CueSpan = &document.Span{Start: int(cueStart.Int64), End: int(cueEnd.Int64)}
		}
		cr.Day = day.String
		if err := unmarshal(hedges, &cr.Hedges); err != nil {
			return err
		}
		claimIndex[rowID] = len(rec.Claims)
		rec.Claims = append(rec.Claims, cr)
		return nil
	})
	if err != nil {
		return nil, err
	}
	links := []struct {
		table, column string
		index         map[int64]int
		add           func(cr *store.ClaimRecord, i int)
	}{
		{"claim_quantities", "quantity_id", quantityIndex, func(cr *store.ClaimRecord, i int) { cr.QuantityRefs = append(cr.QuantityRefs, i) }},
		{"claim_times", "time_id", timeIndex, func(cr *store.ClaimRecord, i int) { cr.TimeRefs = append(cr.TimeRefs, i) }},
		{"claim_places", "place_id", placeIndex, func(cr *store.ClaimRecord, i int) { cr.PlaceRefs = append(cr.PlaceRefs, i) }},
	}
	for _, l := range links {
		err = each(`SELECT l.claim_id, l.`+l.column+` FROM `+l.table+` l JOIN claims c ON c.id = l.claim_id
			WHERE c.document_id = ? ORDER BY l.claim_id, l.ord`, func(rows *sql.Rows) error {
			var claimID, itemID int64
			if err := rows.Scan(&claimID, &itemID); err != nil {
				return err
			}
			l.add(&rec.Claims[claimIndex[claimID]], l.index[itemID])
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return &rec, nil
}

// scanQuantity scans dest, then a quantity's columns in the order the
// quantities table declares them from span_start on; scanTime and
// scanPlace do the same for theirs.
func scanQuantity(row scanner, dest ...any) (quantity.Quantity, error) {
	var q quantity.Quantity
	var value, low, high sql.NullFloat64
	var whatStart, whatEnd sql.NullInt64
	var alternatives string
	dest = append(dest, &q.Start, &q.End, &q.Text, &value, &low, &high, &q.Approx, &q.Bound, &q.Vague,
		&alternatives, &q.Unit, &q.What, &whatStart, &whatEnd, &q.Rate, &q.Rhetorical)
	if err := row.Scan(dest...); err != nil {
		return q, err
	}
	q.Value, q.Low, q.High = floatPtr(value), floatPtr(low), floatPtr(high)
	if whatStart.Valid {
		q.WhatSpan = &document.Span{Start: int(whatStart.Int64), End: int(whatEnd.Int64)}
	}
	return q, unmarshal(alternatives, &q.Alternatives)
}

func scanTime(row scanner, dest ...any) (when.Time, error) {
	var t when.Time
	dest = append(dest, &t.Span.Start, &t.Span.End, &t.Text, &t.Kind, &t.Start, &t.End, &t.Value, &t.Granularity)
	return t, row.Scan(dest...)
}

func scanPlace(row scanner, dest ...any) (where.Place, error) {
	var p where.Place
	dest = append(dest, &p.Span.Start, &p.Span.End, &p.Text, &p.Name, &p.Country, &p.Kind, &p.Lat, &p.Lon, &p.ID, &p.Government)
	return p, row.Scan(dest...)
}

func floatPtr(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	f := v.Float64
	return &f
}
