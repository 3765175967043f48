package api

import "net/http"

// getMeasure answers GET /api/v1/measures/{id}: one measure with its
// estimates in the order they were said.
func (h *handler) getMeasure(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	m, err := h.Store.Measure(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, m)
}
