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
func (db *DB) Search(ctx context.Context, f store.SearchFilter) (store.Page[store.Hit], error) {
	var page store.Page[store.Hit]
	if err := f.Check(); err != nil {
		return page, fmt.Errorf("store: search: %w", err)
	}
	m, err := ftsQuery(f.Query)
	if err != nil {
		return page, fmt.Errorf("store: search: %w", err)
	}
	var arms []string
	var args []any
	if f.Kind != store.HitClaim {
		// A title match weighs more than one in the body.
		arms = append(arms, `SELECT 'document' AS kind, rowid AS document_id, 0 AS claim_id, '' AS speaker,
			snippet(documents_fts, -1, char(1), char(2), '…', 24) AS snippet, bm25(documents_fts, 4.0, 1.0) AS rank
			FROM documents_fts WHERE documents_fts MATCH ?`)
		args = append(args, m)
	}
	if f.Kind != store.HitDocument {
		arms = append(arms, `SELECT 'claim' AS kind, c.document_id AS document_id, c.id AS claim_id, c.speaker_name AS speaker,
			snippet(claims_fts, 0, char(1), char(2), '…', 64) AS snippet, bm25(claims_fts, 1.0, 2.0) AS rank
			FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid WHERE claims_fts MATCH ?`)
		args = append(args, m)
	}
	hits := `(` + strings.Join(arms, ` UNION ALL `) + `)`
	err = db.readTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+hits, args...).Scan(&page.Total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT h.kind, h.claim_id, h.speaker, h.snippet,
			d.id, d.title, d.publisher, d.published, d.url
			FROM `+hits+` h JOIN documents d ON d.id = h.document_id
			ORDER BY h.rank, h.kind DESC, h.document_id DESC, h.claim_id`+limit(f.Limit, f.Offset), args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		page.Items = []store.Hit{}
		for rows.Next() {
			var h store.Hit
			var snippet string
			var published sql.NullString
			if err := rows.Scan(&h.Kind, &h.ClaimID, &h.Speaker, &snippet, &h.Document.ID, &h.Document.Title,
				&h.Document.Publisher, &published, &h.Document.URL); err != nil {
				return err
			}
			h.Document.Published = store.ParseDay(published.String)
			h.Snippet, h.Marks = marks(snippet)
			page.Items = append(page.Items, h)
		}
		return rows.Err()
	})
	if err != nil {
		return store.Page[store.Hit]{}, fmt.Errorf("store: search: %w", err)
	}
	return page, nil
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
