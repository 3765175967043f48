package api

import (
	"net/http"

	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// search answers GET /api/v1/search?q=...: documents and claims matching a
// full-text query, best first. Each hit's marks are byte ranges of its
// snippet.
func (h *handler) search(w http.ResponseWriter, r *http.Request) {
	f, err := query.Search(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Store.Search(r.Context(), f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page(p, f.Limit, f.Offset))
}
