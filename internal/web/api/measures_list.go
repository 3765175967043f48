package api

import (
	"net/http"

	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// listMeasures answers GET /api/v1/measures: what the figures count, each
// with its estimates, range, contradictions and agreements; the most
// independently sourced first.
func (h *handler) listMeasures(w http.ResponseWriter, r *http.Request) {
	f, err := query.Measures(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Store.Measures(r.Context(), f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page(p, f.Limit, f.Offset))
}
