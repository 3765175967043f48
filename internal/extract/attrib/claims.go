package attrib

import (
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// part is a token range [from, to) of a claim's content.
type part struct{ from, to int }

// claim is a claim under construction.
type claim struct {
	subj             mention
	cueFrom, cueTo   int
	cueText          string
	parts            []part
	mode, kind       string
	stance           string
	hedges           []string
	sentence         int
	src              *source
	continued        bool // a quotation that continues the last speaker
	participleOfMain bool
	relative         bool // said in a relative clause about another source ("whose estimate put ...")
}

func (c *claim) start() int {
	if len(c.parts) > 0 && (c.cueTo == 0 || c.parts[0].from < c.cueFrom) {
		return c.parts[0].from
	}
	return c.cueFrom
}

// found is a cue found in a sentence.
type found struct {
	from, to int // tokens of the cue words
	cue      Cue
	form     string
	ing      bool // a participle: its source is the main clause's subject
}

var beForms = set("is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am")

// labels are words that open a headline with a colon without being a
// source: "Exclusive: ...", "Watch: ...".
var labels = set("exclusive", "breaking", "update", "updated", "watch", "video", "analysis", "opinion", "editorial", "live",
	"photos", "pictures", "review", "factbox", "explainer", "timeline", "comment", "correction", "note", "warning", "listen",
	"read", "podcast", "quiz", "revealed", "wow", "report", "interview", "transcript", "full", "fact", "check", "latest",
	"answer", "question", "q", "a", "update", "summary", "key", "background", "context", "note", "editor's", "source", "sources",
	"related", "more", "see", "also", "photo", "image", "caption", "credit", "byline", "dateline", "tags", "topics")

// colonClaim reads "NAME: CONTENT" at the start of a sentence or headline
// ("Kerry: refugee cap to rise"), PolNeAR's ":" cue.
func (e *engine) colonClaim(si int) {
	s := e.d.Sentences[si]
	i := s.From
	if !e.capital(i) && !(e.word(i) && e.tok(i).Capitalised()) {
		return
	}
	to := e.nameRight(i, s.To)
	if e.key(to) != ":" || to+2 >= s.To || to-i > 6 || labels[e.key(i)] && to-i == 1 {
		return
	}
	m := e.nameMention(i, to)
	if !m.ok() || s.To-to < 4 || e.tok(to+1).Kind == token.Number || e.key(i) == "the" && labels[e.key(i+1)] {
		return
	}
	c := &claim{subj: m, cueFrom: to, cueTo: to + 1, cueText: ":", sentence: si, kind: KindSpeech}
	end := s.To
	for end > to+1 && e.key(end-1) == "." {
		end--
	}
	c.parts = []part{{to + 1, e.throughQuote(end, s)}}
	e.finish(c, found{from: to, to: to + 1})
}

// sentence finds the claims of sentence si.
func (e *engine) sentence(si int) {
	s := e.d.Sentences[si]
	e.colonClaim(si)
	for i := s.From; i < s.To; i++ {
		if e.cueTok[i] || e.nominal(i, si) {
			continue
		}
		f, ok := e.cueAt(i, s)
		if !ok {
			continue
		}
		e.attribute(f, si)
	}
}

// insideQuote reports whether token i lies inside a double quotation: a cue
// there is part of the quoted words, not an attribution.
func (e *engine) insideQuote(i int) bool {
	q := e.d.QuoteOf(i)
	for q >= 0 {
		qq := e.d.Quotes[q]
		if qq.Double && !qq.Nested {
			return qq.Close-qq.Open > 2 // a one-word scare quote is no quotation
		}
		if !qq.Nested {
			return qq.Close-qq.Open > 4
		}
		// Nested single quotes: look at the enclosing double quotation.
		q = -1
		for k, o := range e.d.Quotes {
			if o.Double && o.Open < qq.Open && qq.Close <= o.Close {
				q = k
			}
		}
	}
	return false
}

// cueAt reports whether a reporting cue starts at token i.
func (e *engine) cueAt(i int, s segment.Sentence) (found, bool) {
	t := e.tok(i)
	if t.Kind != token.Word || e.insideQuote(i) {
		return found{}, false
	}
	k := t.Key
	if k == "according" && e.key(i+1) == "to" {
		return found{from: i, to: i + 2, cue: Cue{Lemma: "according to", Frame: FrameAccording}, form: "according to"}, true
	}
	if (k == "put" || k == "puts" || k == "putting") && e.estimateObject(i+1, s.To) && e.subjectBefore(i, s.From) {
		// "KDID put the number at about 9,500": an estimate.
		return found{from: i, to: i + 1, cue: Cue{Lemma: "put", Frame: FrameObject, Belief: true}, form: k}, true
	}
	if t.Shape != token.Lower && !(t.Shape == token.Title && e.sentenceInitial(i)) {
		return found{}, false
	}
	c, ok := cueForms[k]
	f := found{from: i, to: i + 1, cue: c, form: k}
	prev := e.prevWord(i, s.From)
	pk := e.key(prev)
	next := e.key(i + 1)
	if pc, ph := phrasalAt(k, next); ph && !e.insideQuote(i+1) {
		// "talked about the economy", "voted for Clinton": a verb with a
		// subject right before it (or a participle after a comma), not a
		// passive.
		if beForms[pk] && !strings.HasSuffix(k, "ing") || !(strings.HasSuffix(k, "ing") && pk == ",") && !e.subjectBefore(i, s.From) {
			return found{}, false
		}
		if (pc.Lemma == "respond to" || pc.Lemma == "react to") && e.negatedBefore(i, s.From) {
			return found{}, false // "did not respond to a request for comment": the reporter's note
		}
		f.cue, f.to = pc, i+2
		f.ing = strings.HasSuffix(k, "ing") && pk == ","
		return f, true
	}
	if !ok {
		return found{}, false
	}
	// A noun, not a verb: "the claims", "his call", "a report", "whose
	// estimate".
	if determiners[pk] && pk != "that" && pk != "all" && pk != "more" || pk == "'s" || pk == "whose" || pk == "to" && !strings.HasSuffix(k, "ing") && c.Frame != FrameSay {
		return found{}, false
	}
	// "a conference call", "a news report": a noun after a noun.
	if mannerNouns[pk] && e.tok(prev).Shape == token.Lower && c.Lemma != "say" {
		return found{}, false
	}
	// "whose radar estimate", "the agency's latest report": a noun after
	// a possessive and a word that is not its speaker.
	if ppk := e.key(e.prevWord(prev, s.From)); (ppk == "whose" || ppk == "'s") && e.tok(prev).Shape == token.Lower &&
		!personNouns[pk] && !titleWords[pk] && !orgNouns[pk] && !adverbs[pk] {
		return found{}, false
	}
	// "troops thought to be lost", "is said to have": a passive hedge with
	// nobody named.
	if (c.Frame == FrameSay || c.Frame == FrameTell) && !strings.HasSuffix(k, "ing") && next == "to" && (e.key(i+2) == "be" || e.key(i+2) == "have") {
		if c.Frame == FrameSay {
			e.passiveNote(i, s)
		}
		return found{}, false
	}
	switch c.Lemma {
	case "add":
		if next == "to" || next == "up" || next == "that" && false {
			return found{}, false
		}
	case "call":
		switch next {
		case "for", "on":
			f.cue.Frame = FrameUrge
		case "off", "up", "in", "out", "back", "it":
			return found{}, false
		}
	case "point":
		if next != "out" {
			return found{}, false
		}
		f.to = i + 2
	case "back":
		if k == "back" {
			return found{}, false // "came back"
		}
	case "thank":
		if next == "to" {
			return found{}, false // "thanks to"
		}
	case "refuse":
		if v, ok := cueForms[e.key(i+2)]; next == "to" && ok && (v.Frame == FrameSay || v.Frame == FrameTell) {
			return found{}, false // "refused to confirm": the speech cue declines
		}
	case "see", "view", "consider", "question", "attack", "demand", "request", "challenge", "welcome", "plan", "aim", "support",
		"praise", "echo", "wish", "express", "favour", "discuss", "know", "feel", "think", "believe", "expect", "note", "mention":
		// Verbs of belief take a bare clause ("He believes most of the
		// vessels rotate"); these and the noun-like verbs need a subject
		// right before them.
		// Nouns as often as verbs: a verb needs a subject right before it
		// (a participle after a comma takes the main clause's).
		if !(strings.HasSuffix(k, "ing") && pk == ",") && !e.subjectBefore(i, s.From) {
			return found{}, false
		}
	case "state", "post", "report", "comment", "answer", "counter", "charge", "claim", "hope", "fear", "doubt",
		"repeat", "press", "term", "brand", "signal", "hint", "brief", "show", "continue", "find", "ask",
		"appear", "highlight", "dispute", "remark", "recount", "maintain", "write", "read", "learn":
		// Verbs that are also nouns or take other complements are cues only
		// with a clause or a clear frame after them; a participle after a
		// comma is a verb ("..., mentioning the album is done").
		if !(strings.HasSuffix(k, "ing") && pk == ",") && !e.clauseFollows(f) {
			return found{}, false
		}
	}
	if f.cue.Frame == FrameShow && c.Lemma == "appear" {
		if next != "to" {
			return found{}, false
		}
		if v, ok := cueForms[e.key(i+2)]; ok && v.Frame == FrameShow {
			f.to = i + 3 // "footage appears to show": one cue, hedged
		}
	}
	// Passive: "is thought to", "were told", "was reported".
	if beForms[pk] && !strings.HasSuffix(k, "ing") {
		if pk == "'s" || pk == "being" {
			return found{}, false
		}
		if f.cue.Frame == FrameSay || f.cue.Frame == FrameTell {
			e.passiveNote(i, s)
		}
		if f.cue.Frame != FrameShow {
			return found{}, false
		}
	}
	if strings.HasSuffix(k, "ing") {
		f.ing = !beForms[pk] && pk != "by"
		if pk == "by" || pk == "of" || pk == "for" || pk == "after" || pk == "before" || pk == "without" {
			return found{}, false // "by saying", "for calling": a gerund
		}
	}
	// "neither the monitors nor Kestrian intelligence has mentioned it":
	// nobody said anything.
	for j := i - 1; j >= s.From && j >= i-10; j-- {
		if e.key(j) == "neither" {
			return found{}, false
		}
	}
	// "have not confirmed", "could not verify": the reporter's
	// verification notes (notes.go), not claims.
	if (c.Lemma == "confirm" || c.Lemma == "verify") && e.negatedBefore(i, s.From) {
		return found{}, false
	}
	// "did not respond to a request for comment": no answer, no claim.
	if (c.Lemma == "respond" || c.Lemma == "reply") && next == "to" && e.negatedBefore(i, s.From) {
		return found{}, false
	}
	return f, true
}

// clauseFollows reports whether a cue is followed by what a reporting verb
// takes: "that", a colon, a quotation, a pronoun or name starting a clause,
// or the cue closes an inverted attribution ("..., he noted.").
func (e *engine) clauseFollows(f found) bool {
	i := f.to
	if f.cue.Frame == FrameTell {
		i = e.skipHearer(i, len(e.toks))
		if k := e.key(i); k == "to" || k == "whether" || k == "if" || k == "why" || k == "how" || k == "what" || k == "when" || k == "about" {
			return true
		}
	}
	for i < len(e.toks) && (adverbs[e.key(i)] || e.isTime[i]) && e.key(i) != "that" {
		i++
	}
	if i >= len(e.toks) {
		return true
	}
	n := e.tok(i)
	switch {
	case n.Key == "that" || n.Key == ":" || n.Kind == token.Quote && n.Dir != token.Close:
		return true
	case n.Key == "." || n.Key == "," || n.Key == ";":
		return e.tok(f.from-1).Kind == token.Word || e.tok(f.from-1).Kind == token.Quote
	case f.cue.Frame == FrameShow:
		return true
	}
	if p, ok := pronouns[n.Key]; ok && !p.relative && n.Key != "that" && n.Key != "it" {
		return true
	}
	// "wrote to his 20,000 followers, “...”": an addressee, then the words.
	if n.Key == "to" && f.cue.Frame == FrameSay {
		for j := i + 1; j < len(e.toks) && j < i+8 && e.key(j) != "."; j++ {
			if e.key(j) == "," || e.key(j) == ":" {
				return e.quoteOpensAt(j+1) || e.key(j+1) == "that"
			}
			if e.key(j) == "that" {
				return true
			}
		}
	}
	// "hopes his latest endorsement will give him a boost": a possessive
	// opening a clause whose verb follows.
	if n.Key == "his" || n.Key == "her" || n.Key == "their" || n.Key == "its" || n.Key == "our" || n.Key == "my" {
		for j := i + 1; j < len(e.toks) && j < i+6 && e.word(j) && e.key(j) != "that"; j++ {
			switch e.key(j) {
			case "will", "would", "is", "was", "are", "were", "has", "had", "have", "can", "could", "should", "may", "might", "must":
				return true
			}
		}
	}
	// "claimed its patrol boats had stayed": a noun phrase and a finite
	// verb make a clause without "that".
	if _, nx := e.npRight(i, len(e.toks)); nx > i && nx-i <= 6 && finiteAux[e.key(nx)] && (determiners[n.Key] || e.capital(i)) {
		return true
	}
	switch f.cue.Lemma {
	case "ask":
		return n.Key == "whether" || n.Key == "if" || n.Key == "why" || n.Key == "how" || n.Key == "what"
	case "expect", "appear":
		return false
	}
	return false
}

// finiteAux are the auxiliaries that open the verb of a clause.
var finiteAux = set("is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should", "did", "does")

// refusals stand between a source and the cue it declines: "declined to
// confirm", "refused to say".
var refusals = set("declined", "refused", "declines", "refuses", "declining", "refusing")

// prevWord returns the index of the word before i, skipping adverbs and
// auxiliaries, or i-1 when none.
func (e *engine) prevWord(i, lo int) int {
	j := i - 1
	for j > lo && e.word(j) && (e.key(j) == "also" || e.key(j) == "has" || e.key(j) == "have" || e.key(j) == "had" || e.key(j) == "repeatedly" || e.key(j) == "later" || e.key(j) == "previously") {
		j--
	}
	return j
}

// skipLeft moves left from j over adverbs, auxiliaries, times and negations
// that sit between a source and its cue.
func (e *engine) skipLeft(j, lo int) int {
	for j >= lo {
		k := e.key(j)
		if e.word(j) && (adverbs[k] || negators[k]) || e.isTime[j] && e.word(j) || k == "n't" {
			j--
			continue
		}
		if k == "to" && refusals[e.key(j-1)] {
			j -= 2 // "declined to confirm": the stance is read off later
			continue
		}
		if n := e.phraseBeforeCue(j, lo); n != j {
			j = n
			continue
		}
		// "Kasich (R-OH) said", "Trump, in Kentucky, said", "Huckabee, for
		// his part, said": a parenthesis or a short prepositional phrase
		// between commas sits between a source and its cue.
		if k == "," && e.key(j-1) == ")" {
			j--
			continue
		}
		if k == ")" {
			o := j - 1
			for o > lo && j-o < 8 && e.key(o) != "(" && e.key(o) != ")" {
				o--
			}
			acronym := j-o == 2 && e.tok(o+1).Shape == token.Upper // "(NMA)": part of the name
			if e.key(o) == "(" && o-1 >= lo && e.capital(o-1) && !acronym {
				j = o - 1
				continue
			}
			return j
		}
		if k == "," && j-1 > lo {
			o := j - 1
			for o > lo && j-o <= 14 && e.key(o) != "," && e.key(o) != "." && e.tok(o).Kind != token.Quote && !e.cueTok[o] {
				o--
			}
			first := e.key(o + 1)
			between := e.key(o) == "," && o < j-1 && o-1 >= lo
			short := j-o <= 6
			// "in Kentucky", "for his part", "meanwhile"
			aside := short && (prepositions[first] && first != "of" || o == j-2 && (adverbs[first] || interjections[first]))
			// "wearing a T-shirt covered in buttons", "clad in a red cape"
			participle := e.tok(o+1).Shape == token.Lower && (strings.HasSuffix(first, "ing") && !isCueForm(first) || participles[first])
			// "R-NY", "D-Mass."
			party := j-o <= 4 && e.tok(o+1).Shape == token.Upper && (e.key(o+2) == "-" || strings.Contains(first, "-"))
			if between && (aside || participle || party) &&
				(e.capital(o-1) || pronouns[e.key(o-1)] != (pronoun{}) || personNouns[e.key(o-1)] || orgNouns[e.key(o-1)]) {
				j = o - 1
				continue
			}
		}
		// "on Thursday", "last week" were skipped as times; drop a dangling
		// preposition before them.
		if (k == "on" || k == "in" || k == "at") && j+1 < len(e.toks) && e.isTime[j+1] {
			j--
			continue
		}
		return j
	}
	return j
}

// phraseBeforeCue skips a short prepositional phrase ending at token j that
// sits between a name or pronoun and its cue ("Trump at the time said",
// "Clinton in a statement said") and returns the index before it, or j.
func (e *engine) phraseBeforeCue(j, lo int) int {
	if !e.word(j) || e.tok(j).Shape != token.Lower || isCueForm(e.key(j)) {
		return j
	}
	for p := j - 1; p >= lo && j-p <= 4; p-- {
		switch e.key(p) {
		case "at", "in", "on", "during", "after":
			n := p - 1
			if _, pro := pronouns[e.key(n)]; n >= lo && (e.capital(n) || pro) {
				return n
			}
			return j
		}
		if !e.word(p) || e.tok(p).Shape != token.Lower {
			return j
		}
	}
	return j
}

// skipRight moves right from i over adverbs, times, and the manner
// phrases that follow a cue ("in a statement", "in Russian", "on X", "to
// reporters").
func (e *engine) skipRight(i, hi int) int {
	for i < hi {
		k := e.key(i)
		switch {
		case e.isTime[i] || e.word(i) && adverbs[k] && k != "that" && !(k == "not" && e.key(i+1) == "to"):
			i++
		case (k == "on" || k == "in" || k == "at" || k == "during") && i+1 < hi && e.isTime[i+1]:
			i++
		case (k == "of" || k == "about" || k == "on") && e.thatWithin(i+1, hi, 7) > 0:
			return e.thatWithin(i+1, hi, 7)
		case prepositions[k] && e.thatAhead(i+1, hi, 16) > 0:
			// "said at a rally in Evansville, Indiana, last month that"
			return e.thatAhead(i+1, hi, 16)
		case (k == "at" || k == "during" || k == "outside" || k == "before") && e.key(i+1) != "least" && e.key(i+1) != "most" && e.eventPhrase(i+1, hi) > 0:
			// "said at a rally", "said outside the building": where, not what
			return e.skipRight(e.eventPhrase(i+1, hi), hi)
		case k == "in" && i+1 < hi:
			// "in a statement", "in an interview with X", "in Russian"
			j := i + 1
			for j < hi && j-i < 8 && e.key(j) != "," && e.key(j) != "that" && e.key(j) != ":" && e.tok(j).Kind != token.Quote {
				if mannerNouns[e.key(j)] {
					j++
					for j < hi && mannerNouns[e.key(j)] {
						j++ // "a video message", "a news conference"
					}
					for j < hi && (e.key(j) == "with" || e.key(j) == "on" || e.key(j) == "to" || e.key(j) == "posted" || e.key(j) == "released" || e.key(j) == "published") {
						m, nx := e.npRight(j+1, hi)
						if !m.ok() {
							break
						}
						j = nx
					}
					return e.skipRight(j, hi)
				}
				j++
			}
			// "in Russian", "in Port Ansel": a language or a place, then the
			// clause ends.
			if e.demo[i+1] > 0 && !e.capital(i+2) {
				return i + 2
			}
			if e.capital(i + 1) {
				end := e.nameRight(i+1, hi)
				if k := e.key(end); k == "," || k == "." || k == ":" || k == ";" || end >= hi {
					return end
				}
			}
			return i
		default:
			return i
		}
	}
	return i
}

// participles open a description set between commas: "Mary Susan, clad
// in a red cape, said".
var participles = set("clad", "dressed", "flanked", "accompanied", "surrounded", "seated", "backed", "joined", "pictured",
	"wrapped", "armed", "known", "born", "elected", "appointed", "tasked", "charged")

// interjections sit between commas inside a clause: "The minister,
// meanwhile, said".
var interjections = set("however", "meanwhile", "though", "too", "moreover", "instead", "separately", "likewise",
	"nonetheless", "nevertheless", "furthermore", "indeed", "also", "then", "now", "today", "yesterday")

var subordinators = set("after", "before", "while", "when", "as", "because", "following", "during", "amid", "despite",
	"since", "at", "in", "on", "from", "without", "through", "ahead", "upon", "via")

// clauseOpeners open a subordinate clause that cannot be a source's
// words on its own: "Soon after she was booed, Canova wrote ...".
var clauseOpeners = set("after", "before", "when", "while", "if", "as", "once", "since", "until", "although", "though",
	"because", "unless", "whether", "soon", "shortly", "even", "just", "despite", "having", "upon", "following")

// mannerNouns say how words were delivered: "said in a statement", "in
// a video message", "at a news conference".
var mannerNouns = set("statement", "interview", "post", "tweet", "letter", "speech", "report", "video", "message",
	"email", "remarks", "briefing", "response", "reply", "conference")

// roleClause reports whether a relative clause about a source says what
// it does: "who runs Corvana's maritime surveillance agency", "who heads the
// directorate".
func roleClause(c string) bool {
	w := strings.Fields(c)
	if len(w) < 3 {
		return false
	}
	switch w[1] {
	case "runs", "ran", "heads", "headed", "leads", "led", "directs", "directed", "chairs", "chaired", "founded",
		"advises", "advised", "represents", "commands", "commanded", "oversees", "manages":
		return true
	}
	return false
}

// appositionEnd returns the end (exclusive) of an apposition that ends
// before token next (after its closing comma, if any).
func (e *engine) appositionEnd(next int) int {
	if e.key(next-1) == "," {
		return next - 1
	}
	return next
}

// quoteBefore reports whether a closed quotation ends right before token
// i (past a comma): "“...,” Trump said".
func (e *engine) quoteBefore(i int) bool {
	j := i - 1
	if e.key(j) == "," {
		j--
	}
	if e.tok(j).Kind != token.Quote || e.tok(j).Dir == token.Open {
		return false
	}
	q := e.d.QuoteOf(j)
	if q < 0 || !e.d.Quotes[q].Closed || e.d.Quotes[q].Close != j || e.d.SentenceOf(j) != e.d.SentenceOf(i) {
		return false
	}
	// The quotation hands over to its attribution with a comma (or a
	// question or exclamation mark), not a full stop.
	switch e.key(j - 1) {
	case ",", "?", "!", "—", "-":
		return true
	}
	return e.key(i-1) == ","
}

// objectClauseEnd returns the end of a stance's object: its clause, cut
// where a new clause or a digression starts ("endorsed Trump, rushing to
// TV to say ...", "considers himself an immigrant even though ...").
func (e *engine) objectClauseEnd(k int, s segment.Sentence) int {
	end := e.clauseEnd(k, s)
	for j := k + 1; j < end; j++ {
		if e.insideQuote(j) {
			continue
		}
		switch key := e.key(j); {
		case key == "even" && (e.key(j+1) == "though" || e.key(j+1) == "if"), key == "although", key == "though" && e.key(j-1) != "even":
			return j
		case key == "," && strings.HasSuffix(e.key(j+1), "ing") && e.tok(j+1).Shape == token.Lower && e.key(j+1) != "including":
			return j
		case key == "and" && e.key(j-1) != "," && (cueForms[e.key(j+1)] != (Cue{}) || phrasal[e.key(j+1)].lemma != "") && j > k:
			return j
		case key == "," && (e.capital(j+1) || determiners[e.key(j+1)] && e.key(j+1) != "the") && e.clauseAt(j+1, end):
			return j
		}
	}
	return end
}

// clauseAt reports whether a subject and a finite verb start at i ("a man
// yelled", "Hillary shot back").
func (e *engine) clauseAt(i, hi int) bool {
	for j := i + 1; j < hi && j < i+5; j++ {
		k := e.key(j)
		if e.tok(j).Shape != token.Lower {
			continue
		}
		return strings.HasSuffix(k, "ed") && !e.capital(j) || isCueForm(k) && !strings.HasSuffix(k, "ing") || k == "was" || k == "is" || k == "has" || k == "had" || k == "will"
	}
	return false
}

// subjectBefore reports whether the word before token i (past adverbs and
// auxiliaries) can end a subject: a name, a pronoun, a person or
// organisation noun.
func (e *engine) subjectBefore(i, lo int) bool {
	j := e.skipLeft(i-1, lo)
	if e.relativeLeft(j, lo) > 0 {
		return true // "an analyst who follows the militia believes"
	}
	if e.key(j) == "," {
		// "Dara Massicot, a Russian expert, believes"
		if r, _ := e.appositionLeft(j, lo); r != "" {
			return true
		}
		return false
	}
	if j < lo || !e.word(j) {
		return false
	}
	k := e.key(j)
	if p, ok := pronouns[k]; ok && !p.relative || k == "who" {
		return true
	}
	return e.capital(j) || e.tok(j).Shape == token.Upper || personNouns[k] || orgNouns[k]
}

// thatWithin returns the index of a "that" within n tokens of i with no
// comma or cue before it, or 0.
func (e *engine) thatWithin(i, hi, n int) int {
	for j := i; j < hi && j < i+n; j++ {
		switch {
		case e.key(j) == "that":
			return j
		case e.key(j) == "," || e.tok(j).Kind == token.Quote || isCueForm(e.key(j)):
			return 0
		}
	}
	return 0
}

// estimateObject reports whether "the number at", "the figure at", "its
// estimate at" follows token i: the object of "put" as an estimate.
func (e *engine) estimateObject(i, hi int) bool {
	for j := i; j < hi && j < i+5; j++ {
		switch e.key(j) {
		case "number", "figure", "figures", "toll", "total", "count", "estimate", "tally", "flow", "strength", "size", "cost", "losses", "numbers":
			switch e.key(j + 1) {
			case "at", "between", "around", "near", "close", "in":
				return true
			}
			return false
		}
	}
	return false
}

// relativeLeft returns the index of a "who" that opens a relative clause
// ending at token j ("an officer who now advises the parliament" + cue),
// scanning no further than lo, past no comma or quotation; or 0.
func (e *engine) relativeLeft(j, lo int) int {
	for w := j; w > lo && j-w < 14; w-- {
		switch k := e.key(w); {
		case (k == "who" || k == "whose") && e.tok(w).Shape == token.Lower:
			if w-1 >= lo && e.word(w-1) && e.key(w-1) != "," {
				return w
			}
			return 0
		case k == "," || k == "." || k == ";" || e.tok(w).Kind == token.Quote || e.cueTok[w]:
			return 0
		}
	}
	return 0
}

// thatAhead is thatWithin over a longer reach that may cross commas: a
// prepositional phrase between a cue and its "that".
func (e *engine) thatAhead(i, hi, n int) int {
	for j := i; j < hi && j < i+n; j++ {
		switch k := e.key(j); {
		case k == "that":
			return j
		case e.tok(j).Kind == token.Quote || isCueForm(k) || k == "and" || k == "but" || k == "." || k == ";" || k == ":":
			return 0
		}
	}
	return 0
}

// eventPhrase returns the end of a noun phrase naming where something was
// said ("a rally in Evansville, Indiana", "the building") when the clause
// ends after it, or 0.
func (e *engine) eventPhrase(i, hi int) int {
	j := i
	for j < hi && j-i < 12 && e.key(j) != "." && e.key(j) != ";" && e.tok(j).Kind != token.Quote && !isCueForm(e.key(j)) && e.key(j) != "that" {
		j++
	}
	if j >= hi || e.key(j) == "." || e.key(j) == ";" {
		return j
	}
	return 0
}

// nameBetweenCommas reads "ROLE, NAME," before a cue, where token j is the
// second comma: the name is the source and the phrase before it its role.
func (e *engine) nameBetweenCommas(j, lo int) (mention, string, bool) {
	k := j - 1
	for k > lo && e.capital(k) || k > lo && connectors[e.key(k)] {
		k--
	}
	if e.key(k) != "," || k+1 >= j || !e.capital(k+1) {
		return mention{}, "", false
	}
	m := e.nameMention(k+1, j)
	if !m.ok() || m.srcKind != Person {
		return mention{}, "", false
	}
	r := e.npLeft(k-1, lo)
	if !r.ok() || !e.roleLike(r.from, r.to) {
		// "The harbour master, Anna Reed, said": a description back to
		// its article.
		from := k - 1
		for from > lo && k-from < 7 && !determiners[e.key(from)] && e.key(from) != "," {
			from--
		}
		if !e.npLike(from, k) {
			return mention{}, "", false
		}
		r = mention{from: from, to: k}
	}
	m.role = e.d.TextOf(r.from, r.to)
	return m, m.role, true
}

// clauseStart returns where the clause holding token i starts: after the
// last claim already taken in the sentence, a semicolon, or a colon.
func (e *engine) clauseStart(i int, s segment.Sentence) int {
	lo := s.From
	for _, c := range e.claims {
		if c.sentence == e.d.SentenceOf(i) && !c.relative {
			end := c.cueTo
			for _, p := range c.parts {
				if p.to > end && p.to <= i {
					end = p.to
				}
			}
			if end <= i && end > lo {
				lo = end
			}
		}
	}
	for j := i - 1; j > lo; j-- {
		if e.key(j) == ";" || e.key(j) == ":" && j+1 < i && e.word(j+1) && !e.cueTok[j-1] && !isCueForm(e.key(j-1)) {
			return j + 1 // "it is paying off: he said ..."
		}
	}
	return lo
}

// dateline returns the index after a wire dateline that opens a paragraph
// ("WASHINGTON (AP) —", "New York (AFP) -", "KYIV, Ukraine —"), or i.
func (e *engine) dateline(i, hi int) int {
	if !e.tok(i).Para || !e.word(i) || !e.tok(i).Capitalised() {
		return i
	}
	j := i
	for j < hi && j-i < 8 && (e.word(j) && e.tok(j).Capitalised() || e.key(j) == "," || e.key(j) == "." || e.key(j) == "(" || e.key(j) == ")") {
		j++
	}
	if j < hi && j > i && (e.key(j) == "—" || e.key(j) == "-" || e.key(j) == "–") && (e.tok(i).Shape == token.Upper || e.key(j-1) == ")") {
		return j + 1
	}
	return i
}

// leadingAdverbial returns the index after a leading adverbial phrase of
// the clause starting at lo ("Earlier this week, ", "In response, ").
func (e *engine) leadingAdverbial(lo, hi int) int {
	i := lo
	for i < hi && e.tok(i).Kind == token.Quote {
		i++
	}
	if d := e.dateline(i, hi); d > i {
		return e.leadingAdverbial(d, hi)
	}
	k := e.key(i)
	if !(prepositions[k] || openers[k] || e.isTime[i] || adverbs[k] || strings.HasSuffix(k, "ly")) || e.capital(i) && !e.isTime[i] && !prepositions[k] && !openers[k] && !adverbs[k] {
		return lo
	}
	if _, ok := pronouns[k]; ok || determiners[k] {
		return lo
	}
	for j := i; j < hi && j-i < 9; j++ {
		if e.key(j) == "," {
			return j + 1
		}
		if e.cueTok[j] || isCueForm(e.key(j)) {
			return lo
		}
	}
	return lo
}

// attribute builds the claim of cue f in sentence si.
func (e *engine) attribute(f found, si int) {
	s := e.d.Sentences[si]
	c := &claim{cueFrom: f.from, cueTo: f.to, sentence: si, kind: KindSpeech, stance: f.cue.Stance}
	switch {
	case f.cue.Belief:
		c.kind = KindBelief
	case f.cue.Intent:
		c.kind = KindIntent
	case f.cue.Frame == FrameObject:
		c.kind = KindStance
	}
	lo := e.clauseStart(f.from, s)
	var after int // where content after the cue may start
	inverted := false

	switch {
	case f.cue.Frame == FrameAccording:
		m, nx := e.npRight(f.to, s.To)
		if !m.ok() {
			return
		}
		m, nx = e.affiliationRight(m, nx, s.To)
		m = e.withAcronym(m, &nx, s.To)
		// "According to her, the talks failed.": a phrase after the
		// comma that runs to the sentence's end is the content, not an
		// apposition.
		opens := f.from <= e.leadingAdverbial(lo, s.To) || f.from == lo || e.onlyPunctBetween(lo, f.from)
		if role, n2 := e.appositionRight(nx, s.To); role != "" && !(opens && e.key(n2-1) != ",") {
			m.role, nx = role, n2
			m.to = e.appositionEnd(n2)
		} else if e.key(nx) == "of" || e.key(nx) == "by" || e.key(nx) == "from" || e.key(nx) == "conducted" || e.key(nx) == "released" || e.key(nx) == "for" && m.srcKind == Anonymous {
			// "according to early results of exit polls conducted for
			// the AP": the source's words run to the clause's end.
			end := nx
			for end < s.To && end-nx < 20 && e.key(end) != "," && e.key(end) != "." && e.key(end) != ";" && e.tok(end).Kind != token.Quote {
				end++
			}
			m.to, nx = end, end
		}
		c.subj = m
		c.cueText = "according to"
		// "According to X, C" or "C, according to X[, with C2]".
		leading := f.from <= e.leadingAdverbial(lo, s.To) || f.from == lo || e.onlyPunctBetween(lo, f.from)
		if leading && lo > s.From && e.key(f.from-1) == "," && e.hasWord(s.From, lo) {
			// "Police have said C, according to Y": the clause before,
			// claim and all, is what Y reports.
			lo, leading = s.From, false
			for j := f.from - 1; j > s.From; j-- {
				if e.key(j) == ";" {
					lo = j + 1
					break
				}
			}
		}
		if leading {
			if e.key(nx) == "," {
				nx++
			}
			c.parts = e.contentAfter(nx, s, si)
		} else {
			c.parts = e.contentBefore(f.from, lo, s)
			if tail := e.tail(nx, s); tail.to > tail.from {
				c.parts = append(c.parts, tail)
			}
		}
		e.finish(c, f)
		return
	case f.ing:
		// "..., adding: “...”", "..., saying that ...": the source is the
		// main clause's.
		if m, ok := e.mainSubject(f.from, s); ok {
			c.subj = m
			c.participleOfMain = true
		} else {
			return
		}
		after = f.to
	default:
		j := e.skipLeft(f.from-1, lo)
		var m mention
		role := ""
		if (e.key(j) == "and" || e.key(j) == "but") && f.cue.Frame != FrameShow {
			// "X praised Y and said ...": the subject of the first verb.
			if mm, ok := e.mainSubject(j, s); ok {
				c.subj = mm
				c.participleOfMain = true
				after = f.to
				break
			}
		}
		appEnd := -1 // the last token of an apposition after the source
		if e.key(j) == "," && j-1 >= lo && e.tok(j-1).Kind != token.Quote {
			if r, nameEnd := e.appositionLeft(j, lo); r != "" {
				role, appEnd, j = r, j-1, nameEnd
			} else if nm, r, ok := e.nameBetweenCommas(j, lo); ok {
				// "Carter's press secretary, Peter Cook, told ..."
				m, role, j = nm, r, -1
			}
		}
		if e.key(j) == "who" || e.key(j) == "which" {
			// "Trump, who said ...": the relative pronoun is the mention.
			m = mention{from: j, to: j + 1, kind: mPronoun}
			c.relative = e.key(j-1) == "," // "Barkley, who said so, said ...": the main clause goes on
			if a := e.npLeft(e.skipComma(j-1), s.From); a.ok() {
				m.antecedent = &a
			} else {
				return
			}
		} else if w := e.relativeLeft(j, lo); w > 0 {
			// "A former officer who now advises the parliament said": the
			// source is the phrase before "who".
			m = e.npLeftFull(w-1, lo)
			c.relative = e.key(w) == "whose"
			if m.ok() && m.kind != mPronoun {
				m.role = strings.TrimSpace(m.role + " " + e.d.TextOf(w, j+1))
				m.to = j + 1
			}
		} else if j >= 0 && e.tok(j).Kind != token.Quote && e.key(j) != "," {
			m = e.npLeftFull(j, lo)
			if m.ok() && m.kind != mPronoun && e.key(m.from-1) == "who" {
				m = mention{} // "the minister who said" is handled from "who"
			}
		}
		relative := strings.HasPrefix(role, "who ") || strings.HasPrefix(role, "which ")
		if role != "" && m.ok() {
			if !relative || roleClause(role) {
				// A relative clause is part of the words used, and a role
				// only when it says what the source does ("who runs the
				// agency").
				m.role = role
			}
			if appEnd > m.to {
				// The words used include the apposition: "Kyrylo Budanov,
				// Ukraine's intelligence chief".
				m.to = appEnd + 1
			}
		}
		if m.unknownHead {
			// "amid the turmoil said Christopher Harvey, a delegate": a
			// name after the cue beats a guessed description before it.
			if r, _ := e.npRight(f.to, s.To); r.ok() && r.kind == mName {
				m = mention{}
			}
		}
		if !m.ok() || m.kind == mEvidence && f.cue.Frame != FrameShow {
			// Inverted: "“...,” said Ian Garner" / "..., said Mr Garner".
			if j >= 0 && (e.key(j) == "," || e.tok(j).Kind == token.Quote) || j < lo && j >= 0 {
				r, nx := e.npRight(f.to, s.To)
				if r.ok() && r.kind != mEvidence {
					r, nx = e.affiliationRight(r, nx, s.To)
					r = e.withAcronym(r, &nx, s.To)
					if role, n2 := e.appositionRight(nx, s.To); role != "" {
						r.role, nx = role, n2
						r.to = e.appositionEnd(n2)
					}
					m = r
					inverted = true
					after = nx
				}
			}
		}
		if !m.ok() {
			return
		}
		if f.cue.Frame == FrameShow && m.kind != mEvidence {
			return
		}
		if f.cue.Frame == FrameShow {
			c.kind = KindEvidence
		}
		c.subj = m
		if !inverted {
			after = f.to
		}
	}

	c.cueText = e.d.TextOf(f.from, f.to)
	if f.cue.Frame == FrameObject {
		if inverted || c.subj.kind == mEvidence || c.subj.kind == mNone {
			return
		}
		k := e.skipRight(after, s.To)
		if e.key(k) == "," || e.key(k) == "." || k >= s.To {
			return
		}
		c.parts = []part{{k, e.objectClauseEnd(k, s)}}
		e.finish(c, f)
		return
	}
	if inverted {
		c.parts = e.contentBefore(c.subjStartOrCue(), lo, s)
		if tail := e.tail(after, s); tail.to > tail.from {
			c.parts = append(c.parts, tail)
		}
		e.finish(c, f)
		return
	}
	// "what it said was C"
	if e.key(c.subj.from-1) == "what" && beForms[e.key(after)] {
		end := after + 1
		for end < s.To && e.key(end) != "," && e.key(end) != "." {
			end++
		}
		from := after + 1
		if e.key(from) == "that" {
			from++ // "what it said was that C"
		}
		c.parts = []part{{from, end}}
		e.finish(c, f)
		return
	}
	// Where is the content: after the cue, or before the source?
	k := e.skipRight(after, s.To)
	if f.cue.Frame == FrameTell || f.cue.Frame == FrameSay && f.cue.Lemma == "warn" {
		k = e.skipHearer(k, s.To)
	}
	hearer := k > e.skipRight(after, s.To)
	// "an officer who now advises the parliament said ...": the verb of a
	// relative clause before the main one, not a report.
	if hearer && k < s.To && !strings.HasSuffix(e.key(k), "ing") && e.key(k) != "that" && isCueForm(e.key(k)) && cueForms[e.key(k)].Frame == FrameSay {
		return
	}
	if k < s.To && (e.key(k) == "to" || e.key(k) == "not" && e.key(k+1) == "to") && (f.cue.Frame == FrameTell || f.cue.Lemma == "warn") && hearer {
		// "told Christie to go home", "told Megyn not to worry"
		c.parts = []part{{k, e.clauseEnd(k, s)}}
		e.finish(c, f)
		return
	}
	if k < s.To && (e.key(k) == "to" && (f.cue.Frame == FrameSay || f.cue.Frame == FrameTell) && !takesInfinitive[f.cue.Lemma] && e.word(k+1) && !e.capital(k+1) && !determiners[e.key(k+1)]) {
		// "told to leave", "said to be": not a report of speech.
		return
	}
	// "wrote to his followers, “...”": past the addressee to the words.
	if e.key(k) == "to" && f.cue.Frame == FrameSay {
		for j := k + 1; j < s.To && j < k+8 && e.key(j) != "."; j++ {
			if e.key(j) == "," || e.key(j) == ":" {
				if e.quoteOpensAt(j + 1) {
					k = j + 1
				}
				break
			}
		}
	}
	// "Kaine now says, however, that ...": an interjection before "that".
	if e.key(k) == "," {
		for j := k + 1; j < s.To && j < k+6 && e.word(j); j++ {
			if e.key(j+1) == "," && e.key(j+2) == "that" {
				k = j + 3
				break
			}
		}
	}
	// "Victory is vital, he said after meeting aides": a source after a
	// comma that closes a clause, then an adverbial: the clause is the
	// content.
	invertedTail := e.key(c.subj.from-1) == "," && c.subj.from-1-lo >= 4 && e.leadingAdverbial(lo, s.To) < c.subj.from-1 &&
		!c.participleOfMain && subordinators[e.key(k)] && e.thatAhead(k, s.To, 16) == 0 && !clauseOpeners[e.key(e.leadingAdverbial(lo, s.To))] && !clauseOpeners[e.key(lo)]
	endsHere := invertedTail || k >= s.To || e.key(k) == "." || e.key(k) == "," && !e.quoteOpensAt(k+1) || e.key(k) == ";" || e.tok(k).Kind == token.Quote && e.tok(k).Dir == token.Close
	// "“...,” Trump said after Nabisco announced ...": a quotation right
	// before the source is what was said, whatever adverbial follows.
	if !endsHere && !c.participleOfMain && e.quoteBefore(c.subj.from) && e.key(k) != ":" && e.key(k) != "that" && !e.quoteOpensAt(k) {
		endsHere = true
	}
	if endsHere && e.key(f.from-1) == "to" && refusals[e.key(f.from-2)] {
		return // "he declined to comment.": nothing said
	}
	if endsHere && !c.participleOfMain {
		c.parts = e.contentBefore(c.subj.from, lo, s)
		if e.key(k) == "," {
			if tail := e.tail(k, s); tail.to > tail.from {
				c.parts = append(c.parts, tail)
			}
		}
	} else {
		k = e.extendBeliefCue(c, k, s)
		c.parts = e.contentAfterFrame(k, s, si, f.cue.Frame)
		// "While Ramos said that ..., he appears uneasy": in a
		// subordinate clause, the words end where the main clause starts.
		if clauseOpeners[e.key(lo)] && lo < c.subj.from && len(c.parts) > 0 {
			p := &c.parts[len(c.parts)-1]
			for j := p.from + 1; j < p.to-1; j++ {
				if e.key(j) == "," && e.d.QuoteOf(j) < 0 && !e.insideQuote(j) {
					if pr, ok := pronouns[e.key(j+1)]; ok && !pr.relative && e.key(j+1) != "that" {
						p.to = j
						break
					}
				}
			}
		}
	}
	e.finish(c, f)
}

// subjStartOrCue returns the first token of the attribution phrase of an
// inverted claim: its cue.
func (c *claim) subjStartOrCue() int {
	if c.subj.from < c.cueFrom {
		return c.subj.from
	}
	return c.cueFrom
}

func (e *engine) skipComma(j int) int {
	if e.key(j) == "," {
		return j - 1
	}
	return j
}

func (e *engine) onlyPunctBetween(from, to int) bool {
	for i := from; i < to; i++ {
		if e.tok(i).Kind == token.Word || e.tok(i).Kind == token.Number {
			return false
		}
	}
	return true
}

func (e *engine) quoteOpensAt(i int) bool {
	return i < len(e.toks) && e.tok(i).Kind == token.Quote && e.tok(i).Dir != token.Close
}

// withAcronym extends a mention over a bracketed acronym after it.
func (e *engine) withAcronym(m mention, nx *int, hi int) mention {
	i := *nx
	if i+2 < hi && e.key(i) == "(" && e.key(i+2) == ")" && e.tok(i+1).Shape == token.Upper {
		m.acronym = e.text[e.tok(i+1).Start:e.tok(i+1).End]
		if m.srcKind != Person {
			m.srcKind = Organisation
		}
		m.to = i + 3
		*nx = i + 3
	}
	return m
}

// skipHearer skips the hearer after "told": "told The Telegraph", "told
// reporters on Thursday", "told him".
func (e *engine) skipHearer(k, hi int) int {
	if k >= hi {
		return k
	}
	switch e.key(k) {
	case "that", ":", ",", ".":
		return k
	}
	if e.tok(k).Kind == token.Quote {
		return k
	}
	m, nx := e.npRight(k, hi)
	if m.ok() && m.from > k && determiners[e.key(m.from)] {
		nx = m.from // "told reporters the decision would ...": a new phrase starts the clause
	}
	if !m.ok() {
		// "told reporters", "told him": a single word hearer.
		if e.word(k) && (objectPronouns[e.key(k)] || personNouns[e.key(k)] || e.capital(k)) {
			nx = k + 1
		} else {
			return k
		}
	}
	return e.skipRight(nx, hi)
}

// extendBeliefCue folds "said he believed (that)" into the cue when the
// content starts with a pronoun and a verb of belief.
func (e *engine) extendBeliefCue(c *claim, k int, s segment.Sentence) int {
	if e.key(k) == "that" {
		k++
	}
	if p, ok := pronouns[e.key(k)]; ok && !p.relative && k+1 < s.To {
		if bc, ok := cueForms[e.key(k+1)]; ok && bc.Belief && !strings.HasSuffix(e.key(k+1), "ing") {
			c.cueTo = k + 2
			c.cueText = e.d.TextOf(c.cueFrom, c.cueTo)
			c.kind = KindBelief
			return k + 2
		}
	}
	return k
}

// mainSubject returns the subject of the clause a participial cue hangs
// on: the source of an earlier claim of the sentence, else the first noun
// phrase of the sentence after a leading adverbial.
func (e *engine) mainSubject(i int, s segment.Sentence) (mention, bool) {
	// The main clause's source: the first claim of the sentence, not one
	// reported inside it ("X said that she did not want to ... and
	// predicted").
	var first *claim
	for _, c := range e.claims {
		if c.sentence == e.d.SentenceOf(i) && c.cueFrom < i && (first == nil || c.cueFrom < first.cueFrom) {
			first = c
		}
	}
	if first != nil {
		return first.subj, true
	}
	lo := s.From
	// After a quotation that opens the sentence, the subject follows it:
	// "“...,” the person filming says, adding ...".
	lo = e.leadingAdverbial(lo, i)
	for lo < i && (e.tok(lo).Kind == token.Quote || e.tok(lo).Kind == token.Punct) {
		lo++
	}
	// The first noun phrase: read to its end. A speaker is a person or a
	// body: when the first phrase is a thing ("The fracas erupted after
	// the tycoon entered the race, calling them ..."), the first phrase
	// that can speak is the participle's subject.
	m, nx := e.npRight(lo, i)
	if !m.ok() || m.kind == mEvidence || m.unknownHead || e.isTime[m.from] {
		m = mention{}
		for j := lo + 1; j < i-1; j++ {
			if !(e.capital(j) || determiners[e.key(j)] && e.tok(j).Shape == token.Lower) || e.capital(j-1) {
				continue
			}
			if c, n := e.npRight(j, i); c.ok() && c.kind != mEvidence && !e.isTime[c.from] && !c.unknownHead && (c.kind != mName || c.srcKind != Organisation || c.acronym != "") {
				m, nx = c, n
				break
			}
		}
		if !m.ok() {
			return mention{}, false
		}
	}
	m = e.withAcronym(m, &nx, i)
	if role, _ := e.appositionRight(nx, i); role != "" {
		m.role = role
	}
	return m, true
}

// contentBefore returns the content that ends before the attribution
// starting at token end: a quotation (with the paragraphs it continues) or
// the clause from lo.
func (e *engine) contentBefore(end, lo int, s segment.Sentence) []part {
	j := end - 1
	for j >= lo && (e.key(j) == "," || e.key(j) == "—" || e.key(j) == "-") {
		j--
	}
	if j >= lo && e.tok(j).Kind == token.Quote && e.tok(j).Dir != token.Open {
		if q := e.d.QuoteOf(j); q >= 0 && e.d.Quotes[q].Closed && e.d.Quotes[q].Close == j && !e.wordsBefore(lo, e.d.Quotes[q].Open) {
			return e.quoteParts(q)
		}
	}
	if j < lo {
		// "“... are missing.” Trump said.": a quotation closed with a full
		// stop, its source in a sentence of its own.
		if lo == s.From && lo > 0 && e.tok(lo-1).Kind == token.Quote && e.tok(lo-1).Dir != token.Open && !e.tok(lo).Para {
			if q := e.d.QuoteOf(lo - 1); q >= 0 && e.d.Quotes[q].Closed && e.d.Quotes[q].Close == lo-1 {
				return e.quoteParts(q)
			}
		}
		return nil
	}
	if j == lo && (e.key(j) == "what" || e.key(j) == "which" || e.key(j) == "this" || e.key(j) == "that" || e.key(j) == "it") {
		return nil // "What the minister said": a pronoun, no content
	}
	return []part{{lo, j + 1}}
}

// wordsBefore reports whether a clause from lo opens with words of its own
// before the quotation opening at open: "The pumps were “a waste of
// money”, said X" reports the whole clause, partly quoted. Only a short
// run that starts as a subject does ("The summit accomplished “too
// little”"); a leading adverbial or participle ("Bemoaning the “phony
// system,”", "On this weekend's broadcast of “...”") or a lead-in that
// ends in a colon or holds a comma is the reporter's, and the quotation
// alone is the content.
func (e *engine) wordsBefore(lo, open int) bool {
	i := e.leadingAdverbial(lo, open)
	for i < open && (e.tok(i).Kind == token.Punct || e.key(i) == "and" || e.key(i) == "but" || e.key(i) == "so") {
		i++
	}
	if !e.hasWord(i, open) || open-i > 10 {
		return false
	}
	if k := e.key(i); !(e.tok(i).Capitalised() || determiners[k] || pronouns[k] != (pronoun{}) || e.tok(i).Kind == token.Number) ||
		prepositions[k] || strings.HasSuffix(k, "ing") || clauseBreak[k] {
		return false
	}
	for j := i; j < open; j++ {
		if k := e.key(j); k == "," || k == ":" || k == ";" || e.tok(j).Kind == token.Quote || clauseBreak[k] {
			return false
		}
	}
	return true
}

// quoteParts returns the inside of quotation q, preceded by the quotations
// it continues from earlier paragraphs.
func (e *engine) quoteParts(q int) []part {
	var parts []part
	for k := q; k >= 0; {
		qq := e.d.Quotes[k]
		from, to := qq.Inner()
		parts = append([]part{{from, to}}, parts...)
		if !qq.Continues {
			break
		}
		// The quotation it continues is the last unclosed one before it.
		prev := -1
		for p := k - 1; p >= 0; p-- {
			if e.d.Quotes[p].Double && !e.d.Quotes[p].Closed && e.d.Quotes[p].Para < qq.Para {
				prev = p
				break
			}
		}
		k = prev
	}
	if len(parts) > 1 {
		// One span from the first opening to the last closing mark reads
		// better than pieces.
		return []part{{parts[0].from, parts[len(parts)-1].to}}
	}
	return parts
}

// tail returns a second part of the content after an inverted attribution:
// ", with 12,000 expected ...", ", but could gain ...".
func (e *engine) tail(i int, s segment.Sentence) part {
	if e.key(i) != "," {
		return part{}
	}
	switch n := e.key(i + 1); {
	case n == "with":
		return part{i + 1, e.clauseEnd(i+1, s)}
	case n == "but" || n == "and":
		return part{i + 2, e.clauseEnd(i+2, s)}
	case n == "another" || n == "up" || n == "down" || n == "more" || n == "fewer":
		// "..., CMSA said on Monday, another 15 since its first count": the
		// figure goes on after its attribution.
		return part{i + 1, e.clauseEnd(i+1, s)}
	}
	return part{}
}

// clauseEnd returns where content starting at i ends within sentence s: at
// the sentence end, or before another attribution (", according to",
// ", adding", ", he said").
func (e *engine) clauseEnd(i int, s segment.Sentence) int {
	for j := i; j < s.To; j++ {
		if e.key(j) == "and" && j > i {
			if c, ok := cueForms[e.key(j+1)]; ok && strings.HasSuffix(e.key(j+1), "ing") && c.Frame != FrameShow && !e.insideQuote(j+1) {
				return j
			}
		}
		if (e.key(j) == "but" || e.key(j) == "and") && j > i+2 && e.d.QuoteOf(j) < 0 {
			// "she respects X but argues that ...", "... and has appeared"
			n := e.key(j + 1)
			if _, ok := cueForms[n]; ok || n == "has" || n == "had" || n == "have" || n == "was" || n == "is" || n == "will" || n == "would" || n == "also" {
				return j
			}
		}
		if e.key(j) == "as" && j > i+2 && e.d.QuoteOf(j) < 0 {
			if p, ok := pronouns[e.key(j+1)]; ok && !p.relative {
				return j // "..., as he faces a test"
			}
		}
		if e.key(j) != "," {
			continue
		}
		n := e.key(j + 1)
		if (n == "but" || n == "while" || n == "whereas" || n == "although" || n == "though") && j > i+2 && e.d.QuoteOf(j) < 0 {
			// "..., but critics point to ...": a new clause with its own
			// subject is not the source's.
			if nn := j + 2; e.capital(nn) || determiners[e.key(nn)] || personNouns[e.key(nn)] || pronouns[e.key(nn)] != (pronoun{}) && e.key(nn) != "that" {
				return j
			}
			// "..., but for Republicans, it is a smoking gun"
			if nn := j + 2; n == "but" && prepositions[e.key(nn)] && e.key(nn) != "that" {
				return j
			}
			// "..., but offered no proof": the source's next act, not
			// what it said.
			if nn := e.key(j + 2); n == "but" && (strings.HasSuffix(nn, "ed") || isCueForm(nn)) && e.tok(j+2).Shape == token.Lower {
				return j
			}
		}
		if (n == "who" || n == "after" || n == "before" || n == "while" || n == "when" || n == "as") && j > i+2 && e.d.QuoteOf(j) < 0 {
			return j
		}
		if (n == "and" || n == "but") && j > i+2 && e.d.QuoteOf(j) < 0 {
			// "..., and Olle Borg said ...": another source's words.
			if m, nx := e.npRight(j+2, s.To); m.ok() && m.kind != mEvidence && nx-j <= 8 && isCueForm(e.key(e.skipRight(nx, s.To))) && !strings.HasSuffix(e.key(nx), "ing") {
				return j
			}
		}
		if n == "according" && e.key(j+2) == "to" {
			return j
		}
		// "Kestria, which had offered to host them, has sent an
		// observer": the main clause resumes after a relative clause.
		if finiteAux[n] && e.tok(j+1).Shape == token.Lower && j > i && e.d.QuoteOf(j) < 0 {
			return j
		}
		if n == "which" && j > i {
			// "..., which could not be verified": the reporter's word on it.
			for x := j + 2; x < s.To && x < j+7; x++ {
				if k := e.key(x); (k == "verified" || k == "confirmed") && e.negatedBefore(x, j+1) {
					return j
				}
			}
		}
		if c, ok := cueForms[n]; ok && strings.HasSuffix(n, "ing") && c.Frame != FrameShow && !e.insideQuote(j+1) {
			return j
		}
		if _, ok := phrasalAt(n, e.key(j+2)); ok && strings.HasSuffix(n, "ing") && !e.insideQuote(j+1) {
			return j // "..., referring to the crisis"
		}
		// ", he said," / ", said Mr X," in the middle of the content.
		if _, ok := pronouns[n]; ok && j+2 < s.To {
			if _, ok := cueForms[e.key(j+2)]; ok && (e.key(j+3) == "," || e.key(j+3) == ".") {
				return j
			}
		}
		if _, ok := cueForms[n]; ok && j+2 < s.To && e.capital(j+2) {
			return j
		}
		// "..., and three-quarters said the same": a clause with its own
		// source and cue.
		if (n == "and" || n == "but" || n == "while") && j > i+2 && e.d.QuoteOf(j) < 0 {
			for k := j + 2; k < s.To && k < j+7 && e.word(k) && !e.cueTok[k]; k++ {
				if _, ok := cueForms[e.key(k)]; ok && !strings.HasSuffix(e.key(k), "ing") && k > j+2 && !adverbs[e.key(k-1)] {
					return j
				}
			}
		}
		// "..., the researcher whose estimate put the number at 60, said
		// that ...": a verb of saying after a comma is the main clause's.
		if c, ok := cueForms[n]; ok && j > i+2 && (c.Frame == FrameSay || c.Frame == FrameTell) && !strings.HasSuffix(n, "ing") && !e.insideQuote(j+1) {
			if nn := e.key(j + 2); nn != "by" && nn != "to" && (strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "s") || n == "said" || n == "told") {
				return j
			}
		}
	}
	end := s.To
	for end > i && (e.key(end-1) == "." || e.tok(end-1).Kind == token.Quote && e.tok(end-1).Dir == token.Close && e.d.QuoteOf(end-1) >= 0 && e.d.Quotes[e.d.QuoteOf(end-1)].Open < i) {
		end--
	}
	return end
}

// contentAfter returns the content that follows a cue, starting at k.
func (e *engine) contentAfter(k int, s segment.Sentence, si int) []part {
	return e.contentAfterFrame(k, s, si, FrameSay)
}

func (e *engine) contentAfterFrame(k int, s segment.Sentence, si int, fr Frame) []part {
	for k < s.To && (e.key(k) == "that" && fr != FrameCall || e.key(k) == ":" || e.key(k) == "," || fr == FrameUrge && (e.key(k) == "for" || e.key(k) == "on")) {
		k++
	}
	if k >= s.To {
		return nil
	}
	if q := e.key(k); fr == FrameSay && (q == "little" || q == "nothing") && !finiteAux[e.key(k+1)] {
		return nil // "said little on Monday", but "said nothing would change"
	}
	// A quotation that opens the content: it may run on over several
	// sentences and paragraphs.
	if e.quoteOpensAt(k) {
		if q := e.d.QuoteOf(k); q >= 0 && e.d.Quotes[q].Open == k {
			qq := e.d.Quotes[q]
			end := qq.Close
			if qq.Closed {
				end++
			}
			if end >= s.To-1 || !qq.Closed || e.sentenceEndOnlyAfter(end, s) {
				return e.quoteRun(q)
			}
		}
	}
	end := e.clauseEnd(k, s)
	if end <= k {
		return nil
	}
	return []part{{k, e.throughQuote(end, s)}}
}

// throughQuote extends content that ends at a sentence end inside a
// quotation to the quotation's close: the quoted words run on over several
// sentences ("said that “it's important. And it's another form of...”").
func (e *engine) throughQuote(end int, s segment.Sentence) int {
	if end < s.To-2 {
		return end
	}
	q := e.d.QuoteOf(end - 1)
	if q < 0 || !e.d.Quotes[q].Double || e.d.Quotes[q].Close < s.To {
		return end
	}
	run := e.quoteRun(q)
	return run[len(run)-1].to
}

func (e *engine) sentenceEndOnlyAfter(i int, s segment.Sentence) bool {
	for j := i; j < s.To; j++ {
		if e.key(j) != "." && e.tok(j).Kind != token.Quote {
			return false
		}
	}
	return true
}

// quoteRun returns the inside of quotation q together with the quotations
// that continue it in the following paragraphs.
func (e *engine) quoteRun(q int) []part {
	from, to := e.d.Quotes[q].Inner()
	for k := q; !e.d.Quotes[k].Closed; {
		next := -1
		for n := k + 1; n < len(e.d.Quotes); n++ {
			if e.d.Quotes[n].Continues && e.d.Quotes[n].Para > e.d.Quotes[k].Para {
				next = n
				break
			}
			if e.d.Quotes[n].Para > e.d.Quotes[k].Para+1 {
				break
			}
		}
		if next < 0 {
			break
		}
		_, to = e.d.Quotes[next].Inner()
		k = next
	}
	return []part{{from, to}}
}

// finish sets the claim's mode, stance and hedges, records it and marks its
// cue tokens as used.
func (e *engine) finish(c *claim, f found) {
	// Drop empty parts.
	parts := c.parts[:0]
	for _, p := range c.parts {
		if p.to > p.from && e.hasWord(p.from, p.to) {
			parts = append(parts, p)
		}
	}
	c.parts = parts
	if len(c.parts) == 0 {
		return
	}
	c.mode = e.mode(c.parts)
	if c.cueText == "" {
		c.cueText = e.d.TextOf(c.cueFrom, c.cueTo)
	}
	e.stance(c)
	for i := c.cueFrom; i < c.cueTo; i++ {
		e.cueTok[i] = true
	}
	e.claims = append(e.claims, c)
}

func (e *engine) hasWord(from, to int) bool {
	for i := from; i < to; i++ {
		if e.tok(i).Kind == token.Word || e.tok(i).Kind == token.Number {
			return true
		}
	}
	return false
}

// mode is direct when the content is one quotation, mixed when it holds
// one, indirect otherwise.
func (e *engine) mode(parts []part) string {
	quoted, plain := 0, 0
	for _, p := range parts {
		for i := p.from; i < p.to; i++ {
			t := e.tok(i)
			if t.Kind != token.Word && t.Kind != token.Number {
				continue
			}
			if q := e.d.QuoteOf(i); q >= 0 && (e.d.Quotes[q].Double || !e.d.Quotes[q].Nested) {
				quoted++
			} else {
				plain++
			}
		}
	}
	switch {
	case quoted > 0 && plain == 0:
		return "direct"
	case quoted > 0:
		return "mixed"
	}
	return "indirect"
}

// stance reads denial, refusal and hedging off the cue and the content.
func (e *engine) stance(c *claim) {
	if c.stance == "" {
		c.stance = "asserts"
	}
	if k := e.key(c.cueFrom); strings.HasPrefix(k, "declin") || strings.HasPrefix(k, "refus") {
		c.stance = "declines"
	}
	// "did not confirm", "declined to comment", "refused to say"
	for j := c.cueFrom - 1; j >= 0 && j >= c.cueFrom-3; j-- {
		switch e.key(j) {
		case "not", "n't", "never":
			if c.stance == "denies" {
				c.stance = "asserts"
			} else {
				c.stance = "declines"
			}
		case "declined", "refused", "declines", "refuses", "declining", "refusing":
			c.stance = "declines"
			c.cueFrom = j
			c.cueText = e.d.TextOf(c.cueFrom, c.cueTo)
		}
	}
	for _, p := range c.parts {
		for i := p.from; i < p.to; i++ {
			if hedges[e.key(i)] {
				c.hedges = appendUnique(c.hedges, e.key(i))
			}
		}
	}
	if c.kind == KindBelief {
		c.hedges = appendUnique(c.hedges, e.key(c.cueFrom))
	}
	if c.kind == KindEvidence && hedges[e.key(c.cueFrom)] {
		c.hedges = appendUnique(c.hedges, e.key(c.cueFrom)) // "appears to show"
	}
	if c.stance == "asserts" && len(c.hedges) > 0 {
		c.stance = "hedged"
	}
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// continuations attributes quotations that no cue claimed to the last
// speaker before them: a paragraph that is a quotation continues the words
// of whoever spoke last.
func (e *engine) continuations() {
	covered := make([]bool, len(e.toks))
	for _, c := range e.claims {
		for _, p := range c.parts {
			for i := p.from; i < p.to; i++ {
				covered[i] = true
			}
		}
	}
	for qi, q := range e.d.Quotes {
		if !q.Double || q.Nested || q.Continues {
			continue
		}
		p := e.d.Paragraphs[q.Para]
		if p.Heading || p.Header {
			continue
		}
		from, to := q.Inner()
		if to-from < 4 || covered[from] {
			continue
		}
		// “A,” he said. “B.”: the second quotation is more of the same
		// claim.
		if prev := e.directClaimBefore(q); prev != nil {
			prev.parts = append(prev.parts, e.quoteRun(qi)...)
			for _, pp := range prev.parts {
				for i := pp.from; i < pp.to; i++ {
					covered[i] = true
				}
			}
			continue
		}
		// Only a quotation that opens its paragraph continues a speaker; one
		// inside a sentence of the reporter's is a scare quote or a title.
		if q.Open != p.From {
			continue
		}
		last := e.lastSpeakerBefore(q.Open, q.Para)
		if last == nil {
			continue
		}
		// The source is the continued claim's; resolve links it.
		c := &claim{subj: last.subj, sentence: e.d.SentenceOf(from), kind: KindSpeech, continued: true,
			mode: "direct", stance: "asserts", cueFrom: from, cueTo: from, parts: e.quoteRun(qi)}
		c.subj.from, c.subj.to = 0, 0
		e.claims = append(e.claims, c)
		for _, pp := range c.parts {
			for i := pp.from; i < pp.to; i++ {
				covered[i] = true
			}
		}
	}
}

// directClaimBefore returns the direct claim whose quotation ends shortly
// before quotation q in the same paragraph, with only its attribution in
// between ("“A,” he said. “B.”").
func (e *engine) directClaimBefore(q segment.Quote) *claim {
	for _, c := range e.claims {
		if c.mode != "direct" || len(c.parts) == 0 {
			continue
		}
		last := c.parts[len(c.parts)-1]
		if e.d.SentenceOf(last.from) < 0 || e.d.Sentences[e.d.SentenceOf(last.from)].Para != q.Para || last.to > q.Open {
			continue
		}
		// Between the two: the closing mark, the attribution, a stop.
		gap := q.Open - last.to
		if (gap <= 8 || e.onlyAttribution(c, last.to, q.Open)) && c.cueFrom > last.to && c.cueTo <= q.Open {
			return c
		}
	}
	return nil
}

// onlyAttribution reports whether tokens [from, to) hold nothing but the
// claim's cue, its source's words (with an apposition: "said Petra
// Almqvist, a farmer near Tarrow.") and punctuation.
func (e *engine) onlyAttribution(c *claim, from, to int) bool {
	for i := from; i < to; i++ {
		if e.tok(i).Kind != token.Word && e.tok(i).Kind != token.Number {
			continue
		}
		if !(c.cueFrom <= i && i < c.cueTo) && !(c.subj.from <= i && i < c.subj.to) {
			return false
		}
	}
	return true
}

// lastSpeakerBefore returns the claim of the last speaker before token i,
// if it is in this paragraph or the two before.
func (e *engine) lastSpeakerBefore(i, para int) *claim {
	var best *claim
	for _, c := range e.claims {
		if c.cueFrom < i && c.kind != KindEvidence && (best == nil || c.cueFrom > best.cueFrom) {
			best = c
		}
	}
	if best == nil || e.d.Sentences[best.sentence].Para < para-2 {
		return nil
	}
	return best
}
