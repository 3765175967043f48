// Package text reads an article as people paste it into a text file: a
// title, maybe a standfirst, a block of header lines (byline, date line,
// publisher line, in any order), then the body in paragraphs. It also reads
// text with no header at all, and YAML front matter when a file has it.
//
// Header lines are recognised by what they are, not where they sit: a lone
// date, a short name-like line, a masthead-like line. A bare name counts
// only beside another header line, so a title-case subheading is not taken
// for a byline.
package text

import (
	"errors"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
)

// ErrEmpty reports a text with nothing but white space in it.
var ErrEmpty = errors.New("no text in it")

// maxHeadLines bounds where the header block may start: after the title and
// at most one standfirst line.
const maxHeadLines = 2

// maxBlock bounds the header block itself.
const maxBlock = 6

// Read parses the pasted article src (UTF-8; invalid bytes become U+FFFD)
// into a Document with Format "text" and the given origin.
func Read(src []byte, origin string) (*document.Document, error) {
	d := &document.Document{Origin: origin, Format: "text"}
	body := src
	fm, rest, hasFM := cutFrontMatter(src)
	if hasFM {
		body = rest
		fm.apply(d)
	}
	t := document.Normalize(string(body))
	if hasFM && d.Title != "" && !startsWithTitle(t, d.Title) {
		// The title lives in the front matter only; the text a reader sees
		// starts with it, as it does for a page.
		t = document.Normalize(d.Title + "\n\n" + t)
	}
	if t == "" {
		return nil, ErrEmpty
	}
	d.Text = t
	parseHeader(d)
	d.Finish()
	return d, nil
}

// startsWithTitle says whether text opens with title, perhaps as a Markdown
// heading.
func startsWithTitle(text, title string) bool {
	first, _, _ := strings.Cut(text, "\n")
	return squash(trimHeading(first)) == squash(title)
}

// line is one non-blank line of the normalised text with its byte offsets
// and, once asked for, its classification.
type line struct {
	text       string
	start, end int
	parts      []part
	done       bool
}

// classify classifies the line once; a line is looked at several times.
func (l *line) classify() []part {
	if !l.done {
		l.parts, l.done = classify(l.text), true
	}
	return l.parts
}

// headLines returns the first n non-blank lines of t with their offsets.
func headLines(t string, n int) []line {
	var out []line
	pos := 0
	for pos < len(t) && len(out) < n {
		end := strings.IndexByte(t[pos:], '\n')
		if end < 0 {
			end = len(t)
		} else {
			end += pos
		}
		if s := t[pos:end]; strings.TrimSpace(s) != "" {
			out = append(out, line{text: s, start: pos, end: end})
		}
		pos = end + 1
	}
	return out
}

// Header is what the head of an article's text says about the article.
type Header struct {
	Title      string // the first line, when it is a title
	Standfirst string // a prose line between the title and the header block
	Authors    []string
	Publisher  string
	Published  time.Time
	// Spans are the byte spans of the byline, date and publisher lines.
	Spans []document.Span
}

// ParseHeader reads the title, standfirst and header block at the head of
// t, a text normalised by document.Normalize. The HTML reader runs it over
// a page's extracted text too, where a byline and a date line often sit
// between the headline and the body.
func ParseHeader(t string) Header {
	var h Header
	lines := headLines(t, maxHeadLines+maxBlock+1)
	if len(lines) == 0 {
		return h
	}
	// The first line is the title, unless it is itself plainly a header
	// line (a date, a "By" byline, a known masthead): then the text opens
	// with its header block and has no title line.
	blockFrom, blockTo := -1, -1
	if strongLine(lines[0].classify()) {
		if from, to, ok := headerBlock(lines, 0); ok {
			blockFrom, blockTo = from, to
		}
	}
	for i := 1; blockFrom < 0 && i <= maxHeadLines && i < len(lines); i++ {
		if i == 2 && lines[1].classify() != nil {
			break // a header line that did not start a block is no standfirst
		}
		if from, to, ok := headerBlock(lines, i); ok {
			blockFrom, blockTo = from, to
		}
	}

	switch {
	case blockFrom < 0:
		if len(lines) > 1 && looksLikeHeadline(trimHeading(lines[0].text)) {
			h.Title = trimHeading(lines[0].text)
		}
		return h
	case blockFrom >= 1:
		h.Title = trimHeading(lines[0].text)
	}
	if blockFrom == 2 {
		h.Standfirst = lines[1].text
	}
	for i := blockFrom; i < blockTo; i++ {
		l := &lines[i]
		h.Spans = append(h.Spans, document.Span{Start: l.start, End: l.end})
		for _, p := range l.classify() {
			switch p.kind {
			case dateLine:
				if h.Published.IsZero() {
					h.Published = p.date
				}
			case byline, name:
				h.Authors = append(h.Authors, p.authors...)
				if h.Published.IsZero() && !p.date.IsZero() {
					h.Published = p.date
				}
			case publisher:
				if h.Publisher == "" {
					h.Publisher = p.text
				}
			}
		}
	}
	return h
}

// parseHeader fills d from the head of d.Text, keeping what front matter
// already set.
func parseHeader(d *document.Document) {
	h := ParseHeader(d.Text)
	d.Header = h.Spans
	if d.Title == "" {
		d.Title = h.Title
	}
	if d.Standfirst == "" {
		d.Standfirst = h.Standfirst
	}
	if d.Published.IsZero() {
		d.Published = h.Published
	}
	if len(d.Authors) == 0 {
		d.Authors = h.Authors
	}
	if d.Publisher == "" {
		d.Publisher = h.Publisher
	}
}

// headerBlock returns the run of header lines that starts at lines[i], if
// there is one that holds real evidence of being a header: a date, a "By"
// byline, several names, or at least two header lines together. A bare
// name or a lone masthead-like word is not enough on its own.
func headerBlock(lines []line, i int) (from, to int, ok bool) {
	if i >= len(lines) {
		return 0, 0, false
	}
	n, strong := 0, false
	for j := i; j < len(lines) && j < i+maxBlock; j++ {
		parts := lines[j].classify()
		if parts == nil {
			break
		}
		n++
		strong = strong || strongLine(parts)
	}
	if n == 0 || (!strong && n < 2) {
		return 0, 0, false
	}
	return i, i + n, true
}

// strongLine says whether a line is a header line even alone: it holds a
// date, a byline proper ("By ...", or several names), or a known masthead.
func strongLine(parts []part) bool {
	if len(parts) > 1 {
		return true
	}
	for _, p := range parts {
		if p.kind == dateLine || p.kind == byline || (p.kind == publisher && isKnownPublisher(p.text)) {
			return true
		}
	}
	return false
}

// trimHeading removes Markdown heading marks from a title line.
func trimHeading(s string) string {
	if strings.HasPrefix(s, "#") {
		return strings.TrimSpace(strings.TrimLeft(s, "#"))
	}
	return strings.TrimSpace(s)
}

func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
