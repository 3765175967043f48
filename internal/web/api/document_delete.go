package api

import "net/http"

// deleteDocument answers DELETE /api/v1/documents/{id}: the document and
// everything extracted from it go; its sources stay known.
func (h *handler) deleteDocument(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if _, err := h.Store.Document(r.Context(), id); err != nil {
		h.fail(w, r, err) // 404 for a document that is not there
		return
	}
	if err := h.Store.DeleteDocument(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
