package api

import (
	"net/http"

	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// listDocuments answers GET /api/v1/documents: documents without their
// text, newest first, filtered by search, publisher, since, until.
func (h *handler) listDocuments(w http.ResponseWriter, r *http.Request) {
	f, err := query.Documents(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Store.Documents(r.Context(), f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page(p, f.Limit, f.Offset))
}
