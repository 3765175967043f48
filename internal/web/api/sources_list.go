package api

import (
	"net/http"

	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// listSources answers GET /api/v1/sources: sources across documents, the
// most quoted first.
func (h *handler) listSources(w http.ResponseWriter, r *http.Request) {
	f, err := query.Sources(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Store.Sources(r.Context(), f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page(p, f.Limit, f.Offset))
}
