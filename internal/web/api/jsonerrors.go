package api

import (
	"bytes"
	"net/http"
	"strings"
)

// JSONErrors turns the plain-text errors that net/http writes on its own
// (http.Error from a size limit, the cross-origin protection's refusal)
// into the API's JSON errors, so that a client never has to parse two
// formats. The server wraps its protections in it for paths under Prefix.
func JSONErrors(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		jw := &jsonErrorWriter{ResponseWriter: w}
		next.ServeHTTP(jw, r)
		jw.finish()
	})
}

// jsonErrorWriter holds back the body of a plain-text error response and
// writes it as {"error": ...} at the end.
type jsonErrorWriter struct {
	http.ResponseWriter
	status  int
	held    bool
	body    bytes.Buffer
	written bool
}

func (w *jsonErrorWriter) WriteHeader(status int) {
	if w.written {
		return
	}
	w.written = true
	ct := w.Header().Get("Content-Type")
	if status >= 400 && !strings.HasPrefix(ct, "application/json") {
		w.held, w.status = true, status
		return
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *jsonErrorWriter) Write(b []byte) (int, error) {
	if !w.written {
		w.WriteHeader(http.StatusOK)
	}
	if w.held {
		return w.body.Write(b)
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer.
func (w *jsonErrorWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *jsonErrorWriter) finish() {
	if !w.held {
		return
	}
	msg := strings.TrimSpace(w.body.String())
	if msg == "" {
		msg = http.StatusText(w.status)
	}
	h := w.Header()
	h.Del("Content-Length")
	h.Del("X-Content-Type-Options")
	h.Set("X-Content-Type-Options", "nosniff")
	writeError(w.ResponseWriter, w.status, msg)
}
