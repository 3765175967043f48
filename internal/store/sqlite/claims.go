package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// claimFrom joins what a claim row shows. The speaker's kind and role fall
// back to the source's when the claim itself does not carry them.
const claimFrom = ` FROM claims c
	JOIN documents d ON d.id = c.document_id
	LEFT JOIN sources s ON s.id = c.source_id`

const claimColumns = `c.id, c.local_id, d.id, d.title, d.publisher, d.published, d.url,
	c.speaker_name, c.speaker_mention, COALESCE(NULLIF(c.speaker_kind, ''), s.kind, ''),
	COALESCE(NULLIF(c.speaker_role, ''), s.role, ''), s.entity_id, c.speaker_start, c.speaker_end,
	c.cue, c.cue_start, c.cue_end, c.mode, c.stance, c.kind, c.content, c.content_start, c.content_end,
	c.hedges, c.unverified, c.said, c.day`

func scanClaim(row scanner) (store.Claim, error) {
	var c store.Claim
	var published, day sql.NullString
	var entity, cueStart, cueEnd sql.NullInt64
	var hedges, said string
	sp := &c.Speaker
	err := row.Scan(&c.ID, &c.LocalID, &c.Document.ID, &c.Document.Title, &c.Document.Publisher, &published,
		&c.Document.URL, &sp.Name, &sp.Mention, &sp.Kind, &sp.Role, &entity, &sp.Span.Start, &sp.Span.End,
		&c.Cue, &cueStart, &cueEnd, &c.Mode, &c.Stance, &c.Kind, &c.Content, &c.ContentSpan.Start, &c.ContentSpan.End,
		&hedges, &c.Unverified, &said, &day)
	if err != nil {
		return c, err
	}
	c.Document.Published = store.ParseDay(published.String)
	sp.SourceID = entity.Int64
	if cueStart.Valid {
		c.CueSpan = &document.Span{Start: int(cueStart.Int64), End: int(cueEnd.Int64)}
	}
	c.Said = store.ParseDay(said)
	c.Day = store.ParseDay(day.String)
	c.Quantities, c.Times, c.Places = []quantity.Quantity{}, []when.Time{}, []where.Place{}
	return c, unmarshal(hedges, &c.Hedges)
}

// Claim returns one claim.
func (db *DB) Claim(ctx context.Context, id int64) (*store.Claim, error) {
	var c store.Claim
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = scanClaim(tx.QueryRowContext(ctx, `SELECT `+claimColumns+claimFrom+` WHERE c.id = ?`, id))
		if err == sql.ErrNoRows {
			return store.ErrNotFound
		}
		if err != nil {
			return err
		}
		claims := []store.Claim{c}
		err = fillItems(ctx, tx, claims)
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
	// Only the filters on the source need the join to count.
	countFrom := ` FROM claims c`
	if f.SourceID != 0 || f.Kind != "" {
		countFrom += ` LEFT JOIN sources s ON s.id = c.source_id`
	}
	if f.Speaker != "" {
		c.add(`instr(c.speaker_key, ?) > 0`, store.Fold(f.Speaker))
	}
	if f.Search != "" {
		m, err := ftsQuery(f.Search)
		if err != nil {
			return page, fmt.Errorf("store: claims: %w", err)
		}
		c.add(`c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)`, m)
	}
	if !f.Since.IsZero() {
		c.add(`c.day >= ?`, store.Day(f.Since))
	}
	if !f.Until.IsZero() {
		c.add(`c.day <= ?`, store.Day(f.Until))
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
		key := store.Fold(f.Place)
		cond := `instr(p.place_key, ?) > 0`
		args := []any{key}
		if len(f.Place) == 2 {
			cond += ` OR p.country = ?`
			args = append(args, strings.ToUpper(f.Place))
		}
		c.add(`EXISTS (SELECT 1 FROM claim_places cp JOIN places p ON p.id = cp.place_id
			WHERE cp.claim_id = c.id AND (`+cond+`))`, args...)
	}
	// Within a day, a document's claims stay in the order of its text.
	order := ` ORDER BY c.day DESC NULLS LAST, c.document_id DESC, c.ord`
	if f.Order == store.OrderOldest {
		order = ` ORDER BY c.day ASC NULLS LAST, c.document_id ASC, c.ord`
	}
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*)`+countFrom+c.where(), c.args...).Scan(&page.Total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+claimColumns+claimFrom+c.where()+order+limit(f.Limit, f.Offset), c.args...)
		if err != nil {
			return err
		}
		page.Items = []store.Claim{}
		for rows.Next() {
			cl, err := scanClaim(rows)
			if err != nil {
				rows.Close()
				return err
			}
			page.Items = append(page.Items, cl)
		}
		if err := rows.Close(); err != nil {
			return err
		}
		return fillItems(ctx, tx, page.Items)
	})
	if err != nil {
		return store.Page[store.Claim]{}, fmt.Errorf("store: claims: %w", err)
	}
	return page, nil
}

// fillItems loads the quantities, times and places of claims, a few
// hundred claims per query rather than one query per claim.
func fillItems(ctx context.Context, tx *sql.Tx, claims []store.Claim) error {
	const chunk = 500
	for lo := 0; lo < len(claims); lo += chunk {
		part := claims[lo:min(lo+chunk, len(claims))]
		index := make(map[int64]*store.Claim, len(part))
		args := make([]any, len(part))
		for i := range part {
			index[part[i].ID] = &part[i]
			args[i] = part[i].ID
		}
		in := "(" + strings.TrimSuffix(strings.Repeat("?,", len(part)), ",") + ")"
		if err := eachItem(ctx, tx, `SELECT l.claim_id, q.span_start, q.span_end, q.text, q.value, q.low, q.high,
			q.approx, q.bound, q.vague, q.alternatives, q.unit, q.what, q.what_start, q.what_end, q.rate, q.rhetorical
			FROM claim_quantities l JOIN quantities q ON q.id = l.quantity_id
			WHERE l.claim_id IN `+in+` ORDER BY l.claim_id, l.ord`, args, func(rows *sql.Rows) error {
			var claimID int64
			q, err := scanQuantity(rows, &claimID)
			if err != nil {
				return err
			}
			c := index[claimID]
			c.Quantities = append(c.Quantities, q)
			return nil
		}); err != nil {
			return err
		}
		if err := eachItem(ctx, tx, `SELECT l.claim_id, t.span_start, t.span_end, t.text, t.kind, t.start_day,
			t.end_day, t.value, t.granularity
			FROM claim_times l JOIN times t ON t.id = l.time_id
			WHERE l.claim_id IN `+in+` ORDER BY l.claim_id, l.ord`, args, func(rows *sql.Rows) error {
			var claimID int64
			t, err := scanTime(rows, &claimID)
			if err != nil {
				return err
			}
			c := index[claimID]
			c.Times = append(c.Times, t)
			return nil
		}); err != nil {
			return err
		}
		if err := eachItem(ctx, tx, `SELECT l.claim_id, p.span_start, p.span_end, p.text, p.name, p.country,
			p.kind, p.lat, p.lon, p.gazetteer_id, p.government
			FROM claim_places l JOIN places p ON p.id = l.place_id
			WHERE l.claim_id IN `+in+` ORDER BY l.claim_id, l.ord`, args, func(rows *sql.Rows) error {
			var claimID int64
			p, err := scanPlace(rows, &claimID)
			if err != nil {
				return err
			}
			c := index[claimID]
			c.Places = append(c.Places, p)
			return nil
		}); err != nil {
			return err
		}
	}
	return nil
}

func eachItem(ctx context.Context, tx *sql.Tx, query string, args []any, scan func(rows *sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
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
