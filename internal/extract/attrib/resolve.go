package attrib

import (
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck-dev/crosscheck/internal/document"
)

// source is a source under construction.
type source struct {
	name, kind, role, country, acronym string
	plural, female, male               bool
	sexFor                             string // the name and role gender was last read from (sexKnown)
	aliases                            []string
	mentions                           []document.Span
	last                               int // token index of the last mention: salience
	lastSpoke                          int // token index of the last claim, or -1
	heads                              []string

	// Derived from name, recomputed when it changes (wordsOf): the
	// resolver compares every new name against every source.
	wordsFor, lname, inits string
	words                  []string
}

// wordsOf returns the source's name without honorifics, caching it with its
// lower-case form and initials.
func (s *source) wordsOf() []string {
	if s.words == nil || s.wordsFor != s.name {
		s.words = nameWords(s.name)
		s.wordsFor = s.name
		s.lname = strings.ToLower(strings.Join(s.words, " "))
		s.inits = initials(s.name)
	}
	return s.words
}

func (s *source) export() Source {
	return Source{Name: s.name, Kind: s.kind, Role: s.role, Country: s.country, Acronym: s.acronym,
		Plural: s.plural, Aliases: s.aliases, Mentions: s.mentions}
}

// event is a mention to resolve, in document order.
type event struct {
	pos   int
	m     mention
	claim *claim // nil for a name mentioned outside an attribution
}

// resolve links every claim's mention, and every name of the document, to a
// source, in document order, so that pronouns and descriptions find the
// most recent compatible source.
func (e *engine) resolve() {
	var evs []event
	taken := make([]bool, len(e.toks))
	for _, c := range e.claims {
		if c.subj.to > c.subj.from {
			for i := c.subj.from; i < c.subj.to; i++ {
				taken[i] = true
			}
		}
		pos := c.subj.from
		if c.subj.to <= c.subj.from {
			pos = c.start()
		}
		evs = append(evs, event{pos: pos, m: c.subj, claim: c})
	}
	// Names outside attributions are antecedents too.
	for _, p := range e.d.Paragraphs {
		if p.Header {
			continue
		}
		for i := p.From; i < p.To; i++ {
			if taken[i] || !e.capital(i) || e.isTime[i] || e.place[i] > 0 && e.key(i+1) != "'s" && !e.orgAfter(i, p.To) {
				continue
			}
			to := e.nameRight(i, p.To)
			if to == i+1 && e.sentenceInitial(i) && e.key(to) == "to" {
				continue // "Contrary to", "Thanks to": no name
			}
			m := e.nameMention(i, to)
			if m.ok() && (m.srcKind == Person || m.srcKind == Organisation) && !e.allPlace(i, to) {
				if role, _ := e.appositionRight(to, p.To); role != "" {
					m.role = role
				}
				m = e.withAcronym(m, &to, p.To)
				evs = append(evs, event{pos: i, m: m})
			}
			i = to - 1
		}
	}
	sort.SliceStable(evs, func(a, b int) bool { return evs[a].pos < evs[b].pos })
	// Claims that share their source's words ("He added ..., saying ...")
	// share the source: a pronoun is resolved once.
	linked := map[[2]int]*source{}
	for _, ev := range evs {
		c := ev.claim
		if c != nil && c.continued {
			if last := e.speakerClaim(c); last != nil && last.src != nil {
				c.src = last.src
				c.src.lastSpoke = c.start()
			}
			continue
		}
		span := [2]int{ev.m.from, ev.m.to}
		s := linked[span]
		if s == nil || ev.m.to <= ev.m.from {
			s = e.link(ev.m, ev.pos, c != nil)
		}
		if ev.m.to > ev.m.from && s != nil {
			linked[span] = s
		}
		if s == nil {
			continue
		}
		if ev.m.to > ev.m.from {
			s.mention(e.span(ev.m.from, ev.m.to))
			s.alias(e.d.TextOf(ev.m.from, ev.m.to))
		}
		s.last = ev.pos
		if c != nil {
			c.src = s
			s.lastSpoke = ev.pos
		}
	}
}

// speakerClaim returns the claim a continued quotation continues.
func (e *engine) speakerClaim(c *claim) *claim {
	var best *claim
	for _, o := range e.claims {
		if o != c && !o.continued && o.start() < c.start() && o.kind != KindEvidence && (best == nil || o.start() > best.start()) {
			best = o
		}
	}
	// A continuation of a continuation: the last claim of either kind.
	for _, o := range e.claims {
		if o != c && o.continued && o.start() < c.start() && best != nil && o.start() > best.start() {
			return o
		}
	}
	return best
}

func (e *engine) allPlace(from, to int) bool {
	for i := from; i < to; i++ {
		if e.place[i] == 0 {
			return false
		}
	}
	return true
}

// orgAfter reports whether a place at i begins an organisation's name
// ("Kestrian Defence Intelligence Directorate").
func (e *engine) orgAfter(i, hi int) bool {
	to := e.nameRight(i, hi)
	for k := i; k < to; k++ {
		if orgNouns[e.key(k)] {
			return true
		}
	}
	return false
}

// link finds or makes the source of mention m at token pos.
func (e *engine) link(m mention, pos int, speaking bool) *source {
	switch m.kind {
	case mPronoun:
		if m.antecedent != nil {
			return e.link(*m.antecedent, pos, speaking)
		}
		return e.pronounSource(m, pos)
	case mNominal:
		if s := e.nominalSource(m); s != nil {
			return s
		}
		if !speaking {
			return nil
		}
		if m.srcKind == Organisation {
			// "The coastguard said": the body is "coastguard", as "the
			// Halvik coastguard" is "Halvik coastguard".
			if w := strings.Fields(m.name); len(w) > 1 && strings.EqualFold(w[0], "the") {
				m.name = strings.Join(w[1:], " ")
			}
			return e.newSource(m, Organisation)
		}
		return e.newSource(m, Anonymous)
	case mAnon:
		key := anonKey(m.name)
		for _, s := range e.sources {
			if (s.kind == Anonymous || s.kind == Document) && anonKey(s.name) == key {
				return s
			}
		}
		if !speaking {
			return nil
		}
		return e.newSource(m, Anonymous)
	case mEvidence:
		if !speaking {
			return nil
		}
		key := anonKey(m.name)
		for _, s := range e.sources {
			if s.kind == Document && anonKey(s.name) == key {
				return s
			}
		}
		return e.newSource(m, Document)
	case mName:
		return e.nameSource(m, speaking)
	}
	return nil
}

func anonKey(s string) string {
	s = strings.ToLower(s)
	for _, p := range []string{"a ", "an ", "the ", "some ", "one "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

func (e *engine) newSource(m mention, kind string) *source {
	s := &source{name: m.name, kind: kind, role: m.role, country: m.country, acronym: m.acronym,
		plural: m.plural, female: m.female, lastSpoke: -1}
	if m.head != "" {
		s.heads = append(s.heads, m.head)
	}
	if (kind == Anonymous || kind == Document) && s.name != "" {
		s.name = lowerFirst(s.name)
	}
	if m.male && !m.female {
		s.male = true
	}
	e.sources = append(e.sources, s)
	return s
}

// sexKnown reads a person's gender from a given name or a gendered role
// word when no honorific gave it ("Hillary Clinton", "the spokeswoman"),
// once per name and role, and only when a pronoun asks.
func (s *source) sexKnown() {
	if s.male || s.female || s.kind != Person && s.kind != Anonymous || s.plural {
		return
	}
	if key := s.name + "\x00" + s.role; s.sexFor != key {
		s.sexFor = key
		name, role := s.name, s.role
		if s.kind == Anonymous {
			name, role = "", s.role+" "+s.name
		}
		switch genderOf(name, role) {
		case "m":
			s.male = true
		case "f":
			s.female = true
		}
	}
}

func lowerFirst(s string) string {
	for i, r := range s {
		if i == 0 && unicode.IsUpper(r) {
			// "A language expert" at a sentence start is "a language expert".
			w := strings.Fields(s)
			if len(w) > 0 && (determiners[strings.ToLower(w[0])] || personNouns[strings.ToLower(w[0])] || evidenceNouns[strings.ToLower(w[0])]) {
				return string(unicode.ToLower(r)) + s[len(string(r)):]
			}
		}
		break
	}
	return s
}

func (s *source) mention(sp document.Span) {
	for _, m := range s.mentions {
		if m == sp {
			return
		}
	}
	s.mentions = append(s.mentions, sp)
}

func (s *source) alias(a string) {
	a = strings.TrimSpace(a)
	if a == "" || a == s.name {
		return
	}
	for _, x := range s.aliases {
		if x == a {
			return
		}
	}
	s.aliases = append(s.aliases, a)
}

// nameSource links a name to a source: the same full name, a surname, a
// near-miss spelling of a surname, an acronym, a shorter or longer form of
// an organisation's name.
func (e *engine) nameSource(m mention, speaking bool) *source {
	name := m.name
	words := nameWords(name)
	if len(words) == 0 {
		return nil
	}
	lname := strings.ToLower(strings.Join(words, " "))
	kind := m.srcKind
	// Acronyms.
	acr := m.acronym
	if acr == "" && len(words) == 1 && isUpper(words[0]) {
		acr = words[0]
	}
	if acr != "" {
		for _, s := range e.sources {
			if s.acronym == acr || s.kind == Organisation && s.wordsOf() != nil && s.inits == acr {
				e.merge(s, m)
				return s
			}
		}
	}
	for _, s := range e.sources {
		if s.kind == Anonymous || s.kind == Document {
			continue
		}
		sw := s.wordsOf()
		ls := s.lname
		switch {
		case ls == lname:
			e.merge(s, m)
			return s
		case s.kind == Person && (kind == Person || kind == "") && samePerson(sw, words):
			e.merge(s, m)
			return s
		case s.kind == Organisation && kind == Organisation && (containsWords(sw, words) || containsWords(words, sw)) && min(len(sw), len(words)) >= 2:
			e.merge(s, m)
			return s
		case acr == "" && s.kind == Organisation && len(words) == 1 && strings.EqualFold(words[0], s.acronym):
			e.merge(s, m)
			return s
		}
	}
	// A near-miss spelling of a person's surname ("Budonav" for Budanov).
	if kind == Person {
		var best *source
		n := 0
		for _, s := range e.sources {
			if s.kind != Person {
				continue
			}
			sw := s.wordsOf()
			if len(sw) == 0 {
				continue
			}
			if fuzzySame(sw[len(sw)-1], words[len(words)-1]) && (len(words) == 1 || len(sw) == 1 || strings.EqualFold(sw[0], words[0])) {
				best = s
				n++
			}
		}
		if n == 1 {
			e.merge(best, m)
			return best
		}
	}
	if kind == Publisher {
		for _, s := range e.sources {
			if s.kind == Publisher {
				return s
			}
		}
	}
	if kind == "" {
		kind = Person
	}
	s := e.newSource(m, kind)
	if kind == Person {
		s.name = strings.Join(words, " ")
		if m.female {
			s.female = true
		} else if strings.HasPrefix(strings.ToLower(m.name), "mr") || strings.HasPrefix(strings.ToLower(e.text[e.tok(m.from).Start:e.tok(m.from).End]), "mr") {
			s.male = true
		}
	}
	return s
}

// merge adds what mention m tells about source s.
func (e *engine) merge(s *source, m mention) {
	if s.role == "" && m.role != "" {
		s.role = m.role
	}
	if s.country == "" && m.country != "" {
		s.country = m.country
	}
	if s.acronym == "" && m.acronym != "" {
		s.acronym = m.acronym
	}
	if m.female && !s.male {
		s.female = true
	}
	if m.male && !s.female {
		s.male = true
	}
	if s.kind == Person && m.srcKind == Person {
		// Keep the longest form of a person's name as canonical.
		w := nameWords(m.name)
		if len(w) > len(nameWords(s.name)) && strings.EqualFold(w[len(w)-1], lastWord(s.name)) {
			s.alias(s.name)
			s.name = strings.Join(w, " ")
		}
	}
	if s.kind == Organisation && m.srcKind == Organisation && len(nameWords(m.name)) > len(nameWords(s.name)) && !isUpper(m.name) {
		s.alias(s.name)
		s.name = strings.Join(nameWords(m.name), " ")
	}
}

// pronounSource resolves a pronoun to the most recent compatible source,
// preferring the last speaker of the paragraphs just before.
func (e *engine) pronounSource(m mention, pos int) *source {
	p := pronouns[e.key(m.from)]
	switch e.key(m.from) { // possessives and objects: "his agency", "according to him"
	case "his", "him":
		p = pronouns["he"]
	case "her":
		p = pronouns["she"]
	case "their", "them":
		p = pronouns["they"]
	case "its":
		p = pronouns["it"]
	}
	ok := func(s *source) bool {
		switch {
		case p.relative:
			return true
		case p.plural:
			return s.plural || s.kind == Organisation
		case p.person:
			if s.kind != Person && !(s.kind == Anonymous && !s.plural) {
				return false
			}
			s.sexKnown()
			if p.female && s.male || !p.female && e.key(m.from) != "i" && e.key(m.from) != "you" && s.female {
				return false
			}
			return true
		case p.org:
			return (s.kind == Organisation || s.kind == Publisher || s.kind == Document) && !s.plural
		}
		return false
	}
	para := e.d.Sentences[e.d.SentenceOf(pos)].Para
	var speaker, recent *source
	for _, s := range e.sources {
		if !ok(s) {
			continue
		}
		if s.lastSpoke >= 0 && s.lastSpoke < pos && e.d.Sentences[e.d.SentenceOf(s.lastSpoke)].Para >= para-3 &&
			(speaker == nil || s.lastSpoke > speaker.lastSpoke) {
			speaker = s
		}
		if s.last < pos && (recent == nil || s.last > recent.last) {
			recent = s
		}
	}
	// A name mentioned in this very sentence before the pronoun, who is
	// not the speaker, wins only if no speaker is near.
	if speaker != nil {
		return speaker
	}
	return recent
}

// nominalSource resolves a definite description ("the spy agency", "the
// minister") to the most recent source it fits.
func (e *engine) nominalSource(m mention) *source {
	want := m.srcKind
	// "His agency", "her ministry": the organisation of the person the
	// pronoun stands for, found through the words of that person's role
	// ("who heads Kestria's defence intelligence directorate").
	if want == Organisation && m.to > m.from {
		if owner := e.key(m.from); owner == "his" || owner == "her" || owner == "their" {
			if p := e.pronounSource(mention{from: m.from, to: m.from + 1, kind: mPronoun}, m.from); p != nil && p.role != "" {
				if org := e.orgOfRole(p.role, m.head); org != nil {
					return org
				}
				if name := orgNameFromRole(p.role, m.head); name != "" {
					// The organisation is named only in the role: make it
					// a source of its own under that name.
					mm := m
					mm.kind, mm.name = mName, name
					return e.newSource(mm, Organisation)
				}
			}
			return nil // never another person's organisation
		}
	}
	var byHead, byKind *source
	for _, s := range e.sources {
		kindOK := s.kind == want || want == Anonymous && s.kind == Person || want == Organisation && s.kind == Publisher && false
		if !kindOK {
			continue
		}
		if s.plural != m.plural && want != Organisation {
			continue
		}
		if fitsHead(s, m.head) {
			if byHead == nil || s.last > byHead.last {
				byHead = s
			}
		}
		if byKind == nil || s.last > byKind.last {
			byKind = s
		}
	}
	if byHead != nil {
		return byHead
	}
	if want == Organisation && m.to-m.from <= 2 {
		// "the ministry", "the agency": a bare description points back; one
		// with words of its own ("the border monitoring mission") names a
		// new body unless its head fits one already named.
		return byKind
	}
	return nil
}

// orgOfRole returns the organisation source that a person's role names:
// one whose name shares a content word with the role ("Valdoria's defence
// minister" and "Valdoria's defence ministry"), preferring one that also
// fits the description's head.
func (e *engine) orgOfRole(role, head string) *source {
	words := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(role)) {
		if w = stem(w); len(w) > 3 && !functionWords[w] {
			words[w] = true
		}
	}
	var best *source
	bestScore := 0
	for _, s := range e.sources {
		if s.kind != Organisation {
			continue
		}
		score := 0
		for _, w := range strings.Fields(strings.ToLower(s.name + " " + s.acronym)) {
			if words[stem(w)] {
				score += 2
			}
		}
		if score > 0 && fitsHead(s, head) {
			score++
		}
		if score > bestScore && score >= 3 {
			// Two shared words, or one and the description's head: one
			// word such as "defence" is too little.
			best, bestScore = s, score
		}
	}
	return best
}

// orgNameFromRole returns the organisation a role names: the object of
// "who heads/runs/leads X" or "head/director/chief of X", or the role with
// its person word turned into head ("Valdoria's defence minister" with
// head "ministry" is "Valdoria's defence ministry"); "" when it names none.
func orgNameFromRole(role, head string) string {
	w := strings.Fields(role)
	if len(w) >= 3 && (w[0] == "who" || w[0] == "which") && roleClause(role) {
		return strings.Join(w[2:], " ")
	}
	for i, x := range w {
		if x == "of" && i > 0 && i+1 < len(w) && personNouns[strings.ToLower(w[i-1])] {
			return strings.Join(w[i+1:], " ")
		}
	}
	for i, x := range w {
		if head != "" && stem(strings.ToLower(x)) == stem(head) && strings.ToLower(x) != head {
			out := append(append([]string{}, w[:i]...), head)
			return strings.Join(append(out, w[i+1:]...), " ")
		}
	}
	return ""
}

// stem folds a word's common endings so that "minister" meets "ministry"
// and "Valdoria's" meets "Valdoria".
func stem(w string) string {
	w = strings.Trim(w, ",.;:'’\"“”()")
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	for _, suf := range []string{"ry", "er", "s"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+3 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// fitsHead reports whether a source can be called by a description with
// head noun h: its name, role or earlier descriptions hold h, or h is a
// generic word for its kind of organisation.
func fitsHead(s *source, h string) bool {
	if h == "" {
		return false
	}
	hs := strings.TrimSuffix(h, "s")
	for _, w := range strings.Fields(strings.ToLower(s.name + " " + s.role + " " + strings.Join(s.heads, " "))) {
		w = strings.Trim(w, ",.'’")
		if w == h || strings.TrimSuffix(w, "s") == hs {
			return true
		}
	}
	if s.kind == Organisation {
		n := strings.ToLower(s.name)
		switch h {
		case "agency", "service", "directorate", "bureau", "office":
			return strings.Contains(n, "intelligence") || strings.Contains(n, "agency") || strings.Contains(n, "service") ||
				strings.Contains(n, "directorate") || strings.Contains(n, "bureau") || strings.Contains(n, "office")
		case "ministry", "department":
			return strings.Contains(n, "ministry") || strings.Contains(n, "department")
		case "government", "administration", "authorities", "regime":
			return s.acronym == "" && !strings.Contains(n, " ")
		}
	}
	return false
}

// nameWords returns a name's words without honorifics and articles.
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		k := strings.ToLower(strings.TrimSuffix(w, "."))
		if len(out) == 0 && (honorifics[k] || k == "the") {
			continue
		}
		out = append(out, w)
	}
	return out
}

func lastWord(name string) string {
	w := nameWords(name)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

func isUpper(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// initials returns the capital initials of a name's capitalised words
// ("National Intelligence Service" -> "NIS").
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)[0]
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// samePerson reports whether two person names can be one person: the same
// surname and, when both give one, the same first name.
func samePerson(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if !strings.EqualFold(a[len(a)-1], b[len(b)-1]) {
		// "Yoon" for "Yoon Suk Yeol": Korean names put the surname first.
		if len(b) == 1 && strings.EqualFold(a[0], b[0]) && len(a) == 3 {
			return true
		}
		return false
	}
	if len(a) > 1 && len(b) > 1 {
		return strings.EqualFold(a[0], b[0])
	}
	return true
}

func containsWords(big, small []string) bool {
	if len(small) == 0 || len(small) > len(big) {
		return false
	}
	set := make(map[string]bool, len(big))
	for _, w := range big {
		set[strings.ToLower(w)] = true
	}
	for _, w := range small {
		if !set[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// fuzzySame reports whether two surnames are one name misspelt: the same
// first letter and a Damerau-Levenshtein distance of 1 (2 for long names).
func fuzzySame(a, b string) bool {
	if len(a) < 5 || len(b) < 5 || len(a)-len(b) > 2 || len(b)-len(a) > 2 || !strings.EqualFold(a[:1], b[:1]) {
		return false // cheap refusals first: this runs for every pair of names
	}
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == b {
		return false
	}
	d := distance([]rune(a), []rune(b))
	if d <= 1 || len(a) >= 9 && d <= 2 {
		return true
	}
	// Vowels swapped or replaced ("Budonav" for "Budanov"): the consonants
	// stand in the same order.
	return d <= 2 && len(a) == len(b) && consonants(a) == consonants(b)
}

func consonants(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !strings.ContainsRune("aeiouy", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// distance is the optimal string alignment (restricted Damerau-Levenshtein)
// distance, so that a swap of two letters costs one.
func distance(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
