package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

const documentColumns = `d.id, d.hash, d.title, d.standfirst, d.authors::text, d.publisher, d.published, d.url,
	d.language, d.origin, d.format, d.header::text, d.added_at,
	(SELECT count(*) FROM claims WHERE document_id = d.id),
	(SELECT count(*) FROM sources WHERE document_id = d.id)`

type scanner interface{ Scan(dest ...any) error }

func scanDocument(row scanner, withText bool, extra ...any) (*store.Document, error) {
	var d store.Document
	var authors, header string
	var published, added sql.NullTime
	dest := []any{&d.ID, &d.Hash, &d.Title, &d.Standfirst, &authors, &d.Publisher, &published, &d.URL,
		&d.Language, &d.Origin, &d.Format, &header, &added, &d.Claims, &d.Sources}
	if withText {
		dest = append(dest, &d.Text)
	}
	if err := row.Scan(append(dest, extra...)...); err != nil {
		return nil, err
	}
	d.Published, d.Added = fromDate(published), fromTime(added)
	if err := unmarshal(authors, &d.Authors); err != nil {
		return nil, err
	}
	if d.Authors == nil {
		d.Authors = []string{}
	}
	return &d, unmarshal(header, &d.Header)
}

// Document returns one document with its text.
func (db *DB) Document(ctx context.Context, id int64) (*store.Document, error) {
	return db.document(ctx, "id", id)
}

// DocumentByHash returns the document whose text has that SHA-256.
func (db *DB) DocumentByHash(ctx context.Context, hash string) (*store.Document, error) {
	return db.document(ctx, "hash", hash)
}

func (db *DB) document(ctx context.Context, column string, key any) (*store.Document, error) {
	row := db.db.QueryRowContext(ctx, `SELECT `+documentColumns+`, d.text FROM documents d WHERE d.`+column+` = $1`, key)
	d, err := scanDocument(row, true)
	if err == sql.ErrNoRows {
		err = store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: document %v: %w", key, err)
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
		q, err := tsQuery(f.Search)
		if err != nil {
			return page, fmt.Errorf("store: documents: %w", err)
		}
		c.add(`d.fts @@ to_tsquery('crosscheck', ?)`, q)
	}
	if f.Publisher != "" {
		c.add(`strpos(d.publisher_key, ?) > 0`, store.Fold(f.Publisher))
	}
	if !f.Since.IsZero() {
		c.add(`d.published >= ?`, day(f.Since))
	}
	if !f.Until.IsZero() {
		c.add(`d.published <= ?`, day(f.Until))
	}
	order := ` ORDER BY d.published DESC NULLS LAST, d.id DESC`
	switch f.Order {
	case store.OrderOldest:
		order = ` ORDER BY d.published ASC NULLS LAST, d.id ASC`
	case store.OrderAdded:
		order = ` ORDER BY d.id DESC`
	}
	err := db.readTx(ctx, func(t tx) error {
		if err := t.row(ctx, `SELECT count(*) FROM documents d`+c.where(), c.args...).Scan(&page.Total); err != nil {
			return err
		}
		page.Items = []store.Document{}
		return each(ctx, t, `SELECT `+documentColumns+` FROM documents d`+c.where()+order+limit(f.Limit, f.Offset), c.args,
			func(rows *sql.Rows) error {
				d, err := scanDocument(rows, false)
				if err == nil {
					page.Items = append(page.Items, *d)
				}
				return err
			})
	})
	if err != nil {
		return store.Page[store.Document]{}, fmt.Errorf("store: documents: %w", err)
	}
	return page, nil
}

// Extraction returns the extraction stored with a document.
func (db *DB) Extraction(ctx context.Context, id int64) (*extract.Result, error) {
	var res *extract.Result
	err := db.readTx(ctx, func(t tx) error {
		rec, err := readRecord(ctx, t, id)
		if err == nil {
			res = store.Assemble(rec)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: extraction of document %d: %w", id, err)
	}
	return res, nil
}

func readRecord(ctx context.Context, t tx, id int64) (*store.Record, error) {
	var rec store.Record
	row := t.row(ctx, `SELECT `+documentColumns+`, d.text, d.chars FROM documents d WHERE d.id = ?`, id)
	sd, err := scanDocument(row, true, &rec.Chars)
	if err == sql.ErrNoRows {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	rec.Document = document.Document{
		Text: sd.Text, Title: sd.Title, Standfirst: sd.Standfirst, Authors: sd.Authors, Publisher: sd.Publisher,
		Published: sd.Published, URL: sd.URL, Language: sd.Language, Origin: sd.Origin, Format: sd.Format,
		Header: sd.Header, Hash: sd.Hash,
	}
	if len(rec.Document.Authors) == 0 {
		rec.Document.Authors = nil
	}
	args := []any{id}

	sourceIndex := map[int64]int{}
	err = each(ctx, t, `SELECT id, local_id, name, kind, role, country, acronym, aliases::text, mentions::text, plural
		FROM sources WHERE document_id = ? ORDER BY ord`, args, func(rows *sql.Rows) error {
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
		sourceIndex[rowID] = len(rec.Sources)
		rec.Sources = append(rec.Sources, s)
		return unmarshal(mentions, &rec.Sources[len(rec.Sources)-1].Mentions)
	})
	if err != nil {
		return nil, err
	}
	quantityIndex, timeIndex, placeIndex := map[int64]int{}, map[int64]int{}, map[int64]int{}
	err = each(ctx, t, `SELECT id, listed, `+quantityColumns+` FROM quantities q WHERE document_id = ? ORDER BY ord`, args,
		func(rows *sql.Rows) error {
			var rowID int64
			var listed bool
			q, err := scanQuantity(rows, &rowID, &listed)
			if listed {
				rec.QuantitiesListed++
			}
			quantityIndex[rowID] = len(rec.Quantities)
			rec.Quantities = append(rec.Quantities, q)
			return err
		})
	if err != nil {
		return nil, err
	}
	err = each(ctx, t, `SELECT id, listed, `+timeColumns+` FROM times t WHERE document_id = ? ORDER BY ord`, args,
		func(rows *sql.Rows) error {
			var rowID int64
			var listed bool
			tm, err := scanTime(rows, &rowID, &listed)
			if listed {
				rec.TimesListed++
			}
			timeIndex[rowID] = len(rec.Times)
			rec.Times = append(rec.Times, tm)
			return err
		})
	if err != nil {
		return nil, err
	}
	err = each(ctx, t, `SELECT id, listed, `+placeColumns+` FROM places p WHERE document_id = ? ORDER BY ord`, args,
		func(rows *sql.Rows) error {
			var rowID int64
			var listed bool
			p, err := scanPlace(rows, &rowID, &listed)
			if listed {
				rec.PlacesListed++
			}
			placeIndex[rowID] = len(rec.Places)
			rec.Places = append(rec.Places, p)
			return err
		})
	if err != nil {
		return nil, err
	}
	err = each(ctx, t, `SELECT kind, said_by, cue, content, span_start, span_end, status FROM notes
		WHERE document_id = ? ORDER BY ord`, args, func(rows *sql.Rows) error {
		var n extract.Note
		err := rows.Scan(&n.Kind, &n.By, &n.Cue, &n.Content, &n.Span.Start, &n.Span.End, &n.Status)
		rec.Notes = append(rec.Notes, n)
		return err
	})
	if err != nil {
		return nil, err
	}
	err = each(ctx, t, `SELECT span_start, span_end, text, country FROM demonyms WHERE document_id = ? ORDER BY ord`, args,
		func(rows *sql.Rows) error {
			var dm where.Demonym
			err := rows.Scan(&dm.Start, &dm.End, &dm.Text, &dm.Country)
			rec.Demonyms = append(rec.Demonyms, dm)
			return err
		})
	if err != nil {
		return nil, err
	}
	claimIndex := map[int64]int{}
	err = each(ctx, t, `SELECT id, local_id, source_id, speaker_name, speaker_mention, speaker_source, speaker_kind,
		speaker_role, speaker_start, speaker_end, speaker_key, cue, cue_start, cue_end, mode, stance, content,
		content_start, content_end, hedges::text, unverified, said, day, kind
		FROM claims WHERE document_id = ? ORDER BY ord`, args, func(rows *sql.Rows) error {
		var rowID int64
		var cr store.ClaimRecord
		var sourceID, cueStart, cueEnd sql.NullInt64
		var hedges string
		var dayOf sql.NullTime
		sp := &cr.Speaker
		if err := rows.Scan(&rowID, &cr.ID, &sourceID, &sp.Name, &sp.Mention, &sp.Source, &sp.Kind, &sp.Role,
			&sp.Span.Start, &sp.Span.End, &cr.SpeakerKey, &cr.Cue, &cueStart, &cueEnd, &cr.Mode, &cr.Stance,
			&cr.Content, &cr.ContentSpan.Start, &cr.ContentSpan.End, &hedges, &cr.Unverified, &cr.Said, &dayOf, &cr.Kind); err != nil {
			return err
		}
		cr.Source = -1
		if i, ok := sourceIndex[sourceID.Int64]; ok && sourceID.Valid {
			cr.Source = i
		}
		if cueStart.Valid {
			cr.CueSpan = &document.Span{Start: int(cueStart.Int64), End: int(cueEnd.Int64)}
		}
		cr.Day = store.Day(fromDate(dayOf))
		claimIndex[rowID] = len(rec.Claims)
		rec.Claims = append(rec.Claims, cr)
		return unmarshal(hedges, &rec.Claims[len(rec.Claims)-1].Hedges)
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
		err = each(ctx, t, `SELECT l.claim_id, l.`+l.column+` FROM `+l.table+` l JOIN claims c ON c.id = l.claim_id
			WHERE c.document_id = ? ORDER BY l.claim_id, l.ord`, args, func(rows *sql.Rows) error {
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

// The item columns, in the order scanQuantity, scanTime and scanPlace read
// them (after their dest).
const (
	quantityColumns = `q.span_start, q.span_end, q.text, q.value, q.low, q.high, q.approx, q.bound, q.vague,
		q.alternatives::text, q.unit, q.what, q.what_start, q.what_end, q.rate, q.rhetorical`
	timeColumns  = `t.span_start, t.span_end, t.text, t.kind, t.start_day, t.end_day, t.value, t.granularity`
	placeColumns = `p.span_start, p.span_end, p.text, p.name, p.country, p.kind, p.lat, p.lon, p.gazetteer_id, p.government`
)

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

const claimFrom = ` FROM claims c
	JOIN documents d ON d.id = c.document_id
	LEFT JOIN sources s ON s.id = c.source_id`

const claimColumns = `c.id, c.local_id, d.id, d.title, d.publisher, d.published, d.url,
	c.speaker_name, c.speaker_mention, COALESCE(NULLIF(c.speaker_kind, ''), s.kind, ''),
	COALESCE(NULLIF(c.speaker_role, ''), s.role, ''), s.entity_id, c.speaker_start, c.speaker_end,
	c.cue, c.cue_start, c.cue_end, c.mode, c.stance, c.kind, c.content, c.content_start, c.content_end,
	c.hedges::text, c.unverified, c.said, c.day`

func scanClaim(row scanner) (store.Claim, error) {
	var c store.Claim
	var published, dayOf sql.NullTime
	var entity, cueStart, cueEnd sql.NullInt64
	var hedges, said string
	sp := &c.Speaker
	err := row.Scan(&c.ID, &c.LocalID, &c.Document.ID, &c.Document.Title, &c.Document.Publisher, &published,
		&c.Document.URL, &sp.Name, &sp.Mention, &sp.Kind, &sp.Role, &entity, &sp.Span.Start, &sp.Span.End,
		&c.Cue, &cueStart, &cueEnd, &c.Mode, &c.Stance, &c.Kind, &c.Content, &c.ContentSpan.Start, &c.ContentSpan.End,
		&hedges, &c.Unverified, &said, &dayOf)
	if err != nil {
		return c, err
	}
	c.Document.Published = fromDate(published)
	sp.SourceID = entity.Int64
	if cueStart.Valid {
		c.CueSpan = &document.Span{Start: int(cueStart.Int64), End: int(cueEnd.Int64)}
	}
	c.Said, c.Day = store.ParseDay(said), fromDate(dayOf)
	c.Quantities, c.Times, c.Places = []quantity.Quantity{}, []when.Time{}, []where.Place{}
	return c, unmarshal(hedges, &c.Hedges)
}

// Claim returns one claim.
func (db *DB) Claim(ctx context.Context, id int64) (*store.Claim, error) {
	var c store.Claim
	err := db.readTx(ctx, func(t tx) error {
		var err error
		c, err = scanClaim(t.row(ctx, `SELECT `+claimColumns+claimFrom+` WHERE c.id = ?`, id))
		if err == sql.ErrNoRows {
			return store.ErrNotFound
		}
		if err != nil {
			return err
		}
		claims := []store.Claim{c}
		err = fillItems(ctx, t, claims)
		c = claims[0]
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: claim %d: %w", id, err)
	}
	return &c, nil
}

// Claims lists claims.
func (db *DB) Claims(ctx context.Context, f store.ClaimFilter) (store.Page[store.Claim], error) {
	var page store.Page[store.Claim]
	if err := f.Check(); err != nil {
		return page, fmt.Errorf("store: claims: %w", err)
	}
	var c conds
	countFrom := ` FROM claims c`
	if f.SourceID != 0 || f.Kind != "" {
		countFrom += ` LEFT JOIN sources s ON s.id = c.source_id`
	}
	if f.Speaker != "" {
		c.add(`strpos(c.speaker_key, ?) > 0`, store.Fold(f.Speaker))
	}
	if f.Search != "" {
		q, err := tsQuery(f.Search)
		if err != nil {
			return page, fmt.Errorf("store: claims: %w", err)
		}
		c.add(`c.fts @@ to_tsquery('crosscheck', ?)`, q)
	}
	if !f.Since.IsZero() {
		c.add(`c.day >= ?`, day(f.Since))
	}
	if !f.Until.IsZero() {
		c.add(`c.day <= ?`, day(f.Until))
	}
	if f.DocumentID != 0 {
		c.add(`c.document_id = ?`, f.DocumentID)
	}
	if f.SourceID != 0 {
		c.add(`s.entity_id = ?`, f.SourceID)
	}
	if f.Kind != "" {
		c.add(`COALESCE(NULLIF(c.speaker_kind, ''), s.kind, '') = ?`, f.Kind)
	}
	if f.Stance != "" {
		c.add(`c.stance = ?`, f.Stance)
	}
	if f.Mode != "" {
		c.add(`c.mode = ?`, f.Mode)
	}
	if f.HasQuantity {
		c.add(`EXISTS (SELECT 1 FROM claim_quantities cq WHERE cq.claim_id = c.id)`)
	}
	if f.Place != "" {
		cond := `strpos(p.place_key, ?) > 0`
		args := []any{store.Fold(f.Place)}
		if len(f.Place) == 2 {
			cond += ` OR p.country = ?`
			args = append(args, strings.ToUpper(f.Place))
		}
		c.add(`EXISTS (SELECT 1 FROM claim_places cp JOIN places p ON p.id = cp.place_id
			WHERE cp.claim_id = c.id AND (`+cond+`))`, args...)
	}
	order := ` ORDER BY c.day DESC NULLS LAST, c.document_id DESC, c.ord`
	if f.Order == store.OrderOldest {
		order = ` ORDER BY c.day ASC NULLS LAST, c.document_id ASC, c.ord`
	}
	err := db.readTx(ctx, func(t tx) error {
		if err := t.row(ctx, `SELECT count(*)`+countFrom+c.where(), c.args...).Scan(&page.Total); err != nil {
			return err
		}
		page.Items = []store.Claim{}
		err := each(ctx, t, `SELECT `+claimColumns+claimFrom+c.where()+order+limit(f.Limit, f.Offset), c.args,
			func(rows *sql.Rows) error {
				cl, err := scanClaim(rows)
				page.Items = append(page.Items, cl)
				return err
			})
		if err != nil {
			return err
		}
		return fillItems(ctx, t, page.Items)
	})
	if err != nil {
		return store.Page[store.Claim]{}, fmt.Errorf("store: claims: %w", err)
	}
	return page, nil
}

// fillItems loads the quantities, times and places of claims, a few
// hundred claims per query.
func fillItems(ctx context.Context, t tx, claims []store.Claim) error {
	const chunk = 500
	for lo := 0; lo < len(claims); lo += chunk {
		part := claims[lo:min(lo+chunk, len(claims))]
		index := make(map[int64]*store.Claim, len(part))
		args := make([]any, len(part))
		for i := range part {
			index[part[i].ID] = &part[i]
			args[i] = part[i].ID
		}
		in := params(len(part))
		err := each(ctx, t, `SELECT l.claim_id, `+quantityColumns+` FROM claim_quantities l
			JOIN quantities q ON q.id = l.quantity_id WHERE l.claim_id IN `+in+` ORDER BY l.claim_id, l.ord`, args,
			func(rows *sql.Rows) error {
				var claimID int64
				q, err := scanQuantity(rows, &claimID)
				if err == nil {
					index[claimID].Quantities = append(index[claimID].Quantities, q)
				}
				return err
			})
		if err != nil {
			return err
		}
		err = each(ctx, t, `SELECT l.claim_id, `+timeColumns+` FROM claim_times l
			JOIN times t ON t.id = l.time_id WHERE l.claim_id IN `+in+` ORDER BY l.claim_id, l.ord`, args,
			func(rows *sql.Rows) error {
				var claimID int64
				tm, err := scanTime(rows, &claimID)
				if err == nil {
					index[claimID].Times = append(index[claimID].Times, tm)
				}
				return err
			})
		if err != nil {
			return err
		}
		err = each(ctx, t, `SELECT l.claim_id, `+placeColumns+` FROM claim_places l
			JOIN places p ON p.id = l.place_id WHERE l.claim_id IN `+in+` ORDER BY l.claim_id, l.ord`, args,
			func(rows *sql.Rows) error {
				var claimID int64
				p, err := scanPlace(rows, &claimID)
				if err == nil {
					index[claimID].Places = append(index[claimID].Places, p)
				}
				return err
			})
		if err != nil {
			return err
		}
	}
	return nil
}
