package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// Snippet markers: control characters no normalised article holds, cut out
// of the snippet and returned as Marks, so views escape the text themselves.
const (
	markOpen  = "\x01"
	markClose = "\x02"
)

// Search finds documents and claims matching a full-text query. Documents
// and claims are ranked by FTS5's bm25 each in their own index, then
// interleaved by that score: close enough to compare for one page of hits.
// Snippets are made for the page only, as making one costs far more than
// ranking a match.
func (db *DB) Search(ctx context.Context, f store.SearchFilter) (store.Page[store.Hit], error) {
	var page store.Page[store.Hit]
	if err := f.Check(); err != nil {
		return page, fmt.Errorf("store: search: %w", err)
	}
	m, err := ftsQuery(f.Query)
	if err != nil {
		return page, fmt.Errorf("store: search: %w", err)
	}
	var arms, counts []string
	var args []any
	if f.Kind != store.HitClaim {
		// A title match weighs more than one in the body.
		arms = append(arms, `SELECT 'document' AS kind, rowid AS document_id, 0 AS claim_id,
			bm25(documents_fts, 4.0, 1.0) AS rank FROM documents_fts WHERE documents_fts MATCH ?`)
		counts = append(counts, `(SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?)`)
		args = append(args, m)
	}
	if f.Kind != store.HitDocument {
		arms = append(arms, `SELECT 'claim' AS kind, c.document_id AS document_id, c.id AS claim_id,
			bm25(claims_fts, 1.0, 2.0) AS rank
			FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid WHERE claims_fts MATCH ?`)
		counts = append(counts, `(SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?)`)
		args = append(args, m)
	}
	err = db.readTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT `+strings.Join(counts, ` + `), args...).Scan(&page.Total); err != nil {
			return err
		}
		page.Items = []store.Hit{}
		err := eachItem(ctx, tx, `SELECT kind, document_id, claim_id FROM (`+strings.Join(arms, ` UNION ALL `)+`)
			ORDER BY rank, kind DESC, document_id DESC, claim_id`+limit(f.Limit, f.Offset), args, func(rows *sql.Rows) error {
			var h store.Hit
			if err := rows.Scan(&h.Kind, &h.Document.ID, &h.ClaimID); err != nil {
				return err
			}
			page.Items = append(page.Items, h)
			return nil
		})
		if err != nil || len(page.Items) == 0 {
			return err
		}
		return fillHits(ctx, tx, m, page.Items)
	})
	if err != nil {
		return store.Page[store.Hit]{}, fmt.Errorf("store: search: %w", err)
	}
	return page, nil
}

// fillHits adds to a page of hits their documents, speakers and snippets.
func fillHits(ctx context.Context, tx *sql.Tx, match string, hits []store.Hit) error {
	var docIDs, claimIDs []any
	for _, h := range hits {
		docIDs = append(docIDs, h.Document.ID)
		if h.Kind == store.HitClaim {
			claimIDs = append(claimIDs, h.ClaimID)
		}
	}
	docs := map[int64]store.DocumentRef{}
	err := eachItem(ctx, tx, `SELECT id, title, publisher, published, url FROM documents WHERE id IN `+params(len(docIDs)),
		docIDs, func(rows *sql.Rows) error {
			var d store.DocumentRef
			var published sql.NullString
			if err := rows.Scan(&d.ID, &d.Title, &d.Publisher, &published, &d.URL); err != nil {
				return err
			}
			d.Published = store.ParseDay(published.String)
			docs[d.ID] = d
			return nil
		})
	if err != nil {
		return err
	}
	type snip struct {
		speaker, text string
	}
	docSnips, claimSnips := map[int64]snip{}, map[int64]snip{}
	err = eachItem(ctx, tx, `SELECT rowid, snippet(documents_fts, -1, char(1), char(2), '…', 24)
		FROM documents_fts WHERE documents_fts MATCH ? AND rowid IN `+params(len(docIDs)),
		append([]any{match}, docIDs...), func(rows *sql.Rows) error {
			var id int64
			var sn snip
			if err := rows.Scan(&id, &sn.text); err != nil {
				return err
			}
			docSnips[id] = sn
			return nil
		})
	if err != nil {
		return err
	}
	if len(claimIDs) > 0 {
		err = eachItem(ctx, tx, `SELECT c.id, c.speaker_name, snippet(claims_fts, 0, char(1), char(2), '…', 64)
			FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
			WHERE claims_fts MATCH ? AND claims_fts.rowid IN `+params(len(claimIDs)),
			append([]any{match}, claimIDs...), func(rows *sql.Rows) error {
				var id int64
				var sn snip
				if err := rows.Scan(&id, &sn.speaker, &sn.text); err != nil {
					return err
				}
				claimSnips[id] = sn
				return nil
			})
		if err != nil {
			return err
		}
	}
	for i := range hits {
		h := &hits[i]
		h.Document = docs[h.Document.ID]
		sn := docSnips[h.Document.ID]
		if h.Kind == store.HitClaim {
			sn = claimSnips[h.ClaimID]
			h.Speaker = sn.speaker
		}
		h.Snippet, h.Marks = marks(sn.text)
	}
	return nil
}

// params returns "(?,?,...)" for n parameters.
func params(n int) string {
	return "(" + strings.TrimSuffix(strings.Repeat("?,", n), ",") + ")"
}

// marks removes the snippet markers and returns where they were, as byte
// ranges of the plain snippet.
func marks(s string) (string, []document.Span) {
	var b strings.Builder
	var spans []document.Span
	for {
		i := strings.Index(s, markOpen)
		if i < 0 {
			b.WriteString(strings.ReplaceAll(s, markClose, ""))
			return b.String(), spans
		}
		b.WriteString(strings.ReplaceAll(s[:i], markClose, ""))
		s = s[i+len(markOpen):]
		j := strings.Index(s, markClose)
		if j < 0 {
			j = len(s)
		}
		start := b.Len()
		b.WriteString(s[:j])
		spans = append(spans, document.Span{Start: start, End: b.Len()})
		s = s[min(j+len(markClose), len(s)):]
	}
}

// Stats counts what the store holds.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	var first, last, added sql.NullString
	err := db.r.QueryRowContext(ctx, `SELECT
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
	st.FirstPublished, st.LastPublished = store.ParseDay(first.String), store.ParseDay(last.String)
	st.LastAdded = parseTime(added)
	return st, nil
}
