// Package segment splits a document's tokens into paragraphs, sentences and
// quotations. Later stages ask it which sentence and which quotation a token
// belongs to.
package segment

import (
	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// Doc is a segmented document.
type Doc struct {
	Text       string
	Tokens     []token.Token
	Paragraphs []Paragraph
	Sentences  []Sentence
	Quotes     []Quote

	sentOf  []int32 // token index -> sentence index
	quoteOf []int32 // token index -> innermost quotation index, or -1
}

// Paragraph is a run of tokens between blank lines. From and To are token
// indices, To exclusive.
type Paragraph struct {
	From, To int
	// Heading marks a short line with no sentence punctuation: a title, a
	// cross-heading, a quoted headline. Headings are not speech.
	Heading bool
	// Header marks a metadata line of the document (byline, date line,
	// publisher line).
	Header bool
}

// Sentence is a run of tokens. From and To are token indices, To exclusive.
type Sentence struct {
	From, To int
	Para     int
}

// Quote is a quotation: the tokens between a pair of quotation marks. Open
// is the token index of the opening mark; Close that of the closing mark,
// or the paragraph's end (exclusive) when the quotation runs on into the
// next paragraph.
type Quote struct {
	Open, Close int
	Para        int
	// Closed is false when the paragraph ended inside the quotation.
	Closed bool
	// Continues marks a quotation that reopens one left open at the end of
	// the paragraph before (the convention for quotations over several
	// paragraphs).
	Continues bool
	Double    bool
	// Nested marks a quotation inside another one.
	Nested bool
}

// Inner returns the token range [from, to) inside the marks.
func (q Quote) Inner() (from, to int) { return q.Open + 1, q.Close }

// Span returns the byte span of the quotation including its marks.
func (d *Doc) Span(q Quote) document.Span {
	end := d.Tokens[q.Close-1].End
	if q.Closed {
		end = d.Tokens[q.Close].End
	}
	return document.Span{Start: d.Tokens[q.Open].Start, End: end}
}

// SentenceOf returns the index of the sentence holding token i.
func (d *Doc) SentenceOf(i int) int { return int(d.sentOf[i]) }

// QuoteOf returns the index of the innermost quotation holding token i
// (its marks included), or -1.
func (d *Doc) QuoteOf(i int) int { return int(d.quoteOf[i]) }

// TextOf returns the text from token from to token to (exclusive).
func (d *Doc) TextOf(from, to int) string {
	if from >= to {
		return ""
	}
	return d.Text[d.Tokens[from].Start:d.Tokens[to-1].End]
}

// New tokenizes and segments text. header lists byte spans of metadata
// lines (document.Document.Header).
func New(text string, header []document.Span) *Doc {
	return Segment(text, token.Tokenize(text), header)
}

// Segment segments already tokenized text.
func Segment(text string, toks []token.Token, header []document.Span) *Doc {
	d := &Doc{Text: text, Tokens: toks, sentOf: make([]int32, len(toks)), quoteOf: make([]int32, len(toks))}
	d.paragraphs(header)
	d.quotes()
	d.sentences()
	return d
}

func (d *Doc) paragraphs(header []document.Span) {
	start := 0
	for i := 1; i <= len(d.Tokens); i++ {
		if i == len(d.Tokens) || d.Tokens[i].Para {
			p := Paragraph{From: start, To: i}
			p.Header = overlaps(header, d.Tokens[start].Start, d.Tokens[i-1].End)
			p.Heading = !p.Header && d.heading(start, i)
			d.Paragraphs = append(d.Paragraphs, p)
			start = i
		}
	}
}

func overlaps(spans []document.Span, start, end int) bool {
	for _, s := range spans {
		if s.Start < end && start < s.End {
			return true
		}
	}
	return false
}

// heading reports whether tokens [from, to) look like a heading: short, one
// line, and not ending in sentence punctuation or a colon.
func (d *Doc) heading(from, to int) bool {
	if to-from > 16 {
		return false
	}
	for i := from + 1; i < to; i++ {
		if d.Tokens[i].Line {
			return false
		}
	}
	last := to - 1
	for last > from && d.Tokens[last].Kind == token.Quote {
		last--
	}
	switch d.Tokens[last].Key {
	case ".", "!", ":", ",", ";", "…", "...":
		return false
	case "?":
		return to-from <= 12 // a question as a headline
	}
	return true
}

// quotes pairs quotation marks paragraph by paragraph with a small state
// machine: a double mark opens when none is open and closes the open one;
// single marks open and close a quotation only where they cannot be
// apostrophes; a paragraph that ends inside a quotation leaves it open for a
// next paragraph that starts with an opening mark.
func (d *Doc) quotes() {
	for i := range d.quoteOf {
		d.quoteOf[i] = -1
	}
	carry := false // the previous paragraph ended inside a double quotation
	for pi, p := range d.Paragraphs {
		dbl, sgl := -1, -1 // open marks' token indices
		cont := false
		for i := p.From; i < p.To; i++ {
			t := d.Tokens[i]
			if t.Kind != token.Quote {
				continue
			}
			if t.Double {
				switch {
				case dbl < 0 && t.Dir != token.Close:
					dbl = i
					cont = carry && i == p.From
				case dbl >= 0 && t.Dir != token.Open:
					d.addQuote(Quote{Open: dbl, Close: i, Para: pi, Closed: true, Continues: cont, Double: true})
					dbl, sgl = -1, -1
				case dbl >= 0 && t.Dir == token.Open:
					// Two opening marks: the first was never closed. Keep
					// the quotation up to here and start again.
					d.addQuote(Quote{Open: dbl, Close: i, Para: pi, Continues: cont, Double: true})
					dbl, sgl = i, -1
					cont = false
				}
				continue
			}
			switch {
			case sgl < 0 && t.Dir == token.Open:
				sgl = i
			case sgl >= 0 && t.Dir != token.Open:
				d.addQuote(Quote{Open: sgl, Close: i, Para: pi, Closed: true, Nested: dbl >= 0})
				sgl = -1
			}
		}
		carry = false
		if dbl >= 0 {
			d.addQuote(Quote{Open: dbl, Close: p.To, Para: pi, Continues: cont, Double: true})
			carry = true
		}
	}
	// Inner quotations were added after the outer one opened but before it
	// closed; mark them by containment.
	for qi := range d.Quotes {
		q := &d.Quotes[qi]
		for _, o := range d.Quotes {
			if o.Open < q.Open && q.Close <= o.Close && o.Double {
				q.Nested = true
			}
		}
	}
}

func (d *Doc) addQuote(q Quote) {
	d.Quotes = append(d.Quotes, q)
}

// sentences splits each paragraph into sentences and then records, for
// every token, its sentence and innermost quotation.
func (d *Doc) sentences() {
	for pi, p := range d.Paragraphs {
		start := p.From
		for i := p.From; i < p.To; i++ {
			if i+1 < p.To && d.endsSentence(i, p.To) {
				end := i + 1
				// Closing marks and brackets after the stop belong to this
				// sentence.
				for end < p.To && (d.Tokens[end].Kind == token.Quote && d.Tokens[end].Dir != token.Open || d.Tokens[end].Key == ")") && !d.Tokens[end].Space {
					end++
				}
				if end < p.To {
					d.Sentences = append(d.Sentences, Sentence{From: start, To: end, Para: pi})
					start = end
					i = end - 1
				}
			}
		}
		d.Sentences = append(d.Sentences, Sentence{From: start, To: p.To, Para: pi})
	}
	for si, s := range d.Sentences {
		for i := s.From; i < s.To; i++ {
			d.sentOf[i] = int32(si)
		}
	}
	// Sort quotations by their opening mark, then let inner ones win.
	sortQuotes(d.Quotes)
	for qi, q := range d.Quotes {
		end := q.Close
		if q.Closed {
			end++
		}
		for i := q.Open; i < end && i < len(d.quoteOf); i++ {
			d.quoteOf[i] = int32(qi)
		}
	}
}

func sortQuotes(qs []Quote) {
	for i := 1; i < len(qs); i++ {
		for j := i; j > 0 && qs[j].Open < qs[j-1].Open; j-- {
			qs[j], qs[j-1] = qs[j-1], qs[j]
		}
	}
}

// endsSentence reports whether a sentence ends after token i of a paragraph
// that ends at token end.
func (d *Doc) endsSentence(i, end int) bool {
	t := d.Tokens[i]
	switch t.Key {
	case ".", "!", "?", "…", "...":
	default:
		// "U.S." and "a.m." carry their period inside the word.
		if t.Kind == token.Word && len(t.Key) > 2 && t.Key[len(t.Key)-1] == '.' {
			return i+1 < end && starter[d.Tokens[i+1].Key] && d.Tokens[i+1].Shape == token.Title
		}
		return false
	}
	// Skip closing marks to see what follows.
	j := i + 1
	closedQuote := false
	for j < end && (d.Tokens[j].Kind == token.Quote && d.Tokens[j].Dir != token.Open || d.Tokens[j].Key == ")") && !d.Tokens[j].Space {
		closedQuote = closedQuote || d.Tokens[j].Kind == token.Quote
		j++
	}
	if j >= end {
		return true
	}
	next := d.Tokens[j]
	if !next.Space && next.Kind != token.Quote {
		return false // "1.5", "..." glued to a word
	}
	if t.Key == "." && i > 0 && d.abbreviation(i-1) && !(closedQuote) {
		// "Mr. Garner", "Oct. 18": the period belongs to the abbreviation
		// unless a clear sentence starter follows a title-less one.
		prev := d.Tokens[i-1]
		if titles[prev.Key] || next.Kind == token.Number || next.Shape != token.Title || !starter[next.Key] {
			return false
		}
	}
	switch {
	case next.Kind == token.Quote && next.Dir != token.Close:
		return true
	case next.Capitalised(), next.Kind == token.Number:
		return true
	case next.Key == "(" || next.Key == "[":
		return j+1 < end && d.Tokens[j+1].Capitalised()
	case next.Kind == token.Punct && (next.Key == "—" || next.Key == "-"):
		return closedQuote
	}
	return false
}

// abbreviation reports whether token i is a word that usually takes a
// period as an abbreviation ("Mr", "Gen", "Oct") or a single-letter initial.
func (d *Doc) abbreviation(i int) bool {
	t := d.Tokens[i]
	if t.Kind != token.Word {
		return false
	}
	if len(t.Key) == 1 && t.Shape == token.Title {
		return true // "John F. Kennedy"
	}
	return titles[t.Key] || abbrevs[t.Key]
}

// titles are honorifics and ranks written before a name; from common
// newspaper style guides (AP, Reuters).
var titles = set("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "rep", "sen", "gov", "pres", "rev", "fr", "sr", "jr", "st", "hon", "amb", "supt", "insp", "det", "cpl", "pvt", "brig", "gens", "reps", "sens")

// abbrevs are other words commonly abbreviated with a period in news text.
var abbrevs = set("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"inc", "ltd", "co", "corp", "bros", "no", "nos", "vs", "v", "etc", "approx", "est", "al", "dept", "univ", "assn",
	"ave", "blvd", "rd", "mt", "ft", "fig", "vol", "op", "cf", "e.g", "i.e", "ca", "p", "pp")

// starter words begin a sentence far more often than they follow an
// abbreviation.
var starter = set("the", "he", "she", "it", "they", "we", "i", "but", "and", "in", "a", "an", "this", "that", "there", "his", "her", "its", "their", "on", "at", "as", "if", "when", "while", "after", "before", "mr", "ms", "mrs", "dr", "officials", "some", "many")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
