// Package export writes the whole store in formats other tools read: JSON
// Lines and CSV with a record per claim, for scripts and spreadsheets, and a
// STIX 2.1 bundle, for threat-intelligence platforms (OpenCTI, MISP...). It
// is a view, as the CLI's listings and the web pages are: it reads the store
// only through store.Store, a page at a time, and never writes to it.
//
// Every format is deterministic: exporting the same store twice gives the
// same bytes. Documents come oldest first, claims in the order they were
// extracted, and nothing depends on the clock: STIX timestamps are the
// times the documents were stored.
package export

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// Format is a format to export to.
type Format string

// The formats.
const (
	JSONL Format = "jsonl" // a JSON object per claim and line
	CSV   Format = "csv"   // a header row, then a row per claim (RFC 4180)
	STIX  Format = "stix"  // a STIX 2.1 bundle of reports, identities, locations and notes
)

// Formats lists the formats, the default first.
var Formats = []Format{JSONL, CSV, STIX}

// ErrFormat is returned for a format that is not one of Formats.
var ErrFormat = errors.New("unknown format")

// ParseFormat checks a format's name.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("%w %q: use jsonl, csv or stix", ErrFormat, s)
}

// Summary counts what an export wrote.
type Summary struct {
	Documents int // documents with at least one claim
	Claims    int
	// Objects counts the STIX objects in the bundle; 0 for other formats.
	Objects int
}

// Write writes every claim in st to w in format f.
func Write(ctx context.Context, w io.Writer, st store.Store, f Format) (Summary, error) {
	var (
		sum Summary
		err error
	)
	switch f {
	case JSONL:
		sum, err = writeJSONL(ctx, w, st)
	case CSV:
		sum, err = writeCSV(ctx, w, st)
	case STIX:
		sum, err = writeSTIX(ctx, w, st)
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return sum, fmt.Errorf("export: %w", err)
	}
	return sum, nil
}

// pageSize is how many rows each call to the store reads: enough to keep the
// calls few, few enough that a large store is never read in one go. Tests
// make it small to walk many pages.
var pageSize = 500

// claim is a stored claim with what the exports add to it from elsewhere in
// the store.
type claim struct {
	store.Claim
	// Source is the source across documents the speaker counts under; nil
	// when the extractor resolved the speaker to none.
	Source *store.Source
	// Verification is what the last reconciliation found of the claim
	// (store.Unjudged when it found nothing).
	Verification store.Verification
}

// entry is one document with its claims, in the order they were extracted.
type entry struct {
	Doc    store.Document
	Claims []claim
}

// reader walks the store.
type reader struct {
	st      store.Store
	sources map[int64]*store.Source
}

func newReader(ctx context.Context, st store.Store) (*reader, error) {
	r := &reader{st: st, sources: map[int64]*store.Source{}}
	err := pages(ctx, func(offset int) (store.Page[store.Source], error) {
		return st.Sources(ctx, store.SourceFilter{Order: store.OrderName, Limit: pageSize, Offset: offset})
	}, func(s store.Source) error {
		r.sources[s.ID] = &s
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading sources: %w", err)
	}
	return r, nil
}

// each calls fn for every document that has claims, oldest first.
func (r *reader) each(ctx context.Context, fn func(entry) error) error {
	return pages(ctx, func(offset int) (store.Page[store.Document], error) {
		return r.st.Documents(ctx, store.DocumentFilter{Order: store.OrderOldest, Limit: pageSize, Offset: offset})
	}, func(d store.Document) error {
		if d.Claims == 0 {
			return nil
		}
		e, err := r.entry(ctx, d)
		if err != nil {
			return fmt.Errorf("reading document %d: %w", d.ID, err)
		}
		if len(e.Claims) == 0 {
			return nil
		}
		return fn(e)
	})
}

func (r *reader) entry(ctx context.Context, d store.Document) (entry, error) {
	e := entry{Doc: d}
	err := pages(ctx, func(offset int) (store.Page[store.Claim], error) {
		return r.st.Claims(ctx, store.ClaimFilter{DocumentID: d.ID, Order: store.OrderOldest, Limit: pageSize, Offset: offset})
	}, func(c store.Claim) error {
		e.Claims = append(e.Claims, claim{Claim: c, Source: r.sources[c.Speaker.SourceID]})
		return nil
	})
	if err != nil || len(e.Claims) == 0 {
		return e, err
	}
	// Claim ids follow the order of the extraction, which the listing's
	// order (by the day each claim was said) does not.
	slices.SortFunc(e.Claims, func(a, b claim) int { return cmp.Compare(a.ID, b.ID) })

	ids := make([]int64, len(e.Claims))
	for i, c := range e.Claims {
		ids[i] = c.ID
	}
	vs, err := r.st.Verifications(ctx, ids...)
	if err != nil {
		return e, err
	}
	byClaim := make(map[int64]store.Verification, len(vs))
	for _, v := range vs {
		byClaim[v.ClaimID] = v
	}
	// Claims stored before their kind was kept have it only in the
	// extraction.
	var kinds map[string]string
	if slices.ContainsFunc(e.Claims, func(c claim) bool { return c.Kind == "" }) {
		res, err := r.st.Extraction(ctx, d.ID)
		if err != nil {
			return e, err
		}
		kinds = make(map[string]string, len(res.Claims))
		for _, c := range res.Claims {
			kinds[c.ID] = c.Kind
		}
	}
	for i := range e.Claims {
		c := &e.Claims[i]
		if c.Kind == "" {
			c.Kind = kinds[c.LocalID]
		}
		v, ok := byClaim[c.ID]
		if !ok {
			v = store.Unjudged(c.ID)
		}
		c.Verification = v
	}
	return e, nil
}

// pages calls fn for every item of a listing, reading it a page at a time.
func pages[T any](ctx context.Context, page func(offset int) (store.Page[T], error), fn func(T) error) error {
	for offset := 0; ; {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, err := page(offset)
		if err != nil {
			return err
		}
		for _, it := range p.Items {
			if err := fn(it); err != nil {
				return err
			}
		}
		offset += len(p.Items)
		if len(p.Items) < pageSize || offset >= p.Total {
			return nil
		}
	}
}
