// Package query reads the store's filters from URL query parameters, the
// same way for the JSON API and the web pages, so that a page's filters and
// its download links, and the API, agree on every name. Parameters are
// named after the CLI's flags: speaker, search, since, until, document,
// source, kind, stance, mode, has_quantity, place, order, limit, offset.
package query

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// ErrBad marks a parameter that cannot be read; the message names it and
// says what it should be.
var ErrBad = errors.New("bad parameter")

// Limits on a page of results: a default for a listing asked without a
// limit, and the most one request may ask for, so that one request cannot
// make the server hold the whole ledger in memory.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

func bad(name, value, want string) error {
	return fmt.Errorf("%w: %s=%q: %s", ErrBad, name, value, want)
}

// Page reads limit and offset. A missing limit is def; limit=0 and limits
// over MaxLimit are refused rather than read as "everything".
func Page(q url.Values, def int) (limit, offset int, err error) {
	limit, offset = def, 0
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxLimit {
			return 0, 0, bad("limit", v, fmt.Sprintf("give a number from 1 to %d", MaxLimit))
		}
		limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, 0, bad("offset", v, "give a number, 0 or more")
		}
		offset = n
	}
	return limit, offset, nil
}

// Day reads a day given as 2025-03-14, 2025-03 or 2025. A month or a year
// starts on its first day, or with end set ends on its last, so that
// since=2025-03&until=2025-03 is March.
func Day(name, v string, end bool) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	for _, layout := range []struct {
		layout string
		years  int
		months int
		days   int
	}{{time.DateOnly, 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		if len(v) != len(layout.layout) {
			continue
		}
		t, err := time.Parse(layout.layout, v)
		if err != nil {
			continue
		}
		if end {
			t = t.AddDate(layout.years, layout.months, layout.days).AddDate(0, 0, -1)
		}
		return t, nil
	}
	return time.Time{}, bad(name, v, "give a day as 2025-03-14, a month as 2025-03 or a year as 2025")
}

func id(q url.Values, name string) (int64, error) {
	v := q.Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		return 0, bad(name, v, "give an id, a number from 1")
	}
	return n, nil
}

func boolean(q url.Values, name string) (bool, error) {
	switch v := q.Get(name); strings.ToLower(v) {
	case "", "0", "false", "no", "off":
		return false, nil
	case "1", "true", "yes", "on":
		return true, nil
	default:
		return false, bad(name, v, "give true or false")
	}
}

func oneOf(q url.Values, name string, allowed ...string) (string, error) {
	v := q.Get(name)
	if v == "" {
		return "", nil
	}
	for _, a := range allowed {
		if v == a {
			return v, nil
		}
	}
	return "", bad(name, v, "give one of "+strings.Join(allowed, ", "))
}

// Kinds, stances and modes accepted, as the extractor names them.
var (
	Kinds    = []string{"person", "organisation", "anonymous", "publisher", "document"}
	Stances  = []string{"asserts", "denies", "declines", "hedged"}
	Modes    = []string{"direct", "indirect", "mixed"}
	HitKinds = []string{store.HitDocument, store.HitClaim}
)

// errs keeps the first error of a run of reads.
type errs struct{ err error }

func (e *errs) day(q url.Values, name string, end bool) time.Time {
	t, err := Day(name, q.Get(name), end)
	e.keep(err)
	return t
}

func (e *errs) keep(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Documents reads a DocumentFilter: search, publisher, since, until, order
// (newest, oldest, added), limit, offset.
func Documents(q url.Values) (store.DocumentFilter, error) {
	var e errs
	f := store.DocumentFilter{Search: strings.TrimSpace(q.Get("search")), Publisher: q.Get("publisher")}
	f.Since = e.day(q, "since", false)
	f.Until = e.day(q, "until", true)
	o, err := oneOf(q, "order", "newest", "oldest", "added")
	e.keep(err)
	f.Order = store.Order(o)
	f.Limit, f.Offset, err = Page(q, DefaultLimit)
	e.keep(err)
	return f, e.err
}

// Claims reads a ClaimFilter: speaker, search, since, until, document,
// source, kind, stance, mode, has_quantity, place, order (newest, oldest),
// limit, offset.
func Claims(q url.Values) (store.ClaimFilter, error) {
	var e errs
	var err error
	f := store.ClaimFilter{Speaker: strings.TrimSpace(q.Get("speaker")), Search: strings.TrimSpace(q.Get("search")),
		Place: strings.TrimSpace(q.Get("place"))}
	f.Since = e.day(q, "since", false)
	f.Until = e.day(q, "until", true)
	f.DocumentID, err = id(q, "document")
	e.keep(err)
	f.SourceID, err = id(q, "source")
	e.keep(err)
	f.Kind, err = oneOf(q, "kind", Kinds...)
	e.keep(err)
	f.Stance, err = oneOf(q, "stance", Stances...)
	e.keep(err)
	f.Mode, err = oneOf(q, "mode", Modes...)
	e.keep(err)
	f.HasQuantity, err = boolean(q, "has_quantity")
	e.keep(err)
	o, err := oneOf(q, "order", "newest", "oldest")
	e.keep(err)
	f.Order = store.Order(o)
	f.Limit, f.Offset, err = Page(q, DefaultLimit)
	e.keep(err)
	return f, e.err
}

// Sources reads a SourceFilter: name, kind, document, since, until, order
// (claims, name, recent), limit, offset.
func Sources(q url.Values) (store.SourceFilter, error) {
	var e errs
	var err error
	f := store.SourceFilter{Name: strings.TrimSpace(q.Get("name"))}
	f.Kind, err = oneOf(q, "kind", Kinds...)
	e.keep(err)
	f.DocumentID, err = id(q, "document")
	e.keep(err)
	f.Since = e.day(q, "since", false)
	f.Until = e.day(q, "until", true)
	o, err := oneOf(q, "order", "claims", "name", "recent")
	e.keep(err)
	f.Order = store.Order(o)
	f.Limit, f.Offset, err = Page(q, DefaultLimit)
	e.keep(err)
	return f, e.err
}

// Search reads a SearchFilter: q (the query), kind (document, claim),
// limit, offset.
func Search(q url.Values) (store.SearchFilter, error) {
	var e errs
	var err error
	f := store.SearchFilter{Query: strings.TrimSpace(q.Get("q"))}
	if f.Query == "" {
		e.keep(fmt.Errorf("%w: q is empty: give words to look for", ErrBad))
	}
	f.Kind, err = oneOf(q, "kind", HitKinds...)
	e.keep(err)
	f.Limit, f.Offset, err = Page(q, 50)
	e.keep(err)
	return f, e.err
}

// Measures reads a MeasureFilter: search, source, order (sources, recent,
// name), limit, offset.
func Measures(q url.Values) (store.MeasureFilter, error) {
	var e errs
	var err error
	f := store.MeasureFilter{Search: strings.TrimSpace(q.Get("search"))}
	f.SourceID, err = id(q, "source")
	e.keep(err)
	o, err := oneOf(q, "order", "sources", "recent", "name")
	e.keep(err)
	f.Order = store.Order(o)
	f.Limit, f.Offset, err = Page(q, DefaultLimit)
	e.keep(err)
	return f, e.err
}

// Timeline reads a TimelineFilter: source, measure, since, until, order
// (oldest, newest), limit, offset.
func Timeline(q url.Values) (store.TimelineFilter, error) {
	var e errs
	var err error
	var f store.TimelineFilter
	f.SourceID, err = id(q, "source")
	e.keep(err)
	f.MeasureID, err = id(q, "measure")
	e.keep(err)
	f.Since = e.day(q, "since", false)
	f.Until = e.day(q, "until", true)
	o, err := oneOf(q, "order", "oldest", "newest")
	e.keep(err)
	f.Order = store.Order(o)
	f.Limit, f.Offset, err = Page(q, DefaultLimit)
	e.keep(err)
	return f, e.err
}
