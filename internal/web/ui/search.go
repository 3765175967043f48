package ui

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

type searchData struct {
	Query string
	Kind  string
	Hits  []hitView
	Pager pager
	// Problem explains a query that could not be read.
	Problem string
}

type hitView struct {
	store.Hit
	Pieces []snippetPiece
}

// snippetPiece is part of a hit's snippet, Mark set for the words that
// matched.
type snippetPiece struct {
	Text string
	Mark bool
}

// search serves GET /search?q=...: articles and claims matching a
// full-text query, best first.
func (u *UI) search(w http.ResponseWriter, r *http.Request, who access.Who) {
	q := r.URL.Query()
	d := searchData{Query: strings.TrimSpace(q.Get("q")), Kind: q.Get("kind")}
	pg := u.newPage(r, who, "Search", "search", &d)
	pg.Search = d.Query
	if d.Query == "" {
		u.render(w, r, http.StatusOK, "search", pg)
		return
	}
	pg.Title = "Search: " + d.Query
	f, err := query.Search(q)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	p, err := u.Store.Search(r.Context(), f)
	if errors.Is(err, store.ErrInvalid) {
		// A query with no word in it ("-" or "*"): say so on the page.
		d.Problem = "Nothing to look for in that query: give at least one word."
		u.render(w, r, http.StatusOK, "search", pg)
		return
	}
	if err != nil {
		u.fail(w, r, err)
		return
	}
	for _, h := range p.Items {
		d.Hits = append(d.Hits, hitView{Hit: h, Pieces: snippetPieces(h.Snippet, h.Marks)})
	}
	d.Pager = newPager(r.URL, f.Limit, f.Offset, len(p.Items), p.Total)
	u.render(w, r, http.StatusOK, "search", pg)
}

// snippetPieces cuts a snippet at its marks, byte ranges that the store
// gives; ranges that overlap, fall outside the snippet or split a
// character are skipped rather than trusted.
func snippetPieces(s string, marks []document.Span) []snippetPiece {
	marks = slices.Clone(marks)
	slices.SortFunc(marks, func(a, b document.Span) int { return a.Start - b.Start })
	var out []snippetPiece
	at := 0
	for _, m := range marks {
		if m.Start < at || m.End > len(s) || m.Start >= m.End ||
			!utf8.RuneStart(s[m.Start]) || (m.End < len(s) && !utf8.RuneStart(s[m.End])) {
			continue
		}
		if m.Start > at {
			out = append(out, snippetPiece{Text: s[at:m.Start]})
		}
		out = append(out, snippetPiece{Text: s[m.Start:m.End], Mark: true})
		at = m.End
	}
	if at < len(s) {
		out = append(out, snippetPiece{Text: s[at:]})
	}
	return out
}
