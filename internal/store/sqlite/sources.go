package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// Source returns one source as known across documents.
func (db *DB) Source(ctx context.Context, id int64) (*store.Source, error) {
	var src *store.Source
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		var c conds
		c.add(`e.id = ?`, id)
		list, err := sources(ctx, tx, &c, "", "")
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
		c.add(`e.id IN (SELECT entity_id FROM sources WHERE instr(name_key, ?) > 0)`, store.Fold(f.Name))
	}
	if f.Kind != "" {
		c.add(`e.kind = ?`, f.Kind)
	}
	if f.DocumentID != 0 {
		c.add(`e.id IN (SELECT entity_id FROM sources WHERE document_id = ?)`, f.DocumentID)
	}
	if !f.Since.IsZero() {
		c.add(`d.published >= ?`, store.Day(f.Since))
	}
	if !f.Until.IsZero() {
		c.add(`d.published <= ?`, store.Day(f.Until))
	}
	order := ` ORDER BY claims DESC, documents DESC, e.id`
	switch f.Order {
	case store.OrderName:
		order = ` ORDER BY e.name COLLATE NOCASE, e.id`
	case store.OrderRecent:
		order = ` ORDER BY last_seen DESC NULLS LAST, e.id DESC`
	}
	err := db.readTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT count(DISTINCT e.id)`+sourceFrom+c.where(), c.args...).Scan(&page.Total)
		if err != nil {
			return err
		}
		page.Items, err = sources(ctx, tx, &c, order, limit(f.Limit, f.Offset))
		return err
	})
	if err != nil {
		return store.Page[store.Source]{}, fmt.Errorf("store: sources: %w", err)
	}
	return page, nil
}

// sourceFrom joins an entity to its document-level sources and their
// documents; an entity whose documents were all deleted drops out (it stays
// stored, with the user's settings, for when they come back).
const sourceFrom = ` FROM entities e
	JOIN sources s ON s.entity_id = e.id
	JOIN documents d ON d.id = s.document_id`

func sources(ctx context.Context, tx *sql.Tx, c *conds, order, lim string) ([]store.Source, error) {
	// Aggregate in two steps, per source and document, then per source:
	// counting documents is then a count(*), not a count(DISTINCT), which
	// would sort every group.
	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.name, e.kind, e.reliability, e.affiliation_id,
		e.affiliation_name, e.affiliation_role, sum(p.claims) AS claims,
		count(*) AS documents, min(p.published), max(p.published) AS last_seen
		FROM (SELECT s.entity_id, s.document_id, d.published,
				sum((SELECT count(*) FROM claims c WHERE c.source_id = s.id)) AS claims`+
		sourceFrom+c.where()+` GROUP BY s.entity_id, s.document_id) p
		JOIN entities e ON e.id = p.entity_id
		GROUP BY e.id`+order+lim, c.args...)
	if err != nil {
		return nil, err
	}
	list := []store.Source{}
	index := map[int64]int{}
	var affiliated []int64
	for rows.Next() {
		var s store.Source
		var first, last sql.NullString
		var aff sql.NullInt64
		var affName string
		if err := rows.Scan(&s.ID, &s.Name, &s.Kind, &s.Reliability, &aff, &affName, &s.AffiliationRole, &s.Claims,
			&s.Documents, &first, &last); err != nil {
			rows.Close()
			return nil, err
		}
		s.FirstSeen, s.LastSeen = store.ParseDay(first.String), store.ParseDay(last.String)
		if aff.Valid || affName != "" {
			s.Affiliation = &store.SourceRef{ID: aff.Int64, Name: affName}
			if aff.Valid {
				affiliated = append(affiliated, aff.Int64)
			}
		}
		index[s.ID] = len(list)
		list = append(list, s)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return list, nil
	}
	// Role and country: the latest given; names: every canonical name
	// counted under the source, as first written.
	ids := make([]any, 0, len(list))
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	in := "(" + strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",") + ")"
	err = eachItem(ctx, tx, `SELECT s.entity_id, s.name, s.name_key, s.role, s.country FROM sources s
		JOIN documents d ON d.id = s.document_id
		WHERE s.entity_id IN `+in+` ORDER BY d.published NULLS FIRST, d.id, s.ord`, ids, func(rows *sql.Rows) error {
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
		return eachItem(ctx, tx, `SELECT id, name, kind FROM entities WHERE id IN `+in, args, func(rows *sql.Rows) error {
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
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `UPDATE entities SET reliability = ? WHERE id = ?`, grade, id)
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
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range append([]int64{into}, from...) {
			var one int
			if err := tx.QueryRowContext(ctx, `SELECT 1 FROM entities WHERE id = ?`, id).Scan(&one); err == sql.ErrNoRows {
				return fmt.Errorf("source %d: %w", id, store.ErrNotFound)
			} else if err != nil {
				return err
			}
		}
		for _, id := range from {
			if id == into {
				continue
			}
			// The names become the user's rule, so that the machine's
			// grouping never undoes the merge.
			if _, err := tx.ExecContext(ctx, `UPDATE entity_names SET entity_id = ?, by_user = 1 WHERE entity_id = ?`, into, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE sources SET entity_id = ? WHERE entity_id = ?`, into, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM entities WHERE id = ?`, id); err != nil {
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
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var names int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM entity_names WHERE entity_id = ?`, id).Scan(&names); err != nil {
			return err
		}
		var kind string
		err := tx.QueryRowContext(ctx, `SELECT kind FROM entity_names WHERE entity_id = ? AND name_key = ? LIMIT 1`, id, key).Scan(&kind)
		switch {
		case names == 0:
			return store.ErrNotFound
		case err == sql.ErrNoRows:
			return fmt.Errorf("%w: the source has no name %q", store.ErrInvalid, name)
		case err != nil:
			return err
		case names == 1:
			return fmt.Errorf("%w: %q is the source's only name; there is nothing to split", store.ErrInvalid, name)
		}
		// Name the new source as the documents write it.
		display := name
		_ = tx.QueryRowContext(ctx, `SELECT name FROM sources WHERE entity_id = ? AND name_key = ? ORDER BY id LIMIT 1`, id, key).Scan(&display)
		r, err := tx.ExecContext(ctx, `INSERT INTO entities (name, kind, created_at) VALUES (?, ?, ?)`, display, kind, formatTime(db.now()))
		if err != nil {
			return err
		}
		if newID, err = r.LastInsertId(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entity_names SET entity_id = ?, by_user = 1 WHERE entity_id = ? AND name_key = ?`, newID, id, key); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE sources SET entity_id = ? WHERE entity_id = ? AND name_key = ?`, newID, id, key)
		if err != nil {
			return err
		}
		// The names left are the user's too now: the reconciler, which
		// groups names it finds alike, must not join the two again.
		if _, err := tx.ExecContext(ctx, `UPDATE entity_names SET by_user = 1 WHERE entity_id = ?`, id); err != nil {
			return err
		}
		// The old source keeps a name it still holds.
		var current string
		if err := tx.QueryRowContext(ctx, `SELECT name FROM entities WHERE id = ?`, id).Scan(&current); err != nil {
			return err
		}
		if store.Fold(current) == key {
			rename := ""
			if tx.QueryRowContext(ctx, `SELECT name FROM sources WHERE entity_id = ? ORDER BY id LIMIT 1`, id).Scan(&rename) != nil {
				err = tx.QueryRowContext(ctx, `SELECT name_key FROM entity_names WHERE entity_id = ? LIMIT 1`, id).Scan(&rename)
				if err != nil {
					return err
				}
			}
			_, err = tx.ExecContext(ctx, `UPDATE entities SET name = ? WHERE id = ?`, rename, id)
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: split %q from source %d: %w", name, id, err)
	}
	return newID, nil
}
