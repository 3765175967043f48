// Package highlight cuts an article's text into the pieces a page renders:
// paragraphs, and within them runs of text covered by the same set of
// marked spans (claims' content, cues, speakers' mentions).
//
// Spans come from the extractor as character (code point) offsets; Go
// strings are indexed by byte, so every offset is converted here, once, and
// the text is cut only at character boundaries. Cutting the text into
// segments at every span edge, rather than nesting tags, handles
// overlapping and crossing spans deterministically: each segment lists all
// the spans covering it, and the caller decides how they combine. Each
// segment's text is escaped by the caller's template.
package highlight

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Span is a marked range of the text, in characters, half-open.
type Span struct {
	Start, End int
}

// Segment is a run of text with the same covering spans.
type Segment struct {
	// Text is a piece of the original text (valid UTF-8 when the text is).
	Text string
	// Start and End are the segment's character offsets.
	Start, End int
	// Spans indexes the input spans covering the segment, outermost first:
	// ordered by start, then the longer first, then by index, so that the
	// last one is the innermost.
	Spans []int
}

// Paragraph is the segments of one paragraph, in order.
type Paragraph []Segment

// Split cuts text into paragraphs (at blank lines, as
// document.Normalize leaves them) and each paragraph into segments at every
// edge of spans. Spans outside the text are clipped to it; empty ones are
// ignored. Single line breaks stay inside a segment's text.
func Split(text string, spans []Span) []Paragraph {
	// byteAt[i] is the byte offset of character i; byteAt[n] = len(text).
	n := utf8.RuneCountInString(text)
	byteAt := make([]int, 0, n+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))

	clip := func(x int) int { return max(0, min(x, n)) }
	valid := make([]Span, len(spans))
	for i, s := range spans {
		valid[i] = Span{clip(s.Start), clip(s.End)}
	}

	// Cuts: every span edge, and both edges of each paragraph break.
	cuts := []int{0, n}
	for _, s := range valid {
		if s.Start < s.End {
			cuts = append(cuts, s.Start, s.End)
		}
	}
	breaks := paragraphBreaks(text)
	for _, b := range breaks {
		cuts = append(cuts, b.Start, b.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	// Spans sorted outermost first, so that each segment's list comes out
	// in that order without sorting per segment.
	order := make([]int, 0, len(valid))
	for i, s := range valid {
		if s.Start < s.End {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		sa, sb := valid[a], valid[b]
		if c := cmp.Compare(sa.Start, sb.Start); c != 0 {
			return c
		}
		return cmp.Compare(sb.End, sa.End)
	})

	var paras []Paragraph
	var cur Paragraph
	bi := 0
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		for bi < len(breaks) && breaks[bi].End <= a {
			bi++
		}
		if bi < len(breaks) && a >= breaks[bi].Start && b <= breaks[bi].End {
			// A paragraph break: close the paragraph, drop the blank lines.
			if len(cur) > 0 {
				paras = append(paras, cur)
				cur = nil
			}
			continue
		}
		seg := Segment{Text: text[byteAt[a]:byteAt[b]], Start: a, End: b}
		for _, i := range order {
			s := valid[i]
			if s.Start >= b {
				break // sorted by start: none further covers this segment
			}
			if s.Start <= a && s.End >= b {
				seg.Spans = append(seg.Spans, i)
			}
		}
		cur = append(cur, seg)
	}
	if len(cur) > 0 {
		paras = append(paras, cur)
	}
	return paras
}

// paragraphBreaks returns the character ranges of the runs of two or more
// line breaks (with any spaces between them) that separate paragraphs.
func paragraphBreaks(text string) []Span {
	var out []Span
	ci := 0 // character index of byte offset i
	for i := 0; i < len(text); {
		if text[i] != '\n' {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			ci++
			continue
		}
		j, cj, lines := i, ci, 0
		for j < len(text) && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t') {
			if text[j] == '\n' {
				lines++
			}
			j++
			cj++
		}
		if lines >= 2 {
			out = append(out, Span{ci, cj})
		}
		i, ci = j, cj
	}
	return out
}

// CharSpan converts a byte range of text to characters, for spans that
// come in bytes (a document's header lines).
func CharSpan(text string, start, end int) Span {
	start = max(0, min(start, len(text)))
	end = max(start, min(end, len(text)))
	a := utf8.RuneCountInString(text[:start])
	return Span{a, a + utf8.RuneCountInString(text[start:end])}
}

// Plain is the text of a paragraph without marks, for tests and titles.
func (p Paragraph) Plain() string {
	var b strings.Builder
	for _, s := range p {
		b.WriteString(s.Text)
	}
	return b.String()
}
