package api

import (
	"net/http"

	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// timeline answers GET /api/v1/timeline: claims by day, each with the
// figure it gives for a measure, filtered by source, measure and days.
func (h *handler) timeline(w http.ResponseWriter, r *http.Request) {
	f, err := query.Timeline(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Store.Timeline(r.Context(), f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page(p, f.Limit, f.Offset))
}
