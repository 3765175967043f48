// Package ingest turns what a user points crosscheck at (files, folders,
// globs, URLs, feeds, web archives, standard input) into Documents. It
// expands arguments into inputs, tells each input's format from its bytes,
// and hands it to the reader for that format: text, html, feed or warc,
// with fetch for anything on the web.
//
// Every failure is an *Error whose message is one line naming the input,
// what is wrong and what to do; nothing a user can feed in makes it panic.
package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"log/slog"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/feed"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/fetch"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/html"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/text"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/warc"
)

// Config sets how inputs are read. Its zero value is ready to use.
type Config struct {
	// Client makes HTTP requests; nil means a fresh http.Client.
	Client *http.Client
	// UserAgent is sent with every request; default
	// "crosscheck/VERSION (+https://github.com/crosscheck-dev/crosscheck)".
	UserAgent string
	// Timeout bounds each HTTP request, body included; default 20s.
	Timeout time.Duration
	// MaxBytes caps an input read into memory (a file, a download, stdin)
	// and each record of a WARC file, which is streamed; default 32 MiB.
	MaxBytes int64
	// MaxRedirects bounds the redirects followed; default 5, negative for
	// none.
	MaxRedirects int
	// FetchFeedPages makes a feed item that carries only a summary be read
	// from its page instead. It is off in the zero Config so that reading a
	// feed file makes no request unless asked; the CLI turns it on unless
	// told not to.
	FetchFeedPages bool
	// Stdin is read for the input "-"; default os.Stdin.
	Stdin io.Reader
	// Logger receives warnings (a guessed encoding, a skipped record) and
	// debug lines; default: discarded.
	Logger *slog.Logger
}

// Defaults for a zero Config.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 32 << 20
	DefaultMaxRedirects = 5
)

// UserAgent is the default User-Agent: crosscheck, its version, and where
// to find out what it is, as polite crawlers do.
func UserAgent() string {
	v := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "crosscheck/" + v + " (+https://github.com/crosscheck-dev/crosscheck)"
}

func (c Config) withDefaults() Config {
	if c.UserAgent == "" {
		c.UserAgent = UserAgent()
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = DefaultMaxBytes
	}
	if c.MaxRedirects == 0 {
		c.MaxRedirects = DefaultMaxRedirects
	}
	if c.Stdin == nil {
		c.Stdin = os.Stdin
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

func (c Config) fetch() fetch.Config {
	return fetch.Config{
		Client:       c.Client,
		UserAgent:    c.UserAgent,
		Timeout:      c.Timeout,
		MaxBytes:     c.MaxBytes,
		MaxRedirects: c.MaxRedirects,
	}
}

// Read yields every document of one input, as Inputs returns them: one for
// a text or HTML file or page, one per item of a feed, one per HTML page in
// a WARC file, and for a folder, those of every file in it. Errors are
// *Error values. An input that cannot be read yields one error and nothing
// else; a feed item or a WARC record that fails yields an error and reading
// goes on with the next.
func Read(ctx context.Context, input string, cfg Config) iter.Seq2[*document.Document, error] {
	cfg = cfg.withDefaults()
	return func(yield func(*document.Document, error) bool) {
		r := &run{ctx: ctx, cfg: cfg, input: input, yield: yield, ok: true}
		switch {
		case input == "-":
			r.stdin()
		case isURL(input):
			r.url(input)
		default:
			r.path(input)
		}
	}
}

// run reads one input, sending what it finds to yield until yield says
// stop.
type run struct {
	ctx   context.Context
	cfg   Config
	input string
	yield func(*document.Document, error) bool
	ok    bool // false once yield asked to stop
}

// emit sends a document or an error; errors get the input's name, or the
// item's within it.
func (r *run) emit(d *document.Document, err error) bool {
	if !r.ok {
		return false
	}
	if err != nil {
		d = nil
		var ie *feed.ItemError
		var re *warc.RecordError
		switch {
		case errors.As(err, &ie):
			err = &Error{Input: r.input + "#" + ie.Item, Err: ie.Err}
		case errors.As(err, &re):
			err = &Error{Input: r.input + "#" + re.URI, Err: re.Err}
		default:
			err = fail(r.input, err)
		}
	}
	r.ok = r.yield(d, err)
	return r.ok
}

func (r *run) fail(err error) { r.emit(nil, err) }

func (r *run) stdin() {
	data, err := io.ReadAll(io.LimitReader(r.cfg.Stdin, r.cfg.MaxBytes+1))
	if err != nil {
		r.fail(fmt.Errorf("ingest: reading standard input: %w", err))
		return
	}
	if int64(len(data)) > r.cfg.MaxBytes {
		r.fail(fmt.Errorf("%w (over the limit of %s)", ErrTooLarge, size(r.cfg.MaxBytes)))
		return
	}
	r.content(data, "", "", false)
}

func (r *run) url(u string) {
	resp, err := fetch.Get(r.ctx, u, r.cfg.fetch())
	if err != nil {
		r.fail(err)
		return
	}
	r.content(resp.Body, resp.ContentType, resp.URL, false)
}

func (r *run) path(p string) {
	fi, err := os.Stat(p)
	if err != nil {
		r.fail(statError(err))
		return
	}
	if fi.IsDir() {
		files, err := walk(p)
		for _, e := range split(err) {
			if !r.emit(nil, e) {
				return
			}
		}
		for _, f := range files {
			for d, err := range Read(r.ctx, f, r.cfg) {
				if !r.yield(d, err) {
					r.ok = false
					return
				}
			}
		}
		return
	}
	if fi.Mode().IsRegular() && fi.Size() == 0 {
		r.fail(fmt.Errorf("%w (0 bytes)", ErrEmpty))
		return
	}
	f, err := os.Open(p)
	if err != nil {
		r.fail(statError(err))
		return
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	head, _ := br.Peek(sniffLen)
	switch k, _ := sniff(head); k {
	case kindWARC:
		// A WARC file is streamed record by record, so its size is no
		// limit; MaxBytes caps each record instead.
		r.warc(br)
		return
	case kindGzip:
		r.gzip(br)
		return
	}
	// Check the size before reading: a 200 MB file is refused at once.
	if fi.Mode().IsRegular() && fi.Size() > r.cfg.MaxBytes {
		r.fail(fmt.Errorf("%w (%s, the limit is %s)", ErrTooLarge, size(fi.Size()), size(r.cfg.MaxBytes)))
		return
	}
	data, err := io.ReadAll(io.LimitReader(br, r.cfg.MaxBytes+1))
	if err != nil {
		r.fail(fmt.Errorf("ingest: reading: %w", err))
		return
	}
	if int64(len(data)) > r.cfg.MaxBytes { // a file that grew, or a pipe
		r.fail(fmt.Errorf("%w (over the limit of %s)", ErrTooLarge, size(r.cfg.MaxBytes)))
		return
	}
	r.content(data, "", "", false)
}

// gzip reads a gzipped input: a WARC is streamed, anything else is
// inflated up to the size cap and read like any other content.
func (r *run) gzip(src io.Reader) {
	gz, err := gzip.NewReader(src)
	if err != nil {
		r.fail(fmt.Errorf("%w (a damaged gzip file: %v)", ErrBinary, err))
		return
	}
	defer gz.Close()
	gbr := bufio.NewReaderSize(gz, 64<<10)
	head, _ := gbr.Peek(sniffLen)
	if k, _ := sniff(head); k == kindWARC {
		r.warc(gbr)
		return
	}
	data, err := io.ReadAll(io.LimitReader(gbr, r.cfg.MaxBytes+1))
	if err != nil {
		r.fail(fmt.Errorf("%w (a damaged gzip file: %v)", ErrBinary, err))
		return
	}
	if int64(len(data)) > r.cfg.MaxBytes {
		r.fail(fmt.Errorf("%w (it inflates past the limit of %s)", ErrTooLarge, size(r.cfg.MaxBytes)))
		return
	}
	r.content(data, "", "", true)
}

func (r *run) warc(src io.Reader) {
	for d, err := range warc.Read(src, warc.Options{Origin: r.input, MaxBytes: r.cfg.MaxBytes}) {
		if err == nil && r.ctx.Err() != nil {
			err = r.ctx.Err()
		}
		if !r.emit(d, err) || r.ctx.Err() != nil {
			return
		}
	}
}

// content reads an input held in memory. contentType and pageURL are
// known for a download only.
func (r *run) content(data []byte, contentType, pageURL string, gunzipped bool) {
	if hasUTF16BOM(data) {
		data, _ = decodeText(data, "")
		contentType = ""
	}
	k, mt := sniff(bytes.TrimLeft(data, " \t\r\n"))
	if k == kindEmpty && len(bytes.TrimSpace(data)) > 0 {
		k = kindText // white space up front, text further down
	}
	switch k {
	case kindEmpty:
		r.fail(fmt.Errorf("%w (only white space)", ErrEmpty))
	case kindWARC:
		r.warc(bytes.NewReader(data))
	case kindGzip:
		if gunzipped {
			r.fail(fmt.Errorf("%w (gzip inside gzip)", ErrUnsupportedType))
			return
		}
		r.gzip(bytes.NewReader(data))
	case kindFeed:
		r.feed(data, pageURL)
	case kindHTML:
		d, err := html.Read(data, html.Options{URL: pageURL, ContentType: contentType, Origin: r.input})
		r.emit(d, err)
	case kindText:
		utf, note := decodeText(data, contentType)
		if note != "" {
			if looksBinary(utf) {
				r.fail(fmt.Errorf("%w (%s)", ErrBinary, "application/octet-stream"))
				return
			}
			r.cfg.Logger.Warn(note, "input", r.input)
		}
		d, err := text.Read(utf, r.input)
		if err == nil && d.URL == "" {
			d.URL = pageURL
		}
		r.emit(d, err)
	case kindBinary:
		r.fail(fmt.Errorf("%w (%s)", ErrBinary, mt))
	default:
		r.fail(fmt.Errorf("%w (%s)", ErrUnsupportedType, mt))
	}
}

func (r *run) feed(data []byte, feedURL string) {
	opts := feed.Options{Origin: r.input, URL: feedURL}
	if r.cfg.FetchFeedPages {
		opts.FetchPage = r.page
	}
	for d, err := range feed.Read(r.ctx, data, opts) {
		if !r.emit(d, err) {
			return
		}
	}
}

// page reads the page of a feed item: one HTML or text document.
func (r *run) page(ctx context.Context, link string) (*document.Document, error) {
	r.cfg.Logger.Debug("fetching the page of a feed item", "input", r.input, "url", link)
	resp, err := fetch.Get(ctx, link, r.cfg.fetch())
	if err != nil {
		return nil, err
	}
	k, mt := sniff(bytes.TrimLeft(resp.Body, " \t\r\n"))
	switch k {
	case kindHTML:
		return html.Read(resp.Body, html.Options{URL: resp.URL, ContentType: resp.ContentType, Origin: link})
	case kindText:
		utf, _ := decodeText(resp.Body, resp.ContentType)
		d, err := text.Read(utf, link)
		if err == nil && d.URL == "" {
			d.URL = resp.URL
			d.Finish()
		}
		return d, err
	case kindEmpty:
		return nil, fmt.Errorf("%w (the page is empty)", ErrEmpty)
	}
	if mt == "" {
		mt = "a feed or archive"
	}
	return nil, fmt.Errorf("%w (the item's page is %s)", ErrUnsupportedType, mt)
}

// statError turns an os.Stat or os.Open error into one for a person.
func statError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ErrNotFound
	case errors.Is(err, fs.ErrPermission):
		return fs.ErrPermission
	}
	return fmt.Errorf("ingest: opening: %w", err)
}

// split undoes errors.Join.
func split(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err != nil {
		return []error{err}
	}
	return nil
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
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
