package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/intake"
	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// maxArticleForm caps the "Add an article" form: a pasted article or page.
const maxArticleForm = 8 << 20

type addData struct {
	Results []intake.Result
	Problem string
}

// addDocument serves POST /documents, the overview's "Add an article"
// form: a URL to fetch, or a text or HTML page pasted. It needs this
// machine or a token, as the API's POST does.
func (u *UI) addDocument(w http.ResponseWriter, r *http.Request, who access.Who) {
	if !who.Local && who.Token == nil {
		u.showProblem(w, r, http.StatusForbidden, "Adding an article from another machine needs an API token: sign in first.")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxArticleForm)
	if err := r.ParseForm(); err != nil {
		u.showProblem(w, r, http.StatusRequestEntityTooLarge, "The form could not be read: an article must be under 8 MB.")
		return
	}
	req := intake.Request{URL: strings.TrimSpace(r.PostForm.Get("url")), Content: []byte(r.PostForm.Get("text"))}
	if req.URL != "" {
		req.Content = nil
	}
	if v := r.PostForm.Get("published"); v != "" {
		day, err := query.Day("published", v, false)
		if err != nil {
			u.fail(w, r, err)
			return
		}
		req.Published = day
	}
	var d addData
	results, err := intake.Ingest(r.Context(), u.Store, u.Intake, req)
	d.Results = results
	if err != nil {
		d.Problem = intake.Message(err)
	}
	// One new or known document: show it.
	if err == nil && len(results) == 1 && results[0].Error == "" {
		http.Redirect(w, r, "/documents/"+strconv.FormatInt(results[0].ID, 10), http.StatusSeeOther)
		return
	}
	status := http.StatusOK
	if len(results) == 0 {
		status = http.StatusUnprocessableEntity
	}
	u.render(w, r, status, "added", u.newPage(r, who, "Add an article", "home", d))
}
