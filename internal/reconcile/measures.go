package reconcile

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// Measures. A figure belongs to a measure by the phenomenon it counts: the
// class of the counted noun and whose it is ("North Korean troops"), the
// event (present, sent, arrived, killed...), whether it is a count or a
// projection, whether it is an addition ("another 2,000"), its rate ("a
// week"), its unit, and its place. Where a figure leaves one of these
// unsaid (the nationality, the place), it takes what the article, else the
// story, says of the same noun.

// Thresholds of the rules, each with its reason.
const (
	// outlierRatio: competing estimates of one measure rarely differ by
	// more than a factor of two when both come from someone in a position
	// to know (10,000 against 12,000; 150 a week against 300); an
	// anonymous or lay figure two and a half times the others' median is
	// one a reader sets aside.
	outlierRatio = 2.5
	// tolerance: reported figures are rounded ("about 55", "some 11,000"),
	// so two figures agree when they are within a tenth of each other's
	// span.
	tolerance = 0.10
	// sameTime: figures a fortnight apart describe the same situation;
	// further apart, a difference may be a change, not a disagreement.
	sameTime = 14 * 24 * time.Hour
	// denialWindow: a denial answers the figures of the weeks around it.
	denialWindow = 45 * 24 * time.Hour
	// boundReach is how far past its bound a bounded figure is read to go:
	// a reporter who means "twice as many" says so.
	boundReach = 0.25
	// maxVoices bounds the pairs a measure's relations are sought among:
	// the most recent voices matter, and pairs grow as the square.
	maxVoices = 40
)

// estimate is one figure (or denial) of a measure, as the reconciler works
// on it.
type estimate struct {
	claim *store.ReconcileClaim
	q     *store.ReconcileQuantity // nil for a denial
	doc   *store.ReconcileDocument

	entity, voice    int // group indexes, -1 when unknown
	value, low, high *float64
	approx           bool
	bound, text      string
	kind             string
	saidOn, asOf     time.Time
	vagueAsOf        bool // no day in the clause: the as-of day is the day said, or a span's end
	excluded         bool
	why              string
	latest, cited    bool
	denial           bool
	evidence         []string

	// What it counts.
	class, noun      string // "troops", and "soldiers" as written
	nation, nationAs string // "north kore", and "North Korean" as written
	event, outlook   string
	increment        bool
	rate, unit       string
	place            where.Place
	hasPlace         bool
	anaphoric        bool // counts "the number": the article's topic

	mid    float64 // the figure as one number
	lo, hi float64 // the span it allows
	order  int
}

// measure is one measure as the reconciler builds it.
type measure struct {
	key, base string
	est       []*estimate
	rel       []store.RelationRecord
	name      string
	low, high *float64
	sources   int
}

// nationVocab reads the nationalities figures are counted by ("North
// Korean troops", "Sethran vessels") and the countries of claims' places:
// the words that make a counted thing someone's.
func nationVocab(in *store.ReconcileInput) (single, multi map[string]bool, surface map[string]string) {
	single, multi, surface = map[string]bool{}, map[string]bool{}, map[string]string{}
	counts := map[string]map[string]int{}
	for i := range in.Claims {
		c := &in.Claims[i]
		for _, q := range c.Quantities {
			if key, as := nationOfWhat(q.What); key != "" {
				if counts[key] == nil {
					counts[key] = map[string]int{}
				}
				counts[key][as]++
				if strings.Contains(key, " ") {
					multi[key] = true
				} else {
					single[key] = true
				}
			}
		}
		for _, p := range c.Places {
			if p.Kind == where.KindCountry {
				ws := words(p.Name)
				if len(ws) == 1 {
					single[ws[0].stem] = true
				} else {
					multi[strings.Join(stems(ws), " ")] = true
				}
			}
		}
	}
	for key, as := range counts {
		best := ""
		for s, n := range as {
			if best == "" || n > as[best] || n == as[best] && s < best {
				best = s
			}
		}
		surface[key] = best
	}
	return single, multi, surface
}

func stems(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.stem
	}
	return out
}

// nationOfWhat reads the nationality in a counted noun phrase: its
// capitalised words before the head ("North Korean troops" -> "north
// kore", "North Korean").
func nationOfWhat(what string) (key, as string) {
	ws := words(what)
	if len(ws) < 2 {
		return "", ""
	}
	var cap []word
	for _, w := range ws[:len(ws)-1] {
		if w.cap && !stopWords[w.lower] {
			cap = append(cap, w)
		} else if len(cap) > 0 {
			break
		}
	}
	if len(cap) == 0 || len(cap) > 3 {
		return "", ""
	}
	var texts []string
	for _, w := range cap {
		texts = append(texts, w.text)
	}
	return strings.Join(stems(cap), " "), strings.Join(texts, " ")
}

// headOf returns the head noun of a counted noun phrase ("North Korean
// troops" -> "troops"), and its class.
func headOf(what string) (noun, class string) {
	ws := words(what)
	if len(ws) == 0 {
		return "", ""
	}
	if len(ws) >= 2 {
		pair := lemma(ws[len(ws)-2].lower + " " + ws[len(ws)-1].lower)
		if c, ok := nounClass[pair]; ok {
			return ws[len(ws)-2].lower + " " + ws[len(ws)-1].lower, c
		}
	}
	head := ws[len(ws)-1].lower
	l := lemma(head)
	if c, ok := nounClass[l]; ok {
		return head, c
	}
	return head, l
}

// estimates reads every figure of every claim.
func (r *reconciler) estimates() {
	owner := r.figureOwners()
	var pending []*estimate
	for ci := range r.in.Claims {
		c := &r.in.Claims[ci]
		for qi := range c.Quantities {
			q := &c.Quantities[qi]
			if owner[q.ID] != c {
				continue
			}
			if e := r.readFigure(c, q); e != nil {
				e.order = len(r.est)
				r.est = append(r.est, e)
				if e.class == "" || e.nation == "" {
					pending = append(pending, e)
				}
			}
		}
	}
	r.evidenceFromFigures(owner)
	r.fillFromContext(pending)
	var kept []*estimate
	for _, e := range r.est {
		if e.class != "" {
			kept = append(kept, e)
		}
	}
	r.est = kept
}

// figureOwners decides which claim a figure held by several belongs to (a
// quotation inside reported speech, or "his latest images showed about 50"
// inside the researcher's statement): testimony before evidence, a source
// before a document, the first claim before the others.
func (r *reconciler) figureOwners() map[int64]*store.ReconcileClaim {
	owner := map[int64]*store.ReconcileClaim{}
	rank := func(c *store.ReconcileClaim) int {
		n := 0
		if c.Kind == "evidence" {
			n += 2
		}
		if c.SpeakerKind == extract.KindDocument {
			n++
		}
		return n
	}
	for ci := range r.in.Claims {
		c := &r.in.Claims[ci]
		for _, q := range c.Quantities {
			if o, ok := owner[q.ID]; !ok || rank(c) < rank(o) {
				owner[q.ID] = c
			}
		}
	}
	return owner
}

// evidenceFromFigures credits a figure with the evidence a claim holding
// the same figure presents ("his latest images showed about 50 vessels").
func (r *reconciler) evidenceFromFigures(owner map[int64]*store.ReconcileClaim) {
	byQuantity := map[int64]*estimate{}
	for _, e := range r.est {
		byQuantity[e.q.ID] = e
	}
	for ci := range r.in.Claims {
		c := &r.in.Claims[ci]
		if c.Kind != "evidence" && c.SpeakerKind != extract.KindDocument {
			continue
		}
		for _, q := range c.Quantities {
			if e, ok := byQuantity[q.ID]; ok && owner[q.ID] != c {
				for _, ev := range evidenceIn(c.SpeakerName + " " + c.Cue) {
					e.evidence = appendNew(e.evidence, ev)
				}
				if len(e.evidence) == 0 {
					e.evidence = appendNew(e.evidence, "images")
				}
			}
		}
	}
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// readFigure reads one figure of a claim; nil when it is no measure (a
// distance saying where something is, a figure with nothing counted).
func (r *reconciler) readFigure(c *store.ReconcileClaim, q *store.ReconcileQuantity) *estimate {
	cl := locate(c, q)
	if cl.locational(q.Unit) || cl.hypothetical() {
		return nil
	}
	e := &estimate{claim: c, q: q, doc: r.docs[c.DocumentID], entity: r.groupOfSource(c.SourceID)}
	e.value, e.low, e.high = q.Value, q.Low, q.High
	e.approx, e.bound, e.text = q.Approx, q.Bound, q.Text
	e.rate, e.unit = q.Rate, q.Unit
	e.saidOn = c.Day
	if !c.Said.IsZero() {
		e.saidOn = c.Said
	}
	if e.saidOn.IsZero() && e.doc != nil {
		e.saidOn = e.doc.Published
	}
	e.asOf = e.saidOn
	e.vagueAsOf = c.Said.IsZero()

	// What is counted.
	if q.What != "" {
		e.noun, e.class = headOf(q.What)
		e.nation, e.nationAs = nationOfWhat(q.What)
	}
	if e.class == "" {
		if n := cl.countedNoun(); n != "" {
			e.noun, e.class = nounClass[n], nounClass[n]
		} else if cl.anaphoric() {
			e.anaphoric = true
		} else {
			return nil
		}
	}
	if e.nation == "" {
		e.nation, e.nationAs = r.nationInClause(&cl)
		if as := r.nationSurface[e.nation]; as != "" {
			e.nationAs = as // "Morvenian", not the "Morvenia" of "Morvenia has moved"
		}
	}

	// The event and its outlook.
	e.event = cl.event()
	if e.event == eventNone {
		e.event = eventPresent
	}
	e.outlook = "actual"
	if cl.expected() && !cl.actual() {
		e.outlook = "expected"
	}
	e.increment = cl.increment()
	if t, ok := cl.clauseTime(c.Times); ok {
		day := store.ParseDay(t.End)
		if t.Start == t.End || t.End == "" {
			day = store.ParseDay(t.Start)
		}
		// A span reaching past the article ("earlier this month") ends
		// with it.
		if e.doc != nil && !e.doc.Published.IsZero() && day.After(e.doc.Published) && !store.ParseDay(t.Start).After(e.doc.Published) {
			day = e.doc.Published
		}
		if !day.IsZero() {
			e.asOf = day
			e.vagueAsOf = t.Start != t.End && t.End != ""
			// A deadline, or a day after the article's: what is expected
			// by then. (Not after the day said: a day said is often
			// the article's own approximation.)
			start := store.ParseDay(t.Start)
			if t.Kind == when.KindDeadline || (e.doc != nil && !e.doc.Published.IsZero() && start.After(e.doc.Published)) {
				e.outlook = "expected"
				e.kind = store.EstimateProjected
			}
		}
	}
	if p, ok := cl.clausePlace(c.Places); ok {
		e.place, e.hasPlace = p, true
	}
	switch {
	case e.kind != "":
	case e.increment:
		e.kind = store.EstimateIncrement
	case e.outlook == "expected":
		e.kind = store.EstimateExpected
	default:
		e.kind = store.EstimateReported
	}

	// Whose figure it is: the speaker's, or the source the speaker cites.
	if name := cl.citation(); len(name) > 0 {
		if gi, _ := r.g.resolveOrg(name, c.DocumentID, -1); gi >= 0 && gi != e.entity {
			e.entity, e.cited = gi, true
		}
	}
	e.voice = e.entity
	if e.entity >= 0 {
		e.voice = r.g.groups[e.entity].voice
	}

	// Figures a reader does not count.
	switch {
	case q.Rhetorical:
		e.excluded, e.why = true, fmt.Sprintf("rhetoric: “%s” is said for effect, not as a count", q.Text)
	case q.Value == nil && q.Low == nil && q.High == nil:
		e.excluded, e.why = true, fmt.Sprintf("vague: “%s” gives no number", q.Text)
	case q.Vague:
		e.excluded, e.why = true, fmt.Sprintf("vague: “%s” is no count", q.Text)
	}
	e.spread()
	return e
}

// spread sets the figure's point value and the span it allows.
func (e *estimate) spread() {
	switch {
	case e.low != nil && e.high != nil:
		e.mid, e.lo, e.hi = (*e.low+*e.high)/2, *e.low, *e.high
	case e.value != nil:
		e.mid, e.lo, e.hi = *e.value, *e.value, *e.value
	case e.low != nil:
		e.mid, e.lo, e.hi = *e.low, *e.low, *e.low
	case e.high != nil:
		e.mid, e.lo, e.hi = *e.high, *e.high, *e.high
	}
	// A bound is read as news uses it: "more than 10,000", "well over
	// 200" and "as many as 40,000", "close to 12,000" give a figure near
	// the bound, not any figure beyond it.
	switch e.bound {
	case "min":
		e.hi = e.lo * (1 + boundReach)
	case "max":
		e.lo = e.hi * (1 - boundReach)
	}
}

// nationInClause finds a nationality in the figure's clause, before it
// ("Morvenia has moved 8,000 troops", "the Morvenian force had grown to
// 12,500").
func (r *reconciler) nationInClause(cl *clause) (key, as string) {
	l := cl.left()
	for i, w := range l {
		// "into Valdoria's Vessary province": a place the counted
		// things go to, or whose something else is, is not theirs.
		if !w.cap || w.poss || (i+1 < len(l) && locatives[l[i+1].lower]) {
			continue
		}
		if i+1 < len(l) && l[i+1].cap {
			if k := l[i+1].stem + " " + w.stem; r.multiNation[k] {
				return k, l[i+1].text + " " + w.text
			}
		}
		if r.nations[w.stem] {
			return w.stem, w.text
		}
	}
	return "", ""
}

// fillFromContext gives figures what their clause left unsaid: an
// anaphoric figure ("put the number at 62") counts the article's topic;
// a figure with no nationality takes the one the article, else the story,
// gives the same noun.
func (r *reconciler) fillFromContext(pending []*estimate) {
	type topic struct {
		class, noun, nation, nationAs string
	}
	topics := map[int64]map[topic]int{}   // document -> explicit counted things
	nations := map[int64]map[string]int{} // document -> class+nation counts
	nationAs := map[string]string{}       // class+nation -> as written
	for _, e := range r.est {
		if e.class == "" {
			continue
		}
		if topics[e.claim.DocumentID] == nil {
			topics[e.claim.DocumentID] = map[topic]int{}
			nations[e.claim.DocumentID] = map[string]int{}
		}
		if e.unit == "" && !e.anaphoric {
			topics[e.claim.DocumentID][topic{e.class, e.noun, e.nation, e.nationAs}]++
		}
		if e.nation != "" {
			k := e.class + "\x00" + e.nation
			nations[e.claim.DocumentID][k]++
			nationAs[k] = e.nationAs
		}
	}
	best := func(counts map[string]int, class string) string {
		bestK, bestN := "", 0
		for k, n := range counts {
			if !strings.HasPrefix(k, class+"\x00") {
				continue
			}
			if n > bestN || n == bestN && k < bestK {
				bestK, bestN = k, n
			}
		}
		return bestK
	}
	for _, e := range pending {
		doc := e.claim.DocumentID
		if e.class == "" {
			var bt topic
			bn := 0
			for t, n := range topics[doc] {
				if n > bn || n == bn && t.class+t.noun+t.nation < bt.class+bt.noun+bt.nation {
					bt, bn = t, n
				}
			}
			if bn == 0 {
				continue
			}
			e.class, e.noun = bt.class, bt.noun
			if e.nation == "" {
				e.nation, e.nationAs = bt.nation, bt.nationAs
			}
		}
		if e.nation != "" {
			continue
		}
		k := best(nations[doc], e.class)
		if k == "" {
			// The story: documents sharing a source with this one.
			counts := map[string]int{}
			for _, d := range r.neighbours(doc) {
				for kk, n := range nations[d] {
					counts[kk] += n
				}
			}
			k = best(counts, e.class)
		}
		if k != "" {
			e.nation = strings.TrimPrefix(k, e.class+"\x00")
			e.nationAs = nationAs[k]
		}
	}
}

// neighbours lists the documents that name a source (other than an
// anonymous one) this document names, in order.
func (r *reconciler) neighbours(doc int64) []int64 {
	if n, ok := r.neighbourCache[doc]; ok {
		return n
	}
	seen := map[int64]bool{doc: true}
	var out []int64
	for _, i := range r.g.byDoc[doc] {
		gr := r.g.groups[r.g.groupOf[i]]
		if gr.class == classAnon || len(gr.docs) > 500 {
			continue // an anonymous "officials", or a source in every article, makes no story
		}
		for d := range gr.docs {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	slices.Sort(out)
	r.neighbourCache[doc] = out
	return out
}

// group sorts the figures into measures.
func (r *reconciler) group() {
	type dims struct{ base, nation, place string }
	keyOf := func(e *estimate) dims {
		base := strings.Join([]string{e.class, e.event, e.outlook, fmt.Sprint(e.increment), e.rate, e.unit}, "|")
		place := ""
		if e.hasPlace {
			place = e.place.Name + "/" + e.place.Country
		}
		return dims{base, e.nation, place}
	}
	// A figure that leaves the nationality or the place unsaid joins the
	// one measure of its kind that says it, when there is only one.
	byBase := map[string]map[string]bool{}
	nationAs := map[string]string{} // base|nation -> as first written
	for _, e := range r.est {
		k := keyOf(e)
		if byBase[k.base] == nil {
			byBase[k.base] = map[string]bool{}
		}
		if k.nation != "" {
			byBase[k.base][k.nation] = true
			if _, ok := nationAs[k.base+"|"+k.nation]; !ok && e.nationAs != "" {
				nationAs[k.base+"|"+k.nation] = e.nationAs
			}
		}
	}
	for _, e := range r.est {
		k := keyOf(e)
		if k.nation == "" && len(byBase[k.base]) == 1 {
			for n := range byBase[k.base] {
				e.nation = n
			}
			e.nationAs = nationAs[k.base+"|"+e.nation]
		}
	}
	byNation := map[string]map[string]bool{}
	placeOf := map[string]*estimate{} // place key -> a figure naming it
	for _, e := range r.est {
		k := keyOf(e)
		bn := k.base + "|" + k.nation
		if byNation[bn] == nil {
			byNation[bn] = map[string]bool{}
		}
		if k.place != "" {
			byNation[bn][k.place] = true
			if placeOf[k.place] == nil {
				placeOf[k.place] = e
			}
		}
	}
	index := map[string]*measure{}
	var floating []*estimate
	for _, e := range r.est {
		if e.floats() {
			floating = append(floating, e)
			continue
		}
		k := keyOf(e)
		bn := k.base + "|" + k.nation
		place := k.place
		if place == "" && len(byNation[bn]) == 1 {
			for p := range byNation[bn] {
				place = p
			}
			e.place, e.hasPlace = placeOf[place].place, true
		}
		key := bn + "|" + place
		m, ok := index[key]
		if !ok {
			m = &measure{key: key, base: bn}
			index[key] = m
			r.measures = append(r.measures, m)
		}
		m.est = append(m.est, e)
	}
	r.anchor(floating, index)
}

// floats reports whether a figure has no event of its own to be grouped
// by: rhetoric ("There's a million of them here") says how many are in
// view, and is set against what the article counts.
func (e *estimate) floats() bool {
	return e.q != nil && e.q.Rhetorical
}

// anchor puts each floating figure in the measure its article counts most
// of the same thing, else in a measure of its own.
func (r *reconciler) anchor(floating []*estimate, index map[string]*measure) {
	// How many figures each measure has in each document.
	inDoc := map[int64]map[*measure]int{}
	for _, m := range r.measures {
		for _, o := range m.est {
			d := o.claim.DocumentID
			if inDoc[d] == nil {
				inDoc[d] = map[*measure]int{}
			}
			inDoc[d][m]++
		}
	}
	for _, e := range floating {
		var best *measure
		bestN := 0
		for m, n := range inDoc[e.claim.DocumentID] {
			if m.est[0].class != e.class || (e.nation != "" && m.est[0].nation != "" && m.est[0].nation != e.nation) {
				continue
			}
			if n > bestN || n == bestN && best != nil && m.key < best.key {
				best, bestN = m, n
			}
		}
		if best == nil {
			key := strings.Join([]string{e.class, e.event, e.outlook, fmt.Sprint(e.increment), e.rate, e.unit}, "|") +
				"|" + e.nation + "|"
			best = index[key]
			if best == nil {
				best = &measure{key: key}
				index[key] = best
				r.measures = append(r.measures, best)
			}
		}
		best.est = append(best.est, e)
	}
}

// surface picks the most common of the ways a measure's figures write
// something, ties to the first.
func surface(es []*estimate, get func(*estimate) string) string {
	counts := map[string]int{}
	best := ""
	for _, e := range es {
		s := get(e)
		if s == "" {
			continue
		}
		counts[s]++
		if best == "" || counts[s] > counts[best] {
			best = s
		}
	}
	return best
}

// name says what a measure counts ("North Korean troops expected to be
// deployed", "Sethran vessels", "Morvenian volunteers sent, a week").
func (m *measure) describe() {
	e := m.est[0]
	var b strings.Builder
	if m.est[0].increment {
		b.WriteString("more ")
	}
	if as := surface(m.est, func(e *estimate) string { return e.nationAs }); as != "" {
		b.WriteString(as + " ")
	}
	noun := surface(m.est, func(e *estimate) string {
		if e.anaphoric {
			return ""
		}
		return e.noun
	})
	if noun == "" {
		noun = e.class
	}
	if e.unit != "" && !strings.Contains(strings.ToLower(noun), strings.ToLower(e.unit)) && e.unit != noun {
		noun += " (" + e.unit + ")"
	}
	b.WriteString(noun)
	expected := e.outlook == "expected"
	switch e.event {
	case eventPresent:
		if expected {
			b.WriteString(" expected in total")
		}
	case eventSent:
		if expected {
			b.WriteString(" to be sent")
		} else {
			b.WriteString(" sent")
		}
	default:
		if expected {
			b.WriteString(" expected to be " + e.event)
		} else {
			b.WriteString(" " + e.event)
		}
	}
	if e.hasPlace {
		if e.event == eventSent {
			b.WriteString(" to " + e.place.Name)
		} else {
			b.WriteString(" in " + e.place.Name)
		}
	}
	if e.rate != "" {
		b.WriteString(" a " + e.rate)
	}
	m.name = b.String()
}

// settle sorts a measure's figures, sets aside what a reader would, and
// finds the latest figure of each source, the range, and the relations.
func (r *reconciler) settle(m *measure) {
	slices.SortStableFunc(m.est, compareEstimates)
	r.outliers(m)
	r.repeats(m)
	// The latest kept figure of each voice.
	latest := map[int]*estimate{}
	var voices []int
	for _, e := range m.est {
		if e.excluded || e.denial {
			continue
		}
		v := e.voiceKey()
		if _, ok := latest[v]; !ok {
			voices = append(voices, v)
		}
		// Sorted by the day said: the last is the latest, unless it tells
		// of an earlier day than one said before it.
		if l := latest[v]; l == nil || !e.asOf.Before(l.asOf) {
			latest[v] = e
		}
	}
	for _, v := range voices {
		e := latest[v]
		e.latest = true
		lo, hi := e.lo, e.hi
		if e.bound != "" {
			lo, hi = e.mid, e.mid // the range shows the figure said
		}
		if m.low == nil || lo < *m.low {
			m.low = ptr(lo)
		}
		if m.high == nil || hi > *m.high {
			m.high = ptr(hi)
		}
	}
	m.sources = len(voices)
	m.describe()
}

func ptr(f float64) *float64 { return &f }

// voiceKey is who a figure counts for when counting independent sources;
// a figure with no known source counts for its claim alone.
func (e *estimate) voiceKey() int {
	if e.voice >= 0 {
		return e.voice
	}
	return -1 - int(e.claim.ID)
}

// compareEstimates orders figures by the day said, the day described, the
// document and the place in the text.
func compareEstimates(a, b *estimate) int {
	return cmp.Or(a.saidOn.Compare(b.saidOn), a.asOf.Compare(b.asOf), docDay(a).Compare(docDay(b)),
		cmp.Compare(a.claim.DocumentID, b.claim.DocumentID), cmp.Compare(a.claim.Ord, b.claim.Ord),
		cmp.Compare(qStart(a), qStart(b)), cmp.Compare(a.order, b.order))
}

func docDay(e *estimate) time.Time {
	if e.doc == nil {
		return time.Time{}
	}
	return e.doc.Published
}

func qStart(e *estimate) int {
	if e.q == nil {
		return -1
	}
	return e.q.Start
}

// outliers sets aside a figure far from the others (outlierRatio times
// their median or more, or that much less) that comes from an anonymous
// or lay source.
func (r *reconciler) outliers(m *measure) {
	// The figures counted, sorted, and each voice's own among them: the
	// median of the others' is the median of all without the voice's.
	var all []float64
	own := map[int][]float64{}
	for _, o := range m.est {
		if !o.excluded && !o.denial && o.mid > 0 {
			all = append(all, o.mid)
			own[o.voiceKey()] = append(own[o.voiceKey()], o.mid)
		}
	}
	slices.Sort(all)
	medians := map[int]float64{}
	for _, e := range m.est {
		if e.excluded || e.denial || e.mid <= 0 || !r.weak(e) {
			continue
		}
		v := e.voiceKey()
		others := len(all) - len(own[v])
		if others == 0 {
			continue
		}
		med, ok := medians[v]
		if !ok {
			med = medianWithout(all, own[v])
			medians[v] = med
		}
		ratio := e.mid / med
		if ratio < 1 {
			ratio = 1 / ratio
		}
		if ratio >= outlierRatio {
			who := "an anonymous source"
			if e.entity >= 0 && r.g.groups[e.entity].class != classAnon {
				who = r.g.groups[e.entity].name + ", who speaks from no office or expertise given"
			}
			e.excluded = true
			e.why = fmt.Sprintf("outlier: %s is %.1f times the median of the other %d figures (%s), from %s",
				figureText(e), ratio, others, formatNumber(med), who)
		}
	}
}

// repeats notes a figure that repeats one its source gave before ("Earlier
// this month, her agency put the number at 62"): a reader counts it once.
func (r *reconciler) repeats(m *measure) {
	type figureOf struct {
		voice  int
		lo, hi float64
	}
	last := map[figureOf]*estimate{} // the same figure of the same source, said last
	resort := false
	for _, e := range m.est {
		if e.denial {
			continue
		}
		k := figureOf{e.voiceKey(), e.lo, e.hi}
		o := last[k]
		last[k] = e
		if o == nil || e.excluded || e.why != "" || o.claim.DocumentID == e.claim.DocumentID {
			continue
		}
		// A figure with no day of its own ("earlier this month", "last
		// week") that its source gave before is that earlier figure, as of
		// its day; one given with a day is a repeat only within a fortnight.
		switch {
		case e.vagueAsOf && o.saidOn.Before(e.saidOn) && !o.asOf.After(e.asOf):
			e.asOf = o.asOf
			resort = true
		case !near(o.saidOn, e.saidOn, sameTime):
			continue
		}
		title := "another article"
		if o.doc != nil && o.doc.Title != "" {
			title = "“" + o.doc.Title + "”"
		}
		e.why = fmt.Sprintf("repeats the figure reported on %s in %s", dayText(o.saidOn), title)
	}
	if resort {
		slices.SortStableFunc(m.est, compareEstimates)
	}
}

// weak reports whether a figure's source is anonymous or lay.
func (r *reconciler) weak(e *estimate) bool {
	if e.voice < 0 {
		return true
	}
	return r.g.groups[e.voice].weak
}

// medianWithout returns the median of sorted without one occurrence of each
// value of drop (which sorted holds).
func medianWithout(sorted, drop []float64) float64 {
	left := map[float64]int{}
	for _, d := range drop {
		left[d]++
	}
	rest := make([]float64, 0, len(sorted)-len(drop))
	for _, v := range sorted {
		if left[v] > 0 {
			left[v]--
			continue
		}
		rest = append(rest, v)
	}
	n := len(rest)
	if n%2 == 1 {
		return rest[n/2]
	}
	return (rest[n/2-1] + rest[n/2]) / 2
}

// figureText writes a figure as the text did, else as a number.
func figureText(e *estimate) string {
	if e.text != "" {
		return "“" + e.text + "”"
	}
	return formatNumber(e.mid)
}

// formatNumber writes a number with thousands separators.
func formatNumber(f float64) string {
	if f != math.Trunc(f) || math.Abs(f) >= 1e15 {
		return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
	}
	s := fmt.Sprintf("%d", int64(math.Abs(f)))
	var b strings.Builder
	if f < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// overlap reports whether two figures agree, allowing for rounding.
func overlap(a, b *estimate) bool {
	alo, ahi := a.lo*(1-tolerance), a.hi*(1+tolerance)
	blo, bhi := b.lo*(1-tolerance), b.hi*(1+tolerance)
	return alo <= bhi && blo <= ahi
}

func near(a, b time.Time, within time.Duration) bool {
	if a.IsZero() || b.IsZero() {
		return true
	}
	d := a.Sub(b)
	return d <= within && -d <= within
}

// relate finds agreements and contradictions: for each two sources, their
// figures nearest in time (a fortnight apart at most) agree when they
// overlap and contradict when they do not; a denial contradicts each
// source's figures of the weeks around it.
func (r *reconciler) relate(m *measure) {
	byVoice := map[int][]int{} // voice -> estimate indexes, in time order
	var voices []int
	for i, e := range m.est {
		if e.denial || (e.excluded && !strings.HasPrefix(e.why, "outlier")) {
			continue
		}
		v := e.voiceKey()
		if _, ok := byVoice[v]; !ok {
			voices = append(voices, v)
		}
		byVoice[v] = append(byVoice[v], i)
	}
	if len(voices) > maxVoices {
		// The most recent voices.
		slices.SortStableFunc(voices, func(a, b int) int {
			la, lb := byVoice[a][len(byVoice[a])-1], byVoice[b][len(byVoice[b])-1]
			return cmp.Compare(lb, la)
		})
		voices = voices[:maxVoices]
		slices.SortStableFunc(voices, func(a, b int) int { return cmp.Compare(byVoice[a][0], byVoice[b][0]) })
	}
	// Each voice's figures by the day they describe, for a merge walk.
	for _, v := range voices {
		list := byVoice[v]
		slices.SortStableFunc(list, func(a, b int) int { return m.est[a].asOf.Compare(m.est[b].asOf) })
	}
	for x := 0; x < len(voices); x++ {
		for y := x + 1; y < len(voices); y++ {
			bi, bj, best := -1, -1, time.Duration(math.MaxInt64)
			xs, ys := byVoice[voices[x]], byVoice[voices[y]]
			for a, b := 0, 0; a < len(xs) && b < len(ys); {
				i, j := xs[a], ys[b]
				d := m.est[i].asOf.Sub(m.est[j].asOf)
				ad := d
				if ad < 0 {
					ad = -ad
				}
				// The later of equally near pairs: the most recent say.
				if ad <= best {
					bi, bj, best = i, j, ad
				}
				if d < 0 {
					a++
				} else {
					b++
				}
			}
			if bi < 0 || best > sameTime {
				continue
			}
			a, b := m.est[bi], m.est[bj]
			if a.excluded && b.excluded {
				continue // two figures set aside say nothing of each other
			}
			if overlap(a, b) {
				if a.excluded || b.excluded {
					continue
				}
				m.rel = append(m.rel, store.RelationRecord{Kind: store.RelationAgreement, A: bi, B: bj,
					What: fmt.Sprintf("%s (%s, %s) agrees with %s (%s, %s)", figureText(a), r.who(a), dayText(a.asOf),
						figureText(b), r.who(b), dayText(b.asOf))})
			} else {
				m.rel = append(m.rel, store.RelationRecord{Kind: store.RelationContradiction, A: bi, B: bj,
					What: fmt.Sprintf("%s (%s, %s) against %s (%s, %s)", figureText(a), r.who(a), dayText(a.asOf),
						figureText(b), r.who(b), dayText(b.asOf))})
			}
		}
	}
	// A denial answers the figures of its own article; an article that
	// gives none, the figure nearest in time.
	for i, d := range m.est {
		if !d.denial {
			continue
		}
		var answered []int
		for j, a := range m.est {
			if !a.denial && !a.excluded && a.claim.DocumentID == d.claim.DocumentID && a.voiceKey() != d.voiceKey() {
				answered = append(answered, j)
			}
		}
		if len(answered) == 0 {
			bj, best := -1, time.Duration(math.MaxInt64)
			for j, a := range m.est {
				if a.denial || a.excluded || a.voiceKey() == d.voiceKey() {
					continue
				}
				dd := a.saidOn.Sub(d.saidOn)
				if dd < 0 {
					dd = -dd
				}
				if dd < best {
					bj, best = j, dd
				}
			}
			if bj >= 0 && best <= denialWindow {
				answered = append(answered, bj)
			}
		}
		for _, j := range answered {
			a := m.est[j]
			m.rel = append(m.rel, store.RelationRecord{Kind: store.RelationContradiction, A: i, B: j,
				What: fmt.Sprintf("%s denies (“%s”, %s) what %s reports: %s (%s)", r.who(d), shorten(d.claim.Content, 80),
					dayText(d.saidOn), r.who(a), figureText(a), dayText(a.asOf))})
		}
	}
}

// who names a figure's source.
func (r *reconciler) who(e *estimate) string {
	if e.entity >= 0 {
		return r.g.groups[e.entity].name
	}
	if e.claim.SpeakerName != "" {
		return e.claim.SpeakerName
	}
	return "an unnamed source"
}

func dayText(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.Format("2 January 2006")
}

// shorten cuts s to about n characters at a word.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := string(rs[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
