package attrib

import (
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// passiveNote records an unattributed hedge: "thought to be", "is believed
// to have", "are said to be", "was reported". Nobody is named, so nobody is
// made up: the statement is kept as a note.
func (e *engine) passiveNote(i int, s segment.Sentence) {
	c := cueForms[e.key(i)]
	if c.Frame == FrameTell {
		return // "were told": the hearers are the subject
	}
	if (c.Lemma == "confirm" || c.Lemma == "verify") && e.negatedBefore(i, s.From) {
		return // "could not be confirmed": a verification note (notesPass)
	}
	cue := e.d.TextOf(i, i+1)
	if e.key(i+1) == "to" {
		cue = e.d.TextOf(i, min(i+3, s.To))
	}
	if e.key(i+1) == "by" {
		return // "was reported by X": an attribution in the passive
	}
	e.notes = append(e.notes, Note{Kind: NoteUnattributed, Cue: cue, Content: e.span(s.From, e.trimEnd(s.From, s.To)), at: i})
}

// notesPass finds the reporter's verification statements and unattributed
// hedges that no cue carries ("reportedly", "appear to be").
func (e *engine) notesPass() {
	for si, s := range e.d.Sentences {
		p := e.d.Paragraphs[s.Para]
		if p.Header {
			continue
		}
		for i := s.From; i < s.To; i++ {
			if e.insideQuote(i) {
				continue
			}
			k := e.key(i)
			switch {
			case (k == "verify" || k == "confirm" || k == "verified" || k == "confirmed") && e.negatedBefore(i, s.From):
				e.verification(i, si)
			case k == "reportedly" || k == "allegedly":
				e.notes = append(e.notes, Note{Kind: NoteUnattributed, Cue: k, Content: e.span(s.From, e.trimEnd(s.From, s.To)), at: i})
			case (k == "appear" || k == "appears" || k == "seem" || k == "seems") && e.key(i+1) == "to" && !e.inClaim(i) && p.Heading == false:
				e.notes = append(e.notes, Note{Kind: NoteUnattributed, Cue: e.d.TextOf(i, i+2), Content: e.span(s.From, e.trimEnd(s.From, s.To)), at: i})
			}
		}
	}
}

// dropAttributedHedges removes unattributed notes whose hedge lies inside
// an attributed claim: "12,000 expected to be deployed" in what the NIS said
// is the agency's expectation, not an unattributed one.
func (e *engine) dropAttributedHedges() {
	kept := e.notes[:0]
	for _, n := range e.notes {
		if n.Kind == NoteUnattributed && (e.inClaim(n.at) || e.cueTok[n.at]) {
			continue
		}
		kept = append(kept, n)
	}
	e.notes = kept
}

// negatedBefore reports whether the verb at i is negated: "could not
// verify", "have not confirmed", "Neither X nor Y have confirmed".
func (e *engine) negatedBefore(i, lo int) bool {
	for j := i - 1; j >= lo && j >= i-4; j-- {
		switch e.key(j) {
		case "not", "n't", "never", "unable", "cannot":
			return true
		}
	}
	for j := lo; j < i; j++ {
		if e.key(j) == "neither" || e.key(j) == "nor" {
			return true
		}
	}
	return false
}

// verification records a statement that something is not verified or not
// confirmed, with who says so and what it is about.
func (e *engine) verification(i, si int) {
	s := e.d.Sentences[si]
	by := ""
	status := "not confirmed"
	k := e.key(i)
	if k == "verify" || k == "verified" {
		status = "unverified"
	}
	// Who: the noun phrase before the negation.
	j := i - 1
	for j > s.From && (e.word(j) && (adverbs[e.key(j)] || negators[e.key(j)] || e.key(j) == "independently" || e.key(j) == "unable" || e.key(j) == "cannot" || e.key(j) == "to") || e.key(j) == "n't") {
		j--
	}
	neither := false
	for x := s.From; x < i; x++ {
		if e.key(x) == "neither" {
			neither = true
			// "Neither Russia nor North Korea": both names.
			a := e.d.TextOf(x+1, e.indexOf("nor", x, i))
			b := ""
			if n := e.indexOf("nor", x, i); n < i {
				m, _ := e.npRight(n+1, i)
				if m.ok() {
					b = e.d.TextOf(m.from, m.to)
				}
			}
			by = a + "; " + b
		}
	}
	passive := false
	for x := j + 1; x < i; x++ {
		passive = passive || e.key(x) == "be" || e.key(x) == "been"
	}
	if passive && !neither {
		// "The claim could not be independently verified": what is
		// unverified is the subject, and nobody is named as verifier.
		to := j + 1
		if e.key(j) == "which" && e.key(j-1) == "," {
			to = j - 1 // "..., which could not be verified": what came before
		}
		e.notes = append(e.notes, Note{Kind: NoteVerification, Cue: e.d.TextOf(j+1, i+1), Content: e.span(s.From, to), Status: status})
		return
	}
	if !neither {
		if m := e.npLeft(j, s.From); m.ok() {
			by = e.d.TextOf(m.from, m.to)
		}
	}
	to := e.trimEnd(i+1, s.To)
	for x := i + 1; x < to; x++ {
		if e.key(x) == "but" || e.key(x) == ";" || e.key(x) == "," && e.key(x+1) == "but" {
			to = x
			break
		}
	}
	from := i + 1
	if neither {
		from = s.From
	}
	if to <= from {
		from = s.From
	}
	e.notes = append(e.notes, Note{Kind: NoteVerification, By: by, Cue: e.d.TextOf(j+1, i+1), Content: e.span(from, to), Status: status})
}

func (e *engine) indexOf(key string, from, to int) int {
	for i := from; i < to; i++ {
		if e.key(i) == key {
			return i
		}
	}
	return to
}

func (e *engine) trimEnd(from, to int) int {
	for to > from+1 && e.tok(to-1).Kind == token.Punct {
		to--
	}
	return to
}

// inClaim reports whether token i lies in the content of a claim.
func (e *engine) inClaim(i int) bool {
	for _, c := range e.claims {
		for _, p := range c.parts {
			if p.from <= i && i < p.to {
				return true
			}
		}
	}
	return false
}
