// Package html reads a web page into a Document: the article's text without
// the page around it (menus, related links, comments, cookie banners), and
// what the page says about the article (title, date, authors, site name,
// canonical URL, language).
//
// Content extraction is go-trafilatura's: it is a port of the extractor
// that scores best among open-source tools on the published web-extraction
// benchmarks, it reads OpenGraph, JSON-LD and meta tags for the metadata, and
// it is pure Go. This package adds what crosscheck needs on top: charset
// handling that does not trust the first kilobyte alone, paragraphs kept as
// paragraphs, the title and a visible standfirst at the head of the text, and
// a clear error when a page holds no article text at all.
package html

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/text"
)

// ErrNoText reports a page from which no article text could be extracted:
// typically one that builds its content with JavaScript.
var ErrNoText = errors.New("no article text found")

// minBodyRunes is the least body text, in letters and digits, that counts as
// an article. Below it what is left is a stray caption or a "please enable
// JavaScript" notice, and a clear error serves the user better than a
// document with nothing to extract.
const minBodyRunes = 40

// Options says what is known about a page besides its bytes.
type Options struct {
	// URL is where the page was fetched from. It is the document's URL when
	// the page names no canonical URL.
	URL string
	// ContentType is the Content-Type the page came with, if any; its
	// charset parameter wins over the page's own declaration, as in a browser.
	ContentType string
	// Origin is copied to Document.Origin.
	Origin string
}

// Read extracts the article in the HTML page src. It returns ErrNoText when
// the page holds no article text.
func Read(src []byte, opts Options) (*document.Document, error) {
	root, err := xhtml.Parse(bytes.NewReader(decode(src, opts.ContentType)))
	if err != nil {
		// x/net/html accepts any byte soup; an error here means the reader failed.
		return nil, fmt.Errorf("html: parsing: %w", err)
	}
	// What a page shows without scripts is no article text, and
	// trafilatura's last-resort baseline would otherwise return it.
	removeElements(root, atom.Noscript, atom.Template)
	topts := trafilatura.Options{
		ExcludeComments: true,
		// The date extractor's fast mode reads meta tags, JSON-LD, <time>
		// elements and URLs; the extensive mode adds a multilingual date
		// parser over the whole text that costs tens of milliseconds a page.
		HtmlDateMode: trafilatura.Fast,
	}
	if u, err := url.Parse(opts.URL); err == nil && u.IsAbs() {
		topts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(root, topts)
	if err != nil || res == nil || res.ContentNode == nil {
		// trafilatura fails only when nothing long enough was found.
		return nil, ErrNoText
	}
	md := res.Metadata
	d := &document.Document{
		Title:     md.Title,
		Publisher: md.Sitename,
		Published: md.Date,
		URL:       pageURL(md.URL, opts.URL),
		Language:  language(root, md.Language),
		Origin:    opts.Origin,
		Format:    "html",
	}
	if d.Title == "" {
		d.Title = firstHeading(root)
	}
	for a := range strings.SplitSeq(md.Author, ";") {
		if a = strings.TrimSpace(a); a != "" {
			d.Authors = append(d.Authors, a)
		}
	}
	if d.Published.IsZero() {
		d.Published = metaDate(root)
	}

	// The title and a standfirst head the text as they head the article,
	// once: the extracted body may hold them too (the fallback extractor
	// even returns the <title> as body text), and they are taken out of it.
	paras := paragraphs(res.ContentNode)
	var head []string
	if title := squash(d.Title); title != "" {
		head = append(head, d.Title)
		paras = slices.DeleteFunc(paras, func(p string) bool { return squash(p) == title })
	}
	if desc := squash(md.Description); desc != "" && desc != squash(d.Title) {
		n := len(paras)
		paras = slices.DeleteFunc(paras, func(p string) bool { return squash(p) == desc })
		// A description shown on the page is the standfirst; one that
		// lives only in a meta tag is a teaser written for search engines
		// and stays out of the text.
		if len(paras) < n || strings.Contains(visibleText(root), desc) {
			d.Standfirst = md.Description
			head = append(head, md.Description)
		}
	}
	if bodyRunes(paras) < minBodyRunes {
		return nil, ErrNoText
	}
	all := append(head, paras...)
	d.Text = strings.Join(all, "\n\n")
	d.Text = document.Normalize(d.Text)
	// A byline, a date line or a masthead kept by the extractor between
	// the headline and the body is read as in a pasted article: marked as
	// header, and used where the page's metadata is silent.
	h := text.ParseHeader(d.Text)
	d.Header = h.Spans
	if d.Published.IsZero() {
		d.Published = h.Published
	}
	if len(d.Authors) == 0 {
		d.Authors = h.Authors
	}
	if d.Standfirst == "" {
		d.Standfirst = h.Standfirst
	}
	// trafilatura falls back to the host name for the site name; a
	// masthead printed on the page is the better name.
	if h.Publisher != "" && (d.Publisher == "" || (!strings.Contains(d.Publisher, " ") && strings.Contains(d.Publisher, "."))) {
		d.Publisher = h.Publisher
	}
	d.Finish()
	return d, nil
}

// decode returns src as UTF-8. charset.DetermineEncoding looks at the BOM,
// the Content-Type and a <meta> in the first kilobyte, then guesses from that
// kilobyte alone, so a page whose first non-ASCII byte comes later would be
// taken for windows-1252; a whole page that is valid UTF-8 is UTF-8.
func decode(src []byte, contentType string) []byte {
	enc, _, certain := charset.DetermineEncoding(src, contentType)
	if !certain && utf8.Valid(src) {
		return src
	}
	if enc == encoding.Nop {
		return src
	}
	out, err := enc.NewDecoder().Bytes(src)
	if err != nil {
		return src
	}
	return out
}

// pageURL prefers the page's canonical URL, made absolute against where it
// was fetched, to the fetch URL itself.
func pageURL(canonical, fetched string) string {
	if canonical == "" {
		return fetched
	}
	c, err := url.Parse(canonical)
	if err != nil {
		return fetched
	}
	if !c.IsAbs() {
		base, err := url.Parse(fetched)
		if err != nil || !base.IsAbs() {
			return fetched
		}
		c = base.ResolveReference(c)
	}
	if c.Scheme != "http" && c.Scheme != "https" {
		return fetched
	}
	return c.String()
}

// language prefers the page's declared <html lang> (a BCP 47 tag the
// publisher chose) to trafilatura's guess from the text.
func language(root *xhtml.Node, guessed string) string {
	for n := range root.Descendants() {
		if n.Type == xhtml.ElementNode && n.DataAtom == atom.Html {
			if l := strings.TrimSpace(attr(n, "lang")); l != "" && len(l) <= 35 {
				return l
			}
			break
		}
	}
	return guessed
}

// metaDate reads a publication date that trafilatura's date finder passed
// over, such as one it judged to lie in the future.
func metaDate(root *xhtml.Node) time.Time {
	for n := range root.Descendants() {
		if n.Type != xhtml.ElementNode || n.DataAtom != atom.Meta {
			continue
		}
		switch strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop")) {
		case "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued", "pubdate":
			v := strings.TrimSpace(attr(n, "content"))
			for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02"} {
				if len(v) >= 10 {
					if t, err := time.Parse(layout, v); err == nil {
						return t
					}
				}
			}
		}
	}
	return time.Time{}
}

// firstHeading is the page's first <h1>, for pages with no title metadata.
func firstHeading(root *xhtml.Node) string {
	for n := range root.Descendants() {
		if n.Type == xhtml.ElementNode && n.DataAtom == atom.H1 {
			return squash(textOf(n))
		}
	}
	return ""
}

// removeElements takes every element of the given kinds out of the tree.
func removeElements(root *xhtml.Node, kinds ...atom.Atom) {
	var doomed []*xhtml.Node
	for n := range root.Descendants() {
		if n.Type == xhtml.ElementNode && slices.Contains(kinds, n.DataAtom) {
			doomed = append(doomed, n)
		}
	}
	for _, n := range doomed {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// visibleText is the page's body text with spaces collapsed: what a reader
// could see, without scripts, styles and templates.
func visibleText(root *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		switch n.Type {
		case xhtml.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return
		case xhtml.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Head:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return squash(b.String())
}

func textOf(n *xhtml.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// squash collapses runs of white space to one space and trims the ends, so
// that strings from different parts of a page compare equal.
func squash(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// bodyRunes counts the letters and digits in the extracted paragraphs.
func bodyRunes(paras []string) int {
	n := 0
	for _, p := range paras {
		for _, r := range p {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
			}
		}
	}
	return n
}
