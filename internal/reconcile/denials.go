package reconcile

import (
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// Denials. A claim denies a measure when it is a denial (the extractor's
// stance, or a negated count: "no troops have been deployed", "not one")
// of the thing the measure counts: the same class of noun (or the event's
// noun, "any deployment", read against the article's topic), from a
// source whose nationality, when known, is the counted thing's, in the
// same story and the same weeks. A denial is listed with the measure's
// figures but kept out of its range.

// eventFamilies puts together the events a denial of presence answers:
// "no soldier had been sent" denies the troops counted as there.
var eventFamilies = map[string]string{
	eventPresent: eventPresent, eventSent: eventPresent, eventArrived: eventPresent,
}

func family(event string) string {
	if f, ok := eventFamilies[event]; ok {
		return f
	}
	return event
}

// denial is what a denying claim denies.
type denial struct {
	claim     *store.ReconcileClaim
	class     string
	event     string
	nation    string
	entity    int
	fromTopic bool // the claim names no counted noun: the article's topic is taken
}

// readDenial reads what a claim denies; ok is false when it denies no
// count.
func (r *reconciler) readDenial(c *store.ReconcileClaim) (d denial, ok bool) {
	if c.Stance != extract.StanceDenies && !mayNegate(c.Content) {
		return d, false // most claims: no need to read them word by word
	}
	ws := words(c.Content)
	negated := false
	for i, w := range ws {
		if !negators[w.lower] && !(w.lower == "one" && i > 0 && ws[i-1].lower == "not") {
			continue
		}
		// "no troops", "no Morvenian fighters", "no deployment".
		for j := i + 1; j < len(ws) && j <= i+3; j++ {
			if clauseNouns[lemma(ws[j].lower)] || eventVerbs[ws[j].lower] == eventPresent {
				negated = true
			}
		}
	}
	if c.Stance != extract.StanceDenies && !negated {
		return d, false
	}
	d.claim = c
	d.entity = r.groupOfSource(c.SourceID)
	for i, w := range ws {
		if d.class == "" {
			if i+1 < len(ws) {
				if cl, ok := nounClass[lemma(w.lower+" "+ws[i+1].lower)]; ok {
					d.class = cl
				}
			}
			if cl, ok := nounClass[lemma(w.lower)]; ok && d.class == "" {
				d.class = cl
			}
		}
		if d.event == "" {
			if e, ok := verbAt(ws, i); ok {
				d.event = e
			}
		}
		if d.nation == "" && w.cap && r.nations[w.stem] {
			d.nation = w.stem
		}
		if d.nation == "" && w.cap && i+1 < len(ws) && ws[i+1].cap && r.multiNation[w.stem+" "+ws[i+1].stem] {
			d.nation = w.stem + " " + ws[i+1].stem
		}
	}
	if d.event == "" {
		d.event = eventPresent
	}
	if d.class == "" {
		// "Pellavar denied any deployment": what the article counts.
		d.class = r.docTopic[c.DocumentID]
		d.fromTopic = true
	}
	if d.class == "" {
		return d, false
	}
	return d, true
}

// denials attaches each denial to the measures it denies.
func (r *reconciler) denials() {
	byClass := map[string][]*measure{}
	for _, m := range r.measures {
		e := m.est[0]
		if e.outlook != "actual" || e.increment {
			continue
		}
		byClass[e.class] = append(byClass[e.class], m)
	}
	// The days each measure has figures on, by document.
	inDoc := map[int64]map[*measure][]time.Time{}
	for _, ms := range byClass {
		for _, m := range ms {
			for _, e := range m.est {
				d := e.claim.DocumentID
				if inDoc[d] == nil {
					inDoc[d] = map[*measure][]time.Time{}
				}
				inDoc[d][m] = append(inDoc[d][m], e.saidOn)
			}
		}
	}
	for ci := range r.in.Claims {
		c := &r.in.Claims[ci]
		d, ok := r.readDenial(c)
		if !ok {
			continue
		}
		said := c.Day
		if !c.Said.IsZero() {
			said = c.Said
		}
		// The measures of the denial's story: its article's, else those of
		// the articles naming its sources, in the weeks around it.
		story := map[*measure]bool{}
		for m := range inDoc[c.DocumentID] {
			if m.est[0].class == d.class {
				story[m] = true
			}
		}
		if len(story) == 0 {
			for _, doc := range r.neighbours(c.DocumentID) {
				for m, days := range inDoc[doc] {
					for _, t := range days {
						if near(t, said, denialWindow) {
							story[m] = true
							break
						}
					}
				}
			}
		}
		for _, m := range byClass[d.class] {
			e0 := m.est[0]
			if !story[m] || family(e0.event) != family(d.event) || !r.nationFits(d, e0.nation) {
				continue
			}
			who := c.SpeakerName
			if d.entity >= 0 {
				who = r.g.groups[d.entity].name
			}
			e := &estimate{claim: c, doc: r.docs[c.DocumentID], entity: d.entity, value: ptr(0), kind: store.EstimateDenial,
				saidOn: said, asOf: said, excluded: true, denial: true, class: e0.class, event: e0.event,
				outlook: e0.outlook, order: len(r.est) + ci,
				why: fmt.Sprintf("denial: %s denies it: “%s”", who, shorten(c.Content, 120))}
			e.voice = e.entity
			if e.entity >= 0 {
				e.voice = r.g.groups[e.entity].voice
			}
			m.est = append(m.est, e)
		}
	}
}

// mayNegate reports whether s holds a negator, as a cheap test before
// reading it.
func mayNegate(s string) bool {
	l := strings.ToLower(s)
	for _, n := range []string{"no ", "none", "never", "not "} {
		if strings.Contains(l, n) {
			return true
		}
	}
	return false
}

// nationFits reports whether a denial can be about things of nationality
// nation: its words name that nationality, or its source is of that
// nationality, or nothing says otherwise.
func (r *reconciler) nationFits(d denial, nation string) bool {
	if nation == "" {
		return true
	}
	if d.nation != "" {
		return d.nation == nation
	}
	if d.entity < 0 {
		return true
	}
	mine := r.g.groups[d.entity].nations
	if len(mine) == 0 {
		return true
	}
	for _, st := range strings.Fields(nation) {
		if mine[st] {
			return true
		}
	}
	return false
}
