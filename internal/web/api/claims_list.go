package api

import (
	"net/http"

	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// listClaims answers GET /api/v1/claims with the claims filters.
func (h *handler) listClaims(w http.ResponseWriter, r *http.Request) {
	f, err := query.Claims(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p, err := h.Store.Claims(r.Context(), f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, page(p, f.Limit, f.Offset))
}
