package reconcile_test

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/ingest"
	"github.com/crosscheck-dev/crosscheck/internal/reconcile"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/sqlite"
)

// The corpora: the seed article (../shared/corpus/seed, when present), the
// fictional corpora of testdata/corpus with an expected.json (what a reader
// reconciles; a held-back corpus of the same kind is checked by the same
// test), and the demo corpus with its hand annotations. Each is extracted
// and stored as crosscheck ingest does, then reconciled; the tests assert
// phenomena a reader sees, not particular sentences.

// reconciled stores the articles of files in a new SQLite store, runs the
// reconciliation, and returns the store.
func reconciled(t testing.TB, files []string) store.Store {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "ledger.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var in []store.Input
	for _, f := range files {
		for doc, err := range ingest.Read(t.Context(), f, ingest.Config{}) {
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			in = append(in, store.Input{Document: doc, Result: extract.Run(doc, extract.Options{})})
		}
	}
	added, err := st.AddDocuments(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range added {
		if a.Err != nil {
			t.Fatal(a.Err)
		}
	}
	if _, err := reconcile.Run(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	return st
}

func articles(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	return files
}

func allMeasures(t testing.TB, st store.Store) []store.Measure {
	t.Helper()
	page, err := st.Measures(t.Context(), store.MeasureFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return page.Items
}

func allSources(t testing.TB, st store.Store) []store.Source {
	t.Helper()
	page, err := st.Sources(t.Context(), store.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return page.Items
}

// norm is how names are compared with hand annotations: folded, with no
// article, possessive or curly apostrophe.
func norm(s string) string {
	s = store.Fold(strings.ReplaceAll(s, "’", "'"))
	s = strings.TrimSuffix(s, "'s")
	for _, p := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

func value(e store.Estimate) (float64, bool) {
	switch {
	case e.Value != nil:
		return *e.Value, true
	case e.Low != nil:
		return *e.Low, true
	}
	return 0, false
}

func same(a, b float64) bool { return math.Abs(a-b) <= 0.005*math.Max(math.Abs(a), math.Abs(b)) }

// find returns the estimates of m giving v (a value, or a range's low end).
func find(m store.Measure, v float64) []store.Estimate {
	var out []store.Estimate
	for _, e := range m.Estimates {
		if x, ok := value(e); ok && same(x, v) && e.Kind != store.EstimateDenial {
			out = append(out, e)
		}
	}
	return out
}

func TestSeed(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "seed")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("the seed corpus is not here (%v)", err)
	}
	st := reconciled(t, articles(t, dir))
	var main *store.Measure
	ms := allMeasures(t, st)
	for i := range ms {
		if len(find(ms[i], 12000)) > 0 {
			main = &ms[i]
		}
	}
	if main == nil {
		t.Fatalf("no measure holds the 12,000: %+v", ms)
	}
	for v, who := range map[float64]string{10000: "Volodymyr Zelensky", 11000: "Kyrylo Budanov", 12000: "National Intelligence Service"} {
		es := find(*main, v)
		if len(es) != 1 || es[0].Source.Name != who || es[0].Excluded {
			t.Errorf("%s in %q: %+v, want one kept figure by %s", number(v), main.Name, es, who)
		}
	}
	if main.Range == nil || main.Range.Low != 10000 || main.Range.High != 12000 {
		t.Errorf("range of %q: %+v, want 10,000-12,000", main.Name, main.Range)
	}
	million := find(*main, 1e6)
	if len(million) != 1 || !million[0].Excluded || !strings.HasPrefix(million[0].Why, "rhetoric") {
		t.Errorf("a million: %+v, want set aside as rhetoric", million)
	}
	for _, v := range []float64{1500, 2600} {
		if len(find(*main, v)) > 0 {
			t.Errorf("%s is mixed into %q", number(v), main.Name)
		}
		found := false
		for _, m := range ms {
			if m.ID != main.ID && len(find(m, v)) > 0 {
				found = true
				if m.Range == nil || m.Range.Low != v {
					t.Errorf("%s's measure %q has range %+v", number(v), m.Name, m.Range)
				}
			}
		}
		if !found {
			t.Errorf("%s is in no measure of its own", number(v))
		}
	}
	for _, m := range ms {
		if len(find(m, 2600)) > 0 && (m.Place != "Kursk Oblast" || m.Outlook != "expected") {
			t.Errorf("the 2,600: %q (%s, %s), want bound for Kursk", m.Name, m.Place, m.Outlook)
		}
	}
}

func number(v float64) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// expected is the part of an expected.json the test reads.
type expected struct {
	Sources []struct {
		Name      string `json:"name"`
		Type      string `json:"type"`
		SpeaksFor string `json:"speaks_for"`
		NamedAs   []struct {
			Text          string `json:"text"`
			ReferenceOnly bool   `json:"reference_only"`
		} `json:"named_as"`
	} `json:"sources"`
	Measures []struct {
		Measure   string `json:"measure"`
		Estimates []struct {
			Source   string   `json:"source"`
			Said     string   `json:"said"`
			Value    *float64 `json:"value"`
			Low      *float64 `json:"low"`
			High     *float64 `json:"high"`
			Excluded bool     `json:"excluded"`
			Why      string   `json:"why"`
		} `json:"estimates"`
		Latest []struct {
			Source string  `json:"source"`
			Value  float64 `json:"value"`
		} `json:"latest_by_source"`
		RangeOfLatest []float64 `json:"range_of_latest"`
		RangeOfAll    []float64 `json:"range_of_all_kept"`
	} `json:"measures"`
	Denials []struct {
		Source string `json:"source"`
	} `json:"denials"`
	Contradictions []struct {
		Measure string   `json:"measure"`
		Between []string `json:"between"`
	} `json:"contradictions"`
	Agreements []struct {
		Measure string `json:"measure"`
	} `json:"agreements"`
}

// TestExpectedCorpora checks every folder of testdata/corpus that has an
// expected.json.
func TestExpectedCorpora(t *testing.T) {
	specs, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*", "expected.json"))
	if len(specs) == 0 {
		t.Fatal("no testdata/corpus/*/expected.json")
	}
	for _, spec := range specs {
		dir := filepath.Dir(spec)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			data, err := os.ReadFile(spec)
			if err != nil {
				t.Fatal(err)
			}
			var want expected
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatalf("%s: %v", spec, err)
			}
			st := reconciled(t, articles(t, dir))
			checkExpected(t, st, &want)
		})
	}
}

func checkExpected(t *testing.T, st store.Store, want *expected) {
	ms := allMeasures(t, st)
	srcs := allSources(t, st)
	// The names each expected source goes by.
	names := map[string][]string{}
	for _, s := range want.Sources {
		names[s.Name] = append(names[s.Name], norm(s.Name))
		for _, n := range s.NamedAs {
			if !n.ReferenceOnly {
				names[s.Name] = append(names[s.Name], norm(n.Text))
			}
		}
	}
	knownAs := func(got store.SourceRef, who string) bool {
		return slices.Contains(names[who], norm(got.Name))
	}
	pronouns := map[string]bool{"it": true, "he": true, "she": true, "they": true, "him": true, "her": true, "its": true}

	// One organisation named three ways: the expected organisation with
	// the most names is one source, known by at least three of them.
	best, bestNames := "", 0
	for _, s := range want.Sources {
		if s.Type != "organization" && s.Type != "organisation" {
			continue
		}
		distinct := map[string]bool{}
		for _, n := range names[s.Name] {
			if !pronouns[n] {
				distinct[n] = true
			}
		}
		if len(distinct) > bestNames {
			best, bestNames = s.Name, len(distinct)
		}
	}
	if bestNames >= 3 {
		covered := 0
		for _, s := range srcs {
			n := 0
			for _, name := range s.Names {
				if slices.Contains(names[best], norm(name)) {
					n++
				}
			}
			covered = max(covered, n)
		}
		if covered < 3 {
			t.Errorf("%s is known by %d of its names in one source, want 3 or more", best, covered)
		}
	}
	// Who speaks for whom: a source known to speak for an organisation is
	// affiliated with it.
	affiliated := 0
	for _, s := range want.Sources {
		if s.SpeaksFor == "" {
			continue
		}
		for _, src := range srcs {
			if !slices.Contains(names[s.Name], norm(src.Name)) || src.Affiliation == nil {
				continue
			}
			if slices.Contains(names[s.SpeaksFor], norm(src.Affiliation.Name)) {
				affiliated++
			} else {
				t.Errorf("%s is affiliated with %q, want %s", src.Name, src.Affiliation.Name, s.SpeaksFor)
			}
		}
	}
	if affiliated == 0 {
		t.Error("no source found to speak for the organisation it speaks for")
	}

	for _, wm := range want.Measures {
		var kept []float64
		for _, e := range wm.Estimates {
			if !e.Excluded && (e.Value != nil || e.Low != nil) {
				v := e.Value
				if v == nil {
					v = e.Low
				}
				kept = append(kept, *v)
			}
		}
		if len(kept) < 3 {
			continue // a measure of one or two figures says little across documents
		}
		// The measure holding most of the figures a reader keeps.
		var m store.Measure
		matched := 0
		for _, cand := range ms {
			n := 0
			for _, v := range kept {
				if len(find(cand, v)) > 0 {
					n++
				}
			}
			if n > matched {
				m, matched = cand, n
			}
		}
		t.Run(wm.Measure, func(t *testing.T) {
			if matched*3 < len(kept)*2 {
				t.Fatalf("the best measure (%q) holds %d of the %d figures a reader keeps", m.Name, matched, len(kept))
			}
			// A series over time: figures said on several days, in order.
			days := map[time.Time]bool{}
			for i, e := range m.Estimates {
				days[e.SaidOn] = true
				if i > 0 && e.SaidOn.Before(m.Estimates[i-1].SaidOn) {
					t.Errorf("figures out of order: %s after %s", e.SaidOn, m.Estimates[i-1].SaidOn)
				}
			}
			if len(days) < 3 {
				t.Errorf("figures said on %d days, want a series", len(days))
			}
			// What a reader sets aside is set aside, and why.
			setAside := 0
			for _, e := range wm.Estimates {
				if !e.Excluded || e.Value == nil {
					continue
				}
				for _, got := range find(m, *e.Value) {
					setAside++
					switch {
					case !got.Excluded || got.Latest:
						t.Errorf("%s by %s is kept, want set aside (%s)", number(*e.Value), got.Source.Name, e.Why)
					case strings.HasPrefix(e.Why, "outlier") && !strings.HasPrefix(got.Why, "outlier"):
						t.Errorf("%s set aside as %q, want an outlier", number(*e.Value), got.Why)
					case strings.HasPrefix(e.Why, "rhetoric") && !strings.HasPrefix(got.Why, "rhetoric") && !strings.HasPrefix(got.Why, "outlier"):
						t.Errorf("%s set aside as %q, want rhetoric (or an outlier)", number(*e.Value), got.Why)
					}
				}
			}
			if setAside == 0 {
				t.Error("none of the figures a reader sets aside is listed")
			}
			// The range: within the figures a reader keeps, meeting the
			// range of the latest ones.
			if m.Range == nil {
				t.Fatal("no range")
			}
			if r := wm.RangeOfAll; len(r) == 2 && (m.Range.Low < r[0] || m.Range.High > r[1]) {
				t.Errorf("range %v-%v, want within the kept figures' %v-%v", m.Range.Low, m.Range.High, r[0], r[1])
			}
			if r := wm.RangeOfLatest; len(r) == 2 && (m.Range.High < r[0] || m.Range.Low > r[1]) {
				t.Errorf("range %v-%v does not meet the latest figures' %v-%v", m.Range.Low, m.Range.High, r[0], r[1])
			}
			// The newest figures are the latest of their sources.
			var newest time.Time
			for _, e := range m.Estimates {
				if e.Latest && e.AsOf.After(newest) {
					newest = e.AsOf
				}
			}
			for _, e := range m.Estimates {
				if !e.Latest || !e.AsOf.Equal(newest) {
					continue
				}
				v, _ := value(e)
				ok := false
				for _, l := range wm.Latest {
					ok = ok || same(l.Value, v)
				}
				if !ok {
					t.Errorf("the newest latest figure %s (%s) is none of the latest a reader sees", number(v), e.Source.Name)
				}
			}
			// Contradictions and agreements.
			wantContra, wantAgree := false, false
			for _, c := range want.Contradictions {
				wantContra = wantContra || c.Measure == wm.Measure
			}
			for _, a := range want.Agreements {
				wantAgree = wantAgree || a.Measure == wm.Measure
			}
			if wantContra && len(m.Contradictions) == 0 {
				t.Error("no contradiction found")
			}
			if wantAgree && len(m.Agreements) == 0 {
				t.Error("no agreement found")
			}
			// An anonymous figure far above the others contradicts them.
			for _, c := range m.Contradictions {
				if c.What == "" {
					t.Errorf("a contradiction with nothing said: %+v", c)
				}
			}
		})
	}
	// Denials: at least one of the sources a reader sees deny is listed
	// as denying, against a figure.
	denied := 0
	for _, d := range want.Denials {
		for _, m := range ms {
			for _, e := range m.Estimates {
				if e.Kind == store.EstimateDenial && knownAs(e.Source, d.Source) {
					denied++
				}
			}
		}
	}
	if len(want.Denials) > 0 && denied == 0 {
		t.Error("no denial found")
	}
}

// gold is the part of a hand annotation the demo test reads.
type gold struct {
	Sources []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
		Type    string   `json:"type"`
	} `json:"sources"`
	Estimates []struct {
		Measure string `json:"measure"`
		Values  []struct {
			Speaker *string  `json:"speaker"`
			Value   *float64 `json:"value"`
			Low     *float64 `json:"low"`
			Denial  bool     `json:"denial"`
			Why     string   `json:"why"`
		} `json:"values"`
	} `json:"estimates"`
}

// TestDemoCorpus checks the demo articles against the estimates and
// sources of their hand annotations.
func TestDemoCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "corpus", "demo")
	st := reconciled(t, articles(t, dir))
	golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	byMeasure := map[string][]float64{}
	var outliers []struct {
		v   float64
		why string
	}
	aliases := map[string][]string{}
	var deniers []string
	for _, path := range golds {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var g gold
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, s := range g.Sources {
			aliases[s.Name] = append(aliases[s.Name], norm(s.Name))
			for _, a := range s.Aliases {
				aliases[s.Name] = append(aliases[s.Name], norm(a))
			}
		}
		for _, m := range g.Estimates {
			for _, v := range m.Values {
				switch {
				case m.Measure == "outliers" && v.Value != nil:
					outliers = append(outliers, struct {
						v   float64
						why string
					}{*v.Value, v.Why})
				case v.Denial && v.Speaker != nil:
					deniers = append(deniers, *v.Speaker)
				case v.Value != nil && !v.Denial:
					byMeasure[m.Measure] = append(byMeasure[m.Measure], *v.Value)
				case v.Low != nil:
					byMeasure[m.Measure] = append(byMeasure[m.Measure], *v.Low)
				}
			}
		}
	}
	// The story's main measure: the one the annotations give most figures.
	mainName := ""
	for name, vs := range byMeasure {
		if mainName == "" || len(vs) > len(byMeasure[mainName]) {
			mainName = name
		}
	}
	ms := allMeasures(t, st)
	var m store.Measure
	matched := 0
	distinct := map[float64]bool{}
	for _, v := range byMeasure[mainName] {
		distinct[v] = true
	}
	for _, cand := range ms {
		n := 0
		for v := range distinct {
			if len(find(cand, v)) > 0 {
				n++
			}
		}
		if n > matched {
			m, matched = cand, n
		}
	}
	if matched*2 < len(distinct) {
		t.Fatalf("%q: the best measure (%q) holds %d of the %d figures", mainName, m.Name, matched, len(distinct))
	}
	days := map[time.Time]bool{}
	for _, e := range m.Estimates {
		days[e.SaidOn] = true
	}
	if len(days) < 4 {
		t.Errorf("%q: figures said on %d days, want a series over weeks", m.Name, len(days))
	}
	// The outliers (an anonymous official's 40,000) and the rhetoric (a
	// baker's million) are set aside, as such.
	for _, o := range outliers {
		es := find(m, o.v)
		if len(es) == 0 {
			t.Errorf("%s (%s) is not listed with %q", number(o.v), o.why, m.Name)
		}
		for _, e := range es {
			want := "outlier"
			if strings.Contains(o.why, "rhetoric") {
				want = "rhetoric"
			}
			if !e.Excluded || !strings.HasPrefix(e.Why, want) {
				t.Errorf("%s by %s: excluded %v, %q; want set aside as %s", number(o.v), e.Source.Name, e.Excluded, e.Why, want)
			}
		}
	}
	// A denial against the figures.
	denials := 0
	for _, e := range m.Estimates {
		if e.Kind != store.EstimateDenial {
			continue
		}
		for _, d := range deniers {
			if slices.Contains(aliases[d], norm(e.Source.Name)) {
				denials++
				break
			}
		}
	}
	if denials == 0 {
		t.Errorf("%q: none of %v is listed as denying", m.Name, deniers)
	}
	if len(m.Contradictions) == 0 {
		t.Errorf("%q: no contradiction", m.Name)
	}
	// One organisation named three ways.
	covered := 0
	for _, s := range allSources(t, st) {
		if s.Kind != extract.KindOrganisation {
			continue
		}
		for name, as := range aliases {
			n := 0
			for _, sn := range s.Names {
				if slices.Contains(as, norm(sn)) {
					n++
				}
			}
			if n > covered {
				covered = n
				_ = name
			}
		}
	}
	if covered < 3 {
		t.Errorf("no organisation is known by three of its names in one source (at most %d)", covered)
	}
}

// TestRunTwice checks that reconciling again changes nothing.
func TestRunTwice(t *testing.T) {
	st := reconciled(t, articles(t, filepath.Join("..", "..", "testdata", "corpus", "reconcile")))
	before, _ := json.Marshal([]any{allMeasures(t, st), allSources(t, st)})
	s, err := reconcile.Run(t.Context(), st)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := json.Marshal([]any{allMeasures(t, st), allSources(t, st)})
	if string(before) != string(after) {
		t.Errorf("a second run changed the reconciliation")
	}
	if s.Changed {
		// The first run may make entities the second finds stored; a third
		// must find nothing to do.
		if s, err = reconcile.Run(t.Context(), st); err != nil || s.Changed {
			t.Errorf("a third run: changed %v, %v", s.Changed, err)
		}
	}
}
