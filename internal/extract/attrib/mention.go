package attrib

import (
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// mentionKind is how a source is referred to.
type mentionKind uint8

const (
	mNone     mentionKind = iota
	mName                 // "Kyrylo Budanov", "Mr Budonav", "the NIS", "Seoul's NIS"
	mPronoun              // "he", "it", "who"
	mNominal              // "the spy agency", "the minister": a definite description
	mAnon                 // "a language expert", "officials", "the person filming"
	mEvidence             // "video footage", "the poll"
)

// mention is a noun phrase that may be a source. from and to are token
// indices of the words used (to exclusive).
type mention struct {
	from, to int
	kind     mentionKind
	srcKind  string // Person, Organisation, Anonymous, Publisher, Document
	name     string // canonical candidate: titles, articles and owners stripped
	head     string // head noun of a description ("agency")
	role     string // from an apposition or a title before the name
	acronym  string
	country  string
	plural   bool
	female   bool
	male     bool
	// unknownHead marks a description whose head no lexicon knows ("the
	// actress"): a weaker reading than a name after the cue.
	unknownHead bool
	// antecedent is the noun phrase a relative pronoun stands for ("Trump,
	// who said").
	antecedent *mention
}

func (m mention) ok() bool { return m.kind != mNone }

// word reports whether token i is a word.
func (e *engine) word(i int) bool { return i >= 0 && i < len(e.toks) && e.tok(i).Kind == token.Word }

// tok returns token i, or a blank punctuation token out of range, so that
// rules can look around a token without bounds checks.
func (e *engine) tok(i int) token.Token {
	if i < 0 || i >= len(e.toks) {
		return token.Token{Kind: token.Punct}
	}
	return e.toks[i]
}

// key returns token i's key, or "" out of range.
func (e *engine) key(i int) string {
	if i < 0 || i >= len(e.toks) {
		return ""
	}
	return e.tok(i).Key
}

// sentenceInitial reports whether token i starts its sentence (possibly
// after an opening quotation mark or bracket).
func (e *engine) sentenceInitial(i int) bool {
	s := e.d.Sentences[e.d.SentenceOf(i)]
	j := s.From
	for j < i && (e.tok(j).Kind == token.Quote || e.tok(j).Key == "(" || e.tok(j).Key == "[" || e.tok(j).Key == "-" || e.tok(j).Key == "—") {
		j++
	}
	return j == i
}

// capital reports whether token i is a capitalised word that can be part of
// a name: not a function word that is capitalised only because it starts a
// sentence.
func (e *engine) capital(i int) bool {
	if !e.word(i) || !e.tok(i).Capitalised() {
		return false
	}
	k := e.tok(i).Key
	if functionWords[k] && (e.sentenceInitial(i) || k != "the" && e.lower[k] && e.tok(i).Shape == token.Title) && !e.honorificBeforeName(i) {
		return false
	}
	if k == "i" {
		return false
	}
	if e.sentenceInitial(i) && (e.lower[k] || personNouns[k] && strings.HasSuffix(k, "s")) && !e.isPlaceTok(i) && !titleWords[k] {
		// A sentence-initial word this document also writes in lower case
		// is a common word ("Officials", "Troops"), and so are people
		// described in the plural ("Residents said").
		return false
	}
	return true
}

// honorificBeforeName reports whether token i is "Mr", "Ms", "Dr" and the
// like before a capitalised word: part of a name even where it opens a
// sentence ("Ms Roald said").
func (e *engine) honorificBeforeName(i int) bool {
	if !honorifics[strings.TrimSuffix(e.key(i), ".")] {
		return false
	}
	n := i + 1
	if e.key(n) == "." && !e.tok(n).Space {
		n++
	}
	return e.word(n) && e.tok(n).Capitalised()
}

// commonAtStart reports whether token i is a common word capitalised only
// because it opens its sentence ("Residents said").
func (e *engine) commonAtStart(i int) bool {
	return e.word(i) && e.tok(i).Shape == token.Title && e.sentenceInitial(i) && !e.capital(i)
}

func (e *engine) isPlaceTok(i int) bool { return i >= 0 && i < len(e.place) && e.place[i] > 0 }

// connector words may sit inside a name between capitalised words
// ("Ministry of Defence", "Institute for the Study of War", "Abu Bakr
// al-Baghdadi").
var connectors = set("of", "for", "de", "du", "del", "della", "van", "von", "der", "den", "al", "bin", "la", "le", "on", "the", "y", "da", "dos", "das", "di", "&")

// nameLeft returns the first token of the capitalised name that ends at j,
// extending over connectors and a possessive owner ("South Korea's National
// Intelligence Service").
func (e *engine) nameLeft(j, lo int) (from int) {
	from = j
	for from-1 >= lo {
		p := from - 1
		switch {
		case e.capital(p):
			from = p
		case connectors[e.key(p)] && p-1 >= lo && e.capital(p-1) && e.tok(p).Shape == token.Lower:
			from = p - 1
		case e.key(p) == "the" && e.tok(p).Shape == token.Title && !e.sentenceInitial(p):
			return p // "The Telegraph" mid-sentence
		case e.key(p) == "'s" && p-1 >= lo && e.capital(p-1):
			from = p - 1 // an owner: "South Korea's National Intelligence Service"
		case e.key(p) == "-" && p-1 >= lo && e.capital(p-1) && !e.tok(p).Space:
			from = p - 1 // "Sen. Lindsey Graham (R-SC)"-like joins
		case e.key(p) == "." && p-1 >= lo && titleWords[e.key(p-1)] && e.capital(p-1):
			from = p - 1 // "Gov. Mike Pence
		default:
			return from
		}
	}
	return from
}

// preRole returns where a lower-case role before a name starts ("the
// former aide", "Clinton's top foreign policy aide"), or from when there is
// none. The word right before the name must be a role noun.
func (e *engine) preRole(from, lo int) int {
	p := from - 1
	if p < lo || e.tok(p).Shape != token.Lower || e.key(p) == "the" {
		return from
	}
	if !(personNouns[e.key(p)] || titleWords[e.key(p)]) {
		// "Donald Trump's longtime confidant Roger Stone": an owner and a
		// few lower-case words before the name make a role too.
		for q := p; q >= lo && p-q < 4; q-- {
			if e.key(q) == "'s" && q-1 >= lo && e.capital(q-1) {
				return e.nameLeft(q-1, lo)
			}
			if !e.word(q) || e.tok(q).Shape != token.Lower || prepositions[e.key(q)] || clauseBreak[e.key(q)] || isCueForm(e.key(q)) {
				return from
			}
		}
		return from
	}
	start := p
	for q := p - 1; q >= lo && p-q < 6; q-- {
		k := e.key(q)
		switch {
		case determiners[k] && e.tok(q).Shape == token.Lower:
			return q
		case k == "'s":
			if q-1 >= lo && e.capital(q-1) {
				return e.nameLeft(q-1, lo)
			}
			return start
		case e.tok(q).Kind == token.Word && e.tok(q).Shape == token.Lower && !prepositions[k] && !clauseBreak[k] && !isCueForm(k) && !adverbs[k]:
			start = q
		case e.capital(q) && q < p:
			start = q // "White House press secretary"
		default:
			return start
		}
	}
	return start
}

// nameRight returns the end (exclusive) of the capitalised name that starts
// at i.
func (e *engine) nameRight(i, hi int) (to int) {
	to = i + 1
	for to < hi {
		switch {
		case e.capital(to) || e.tok(to).Kind == token.Word && e.tok(to).Shape == token.Upper:
			to++
		case connectors[e.key(to)] && to+1 < hi && e.capital(to+1) && e.tok(to).Shape == token.Lower && !e.isTime[to+1]:
			to += 2 // not "Halvik on Monday"
		case e.key(to) == "." && titleWords[e.key(to-1)] && to+1 < hi && e.capital(to+1) && !e.tok(to).Space:
			to += 2 // "Gov. Mike Pence"
		default:
			return to
		}
	}
	return to
}

// npLeftFull reads the noun phrase that ends at token j like npLeft, and
// widens it over what a source's words often hold: "Robert Antonacci of
// the New York delegation", "Bolton and Gorka".
func (e *engine) npLeftFull(j, lo int) mention {
	m := e.npLeft(j, lo)
	if !m.ok() || m.kind == mPronoun {
		return m
	}
	// "a spokeswoman for the foreign ministry", "an analyst at the
	// institute": the person is the source, the rest their affiliation.
	if pk := e.key(m.from - 1); (pk == "for" || pk == "at" || pk == "from" || pk == "with") && m.from-2 >= lo && personNouns[e.key(m.from-2)] {
		if h := e.npLeft(m.from-2, lo); h.ok() && (h.kind == mAnon || h.kind == mNominal) && h.srcKind == Anonymous {
			h.role = e.d.TextOf(h.from, m.to)
			h.to = m.to
			return h
		}
	}
	// "two diplomats familiar with the talks", "a person close to the
	// negotiations": the whole phrase describes the source.
	if pk := e.key(m.from - 1); prepositions[pk] && affiliations[e.key(m.from-2)] && m.from-3 >= lo {
		if h := e.npLeft(m.from-3, lo); h.ok() && (h.kind == mAnon || h.kind == mNominal) && h.srcKind == Anonymous {
			return e.affiliated(h, m.to)
		}
	}
	// "Diplomats in Larnholt", "the interior ministry in Aurenmark": the
	// phrase before "in" is the source, the place where it sits.
	if e.key(m.from-1) == "in" && m.kind == mName && m.from-2 >= lo {
		if h := e.npLeft(m.from-2, lo); h.ok() && (h.kind == mAnon || h.kind == mNominal) {
			h.to = m.to
			h.name = e.d.TextOf(h.from, m.to)
			if determiners[strings.ToLower(strings.Fields(h.name)[0])] && h.srcKind == Organisation {
				h.name = e.d.TextOf(h.from+1, m.to)
			}
			if h.srcKind == Organisation {
				h.kind = mName
			} else {
				h.kind = mAnon
			}
			return h
		}
	}
	// "NAME of ORG": the name is the source, the rest its affiliation.
	if e.key(m.from-1) == "of" && m.from-2 >= lo {
		if h := e.npLeft(m.from-2, lo); h.ok() && h.kind != mPronoun && !h.unknownHead && (h.kind == mName && h.srcKind == Person || h.kind == mAnon || h.kind == mNominal && h.srcKind == Anonymous || h.kind == mEvidence) {
			if h.role == "" {
				h.role = e.d.TextOf(m.from-1, m.to)
			}
			if h.kind == mEvidence {
				// "satellite images of the port": what they show is part
				// of their description, not an owner.
				h.role, h.name = "", e.d.TextOf(h.from, m.to)
			} else if h.kind == mAnon && h.srcKind == Anonymous && h.plural && m.kind == mName {
				// "residents of Halvik": a group named by where it lives.
				h = e.affiliated(h, m.to)
			}
			h.to = m.to
			m = h
		}
	}
	// "images released by the agency", "footage filmed by a resident":
	// the evidence is the source, who made or gave it its owner.
	if e.key(m.from-1) == "by" && m.from-3 >= lo && strings.HasSuffix(e.key(m.from-2), "ed") && m.kind != mPronoun {
		if h := e.npLeft(m.from-3, lo); h.ok() && h.kind == mEvidence {
			h.role = e.d.TextOf(m.from-2, m.to)
			h.to = m.to
			h.name = e.d.TextOf(h.from, m.to)
			return h
		}
	}
	// "A and B said": both are the source.
	if e.key(m.from-1) == "and" && m.kind == mName && m.from-2 >= lo && e.capital(m.from-2) {
		if h := e.npLeft(m.from-2, lo); h.ok() && h.kind == mName && h.srcKind == m.srcKind {
			m.from = h.from
			m.name = e.d.TextOf(h.from, m.to)
			m.plural = true
		}
	}
	return m
}

// affiliations are the words that tie an anonymous source to what it knows
// or whom it is near: "officials familiar with the matter", "a person
// close to the negotiations", "diplomats briefed on the talks".
var affiliations = set("familiar", "close", "briefed", "involved", "knowledgeable", "loyal", "aware", "near")

// affiliated widens an anonymous mention to end at token to: its words,
// name and role include the affiliation.
func (e *engine) affiliated(m mention, to int) mention {
	m.to = to
	m.name = e.d.TextOf(m.from, to)
	w := strings.Fields(m.name)
	if k := strings.ToLower(w[0]); (k == "a" || k == "an") && len(w) > 1 {
		w = w[1:]
	}
	if k := strings.ToLower(w[0]); determiners[k] || personNouns[k] {
		w[0] = k // "Two diplomats ..." opening a sentence
	}
	m.role = strings.Join(w, " ")
	return m
}

// affiliationRight widens an anonymous mention that ends before token nx
// over an affiliation after it ("according to a person close to the
// negotiations") and returns it with the index after it.
func (e *engine) affiliationRight(m mention, nx, hi int) (mention, int) {
	if !m.ok() || m.srcKind != Anonymous {
		return m, nx
	}
	at := nx + 2
	if affiliations[e.key(nx-1)] && m.to == nx {
		at = nx + 1 // the phrase read so far ends with the affiliation
	}
	if !affiliations[e.key(at-2)] || !prepositions[e.key(at-1)] {
		return m, nx
	}
	o, n2 := e.npRight(at, hi)
	if !o.ok() || o.kind == mPronoun {
		return m, nx
	}
	return e.affiliated(m, n2), n2
}

// npLeft reads the noun phrase that ends at token j (inclusive), going no
// further left than lo. It handles names with titles, owners and acronyms,
// pronouns, descriptions ("a language expert", "the person filming") and a
// prepositional tail ("officials familiar with the matter").
func (e *engine) npLeft(j, lo int) mention {
	if j < lo {
		return mention{}
	}
	// An acronym in brackets: "National Intelligence Service (NIS)".
	acr := ""
	end := j + 1
	if e.key(j) == ")" && j-2 >= lo && e.key(j-2) == "(" && e.tok(j-1).Shape == token.Upper {
		acr = e.text[e.tok(j-1).Start:e.tok(j-1).End]
		j -= 3
	}
	if j < lo {
		return mention{}
	}
	t := e.tok(j)
	if t.Kind != token.Word {
		return mention{}
	}
	if p, ok := pronouns[t.Key]; ok && acr == "" && (t.Shape == token.Lower || e.sentenceInitial(j) || t.Key == "i") {
		m := mention{from: j, to: j + 1, kind: mPronoun, plural: p.plural, female: p.female}
		return m
	}
	if e.capital(j) || t.Shape == token.Upper {
		from := e.nameLeft(j, lo)
		m := e.nameMention(from, j+1)
		m.to = end
		if pre := e.preRole(from, lo); pre < from && m.ok() {
			// "Clinton's top foreign policy aide Jake Sullivan"
			if m.role == "" {
				m.role = e.d.TextOf(pre, from)
			}
			m.from = pre
			m.srcKind = Person
		}
		if acr != "" {
			m.acronym = acr
			m.srcKind = Organisation
		}
		if m.ok() && m.from == from && m.from-1 >= lo && e.key(m.from-1) == "the" {
			m.from-- // "the NMA said": the article is part of the words used
		}
		return m
	}
	// A description: lower-case words back to a determiner.
	from := j
	n := 0
	for from >= lo && n < 7 {
		k := e.tok(from)
		switch {
		case k.Kind == token.Word && determiners[k.Key] && (k.Shape == token.Lower || e.sentenceInitial(from)):
			return e.description(from, end, j)
		case k.Key == "'s" && from-1 >= lo && (e.capital(from-1) || e.word(from-1)):
			// "the country's defence ministry", "Clinton's campaign"
			o := from - 1
			if e.capital(o) {
				o = e.nameLeft(o, lo)
			} else if o-1 >= lo && determiners[e.key(o-1)] {
				o--
			}
			return e.description(o, end, j)
		case k.Kind == token.Word && (k.Shape == token.Lower || e.commonAtStart(from)) && !prepositions[k.Key] && !clauseBreak[k.Key] && !adverbs[k.Key] && !isCueForm(k.Key):
			from--
			n++
		case k.Kind == token.Word && e.capital(from) && from < j:
			// "a Russian expert", "Pentagon officials"
			from--
			n++
		case k.Kind == token.Punct && k.Key == "-" && from < j:
			from--
		case k.Kind == token.Number && from < j:
			// "59 percent", "two officials"
			from--
			n++
		default:
			if from == j {
				return mention{}
			}
			return e.description(from+1, end, j)
		}
	}
	if from < lo {
		return e.description(lo, end, j)
	}
	return mention{}
}

func isCueForm(k string) bool {
	_, ok := cueForms[k]
	return ok && k != "report" && k != "reports" && k != "post" && k != "state" && k != "comment"
}

// description classifies a lower-case noun phrase [from, to) whose head is
// token head.
func (e *engine) description(from, to, head int) mention {
	if from >= to {
		return mention{}
	}
	m := mention{from: from, to: to}
	hk := e.key(head)
	// The head of "the person filming" is "person": a trailing participle
	// is a modifier.
	if strings.HasSuffix(hk, "ing") && head-1 >= from {
		head--
		hk = e.key(head)
	}
	m.head = hk
	det := e.key(from)
	// Owners inside the phrase give the country.
	for i := from; i < to; i++ {
		if e.place[i] > 0 {
			m.country = e.in.Places[e.place[i]-1].Country
			break
		}
		if e.demo[i] > 0 {
			m.country = e.in.Demonyms[e.demo[i]-1].Country
		}
	}
	has := func(lex map[string]bool) bool {
		for i := from; i < to; i++ {
			if lex[e.key(i)] {
				return true
			}
		}
		return false
	}
	switch {
	case groupNouns[hk] && (e.tok(from).Kind == token.Number || e.key(from) == "a" || quantifiers[e.key(from)]):
		// "59 percent (of voters)", "nearly half", "a majority": a share
		// of people polled or asked.
		m.kind, m.srcKind, m.plural = mAnon, Anonymous, true
	case evidenceNouns[hk] || has(evidenceNouns) && !personNouns[hk] && !orgNouns[hk]:
		m.kind, m.srcKind = mEvidence, Document
		for i := from + 1; i < head; i++ {
			if e.key(i) == "'s" {
				m.role = e.d.TextOf(from, i) // its owner: "the agency's satellite images"
			}
		}
	case personNouns[hk] || has(personNouns) && !orgNouns[hk]:
		m.plural = strings.HasSuffix(hk, "s") && hk != "boss" || hk == "people" || hk == "police" || hk == "staff"
		switch det {
		case "the", "this", "that", "these", "those", "his", "her", "its", "their", "our":
			m.kind = mNominal
		default:
			m.kind = mAnon
		}
		if det == "the" && e.anonymousDefinite(from, to) {
			m.kind = mAnon
		}
		m.srcKind = Anonymous
	case orgNouns[hk] || has(orgNouns):
		m.kind, m.srcKind = mNominal, Organisation
		if !determiners[det] && e.key(from+1) != "'s" && !e.capital(from) {
			m.kind = mAnon
		}
		if (m.country != "" || e.capitalInside(from, to)) && !e.hasPossessivePronoun(from, to) {
			// "the Valdorian defence ministry", "Morvenian state media":
			// a country's organisation is named by its description.
			m.kind = mName
			m.name = strings.TrimSpace(e.d.TextOf(from, to))
			if determiners[strings.ToLower(strings.Fields(m.name)[0])] {
				m.name = e.d.TextOf(from+1, to)
			}
			return m
		}
	default:
		// A description with a head the lexicons do not know ("the
		// actress", "a junior"), opened by an article: a person described.
		switch det {
		case "a", "an":
			m.kind, m.srcKind = mAnon, Anonymous
		case "the", "this", "that":
			m.kind, m.srcKind = mNominal, Anonymous
		default:
			return mention{}
		}
		if strings.HasSuffix(hk, "ly") || functionWords[hk] || head == from {
			return mention{}
		}
		m.unknownHead = true
	}
	m.name = e.d.TextOf(from, to)
	if m.kind == mAnon && m.srcKind == Anonymous {
		m.role = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(m.name), "a "), "an "))
	}
	return m
}

// capitalInside reports whether a description holds a capitalised word
// after its first one: "Morvenian state media", "Kestria's defence
// intelligence directorate".
func (e *engine) capitalInside(from, to int) bool {
	for i := from; i < to; i++ {
		if e.word(i) && e.tok(i).Capitalised() && !(i == from && determiners[e.key(i)]) {
			return true
		}
	}
	return false
}

func (e *engine) hasPossessivePronoun(from, to int) bool {
	for i := from; i < to; i++ {
		switch e.key(i) {
		case "its", "his", "her", "their", "our":
			return true
		}
	}
	return false
}

// anonymousDefinite reports whether a definite description names a new
// anonymous source rather than pointing back ("the person filming", "the
// man who shot the video"): a participle or relative clause after the head.
func (e *engine) anonymousDefinite(from, to int) bool {
	for i := from + 1; i < to; i++ {
		if strings.HasSuffix(e.key(i), "ing") && personNouns[e.key(i-1)] {
			return true
		}
	}
	return false
}

// nameMention classifies the capitalised phrase [from, to).
func (e *engine) nameMention(from, to int) mention {
	m := mention{from: from, to: to, kind: mName}
	// Split off an owner: "South Korea's National Intelligence Service".
	nameFrom := from
	for i := from; i < to; i++ {
		if e.key(i) == "'s" && i+1 < to {
			owner := e.d.TextOf(from, i)
			if c := e.countryOf(from, i); c != "" {
				m.country = c
			}
			_ = owner
			nameFrom = i + 1
		}
	}
	// Leading article.
	if e.key(nameFrom) == "the" && nameFrom+1 < to {
		nameFrom++
	}
	// Titles and roles before the name: "Mr", "President", "Defence
	// Minister".
	titleTo := nameFrom
	for titleTo < to-1 && (titleWords[e.key(titleTo)] || e.key(titleTo) == ".") && !orgNouns[e.key(to-1)] {
		// An organisation's name may open with a title word: "Foreign
		// Intelligence Service", "State Department".
		titleTo++
	}
	if titleTo > nameFrom {
		if !honorifics[e.key(nameFrom)] {
			m.role = e.d.TextOf(nameFrom, titleTo)
		}
		m.srcKind = Person
		switch e.key(nameFrom) {
		case "ms", "mrs", "miss", "lady", "dame", "queen", "princess", "madam", "mme", "sister":
			m.female = true
		case "mr", "sir", "lord", "king", "prince", "father", "brother", "m.":
			m.male = true
		}
	}
	name := e.d.TextOf(titleTo, to)
	if m.srcKind != Person {
		name = e.d.TextOf(nameFrom, to)
	}
	m.name = strings.TrimSpace(name)
	// What kind of name.
	all := true
	for i := nameFrom; i < to; i++ {
		if e.place[i] == 0 {
			all = false
		}
	}
	switch {
	case m.srcKind == Person:
	case all && nameFrom < to:
		// A country or capital as a speaker stands for its government.
		pl := e.in.Places[e.place[nameFrom]-1]
		m.srcKind, m.country = Organisation, pl.Country
	case e.tok(to-1).Shape == token.Upper && to-nameFrom == 1:
		m.srcKind, m.acronym = Organisation, m.name
	case e.publisher(m.name):
		m.srcKind = Publisher
	case to-nameFrom == 1 && (e.placeLike[e.key(nameFrom)] || e.demonymLike[e.key(nameFrom)+"n"] || e.demonymLike[e.key(nameFrom)+"an"]) && titleTo == nameFrom:
		// A place the gazetteer does not know, as a speaker: its government.
		// The document may show it is a country by its people's adjective
		// ("Brevonian ships" and then "Brevonia said").
		m.srcKind = Organisation
	case to-nameFrom == 1 && e.demonymLike[e.key(nameFrom)]:
		return mention{} // a nationality, not a source
	default:
		m.srcKind = Person
		for i := nameFrom; i < to; i++ {
			if orgNouns[e.key(i)] && e.tok(i).Shape != token.Lower {
				m.srcKind = Organisation
			}
		}
		if m.srcKind == Person && e.demonymOnly(nameFrom, to) {
			return mention{}
		}
	}
	return m
}

// demonymOnly reports whether [from, to) is only a nationality ("North
// Korean", "Russians").
func (e *engine) demonymOnly(from, to int) bool {
	for i := from; i < to; i++ {
		if e.demo[i] == 0 {
			return false
		}
	}
	return true
}

// countryOf returns the country of the place or demonym in [from, to).
func (e *engine) countryOf(from, to int) string {
	for i := from; i < to; i++ {
		if e.place[i] > 0 {
			return e.in.Places[e.place[i]-1].Country
		}
		if e.demo[i] > 0 {
			return e.in.Demonyms[e.demo[i]-1].Country
		}
	}
	return ""
}

func (e *engine) publisher(name string) bool {
	if e.in.Publisher == "" {
		return false
	}
	a := strings.TrimPrefix(strings.ToLower(name), "the ")
	b := strings.TrimPrefix(strings.ToLower(e.in.Publisher), "the ")
	return a == b
}

// npRight reads the noun phrase that starts at token i, going no further
// than hi; it returns the mention and the index after it.
func (e *engine) npRight(i, hi int) (mention, int) {
	if i >= hi || !e.word(i) {
		return mention{}, i
	}
	t := e.tok(i)
	if p, ok := pronouns[t.Key]; ok && !p.relative {
		return mention{from: i, to: i + 1, kind: mPronoun, plural: p.plural, female: p.female}, i + 1
	}
	// "according to him", "according to her.": an object pronoun.
	if k := t.Key; k == "him" || k == "them" || k == "her" && !e.word(i+1) {
		return mention{from: i, to: i + 1, kind: mPronoun, plural: k == "them", female: k == "her"}, i + 1
	}
	// A name ends where its capitalised words end, unless an owner's "'s"
	// opens a description ("Clinton's campaign").
	if e.capital(i) || t.Shape == token.Upper {
		j := e.nameRight(i, hi)
		if e.key(j) != "'s" {
			return e.npLeft(j-1, i), j
		}
	}
	// Find the end: words up to a stop.
	j := i
	for j < hi {
		k := e.tok(j)
		if k.Kind == token.Word && (determiners[k.Key] && j == i || k.Key == "'s" || k.Shape != token.Lower ||
			!prepositions[k.Key] && !clauseBreak[k.Key] && !isCueForm(k.Key) && k.Key != "who" && !beForms[k.Key] &&
				!(adverbs[k.Key] && j > i) && !(strings.HasSuffix(k.Key, "ed") && j > i+1)) {
			j++
			continue
		}
		if k.Key == "(" && j+2 < hi && e.key(j+2) == ")" {
			j += 3
			continue
		}
		if k.Key == "-" && j > i && j+1 < hi && e.word(j+1) {
			j++
			continue
		}
		break
	}
	if j == i {
		return mention{}, i
	}
	return e.npLeft(j-1, i), j
}

// appositionRight reads ", ROLE" after a name that ends before token i
// (i is the comma) and returns the role and the index after it (after the
// closing comma, or at the sentence end).
func (e *engine) appositionRight(i, hi int) (role string, next int) {
	if e.key(i) != "," || i+1 >= hi {
		return "", i
	}
	j := i + 1
	k := e.tok(j)
	if !(determiners[k.Key] || k.Key == "who" || titleWords[k.Key] || personNouns[k.Key] || e.capital(j) && e.key(j+1) == "'s" || e.word(j) && e.key(j+1) == "'s") {
		return "", i
	}
	if k.Key == "which" {
		return "", i
	}
	end := j
	for end < hi && e.key(end) != "," && e.key(end) != "." && e.key(end) != ";" && (e.tok(end).Kind != token.Quote || e.possessiveMark(end)) && !isCueForm(e.key(end)) || end < hi && e.key(end) == "," && e.key(end+1) == "and" {
		end++
		if end-j > 14 {
			return "", i
		}
	}
	if end == j || !e.roleLike(j, end) && !e.npLike(j, end) && !(k.Key == "who" && roleClause(e.d.TextOf(j, end))) {
		return "", i
	}
	role = e.d.TextOf(j, end)
	if end < hi && e.key(end) == "," {
		end++
	}
	return role, end
}

// possessiveMark reports whether token i is a single mark that pairs with
// no other: the apostrophe of a plural possessive ("the farmers' union").
func (e *engine) possessiveMark(i int) bool {
	t := e.tok(i)
	return t.Kind == token.Quote && !t.Double && !t.Space && e.d.QuoteOf(i) < 0 && strings.HasSuffix(e.key(i-1), "s")
}

// roleLike reports whether [from, to) reads as a role: it holds a person or
// title noun ("Ukraine's intelligence chief", "a historian and analyst of
// Russian culture", "the North Korean leader").
func (e *engine) roleLike(from, to int) bool {
	for i := from; i < to; i++ {
		if personNouns[e.key(i)] || titleWords[e.key(i)] && e.key(i) != "the" || orgNouns[e.key(i)] && i > from {
			return true
		}
	}
	return false
}

// appositionLeft reads "NAME, ROLE," backwards when token j is the comma
// that closes the apposition; it returns the role, and the index of the
// token before the first comma.
func (e *engine) appositionLeft(j, lo int) (role string, nameEnd int) {
	if e.key(j) != "," {
		return "", j
	}
	k := j - 1
	cue := -1 // a cue inside the apposition, allowed in a relative clause
	for k > lo && e.key(k) != "," && j-k < 18 {
		if e.tok(k).Kind == token.Quote || e.key(k) == "." {
			return "", j
		}
		if e.cueTok[k] {
			cue = k
		}
		k--
	}
	// "a delegate from Houston, Texas,": a place's region is part of the
	// role.
	if e.key(k) == "," && k-1 > lo && e.capital(k+1) && k+2 == j && e.isPlaceTok(k+1) {
		for k2 := k - 1; k2 > lo && j-k2 < 18; k2-- {
			if e.key(k2) == "," {
				k = k2
				break
			}
			if e.tok(k2).Kind == token.Quote || e.key(k2) == "." {
				break
			}
		}
	}
	if e.key(k) != "," || k-1 < lo {
		return "", j
	}
	// A relative clause: "Trump, who has long said so, told".
	if e.key(k+1) == "who" || e.key(k+1) == "which" {
		return e.d.TextOf(k+1, j), k - 1
	}
	// "Pell Arvaston, the researcher whose estimate put the number at 60,
	// said": the role is the noun phrase before the relative clause, which
	// may report words of its own.
	roleEnd := j
	for r := k + 1; r < j; r++ {
		if rk := e.key(r); rk == "whose" || rk == "who" {
			roleEnd = r
			break
		}
	}
	if cue >= 0 && cue < roleEnd || roleEnd == k+1 {
		return "", j
	}
	nameEnd = k - 1
	if e.tok(nameEnd).Kind == token.Number && e.key(nameEnd-1) == "," {
		nameEnd -= 2 // an age: "Marley Anderson, 21, a junior"
	}
	if !e.roleLike(k+1, roleEnd) && !(e.capital(nameEnd) && e.npLike(k+1, roleEnd)) {
		return "", j
	}
	return e.d.TextOf(k+1, roleEnd), nameEnd
}

// npLike reports whether [from, to) reads as a short noun phrase that can
// stand in apposition to a name: it opens with an article or a possessive
// and holds no verb of saying and no clause word ("the harbour master", "a
// 55-year-old salesman from Sumter").
func (e *engine) npLike(from, to int) bool {
	if to-from > 12 || to <= from {
		return false
	}
	k := e.key(from)
	if !(k == "a" || k == "an" || k == "the" || k == "his" || k == "her" || k == "their" || k == "its" || e.key(from+1) == "'s") {
		return false
	}
	for i := from + 1; i < to; i++ {
		if isCueForm(e.key(i)) || clauseBreak[e.key(i)] && e.key(i) != "and" || beForms[e.key(i)] {
			return false
		}
	}
	return true
}
