package where

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// cand is one gazetteer match in the text, before and after the context
// rules.
type cand struct {
	from, to   int // token range [from, to)
	start, end int // byte span (inside one token for a part of a hyphenated word)
	sent       int
	node       int32
	refs       []ref // readings as places; pruned by the rules
	dems       []ref // readings as demonyms
	part       bool  // a part of a hyphenated word ("Seoul-based")
	dateline   bool
	drop       bool
	chosen     int32
	gov        bool
}

type finder struct {
	g     *gazetteer
	d     *segment.Doc
	toks  []token.Token
	caps  []bool // per sentence: written in capitals (a headline)
	cands []cand
	// persons holds names the document uses for a person ("Mr Jordan",
	// "Michael Jordan"): their bare mentions are the person too.
	persons map[int32]bool
	votes   map[string]int
}

// Find returns the places and demonyms of d, in text order.
func Find(d *segment.Doc) ([]Place, []Demonym) {
	if d == nil || len(d.Tokens) == 0 {
		return nil, nil
	}
	f := &finder{g: get(), d: d, toks: d.Tokens, persons: map[int32]bool{}, votes: map[string]int{}}
	f.match()
	f.context()
	f.resolve()
	f.prune()
	f.government()
	return f.output()
}

// match collects the longest gazetteer match at each capitalised token,
// sentence by sentence, walking the trie token by token.
func (f *finder) match() {
	g := f.g
	f.caps = make([]bool, len(f.d.Sentences))
	for si, s := range f.d.Sentences {
		f.caps[si] = f.allCaps(s)
		for i := s.From; i < s.To; {
			t := f.toks[i]
			if t.Kind != token.Word || !(t.Capitalised() || t.Key == "the") {
				i++
				continue
			}
			cur, end, endNode := int32(0), -1, int32(0)
			for j := i; j < s.To; j++ {
				tj := f.toks[j]
				if j > i && tj.Line {
					break // names do not run over a line break
				}
				next, ok := g.child(cur, fold(tj.Key))
				if !ok || tj.Kind == token.Word && !tj.Capitalised() && !g.nodes[next].lowerOK {
					break
				}
				if tj.Shape == token.Upper && !f.caps[si] && !g.nodes[next].upperOK && !f.paraCaps(si) {
					break // an acronym in ordinary text: "NIS" is no "Niš"
				}
				cur = next
				if len(g.refsOf(cur)) > 0 {
					end, endNode = j+1, cur
				}
			}
			if end < 0 {
				if t.Key != "the" && strings.ContainsRune(t.Key, '-') {
					f.parts(i, si)
				}
				i++
				continue
			}
			f.add(cand{from: i, to: end, start: t.Start, end: f.toks[end-1].End, sent: si, node: endNode})
			i = end
		}
	}
}

// parts matches the capitalised parts of a hyphenated word that is no name
// as a whole: "Seoul-based", "Russia-Ukraine", "pro-Russian". Only names of
// one word that are neither everyday words nor first names qualify: a part
// has no context to vouch for it.
func (f *finder) parts(i, si int) {
	t := f.toks[i]
	text := f.d.Text[t.Start:t.End]
	off := 0
	// After a capitalised word the hyphenated word ends a name: "Sir Henry
	// Campbell-Bannerman".
	s := f.d.Sentences[si]
	named := i-1 >= s.From && f.toks[i-1].Kind == token.Word && f.toks[i-1].Capitalised() && !f.free(i-1, s)
	// "Seoul-based", "pro-Moscow", "Amman-bound" are adjectives made of a
	// place, not mentions of it (the CoNLL convention); "Russia-Ukraine"
	// names both.
	for part := range strings.SplitSeq(text, "-") {
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsUpper(r) {
			return
		}
	}
	for part := range strings.SplitSeq(text, "-") {
		start := t.Start + off
		off += len(part) + 1
		r, _ := utf8.DecodeRuneInString(part)
		if !unicode.IsUpper(r) {
			continue
		}
		n, ok := f.g.child(0, fold(strings.ToLower(part)))
		if !ok || len(f.g.refsOf(n)) == 0 {
			continue
		}
		c := cand{from: i, to: i + 1, start: start, end: start + len(part), sent: si, node: n, part: true}
		f.add(c)
		last := &f.cands[len(f.cands)-1]
		var keep []ref
		for _, r := range last.refs {
			e := f.g.entries[r.entry]
			big := e.kind == kCountry || e.kind == kRegion || e.capital || e.pop >= 100000
			if !r.common && !r.given && big && !named {
				keep = append(keep, r)
			}
		}
		last.refs = keep
	}
}

func (f *finder) add(c cand) {
	for _, r := range f.g.refsOf(c.node) {
		if f.g.entries[r.entry].kind == kDemonym {
			c.dems = append(c.dems, r)
		} else {
			c.refs = append(c.refs, r)
		}
	}
	c.chosen = -1
	f.cands = append(f.cands, c)
}

// paraCaps reports whether sentence si opens a paragraph written in
// capitals up to its first number or punctuation, as a dateline is
// ("LONDON 1996-08-30", "NEW YORK, Oct 18").
func (f *finder) paraCaps(si int) bool {
	s := f.d.Sentences[si]
	if f.d.Paragraphs[s.Para].From != s.From {
		return false
	}
	for i := s.From; i < s.To; i++ {
		t := f.toks[i]
		if t.Kind != token.Word {
			return i > s.From
		}
		if t.Shape != token.Upper {
			return false
		}
	}
	return true
}

// allCaps reports whether a sentence is written in capitals (a headline
// such as "SOCCER - ROMANIA BEAT LITHUANIA"), where case tells nothing.
func (f *finder) allCaps(s segment.Sentence) bool {
	words, upper := 0, 0
	for i := s.From; i < s.To; i++ {
		t := f.toks[i]
		if t.Kind != token.Word || t.End-t.Start < 2 {
			continue
		}
		words++
		if t.Shape == token.Upper {
			upper++
		}
	}
	return words > 0 && upper*10 >= words*6
}

// context applies the rules that rule a reading out: a person's or an
// organisation's name around the match, an everyday word with nothing
// saying it is a place, a club in a sports page.
func (f *finder) context() {
	for ci := range f.cands {
		c := &f.cands[ci]
		c.dateline = f.isDateline(c)
		if c.part || c.dateline {
			continue
		}
		s := f.d.Sentences[c.sent]
		single := c.to-c.from == 1
		if single && (calendar[f.toks[c.from].Key] || titles[f.toks[c.from].Key]) {
			c.refs = nil // "March", "Sens." (senators)
			continue
		}
		if f.titled(c.from, s.From) {
			f.person(c)
			continue
		}
		caps := f.caps[c.sent]
		if !caps {
			if why := f.inName(c, s); why != "" {
				if why == "person" {
					f.person(c)
				} else {
					c.refs = nil
				}
				continue
			}
		}
		loc := f.locative(c, s)
		// An everyday word after "the" or before "of" is that word in a
		// name or a phrase: "in the South", "University of Iowa".
		phrase := c.from-1 >= s.From && f.toks[c.from-1].Key == "the" || c.to < s.To && f.toks[c.to].Key == "of"
		// A single word that is an everyday word as written ("We",
		// "Van") is that word, whatever the gazetteer's spelling ("Wé").
		everyday := single && f.g.everyday[f.toks[c.from].Key]
		var keep []ref
		for _, r := range c.refs {
			e := f.g.entries[r.entry]
			switch {
			case e.kind == kCountry && !r.common:
				keep = append(keep, r) // "Guinea", "Chad": countries are places first
			case (r.common || everyday) && (!loc || caps || phrase):
				// "Nice", "Reading", "Split": a place only where the text
				// says so ("in Reading").
			case (r.common || everyday) && !strings.EqualFold(f.g.aliases[r.alias], f.d.TextOf(c.from, c.to)):
				// "in God" is no "Göd": an everyday word meets a
				// place only by its own spelling.
			case r.given && caps:
			case caps && e.kind == kCity && !e.capital && e.pop < 100000:
				// A headline gives no case to tell a name by: only a
				// prominent place is taken for one there.
			default:
				keep = append(keep, r)
			}
		}
		c.refs = keep
		if len(c.refs) > 0 && !loc && (f.scoreLine(c, s) || f.club(c, s)) {
			// A city in a score line or a sports report is its club
			// ("Chicago 5 Houston 3", "Norwich striker"); a country is its
			// national team, still the country.
			keep = keep[:0]
			for _, r := range c.refs {
				if f.nation(r.entry) {
					keep = append(keep, r)
				}
			}
			c.refs = keep
		}
		if len(c.refs) > 0 && len(c.dems) > 0 && !loc {
			c.refs = nil // "Thai", "Saudi": a demonym unless the text says place
		}
		if len(c.refs) > 0 && f.otherCountry(c, s) {
			c.refs = nil // "Alba (Germany)": a team or a person of that country
		}
	}
	// Bare mentions of a name the document gives a person ("Michael
	// Jordan ... Jordan said") are the person, except where the text says
	// place ("in Jordan").
	for ci := range f.cands {
		c := &f.cands[ci]
		if len(c.refs) == 0 || c.dateline || !f.persons[c.node] {
			continue
		}
		if !f.locative(c, f.d.Sentences[c.sent]) {
			c.refs = nil
		}
	}
	// A name followed by a reporting verb is a speaker: a person, unless
	// the name is a country or a capital, which speaks as its government
	// ("Israel said").
	for ci := range f.cands {
		c := &f.cands[ci]
		if len(c.refs) == 0 || c.dateline || c.to >= len(f.toks) || !reporting[f.toks[c.to].Key] {
			continue
		}
		var keep []ref
		for _, r := range c.refs {
			e := f.g.entries[r.entry]
			// A town does not speak ("Obama said"); a country or a
			// capital does, as its government; a region may ("Texas
			// said") unless its name is also a first name.
			if e.kind == kCountry || e.capital || e.kind != kCity && !r.given {
				keep = append(keep, r)
			}
		}
		c.refs = keep
	}
}

// nation reports whether entry i fields national teams: a country, or one
// of the United Kingdom's home nations, which compete as countries.
func (f *finder) nation(i int32) bool {
	e := f.g.entries[i]
	return e.kind == kCountry || e.cc == "GB" && homeNations[e.name]
}

var homeNations = set("England", "Scotland", "Wales", "Northern Ireland")

// club reports whether the match names a sports club: next to "v" or
// "beat" ("Essex v Kent", "Leicestershire beat Somerset"), before a
// player's role ("Norwich striker", "Surrey captain") or a player's name
// after a possessive ("Baltimore's Eddie Murray").
func (f *finder) club(c *cand, s segment.Sentence) bool {
	key := func(i int) string {
		if i < s.From || i >= s.To {
			return ""
		}
		return f.toks[i].Key
	}
	if versus[key(c.from-1)] || versus[key(c.to)] || beat[key(c.from-1)] || beat[key(c.to)] {
		return true
	}
	for k := c.to; k < s.To && k <= c.to+2; k++ {
		if sportRoles[key(k)] {
			return true
		}
		if f.toks[k].Shape != token.Lower {
			break
		}
	}
	if key(c.to) == "'s" && c.to+2 < s.To && f.g.given[key(c.to+1)] && f.toks[c.to+1].Shape == token.Title && f.toks[c.to+2].Capitalised() {
		return true
	}
	return false
}

// otherCountry reports whether a match that is no country is followed by
// another country in brackets, as names in results are: "Alba (Germany)".
func (f *finder) otherCountry(c *cand, s segment.Sentence) bool {
	if c.to+2 >= s.To || f.toks[c.to].Key != "(" {
		return false
	}
	for _, r := range c.refs {
		if f.g.entries[r.entry].kind == kCountry {
			return false
		}
	}
	n, ok := f.g.child(0, fold(f.toks[c.to+1].Key))
	if !ok {
		return false
	}
	for _, r := range f.g.refsOf(n) {
		if e := f.g.entries[r.entry]; e.kind == kCountry {
			for _, q := range c.refs {
				if f.g.entries[q.entry].cc == e.cc {
					return false
				}
			}
			return true
		}
	}
	return false
}

// person rules a match out as a person's name and remembers the name.
func (f *finder) person(c *cand) {
	c.refs = nil
	c.dems = nil
	f.persons[c.node] = true
}

// titled reports whether the token before i (same sentence) is a title:
// "Mr Jordan", "Gen. Washington", "President Lincoln".
func (f *finder) titled(i, from int) bool {
	j := i - 1
	if j >= from && f.toks[j].Key == "." {
		j--
	}
	if j < from {
		return false
	}
	t := f.toks[j]
	if j < i-1 && t.Kind == token.Word && t.Shape == token.Title && len(t.Key) == 1 {
		return true // an initial: "M. Atherton"
	}
	return t.Kind == token.Word && titles[strings.TrimSuffix(t.Key, ".")] && (t.Capitalised() || j < i-1 || t.Key == "mr")
}

// inName reports whether the match is part of a longer capitalised name
// that is not a place: "Ian Garner" and "Paris Hilton" (a person: returns
// "person"), "Real Madrid", "Washington Post", "Bank of England" (returns
// "name"). It returns "" when the match stands alone.
func (f *finder) inName(c *cand, s segment.Sentence) string {
	toks := f.toks
	// The word before.
	if p := c.from - 1; p >= s.From && !toks[c.from].Line {
		t := toks[p]
		if initialCap(t, f.d.Text) && !f.free(p, s) {
			// "Ian Garner", "MaliVai Washington", "Barack Obama": a first
			// name, or a word that is neither everyday nor a place, before
			// a town's name makes a person of it. (Not before a capital:
			// "Dinamo Moscow" is a club, and Moscow no surname.)
			if c.to-c.from == 1 && !f.followedByName(c, s) &&
				(f.g.given[t.Key] || f.given(c) || t.Shape == token.Title && !f.g.everyday[t.Key] && f.townOnly(c)) {
				return "person"
			}
			return "name"
		}
		// "Bank of England", "University of London": an institution's
		// name; but "Peter Nicol of Scotland", "Benetton of Italy" and
		// "President of France" say where someone is from. "in" joins a
		// name when an acronym follows: "Organisation for Security and
		// Cooperation in Europe (OSCE)".
		of := t.Key == "of" || t.Key == "de" || t.Key == "in" && c.to+1 < s.To && toks[c.to].Key == "(" && toks[c.to+1].Shape == token.Upper
		if of && p-1 >= s.From {
			q := toks[p-1]
			if initialCap(q, f.d.Text) && (orgHeads[q.Key] || t.Key == "in") && !f.free(p-1, s) {
				return "name"
			}
		}
		// "the newspaper Granma", "club Alba": a name given to an
		// organisation.
		if orgNouns[t.Key] && t.Shape == token.Lower && !f.nationMatch(c) {
			return "name"
		}
	}
	// The word after.
	if n := c.to; n < s.To && !toks[n].Line {
		t := toks[n]
		// Two names side by side with no comma make one name: "Lindsay
		// Davenport", "George Bush" (Bush is a town too), "Greenock
		// Morton"; only a place's own name (the trie's longest match)
		// runs on.
		if initialCap(t, f.d.Text) && t.Space && !roles[t.Key] && !calendar[t.Key] {
			if f.given(c) {
				return "person" // "Paris Hilton", "Jordan Henderson"
			}
			return "name" // "Washington Post", "Manchester United"
		}
		// "Van der Westhuizen", "Kengo wa Dondo": a particle joins a
		// person's name.
		if particles[t.Key] && t.Shape == token.Lower && n+1 < s.To && toks[n+1].Capitalised() {
			return "person"
		}
		// "the Xinhua news agency": the name of an organisation.
		if orgNouns[t.Key] && t.Shape == token.Lower && !f.nationMatch(c) {
			return "name"
		}
		// "Lawrence of Arabia", "Catherine of Aragon": a first name and
		// "of" make a person's by-name.
		if t.Key == "of" && n+1 < s.To && toks[n+1].Capitalised() {
			for _, r := range c.refs {
				if r.given {
					return "person"
				}
			}
		}
	}
	return ""
}

// townOnly reports whether every reading of the match is a city that is no
// capital.
func (f *finder) townOnly(c *cand) bool {
	for _, r := range c.refs {
		if e := f.g.entries[r.entry]; e.kind != kCity || e.capital {
			return false
		}
	}
	return len(c.refs) > 0
}

// initialCap reports whether t is a word that starts with a capital
// letter: "Moslem", "NIS", but not "mainly-Moslem".
func initialCap(t token.Token, text string) bool {
	if t.Kind != token.Word || !t.Capitalised() {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[t.Start:t.End])
	return unicode.IsUpper(r)
}

// given reports whether some reading of the match is also a first name.
func (f *finder) given(c *cand) bool {
	for _, r := range c.refs {
		if r.given {
			return true
		}
	}
	return false
}

// nationMatch reports whether some reading of the match is a country.
func (f *finder) nationMatch(c *cand) bool {
	for _, r := range c.refs {
		if f.g.entries[r.entry].kind == kCountry {
			return true
		}
	}
	return false
}

// free reports whether the capitalised word at p may stand before a place
// without joining its name: a qualifier ("Western Ukraine"), a demonym, the
// end of another place, or an everyday word opening the sentence ("In
// Moscow", "But Seoul").
func (f *finder) free(p int, s segment.Sentence) bool {
	t := f.toks[p]
	if qualifiers[t.Key] {
		return true
	}
	if p == s.From || p > s.From && (f.toks[p-1].Kind == token.Quote || f.toks[p-1].Kind == token.Punct) {
		if f.g.everyday[t.Key] {
			return true
		}
	}
	for i := len(f.cands) - 1; i >= 0 && f.cands[i].to >= p+1; i-- {
		c := f.cands[i]
		if c.to == p+1 && (len(c.refs) > 0 || len(c.dems) > 0) && !c.part {
			return true
		}
	}
	return false
}

// followedByName reports whether a capitalised word follows the match.
func (f *finder) followedByName(c *cand, s segment.Sentence) bool {
	return c.to < s.To && f.toks[c.to].Kind == token.Word && f.toks[c.to].Capitalised()
}

// startsPlace reports whether a gazetteer name starts at token i.
func (f *finder) startsPlace(i int) bool {
	n, ok := f.g.child(0, fold(f.toks[i].Key))
	return ok && len(f.g.refsOf(n)) > 0
}

// locative reports whether the text says the match is a place: a
// locative word before it ("in Reading", "from the Gulf"), or ", Place"
// after it ("Reading, England").
func (f *finder) locative(c *cand, s segment.Sentence) bool {
	p := c.from - 1
	if p >= s.From && f.toks[p].Key == "the" {
		p--
	}
	if p >= s.From && locatives[f.toks[p].Key] && (f.toks[p].Shape == token.Lower || p == s.From) {
		return true // "in Reading", "At Hove:"
	}
	// "Lansing, Mich.", "Paris, Texas": after a place and a comma.
	if p == c.from-1 && p-1 >= s.From && f.toks[p].Key == "," {
		for i := len(f.cands) - 1; i >= 0; i-- {
			if o := f.cands[i]; o.to == p && !o.part && len(o.refs) > 0 {
				return true
			}
		}
	}
	if n := c.to; n+1 < s.To && f.toks[n].Key == "," && f.startsPlace(n+1) {
		return true
	}
	return false
}

// isDateline reports whether the match opens a dateline: "LONDON
// 1996-08-30", "MOSCOW, Oct 18 (Reuters) -", a place in capitals alone at
// the start of a paragraph followed by a date, a comma or a dash.
func (f *finder) isDateline(c *cand) bool {
	if c.part {
		return false
	}
	para := f.d.Paragraphs[f.d.Sentences[c.sent].Para]
	if c.from != para.From {
		return false
	}
	for i := c.from; i < c.to; i++ {
		if f.toks[i].Kind == token.Word && f.toks[i].Shape != token.Upper && f.toks[i].Shape != token.Other {
			return false
		}
	}
	if c.to >= para.To {
		return true
	}
	// A standings line ("BOSTON 69 65 .515") is no dateline: a date's
	// number is its year.
	n := f.toks[c.to]
	return n.Kind == token.Number && year(n.Key) || n.Key == "," || n.Key == "-" || n.Key == "—" || n.Key == "–" || n.Key == "("
}

// scoreLine reports whether the match stands in a score line or a results
// table: a number right after it, or right before it, in a sentence with
// more numbers ("Seattle 5 Oakland 3").
func (f *finder) scoreLine(c *cand, s segment.Sentence) bool {
	score := func(i int) bool {
		return i >= s.From && i < s.To && f.toks[i].Kind == token.Number && !year(f.toks[i].Key)
	}
	near := score(c.to) || score(c.from-1)
	if !near {
		return false
	}
	n := 0
	for i := s.From; i < s.To; i++ {
		if f.toks[i].Kind == token.Number {
			n++
		}
	}
	return n >= 2
}

// year reports whether a number is a year, as in a date line's
// "1996-08-30": not a score.
func year(k string) bool {
	if len(k) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if k[i] < '0' || k[i] > '9' {
			return false
		}
	}
	return k[0] == '1' || k[0] == '2'
}

// resolve picks one reading per match: the other places of the document
// vote for their countries, then the prior (kind and population) decides.
func (f *finder) resolve() {
	vote := func(refs []ref, w int) {
		cc := ""
		for _, r := range refs {
			e := f.g.entries[r.entry]
			if e.cc == "" || cc != "" && e.cc != cc {
				return // ambiguous between countries: no vote
			}
			cc = e.cc
		}
		if cc != "" {
			f.votes[cc] += w
		}
	}
	for _, c := range f.cands {
		if len(c.refs) > 0 {
			vote(c.refs, 2)
		} else if len(c.dems) > 0 {
			vote(c.dems, 1)
		}
	}
	// Right to left, so that "Paris, Texas" knows Texas's country first.
	for ci := len(f.cands) - 1; ci >= 0; ci-- {
		c := &f.cands[ci]
		refs := c.refs
		if len(refs) == 0 {
			refs = c.dems
		}
		within := f.container(ci)
		var best float32
		for _, r := range refs {
			e := f.g.entries[r.entry]
			s := e.score
			if e.kind == kDemonym {
				if k, ok := f.g.country[e.cc]; ok {
					s = f.g.entries[k].score
				}
			}
			if e.cc != "" && f.votes[e.cc] > 0 {
				s += 3
			}
			if within != "" && e.cc == within {
				s += 20 // "Paris, Texas", "London, Ontario": the text says which
			}
			if c.chosen < 0 || s > best {
				c.chosen, best = r.entry, s
			}
		}
	}
}

// prune drops small towns the document gives no reason to believe in: a
// town of under 100,000 people, named with no locative word ("in", "at",
// "Paris, Texas"), that is also a first name ("Harvey told", "Davis'
// commentary"), or that lies in a country no other place of the document
// is in ("Obama and Clinton": Obama is a town in Japan).
func (f *finder) prune() {
	support := map[string]map[int32]bool{} // country -> nodes of the matches resolved there
	for _, c := range f.cands {
		if c.chosen >= 0 && len(c.refs) > 0 {
			cc := f.g.entries[c.chosen].cc
			if support[cc] == nil {
				support[cc] = map[int32]bool{}
			}
			support[cc][c.node] = true
		}
	}
	for ci := range f.cands {
		c := &f.cands[ci]
		if c.chosen < 0 || len(c.refs) == 0 || c.dateline {
			continue
		}
		e := f.g.entries[c.chosen]
		if e.kind != kCity || e.capital || e.pop >= 100000 || f.locative(c, f.d.Sentences[c.sent]) {
			continue
		}
		given := false
		for _, r := range c.refs {
			given = given || r.entry == c.chosen && r.given
		}
		alone := true
		for n := range support[e.cc] {
			alone = alone && n == c.node
		}
		if given || alone {
			c.chosen = -1
		}
	}
}

// container returns the country of the place that follows match ci after
// a comma ("Paris, Texas"), already resolved, or "".
func (f *finder) container(ci int) string {
	c := f.cands[ci]
	if ci+1 >= len(f.cands) || c.to >= len(f.toks) || f.toks[c.to].Key != "," {
		return ""
	}
	n := f.cands[ci+1]
	if n.from != c.to+1 || n.chosen < 0 || len(n.refs) == 0 {
		return ""
	}
	return f.g.entries[n.chosen].cc
}

// government marks countries and capitals that stand for their government:
// the subject of a verb of saying or doing ("Moscow denied", "if Beijing
// puts"), or a possessive before an organisation or an act ("Seoul's NIS",
// "Pyongyang's first deployment").
func (f *finder) government() {
	for ci := range f.cands {
		c := &f.cands[ci]
		if c.chosen < 0 || c.part || c.dateline {
			continue
		}
		e := f.g.entries[c.chosen]
		if e.kind != kCountry && !e.capital {
			continue
		}
		s := f.d.Sentences[c.sent]
		if c.to >= s.To {
			continue
		}
		n := f.toks[c.to]
		if n.Key == "'s" || n.Key == "'" {
			// "Seoul's NIS", "Pyongyang's first deployment", "South
			// Korea's National Intelligence Service".
			for k := c.to + 1; k < s.To && k <= c.to+4; k++ {
				t := f.toks[k]
				if t.Kind != token.Word {
					break
				}
				if govNouns[t.Key] || t.Shape == token.Upper && k == c.to+1 {
					c.gov = true
					break
				}
			}
			continue
		}
		if p := c.from - 1; p >= s.From && (locatives[f.toks[p].Key] || f.toks[p].Key == "of" || f.toks[p].Key == "for" || f.toks[p].Key == "with" || f.toks[p].Key == "by") {
			continue // "officials in Moscow said": Moscow is where, not who
		}
		for k := c.to; k < s.To && k <= c.to+3; k++ {
			t := f.toks[k]
			if t.Kind != token.Word || t.Shape != token.Lower {
				break
			}
			if reporting[t.Key] || govVerbs[t.Key] {
				c.gov = true
				break
			}
			if !auxiliaries[t.Key] {
				break
			}
			if k > c.to && (strings.HasSuffix(t.Key, "ing") || strings.HasSuffix(t.Key, "ed")) {
				c.gov = true
				break
			}
		}
	}
}

func (f *finder) output() ([]Place, []Demonym) {
	var places []Place
	var dems []Demonym
	for _, c := range f.cands {
		if c.chosen < 0 {
			continue
		}
		e := f.g.entries[c.chosen]
		span := document.Span{Start: c.start, End: c.end}
		text := f.d.Text[c.start:c.end]
		if e.kind == kDemonym {
			dems = append(dems, Demonym{Span: span, Text: text, Country: e.cc})
			continue
		}
		p := f.g.place(c.chosen)
		p.Span, p.Text, p.Government = span, text, c.gov
		p.Name = f.g.spelling(f.g.refsOf(c.node), c.chosen, text)
		places = append(places, p)
	}
	return places, dems
}
