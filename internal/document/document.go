// Package document defines the Document: one article as crosscheck reads it,
// after intake and before extraction. Every reader in internal/ingest
// produces Documents; the extractor, the store and the views consume them.
package document

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Document is one article: its normalised text, what is known about it, and
// where it came from.
type Document struct {
	// Text is the article as a reader sees it, normalised by Normalize:
	// UTF-8, NFC, "\n" line ends, paragraphs separated by one blank line.
	// For plain text it keeps the header lines as pasted (title, byline,
	// date line...); Header lists which spans are metadata rather than prose.
	Text string

	Title      string
	Standfirst string // the sub-heading under the title, when there is one
	Authors    []string
	Publisher  string
	Published  time.Time // zero when unknown; a calendar day in UTC
	URL        string    // canonical URL when known
	Language   string    // BCP 47 code when known, e.g. "en"

	// Origin says where the document came from: a file path, a URL, "-" for
	// stdin, or "FILE.warc.gz#URI" for a WARC record.
	Origin string
	// Format names the reader that produced it: text, html, feed, warc.
	Format string

	// Header holds byte spans of Text that are metadata lines (byline, date
	// line, publisher line), which the extractor reads for times but not for
	// claims. Title and standfirst are prose and are not listed here.
	Header []Span

	// Hash is the hex SHA-256 of Text; two documents with the same Hash are
	// the same document.
	Hash string
}

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Finish normalises d.Text, trims the metadata fields and computes d.Hash.
// Every reader calls it last.
func (d *Document) Finish() {
	d.Text = Normalize(d.Text)
	d.Title = strings.TrimSpace(collapseSpace(d.Title))
	d.Standfirst = strings.TrimSpace(collapseSpace(d.Standfirst))
	d.Publisher = strings.TrimSpace(collapseSpace(d.Publisher))
	authors := d.Authors[:0]
	for _, a := range d.Authors {
		if a = strings.TrimSpace(collapseSpace(a)); a != "" {
			authors = append(authors, a)
		}
	}
	d.Authors = authors
	if !d.Published.IsZero() {
		y, m, day := d.Published.Date()
		d.Published = time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	}
	d.Hash = Hash(d.Text)
}

// Hash returns the hex SHA-256 of s.
func Hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// Normalize returns s as crosscheck stores text: valid UTF-8 (invalid bytes
// replaced by U+FFFD), NFC, "\n" line ends, trailing spaces trimmed from each
// line, runs of blank lines collapsed to one blank line between paragraphs,
// and no blank lines at either end. A line holding only spaces (including
// no-break spaces) counts as blank.
func Normalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimPrefix(s, "\uFEFF")
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimRightFunc(line, isSpace)
		if strings.TrimLeftFunc(line, isSpace) == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\v', '\f', '\u00a0', '\u2007', '\u202f', '\u200b', '\u3000', '\ufeff':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' || isSpace(r) }), " ")
}
