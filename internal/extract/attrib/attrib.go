// Package attrib finds attributed statements: for every report of speech,
// belief or knowledge, its source, cue, content and mode, and every mention
// of a source resolved to one source of the document.
//
// No statistical model can be shipped or trained here, so the engine is
// rules over tokens and lexicons (see lexicon.go for where each comes from):
// reporting verbs with their frames say where source and content sit;
// quotation pairs from package segment give direct speech; a small
// noun-phrase reader finds names, pronouns, descriptions and appositions;
// resolution links each mention to the most recent compatible source.
package attrib

import (
	"sort"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// Input is what the other stages already know about the document.
type Input struct {
	// Publisher is the publication's name ("The Telegraph"); a source that
	// matches it is the publisher itself.
	Publisher string
	// Places, Demonyms and Times are byte spans found by the other stages,
	// with the country code of each place and demonym.
	Places   []Located
	Demonyms []Located
	Times    []document.Span
}

// Located is a span with the country it names.
type Located struct {
	document.Span
	Country string
	City    bool // a city (a capital standing for its government, say)
}

// Result is what the engine finds in one document. All spans are byte
// offsets into the document text.
type Result struct {
	Sources []Source
	Claims  []Claim
	Notes   []Note
}

// Source kinds.
const (
	Person       = "person"
	Organisation = "organisation"
	Anonymous    = "anonymous"
	Publisher    = "publisher"
	Document     = "document"
)

// Source is one speaker of the document.
type Source struct {
	Name     string
	Kind     string
	Role     string
	Country  string
	Acronym  string
	Plural   bool
	Aliases  []string
	Mentions []document.Span
}

// Claim kinds.
const (
	KindSpeech   = "speech"
	KindBelief   = "belief"
	KindEvidence = "evidence" // footage, images, polls, documents "showing" something
	KindStance   = "stance"   // a position towards something: supports, criticised, praised
	KindIntent   = "intent"   // an intention: wants, plans, seeks
)

// Claim is one attributed statement.
type Claim struct {
	Source      int // index into Result.Sources
	Mention     document.Span
	MentionText string
	Cue         string
	CueSpan     document.Span // zero when the claim has no cue (a continued quotation)
	Content     []document.Span
	Mode        string
	Kind        string
	Stance      string
	Hedges      []string
	Sentence    int
}

// ContentText returns the claim's content, its parts joined with " … ".
func (c Claim) ContentText(text string) string {
	parts := make([]string, len(c.Content))
	for i, s := range c.Content {
		parts[i] = text[s.Start:s.End]
	}
	return strings.Join(parts, " … ")
}

// Note kinds.
const (
	NoteUnattributed = "unattributed"
	NoteVerification = "verification"
)

// Note is a statement that is not an attribution but matters to a reader
// weighing the claims: an unattributed hedge, the reporter's verification.
type Note struct {
	Kind    string
	By      string
	Cue     string
	Content document.Span
	Status  string

	at int // token index of the cue, to drop hedges inside attributed claims
}

// Find runs the engine over a segmented document.
func Find(d *segment.Doc, in Input) Result {
	e := newEngine(d, in)
	e.run()
	return e.result()
}

// engine holds the state of one run.
type engine struct {
	d      *segment.Doc
	toks   []token.Token
	text   string
	in     Input
	place  []int32 // token -> 1 + index into in.Places, or 0
	demo   []int32 // token -> 1 + index into in.Demonyms, or 0
	isTime []bool
	lower  map[string]bool // keys seen in lower case in the document
	// placeLike holds capitalised words the document uses as places ("in
	// Aurenmark", "from Lissel") and demonymLike those it uses as
	// nationality adjectives ("Sethran vessels"), so that places and
	// peoples the gazetteer does not know are not taken for persons.
	placeLike, demonymLike map[string]bool
	cueTok                 []bool // tokens used as cues

	claims  []*claim
	notes   []Note
	sources []*source
}

func newEngine(d *segment.Doc, in Input) *engine {
	e := &engine{d: d, toks: d.Tokens, text: d.Text, in: in,
		place: make([]int32, len(d.Tokens)), demo: make([]int32, len(d.Tokens)),
		isTime: make([]bool, len(d.Tokens)), cueTok: make([]bool, len(d.Tokens)),
		lower: make(map[string]bool)}
	mark := func(spans []document.Span, f func(i, k int)) {
		for k, s := range spans {
			lo := sort.Search(len(e.toks), func(i int) bool { return e.tok(i).End > s.Start })
			for i := lo; i < len(e.toks) && e.tok(i).Start < s.End; i++ {
				f(i, k)
			}
		}
	}
	spans := func(ls []Located) []document.Span {
		out := make([]document.Span, len(ls))
		for i, l := range ls {
			out[i] = l.Span
		}
		return out
	}
	mark(spans(in.Places), func(i, k int) { e.place[i] = int32(k + 1) })
	mark(spans(in.Demonyms), func(i, k int) { e.demo[i] = int32(k + 1) })
	mark(in.Times, func(i, _ int) { e.isTime[i] = true })
	e.placeLike, e.demonymLike = map[string]bool{}, map[string]bool{}
	for i, t := range e.toks {
		if t.Kind == token.Word && t.Shape == token.Lower {
			e.lower[t.Key] = true
		}
		if t.Kind != token.Word || t.Shape != token.Title {
			continue
		}
		switch e.key(i - 1) {
		case "in", "into", "from", "near", "across", "toward", "towards", "inside", "outside", "throughout", "around", "visited":
			if e.key(i+1) != "'s" && !e.tok(i+1).Capitalised() {
				e.placeLike[t.Key] = true
			}
		}
		if n := e.tok(i + 1); n.Kind == token.Word && n.Shape == token.Lower && !isCueForm(n.Key) && demonymSuffix(t.Key) && e.place[i] == 0 {
			e.demonymLike[t.Key] = true
		}
	}
	return e
}

// demonymSuffix reports whether a word ends as nationality adjectives do
// ("Valdorian", "Sethran", "Sudanese", "Kurdish", "Iraqi").
func demonymSuffix(w string) bool {
	for _, suf := range []string{"ian", "an", "ese", "ish", "i"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

func (e *engine) run() {
	for si, s := range e.d.Sentences {
		// Headlines carry claims too ("Minister says talks failed"); a
		// quoted headline without a cue yields none.
		if e.d.Paragraphs[s.Para].Header {
			continue
		}
		e.sentence(si)
	}
	e.continuations()
	e.notesPass()
	e.dropAttributedHedges()
	e.resolve()
}

func (e *engine) result() Result {
	var r Result
	idx := make(map[*source]int)
	for _, c := range e.claims {
		if c.src == nil {
			continue
		}
		if _, ok := idx[c.src]; !ok {
			idx[c.src] = len(r.Sources)
			r.Sources = append(r.Sources, c.src.export())
		}
	}
	sort.SliceStable(e.claims, func(i, j int) bool { return e.claims[i].start() < e.claims[j].start() })
	for _, c := range e.claims {
		if c.src == nil {
			continue
		}
		out := Claim{
			Source: idx[c.src], Mention: e.span(c.subj.from, c.subj.to), MentionText: e.subjText(c),
			Cue: c.cueText, Mode: c.mode, Kind: c.kind, Stance: c.stance, Hedges: c.hedges, Sentence: c.sentence,
		}
		if c.cueTo > c.cueFrom {
			out.CueSpan = e.span(c.cueFrom, c.cueTo)
		}
		for _, p := range c.parts {
			out.Content = append(out.Content, e.contentSpan(p))
		}
		r.Claims = append(r.Claims, out)
	}
	r.Notes = e.notes
	return r
}

func (e *engine) subjText(c *claim) string {
	if c.subj.to <= c.subj.from {
		return c.src.name
	}
	return e.d.TextOf(c.subj.from, c.subj.to)
}

// span returns the byte span of tokens [from, to).
func (e *engine) span(from, to int) document.Span {
	if to <= from {
		return document.Span{}
	}
	return document.Span{Start: e.tok(from).Start, End: e.tok(to - 1).End}
}

// contentSpan returns the byte span of a content part, without the
// surrounding punctuation a reader would not quote.
func (e *engine) contentSpan(p part) document.Span {
	from, to := p.from, p.to
	for to > from+1 && (e.tok(to-1).Kind == token.Punct && e.tok(to-1).Key != "?" && e.tok(to-1).Key != "!" && e.tok(to-1).Key != "." && e.tok(to-1).Key != ")") {
		to--
	}
	for from < to-1 && e.tok(from).Kind == token.Punct && e.tok(from).Key != "(" {
		from++
	}
	return e.span(from, to)
}
