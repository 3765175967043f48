// Package api is crosscheck's JSON API under /api/v1: documents, claims
// with their verification, sources, measures, a timeline and search, read
// with the store's filters and paginated; documents added by POST; a source's reliability
// set by PUT. Every response is JSON, errors included ({"error": "..."}
// with the matching status). Reads are open to this machine; everything
// else, and every write, needs an API token (see package access).
//
// The routes are one table (routes), which Register installs and the
// OpenAPI test checks against openapi.json, so that the description served
// at /api/v1/openapi.json cannot drift from what the server answers.
package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/ingest"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/intake"
	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// Prefix is where the API lives.
const Prefix = "/api/v1"

// Config is what the API's handlers use.
type Config struct {
	Store  store.Store
	Guard  access.Guard
	Intake intake.Config
	Logger *slog.Logger
	// MaxBody caps a POSTed document, in bytes; default 8 MiB.
	MaxBody int64
}

// DefaultMaxBody is the default cap on a POSTed document: far above any
// article, far below what would strain the server.
const DefaultMaxBody = 8 << 20

// Access levels of a route.
type level int

const (
	read  level = iota // this machine, or a token
	write              // a token, always
	open               // anyone: the API's description
)

// route is one endpoint of the API.
type route struct {
	method, path string // path is a ServeMux pattern under Prefix
	level        level
	handler      func(*handler, http.ResponseWriter, *http.Request)
}

// routes lists every endpoint; openapi.json documents each of them.
var routes = []route{
	{"GET", "/openapi.json", open, (*handler).openAPI},
	{"GET", "/stats", read, (*handler).stats},
	{"GET", "/documents", read, (*handler).listDocuments},
	{"POST", "/documents", write, (*handler).createDocuments},
	{"GET", "/documents/{id}", read, (*handler).getDocument},
	{"DELETE", "/documents/{id}", write, (*handler).deleteDocument},
	{"GET", "/documents/{id}/extraction", read, (*handler).getExtraction},
	{"GET", "/claims", read, (*handler).listClaims},
	{"GET", "/claims/{id}", read, (*handler).getClaim},
	{"GET", "/claims/{id}/verification", read, (*handler).getVerification},
	{"GET", "/sources", read, (*handler).listSources},
	{"GET", "/sources/{id}", read, (*handler).getSource},
	{"PUT", "/sources/{id}/reliability", write, (*handler).setReliability},
	{"GET", "/measures", read, (*handler).listMeasures},
	{"GET", "/measures/{id}", read, (*handler).getMeasure},
	{"GET", "/timeline", read, (*handler).timeline},
	{"GET", "/search", read, (*handler).search},
}

// handler holds the configuration the handlers share.
type handler struct {
	Config
}

// Handler returns the API, to be mounted at Prefix+"/" on the server's
// mux. It answers every path under the prefix, unknown ones with a JSON
// 404 and wrong methods with a JSON 405.
func Handler(cfg Config) http.Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	h := &handler{cfg}
	mux := http.NewServeMux()
	for _, rt := range routes {
		mux.Handle(rt.method+" "+Prefix+rt.path, h.guard(rt))
	}
	// The catch-all answers every method, so ServeMux no longer tells a
	// wrong method from a wrong path: find out which it is here.
	catchAll := Prefix + "/"
	mux.HandleFunc(catchAll, func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range []string{"GET", "POST", "PUT", "DELETE"} {
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, pattern := mux.Handler(probe); pattern != catchAll {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path+"; use "+strings.Join(allow, " or "))
			return
		}
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path+"; the API is described at "+Prefix+"/openapi.json")
	})
	return JSONErrors(mux)
}

// guard applies a route's access level.
func (h *handler) guard(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rt.level != open {
			who, err := h.Guard.Identify(r.Context(), r)
			switch {
			case errors.Is(err, store.ErrBadToken):
				unauthorized(w, "the API token is unknown or revoked; create one with \"crosscheck token create NAME\"")
				return
			case err != nil:
				h.fail(w, r, err)
				return
			case rt.level == write && who.Token == nil:
				unauthorized(w, "writing needs an API token: send it as \"Authorization: Bearer TOKEN\" (create one with \"crosscheck token create NAME\")")
				return
			case !who.CanRead():
				unauthorized(w, access.ErrNoToken.Error())
				return
			}
		}
		rt.handler(h, w, r)
	})
}

func unauthorized(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="crosscheck"`)
	writeError(w, http.StatusUnauthorized, msg)
}

// list is one page of a listing, with the paging it was asked with.
type list[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

func page[T any](p store.Page[T], limit, offset int) list[T] {
	if p.Items == nil {
		p.Items = []T{}
	}
	return list[T]{Items: p.Items, Total: p.Total, Limit: limit, Offset: offset}
}

// writeJSON writes v with a status. Text is not HTML-escaped by the
// encoder: the content type is JSON, and clients get the text as stored.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(v) // the client may have gone; nothing to do about it
}

// apiError is the body of every error response.
type apiError struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{msg})
}

// fail writes err with the status it calls for: 400 for a malformed
// request, 404 for what does not exist, 413/415/422/502 for documents that
// cannot be read, 500 (logged, with a generic message) for the rest.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	var tooBig *http.MaxBytesError
	switch {
	case errors.Is(err, query.ErrBad), errors.Is(err, store.ErrInvalid), errors.Is(err, errBadBody),
		errors.Is(err, intake.ErrNothing), errors.Is(err, intake.ErrBadURL):
		writeError(w, http.StatusBadRequest, intake.Message(err))
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.As(err, &tooBig), errors.Is(err, ingest.ErrTooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, intake.Message(err))
	case errors.Is(err, ingest.ErrUnsupportedType), errors.Is(err, ingest.ErrBinary):
		writeError(w, http.StatusUnsupportedMediaType, intake.Message(err))
	case errors.Is(err, ingest.ErrEmpty), errors.Is(err, ingest.ErrNoText), errors.Is(err, ingest.ErrBadFeed):
		writeError(w, http.StatusUnprocessableEntity, intake.Message(err))
	case errors.Is(err, ingest.ErrUnreachable), errors.Is(err, ingest.ErrTimeout), errors.Is(err, ingest.ErrHTTP):
		writeError(w, http.StatusBadGateway, intake.Message(err))
	case r.Context().Err() != nil:
		// The client left; it will not read an answer.
	default:
		h.Logger.Error("api", "method", r.Method, "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error; the server log has the details")
	}
}

// errBadBody marks a request body that cannot be read.
var errBadBody = errors.New("bad request body")

// pathID reads the {id} of a route.
func pathID(r *http.Request) (int64, error) {
	v := r.PathValue("id")
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%w: id %q: give a number from 1", query.ErrBad, v)
	}
	return n, nil
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }
