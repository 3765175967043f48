package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/crosscheck-dev/crosscheck/internal/web/intake"
	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// created is the answer to a POST of documents.
type created struct {
	Documents []intake.Result `json:"documents"`
	// Warning says what went wrong after the documents were stored.
	Warning string `json:"warning,omitempty"`
}

// createDocuments answers POST /api/v1/documents. The body is either the
// document itself (text/plain, text/html, an RSS or Atom feed; anything
// that is not JSON is read as "crosscheck ingest" reads a file) or JSON:
// {"url": "https://..."} to fetch a page or a feed, or {"text": "..."}
// (plain text or HTML); "published": "YYYY-MM-DD" in JSON, or the
// published query parameter, dates a document that carries no date.
//
// It answers 201 when a document was added, 200 when every document was
// stored already, with the documents' ids; the first new one's URL is in
// Location.
func (h *handler) createDocuments(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			h.fail(w, r, fmt.Errorf("the document is over the limit of %d bytes: %w", h.MaxBody, err))
			return
		}
		h.fail(w, r, fmt.Errorf("%w: %v", errBadBody, err))
		return
	}
	published := r.URL.Query().Get("published")
	req := intake.Request{Content: body}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "application/json" {
		var in struct {
			URL       string `json:"url"`
			Text      string `json:"text"`
			Published string `json:"published"`
		}
		dec := json.NewDecoder(bytesReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			h.fail(w, r, fmt.Errorf("%w: %v; send {\"url\": \"...\"} or {\"text\": \"...\"}", errBadBody, err))
			return
		}
		if (in.URL == "") == (in.Text == "") {
			h.fail(w, r, fmt.Errorf("%w: give either \"url\" or \"text\", not both or neither", errBadBody))
			return
		}
		req = intake.Request{URL: in.URL, Content: []byte(in.Text)}
		if in.Published != "" {
			published = in.Published
		}
	}
	if published != "" {
		if req.Published, err = query.Day("published", published, false); err != nil || len(published) != 10 {
			h.fail(w, r, fmt.Errorf("%w: published=%q: give a day as YYYY-MM-DD", query.ErrBad, published))
			return
		}
	}

	results, err := intake.Ingest(r.Context(), h.Store, h.Intake, req)
	if err != nil && results == nil {
		h.fail(w, r, err)
		return
	}
	out := created{Documents: results}
	if err != nil {
		h.Logger.Error("api: after storing documents", "err", err)
		out.Warning = err.Error()
	}
	status := http.StatusOK
	for _, res := range results {
		if res.Added {
			if status == http.StatusOK {
				w.Header().Set("Location", Prefix+"/documents/"+strconv.FormatInt(res.ID, 10))
			}
			status = http.StatusCreated
		}
	}
	if status == http.StatusOK && allFailed(results) {
		status = http.StatusUnprocessableEntity
	}
	writeJSON(w, status, out)
}

func allFailed(rs []intake.Result) bool {
	for _, r := range rs {
		if r.Error == "" {
			return false
		}
	}
	return len(rs) > 0
}
