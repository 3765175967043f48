// Package fetch gets a document over HTTP the way a careful crawler does:
// with a timeout, a cap on the size of what it reads, a bounded number of
// redirects and a User-Agent that says who is asking. It refuses, before
// reading the body, responses that are no text, HTML or feed, and reports
// HTTP failures with their status.
//
// It returns the body's bytes as sent; decoding their charset is for the
// reader of each format, which knows where else a charset may be declared
// (an HTML <meta>, an XML declaration).
package fetch

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Errors a caller can test with errors.Is. Their text is a short phrase
// for a person; the detail follows it in parentheses.
var (
	// ErrTooLarge reports a response larger than Config.MaxBytes.
	ErrTooLarge = errors.New("too large")
	// ErrUnsupportedType reports a Content-Type that is no text, HTML or feed.
	ErrUnsupportedType = errors.New("not a text, HTML or feed document")
	// ErrUnreachable reports a server that could not be reached at all.
	ErrUnreachable = errors.New("cannot reach the server")
	// ErrTimeout reports a request that did not finish within Config.Timeout.
	ErrTimeout = errors.New("timed out")
	// ErrTooManyRedirects reports a chain of redirects longer than allowed.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrBadURL reports an address that is not an absolute http(s) URL.
	ErrBadURL = errors.New("not a web address")
)

// StatusError reports an HTTP response other than 200 OK.
type StatusError struct {
	Code   int
	Status string // the status line's text, e.g. "404 Not Found"
}

// Error returns "HTTP 404 Not Found" and the like.
func (e *StatusError) Error() string {
	if e.Status != "" {
		return "HTTP " + e.Status
	}
	return fmt.Sprintf("HTTP %d %s", e.Code, http.StatusText(e.Code))
}

// Config sets the limits of a fetch. Zero values take the defaults below.
type Config struct {
	// Client makes the requests; nil means a fresh http.Client. Its
	// CheckRedirect, if any, still runs after the redirect limit.
	Client *http.Client
	// UserAgent is sent with every request.
	UserAgent string
	// Timeout bounds the whole request, body included (default 20s).
	Timeout time.Duration
	// MaxBytes caps the body (default 32 MiB).
	MaxBytes int64
	// MaxRedirects bounds redirects (default 5; negative: none followed).
	MaxRedirects int
}

// Defaults for a zero Config.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 32 << 20
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "crosscheck (+https://github.com/crosscheck-dev/crosscheck)"
)

// Response is a successful fetch.
type Response struct {
	URL         string // the final URL, after redirects
	ContentType string // the Content-Type header as sent, parameters included
	Body        []byte
}

// accepted lists the media types crosscheck can read. An empty or generic
// binary type is let through too, because many servers send one for any
// file; the caller sniffs the bytes.
var accepted = map[string]bool{
	"text/html": true, "application/xhtml+xml": true, "text/plain": true,
	"text/markdown": true, "text/x-markdown": true,
	"application/rss+xml": true, "application/atom+xml": true, "application/rdf+xml": true,
	"application/xml": true, "text/xml": true,
	"": true, "application/octet-stream": true, "binary/octet-stream": true,
}

// Get fetches rawURL within the limits of cfg.
func Get(ctx context.Context, rawURL string, cfg Config) (*Response, error) {
	cfg = cfg.withDefaults()
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w (only http and https addresses can be fetched)", ErrBadURL)
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrBadURL, err)
	}
	req.Header.Set("User-Agent", cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1")

	resp, err := client(cfg).Do(req)
	if err != nil {
		return nil, classify(err, cfg)
	}
	defer resp.Body.Close()

	if resp.StatusCode != http.StatusOK {
		return nil, &StatusError{Code: resp.StatusCode, Status: resp.Status}
	}
	ct := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ct)
	if !accepted[mt] {
		return nil, fmt.Errorf("%w (%s)", ErrUnsupportedType, mt)
	}
	if resp.ContentLength > cfg.MaxBytes {
		return nil, tooLarge(resp.ContentLength, cfg.MaxBytes)
	}
	// Read one byte past the cap to tell "exactly at the cap" from "over it"
	// without trusting Content-Length, which may be absent or wrong.
	body, err := io.ReadAll(io.LimitReader(resp.Body, cfg.MaxBytes+1))
	if err != nil {
		return nil, classify(err, cfg)
	}
	if int64(len(body)) > cfg.MaxBytes {
		return nil, tooLarge(-1, cfg.MaxBytes)
	}
	return &Response{URL: resp.Request.URL.String(), ContentType: ct, Body: body}, nil
}

func (c Config) withDefaults() Config {
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = DefaultMaxBytes
	}
	if c.MaxRedirects == 0 {
		c.MaxRedirects = DefaultMaxRedirects
	}
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	return c
}

// errRedirects marks the redirect limit inside the client's error.
var errRedirects = errors.New("redirect limit")

// client returns a copy of cfg.Client that enforces the redirect limit.
func client(cfg Config) *http.Client {
	c := http.Client{}
	if cfg.Client != nil {
		c = *cfg.Client
	}
	next := c.CheckRedirect
	limit := max(cfg.MaxRedirects, 0)
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > limit {
			return errRedirects
		}
		// Keep the User-Agent across redirects to other hosts too.
		req.Header.Set("User-Agent", cfg.UserAgent)
		if next != nil {
			return next(req, via)
		}
		return nil
	}
	return &c
}

// classify turns a transport error into one of the package's errors, with
// the useful part of the cause as its detail.
func classify(err error, cfg Config) error {
	var dns *net.DNSError
	var op *net.OpError
	var cert *x509.UnknownAuthorityError
	var ne net.Error
	switch {
	case errors.Is(err, errRedirects):
		return fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, max(cfg.MaxRedirects, 0))
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		return fmt.Errorf("%w (after %s)", ErrTimeout, cfg.Timeout)
	case errors.Is(err, context.Canceled):
		return context.Canceled
	case errors.As(err, &dns):
		return fmt.Errorf("%w (no such host %s)", ErrUnreachable, dns.Name)
	case errors.As(err, &cert):
		return fmt.Errorf("%w (its certificate is not trusted)", ErrUnreachable)
	case errors.As(err, &op):
		return fmt.Errorf("%w (%s)", ErrUnreachable, shortCause(op.Err))
	}
	return fmt.Errorf("%w (%s)", ErrUnreachable, shortCause(err))
}

// shortCause keeps the last clause of a chained network error:
// "dial tcp 127.0.0.1:1: connect: connection refused" -> "connection refused".
func shortCause(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	return s
}

func tooLarge(n, limit int64) error {
	if n > 0 {
		return fmt.Errorf("%w (%s, the limit is %s)", ErrTooLarge, size(n), size(limit))
	}
	return fmt.Errorf("%w (over the limit of %s)", ErrTooLarge, size(limit))
}

// size prints a byte count for a person, in the binary units the limit is
// set in.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
