package api

import (
	"fmt"
	"net/http"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// getVerification answers GET /api/v1/claims/{id}/verification: whether
// other sources confirm or deny the claim, the evidence cited, the
// reporter's caveats, and the information credibility (1-6) that follows.
func (h *handler) getVerification(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	vs, err := h.Store.Verifications(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if len(vs) == 0 {
		h.fail(w, r, fmt.Errorf("claim %d: %w", id, store.ErrNotFound))
		return
	}
	writeJSON(w, http.StatusOK, vs[0])
}
