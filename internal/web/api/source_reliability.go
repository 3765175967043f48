package api

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// maxSmallBody caps the JSON bodies of small writes.
const maxSmallBody = 4 << 10

// setReliability answers PUT /api/v1/sources/{id}/reliability with a body
// {"reliability": "B"}: the source's grade on the Admiralty scale, A-F.
// It returns the source as updated.
func (h *handler) setReliability(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	var body struct {
		Reliability string `json:"reliability"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxSmallBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		h.fail(w, r, fmt.Errorf("%w: %v; send {\"reliability\": \"A\"} with a letter from A to F", errBadBody, err))
		return
	}
	grade := strings.ToUpper(strings.TrimSpace(body.Reliability))
	if err := h.Store.SetReliability(r.Context(), id, grade); err != nil {
		h.fail(w, r, err)
		return
	}
	s, err := h.Store.Source(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s)
}
