package attrib

import (
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// nominalCues are nouns that report a source's words or beliefs with a
// "that" clause after its owner: "his claim that ...", "the ministry's
// statement that ...". PolNeAR annotates them as attributions (its
// training set: claim 18, warning 7, suggestion 4, argument 2, statement 2,
// assertion, insistence, accusation, contention...); the list adds the
// nouns of the reporting verbs of lexicon.go that take the same clause.
var nominalCues = map[string]Cue{}

func init() {
	for _, w := range strings.Fields(`claim claims statement assertion argument contention insistence suggestion
		warning accusation allegation allegations admission announcement promise pledge vow threat comment comments
		remark remarks complaint charge boast explanation reminder`) {
		nominalCues[w] = Cue{Lemma: w, Frame: FrameSay}
	}
	for _, w := range strings.Fields(`belief view fear hope estimate assessment prediction suspicion expectation conviction`) {
		nominalCues[w] = Cue{Lemma: w, Frame: FrameSay, Belief: true}
	}
	nominalCues["denial"] = Cue{Lemma: "denial", Frame: FrameSay, Stance: "denies"}
}

// maxNominalClause bounds, in tokens, the clause a nominal cue reports.
const maxNominalClause = 80

// nominal reads "OWNER's NOUN that C" and "his/her/its/their NOUN that C"
// with the noun at token i, and records the owner's claim. It reports
// whether it found one.
func (e *engine) nominal(i, si int) bool {
	if e.key(i+1) != "that" { // checked first: this runs for every word
		return false
	}
	s := e.d.Sentences[si]
	cue, ok := nominalCues[e.key(i)]
	if !ok || e.tok(i).Shape != token.Lower || i+2 >= s.To || e.insideQuote(i) {
		return false
	}
	o := i - 1
	var m mention
	switch e.key(o) {
	case "his", "her", "its", "their":
		m = mention{from: o, to: o + 1, kind: mPronoun, plural: e.key(o) == "their", female: e.key(o) == "her"}
	case "'s":
		m = e.npLeft(o-1, s.From)
		if !m.ok() || m.kind == mPronoun || m.kind == mEvidence || m.to != o {
			return false
		}
	default:
		return false
	}
	c := &claim{subj: m, cueFrom: i, cueTo: i + 1, sentence: si, kind: KindSpeech, stance: cue.Stance}
	if cue.Belief {
		c.kind = KindBelief
	}
	from := i + 2
	// A noun's clause is short; reading no further than this keeps a run
	// of nouns in one endless sentence from costing its square.
	near := s
	near.To = min(s.To, from+maxNominalClause)
	end := e.clauseEnd(from, near)
	lo := e.leadingAdverbial(e.clauseStart(m.from, s), m.from)
	switch {
	case prepositions[e.key(m.from-1)] || e.key(m.from-1) == "to":
		// "Despite the ministry's claim that no ships were lost, families
		// ...": the phrase ends at its comma.
		for j := from; j < end; j++ {
			if e.key(j) != "," {
				continue
			}
			if !e.insideQuote(j) {
				end = j
				break
			}
			if n := e.tok(j + 1); n.Kind == token.Quote && n.Dir != token.Open {
				end = j + 2 // "Contrary to his claim that people would “learn nothing,” there ..."
				break
			}
		}
	case m.from <= lo:
		// The subject of the sentence: "Kessel's claim that the strait was
		// mined was rejected by ...": the clause ends before the main verb.
		if v := e.mainVerb(from, end); v > from {
			end = v
		}
	}
	c.parts = []part{{from, e.throughQuote(end, near)}}
	e.finish(c, found{from: i, to: i + 1, cue: cue, form: e.key(i)})
	return true
}

// mainVerb returns where the verb of the main clause starts after a "that"
// clause that runs from token from, or 0: a finite verb after the clause
// has had its own and after a word that ends a noun phrase, not after a
// conjunction, a pronoun or a relative word that opens another clause
// ("that he still has a way to win the nomination would depend on ...").
func (e *engine) mainVerb(from, to int) int {
	seen := false
	for j := from; j < to; j++ {
		if e.insideQuote(j) || !e.word(j) {
			continue
		}
		k := e.key(j)
		verb := finiteAux[k] || strings.HasSuffix(k, "ed") && e.tok(j).Shape == token.Lower
		if !verb {
			continue
		}
		if !seen {
			seen = true
			continue
		}
		p := e.key(j - 1)
		if _, pro := pronouns[p]; pro || clauseBreak[p] || finiteAux[p] || beForms[p] || adverbs[p] || p == "to" || p == "not" || p == "n't" || p == "who" || p == "which" {
			continue
		}
		return j
	}
	return 0
}
