// Package access decides who may read and who may write through crosscheck's
// web server. The rule is the one a single-user tool on a laptop needs and a
// shared server can live with:
//
//   - a request from this machine (a loopback address, naming a loopback
//     host) may read without a token;
//   - any other request must carry an API token to read;
//   - writing through the API always needs a token, so that a script that
//     ingests or grades is always a named, revocable client;
//   - the web UI's forms (grading a source, adding an article) accept a
//     request from this machine or one carrying a token.
//
// Tokens come in an "Authorization: Bearer" header (API clients) or in the
// cookie the UI's sign-in form sets (browsers, which cannot add headers to
// a link). The server keeps only their hashes (see store.CreateToken).
//
// The Host check matters: without it a web page on another site could use
// DNS rebinding to make a browser on this machine send its requests to
// 127.0.0.1 under the attacker's host name, and read the ledger.
package access

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// CookieName is the cookie holding the token of a browser that signed in.
const CookieName = "crosscheck_token"

// ErrNoToken: the request carries no token and does not come from this
// machine.
var ErrNoToken = errors.New("an API token is needed: send it as \"Authorization: Bearer TOKEN\" (create one with \"crosscheck token create NAME\")")

// Who is what a request proved about itself.
type Who struct {
	// Local is set for a request from a loopback address naming a loopback
	// host.
	Local bool
	// Token is the valid token the request carried, if any.
	Token *store.Token
}

// CanRead reports whether the request may read the ledger.
func (w Who) CanRead() bool { return w.Local || w.Token != nil }

// Guard identifies requests against the store's tokens.
type Guard struct {
	Store store.Store
}

// Identify returns what the request proved. A token that is given but
// unknown or revoked is an error (store.ErrBadToken) rather than being
// ignored, so that a client with a stale token hears about it even from
// this machine.
func (g Guard) Identify(ctx context.Context, r *http.Request) (Who, error) {
	who := Who{Local: IsLocal(r)}
	secret := bearer(r)
	if secret == "" {
		if c, err := r.Cookie(CookieName); err == nil {
			secret = c.Value
		}
	}
	if secret == "" {
		return who, nil
	}
	tok, err := g.Store.CheckToken(ctx, secret)
	if err != nil {
		return who, err
	}
	who.Token = &tok
	return who, nil
}

// Check returns what the request proved from a token given explicitly
// (a form field), falling back to Identify when secret is empty.
func (g Guard) Check(ctx context.Context, r *http.Request, secret string) (Who, error) {
	secret = strings.TrimSpace(secret)
	if secret == "" {
		return g.Identify(ctx, r)
	}
	tok, err := g.Store.CheckToken(ctx, secret)
	if err != nil {
		return Who{Local: IsLocal(r)}, err
	}
	return Who{Local: IsLocal(r), Token: &tok}, nil
}

// bearer returns the token of an "Authorization: Bearer" header.
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// IsLocal reports whether r comes from this machine: its peer address is
// a loopback address and the host it names is a loopback name or address.
func IsLocal(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback() && LoopbackHost(r.Host)
}

// LoopbackHost reports whether a Host header (with or without a port)
// names this machine: localhost, a name under .localhost, or a loopback
// address.
func LoopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// LoopbackAddr reports whether a listening address (host:port) binds only
// the loopback interface. An empty host binds every interface.
func LoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
