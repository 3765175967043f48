package api

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestOpenAPI checks openapi.json against the routes both ways: every
// route is documented with its method, every documented operation is a
// route, and the server answers each documented operation rather than
// saying "no such endpoint" or "method not allowed".
func TestOpenAPI(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Servers []struct{ URL string }                `json:"servers"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want an OpenAPI 3 description", doc.OpenAPI)
	}
	if len(doc.Servers) != 1 || doc.Servers[0].URL != Prefix {
		t.Errorf("servers %v, want %s", doc.Servers, Prefix)
	}

	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			if method == "parameters" {
				continue
			}
			key := strings.ToUpper(method) + " " + path
			documented[key] = true
			var o struct {
				OperationID string                     `json:"operationId"`
				Responses   map[string]json.RawMessage `json:"responses"`
			}
			if err := json.Unmarshal(op, &o); err != nil || o.OperationID == "" || len(o.Responses) == 0 {
				t.Errorf("%s: an operation needs an operationId and responses (%v)", key, err)
			}
		}
	}
	var routed []string
	for _, rt := range routes {
		key := rt.method + " " + rt.path
		routed = append(routed, key)
		if !documented[key] {
			t.Errorf("route %s is not in openapi.json", key)
		}
	}
	for key := range documented {
		if !slices.Contains(routed, key) {
			t.Errorf("openapi.json documents %s, which is no route", key)
		}
	}

	// The real handler answers each documented operation.
	c := newClient(t, readStore(t))
	for key := range documented {
		method, path, _ := strings.Cut(key, " ")
		path = strings.ReplaceAll(path, "{id}", "1")
		r := c.do(method, Prefix+path, "application/json", strings.NewReader("{}"))
		if r.status == http.StatusMethodNotAllowed || strings.Contains(string(r.body), "no such endpoint") {
			t.Errorf("%s %s: %d %s", method, path, r.status, r.body)
		}
	}
}

// TestOpenAPIServed checks the description is served as JSON.
func TestOpenAPIServed(t *testing.T) {
	c := newClient(t, readStore(t))
	r := c.get(Prefix + "/openapi.json")
	var v map[string]any
	r.decode(t, &v)
	if r.status != 200 || v["openapi"] == nil {
		t.Errorf("GET openapi.json: %d", r.status)
	}
}
