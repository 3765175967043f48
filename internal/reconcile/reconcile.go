// Package reconcile sets the claims of many articles side by side, as a
// careful reader does across a pile of reports: it recognises the same
// source under its different names (an agency's full name, its acronym,
// "the agency"; a person's surname; a spokeswoman speaking for her
// ministry), groups the figures that count the same thing into measures
// ("North Korean troops expected to be deployed", "... sent to Kursk
// Oblast", "Sethran vessels"), follows each measure over time with the
// latest figure of each independent source and the range they span, keeps
// rhetoric, outliers from anonymous or lay sources, vague amounts and
// denials out of that range (listing them with why), finds agreements and
// contradictions, and judges each claim: confirmed or denied by whom,
// corroborated by how many, on what evidence, with what caveats of the
// reporter's, and its information credibility (1-6).
//
// Reconcile is pure: it reads a store.ReconcileInput and returns a
// store.Reconciliation, so it is tested without a database. Run reads the
// input from a store, reconciles, and saves the result in one transaction,
// replacing the previous one; the user's rules (merges, splits,
// reliability grades) are part of the input and survive, and running it
// twice changes nothing.
//
// Everything is decided by phenomenon (what is counted, the event, the
// place, markers such as "already", "another", "expected", "by Nov 1"),
// from lexicons in lexicon.go that say where they come from; nothing
// matches a particular sentence. The extraction read is imperfect (a wrong
// speaker, a figure left outside a claim): the rules lean on agreement
// between several signals rather than on any one field.
package reconcile

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// reconciler holds one reconciliation's work.
type reconciler struct {
	in            *store.ReconcileInput
	docs          map[int64]*store.ReconcileDocument
	srcIndex      map[int64]int // document-level source row -> index in in.Sources
	g             *grouper
	nations       map[string]bool   // single-word nationality stems
	multiNation   map[string]bool   // several-word ones ("north kore")
	nationSurface map[string]string // stem -> as written before a counted noun ("Morvenian")

	est            []*estimate
	measures       []*measure
	verifications  []store.VerificationRecord
	docTopic       map[int64]string // the class an article counts most
	neighbourCache map[int64][]int64
	evidence       map[[2]int64][]string   // (document, voice) -> evidence
	caveats        map[int64][]string      // claim -> the reporter's caveats
	capStems       map[int]map[string]bool // group -> the stems of its capitalised words
}

// Reconcile groups sources into entities, figures into measures, and
// judges claims. It does not change in.
func Reconcile(in *store.ReconcileInput) *store.Reconciliation {
	r := &reconciler{in: in, docs: map[int64]*store.ReconcileDocument{}, srcIndex: map[int64]int{},
		neighbourCache: map[int64][]int64{}, docTopic: map[int64]string{}}
	for i := range in.Documents {
		r.docs[in.Documents[i].ID] = &in.Documents[i]
	}
	for i := range in.Sources {
		r.srcIndex[in.Sources[i].ID] = i
	}
	r.nations, r.multiNation, r.nationSurface = nationVocab(in)
	r.g = newGrouper(in, r.nations)
	addSourceNations(r.g, r.nations)
	r.g.run()

	r.estimates()
	r.neighbourCache = map[int64][]int64{} // the story of each article is big: keep it for one phase at a time
	r.topics()
	r.group()
	r.denials()
	for _, m := range r.measures {
		r.settle(m)
		r.relate(m)
	}
	r.indexEvidence()
	r.indexCaveats()
	r.verify()
	return r.output()
}

// addSourceNations adds to the nationality vocabulary the adjectives of
// sources' names and roles ("the Valdorian defence ministry", "a Russian
// expert"): a capitalised word of a demonym's shape before another word.
func addSourceNations(g *grouper, nations map[string]bool) {
	for _, s := range g.in.Sources {
		for _, text := range []string{s.Name, s.Role} {
			ws := g.wordsOf(text)
			for i, w := range ws {
				if i+1 < len(ws) && w.cap && demonymShape(w.lower) {
					nations[w.stem] = true
				}
			}
		}
	}
}

func demonymShape(w string) bool {
	for _, suffix := range []string{"ian", "an", "ese", "ish", "i"} {
		if len(w) > len(suffix)+3 && w[len(w)-len(suffix):] == suffix {
			return true
		}
	}
	return false
}

// groupOfSource returns the group of a document-level source row, -1 for
// none.
func (r *reconciler) groupOfSource(id int64) int {
	i, ok := r.srcIndex[id]
	if !ok || id == 0 {
		return -1
	}
	return r.g.groupOf[i]
}

// voiceOfSource returns the group a source's words count for, -1 for none.
func (r *reconciler) voiceOfSource(id int64) int {
	gi := r.groupOfSource(id)
	if gi < 0 {
		return -1
	}
	return r.g.groups[gi].voice
}

// topics finds the class of thing each article counts most, for denials
// that name none ("denied any deployment"): the class of its figures, and
// above all the one its title names ("Troop build-up on Valdoria's eastern
// frontier").
func (r *reconciler) topics() {
	counts := map[int64]map[string]int{}
	for _, e := range r.est {
		if e.outlook != "actual" {
			continue
		}
		if counts[e.claim.DocumentID] == nil {
			counts[e.claim.DocumentID] = map[string]int{}
		}
		counts[e.claim.DocumentID][e.class] += 2
	}
	for doc, cs := range counts {
		d := r.docs[doc]
		if d == nil {
			continue
		}
		for _, w := range words(d.Title) {
			if c, ok := nounClass[lemma(w.lower)]; ok {
				cs[c] += 3
			}
		}
	}
	for doc, cs := range counts {
		best := ""
		for c, n := range cs {
			if best == "" || n > cs[best] || n == cs[best] && c < best {
				best = c
			}
		}
		r.docTopic[doc] = best
	}
}

// output lays the reconciliation out as the store keeps it.
func (r *reconciler) output() *store.Reconciliation {
	out := &store.Reconciliation{Verifications: r.verifications}
	for _, gr := range r.g.groups {
		eg := store.EntityGroup{EntityID: gr.entity, Name: gr.name, Kind: gr.kind, Affiliation: gr.affiliation,
			AffiliationName: gr.affiliationName, AffiliationRole: gr.affiliationRole}
		for _, m := range gr.members {
			eg.Sources = append(eg.Sources, r.g.srcs[m].s.ID)
		}
		slices.Sort(eg.Sources)
		if gr.affiliation < 0 && gr.affiliationName == "" {
			eg.AffiliationRole = ""
		}
		out.Entities = append(out.Entities, eg)
	}
	// New measures get ids in the order they were first said.
	slices.SortStableFunc(r.measures, func(a, b *measure) int {
		return cmp.Or(a.est[0].saidOn.Compare(b.est[0].saidOn), cmp.Compare(a.key, b.key))
	})
	for _, m := range r.measures {
		e0 := m.est[0]
		mr := store.MeasureRecord{Key: m.key, Name: m.name, What: e0.class, Nationality: "", Event: e0.event,
			Outlook: e0.outlook, Unit: e0.unit, Rate: e0.rate, Increment: e0.increment, Low: m.low, High: m.high,
			Sources: m.sources, Relations: m.rel}
		mr.Nationality = surface(m.est, func(e *estimate) string { return e.nationAs })
		for _, e := range m.est {
			if e.hasPlace {
				mr.Place, mr.Country = e.place.Name, e.place.Country
				break
			}
		}
		for _, e := range m.est {
			er := store.EstimateRecord{ClaimID: e.claim.ID, DocumentID: e.claim.DocumentID, Entity: e.entity,
				Voice: e.voice, Value: e.value, Low: e.low, High: e.high, Approx: e.approx, Bound: e.bound,
				Text: e.text, Kind: e.kind, SaidOn: e.saidOn, AsOf: e.asOf, Excluded: e.excluded, Why: e.why,
				Latest: e.latest, Cited: e.cited}
			if e.q != nil {
				er.QuantityID = e.q.ID
			}
			mr.Estimates = append(mr.Estimates, er)
		}
		out.Measures = append(out.Measures, mr)
	}
	return out
}

// Summary says what a run did.
type Summary struct {
	Sources       int // entities with at least one source
	Measures      int
	Estimates     int
	Excluded      int
	Verifications int
	// Changed is false when the store held this reconciliation already.
	Changed bool
	Took    time.Duration
}

// Run reconciles what st holds and saves the result, replacing the
// previous reconciliation in one transaction.
func Run(ctx context.Context, st store.Store) (Summary, error) {
	start := time.Now()
	in, err := st.ReconcileInput(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("reconcile: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, fmt.Errorf("reconcile: %w", err)
	}
	res := Reconcile(in)
	changed, err := st.SaveReconciliation(ctx, res)
	if err != nil {
		return Summary{}, fmt.Errorf("reconcile: %w; the previous reconciliation is kept: run crosscheck reconcile again", err)
	}
	s := Summary{Sources: len(res.Entities), Measures: len(res.Measures), Verifications: len(res.Verifications),
		Changed: changed, Took: time.Since(start)}
	for _, m := range res.Measures {
		s.Estimates += len(m.Estimates)
		for _, e := range m.Estimates {
			if e.Excluded {
				s.Excluded++
			}
		}
	}
	return s, nil
}
