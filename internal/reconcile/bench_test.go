package reconcile_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/reconcile"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/sqlite"
)

// A synthetic news stream for the benchmarks: invented countries, their
// ministries and agencies (named in full, by acronym and by short form),
// officials heading or speaking for them, analysts and anonymous sources,
// and stories (a country's troops, vessels or volunteers somewhere) whose
// true figures drift over months while sources report them with noise,
// now and then an exaggeration, an anonymous outlier or a denial.

type world struct {
	rng       *rand.Rand
	countries []country
	stories   []story
}

type country struct {
	name, demonym string
	orgs          []orgName
	people        []personName
}

type orgName struct{ full, acronym, short string }

type personName struct{ name, role string }

type story struct {
	nation   *country
	noun     string // "troops"
	verb     string // "have massed near the border"
	truth    float64
	drift    float64
	start    time.Time
	watchers []*country // the countries whose sources report it
}

var syllables = []string{"val", "dor", "mor", "ven", "kes", "tri", "set", "hra", "cor", "van", "pel", "lar", "nor",
	"bal", "tan", "ost", "mar", "ell", "ris", "quo", "zan", "fel", "gra", "dun"}

func (w *world) word() string {
	n := 2 + w.rng.IntN(2)
	var b strings.Builder
	for range n {
		b.WriteString(syllables[w.rng.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func newWorld(seed uint64) *world {
	w := &world{rng: rand.New(rand.NewPCG(seed, 1))}
	seen := map[string]bool{}
	for len(w.countries) < 40 {
		base := w.word()
		if seen[base] {
			continue
		}
		seen[base] = true
		c := country{name: base + "ia", demonym: base + "ian"}
		for _, kind := range []string{"Defence Ministry", "Foreign Ministry", "Intelligence Directorate", "Border Service", "Maritime Agency"} {
			full := c.demonym + " " + kind
			acr := ""
			for _, f := range strings.Fields(full) {
				acr += f[:1]
			}
			short := "the " + strings.ToLower(strings.Fields(kind)[len(strings.Fields(kind))-1])
			c.orgs = append(c.orgs, orgName{full, acr, short})
		}
		for i := range 6 {
			role := "an analyst at the " + c.demonym + " Institute of Strategic Studies"
			if i < len(c.orgs) {
				role = []string{"the director of the ", "a spokesman for the ", "the head of the "}[i%3] + c.orgs[i].full
			}
			c.people = append(c.people, personName{w.word() + " " + w.word(), role})
		}
		w.countries = append(w.countries, c)
	}
	nouns := []string{"troops", "soldiers", "vessels", "volunteers", "reservists", "refugees"}
	verbs := []string{"have massed near the border", "remain in the region", "have arrived", "were killed",
		"have been sent", "crossed the river last month"}
	for i := range 300 {
		c := &w.countries[w.rng.IntN(len(w.countries))]
		s := story{nation: c, noun: nouns[i%len(nouns)], verb: verbs[(i/len(nouns))%len(verbs)],
			truth: float64(100 * (5 + w.rng.IntN(400))), drift: 1 + (w.rng.Float64()-0.4)/20,
			start: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, w.rng.IntN(300))}
		for range 3 {
			s.watchers = append(s.watchers, &w.countries[w.rng.IntN(len(w.countries))])
		}
		s.watchers = append(s.watchers, c)
		w.stories = append(w.stories, s)
	}
	return w
}

// article writes the i-th article of the stream with its extraction.
func (w *world) article(i, claims int) store.Input {
	s := &w.stories[w.rng.IntN(len(w.stories))]
	day := s.start.AddDate(0, 0, w.rng.IntN(120))
	var text strings.Builder
	chars := 0
	write := func(str string) document.Span {
		start := chars
		text.WriteString(str)
		chars += utf8.RuneCountInString(str)
		return document.Span{Start: start, End: chars}
	}
	title := fmt.Sprintf("%s %s: the count goes on, report %d", s.nation.demonym, s.noun, i)
	write(title + "\n\n" + day.Format("2 January 2006") + "\n\nThe Synthetic Times\n\n")
	res := &extract.Result{}
	sourceOf := map[string]string{}
	addSource := func(name, kind, role, acronym string) string {
		if id, ok := sourceOf[name]; ok {
			return id
		}
		id := fmt.Sprintf("s%d", len(res.Sources)+1)
		sourceOf[name] = id
		res.Sources = append(res.Sources, extract.Source{ID: id, Name: name, Kind: kind, Role: role, Acronym: acronym})
		return id
	}
	weeks := day.Sub(s.start).Hours() / 24 / 7
	truth := s.truth * pow(s.drift, weeks)
	for k := range claims {
		watcher := s.watchers[w.rng.IntN(len(s.watchers))]
		var speaker, kind, role, acr string
		switch r := w.rng.IntN(10); {
		case r < 4:
			o := watcher.orgs[w.rng.IntN(len(watcher.orgs))]
			kind = extract.KindOrganisation
			switch w.rng.IntN(3) {
			case 0:
				speaker = o.full
			case 1:
				speaker, acr = o.acronym, o.acronym
			default:
				speaker = o.short
			}
		case r < 8:
			p := watcher.people[w.rng.IntN(len(watcher.people))]
			speaker, kind, role = p.name, extract.KindPerson, p.role
			if w.rng.IntN(4) == 0 {
				speaker = strings.Fields(p.name)[1]
			}
		default:
			speaker, kind = "a "+strings.ToLower(watcher.demonym)+" official", extract.KindAnonymous
		}
		sid := addSource(speaker, kind, role, acr)
		c := extract.Claim{ID: fmt.Sprintf("c%d", k+1), Cue: "said", Mode: extract.ModeIndirect, Kind: "speech",
			Stance: extract.StanceAsserts, Speaker: extract.Speaker{Name: speaker, Mention: speaker, Source: sid, Kind: kind}}
		var content string
		var q *quantity.Quantity
		switch r := w.rng.IntN(20); {
		case r < 12: // a figure, with noise
			v := truth * (0.85 + 0.3*w.rng.Float64())
			if kind == extract.KindAnonymous && w.rng.IntN(6) == 0 {
				v *= 4 // an anonymous outlier
			}
			v = float64(int(v/100) * 100)
			num := "about " + commas(v)
			content = fmt.Sprintf("%s %s %s %s", num, s.nation.demonym, s.noun, s.verb)
			q = &quantity.Quantity{Text: num, Value: &v, Approx: true, What: s.nation.demonym + " " + s.noun}
		case r < 13: // rhetoric
			v := 1e6
			content = fmt.Sprintf("There are a million %s out there", s.noun)
			q = &quantity.Quantity{Text: "a million", Value: &v, What: s.noun, Rhetorical: true}
		case r < 14: // a denial
			content = fmt.Sprintf("no %s %s %s", s.nation.demonym, s.noun, s.verb)
			c.Stance = extract.StanceDenies
		case r < 16: // an addition
			v := float64(100 * (1 + w.rng.IntN(20)))
			num := commas(v)
			content = fmt.Sprintf("another %s %s %s had arrived in the past week", num, s.nation.demonym, s.noun)
			q = &quantity.Quantity{Text: num, Value: &v, What: s.nation.demonym + " " + s.noun}
		default: // no figure
			content = fmt.Sprintf("the situation of the %s %s was being watched closely", s.nation.demonym, s.noun)
		}
		lead := ""
		if k > 0 {
			lead = "Separately, "
		}
		write(lead)
		c.ContentSpan = write(content)
		c.Content = content
		write(", " + speaker + " said")
		if w.rng.IntN(3) == 0 {
			t := day.AddDate(0, 0, -1-w.rng.IntN(3)).Format(time.DateOnly)
			tm := when.Time{Text: "on " + day.AddDate(0, 0, -1).Weekday().String(), Kind: when.KindDate, Start: t, End: t, Value: t, Granularity: "day"}
			tm.Span = write(" " + tm.Text)
			tm.Span.Start++
			c.Said = t
			res.Times = append(res.Times, tm)
		}
		write(".\n\n")
		if q != nil {
			off := strings.Index(content, q.Text)
			q.Span = document.Span{Start: c.ContentSpan.Start + utf8.RuneCountInString(content[:off])}
			q.Span.End = q.Span.Start + utf8.RuneCountInString(q.Text)
			c.Quantities = []quantity.Quantity{*q}
			res.Quantities = append(res.Quantities, *q)
		}
		res.Claims = append(res.Claims, c)
	}
	if w.rng.IntN(4) == 0 {
		sp := write("Neither side has confirmed the figures.")
		res.Notes = append(res.Notes, extract.Note{Kind: extract.NoteVerification, Cue: "has confirmed",
			Content: "Neither side has confirmed the figures", Span: sp, Status: "not confirmed"})
	}
	doc := &document.Document{Text: text.String(), Title: title, Publisher: "The Synthetic Times", Published: day,
		Origin: fmt.Sprintf("synthetic/%d.txt", i), Format: "text"}
	doc.Finish()
	res.Text = doc.Text
	return store.Input{Document: doc, Result: res}
}

func pow(x, y float64) float64 {
	r := 1.0
	for i := 0; i < int(y); i++ {
		r *= x
	}
	return r
}

func commas(v float64) string {
	s := fmt.Sprintf("%d", int64(v))
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// syntheticStore stores articles holding about n claims.
func syntheticStore(b testing.TB, n int) store.Store {
	b.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "synthetic.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	w := newWorld(1)
	const perArticle = 8
	var batch []store.Input
	for i := 0; i*perArticle < n; i++ {
		batch = append(batch, w.article(i, perArticle))
		if len(batch) == 64 {
			if _, err := st.AddDocuments(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if _, err := st.AddDocuments(context.Background(), batch); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkReconcile reconciles 100,000 claims read from a store: the
// pure work, without reading or writing.
func BenchmarkReconcile(b *testing.B) {
	st := syntheticStore(b, 100_000)
	in, err := st.ReconcileInput(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	var r *store.Reconciliation
	for b.Loop() {
		r = reconcile.Reconcile(in)
	}
	b.ReportMetric(float64(len(in.Claims)), "claims")
	b.ReportMetric(float64(len(r.Measures)), "measures")
}

// BenchmarkRun reconciles a store of 100,000 claims and saves the result,
// then again: the first run writes, the others find nothing changed.
func BenchmarkRun(b *testing.B) {
	st := syntheticStore(b, 100_000)
	first := true
	for b.Loop() {
		start := time.Now()
		s, err := reconcile.Run(context.Background(), st)
		if err != nil {
			b.Fatal(err)
		}
		if first {
			b.ReportMetric(time.Since(start).Seconds(), "s/first-run")
			first = false
		} else if s.Changed {
			b.Fatal("a second run changed the reconciliation")
		}
	}
}

// TestSyntheticRunTwice checks, on a few thousand synthetic claims, that
// a second run over the same store changes nothing and that the stream's
// phenomena come out: outliers and rhetoric set aside, denials listed.
func TestSyntheticRunTwice(t *testing.T) {
	st := syntheticStore(t, 4000)
	s1, err := reconcile.Run(t.Context(), st)
	if err != nil {
		t.Fatal(err)
	}
	if s1.Measures == 0 || s1.Excluded == 0 {
		t.Fatalf("first run: %+v", s1)
	}
	s2, err := reconcile.Run(t.Context(), st)
	if err != nil {
		t.Fatal(err)
	}
	s3, err := reconcile.Run(t.Context(), st)
	if err != nil || s3.Changed {
		t.Errorf("third run: %+v, %v; want nothing changed", s3, err)
	}
	if s2.Measures != s1.Measures || s2.Estimates != s1.Estimates {
		t.Errorf("second run found %d measures, %d figures; first %d, %d", s2.Measures, s2.Estimates, s1.Measures, s1.Estimates)
	}
	ms := allMeasures(t, st)
	why := map[string]int{}
	for _, m := range ms {
		for _, e := range m.Estimates {
			if e.Excluded {
				why[strings.SplitN(e.Why, ":", 2)[0]]++
			}
		}
	}
	for _, k := range []string{"rhetoric", "outlier", "denial"} {
		if why[k] == 0 {
			t.Errorf("no figure set aside as %s: %v", k, why)
		}
	}
	// The organisations come back as one source under their three names.
	three := 0
	for _, s := range allSources(t, st) {
		if s.Kind == extract.KindOrganisation && len(s.Names) >= 3 {
			three++
		}
	}
	if three == 0 {
		t.Error("no organisation is known by its full name, acronym and short form together")
	}
}
