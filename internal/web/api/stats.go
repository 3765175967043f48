package api

import "net/http"

// stats answers GET /api/v1/stats: what the store holds.
func (h *handler) stats(w http.ResponseWriter, r *http.Request) {
	st, err := h.Store.Stats(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
