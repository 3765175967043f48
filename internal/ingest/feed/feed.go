// Package feed reads RSS and Atom feeds, one Document per item. An item
// that carries its article (content:encoded, Atom content, or a long
// description) is read from the feed; an item that carries only a summary
// is read from its page, through a function the caller supplies, because a
// two-line teaser is not the article and its claims would be lost.
//
// Parsing is github.com/mmcdole/gofeed's: it reads RSS 0.9x-2.0, RSS 1.0
// (RDF) and Atom 0.3-1.0 into one shape, with the Dublin Core and iTunes
// extensions feeds use for authors and dates.
package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/html"
)

// Errors a caller can test with errors.Is.
var (
	// ErrNotFeed reports input that is not a readable RSS or Atom feed:
	// broken XML, or XML of another kind.
	ErrNotFeed = errors.New("not a valid RSS or Atom feed")
	// ErrNoText reports an item with no text and no link to follow.
	ErrNoText = errors.New("the item has no text and no link")
)

// summaryRunes is the length under which an item's description is a
// summary rather than the article. Feeds that carry whole articles in
// <description> (no content:encoded) run to thousands of characters; a
// teaser is a sentence or two.
const summaryRunes = 600

// ItemError reports an item that could not become a document; reading
// carries on with the next item. Item is the item's link, or its position
// ("item 3") when it has none.
type ItemError struct {
	Item string
	Err  error
}

// Error returns "ITEM: problem".
func (e *ItemError) Error() string { return e.Item + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *ItemError) Unwrap() error { return e.Err }

// Options sets how Read reads a feed.
type Options struct {
	// Origin names the feed (its path or URL); each document's Origin is
	// Origin#link.
	Origin string
	// URL is the feed's own address, against which relative item links
	// are resolved; empty for a file.
	URL string
	// FetchPage reads an item's page into a Document. When it is nil,
	// summaries are used as they are.
	FetchPage func(ctx context.Context, link string) (*document.Document, error)
}

// Read yields one Document per item of the feed src. A feed that cannot
// be parsed yields one error wrapping ErrNotFeed; an item that fails yields
// an *ItemError and reading goes on.
func Read(ctx context.Context, src []byte, opts Options) iter.Seq2[*document.Document, error] {
	return func(yield func(*document.Document, error) bool) {
		f, err := parse(src)
		if err != nil {
			yield(nil, err)
			return
		}
		for i, it := range f.Items {
			if it == nil {
				continue
			}
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			name := link(it, opts.URL)
			if name == "" {
				name = fmt.Sprintf("item %d", i+1)
			}
			d, err := item(ctx, f, it, name, opts)
			if err != nil {
				err = &ItemError{Item: name, Err: err}
			}
			if !yield(d, err) {
				return
			}
		}
	}
}

// parse parses src, turning gofeed's panics on hostile input (if any
// remain; the fuzz test looks for them) and its errors into ErrNotFeed.
func parse(src []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%w (the parser failed: %v)", ErrNotFeed, r)
		}
	}()
	f, err = gofeed.NewParser().Parse(bytes.NewReader(src))
	if err != nil {
		detail := err.Error()
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			detail = "no <rss> or <feed> element found"
		}
		return nil, fmt.Errorf("%w (%s)", ErrNotFeed, detail)
	}
	return f, nil
}

// item turns one feed item into a Document.
// name is the item's link, or its position when it has none.
func item(ctx context.Context, f *gofeed.Feed, it *gofeed.Item, name string, opts Options) (*document.Document, error) {
	lnk := link(it, opts.URL)
	origin := opts.Origin + "#" + name

	content := html.Fragment(it.Content)
	if content == "" {
		content = html.Fragment(it.Description)
	}
	summaryOnly := it.Content == "" && utf8.RuneCountInString(content) < summaryRunes

	var d *document.Document
	if summaryOnly && lnk != "" && opts.FetchPage != nil {
		page, err := opts.FetchPage(ctx, lnk)
		if err != nil {
			return nil, err
		}
		d = page
	} else {
		if strings.TrimSpace(content) == "" {
			if lnk == "" {
				return nil, ErrNoText
			}
			return nil, fmt.Errorf("%w (fetching linked pages is turned off)", ErrNoText)
		}
		d = &document.Document{}
		title := strings.TrimSpace(html.Fragment(it.Title))
		if title != "" && !strings.HasPrefix(content, title) {
			content = title + "\n\n" + content
		}
		d.Text = content
		d.Title = title
	}

	// What the feed says fills what the page left unknown.
	if d.Title == "" {
		d.Title = html.Fragment(it.Title)
	}
	if d.URL == "" {
		d.URL = lnk
	}
	if d.Published.IsZero() {
		switch {
		case it.PublishedParsed != nil:
			d.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			d.Published = *it.UpdatedParsed
		}
	}
	if len(d.Authors) == 0 {
		for _, p := range it.Authors {
			if p == nil {
				continue
			}
			if n := strings.TrimSpace(p.Name); n != "" {
				d.Authors = append(d.Authors, n)
			}
		}
	}
	if d.Publisher == "" {
		d.Publisher = f.Title
	}
	if d.Language == "" {
		d.Language = f.Language
	}
	d.Origin = origin
	d.Format = "feed"
	d.Finish()
	if d.Text == "" {
		return nil, ErrNoText
	}
	return d, nil
}

// link is the item's link made absolute against the feed's address.
func link(it *gofeed.Item, base string) string {
	l := strings.TrimSpace(it.Link)
	if l == "" && len(it.Links) > 0 {
		l = strings.TrimSpace(it.Links[0])
	}
	if l == "" {
		// Many RSS feeds put the permalink in <guid isPermaLink="true"> only.
		if g := strings.TrimSpace(it.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
			l = g
		}
	}
	if l == "" {
		return ""
	}
	u, err := url.Parse(l)
	if err != nil {
		return l
	}
	if !u.IsAbs() && base != "" {
		if b, err := url.Parse(base); err == nil {
			u = b.ResolveReference(u)
		}
	}
	return u.String()
}
