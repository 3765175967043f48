// Package text reads an article as people paste it into a text file: a
// title, maybe a standfirst, a block of header lines (byline, date line,
// publisher line, in any order), then the body in paragraphs. It also reads
// text with no header at all, and YAML front matter when a file has it.
//
// Header lines are recognised by what they are, not where they sit: a lone
// date, a short name-like line, a masthead-like line. A bare name counts
// only beside another header line, so a title-case subheading is not taken
// for a byline.
//
// The publication day comes from the date line (in words, ISO, or the
// numeric stamps of wire services and news archives), else from a wire
// dateline opening the body ("HAVANA, August 7 (Xinhua) --"), else from a
// date in the file name; see Read.
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
//
// The publication day is the header's date line, else the date of a wire
// dateline opening the body, else, as a last resort, a date in the base
// name of origin ("northwind-2025-03-20-volunteers.txt", "APW19980807.0261").
// A date line or dateline that leaves the year open takes it from the file
// name or a full date elsewhere in the text; an all-numeric date that can
// be read either way is settled by the other dates of the document, then by
// its spelling (American or British).
func Read(src []byte, origin string) (*document.Document, error) {
	d, _, err := read(src, origin)
	return d, err
}

// read is Read, and says where the publication day came from: a Document
// has no field for it.
func read(src []byte, origin string) (*document.Document, dateSource, error) {
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
		return nil, fromNone, ErrEmpty
	}
	d.Text = t
	from := parseHeader(d)
	d.Finish()
	return d, from, nil
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
// between the headline and the body. When the header block has no date, a
// wire dateline opening the body ("LARNHOLT, March 20 (Northwind Wire) -")
// gives it, and its agency stands as the publisher when no masthead does.
func ParseHeader(t string) Header {
	return readHead(t, time.Time{}).Header
}

// head is what readHead finds at the head of a text: the Header, where its
// publication day came from, and the wire dateline opening the body.
type head struct {
	Header
	from     dateSource
	dateline dateline
}

// readHead is ParseHeader with the date a file name gives (zero when
// none), which settles a date the text leaves open and stands in for one
// the text does not give.
func readHead(t string, nameDate time.Time) head {
	var h head
	lines := headLines(t, maxHeadLines+maxBlock+2)
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

	body := 0 // the first line of the body
	switch {
	case blockFrom < 0:
		if _, ok := readDateline(lines[0].text); !ok && len(lines) > 1 {
			first := trimHeading(lines[0].text)
			_, datelineNext := readDateline(lines[1].text)
			if looksLikeHeadline(first) || titleCase(first) || datelineNext && len(strings.Fields(first)) <= 25 {
				// A line in title case, or before a wire dateline, is
				// the headline even with a full stop after it.
				h.Title = dropStop(first)
				body = 1
			}
		}
	case blockFrom >= 1:
		h.Title = dropStop(trimHeading(lines[0].text))
	}
	if blockFrom == 2 {
		h.Standfirst = lines[1].text
	}
	var dates []part // the header's dates, in order
	for i := blockFrom; i >= 0 && i < blockTo; i++ {
		l := &lines[i]
		body = blockTo
		h.Spans = append(h.Spans, document.Span{Start: l.start, End: l.end})
		for _, p := range l.classify() {
			switch p.kind {
			case dateLine:
				dates = append(dates, p)
			case byline, name:
				h.Authors = append(h.Authors, p.authors...)
				if !p.date.IsZero() {
					dates = append(dates, p)
				}
			case publisher:
				if h.Publisher == "" {
					h.Publisher = p.text
				}
			}
		}
	}
	// A wire dateline opens the first paragraph of the body, or the one
	// after a line the header block did not take in.
	for i := body; i < len(lines) && i < body+2; i++ {
		if dl, ok := readDateline(lines[i].text); ok {
			h.dateline = dl
			break
		}
	}
	h.Published, h.from = publishedDay(t, dates, h.dateline, nameDate)
	if h.Publisher == "" {
		h.Publisher = h.dateline.agency
	}
	return h
}

// parseHeader fills d from the head of d.Text, keeping what front matter
// already set, and returns where the publication day came from.
func parseHeader(d *document.Document) dateSource {
	from := fromNone
	nameDate, _ := fileNameDate(d.Origin)
	if !d.Published.IsZero() {
		from = fromFrontMatter
		nameDate = time.Time{}
	}
	h := readHead(d.Text, nameDate)
	d.Header = h.Spans
	if d.Title == "" {
		d.Title = h.Title
	}
	if d.Standfirst == "" {
		d.Standfirst = h.Standfirst
	}
	if d.Published.IsZero() {
		d.Published, from = h.Published, h.from
	}
	if len(d.Authors) == 0 {
		d.Authors = h.Authors
	}
	if d.Publisher == "" {
		d.Publisher = h.Publisher
	}
	return from
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
