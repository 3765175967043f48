package reconcile

import (
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// clause is the part of a claim's content that speaks of one figure: from
// the word that opens its clause to the word that closes it. A claim often
// holds several figures ("Around 1,500 troops have already arrived ...
// with 12,000 expected to be deployed"); each is read with its own verb,
// markers, day and place.
type clause struct {
	content string
	ws      []word
	// q0 and q1 are the figure's first and last word; lo and hi the
	// clause's, all indexes in ws. found is false when the figure could
	// not be located in the content: the whole content is the clause then.
	q0, q1, lo, hi int
	found          bool
}

// maxClauseWords bounds a clause on each side of its figure: a verb or a
// marker further away belongs to something else.
const maxClauseWords = 14

// locate finds the figure q in the claim's content and delimits its
// clause. The content is usually a stretch of the text, so the figure sits
// at its offset; a content made of parts joined by "…" needs a search.
func locate(c *store.ReconcileClaim, q *store.ReconcileQuantity) clause {
	cl := clause{content: c.Content, ws: words(c.Content)}
	if len(cl.ws) == 0 {
		return cl
	}
	contentRunes := utf8.RuneCountInString(c.Content)
	qLen := utf8.RuneCountInString(q.Text)
	want := q.Start - c.ContentSpan.Start
	pos := -1
	if want >= 0 && want+qLen <= contentRunes && runeSlice(c.Content, want, want+qLen) == q.Text {
		pos = want
	} else if q.Text != "" {
		// The nearest occurrence to where it should be.
		best := -1
		for i := 0; ; {
			j := strings.Index(c.Content[i:], q.Text)
			if j < 0 {
				break
			}
			at := utf8.RuneCountInString(c.Content[:i+j])
			if best < 0 || abs(at-want) < abs(best-want) {
				best = at
			}
			i += j + len(q.Text)
		}
		pos = best
	}
	if pos < 0 {
		cl.lo, cl.hi, cl.q0, cl.q1 = 0, len(cl.ws)-1, -1, -1
		return cl
	}
	cl.found = true
	cl.q0, cl.q1 = -1, -1
	for i, w := range cl.ws {
		if w.end > pos && w.start < pos+qLen {
			if cl.q0 < 0 {
				cl.q0 = i
			}
			cl.q1 = i
		}
	}
	if cl.q0 < 0 {
		cl.found = false
		cl.lo, cl.hi, cl.q0, cl.q1 = 0, len(cl.ws)-1, -1, -1
		return cl
	}
	cl.lo = cl.q0
	for i := cl.q0 - 1; i >= 0 && cl.q0-i <= maxClauseWords; i-- {
		w := cl.ws[i]
		if endsSentence(w.punct) {
			break
		}
		if clauseBreaks[w.lower] || reportingBreaks[w.lower] || (w.lower == "from" && i > 0 && fromBreaks[cl.ws[i-1].lower]) {
			if w.lower == "from" {
				cl.lo = i - 1
			}
			break
		}
		cl.lo = i
	}
	cl.hi = cl.q1
	if endsSentence(cl.ws[cl.q1].punct) {
		return cl
	}
	for i := cl.q1 + 1; i < len(cl.ws) && i-cl.q1 <= maxClauseWords; i++ {
		w := cl.ws[i]
		if clauseBreaks[w.lower] || reportingBreaks[w.lower] || (fromBreaks[w.lower] && i+1 < len(cl.ws) && cl.ws[i+1].lower == "from") {
			break
		}
		cl.hi = i
		if endsSentence(w.punct) {
			break
		}
	}
	return cl
}

func endsSentence(p string) bool { return p == "." || p == ";" || p == "!" || p == "?" || p == "…" }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// runeSlice returns s's runes [i, j).
func runeSlice(s string, i, j int) string {
	rs := []rune(s)
	if i < 0 || j > len(rs) || i > j {
		return ""
	}
	return string(rs[i:j])
}

// hypothetical reports whether the figure's sentence supposes it: a
// condition opens before it ("If there were 200 boats out there").
func (cl *clause) hypothetical() bool {
	if !cl.found {
		return false
	}
	for i := cl.q0 - 1; i >= 0; i-- {
		if endsSentence(cl.ws[i].punct) {
			break
		}
		if hypotheticals[cl.ws[i].lower] {
			return true
		}
	}
	return false
}

// left returns the clause's words before the figure, nearest first.
func (cl *clause) left() []word {
	if !cl.found {
		return nil
	}
	var out []word
	for i := cl.q0 - 1; i >= cl.lo; i-- {
		out = append(out, cl.ws[i])
	}
	return out
}

// right returns the clause's words after the figure, nearest first.
func (cl *clause) right() []word {
	if !cl.found {
		return cl.ws
	}
	return cl.ws[cl.q1+1 : cl.hi+1]
}

// span is the clause's rune range in the content.
func (cl *clause) span() (int, int) {
	if len(cl.ws) == 0 {
		return 0, 0
	}
	return cl.ws[cl.lo].start, cl.ws[cl.hi].end
}

// figurePos is the figure's rune offset in the content.
func (cl *clause) figurePos() int {
	if !cl.found {
		return 0
	}
	return cl.ws[cl.q0].start
}

// event reads the event class of the figure: the verb after it, else the
// nearest before it.
func (cl *clause) event() string {
	r := cl.right()
	for i := range r {
		if e, ok := verbAt(r, i); ok {
			return e
		}
	}
	l := cl.left()
	for i := range l {
		if beforeFigureLeave[l[i].lower] {
			return eventPresent
		}
		// Left words run backwards: a pair is l[i+1] l[i].
		if i+1 < len(l) {
			if e, ok := eventVerbs[l[i+1].lower+" "+l[i].lower]; ok {
				return e
			}
		}
		if e, ok := eventVerbs[l[i].lower]; ok {
			return e
		}
	}
	return eventNone
}

// verbAt reads an event verb at ws[i], trying the two-word form first.
func verbAt(ws []word, i int) (string, bool) {
	if i+1 < len(ws) {
		if e, ok := eventVerbs[ws[i].lower+" "+ws[i+1].lower]; ok {
			return e, true
		}
	}
	e, ok := eventVerbs[ws[i].lower]
	return e, ok
}

// expected reports whether the clause looks ahead.
func (cl *clause) expected() bool {
	ws := cl.ws[cl.lo : cl.hi+1]
	for i, w := range ws {
		if i >= cl.q0-cl.lo && i <= cl.q1-cl.lo && cl.found {
			continue
		}
		// "May" the month, "Will" the name: modals are written small.
		if expectedMarkers[w.lower] && !(w.cap && (w.lower == "may" || w.lower == "will")) {
			return true
		}
		if i+1 < len(ws) && expectedPairs[w.lower+" "+ws[i+1].lower] {
			return true
		}
	}
	return false
}

// actual reports whether a word next to the figure (three words either
// side) says it counts what is there as it is said.
func (cl *clause) actual() bool {
	if !cl.found {
		return false
	}
	for s, side := range [][]word{cl.left(), cl.right()} {
		for i := 0; i < len(side) && i < 3; i++ {
			if actualMarkers[side[i].lower] {
				return true
			}
			if i+1 < len(side) {
				pair := side[i].lower + " " + side[i+1].lower
				if s == 0 { // the left side runs backwards
					pair = side[i+1].lower + " " + side[i].lower
				}
				if actualMarkers[pair] {
					return true
				}
			}
		}
	}
	return false
}

// increment reports whether the figure is an addition ("another 2,000",
// "the first 2,600", "2,000 more").
func (cl *clause) increment() bool {
	if !cl.found {
		return false
	}
	// The figure's own words may hold the marker ("another 15").
	if incrementMarkers[cl.ws[cl.q0].lower] {
		return true
	}
	if l := cl.left(); len(l) > 0 && incrementMarkers[l[0].lower] {
		return true
	}
	if r := cl.right(); len(r) > 0 && incrementAfter[r[0].lower] {
		return true
	}
	return false
}

// within reports whether text occurs inside the clause, and where (the
// occurrence nearest the figure).
func (cl *clause) within(text string) (int, bool) {
	if text == "" {
		return 0, false
	}
	lo, hi := cl.span()
	fig := cl.figurePos()
	best, found := 0, false
	for i := 0; ; {
		j := strings.Index(cl.content[i:], text)
		if j < 0 {
			break
		}
		at := utf8.RuneCountInString(cl.content[:i+j])
		end := at + utf8.RuneCountInString(text)
		if at >= lo && end <= hi && (!found || abs(at-fig) < abs(best-fig)) {
			best, found = at, true
		}
		i += j + len(text)
	}
	return best, found
}

// clauseTime picks the day the figure describes: the time in its clause
// nearest to it. A deadline ("by Nov 1") makes the figure a projection.
func (cl *clause) clauseTime(times []when.Time) (t when.Time, ok bool) {
	bestDist := -1
	fig := cl.figurePos()
	for _, tm := range times {
		if tm.Start == "" || tm.Kind == when.KindDuration || tm.Kind == when.KindSet {
			continue
		}
		at, in := cl.within(tm.Text)
		if !in {
			continue
		}
		if d := abs(at - fig); bestDist < 0 || d < bestDist {
			t, ok, bestDist = tm, true, d
		}
	}
	return t, ok
}

// clausePlace picks where the counted things are: the most specific place
// of the clause that is not a target ("to fight in Ukraine").
func (cl *clause) clausePlace(places []where.Place) (p where.Place, ok bool) {
	bestRank := -1
	for _, pl := range places {
		at, in := cl.within(pl.Text)
		if !in || cl.targetBefore(at) {
			continue
		}
		rank := placeRank(pl.Kind)
		if rank > bestRank {
			p, ok, bestRank = pl, true, rank
		}
	}
	return p, ok
}

// placeRank orders kinds of place from the vaguest to the most specific.
func placeRank(kind string) int {
	switch kind {
	case where.KindCity:
		return 4
	case where.KindRegion:
		return 3
	case where.KindCountry:
		return 2
	case where.KindOther:
		return 1
	}
	return 0
}

// targetBefore reports whether one of the two words before rune offset at
// makes what follows a target.
func (cl *clause) targetBefore(at int) bool {
	n := 0
	for i := len(cl.ws) - 1; i >= 0; i-- {
		if cl.ws[i].start >= at {
			continue
		}
		if targetWords[cl.ws[i].lower] {
			return true
		}
		if n++; n == 3 {
			break
		}
	}
	return false
}

// countedNoun finds a counted noun in the clause for a figure the extractor
// gave none: the nearest of the nouns of nounClass, after then before it.
func (cl *clause) countedNoun() string {
	try := func(ws []word, i int, forward bool) string {
		if i+1 < len(ws) {
			pair := ws[i].lower + " " + ws[i+1].lower
			if !forward {
				pair = ws[i+1].lower + " " + ws[i].lower
			}
			if clauseNouns[lemma(pair)] {
				return lemma(pair)
			}
		}
		if l := lemma(ws[i].lower); clauseNouns[l] {
			return l
		}
		return ""
	}
	r := cl.right()
	for i := range r {
		if n := try(r, i, true); n != "" {
			return n
		}
	}
	l := cl.left()
	for i := range l {
		if n := try(l, i, false); n != "" {
			return n
		}
	}
	return ""
}

// anaphoric reports whether the clause refers to a figure by "the number",
// "the count", "the total".
func (cl *clause) anaphoric() bool {
	for _, w := range cl.ws[cl.lo : cl.hi+1] {
		if anaphors[w.lower] {
			return true
		}
	}
	// "a million of them"
	if r := cl.right(); len(r) >= 2 && r[0].lower == "of" && pronounCounts[r[1].lower] {
		return true
	}
	return false
}

// locational reports whether a distance is where something is ("within 20
// kilometres of the border"), not a measure.
func (cl *clause) locational(unit string) bool {
	if !distanceUnits[unit] || !cl.found {
		return false
	}
	if l := cl.left(); len(l) > 0 && locationalBefore[l[0].lower] {
		return true
	}
	if r := cl.right(); len(r) > 0 && locationalAfter[r[0].lower] {
		return true
	}
	// The figure's own words may hold the hedge ("about 15 kilometres").
	return locationalBefore[cl.ws[cl.q0].lower] && len(cl.right()) > 0 && locationalAfter[cl.right()[0].lower]
}

// citation finds a source whose figure the speaker cites: "the agency's
// own count of 71" (before the figure) or "8,000, the figure the defence
// ministry gave" (after it). It returns the words naming that source.
func (cl *clause) citation() []word {
	if !cl.found {
		return nil
	}
	l := cl.left()
	// l runs backwards: [of] count [own] X's ...
	i := 0
	if i < len(l) && (l[i].lower == "of" || l[i].lower == "at") {
		i++
	}
	if i < len(l) && citationNouns[l[i].lower] {
		i++
		if i < len(l) && (l[i].lower == "own" || l[i].lower == "earlier" || l[i].lower == "latest" || l[i].lower == "previous") {
			i++
		}
		if i < len(l) && l[i].poss {
			var name []word
			for j := i; j < len(l) && j < i+6; j++ {
				if j > i && (l[j].poss || endsSentence(l[j].punct) || l[j].punct == ",") {
					break
				}
				name = append([]word{l[j]}, name...)
				if stopWords[l[j].lower] {
					break
				}
			}
			return trimStop(name)
		}
	}
	r := cl.right()
	// r: the figure [own] X gave
	j := 0
	if j < len(r) && r[j].lower == "the" {
		j++
	}
	if j < len(r) && citationNouns[r[j].lower] {
		j++
		var name []word
		for k := j; k < len(r) && k < j+7; k++ {
			if citationVerbs[r[k].lower] {
				return trimStop(name)
			}
			name = append(name, r[k])
		}
	}
	return nil
}

// trimStop drops stop words at both ends of a name.
func trimStop(ws []word) []word {
	for len(ws) > 0 && stopWords[ws[0].lower] {
		ws = ws[1:]
	}
	for len(ws) > 0 && stopWords[ws[len(ws)-1].lower] {
		ws = ws[:len(ws)-1]
	}
	return ws
}
