package reconcile

import (
	"cmp"
	"slices"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// Sources across documents. The extractor resolves the mentions of a
// source within one article; across articles the same organisation comes
// back under its full name, its acronym, a short form ("the agency", "the
// maritime agency", "Kestrian intelligence") or a possessive variant
// ("Corvana's maritime surveillance agency"), and a person under a surname
// or a misspelling. Grouping proceeds from the surest links to the
// weakest, and the user's rules (merges and splits) bound every step: two
// sources the user put under different entities are never joined.

// Classes of source for grouping.
const (
	classPerson = "person"
	classOrg    = "org"
	classAnon   = "anon"
	classOther  = "other" // documents, publishers
)

// src is one document-level source, read for grouping.
type src struct {
	s       *store.ReconcileSource
	ws      []word   // the name's words, titles dropped for a person
	stems   []string // content stems
	bag     string
	class   string
	generic bool // an organisation named by common nouns only: "the agency"
	orgy    bool // the name holds an organisation word: "Kestrian intelligence"
	acronym string
	init    [2]string // initials without and with stop words
}

// unionFind groups sources; a root remembers the entity the user pinned any
// of its sources to, so that a union across two pins is refused.
type unionFind struct {
	parent []int
	pin    []int64
}

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n), pin: make([]int64, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// union joins the groups of a and b unless the user's rules keep them
// apart; the lower index stays the root, so that the result does not
// depend on the order of unions.
func (u *unionFind) union(a, b int) bool {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return true
	}
	if u.pin[ra] != 0 && u.pin[rb] != 0 && u.pin[ra] != u.pin[rb] {
		return false
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	if u.pin[ra] == 0 {
		u.pin[ra] = u.pin[rb]
	}
	return true
}

// group is one source across documents, as the reconciler builds it.
type group struct {
	members []int // indexes into grouper.srcs
	name    string
	kind    string
	class   string
	entity  int64 // the stored entity kept, 0 for a new one
	// affiliation is the group index of the organisation it belongs to or
	// speaks for, -1 for none.
	affiliation     int
	affiliationName string
	affiliationRole string
	affiliationConf int
	voice           int  // the group its figures count for
	weak            bool // anonymous, or a person with no office or expertise said
	// nations are the stems of the nationalities its names and roles give
	// ("valdor" for "Valdoria's defence minister").
	nations map[string]bool
	docs    map[int64]bool
}

// grouper groups sources into entities.
type grouper struct {
	in      *store.ReconcileInput
	srcs    []src
	u       *unionFind
	byDoc   map[int64][]int // sources of each document
	groups  []*group
	groupOf []int // source index -> group index
	// nations is the vocabulary of nationality stems seen in the input.
	nations map[string]bool
	// docsOf holds the documents of each union-find root, kept up to date
	// by join.
	docsOf map[int]map[int64]bool
	orgs   orgIndex
	// snap is the grouping as a pass began: which groups are named
	// together, for choosing by context. A pass's own unions do not
	// change it: context is the story around a name, not the pass's
	// order.
	snap snapshot
	// together says, for the groups built, which are named in the same
	// document.
	together []map[int]bool
	cache    map[string][]word
}

// snapshot records which roots share a document, for choose.
type snapshot struct {
	root []int
	with map[int]map[int]bool
}

// takeSnapshot records the roots and which of them share a document
// (anonymous sources left out: "officials" are in every story).
func (g *grouper) takeSnapshot() {
	g.snap.root = make([]int, len(g.srcs))
	for i := range g.srcs {
		g.snap.root[i] = g.u.find(i)
	}
	g.snap.with = map[int]map[int]bool{}
	for _, list := range g.byDoc {
		for _, a := range list {
			if g.srcs[a].class == classAnon {
				continue
			}
			ra := g.snap.root[a]
			for _, b := range list {
				rb := g.snap.root[b]
				if rb == ra || g.srcs[b].class == classAnon {
					continue
				}
				if g.snap.with[ra] == nil {
					g.snap.with[ra] = map[int]bool{}
				}
				g.snap.with[ra][rb] = true
			}
		}
	}
}

// orgIndex finds organisations' groups by acronym, by the stems of their
// names, and by any one stem (for short forms).
type orgIndex struct {
	byAcronym map[string][]int // group indexes
	byBag     map[string][]int
	byStem    map[string][]int // source indexes
}

func classOf(kind string) string {
	switch kind {
	case extract.KindPerson:
		return classPerson
	case extract.KindOrganisation:
		return classOrg
	case extract.KindAnonymous:
		return classAnon
	}
	return classOther
}

func newGrouper(in *store.ReconcileInput, nations map[string]bool) *grouper {
	g := &grouper{in: in, byDoc: map[int64][]int{}, nations: nations}
	g.srcs = make([]src, len(in.Sources))
	for i := range in.Sources {
		s := &in.Sources[i]
		ws := g.wordsOf(s.Name)
		cl := classOf(s.Kind)
		if cl == classPerson {
			var kept []word
			for _, w := range ws {
				if !titles[strings.TrimSuffix(w.lower, ".")] {
					kept = append(kept, w)
				}
			}
			if len(kept) > 0 {
				ws = kept
			}
		}
		x := src{s: s, ws: ws, class: cl}
		x.stems = contentStems(ws)
		x.bag = bagKey(x.stems)
		x.acronym = acronymOf(ws)
		if s.Acronym != "" && x.acronym == "" {
			x.init[0] = strings.ToLower(s.Acronym)
		}
		if len(x.stems) >= 2 && x.acronym == "" {
			a, b := initials(ws)
			if x.init[0] == "" {
				x.init[0] = a
			}
			x.init[1] = b
		}
		if cl == classOrg {
			x.generic = true
			for _, w := range ws {
				if stopWords[w.lower] {
					continue
				}
				if orgWords[w.lower] {
					x.orgy = true
				} else {
					x.generic = false
				}
			}
			if x.acronym != "" || len(x.stems) == 0 {
				x.generic = false
			}
		}
		g.srcs[i] = x
		g.byDoc[s.DocumentID] = append(g.byDoc[s.DocumentID], i)
	}
	g.u = newUnionFind(len(g.srcs))
	g.docsOf = make(map[int]map[int64]bool, len(g.srcs))
	for i, x := range g.srcs {
		g.docsOf[i] = map[int64]bool{x.s.DocumentID: true}
	}
	return g
}

// join unions the groups of a and b (see unionFind.union) and keeps docsOf
// in step.
func (g *grouper) join(a, b int) bool {
	ra, rb := g.u.find(a), g.u.find(b)
	if !g.u.union(a, b) {
		return false
	}
	if ra == rb {
		return true
	}
	r := g.u.find(a)
	o := ra
	if r == ra {
		o = rb
	}
	for d := range g.docsOf[o] {
		g.docsOf[r][d] = true
	}
	delete(g.docsOf, o)
	return true
}

// run groups the sources and fills g.groups.
func (g *grouper) run() {
	g.pins()
	g.exactNames()
	g.countries()
	g.takeSnapshot()
	g.acronyms()
	g.takeSnapshot()
	g.people()
	g.takeSnapshot()
	g.shortForms()
	g.build()
	g.affiliations()
	if g.headsByRole() {
		g.build()
		g.affiliations()
	}
	g.finish()
}

// pins joins the sources the user's rules put under one entity.
func (g *grouper) pins() {
	first := map[int64]int{}
	for i, x := range g.srcs {
		if !x.s.Pinned || x.s.EntityID == 0 {
			continue
		}
		g.u.pin[i] = x.s.EntityID
	}
	for i, x := range g.srcs {
		if !x.s.Pinned || x.s.EntityID == 0 {
			continue
		}
		if j, ok := first[x.s.EntityID]; ok {
			g.join(j, i)
		} else {
			first[x.s.EntityID] = i
		}
	}
}

// exactNames joins sources of the same name and class, as ingesting does,
// except organisations named by common nouns only: "the agency" of one
// article need not be another's.
func (g *grouper) exactNames() {
	first := map[string]int{}
	for i, x := range g.srcs {
		if x.generic || x.bag == "" {
			continue
		}
		key := x.class + "\x00" + strings.Join(lowers(x.ws), " ")
		if x.class == classOrg {
			// "Valdoria's defence ministry" and "the Valdorian defence
			// ministry": the same words, stemmed.
			key = x.class + "\x00" + x.bag
		}
		if j, ok := first[key]; ok {
			g.join(j, i)
		} else {
			first[key] = i
		}
	}
}

func lowers(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.lower
	}
	return out
}

// countries joins a one-word name used for a person in one article and
// an organisation in another ("Sethra denied", "Sethra says"): a country
// or a capital standing for its government, which extractors type either
// way.
func (g *grouper) countries() {
	orgs := map[string]int{}
	for i, x := range g.srcs {
		if x.class == classOrg && len(x.ws) == 1 && x.ws[0].cap && x.acronym == "" && !x.generic {
			if _, ok := orgs[x.ws[0].lower]; !ok {
				orgs[x.ws[0].lower] = i
			}
		}
	}
	for i, x := range g.srcs {
		if x.class == classPerson && len(x.ws) == 1 && len(g.wordsOf(x.s.Name)) == 1 {
			if j, ok := orgs[x.ws[0].lower]; ok {
				g.join(j, i)
			}
		}
	}
}

// acronyms joins an acronym ("CMSA") with the full name whose initials it
// is, or whose own acronym the text gave.
func (g *grouper) acronyms() {
	full := map[string][]int{}
	for i, x := range g.srcs {
		if x.class != classOrg || x.acronym != "" {
			continue
		}
		for _, a := range x.init {
			if len(a) >= 2 {
				full[a] = append(full[a], i)
			}
		}
	}
	for i, x := range g.srcs {
		if x.acronym == "" || (x.class != classOrg && x.class != classOther) {
			continue
		}
		if j := g.choose(i, full[x.acronym]); j >= 0 {
			g.join(j, i)
		}
	}
}

// people joins a surname ("Brenn") with the one full name it ends, and a
// misspelt surname with the name it is a letter or two from ("Kyrylo
// Budonav", "Kyrylo Budanov") when the first names agree.
func (g *grouper) people() {
	bySurname := map[string][]int{}
	byFirst := map[string][]int{}
	for i, x := range g.srcs {
		if x.class != classPerson || len(x.ws) < 2 {
			continue
		}
		last := x.ws[len(x.ws)-1].lower
		bySurname[last] = append(bySurname[last], i)
		byFirst[x.ws[0].lower] = append(byFirst[x.ws[0].lower], i)
	}
	for i, x := range g.srcs {
		if x.class != classPerson || len(x.ws) != 1 {
			continue
		}
		if j := g.choose(i, bySurname[x.ws[0].lower]); j >= 0 {
			g.join(j, i)
		}
	}
	for _, list := range byFirst {
		for a := 0; a < len(list); a++ {
			for b := a + 1; b < len(list); b++ {
				x, y := g.srcs[list[a]], g.srcs[list[b]]
				if len(x.ws) != len(y.ws) || g.u.find(list[a]) == g.u.find(list[b]) {
					continue
				}
				lx, ly := x.ws[len(x.ws)-1].lower, y.ws[len(y.ws)-1].lower
				if len([]rune(lx)) >= 5 && editDistance(lx, ly, 2) <= 2 && len(bySurname[lx]) > 0 && len(bySurname[ly]) > 0 {
					g.join(list[a], list[b])
				}
			}
			if a > 200 {
				break // a first name shared by hundreds is no evidence
			}
		}
	}
}

// shortForms joins an organisation's short form ("the agency", "the
// maritime agency", "Kestrian intelligence", "the border monitoring
// mission") with the one organisation whose name holds all its words,
// choosing by context when several do.
func (g *grouper) shortForms() {
	// Full names by stem, and by their words: one source of each name
	// stands for the rest, which exactNames joined to it.
	byStem := map[string][]int{}
	seen := map[string]bool{}
	for i, x := range g.srcs {
		if x.class == classOrg && !x.generic && x.acronym == "" && !seen[x.bag] {
			seen[x.bag] = true
			for _, st := range x.stems {
				byStem[st] = append(byStem[st], i)
			}
		}
	}
	candsOf := map[string][]int{}
	for i, x := range g.srcs {
		if x.class != classOrg || !x.orgy || x.acronym != "" || len(x.stems) == 0 {
			continue
		}
		cands, ok := candsOf[x.bag]
		if !ok {
			for _, j := range byStem[x.stems[0]] {
				y := g.srcs[j]
				if len(y.stems) > len(x.stems) && containsAll(y.stems, x.stems) {
					cands = append(cands, j)
				}
			}
			candsOf[x.bag] = cands
		}
		if j := g.choose(i, cands); j >= 0 {
			g.join(j, i)
		}
	}
}

func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// choose picks, among candidate sources, the group a source belongs to:
// the only one; else the only one named in the same document; else the
// one that shares the most other sources with the source's document (the
// same story). It returns a member of that group, or -1 when the choice is
// not clear.
func (g *grouper) choose(i int, cands []int) int {
	self := g.u.find(i)
	roots := map[int]int{} // root -> a member
	var order []int
	for _, j := range cands {
		r := g.u.find(j)
		if r == self {
			return -1 // already together
		}
		if _, ok := roots[r]; !ok {
			roots[r] = j
			order = append(order, r)
		}
	}
	// A name made of common nouns ("the agency") names an organisation
	// of its own story: one named elsewhere only counts when the stories
	// meet.
	generic := g.srcs[i].generic
	switch {
	case len(order) == 0:
		return -1
	case len(order) == 1 && !generic:
		return roots[order[0]]
	}
	doc := g.srcs[i].s.DocumentID
	var same []int
	for _, r := range order {
		for _, k := range g.byDoc[doc] {
			if g.u.find(k) == r {
				same = append(same, r)
				break
			}
		}
	}
	if len(same) == 1 {
		return roots[same[0]]
	}
	// The story: the other groups named in this document, as the pass
	// began.
	here := map[int]bool{}
	selfSnap := g.snap.root[i]
	for _, k := range g.byDoc[doc] {
		if r := g.snap.root[k]; r != selfSnap && g.srcs[k].class != classAnon {
			here[r] = true
		}
	}
	best, bestScore, tie := -1, 0, false
	for _, r := range order {
		score := 0
		with := g.snap.with[g.snap.root[r]]
		for h := range here {
			if with[h] {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = r, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if best < 0 || tie {
		return -1
	}
	return roots[best]
}

// build makes the groups from the union-find, in the order of their first
// source.
func (g *grouper) build() {
	index := map[int]int{}
	g.groups = nil
	g.groupOf = make([]int, len(g.srcs))
	for i := range g.srcs {
		r := g.u.find(i)
		gi, ok := index[r]
		if !ok {
			gi = len(g.groups)
			index[r] = gi
			g.groups = append(g.groups, &group{affiliation: -1, docs: map[int64]bool{}})
		}
		gr := g.groups[gi]
		gr.members = append(gr.members, i)
		gr.docs[g.srcs[i].s.DocumentID] = true
		g.groupOf[i] = gi
	}
	for _, gr := range g.groups {
		g.describe(gr)
	}
	g.together = make([]map[int]bool, len(g.groups))
	for _, list := range g.byDoc {
		for _, a := range list {
			ga := g.groupOf[a]
			for _, b := range list {
				if gb := g.groupOf[b]; gb != ga && g.srcs[b].class != classAnon {
					if g.together[ga] == nil {
						g.together[ga] = map[int]bool{}
					}
					g.together[ga][gb] = true
				}
			}
		}
	}
}

// describe names a group and gives it its kind.
func (g *grouper) describe(gr *group) {
	kinds := map[string]int{}
	classes := map[string]int{}
	for _, m := range gr.members {
		kinds[g.srcs[m].s.Kind]++
		classes[g.srcs[m].class]++
	}
	switch {
	case classes[classOrg] > 0:
		gr.class, gr.kind = classOrg, extract.KindOrganisation
	case classes[classPerson] > 0:
		gr.class, gr.kind = classPerson, extract.KindPerson
	default:
		best := ""
		for k, n := range kinds {
			if best == "" || n > kinds[best] || (n == kinds[best] && k < best) {
				best = k
			}
		}
		gr.kind, gr.class = best, classOf(best)
	}
	// The name: a full name of the group's class, written as a proper
	// name, the most used; an acronym or a short form only when nothing
	// else names it.
	type cand struct {
		name                      string
		full, caps, count, nwords int
		first                     int
	}
	cands := map[string]*cand{}
	var list []*cand
	for _, m := range gr.members {
		x := g.srcs[m]
		key := strings.Join(lowers(x.ws), " ")
		c, ok := cands[key]
		if !ok {
			c = &cand{name: x.s.Name, first: m, nwords: len(x.ws)}
			if x.class == gr.class && !x.generic && x.acronym == "" {
				c.full = 1
			}
			if x.class == classPerson && len(x.ws) < 2 {
				c.full = 0
			}
			for _, w := range x.ws {
				if w.cap {
					c.caps++
				}
			}
			cands[key] = c
			list = append(list, c)
		}
		c.count++
	}
	best := slices.MaxFunc(list, func(a, b *cand) int {
		return cmp.Or(cmp.Compare(a.full, b.full), cmp.Compare(a.caps, b.caps), cmp.Compare(a.count, b.count),
			cmp.Compare(a.nwords, b.nwords), cmp.Compare(b.first, a.first))
	})
	gr.name = best.name
	if gr.class == classPerson {
		// A person's name without the title the text gave it.
		ws := g.srcs[best.first].ws
		var parts []string
		for _, w := range ws {
			parts = append(parts, w.text)
		}
		if n := strings.Join(parts, " "); n != "" && len(ws) >= 2 {
			gr.name = n
		}
	}
}

// Confidence of an affiliation read from a role: a name beats a common
// noun ("the agency"), which beats a pronoun ("its").
const (
	confPronoun = 1
	confNoun    = 2
	confName    = 3
)

// indexOrgs indexes the organisations' groups for resolveOrg.
func (g *grouper) indexOrgs() {
	g.orgs = orgIndex{byAcronym: map[string][]int{}, byBag: map[string][]int{}, byStem: map[string][]int{}}
	add := func(m map[string][]int, k string, v int) {
		if k == "" {
			return
		}
		if l := m[k]; len(l) > 0 && l[len(l)-1] == v {
			return
		}
		m[k] = append(m[k], v)
	}
	for i, x := range g.srcs {
		if x.class != classOrg {
			continue
		}
		gi := g.groupOf[i]
		add(g.orgs.byAcronym, x.acronym, gi)
		add(g.orgs.byAcronym, x.init[0], gi)
		add(g.orgs.byAcronym, x.init[1], gi)
		if x.acronym == "" {
			add(g.orgs.byBag, x.bag, gi)
			for _, st := range x.stems {
				add(g.orgs.byStem, st, i)
			}
		}
	}
}

// affiliations reads, from the roles of each group's sources, the
// organisation it belongs to or speaks for.
func (g *grouper) affiliations() {
	g.indexOrgs()
	for gi, gr := range g.groups {
		gr.affiliation, gr.affiliationName, gr.affiliationRole, gr.affiliationConf = -1, "", "", 0
		if gr.class == classOrg {
			continue
		}
		for _, m := range gr.members {
			x := g.srcs[m]
			for _, text := range []string{x.s.Role, anonRole(x)} {
				if text == "" {
					continue
				}
				role, phrase, conf := parseRole(g.wordsOf(text))
				if role == "" || len(phrase) == 0 {
					continue
				}
				target, name := g.resolveOrg(phrase, x.s.DocumentID, gi)
				if target < 0 && name == "" {
					continue
				}
				if target >= 0 {
					conf = max(conf, confPronoun)
				} else {
					conf = 0 // a name no article quotes: shown, but weaker than a known one
				}
				if conf > gr.affiliationConf || (conf == gr.affiliationConf && gr.affiliation < 0 && gr.affiliationName == "") {
					gr.affiliation, gr.affiliationName, gr.affiliationRole, gr.affiliationConf = target, name, role, conf
					if target >= 0 {
						gr.affiliationName = ""
					}
				}
			}
		}
	}
}

// anonRole is the name of an anonymous source when it reads as a role
// ("the agency's director", "a spokeswoman for its foreign ministry").
func anonRole(x src) string {
	if x.class == classAnon {
		return x.s.Name
	}
	return ""
}

// parseRole reads a role ("Ukraine's intelligence chief", "a spokeswoman
// for the Sethran foreign ministry", "who runs Corvana's maritime
// surveillance agency", "a researcher at the Corvanan Institute of Ocean
// Affairs") as the tie to an organisation and the words naming it.
func parseRole(ws []word) (tie string, phrase []word, conf int) {
	roleAt := -1
	for i, w := range ws {
		switch {
		case headRoles[w.lower]:
			tie = store.AffiliationHead
		case spokesRoles[w.lower]:
			tie = store.AffiliationSpokesperson
		case memberRoles[w.lower]:
			tie = store.AffiliationMember
		default:
			continue
		}
		roleAt = i
		break
	}
	if roleAt < 0 {
		return "", nil, 0
	}
	// "X's director", "X's defence minister": the possessive before it.
	for i := roleAt - 1; i >= 0; i-- {
		if ws[i].poss {
			phrase = ws[max(0, i-5) : i+1]
			// Keep from the last stop word or comma on.
			for k := len(phrase) - 2; k >= 0; k-- {
				if stopWords[phrase[k].lower] && !isPronoun(phrase[k].lower) || phrase[k].punct != "" {
					phrase = phrase[k+1:]
					break
				}
			}
			// The words between the possessive and the role are part of
			// the name ("Ukraine's intelligence chief", "Valdoria's
			// defence minister" -> the defence ministry).
			phrase = append(append([]word(nil), phrase...), ws[i+1:roleAt]...)
			return tie, phrase, nameConf(phrase)
		}
	}
	// "director of X", "a spokeswoman for X", "a researcher at X", "who
	// runs X".
	for i := roleAt + 1; i < len(ws); i++ {
		if ws[i].lower == "of" || ws[i].lower == "for" || ws[i].lower == "at" || ws[i].lower == "with" ||
			ws[i-1].lower == "runs" || ws[i-1].lower == "heads" || ws[i-1].lower == "leads" {
			start := i
			if ws[i].lower == "of" || ws[i].lower == "for" || ws[i].lower == "at" || ws[i].lower == "with" {
				start = i + 1
			}
			end := len(ws)
			for k := start; k < len(ws); k++ {
				// "the Aldercrest Institute for Security Studies in
				// Larnholt": a place after "in" is where it is.
				if ws[k].lower == "in" || ws[k].lower == "who" || ws[k].lower == "which" || ws[k].lower == "and" {
					end = k
					break
				}
				if ws[k].punct == "," {
					end = k + 1
					break
				}
			}
			phrase = ws[start:end]
			return tie, phrase, nameConf(phrase)
		}
	}
	return tie, nil, 0
}

func isPronoun(w string) bool {
	return w == "its" || w == "their" || w == "his" || w == "her" || w == "our"
}

// nameConf says how surely a phrase names an organisation.
func nameConf(phrase []word) int {
	hasCap, hasNoun := false, false
	for _, w := range phrase {
		if stopWords[w.lower] {
			continue
		}
		if w.cap {
			hasCap = true
		}
		hasNoun = true
	}
	switch {
	case hasCap:
		return confName
	case hasNoun:
		return confNoun
	}
	return confPronoun
}

// resolveOrg finds the group a phrase from a role or a citation names: an
// organisation by its name, acronym or short form, chosen by context when
// several fit ("the agency" is the agency named in the same article). It
// returns the group index, or -1 and the phrase as a name when the phrase
// names an organisation no article quotes.
func (g *grouper) resolveOrg(phrase []word, doc int64, self int) (int, string) {
	phrase = trimStop(phrase)
	if len(phrase) == 0 {
		return -1, ""
	}
	stems := contentStems(phrase)
	var pronoun bool
	for _, w := range phrase {
		if isPronoun(w.lower) {
			pronoun = true
		}
	}
	orgy, proper, generic := false, false, true
	for _, w := range phrase {
		if orgHeads[w.lower] || orgWords[w.lower] {
			orgy = true
		} else if !stopWords[w.lower] && !isPronoun(w.lower) {
			generic = false
		}
		if w.cap && !stopWords[w.lower] {
			proper = true
		}
	}
	acr := acronymOf(phrase)
	var cands []int // group indexes
	seen := map[int]bool{}
	add := func(gi int) {
		if gi != self && !seen[gi] && g.groups[gi].class == classOrg {
			seen[gi] = true
			cands = append(cands, gi)
		}
	}
	switch {
	case acr != "":
		for _, gi := range g.orgs.byAcronym[acr] {
			add(gi)
		}
	case len(stems) > 0:
		for _, gi := range g.orgs.byBag[bagKey(stems)] {
			add(gi)
		}
		if len(cands) == 0 && orgy {
			for _, i := range g.orgs.byStem[stems[0]] {
				if x := g.srcs[i]; len(x.stems) > len(stems) && containsAll(x.stems, stems) {
					add(g.groupOf[i])
				}
			}
		}
	}
	if len(cands) == 0 && pronoun && len(stems) == 0 {
		// "its": the organisations of the same article.
		for _, i := range g.byDoc[doc] {
			add(g.groupOf[i])
		}
	}
	if gi := g.pickGroup(cands, doc, generic); gi >= 0 {
		return gi, ""
	}
	if len(cands) == 0 && orgy && proper && len(stems) >= 2 {
		var parts []string
		for _, w := range phrase {
			parts = append(parts, w.text)
		}
		return -1, strings.Join(parts, " ")
	}
	return -1, ""
}

// pickGroup chooses among candidate groups: the only one, else the only one
// named in the document, else the one sharing the most sources with it. A
// phrase of common nouns ("the agency") needs the document or its story to
// name the one it picks.
func (g *grouper) pickGroup(cands []int, doc int64, generic bool) int {
	switch {
	case len(cands) == 0:
		return -1
	case len(cands) == 1 && !generic:
		return cands[0]
	}
	var same []int
	for _, gi := range cands {
		if g.groups[gi].docs[doc] {
			same = append(same, gi)
		}
	}
	if len(same) == 1 {
		return same[0]
	}
	if len(same) > 1 {
		cands = same
	}
	here := map[int]bool{}
	for _, i := range g.byDoc[doc] {
		here[g.groupOf[i]] = true
	}
	best, bestScore, tie := -1, 0, false
	for _, gi := range cands {
		score := 0
		for h := range here {
			if h != gi && g.together[gi][h] {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = gi, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

// headsByRole joins an unnamed head ("the agency's director") with the one
// named person who heads the same organisation. It reports whether it
// joined any.
func (g *grouper) headsByRole() bool {
	named := map[int][]int{} // organisation -> person groups heading it
	for gi, gr := range g.groups {
		if gr.class == classPerson && gr.affiliationRole == store.AffiliationHead && gr.affiliation >= 0 {
			named[gr.affiliation] = append(named[gr.affiliation], gi)
		}
	}
	joined := false
	for _, gr := range g.groups {
		if gr.class != classAnon || gr.affiliationRole != store.AffiliationHead || gr.affiliation < 0 {
			continue
		}
		if heads := named[gr.affiliation]; len(heads) == 1 {
			if g.join(g.groups[heads[0]].members[0], gr.members[0]) {
				joined = true
			}
		}
	}
	return joined
}

// finish decides each group's voice, weakness and nationalities, and the
// stored entity it keeps.
func (g *grouper) finish() {
	for gi, gr := range g.groups {
		gr.voice = gi
		if gr.affiliation >= 0 && (gr.affiliationRole == store.AffiliationHead || gr.affiliationRole == store.AffiliationSpokesperson) {
			gr.voice = gr.affiliation
		}
		gr.nations = map[string]bool{}
		hasRole := gr.affiliation >= 0 || gr.affiliationName != ""
		lay := false
		for _, m := range gr.members {
			x := g.srcs[m]
			if x.s.Role != "" && !layOnly(g.wordsOf(x.s.Role)) {
				hasRole = true
			}
			for _, text := range []string{x.s.Role, x.s.Name} {
				for _, w := range g.wordsOf(text) {
					if layRoles[w.lower] {
						lay = true
					}
					if w.cap && g.nations[w.stem] {
						gr.nations[w.stem] = true
					}
				}
			}
		}
		switch gr.class {
		case classAnon:
			gr.weak = gr.voice == gi
		case classPerson:
			gr.weak = !hasRole || lay
		default:
			gr.weak = lay
		}
	}
	g.keepEntities()
}

// wordsOf reads a name or a role, once: the same ones come back in
// thousands of articles.
func (g *grouper) wordsOf(s string) []word {
	if ws, ok := g.cache[s]; ok {
		return ws
	}
	if g.cache == nil {
		g.cache = map[string][]word{}
	}
	ws := words(s)
	g.cache[s] = ws
	return ws
}

// layOnly reports whether a role says no more than what a lay person is
// ("residents", "the person filming").
func layOnly(role []word) bool {
	for _, w := range role {
		if !stopWords[w.lower] && !layRoles[w.lower] {
			return false
		}
	}
	return true
}

// keepEntities gives each group a stored entity: the one the user pinned,
// else the one with the user's settings, else the one most of its sources
// count under now; the biggest groups choose first, and a group left with
// none gets a new one.
func (g *grouper) keepEntities() {
	byUser := map[int64]bool{}
	exists := map[int64]bool{}
	for _, e := range g.in.Entities {
		exists[e.ID] = true
		if e.ByUser {
			byUser[e.ID] = true
		}
	}
	order := make([]int, len(g.groups))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(len(g.groups[b].members), len(g.groups[a].members))
	})
	taken := map[int64]bool{}
	for _, gi := range order {
		gr := g.groups[gi]
		gr.entity = 0
		if pin := g.u.pin[g.u.find(gr.members[0])]; pin != 0 && exists[pin] && !taken[pin] {
			gr.entity = pin
			taken[pin] = true
			continue
		}
		counts := map[int64]int{}
		for _, m := range gr.members {
			if id := g.srcs[m].s.EntityID; id != 0 && exists[id] {
				counts[id]++
			}
		}
		var best int64
		for id, n := range counts {
			if taken[id] {
				continue
			}
			if best == 0 || byUser[id] && !byUser[best] ||
				byUser[id] == byUser[best] && (n > counts[best] || n == counts[best] && id < best) {
				best = id
			}
		}
		if best != 0 {
			gr.entity = best
			taken[best] = true
		}
	}
}
