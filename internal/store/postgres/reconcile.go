package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// ReconcileInput reads everything the reconciler needs from one snapshot.
// See store.Store.
func (db *DB) ReconcileInput(ctx context.Context) (*store.ReconcileInput, error) {
	in := &store.ReconcileInput{}
	err := db.readTx(ctx, func(t tx) error {
		var hash sql.NullString
		if err := t.row(ctx, `SELECT resolved FROM reconcile_state WHERE id = 1`).Scan(&hash); err != nil && err != sql.ErrNoRows {
			return err
		}
		in.Hash = hash.String
		err := each(ctx, t, `SELECT id, title, publisher, published FROM documents ORDER BY id`, nil,
			func(rows *sql.Rows) error {
				var d store.ReconcileDocument
				var published sql.NullTime
				if err := rows.Scan(&d.ID, &d.Title, &d.Publisher, &published); err != nil {
					return err
				}
				d.Published = fromDate(published)
				in.Documents = append(in.Documents, d)
				return nil
			})
		if err != nil {
			return err
		}
		// A source is pinned when the user's rule names its entity.
		err = each(ctx, t, `SELECT s.id, s.document_id, s.name, s.kind, s.role, s.country, s.acronym, s.aliases::text,
			s.plural, COALESCE(CASE WHEN n.by_user THEN n.entity_id END, s.entity_id, 0), COALESCE(n.by_user, false)
			FROM sources s LEFT JOIN entity_names n ON n.name_key = s.name_key AND n.kind = s.kind
			ORDER BY s.id`, nil, func(rows *sql.Rows) error {
			var s store.ReconcileSource
			var aliases string
			if err := rows.Scan(&s.ID, &s.DocumentID, &s.Name, &s.Kind, &s.Role, &s.Country, &s.Acronym, &aliases,
				&s.Plural, &s.EntityID, &s.Pinned); err != nil {
				return err
			}
			if err := unmarshal(aliases, &s.Aliases); err != nil {
				return err
			}
			in.Sources = append(in.Sources, s)
			return nil
		})
		if err != nil {
			return err
		}
		err = each(ctx, t, `SELECT e.id, e.name, e.kind, e.reliability,
			e.reliability <> 'F' OR EXISTS (SELECT 1 FROM entity_names n WHERE n.entity_id = e.id AND n.by_user)
			FROM entities e ORDER BY e.id`, nil, func(rows *sql.Rows) error {
			var e store.ReconcileEntity
			if err := rows.Scan(&e.ID, &e.Name, &e.Kind, &e.Reliability, &e.ByUser); err != nil {
				return err
			}
			in.Entities = append(in.Entities, e)
			return nil
		})
		if err != nil {
			return err
		}
		index := map[int64]int{}
		err = each(ctx, t, `SELECT id, document_id, ord, local_id, COALESCE(source_id, 0), speaker_name,
			speaker_mention, speaker_kind, speaker_role, cue, mode, kind, stance, content, content_start, content_end,
			hedges::text, unverified, said, day FROM claims ORDER BY id`, nil, func(rows *sql.Rows) error {
			var c store.ReconcileClaim
			var hedges, said string
			var dayOf sql.NullTime
			if err := rows.Scan(&c.ID, &c.DocumentID, &c.Ord, &c.LocalID, &c.SourceID, &c.SpeakerName,
				&c.SpeakerMention, &c.SpeakerKind, &c.SpeakerRole, &c.Cue, &c.Mode, &c.Kind, &c.Stance, &c.Content,
				&c.ContentSpan.Start, &c.ContentSpan.End, &hedges, &c.Unverified, &said, &dayOf); err != nil {
				return err
			}
			if err := unmarshal(hedges, &c.Hedges); err != nil {
				return err
			}
			c.Said, c.Day = store.ParseDay(said), fromDate(dayOf)
			index[c.ID] = len(in.Claims)
			in.Claims = append(in.Claims, c)
			return nil
		})
		if err != nil {
			return err
		}
		err = each(ctx, t, `SELECT l.claim_id, q.id, `+quantityColumns+` FROM claim_quantities l
			JOIN quantities q ON q.id = l.quantity_id ORDER BY l.claim_id, l.ord`, nil, func(rows *sql.Rows) error {
			var claimID, id int64
			q, err := scanQuantity(rows, &claimID, &id)
			if err != nil {
				return err
			}
			if i, ok := index[claimID]; ok {
				in.Claims[i].Quantities = append(in.Claims[i].Quantities, store.ReconcileQuantity{ID: id, Quantity: q})
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = each(ctx, t, `SELECT l.claim_id, `+timeColumns+` FROM claim_times l JOIN times t ON t.id = l.time_id
			ORDER BY l.claim_id, l.ord`, nil, func(rows *sql.Rows) error {
			var claimID int64
			tm, err := scanTime(rows, &claimID)
			if err != nil {
				return err
			}
			if i, ok := index[claimID]; ok {
				in.Claims[i].Times = append(in.Claims[i].Times, tm)
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = each(ctx, t, `SELECT l.claim_id, `+placeColumns+` FROM claim_places l JOIN places p ON p.id = l.place_id
			ORDER BY l.claim_id, l.ord`, nil, func(rows *sql.Rows) error {
			var claimID int64
			p, err := scanPlace(rows, &claimID)
			if err != nil {
				return err
			}
			if i, ok := index[claimID]; ok {
				in.Claims[i].Places = append(in.Claims[i].Places, p)
			}
			return nil
		})
		if err != nil {
			return err
		}
		return each(ctx, t, `SELECT document_id, ord, kind, said_by, cue, content, span_start, span_end, status
			FROM notes ORDER BY document_id, ord`, nil, func(rows *sql.Rows) error {
			var n store.ReconcileNote
			if err := rows.Scan(&n.DocumentID, &n.Ord, &n.Kind, &n.By, &n.Cue, &n.Content, &n.Span.Start,
				&n.Span.End, &n.Status); err != nil {
				return err
			}
			in.Notes = append(in.Notes, n)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: read for reconciliation: %w", err)
	}
	return in, nil
}

// inChunks calls fn with the ids a few hundred at a time, with the
// placeholders for them.
func inChunks(ids []int64, fn func(in string, args []any) error) error {
	const chunk = 500
	for lo := 0; lo < len(ids); lo += chunk {
		part := ids[lo:min(lo+chunk, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		if err := fn(params(len(part)), args); err != nil {
			return err
		}
	}
	return nil
}

// reconcileLock is the advisory lock that queues two reconciliations of
// the same database: each replaces the whole of the previous one.
const reconcileLock = 0x63636463

// SaveReconciliation replaces the previous reconciliation with r. See
// store.Store.
func (db *DB) SaveReconciliation(ctx context.Context, r *store.Reconciliation) (bool, error) {
	if err := r.Check(); err != nil {
		return false, fmt.Errorf("store: save reconciliation: %w", err)
	}
	hash := r.Hash()
	changed := false
	err := db.inTx(ctx, func(t tx) error {
		if _, err := t.exec(ctx, `SELECT pg_advisory_xact_lock(?)`, reconcileLock); err != nil {
			return err
		}
		var given, resolved string
		err := t.row(ctx, `SELECT hash, resolved FROM reconcile_state WHERE id = 1`).Scan(&given, &resolved)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		if hash == given || hash == resolved {
			return nil
		}
		changed = true
		now := db.now().UTC()
		ids, err := saveEntities(ctx, t, r.Entities, now)
		if err != nil {
			return err
		}
		if err := saveMeasures(ctx, t, r.Measures, ids); err != nil {
			return err
		}
		if err := saveVerifications(ctx, t, r.Verifications, ids); err != nil {
			return err
		}
		_, err = t.exec(ctx, `INSERT INTO reconcile_state (id, hash, resolved, saved_at) VALUES (1, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, resolved = excluded.resolved, saved_at = excluded.saved_at`,
			hash, r.WithEntities(ids).Hash(), now)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("store: save reconciliation: %w", err)
	}
	return changed, nil
}

// saveEntities gives every group its entity and returns the entity ids by
// group index.
func saveEntities(ctx context.Context, t tx, groups []store.EntityGroup, now time.Time) ([]int64, error) {
	ids := make([]int64, len(groups))
	for i, g := range groups {
		if g.EntityID == 0 {
			if err := t.row(ctx, `INSERT INTO entities (name, kind, created_at) VALUES (?, ?, ?) RETURNING id`,
				g.Name, g.Kind, now).Scan(&ids[i]); err != nil {
				return nil, err
			}
			continue
		}
		r, err := t.exec(ctx, `UPDATE entities SET name = ?, kind = ? WHERE id = ?`, g.Name, g.Kind, g.EntityID)
		if err != nil {
			return nil, err
		}
		if n, err := r.RowsAffected(); err != nil {
			return nil, err
		} else if n == 0 {
			return nil, fmt.Errorf("entity %d: %w: it is not stored (was the store changed since it was read? reconcile again)", g.EntityID, store.ErrInvalid)
		}
		ids[i] = g.EntityID
	}
	for i, g := range groups {
		var aff any
		if g.Affiliation >= 0 {
			aff = ids[g.Affiliation]
		}
		if _, err := t.exec(ctx, `UPDATE entities SET affiliation_id = ?, affiliation_name = ?, affiliation_role = ?
			WHERE id = ?`, aff, g.AffiliationName, g.AffiliationRole, ids[i]); err != nil {
			return nil, err
		}
		err := inChunks(g.Sources, func(in string, args []any) error {
			_, err := t.exec(ctx, `UPDATE sources SET entity_id = ? WHERE entity_id IS DISTINCT FROM ? AND id IN `+in,
				append([]any{ids[i], ids[i]}, args...)...)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	// The machine's name rows follow the sources.
	if _, err := t.exec(ctx, `UPDATE entity_names n SET entity_id = (
			SELECT s.entity_id FROM sources s WHERE s.name_key = n.name_key AND s.kind = n.kind
			AND s.entity_id IS NOT NULL GROUP BY s.entity_id ORDER BY count(*) DESC, s.entity_id LIMIT 1)
		WHERE NOT n.by_user AND EXISTS (SELECT 1 FROM sources s WHERE s.name_key = n.name_key
			AND s.kind = n.kind AND s.entity_id IS NOT NULL)`); err != nil {
		return nil, err
	}
	_, err := t.exec(ctx, `DELETE FROM entities e WHERE e.reliability = 'F'
		AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.entity_id = e.id)
		AND NOT EXISTS (SELECT 1 FROM entity_names n WHERE n.entity_id = e.id)`)
	return ids, err
}

func optID(ids []int64, i int) any {
	if i < 0 {
		return nil
	}
	return ids[i]
}

func saveMeasures(ctx context.Context, t tx, measures []store.MeasureRecord, entityIDs []int64) error {
	existing := map[string]int64{}
	err := each(ctx, t, `SELECT key, id FROM measures`, nil, func(rows *sql.Rows) error {
		var key string
		var id int64
		if err := rows.Scan(&key, &id); err != nil {
			return err
		}
		existing[key] = id
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := t.exec(ctx, `DELETE FROM measure_relations`); err != nil {
		return err
	}
	if _, err := t.exec(ctx, `DELETE FROM estimates`); err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, m := range measures {
		keep[m.Key] = true
	}
	for key, id := range existing {
		if !keep[key] {
			if _, err := t.exec(ctx, `DELETE FROM measures WHERE id = ?`, id); err != nil {
				return err
			}
		}
	}
	insEstimate, err := t.PrepareContext(ctx, rebind(`INSERT INTO estimates (measure_id, ord, claim_id, quantity_id,
		document_id, entity_id, voice_id, value, low, high, approx, bound, text, kind, said_on, as_of, excluded, why,
		latest, cited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`))
	if err != nil {
		return err
	}
	defer insEstimate.Close()
	insRelation, err := t.PrepareContext(ctx, rebind(`INSERT INTO measure_relations (measure_id, ord, kind,
		a_estimate, b_estimate, what) VALUES (?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer insRelation.Close()
	for _, m := range measures {
		first, last := measureDays(m)
		args := []any{m.Name, store.Fold(m.Name), m.What, m.Nationality, m.Event, m.Outlook, m.Place, m.Country,
			m.Unit, m.Rate, m.Increment, m.Low, m.High, m.Sources, len(m.Estimates), day(first), day(last)}
		id, ok := existing[m.Key]
		if ok {
			_, err = t.exec(ctx, `UPDATE measures SET name = ?, name_key = ?, what = ?, nationality = ?,
				event = ?, outlook = ?, place = ?, country = ?, unit = ?, rate = ?, increment = ?, low = ?, high = ?,
				sources = ?, estimates = ?, first_said = ?, last_said = ? WHERE id = ?`, append(args, id)...)
		} else {
			err = t.row(ctx, `INSERT INTO measures (name, name_key, what, nationality, event, outlook,
				place, country, unit, rate, increment, low, high, sources, estimates, first_said, last_said, key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, append(args, m.Key)...).Scan(&id)
		}
		if err != nil {
			return err
		}
		estIDs := make([]int64, len(m.Estimates))
		for j, e := range m.Estimates {
			var quantityID any
			if e.QuantityID != 0 {
				quantityID = e.QuantityID
			}
			err := insEstimate.QueryRowContext(ctx, id, j, e.ClaimID, quantityID, e.DocumentID, optID(entityIDs, e.Entity),
				optID(entityIDs, e.Voice), e.Value, e.Low, e.High, e.Approx, e.Bound, e.Text, e.Kind, day(e.SaidOn),
				day(e.AsOf), e.Excluded, e.Why, e.Latest, e.Cited).Scan(&estIDs[j])
			if err != nil {
				return fmt.Errorf("estimate of claim %d: %w", e.ClaimID, err)
			}
		}
		for j, rel := range m.Relations {
			if _, err := insRelation.ExecContext(ctx, id, j, rel.Kind, estIDs[rel.A], estIDs[rel.B], rel.What); err != nil {
				return err
			}
		}
	}
	return nil
}

// measureDays spans the days a measure's estimates were said.
func measureDays(m store.MeasureRecord) (first, last time.Time) {
	for _, e := range m.Estimates {
		if e.SaidOn.IsZero() {
			continue
		}
		if first.IsZero() || e.SaidOn.Before(first) {
			first = e.SaidOn
		}
		if e.SaidOn.After(last) {
			last = e.SaidOn
		}
	}
	return first, last
}

func entityList(ids []int64, idx []int) []int64 {
	out := make([]int64, 0, len(idx))
	for _, i := range idx {
		out = append(out, ids[i])
	}
	return out
}

func saveVerifications(ctx context.Context, t tx, vs []store.VerificationRecord, entityIDs []int64) error {
	if _, err := t.exec(ctx, `DELETE FROM verifications`); err != nil {
		return err
	}
	ins, err := t.PrepareContext(ctx, rebind(`INSERT INTO verifications (claim_id, status, credibility, confirmed_by,
		denied_by, corroborations, evidence, caveats) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, v := range vs {
		if _, err := ins.ExecContext(ctx, v.ClaimID, v.Status, v.Credibility, jsonText(entityList(entityIDs, v.ConfirmedBy)),
			jsonText(entityList(entityIDs, v.DeniedBy)), v.Corroborations, jsonText(v.Evidence), jsonText(v.Caveats)); err != nil {
			return fmt.Errorf("verification of claim %d: %w", v.ClaimID, err)
		}
	}
	return nil
}

// measureColumns are what a measure row shows, in scanMeasure's order.
const measureColumns = `m.id, m.name, m.what, m.nationality, m.event, m.outlook, m.place, m.country, m.unit, m.rate,
	m.increment, m.low, m.high, m.sources, m.estimates, m.first_said, m.last_said`

func scanMeasure(row scanner) (store.Measure, error) {
	var m store.Measure
	var low, high sql.NullFloat64
	var first, last sql.NullTime
	err := row.Scan(&m.ID, &m.Name, &m.What, &m.Nationality, &m.Event, &m.Outlook, &m.Place, &m.Country, &m.Unit,
		&m.Rate, &m.Increment, &low, &high, &m.Sources, &m.Count, &first, &last)
	if low.Valid && high.Valid {
		m.Range = &store.Range{Low: low.Float64, High: high.Float64}
	}
	m.FirstSaid, m.LastSaid = fromDate(first), fromDate(last)
	m.Estimates, m.Contradictions, m.Agreements = []store.Estimate{}, []store.Relation{}, []store.Relation{}
	return m, err
}

// estimateFrom joins what an estimate shows: its claim, document, and who
// it is attributed to (the claim's speaker when no entity is known).
const estimateFrom = ` FROM estimates e
	JOIN claims c ON c.id = e.claim_id
	JOIN documents d ON d.id = e.document_id
	LEFT JOIN entities en ON en.id = e.entity_id
	LEFT JOIN entities vn ON vn.id = e.voice_id`

const estimateColumns = `e.id, e.value, e.low, e.high, e.approx, e.bound, e.text, e.kind, e.said_on, e.as_of,
	e.excluded, e.why, e.latest, e.cited, COALESCE(e.entity_id, 0), COALESCE(en.name, c.speaker_name),
	COALESCE(en.kind, c.speaker_kind), COALESCE(e.voice_id, 0), COALESCE(vn.name, ''), COALESCE(vn.kind, ''),
	d.id, d.title, d.publisher, d.published, d.url, c.id, c.content, c.cue, c.stance, c.speaker_name`

func scanEstimate(rows scanner, dest ...any) (store.Estimate, error) {
	var e store.Estimate
	var value, low, high sql.NullFloat64
	var said, asOf, published sql.NullTime
	var voice store.SourceRef
	dest = append(dest, &e.ID, &value, &low, &high, &e.Approx, &e.Bound, &e.Text, &e.Kind, &said, &asOf,
		&e.Excluded, &e.Why, &e.Latest, &e.Cited, &e.Source.ID, &e.Source.Name, &e.Source.Kind, &voice.ID,
		&voice.Name, &voice.Kind, &e.Document.ID, &e.Document.Title, &e.Document.Publisher, &published,
		&e.Document.URL, &e.Claim.ID, &e.Claim.Content, &e.Claim.Cue, &e.Claim.Stance, &e.Claim.Speaker)
	if err := rows.Scan(dest...); err != nil {
		return e, err
	}
	e.Value, e.Low, e.High = floatPtr(value), floatPtr(low), floatPtr(high)
	e.SaidOn, e.AsOf = fromDate(said), fromDate(asOf)
	e.Document.Published = fromDate(published)
	if voice.ID != 0 && voice.ID != e.Source.ID {
		e.SpeaksFor = &voice
	}
	return e, nil
}

// Measures lists measures with their estimates. See store.Store.
func (db *DB) Measures(ctx context.Context, f store.MeasureFilter) (store.Page[store.Measure], error) {
	var page store.Page[store.Measure]
	if err := f.Check(); err != nil {
		return page, fmt.Errorf("store: measures: %w", err)
	}
	var c conds
	for _, w := range strings.Fields(store.Fold(f.Search)) {
		c.add(`strpos(m.name_key, ?) > 0`, w)
	}
	if f.SourceID != 0 {
		c.add(`m.id IN (SELECT measure_id FROM estimates WHERE entity_id = ? OR voice_id = ?)`, f.SourceID, f.SourceID)
	}
	order := ` ORDER BY m.sources DESC, m.estimates DESC, m.id`
	switch f.Order {
	case store.OrderRecent:
		order = ` ORDER BY m.last_said DESC NULLS LAST, m.id`
	case store.OrderName:
		order = ` ORDER BY m.name_key COLLATE "C", m.id`
	}
	err := db.readTx(ctx, func(t tx) error {
		if err := t.row(ctx, `SELECT count(*) FROM measures m`+c.where(), c.args...).Scan(&page.Total); err != nil {
			return err
		}
		page.Items = []store.Measure{}
		err := each(ctx, t, `SELECT `+measureColumns+` FROM measures m`+c.where()+order+limit(f.Limit, f.Offset),
			c.args, func(rows *sql.Rows) error {
				m, err := scanMeasure(rows)
				page.Items = append(page.Items, m)
				return err
			})
		if err != nil {
			return err
		}
		return fillMeasures(ctx, t, page.Items)
	})
	if err != nil {
		return store.Page[store.Measure]{}, fmt.Errorf("store: measures: %w", err)
	}
	return page, nil
}

// Measure returns one measure. See store.Store.
func (db *DB) Measure(ctx context.Context, id int64) (*store.Measure, error) {
	var m store.Measure
	err := db.readTx(ctx, func(t tx) error {
		var err error
		m, err = scanMeasure(t.row(ctx, `SELECT `+measureColumns+` FROM measures m WHERE m.id = ?`, id))
		if err == sql.ErrNoRows {
			return store.ErrNotFound
		}
		if err != nil {
			return err
		}
		list := []store.Measure{m}
		err = fillMeasures(ctx, t, list)
		m = list[0]
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: measure %d: %w", id, err)
	}
	return &m, nil
}

// fillMeasures loads the estimates and relations of measures.
func fillMeasures(ctx context.Context, t tx, ms []store.Measure) error {
	if len(ms) == 0 {
		return nil
	}
	index := map[int64]int{}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		index[m.ID] = i
		ids[i] = m.ID
	}
	sources := map[int64]store.SourceRef{}
	err := inChunks(ids, func(in string, args []any) error {
		return each(ctx, t, `SELECT e.measure_id, `+estimateColumns+estimateFrom+` WHERE e.measure_id IN `+in+
			` ORDER BY e.measure_id, e.ord`, args, func(rows *sql.Rows) error {
			var measureID int64
			e, err := scanEstimate(rows, &measureID)
			if err != nil {
				return err
			}
			m := &ms[index[measureID]]
			m.Estimates = append(m.Estimates, e)
			sources[e.ID] = e.Source
			return nil
		})
	})
	if err != nil {
		return err
	}
	return inChunks(ids, func(in string, args []any) error {
		return each(ctx, t, `SELECT measure_id, kind, a_estimate, b_estimate, what FROM measure_relations
			WHERE measure_id IN `+in+` ORDER BY measure_id, ord`, args, func(rows *sql.Rows) error {
			var measureID int64
			var r store.Relation
			if err := rows.Scan(&measureID, &r.Kind, &r.Estimates[0], &r.Estimates[1], &r.What); err != nil {
				return err
			}
			r.Between = [2]store.SourceRef{sources[r.Estimates[0]], sources[r.Estimates[1]]}
			m := &ms[index[measureID]]
			if r.Kind == store.RelationAgreement {
				m.Agreements = append(m.Agreements, r)
			} else {
				m.Contradictions = append(m.Contradictions, r)
			}
			return nil
		})
	})
}

// Timeline lists claims by day with their figures. See store.Store.
func (db *DB) Timeline(ctx context.Context, f store.TimelineFilter) (store.Page[store.TimelineEntry], error) {
	var page store.Page[store.TimelineEntry]
	if err := f.Check(); err != nil {
		return page, fmt.Errorf("store: timeline: %w", err)
	}
	var c conds
	if f.SourceID != 0 {
		c.add(`(s.entity_id = ? OR e.entity_id = ?)`, f.SourceID, f.SourceID)
	}
	if f.MeasureID != 0 {
		c.add(`e.measure_id = ?`, f.MeasureID)
	}
	if !f.Since.IsZero() {
		c.add(`c.day >= ?`, day(f.Since))
	}
	if !f.Until.IsZero() {
		c.add(`c.day <= ?`, day(f.Until))
	}
	const from = ` FROM claims c
		JOIN documents dc ON dc.id = c.document_id
		LEFT JOIN sources s ON s.id = c.source_id
		LEFT JOIN entities sn ON sn.id = s.entity_id
		LEFT JOIN estimates e ON e.claim_id = c.id
		LEFT JOIN measures m ON m.id = e.measure_id
		LEFT JOIN entities en ON en.id = e.entity_id
		LEFT JOIN entities vn ON vn.id = e.voice_id`
	order := ` ORDER BY c.day ASC NULLS LAST, c.document_id, c.ord, e.measure_id, e.ord`
	if f.Order == store.OrderNewest {
		order = ` ORDER BY c.day DESC NULLS LAST, c.document_id DESC, c.ord, e.measure_id, e.ord`
	}
	err := db.readTx(ctx, func(t tx) error {
		if err := t.row(ctx, `SELECT count(*)`+from+c.where(), c.args...).Scan(&page.Total); err != nil {
			return err
		}
		page.Items = []store.TimelineEntry{}
		return each(ctx, t, `SELECT c.day, c.id, c.content, c.cue, c.stance, c.speaker_name,
			COALESCE(s.entity_id, 0), COALESCE(sn.name, c.speaker_name), COALESCE(sn.kind, c.speaker_kind),
			dc.id, dc.title, dc.publisher, dc.published, dc.url, COALESCE(m.id, 0), COALESCE(m.name, ''),
			e.id, e.value, e.low, e.high, e.approx, e.bound, e.text, e.kind, e.said_on, e.as_of,
			e.excluded, e.why, e.latest, e.cited, e.entity_id, en.name, en.kind, e.voice_id, vn.name, vn.kind`+
			from+c.where()+order+limit(f.Limit, f.Offset), c.args, func(rows *sql.Rows) error {
			var te store.TimelineEntry
			var dayOf, published sql.NullTime
			var measure store.MeasureRef
			var est nullEstimate
			dest := []any{&dayOf, &te.Claim.ID, &te.Claim.Content, &te.Claim.Cue, &te.Claim.Stance, &te.Claim.Speaker,
				&te.Source.ID, &te.Source.Name, &te.Source.Kind, &te.Document.ID, &te.Document.Title,
				&te.Document.Publisher, &published, &te.Document.URL, &measure.ID, &measure.Name}
			if err := rows.Scan(append(dest, est.dest()...)...); err != nil {
				return err
			}
			te.Day, te.Document.Published = fromDate(dayOf), fromDate(published)
			if measure.ID != 0 && est.id.Valid {
				te.Measure = &measure
				e := est.estimate()
				e.Document, e.Claim = te.Document, te.Claim
				if e.Source.ID == 0 {
					e.Source = te.Source
				}
				te.Estimate = &e
				te.Source = e.Source
			}
			page.Items = append(page.Items, te)
			return nil
		})
	})
	if err != nil {
		return store.Page[store.TimelineEntry]{}, fmt.Errorf("store: timeline: %w", err)
	}
	return page, nil
}

// nullEstimate scans an estimate from a LEFT JOIN, where every column may
// be NULL.
type nullEstimate struct {
	id                    sql.NullInt64
	value, low, high      sql.NullFloat64
	approx                sql.NullBool
	bound, text, kind     sql.NullString
	said, asOf            sql.NullTime
	excluded              sql.NullBool
	why                   sql.NullString
	latest, cited         sql.NullBool
	entity, voice         sql.NullInt64
	entityName, voiceName sql.NullString
	entityKind, voiceKind sql.NullString
}

func (n *nullEstimate) dest() []any {
	return []any{&n.id, &n.value, &n.low, &n.high, &n.approx, &n.bound, &n.text, &n.kind, &n.said, &n.asOf,
		&n.excluded, &n.why, &n.latest, &n.cited, &n.entity, &n.entityName, &n.entityKind, &n.voice, &n.voiceName,
		&n.voiceKind}
}

func (n *nullEstimate) estimate() store.Estimate {
	e := store.Estimate{ID: n.id.Int64, Value: floatPtr(n.value), Low: floatPtr(n.low), High: floatPtr(n.high),
		Approx: n.approx.Bool, Bound: n.bound.String, Text: n.text.String, Kind: n.kind.String,
		SaidOn: fromDate(n.said), AsOf: fromDate(n.asOf), Excluded: n.excluded.Bool,
		Why: n.why.String, Latest: n.latest.Bool, Cited: n.cited.Bool,
		Source: store.SourceRef{ID: n.entity.Int64, Name: n.entityName.String, Kind: n.entityKind.String}}
	if n.voice.Valid && n.voice.Int64 != n.entity.Int64 {
		e.SpeaksFor = &store.SourceRef{ID: n.voice.Int64, Name: n.voiceName.String, Kind: n.voiceKind.String}
	}
	return e
}

// Verifications returns the verification of claims. See store.Store.
func (db *DB) Verifications(ctx context.Context, claimIDs ...int64) ([]store.Verification, error) {
	found := map[int64]store.Verification{}
	exists := map[int64]bool{}
	entities := map[int64]store.SourceRef{}
	type pending struct {
		id                int64
		confirmed, denied []int64
	}
	var refs []pending
	err := db.readTx(ctx, func(t tx) error {
		err := inChunks(claimIDs, func(in string, args []any) error {
			if err := each(ctx, t, `SELECT id FROM claims WHERE id IN `+in, args, func(rows *sql.Rows) error {
				var id int64
				err := rows.Scan(&id)
				exists[id] = true
				return err
			}); err != nil {
				return err
			}
			return each(ctx, t, `SELECT claim_id, status, credibility, confirmed_by::text, denied_by::text,
				corroborations, evidence::text, caveats::text FROM verifications WHERE claim_id IN `+in, args,
				func(rows *sql.Rows) error {
					var v store.Verification
					var confirmed, denied, evidence, caveats string
					if err := rows.Scan(&v.ClaimID, &v.Status, &v.Credibility, &confirmed, &denied, &v.Corroborations,
						&evidence, &caveats); err != nil {
						return err
					}
					p := pending{id: v.ClaimID}
					if err := errors.Join(unmarshal(confirmed, &p.confirmed), unmarshal(denied, &p.denied),
						unmarshal(evidence, &v.Evidence), unmarshal(caveats, &v.Caveats)); err != nil {
						return err
					}
					refs = append(refs, p)
					found[v.ClaimID] = v
					return nil
				})
		})
		if err != nil {
			return err
		}
		var ids []int64
		for _, p := range refs {
			ids = append(append(ids, p.confirmed...), p.denied...)
		}
		return inChunks(ids, func(in string, args []any) error {
			return each(ctx, t, `SELECT id, name, kind FROM entities WHERE id IN `+in, args, func(rows *sql.Rows) error {
				var r store.SourceRef
				err := rows.Scan(&r.ID, &r.Name, &r.Kind)
				entities[r.ID] = r
				return err
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: verifications: %w", err)
	}
	named := func(ids []int64) []store.SourceRef {
		var out []store.SourceRef
		for _, id := range ids {
			if r, ok := entities[id]; ok {
				out = append(out, r)
			}
		}
		return out
	}
	for _, p := range refs {
		v := found[p.id]
		v.ConfirmedBy, v.DeniedBy = named(p.confirmed), named(p.denied)
		found[p.id] = v
	}
	out := []store.Verification{}
	for _, id := range claimIDs {
		if v, ok := found[id]; ok {
			out = append(out, v)
		} else if exists[id] {
			out = append(out, store.Unjudged(id))
		}
	}
	return out, nil
}
