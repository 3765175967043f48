// Package intake adds documents to the store from the web server: a text
// or an HTML page sent in a request, or a URL to fetch. It runs the same
// readers (internal/ingest) and the same extraction (extract.Run) as
// "crosscheck ingest", so a document reads the same whichever way it came
// in, and then lets the reconciler, when there is one, take it into
// account.
package intake

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/ingest"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// Config says how documents are read and what happens after they are
// stored.
type Config struct {
	// Ingest configures the readers and fetching (its Stdin is ignored).
	Ingest ingest.Config
	// MaxDocuments bounds how many documents one request may add (a feed
	// holds many); default 200.
	MaxDocuments int
	// AfterStore, when set, runs after documents are stored, with their
	// ids (the reconciler, so that measures take them in). Its failure is
	// reported, but the documents stay stored.
	AfterStore func(ctx context.Context, ids []int64) error
}

// Request is one thing to ingest: Content (text, HTML, a feed) or a URL.
type Request struct {
	Content []byte
	URL     string
	// Published, when not zero, is the day relative dates are read
	// against and the document's publication day.
	Published time.Time
}

// Result is one document read from a request.
type Result struct {
	ID     int64  `json:"id"`
	Added  bool   `json:"added"`
	Title  string `json:"title"`
	Claims int    `json:"claims"`
	// Error is set for a document of a feed that could not be read or
	// stored; the others are kept.
	Error string `json:"error,omitempty"`
}

// ErrNothing: the request holds neither content nor a URL.
var ErrNothing = errors.New("nothing to ingest: send the document's text or HTML, or a URL")

// Ingest reads, extracts and stores what the request holds. It fails when
// nothing could be read; when a feed's items fail one by one, each has its
// Error in the results.
func Ingest(ctx context.Context, st store.Store, cfg Config, req Request) ([]Result, error) {
	icfg := cfg.Ingest
	input := "-"
	switch {
	case req.URL != "":
		input = strings.TrimSpace(req.URL)
		if !strings.HasPrefix(input, "http://") && !strings.HasPrefix(input, "https://") {
			return nil, fmt.Errorf("intake: %q: %w", input, ErrBadURL)
		}
	case len(bytes.TrimSpace(req.Content)) > 0:
		icfg.Stdin = bytes.NewReader(req.Content)
	default:
		return nil, ErrNothing
	}
	maxDocs := cfg.MaxDocuments
	if maxDocs <= 0 {
		maxDocs = 200
	}

	var docs []*document.Document
	var failed []error
	for doc, err := range ingest.Read(ctx, input, icfg) {
		if err != nil {
			failed = append(failed, err)
			continue
		}
		docs = append(docs, doc)
		if len(docs) >= maxDocs {
			break
		}
	}
	if len(docs) == 0 {
		if len(failed) == 0 {
			return nil, ErrNothing
		}
		return nil, failed[0]
	}

	in := make([]store.Input, len(docs))
	for i, doc := range docs {
		if !req.Published.IsZero() {
			doc.Published = req.Published
		}
		in[i] = store.Input{Document: doc, Result: extract.Run(doc, extract.Options{Published: req.Published})}
	}
	added, err := st.AddDocuments(ctx, in)
	if err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(added)+len(failed))
	var ids []int64
	for i, a := range added {
		r := Result{ID: a.ID, Added: a.Added, Title: docs[i].Title, Claims: len(in[i].Result.Claims)}
		if a.Err != nil {
			r.Error = a.Err.Error()
		} else if a.Added {
			ids = append(ids, a.ID)
		}
		out = append(out, r)
	}
	for _, f := range failed {
		out = append(out, Result{Error: Message(f)})
	}
	if len(ids) > 0 && cfg.AfterStore != nil {
		if err := cfg.AfterStore(ctx, ids); err != nil {
			return out, fmt.Errorf("intake: stored, but reconciling failed: %w", err)
		}
	}
	return out, nil
}

// ErrBadURL: the URL is not an http or https address.
var ErrBadURL = errors.New("not a web address: give an http:// or https:// URL")

// Message says what went wrong for a person reading a web page or an API
// response: the readers name the input "-" for content sent in the
// request, which means nothing there.
func Message(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "-: "); ok {
		return "the document sent: " + rest
	}
	return msg
}
