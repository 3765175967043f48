package api

import "net/http"

// getExtraction answers GET /api/v1/documents/{id}/extraction: everything
// extracted from the document, in the contract of "crosscheck extract"
// (spans are character offsets into the text).
func (h *handler) getExtraction(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	res, err := h.Store.Extraction(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}
