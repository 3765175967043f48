package api

import (
	_ "embed"
	"net/http"
)

// openAPIDoc describes the API. It is written by hand, and TestOpenAPI
// checks it against routes both ways.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI answers GET /api/v1/openapi.json.
func (h *handler) openAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPIDoc)
}
