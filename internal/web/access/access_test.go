package access

import (
	"net/http/httptest"
	"testing"
)

func TestIsLocal(t *testing.T) {
	for _, tc := range []struct {
		remote, host string
		want         bool
	}{
		{"127.0.0.1:5000", "127.0.0.1:8080", true},
		{"127.0.0.1:5000", "localhost:8080", true},
		{"[::1]:5000", "[::1]:8080", true},
		{"127.0.0.1:5000", "app.localhost", true},
		// DNS rebinding: a foreign name pointed at this machine.
		{"127.0.0.1:5000", "evil.example:8080", false},
		{"127.0.0.1:5000", "127.0.0.1.evil.example", false},
		{"192.0.2.10:5000", "127.0.0.1:8080", false},
		{"10.0.0.2:5000", "localhost", false},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr, r.Host = tc.remote, tc.host
		if got := IsLocal(r); got != tc.want {
			t.Errorf("IsLocal(%s, Host %s) = %v, want %v", tc.remote, tc.host, got, tc.want)
		}
	}
}

func TestLoopbackAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:8080": true, "[::1]:8080": true, "127.1.2.3:80": true,
		":8080": false, "0.0.0.0:8080": false, "[::]:8080": false, "192.168.1.5:8080": false, "8080": false,
	} {
		if got := LoopbackAddr(addr); got != want {
			t.Errorf("LoopbackAddr(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestBearer(t *testing.T) {
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", "bearer  cct_abc ")
	if got := bearer(r); got != "cct_abc" {
		t.Errorf("bearer = %q", got)
	}
	r.Header.Set("Authorization", "Basic dXNlcjpwYXNz")
	if got := bearer(r); got != "" {
		t.Errorf("Basic read as a bearer token: %q", got)
	}
}
