package reconcile

import (
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// The scenarios here are invented (Kestria, Morvenia, Sethra...), written
// to show one phenomenon each; the corpora in testdata show them together.

const (
	person = extract.KindPerson
	org    = extract.KindOrganisation
	anon   = extract.KindAnonymous
)

func TestSourcesAcrossDocuments(t *testing.T) {
	b := newInput()
	d1 := b.doc("Kestrian intelligence counts the troops", "2025-03-11")
	d2 := b.doc("Troops on the river", "2025-03-20")
	d3 := b.doc("Estimates diverge", "2025-03-28")
	d4 := b.doc("Another agency elsewhere", "2025-03-28")

	full := b.source(d1, "Kestrian Defence Intelligence Agency", org, "")
	director := b.source(d1, "Emil Farkasov", person, "the agency’s director")
	acr := b.source(d2, "KDIA", org, "")
	possessive := b.source(d2, "Kestria's defence intelligence agency", org, "")
	short := b.source(d3, "Kestrian intelligence", org, "")
	generic := b.source(d3, "The agency", org, "")
	surname := b.source(d3, "Farkasov", person, "")
	misspelt := b.source(d2, "Emil Farkosav", person, "")
	spokes := b.source(d2, "Idris Kalvane", person, "a spokesman for the Morvenian foreign ministry")
	ministry := b.source(d3, "Morvenia's foreign ministry", org, "")
	countryAsPerson := b.source(d2, "Morvenia", person, "")
	countryAsOrg := b.source(d3, "Morvenia", org, "")
	unnamedHead := b.source(d3, "the agency’s chief", anon, "")
	// Another agency, in a story that shares nothing with the first.
	other := b.source(d4, "Ostrian Space Agency", org, "")
	otherGeneric := b.source(d4, "the agency", org, "")

	r := Reconcile(&b.in)
	same := func(name string, ids ...int64) {
		t.Helper()
		g := entityOf(r, ids[0])
		for _, id := range ids[1:] {
			if entityOf(r, id) != g {
				t.Errorf("%s: sources %v are not one source: %+v", name, ids, r.Entities)
				return
			}
		}
	}
	apart := func(name string, a, b int64) {
		t.Helper()
		if entityOf(r, a) == entityOf(r, b) {
			t.Errorf("%s: %d and %d were joined", name, a, b)
		}
	}
	same("full name, acronym, possessive form, short form, 'the agency'", full, acr, possessive, short, generic)
	same("full name, surname, misspelling", director, surname, misspelt)
	same("a country typed as a person and as an organisation", countryAsPerson, countryAsOrg)
	same("another story's agency and its short form", other, otherGeneric)
	apart("two agencies", full, other)
	apart("a person and the organisation he heads", director, full)

	kdid := entityOf(r, full)
	if g := r.Entities[kdid]; g.Name != "Kestrian Defence Intelligence Agency" || g.Kind != org {
		t.Errorf("the directorate is named %q (%s)", g.Name, g.Kind)
	}
	if g := r.Entities[entityOf(r, director)]; g.Name != "Emil Farkasov" || g.Affiliation != kdid || g.AffiliationRole != store.AffiliationHead {
		t.Errorf("the director: %+v, want the head of the directorate", g)
	}
	if g := r.Entities[entityOf(r, spokes)]; g.Affiliation != entityOf(r, ministry) || g.AffiliationRole != store.AffiliationSpokesperson {
		t.Errorf("the spokesman: %+v, want the ministry's spokesperson", g)
	}
	// An unnamed head joins the one named head of the same organisation.
	same("the agency's chief is its director", unnamedHead, director)
}

func TestUserRules(t *testing.T) {
	b := newInput()
	d1 := b.doc("One", "2025-06-02")
	d2 := b.doc("Two", "2025-06-09")
	full := b.source(d1, "Corvanan Maritime Surveillance Agency", org, "")
	acr := b.source(d2, "CMSA", org, "")
	navy := b.source(d2, "Corvanan navy", org, "")
	r := Reconcile(&b.in)
	if entityOf(r, full) != entityOf(r, acr) || entityOf(r, full) == entityOf(r, navy) {
		t.Fatalf("machine grouping: %+v", r.Entities)
	}
	b.apply(r)

	// The user splits the acronym out: both sides are pinned by the split.
	split := b.id()
	for i := range b.in.Sources {
		s := &b.in.Sources[i]
		switch s.ID {
		case acr:
			s.EntityID, s.Pinned = split, true
		case full:
			s.Pinned = true
		}
	}
	b.in.Entities = append(b.in.Entities, store.ReconcileEntity{ID: split, Name: "CMSA", Kind: org, ByUser: true})
	r = Reconcile(&b.in)
	if entityOf(r, full) == entityOf(r, acr) {
		t.Errorf("a split was undone")
	}
	if g := r.Entities[entityOf(r, acr)]; g.EntityID != split {
		t.Errorf("the split source lost its entity: %+v", g)
	}
	// The user merges the navy into the agency: it stays merged, and a
	// document ingested later naming the acronym joins the split one.
	keep := r.Entities[entityOf(r, full)].EntityID
	for i := range b.in.Sources {
		if s := &b.in.Sources[i]; s.ID == navy {
			s.EntityID, s.Pinned = keep, true
		}
	}
	d3 := b.doc("Three", "2025-06-16")
	acr2 := b.source(d3, "CMSA", org, "")
	for i := range b.in.Sources {
		if s := &b.in.Sources[i]; s.ID == acr2 {
			s.EntityID, s.Pinned = split, true
		}
	}
	r = Reconcile(&b.in)
	if entityOf(r, navy) != entityOf(r, full) || r.Entities[entityOf(r, full)].EntityID != keep {
		t.Errorf("a merge was undone: %+v", r.Entities)
	}
	if entityOf(r, acr2) != entityOf(r, acr) {
		t.Errorf("a later document's name did not follow the user's rule")
	}
}

func TestClauses(t *testing.T) {
	for _, tc := range []struct {
		content, figure string
		event, outlook  string
		increment       bool
	}{
		{"Around 1,500 North Korean troops have already arrived in Russia … with 12,000 expected to be deployed in total", "Around 1,500", eventArrived, "actual", false},
		{"Around 1,500 North Korean troops have already arrived in Russia … with 12,000 expected to be deployed in total", "12,000", eventPresent, "expected", false},
		{"10,000 North Korean soldiers could join the war based on intelligence information", "10,000", eventPresent, "expected", false},
		{"11,000 North Korean soldiers were being prepared to fight in Ukraine", "11,000", eventPresent, "expected", false},
		{"The first 2,600 troops will be sent to Russia’s Kursk region by Nov 1", "2,600", eventSent, "expected", true},
		{"another 2,000 had arrived in the past week alone", "2,000", eventArrived, "actual", true},
		{"Morvenia has moved 8,000 troops to within 20 kilometres of its border", "8,000", eventPresent, "actual", false},
		{"about 1,500 soldiers had left the area, which would leave some 11,000 near the river", "about 1,500", eventLeft, "actual", false},
		{"about 1,500 soldiers had left the area, which would leave some 11,000 near the river", "some 11,000", eventPresent, "actual", false},
		{"About 55 Sethran vessels remained at the Isbeth Shoal on Sunday, down from 71 on June 13", "71", eventPresent, "actual", false},
		{"about 2,500 reservists had been called up in the western regions", "about 2,500", eventMobilised, "actual", false},
	} {
		c := &store.ReconcileClaim{Content: tc.content}
		q := &store.ReconcileQuantity{}
		q.Text = tc.figure
		q.Start = strings.Index(tc.content, tc.figure) // ASCII up to the figure in these cases
		cl := locate(c, q)
		if !cl.found {
			t.Errorf("%q: figure not found", tc.figure)
			continue
		}
		ev := cl.event()
		if ev == eventNone {
			ev = eventPresent
		}
		out := "actual"
		if cl.expected() {
			out = "expected"
		}
		if ev != tc.event || out != tc.outlook || cl.increment() != tc.increment {
			t.Errorf("%q in %q: event %q, %s, increment %v; want %q, %s, %v", tc.figure, tc.content, ev, out,
				cl.increment(), tc.event, tc.outlook, tc.increment)
		}
	}
}

// seedLike is the seed article's figures, as an extractor reads them.
func seedLike() (*input, map[string]int64) {
	b := newInput()
	d := b.doc("North Korean troops appear to arrive in Russia for training", "2024-10-18")
	nis := b.source(d, "National Intelligence Service", org, "")
	zel := b.source(d, "Volodymyr Zelensky", person, "")
	bud := b.source(d, "Kyrylo Budanov", person, "Ukraine’s intelligence chief")
	filming := b.source(d, "the person filming", anon, "the person filming")
	ids := map[string]int64{"nis": nis, "zelensky": zel, "budanov": bud, "filming": filming}
	ids["million"] = b.claim(d, filming, "There’s a million of them here, new reinforcements", extract.StanceAsserts, "",
		[]fig{{text: "a million", value: 1e6, rhetorical: true}}, nil, nil)
	ids["nis1500"] = b.claim(d, nis, "Around 1,500 North Korean troops have already arrived in Russia … with 12,000 expected to be deployed in total",
		extract.StanceHedged, "", []fig{{text: "Around 1,500", value: 1500, approx: true, what: "North Korean troops"},
			{text: "12,000", value: 12000, what: "North Korean troops"}}, nil,
		[]where.Place{place("Russia", "Russia", "RU", where.KindCountry)})
	ids["zel"] = b.claim(d, zel, "10,000 North Korean soldiers could join the war based on intelligence information",
		extract.StanceHedged, "2024-10-14", []fig{{text: "10,000", value: 10000, what: "North Korean soldiers"}}, nil, nil)
	ids["bud"] = b.claim(d, bud, "11,000 North Korean soldiers were being prepared to fight in Ukraine", extract.StanceAsserts,
		"2024-10-17", []fig{{text: "11,000", value: 11000, what: "North Korean soldiers"}}, nil,
		[]where.Place{place("Ukraine", "Ukraine", "UA", where.KindCountry)})
	ids["kursk"] = b.claim(d, bud, "The first 2,600 troops will be sent to Russia’s Kursk region by Nov 1", extract.StanceAsserts, "",
		[]fig{{text: "2,600", value: 2600, what: "troops"}}, []when.Time{deadline("by Nov 1", "2024-11-01")},
		[]where.Place{place("Russia", "Russia", "RU", where.KindCountry), place("Kursk region", "Kursk Oblast", "RU", where.KindRegion)})
	return b, ids
}

func TestSeedLike(t *testing.T) {
	b, ids := seedLike()
	r := Reconcile(&b.in)
	var main *store.MeasureRecord
	for i := range r.Measures {
		for _, e := range r.Measures[i].Estimates {
			if e.Value != nil && *e.Value == 12000 {
				main = &r.Measures[i]
			}
		}
	}
	if main == nil {
		t.Fatal("no measure holds the 12,000")
	}
	got := map[float64]store.EstimateRecord{}
	for _, e := range main.Estimates {
		got[*e.Value] = e
	}
	for v, who := range map[float64]string{10000: "Volodymyr Zelensky", 11000: "Kyrylo Budanov", 12000: "National Intelligence Service"} {
		e, ok := got[v]
		if !ok || e.Excluded || r.Entities[e.Entity].Name != who {
			t.Errorf("%v: %+v, want kept, by %s", v, e, who)
		}
	}
	if *main.Low != 10000 || *main.High != 12000 || main.Sources != 3 {
		t.Errorf("range %v-%v from %d sources, want 10,000-12,000 from 3", *main.Low, *main.High, main.Sources)
	}
	if e, ok := got[1e6]; !ok || !e.Excluded || !strings.HasPrefix(e.Why, "rhetoric") {
		t.Errorf("a million: %+v, want set aside as rhetoric", e)
	}
	for _, v := range []float64{1500, 2600} {
		if _, ok := got[v]; ok {
			t.Errorf("%v is mixed into %q", v, main.Name)
		}
	}
	for _, m := range r.Measures {
		for _, e := range m.Estimates {
			switch {
			case e.Value != nil && *e.Value == 1500 && (m.Event != eventArrived || m.Outlook != "actual"):
				t.Errorf("1,500 in %q (%s, %s), want arrived", m.Name, m.Event, m.Outlook)
			case e.Value != nil && *e.Value == 2600 && (m.Place != "Kursk Oblast" || e.Kind != store.EstimateProjected || !e.AsOf.Equal(store.ParseDay("2024-11-01"))):
				t.Errorf("2,600 in %q (%s), %s as of %s; want projected to Kursk by 1 November", m.Name, m.Place, e.Kind, e.AsOf)
			}
		}
	}
	_ = ids
}
