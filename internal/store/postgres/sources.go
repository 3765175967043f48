package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// Source returns one source as known across documents.
func (db *DB) Source(ctx context.Context, id int64) (*store.Source, error) {
	var src *store.Source
	err := db.readTx(ctx, func(t tx) error {
		var c conds
		c.add(`e.id = ?`, id)
		list, err := sources(ctx, t, &c, "", "")
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return store.ErrNotFound
		}
		src = &list[0]
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: source %d: %w", id, err)
	}
	return src, nil
}

// Sources lists the sources known across documents.
func (db *DB) Sources(ctx context.Context, f store.SourceFilter) (store.Page[store.Source], error) {
	var page store.Page[store.Source]
	if err := f.Check(); err != nil {
		return page, fmt.Errorf("store: sources: %w", err)
	}
	var c conds
	if f.Name != "" {
		c.add(`e.id IN (SELECT entity_id FROM sources WHERE strpos(name_key, ?) > 0)`, store.Fold(f.Name))
	}
	if f.Kind != "" {
		c.add(`e.kind = ?`, f.Kind)
	}
	if f.DocumentID != 0 {
		c.add(`e.id IN (SELECT entity_id FROM sources WHERE document_id = ?)`, f.DocumentID)
	}
	if !f.Since.IsZero() {
		c.add(`d.published >= ?`, day(f.Since))
	}
	if !f.Until.IsZero() {
		c.add(`d.published <= ?`, day(f.Until))
	}
	order := ` ORDER BY claims DESC, documents DESC, e.id`
	switch f.Order {
	case store.OrderName:
		order = ` ORDER BY lower(e.name), e.id`
	case store.OrderRecent:
		order = ` ORDER BY last_seen DESC NULLS LAST, e.id DESC`
	}
	err := db.readTx(ctx, func(t tx) error {
		err := t.row(ctx, `SELECT count(DISTINCT e.id)`+sourceFrom+c.where(), c.args...).Scan(&page.Total)
		if err != nil {
			return err
		}
		page.Items, err = sources(ctx, t, &c, order, limit(f.Limit, f.Offset))
		return err
	})
	if err != nil {
		return store.Page[store.Source]{}, fmt.Errorf("store: sources: %w", err)
	}
	return page, nil
}

const sourceFrom = ` FROM entities e
	JOIN sources s ON s.entity_id = e.id
	JOIN documents d ON d.id = s.document_id`

func sources(ctx context.Context, t tx, c *conds, order, lim string) ([]store.Source, error) {
	// Aggregate per source and document first, then per source, so that
	// documents are counted with count(*).
	list := []store.Source{}
	index := map[int64]int{}
	var affiliated []int64
	err := each(ctx, t, `SELECT e.id, e.name, e.kind, e.reliability, e.affiliation_id, e.affiliation_name,
		e.affiliation_role, sum(p.claims) AS claims,
		count(*) AS documents, min(p.published), max(p.published) AS last_seen
		FROM (SELECT x.entity_id, x.document_id, min(x.published) AS published, sum(x.claims) AS claims
			FROM (SELECT s.entity_id, s.document_id, d.published,
					(SELECT count(*) FROM claims c WHERE c.source_id = s.id) AS claims`+sourceFrom+c.where()+`) x
			GROUP BY x.entity_id, x.document_id) p
		JOIN entities e ON e.id = p.entity_id
		GROUP BY e.id`+order+lim, c.args, func(rows *sql.Rows) error {
		var s store.Source
		var first, last sql.NullTime
		var aff sql.NullInt64
		var affName string
		if err := rows.Scan(&s.ID, &s.Name, &s.Kind, &s.Reliability, &aff, &affName, &s.AffiliationRole, &s.Claims,
			&s.Documents, &first, &last); err != nil {
			return err
		}
		s.FirstSeen, s.LastSeen = fromDate(first), fromDate(last)
		if aff.Valid || affName != "" {
			s.Affiliation = &store.SourceRef{ID: aff.Int64, Name: affName}
			if aff.Valid {
				affiliated = append(affiliated, aff.Int64)
			}
		}
		index[s.ID] = len(list)
		list = append(list, s)
		return nil
	})
	if err != nil || len(list) == 0 {
		return list, err
	}
	ids := make([]any, 0, len(list))
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	err = each(ctx, t, `SELECT s.entity_id, s.name, s.name_key, s.role, s.country FROM sources s
		JOIN documents d ON d.id = s.document_id
		WHERE s.entity_id IN `+params(len(ids))+` ORDER BY d.published NULLS FIRST, d.id, s.ord`, ids,
		func(rows *sql.Rows) error {
			var id int64
			var name, key, role, country string
			if err := rows.Scan(&id, &name, &key, &role, &country); err != nil {
				return err
			}
			s := &list[index[id]]
			if role != "" {
				s.Role = role
			}
			if country != "" {
				s.Country = country
			}
			for _, n := range s.Names {
				if store.Fold(n) == key {
					return nil
				}
			}
			s.Names = append(s.Names, name)
			return nil
		})
	if err != nil {
		return nil, err
	}
	// An affiliation known as a source shows that source's name.
	refs := map[int64]store.SourceRef{}
	err = inChunks(affiliated, func(in string, args []any) error {
		return each(ctx, t, `SELECT id, name, kind FROM entities WHERE id IN `+in, args, func(rows *sql.Rows) error {
			var r store.SourceRef
			err := rows.Scan(&r.ID, &r.Name, &r.Kind)
			refs[r.ID] = r
			return err
		})
	})
	for i := range list {
		if a := list[i].Affiliation; a != nil && a.ID != 0 {
			if r, ok := refs[a.ID]; ok {
				list[i].Affiliation = &r
			}
		}
	}
	return list, err
}

// SetReliability sets a source's Admiralty reliability grade.
func (db *DB) SetReliability(ctx context.Context, id int64, grade string) error {
	if err := store.CheckReliability(grade); err != nil {
		return fmt.Errorf("store: set reliability of source %d: %w", id, err)
	}
	err := db.inTx(ctx, func(t tx) error {
		r, err := t.exec(ctx, `UPDATE entities SET reliability = ? WHERE id = ?`, grade, id)
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
		return fmt.Errorf("store: set reliability of source %d: %w", id, err)
	}
	return nil
}

// MergeSources counts the sources in from under into, from now on.
func (db *DB) MergeSources(ctx context.Context, into int64, from ...int64) error {
	err := db.inTx(ctx, func(t tx) error {
		for _, id := range append([]int64{into}, from...) {
			var one int
			// FOR UPDATE: a concurrent merge or split of the same
			// sources waits for this one.
			if err := t.row(ctx, `SELECT 1 FROM entities WHERE id = ? FOR UPDATE`, id).Scan(&one); err == sql.ErrNoRows {
				return fmt.Errorf("source %d: %w", id, store.ErrNotFound)
			} else if err != nil {
				return err
			}
		}
		for _, id := range from {
			if id == into {
				continue
			}
			if _, err := t.exec(ctx, `UPDATE entity_names SET entity_id = ?, by_user = true WHERE entity_id = ?`, into, id); err != nil {
				return err
			}
			if _, err := t.exec(ctx, `UPDATE sources SET entity_id = ? WHERE entity_id = ?`, into, id); err != nil {
				return err
			}
			if _, err := t.exec(ctx, `DELETE FROM entities WHERE id = ?`, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: merge sources into %d: %w", into, err)
	}
	return nil
}

// SplitSource gives one name its own source again.
func (db *DB) SplitSource(ctx context.Context, id int64, name string) (int64, error) {
	key := store.Fold(name)
	var newID int64
	err := db.inTx(ctx, func(t tx) error {
		var current string
		err := t.row(ctx, `SELECT name FROM entities WHERE id = ? FOR UPDATE`, id).Scan(&current)
		if err == sql.ErrNoRows {
			return store.ErrNotFound
		} else if err != nil {
			return err
		}
		var names int
		if err := t.row(ctx, `SELECT count(*) FROM entity_names WHERE entity_id = ?`, id).Scan(&names); err != nil {
			return err
		}
		var kind string
		err = t.row(ctx, `SELECT kind FROM entity_names WHERE entity_id = ? AND name_key = ? LIMIT 1`, id, key).Scan(&kind)
		switch {
		case err == sql.ErrNoRows:
			return fmt.Errorf("%w: the source has no name %q", store.ErrInvalid, name)
		case err != nil:
			return err
		case names == 1:
			return fmt.Errorf("%w: %q is the source's only name; there is nothing to split", store.ErrInvalid, name)
		}
		display := name
		_ = t.row(ctx, `SELECT name FROM sources WHERE entity_id = ? AND name_key = ? ORDER BY id LIMIT 1`, id, key).Scan(&display)
		if err := t.row(ctx, `INSERT INTO entities (name, kind, created_at) VALUES (?, ?, ?) RETURNING id`,
			display, kind, db.now().UTC()).Scan(&newID); err != nil {
			return err
		}
		if _, err := t.exec(ctx, `UPDATE entity_names SET entity_id = ?, by_user = true WHERE entity_id = ? AND name_key = ?`, newID, id, key); err != nil {
			return err
		}
		if _, err := t.exec(ctx, `UPDATE sources SET entity_id = ? WHERE entity_id = ? AND name_key = ?`, newID, id, key); err != nil {
			return err
		}
		// The names left are the user's too now: the reconciler must not
		// join the two again.
		if _, err := t.exec(ctx, `UPDATE entity_names SET by_user = true WHERE entity_id = ?`, id); err != nil {
			return err
		}
		if store.Fold(current) == key {
			rename := ""
			if t.row(ctx, `SELECT name FROM sources WHERE entity_id = ? ORDER BY id LIMIT 1`, id).Scan(&rename) != nil {
				if err := t.row(ctx, `SELECT name_key FROM entity_names WHERE entity_id = ? LIMIT 1`, id).Scan(&rename); err != nil {
					return err
				}
			}
			_, err = t.exec(ctx, `UPDATE entities SET name = ? WHERE id = ?`, rename, id)
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: split %q from source %d: %w", name, id, err)
	}
	return newID, nil
}

// Search finds documents and claims matching a full-text query, ranked by
// ts_rank_cd each in its own index and interleaved by that score.
// Headlines are made for the page only: ts_headline re-reads the text.
func (db *DB) Search(ctx context.Context, f store.SearchFilter) (store.Page[store.Hit], error) {
	var page store.Page[store.Hit]
	if err := f.Check(); err != nil {
		return page, fmt.Errorf("store: search: %w", err)
	}
	q, err := tsQuery(f.Query)
	if err != nil {
		return page, fmt.Errorf("store: search: %w", err)
	}
	var arms, counts []string
	var args []any
	if f.Kind != store.HitClaim {
		arms = append(arms, `SELECT 'document' AS kind, d.id AS document_id, 0::bigint AS claim_id,
			ts_rank_cd(d.fts, to_tsquery('crosscheck', ?)) AS rank FROM documents d WHERE d.fts @@ to_tsquery('crosscheck', ?)`)
		counts = append(counts, `(SELECT count(*) FROM documents d WHERE d.fts @@ to_tsquery('crosscheck', ?))`)
		args = append(args, q, q)
	}
	if f.Kind != store.HitDocument {
		arms = append(arms, `SELECT 'claim' AS kind, c.document_id AS document_id, c.id AS claim_id,
			ts_rank_cd(c.fts, to_tsquery('crosscheck', ?)) AS rank FROM claims c WHERE c.fts @@ to_tsquery('crosscheck', ?)`)
		counts = append(counts, `(SELECT count(*) FROM claims c WHERE c.fts @@ to_tsquery('crosscheck', ?))`)
		args = append(args, q, q)
	}
	countArgs := make([]any, len(counts))
	for i := range countArgs {
		countArgs[i] = q
	}
	err = db.readTx(ctx, func(t tx) error {
		if err := t.row(ctx, `SELECT `+strings.Join(counts, ` + `), countArgs...).Scan(&page.Total); err != nil {
			return err
		}
		page.Items = []store.Hit{}
		err := each(ctx, t, `SELECT kind, document_id, claim_id FROM (`+strings.Join(arms, ` UNION ALL `)+`) h
			ORDER BY rank DESC, kind DESC, document_id DESC, claim_id`+limit(f.Limit, f.Offset), args,
			func(rows *sql.Rows) error {
				var h store.Hit
				err := rows.Scan(&h.Kind, &h.Document.ID, &h.ClaimID)
				page.Items = append(page.Items, h)
				return err
			})
		if err != nil || len(page.Items) == 0 {
			return err
		}
		return fillHits(ctx, t, q, page.Items)
	})
	if err != nil {
		return store.Page[store.Hit]{}, fmt.Errorf("store: search: %w", err)
	}
	return page, nil
}

// headline options: control characters mark the matches (cut out again by
// marks), so views escape the text themselves.
const headline = `'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=1, FragmentDelimiter=…'`

func fillHits(ctx context.Context, t tx, q string, hits []store.Hit) error {
	var docIDs, claimIDs []any
	for _, h := range hits {
		docIDs = append(docIDs, h.Document.ID)
		if h.Kind == store.HitClaim {
			claimIDs = append(claimIDs, h.ClaimID)
		}
	}
	type doc struct {
		ref     store.DocumentRef
		snippet string
	}
	docs := map[int64]doc{}
	err := each(ctx, t, `SELECT id, title, publisher, published, url,
		ts_headline('crosscheck', title || E'\n' || text, to_tsquery('crosscheck', ?), `+headline+`)
		FROM documents WHERE id IN `+params(len(docIDs)), append([]any{q}, docIDs...), func(rows *sql.Rows) error {
		var d doc
		var published sql.NullTime
		if err := rows.Scan(&d.ref.ID, &d.ref.Title, &d.ref.Publisher, &published, &d.ref.URL, &d.snippet); err != nil {
			return err
		}
		d.ref.Published = fromDate(published)
		docs[d.ref.ID] = d
		return nil
	})
	if err != nil {
		return err
	}
	type claim struct{ speaker, snippet string }
	claims := map[int64]claim{}
	if len(claimIDs) > 0 {
		err = each(ctx, t, `SELECT id, speaker_name,
			ts_headline('crosscheck', content, to_tsquery('crosscheck', ?), 'HighlightAll=true, StartSel=' || chr(1) || ', StopSel=' || chr(2))
			FROM claims WHERE id IN `+params(len(claimIDs)), append([]any{q}, claimIDs...), func(rows *sql.Rows) error {
			var id int64
			var c claim
			if err := rows.Scan(&id, &c.speaker, &c.snippet); err != nil {
				return err
			}
			claims[id] = c
			return nil
		})
		if err != nil {
			return err
		}
	}
	for i := range hits {
		h := &hits[i]
		d := docs[h.Document.ID]
		h.Document = d.ref
		snippet := d.snippet
		if h.Kind == store.HitClaim {
			snippet = claims[h.ClaimID].snippet
			h.Speaker = claims[h.ClaimID].speaker
		}
		h.Snippet, h.Marks = marks(snippet)
	}
	return nil
}

// marks removes the match markers and returns where they were, as byte
// ranges of the plain snippet.
func marks(s string) (string, []document.Span) {
	var b strings.Builder
	var spans []document.Span
	for {
		i := strings.IndexByte(s, 1)
		if i < 0 {
			b.WriteString(strings.ReplaceAll(s, "\x02", ""))
			return b.String(), spans
		}
		b.WriteString(strings.ReplaceAll(s[:i], "\x02", ""))
		s = s[i+1:]
		j := strings.IndexByte(s, 2)
		if j < 0 {
			j = len(s)
		}
		start := b.Len()
		b.WriteString(s[:j])
		spans = append(spans, document.Span{Start: start, End: b.Len()})
		s = s[min(j+1, len(s)):]
	}
}

// Stats counts what the store holds.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	var first, last, added sql.NullTime
	err := db.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents), (SELECT count(*) FROM claims),
		(SELECT count(DISTINCT entity_id) FROM sources), (SELECT count(*) FROM notes),
		(SELECT count(*) FROM quantities WHERE listed), (SELECT count(*) FROM times WHERE listed),
		(SELECT count(*) FROM places WHERE listed),
		(SELECT min(published) FROM documents), (SELECT max(published) FROM documents),
		(SELECT max(added_at) FROM documents)`).Scan(&st.Documents, &st.Claims, &st.Sources, &st.Notes,
		&st.Quantities, &st.Times, &st.Places, &first, &last, &added)
	if err != nil {
		return st, fmt.Errorf("store: stats: %w", err)
	}
	st.FirstPublished, st.LastPublished, st.LastAdded = fromDate(first), fromDate(last), fromTime(added)
	return st, nil
}

// CreateToken makes a new API token and returns its secret, shown once.
func (db *DB) CreateToken(ctx context.Context, name string) (string, store.Token, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", store.Token{}, fmt.Errorf("store: create token: %w: give it a name saying who or what uses it", store.ErrInvalid)
	}
	secret, hash := store.NewTokenSecret()
	tok := store.Token{Name: name, Created: db.now().UTC().Truncate(time.Microsecond)}
	err := db.db.QueryRowContext(ctx, `INSERT INTO api_tokens (name, hash, created_at) VALUES ($1, $2, $3) RETURNING id`,
		name, hash, tok.Created).Scan(&tok.ID)
	if err != nil {
		return "", store.Token{}, fmt.Errorf("store: create token: %w", err)
	}
	return secret, tok, nil
}

// CheckToken returns the live token whose secret this is and records its
// use.
func (db *DB) CheckToken(ctx context.Context, secret string) (store.Token, error) {
	var tok store.Token
	var created, used sql.NullTime
	err := db.db.QueryRowContext(ctx, `UPDATE api_tokens SET last_used_at = $1
		WHERE hash = $2 AND revoked_at IS NULL RETURNING id, name, created_at, last_used_at`,
		db.now().UTC(), store.HashToken(secret)).Scan(&tok.ID, &tok.Name, &created, &used)
	if err == sql.ErrNoRows {
		err = store.ErrBadToken
	}
	if err != nil {
		return store.Token{}, fmt.Errorf("store: check token: %w", err)
	}
	tok.Created, tok.LastUsed = fromTime(created), fromTime(used)
	return tok, nil
}

// Tokens lists the API tokens, oldest first.
func (db *DB) Tokens(ctx context.Context) ([]store.Token, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: tokens: %w", err)
	}
	defer rows.Close()
	toks := []store.Token{}
	for rows.Next() {
		var t store.Token
		var created, used, revoked sql.NullTime
		if err := rows.Scan(&t.ID, &t.Name, &created, &used, &revoked); err != nil {
			return nil, fmt.Errorf("store: tokens: %w", err)
		}
		t.Created, t.LastUsed, t.Revoked = fromTime(created), fromTime(used), fromTime(revoked)
		toks = append(toks, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: tokens: %w", err)
	}
	return toks, nil
}

// RevokeToken revokes a token; revoking it again does nothing.
func (db *DB) RevokeToken(ctx context.Context, id int64) error {
	var one int
	err := db.db.QueryRowContext(ctx, `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 RETURNING 1`,
		db.now().UTC(), id).Scan(&one)
	if err == sql.ErrNoRows {
		err = store.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("store: revoke token %d: %w", id, err)
	}
	return nil
}
