package storetest

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// The reconciliation's rows: what the reconciler reads (ReconcileInput),
// what it writes (SaveReconciliation) and what the views read back
// (Measures, Measure, Timeline, Verifications, and the sources regrouped).
// The reconciliation saved here is made by hand, so that the store is
// tested apart from the reconciler's judgement.

func f(v float64) *float64 { return &v }

func day(s string) time.Time { return store.ParseDay(s) }

// reconcileFixture stores two articles and the seed, with the seed's claims
// typed, and returns the input read back and the seed's id.
func reconcileFixture(t *testing.T, s store.Store) (*store.ReconcileInput, int64) {
	t.Helper()
	addArticles(t, s, 2)
	doc, res := Seed()
	res.Claims[0].Kind = "speech"
	res.Claims[2].Kind = "evidence"
	seed := add(t, s, doc, res)
	in, err := s.ReconcileInput(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return in, seed
}

// handMade groups the input as a reconciler might: the seed's ministry
// counted under the Kestrel service, the seed's "officials" on their own,
// one measure of three figures (one set aside) and a denial, one measure
// of one figure, and two verifications.
func handMade(t *testing.T, in *store.ReconcileInput, seed int64) (*store.Reconciliation, map[string]int) {
	t.Helper()
	r := &store.Reconciliation{}
	groups := map[string]int{}
	byEntity := map[int64]int{}
	for _, src := range in.Sources {
		name := src.Name
		key := name
		if name == "Ostmark Foreign Ministry" {
			key = "Kestrel Intelligence Service"
		}
		if name == "officials" && src.DocumentID == seed {
			key = "seed officials"
		}
		gi, ok := groups[key]
		if !ok {
			gi = len(r.Entities)
			groups[key] = gi
			g := store.EntityGroup{Name: key, Kind: src.Kind, Affiliation: -1}
			if key == "seed officials" {
				g.Name = "officials"
			} else if _, taken := byEntity[src.EntityID]; !taken {
				g.EntityID = src.EntityID
				byEntity[src.EntityID] = gi
			}
			r.Entities = append(r.Entities, g)
		}
		r.Entities[gi].Sources = append(r.Entities[gi].Sources, src.ID)
	}
	if gi, ok := groups["Marta Ilvesk"]; ok {
		r.Entities[gi].Affiliation = groups["Kestrel Intelligence Service"]
		r.Entities[gi].AffiliationRole = store.AffiliationHead
	}
	if gi, ok := groups["Žaneta Ølvik"]; ok {
		r.Entities[gi].AffiliationName = "Veloria Border Guard"
		r.Entities[gi].AffiliationRole = store.AffiliationMember
	}
	// The seed's claims: c1 holds 1,500 and 10,000 or 12,000; c2 denies.
	var c1, c2 *store.ReconcileClaim
	for i := range in.Claims {
		c := &in.Claims[i]
		if c.DocumentID == seed && c.LocalID == "c1" {
			c1 = c
		}
		if c.DocumentID == seed && c.LocalID == "c2" {
			c2 = c
		}
	}
	if c1 == nil || c2 == nil || len(c1.Quantities) != 2 {
		t.Fatalf("seed claims not read back: %+v %+v", c1, c2)
	}
	kestrel := groups["Kestrel Intelligence Service"]
	officials := groups["seed officials"]
	// An article's claim with a figure, for a second source.
	var other *store.ReconcileClaim
	for i := range in.Claims {
		c := &in.Claims[i]
		if c.DocumentID != seed && len(c.Quantities) > 0 {
			other = c
			break
		}
	}
	if other == nil {
		t.Fatal("no article claim with a figure")
	}
	otherGroup := -1
	for gi, g := range r.Entities {
		if slices.Contains(g.Sources, other.SourceID) {
			otherGroup = gi
		}
	}
	r.Measures = []store.MeasureRecord{
		{
			Key: "troops|present|actual", Name: "Ostmark troops", What: "troops", Nationality: "Ostmark",
			Event: "present", Outlook: "actual", Place: "Kursavo", Country: "VL", Low: f(1500), High: f(1500), Sources: 1,
			Estimates: []store.EstimateRecord{
				{ClaimID: other.ID, QuantityID: other.Quantities[0].ID, DocumentID: other.DocumentID, Entity: otherGroup,
					Voice: otherGroup, Value: f(900), Kind: store.EstimateReported, SaidOn: day("2024-10-01"),
					AsOf: day("2024-10-01"), Excluded: true, Why: "outlier: far below the others"},
				{ClaimID: c1.ID, QuantityID: c1.Quantities[0].ID, DocumentID: seed, Entity: kestrel, Voice: kestrel,
					Value: f(1500), Approx: true, Text: "About 1,500", Kind: store.EstimateReported,
					SaidOn: day("2024-10-17"), AsOf: day("2024-10-17"), Latest: true},
				{ClaimID: c2.ID, DocumentID: seed, Entity: kestrel, Voice: kestrel, Value: f(0),
					Kind: store.EstimateDenial, SaidOn: day("2024-10-18"), AsOf: day("2024-10-18"), Excluded: true,
					Why: "denial"},
			},
			Relations: []store.RelationRecord{{Kind: store.RelationContradiction, A: 0, B: 1, What: "900 against 1,500"}},
		},
		{
			Key: "troops|present|expected", Name: "Ostmark troops expected", What: "troops", Outlook: "expected",
			Low: f(10000), High: f(12000), Sources: 1,
			Estimates: []store.EstimateRecord{
				{ClaimID: c1.ID, QuantityID: c1.Quantities[1].ID, DocumentID: seed, Entity: officials, Voice: kestrel,
					Value: f(10000), Low: f(10000), High: f(12000), Kind: store.EstimateExpected,
					SaidOn: day("2024-10-17"), AsOf: day("2024-10-17"), Latest: true, Cited: true},
			},
		},
	}
	r.Verifications = []store.VerificationRecord{
		{ClaimID: c1.ID, Status: store.StatusCorroborated, Credibility: 2, ConfirmedBy: []int{otherGroup},
			DeniedBy: []int{kestrel}, Corroborations: 1, Evidence: []string{"images"}, Caveats: []string{"The Courier could not verify"}},
		{ClaimID: other.ID, Status: store.StatusContradicted, Credibility: 5},
	}
	return r, groups
}

func testReconciliation(t *testing.T, s store.Store) {
	ctx := t.Context()
	in, seed := reconcileFixture(t, s)
	if in.Hash != "" {
		t.Errorf("a new store has a reconciliation hash %q", in.Hash)
	}
	if len(in.Documents) != 3 {
		t.Fatalf("ReconcileInput: %d documents, want 3", len(in.Documents))
	}
	kinds := map[string]string{}
	for _, c := range in.Claims {
		if c.DocumentID == seed {
			kinds[c.LocalID] = c.Kind
		}
		if c.Day.IsZero() {
			t.Errorf("claim %d has no day", c.ID)
		}
	}
	if kinds["c1"] != "speech" || kinds["c3"] != "evidence" || kinds["c2"] != "" {
		t.Errorf("claim kinds read back: %v", kinds)
	}
	for _, src := range in.Sources {
		if src.EntityID == 0 || src.Pinned {
			t.Errorf("source %+v: want an entity and no pin", src)
		}
	}
	if len(in.Notes) == 0 || in.Notes[len(in.Notes)-1].DocumentID != seed {
		t.Errorf("notes: %+v", in.Notes)
	}
	// The seed's extraction keeps the claim kinds too.
	res, err := s.Extraction(ctx, seed)
	if err != nil || res.Claims[0].Kind != "speech" || res.Claims[2].Kind != "evidence" {
		t.Errorf("Extraction kinds: %v", err)
	}

	r, groups := handMade(t, in, seed)
	changed, err := s.SaveReconciliation(ctx, r)
	if err != nil || !changed {
		t.Fatalf("SaveReconciliation = %v, %v; want changed", changed, err)
	}
	if changed, err := s.SaveReconciliation(ctx, r); err != nil || changed {
		t.Errorf("SaveReconciliation(same) = %v, %v; want unchanged", changed, err)
	}

	// Sources regrouped.
	page, err := s.Sources(ctx, store.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]store.Source{}
	officialsSources := 0
	for _, src := range page.Items {
		byName[src.Name] = src
		if src.Name == "officials" {
			officialsSources++
		}
	}
	k := byName["Kestrel Intelligence Service"]
	if !slices.Contains(k.Names, "Ostmark Foreign Ministry") || k.ID != r.Entities[groups["Kestrel Intelligence Service"]].EntityID {
		t.Errorf("Kestrel after regrouping: %+v", k)
	}
	if _, ok := byName["Ostmark Foreign Ministry"]; ok {
		t.Errorf("the ministry is still a source of its own")
	}
	if officialsSources != 2 {
		t.Errorf("officials: %d sources, want 2 (the seed's apart)", officialsSources)
	}
	if m := byName["Marta Ilvesk"]; m.Affiliation == nil || m.Affiliation.ID != k.ID || m.Affiliation.Name != k.Name || m.AffiliationRole != store.AffiliationHead {
		t.Errorf("Marta Ilvesk's affiliation: %+v %q", m.Affiliation, m.AffiliationRole)
	}
	if z := byName["Žaneta Ølvik"]; z.Affiliation == nil || z.Affiliation.ID != 0 || z.Affiliation.Name != "Veloria Border Guard" {
		t.Errorf("Žaneta Ølvik's affiliation: %+v", z.Affiliation)
	}

	// Measures.
	ms, err := s.Measures(ctx, store.MeasureFilter{})
	if err != nil || ms.Total != 2 || len(ms.Items) != 2 {
		t.Fatalf("Measures = %+v, %v", ms, err)
	}
	troops := ms.Items[0]
	if troops.Name != "Ostmark troops" {
		troops = ms.Items[1]
	}
	if troops.Range == nil || troops.Range.Low != 1500 || troops.Count != 3 || troops.Sources != 1 ||
		troops.Place != "Kursavo" || !troops.FirstSaid.Equal(day("2024-10-01")) || !troops.LastSaid.Equal(day("2024-10-18")) {
		t.Errorf("measure: %+v", troops)
	}
	if len(troops.Estimates) != 3 || len(troops.Contradictions) != 1 || len(troops.Agreements) != 0 {
		t.Fatalf("measure rows: %d estimates, %d contradictions", len(troops.Estimates), len(troops.Contradictions))
	}
	e := troops.Estimates[1]
	if *e.Value != 1500 || !e.Approx || e.Text != "About 1,500" || e.Kind != store.EstimateReported || !e.Latest ||
		e.Source.Name != "Kestrel Intelligence Service" || e.Document.ID != seed || e.Document.Title == "" ||
		!e.Document.Published.Equal(day("2024-10-18")) || e.Claim.Content == "" || !e.SaidOn.Equal(day("2024-10-17")) ||
		e.Excluded || e.SpeaksFor != nil {
		t.Errorf("estimate: %s", jsonOf(t, e))
	}
	if d := troops.Estimates[2]; d.Kind != store.EstimateDenial || !d.Excluded || d.Why != "denial" || *d.Value != 0 {
		t.Errorf("denial: %s", jsonOf(t, d))
	}
	if c := troops.Contradictions[0]; c.Estimates != [2]int64{troops.Estimates[0].ID, troops.Estimates[1].ID} ||
		c.Between[1].Name != "Kestrel Intelligence Service" || c.What != "900 against 1,500" {
		t.Errorf("contradiction: %+v", c)
	}
	one, err := s.Measure(ctx, troops.ID)
	if err != nil || jsonOf(t, one) != jsonOf(t, troops) {
		t.Errorf("Measure(%d) differs from the listing: %v", troops.ID, err)
	}
	if _, err := s.Measure(ctx, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Measure(missing) error = %v", err)
	}
	expected, _ := s.Measures(ctx, store.MeasureFilter{Search: "TROOPS expected"})
	if len(expected.Items) != 1 || expected.Items[0].Name != "Ostmark troops expected" {
		t.Errorf("Measures(search) = %+v", expected.Items)
	}
	if x := expected.Items[0].Estimates[0]; x.SpeaksFor == nil || x.SpeaksFor.Name != "Kestrel Intelligence Service" || !x.Cited ||
		x.Source.Name != "officials" {
		t.Errorf("cited estimate: %s", jsonOf(t, x))
	}
	if bySource, _ := s.Measures(ctx, store.MeasureFilter{SourceID: k.ID, Order: store.OrderName}); bySource.Total != 2 {
		t.Errorf("Measures(source) total %d, want 2", bySource.Total)
	}
	if _, err := s.Measures(ctx, store.MeasureFilter{Order: store.OrderAdded}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Measures(bad order) error = %v", err)
	}

	// Timeline.
	tl, err := s.Timeline(ctx, store.TimelineFilter{MeasureID: troops.ID})
	if err != nil || tl.Total != 3 || len(tl.Items) != 3 {
		t.Fatalf("Timeline(measure) = %d/%d, %v", len(tl.Items), tl.Total, err)
	}
	for i := 1; i < len(tl.Items); i++ {
		if tl.Items[i].Day.Before(tl.Items[i-1].Day) {
			t.Errorf("timeline not oldest first")
		}
	}
	if tl.Items[1].Measure == nil || tl.Items[1].Estimate == nil || tl.Items[1].Estimate.Value == nil || *tl.Items[1].Estimate.Value != 1500 {
		t.Errorf("timeline entry: %s", jsonOf(t, tl.Items[1]))
	}
	all, err := s.Timeline(ctx, store.TimelineFilter{SourceID: k.ID, Order: store.OrderNewest, Limit: 2})
	if err != nil || len(all.Items) != 2 || all.Total < 3 {
		t.Errorf("Timeline(source) = %d/%d, %v", len(all.Items), all.Total, err)
	}
	everything, _ := s.Timeline(ctx, store.TimelineFilter{})
	if stats, _ := s.Stats(ctx); everything.Total != stats.Claims+1 {
		// One entry per claim, and one more for the seed's c1, whose two
		// figures are in two measures.
		t.Errorf("Timeline() = %d entries for %d claims", everything.Total, stats.Claims)
	}

	// Verifications.
	c1 := r.Verifications[0].ClaimID
	vs, err := s.Verifications(ctx, c1, 999999, r.Verifications[1].ClaimID, troops.Estimates[2].Claim.ID)
	if err != nil || len(vs) != 3 {
		t.Fatalf("Verifications = %+v, %v", vs, err)
	}
	if v := vs[0]; v.Status != store.StatusCorroborated || v.Credibility != 2 || len(v.ConfirmedBy) != 1 ||
		v.DeniedBy[0].Name != "Kestrel Intelligence Service" || v.Evidence[0] != "images" || len(v.Caveats) != 1 {
		t.Errorf("verification: %s", jsonOf(t, v))
	}
	if v := vs[1]; v.ClaimID != r.Verifications[1].ClaimID || v.Credibility != 5 || v.Status != store.StatusContradicted {
		t.Errorf("second verification: %+v", v)
	}
	if v, want := vs[2], store.Unjudged(troops.Estimates[2].Claim.ID); jsonOf(t, v) != jsonOf(t, want) {
		t.Errorf("a claim with no verification: %+v, want %+v", v, want)
	}

	// A later reconciliation: a measure dropped, one kept by its key.
	r2 := *r
	r2.Measures = r.Measures[:1]
	r2.Measures[0].Name = "Ostmark troops in Kursavo"
	if changed, err := s.SaveReconciliation(ctx, &r2); err != nil || !changed {
		t.Fatalf("SaveReconciliation(second) = %v, %v", changed, err)
	}
	ms, _ = s.Measures(ctx, store.MeasureFilter{})
	if ms.Total != 1 || ms.Items[0].ID != troops.ID || ms.Items[0].Name != "Ostmark troops in Kursavo" {
		t.Errorf("after a second reconciliation: %+v", ms.Items)
	}

	// The input now shows the groups; the user's rules pin them.
	in2, err := s.ReconcileInput(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if in2.Hash == "" || in2.Hash == r2.Hash() {
		t.Errorf("input hash %q, want the one saved with the entity made for the seed's officials", in2.Hash)
	}
	// Found again with the entity it made, it changes nothing.
	ids := make([]int64, len(r2.Entities))
	for i, g := range r2.Entities {
		ids[i] = g.EntityID
		if g.EntityID == 0 {
			for _, src := range in2.Sources {
				if src.ID == g.Sources[0] {
					ids[i] = src.EntityID
				}
			}
		}
	}
	if again := r2.WithEntities(ids); again.Hash() != in2.Hash {
		t.Errorf("the reconciliation found again hashes %q, the store holds %q", again.Hash(), in2.Hash)
	} else if changed, err := s.SaveReconciliation(ctx, again); err != nil || changed {
		t.Errorf("SaveReconciliation(found again) = %v, %v; want unchanged", changed, err)
	}
	var marta, ministry int64
	for _, src := range in2.Sources {
		switch src.Name {
		case "Marta Ilvesk":
			marta = src.EntityID
		case "Ostmark Foreign Ministry":
			ministry = src.EntityID
			if src.EntityID != k.ID {
				t.Errorf("the ministry's sources count under %d, want %d", src.EntityID, k.ID)
			}
		}
	}
	if err := s.MergeSources(ctx, k.ID, marta); err != nil {
		t.Fatal(err)
	}
	split, err := s.SplitSource(ctx, k.ID, "Ostmark Foreign Ministry")
	if err != nil {
		t.Fatal(err)
	}
	in3, _ := s.ReconcileInput(ctx)
	for _, src := range in3.Sources {
		switch src.Name {
		case "Marta Ilvesk", "Kestrel Intelligence Service":
			if !src.Pinned || src.EntityID != k.ID {
				t.Errorf("after merge and split, %s: %+v, want pinned to %d", src.Name, src, k.ID)
			}
		case "Ostmark Foreign Ministry":
			if !src.Pinned || src.EntityID != split {
				t.Errorf("after split, the ministry: %+v, want pinned to %d", src, split)
			}
		}
	}
	_ = ministry

	// Malformed reconciliations are refused, and change nothing.
	bad := r2
	bad.Measures = []store.MeasureRecord{{Key: "x", Estimates: []store.EstimateRecord{{Entity: 99}}}}
	if _, err := s.SaveReconciliation(ctx, &bad); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("SaveReconciliation(bad entity index) error = %v", err)
	}
	gone := store.Reconciliation{Entities: []store.EntityGroup{{EntityID: 999999, Name: "x", Kind: extract.KindPerson, Affiliation: -1}}}
	if _, err := s.SaveReconciliation(ctx, &gone); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("SaveReconciliation(missing entity) error = %v", err)
	}
	if ms, _ := s.Measures(ctx, store.MeasureFilter{}); ms.Total != 1 {
		t.Errorf("a refused reconciliation changed the measures: %d", ms.Total)
	}

	// Deleting a document takes its figures with it.
	if err := s.DeleteDocument(ctx, seed); err != nil {
		t.Fatal(err)
	}
	if m, err := s.Measure(ctx, troops.ID); err != nil || len(m.Estimates) != 1 || len(m.Contradictions) != 0 {
		t.Errorf("after deleting the seed: %+v, %v", m, err)
	}
}
