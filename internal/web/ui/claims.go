package ui

import (
	"net/http"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// claimsData is the claims table with its filters.
type claimsData struct {
	Filter store.ClaimFilter
	// Since and Until are as typed (a month stays a month).
	Since, Until string
	Claims       []store.Claim
	Pager        pager
	// Kinds, Stances list the choices of the filter's menus.
	Kinds, Stances []string
	// CSV and JSON download the rows shown.
	CSV, JSON string
}

// claimsPageSize is the default number of rows: a screenful or three, and
// what the downloads hold unless the limit says otherwise.
const claimsPageSize = 100

// claims serves GET /claims: a table of claims with the store's filters.
// Sorting by day is the store's; sorting the rows shown by another column
// is done in the browser (app.js), and the downloads hold the same rows.
func (u *UI) claims(w http.ResponseWriter, r *http.Request, who access.Who) {
	q := r.URL.Query()
	f, err := query.Claims(q)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if q.Get("limit") == "" {
		f.Limit = claimsPageSize
	}
	p, err := u.Store.Claims(r.Context(), f)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := claimsData{Filter: f, Since: q.Get("since"), Until: q.Get("until"), Claims: p.Items,
		Pager: newPager(r.URL, f.Limit, f.Offset, len(p.Items), p.Total), Kinds: query.Kinds, Stances: query.Stances}
	d.CSV = exportURL(r, "/claims.csv")
	d.JSON = exportURL(r, "/claims.json")
	u.render(w, r, http.StatusOK, "claims", u.newPage(r, who, "Claims", "claims", d))
}

// exportURL is the download of what the page shows: the same filters and
// the same page.
func exportURL(r *http.Request, path string) string {
	q := r.URL.Query()
	if q.Get("limit") == "" {
		q.Set("limit", "100")
	}
	return path + "?" + q.Encode()
}
