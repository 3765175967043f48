package ui

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// claimsFor reads the claims a download holds: the filters and page of
// the claims table.
func (u *UI) claimsFor(w http.ResponseWriter, r *http.Request) ([]store.Claim, bool) {
	q := r.URL.Query()
	f, err := query.Claims(q)
	if err != nil {
		u.fail(w, r, err)
		return nil, false
	}
	if q.Get("limit") == "" {
		f.Limit = claimsPageSize
	}
	p, err := u.Store.Claims(r.Context(), f)
	if err != nil {
		u.fail(w, r, err)
		return nil, false
	}
	return p.Items, true
}

// claimsCSV serves GET /claims.csv: the rows of the claims table, with
// every column a spreadsheet needs.
func (u *UI) claimsCSV(w http.ResponseWriter, r *http.Request, _ access.Who) {
	claims, ok := u.claimsFor(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="claims.csv"`)
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "day", "speaker", "mention", "speaker_kind", "speaker_role", "source_id", "cue", "mode", "stance",
		"hedges", "unverified", "content", "figures", "times", "places", "document_id", "document_title", "publisher", "published", "url"})
	for _, c := range claims {
		var figs, times, places []string
		for _, q := range c.Quantities {
			figs = append(figs, q.Text)
		}
		for _, t := range c.Times {
			s := t.Text
			if t.Start != "" {
				s += " (" + t.Start
				if t.End != "" && t.End != t.Start {
					s += "/" + t.End
				}
				s += ")"
			}
			times = append(times, s)
		}
		for _, p := range c.Places {
			places = append(places, p.Text)
		}
		cw.Write([]string{
			strconv.FormatInt(c.ID, 10), store.Day(c.Day), safeCell(c.Speaker.Name), safeCell(c.Speaker.Mention), c.Speaker.Kind,
			safeCell(c.Speaker.Role), id(c.Speaker.SourceID), safeCell(c.Cue), c.Mode, c.Stance,
			safeCell(strings.Join(c.Hedges, "; ")), strconv.FormatBool(c.Unverified), safeCell(c.Content),
			safeCell(strings.Join(figs, "; ")), safeCell(strings.Join(times, "; ")), safeCell(strings.Join(places, "; ")),
			strconv.FormatInt(c.Document.ID, 10), safeCell(c.Document.Title), safeCell(c.Document.Publisher),
			store.Day(c.Document.Published), safeCell(c.Document.URL),
		})
	}
	cw.Flush()
}

// safeCell keeps a spreadsheet from reading article text as a formula
// (CSV injection): a cell that starts with = + - @ or a tab gets a
// leading apostrophe, as OWASP recommends.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func id(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

// claimsJSON serves GET /claims.json: the same rows as the store's JSON.
func (u *UI) claimsJSON(w http.ResponseWriter, r *http.Request, _ access.Who) {
	claims, ok := u.claimsFor(w, r)
	if !ok {
		return
	}
	if claims == nil {
		claims = []store.Claim{}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="claims.json"`)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(claims)
}
