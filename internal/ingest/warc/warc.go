// Package warc reads web archives (WARC 1.0 and 1.1, ISO 28500), plain or
// gzipped, whole-file or one gzip member per record, and turns every
// archived HTML page (a response record with HTTP 200 and an HTML body) into
// a Document.
//
// It has its own small record reader rather than github.com/nlnwa/gowarc:
// that library panics on a six-byte file ("WARC/\n") and returns a record
// cut short by the end of the file as if it were whole, and both matter
// here, where archives come from anywhere and a truncated download must be
// reported, not half-read in silence. WARC is a simple format (a version
// line, header fields, a blank line, Content-Length bytes, CRLF CRLF), so
// the reader is short and fuzzed.
package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/html"
)

// Errors a caller can test with errors.Is.
var (
	// ErrNotWARC reports input that does not start with a WARC record.
	ErrNotWARC = errors.New("not a WARC file")
	// ErrTruncated reports an archive that ends inside a record.
	ErrTruncated = errors.New("truncated")
	// ErrCorrupt reports a record whose header cannot be read.
	ErrCorrupt = errors.New("damaged")
	// ErrTooLarge reports a record larger than Options.MaxBytes.
	ErrTooLarge = errors.New("too large")
)

// Limits on a record header, far above what crawlers write, so that a
// damaged file cannot make the reader buffer without end.
const (
	maxHeaderLine   = 64 << 10
	maxHeaderFields = 512
)

// DefaultMaxBytes caps a record's block when Options.MaxBytes is zero.
const DefaultMaxBytes = 32 << 20

// Record is one WARC record. Block holds the content block only for the
// records Records was asked to keep; the others are skipped unread.
type Record struct {
	Type      string // WARC-Type: warcinfo, response, request, resource, ...
	TargetURI string // WARC-Target-URI
	Date      time.Time
	Header    textproto.MIMEHeader
	Block     []byte
	Offset    int64 // where the record starts in the (uncompressed) stream
}

// RecordError reports a record that could not become a document; reading
// carries on with the next record.
type RecordError struct {
	URI string
	Err error
}

// Error returns "URI: problem".
func (e *RecordError) Error() string { return e.URI + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *RecordError) Unwrap() error { return e.Err }

// Options sets how Read reads an archive.
type Options struct {
	// Origin names the archive (its path); each document's Origin is
	// Origin#TargetURI.
	Origin string
	// MaxBytes caps one record's block (default 32 MiB); a larger record
	// is skipped with an error wrapping ErrTooLarge.
	MaxBytes int64
}

// Read yields a Document for every HTML response record in the archive r.
// A record that cannot be read as an article yields a *RecordError and
// reading goes on; an archive that ends inside a record yields the
// documents before it and then one error wrapping ErrTruncated.
func Read(r io.Reader, opts Options) iter.Seq2[*document.Document, error] {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	return func(yield func(*document.Document, error) bool) {
		for rec, err := range Records(r, opts.MaxBytes, isPage) {
			if err != nil {
				var re *RecordError
				if errors.As(err, &re) {
					if !yield(nil, err) {
						return
					}
					continue
				}
				yield(nil, err)
				return
			}
			d, err := page(rec, opts)
			if d == nil && err == nil {
				continue // not a 200 HTML response
			}
			if err != nil {
				err = &RecordError{URI: rec.TargetURI, Err: err}
			}
			if !yield(d, err) {
				return
			}
		}
	}
}

// isPage says which records Read keeps the block of: responses and
// resources, the two that carry a captured document.
func isPage(h textproto.MIMEHeader) bool {
	switch strings.ToLower(h.Get("WARC-Type")) {
	case "response", "resource":
		return true
	}
	return false
}

// page turns a response or resource record into a Document, or returns nil
// and no error for a record that is not a successful HTML page.
func page(rec *Record, opts Options) (*document.Document, error) {
	var body []byte
	var ct string
	switch strings.ToLower(rec.Type) {
	case "resource":
		ct = rec.Header.Get("Content-Type")
		body = rec.Block
	case "response":
		mt, _, _ := mime.ParseMediaType(rec.Header.Get("Content-Type"))
		if mt != "application/http" && mt != "" {
			return nil, nil // a DNS or other non-HTTP response
		}
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(rec.Block)), nil)
		if err != nil {
			return nil, fmt.Errorf("%w (its HTTP response cannot be read: %v)", ErrCorrupt, err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, nil
		}
		ct = resp.Header.Get("Content-Type")
		if !isHTML(ct) {
			return nil, nil
		}
		// A body cut short by the crawler (WARC-Truncated) is still worth
		// reading: what arrived is kept.
		body, err = io.ReadAll(resp.Body)
		if err != nil && len(body) == 0 {
			return nil, fmt.Errorf("%w (its HTTP body cannot be read: %v)", ErrCorrupt, err)
		}
		body, err = decodeBody(body, resp.Header.Get("Content-Encoding"), opts.MaxBytes)
		if err != nil {
			return nil, err
		}
	default:
		return nil, nil
	}
	if !isHTML(ct) {
		return nil, nil
	}
	d, err := html.Read(body, html.Options{
		URL:         rec.TargetURI,
		ContentType: ct,
		Origin:      opts.Origin + "#" + rec.TargetURI,
	})
	if err != nil {
		return nil, err
	}
	d.Format = "warc"
	if d.Published.IsZero() && !rec.Date.IsZero() {
		// The capture date: the page existed then, so it was published
		// then or before; the nearest date known.
		d.Published = rec.Date
	}
	d.Finish()
	return d, nil
}

func isHTML(ct string) bool {
	mt, _, _ := mime.ParseMediaType(ct)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// decodeBody undoes the Content-Encoding a server applied: WARC keeps the
// bytes as they came over the wire.
func decodeBody(b []byte, encoding string, maxBytes int64) ([]byte, error) {
	var r io.Reader
	var err error
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
		return b, nil
	case "gzip", "x-gzip":
		r, err = gzip.NewReader(bytes.NewReader(b))
	case "deflate":
		// Servers send either zlib-wrapped or raw deflate under this name.
		r, err = zlib.NewReader(bytes.NewReader(b))
		if err != nil {
			r, err = flate.NewReader(bytes.NewReader(b)), nil
		}
	default:
		return nil, fmt.Errorf("%w (its body is compressed with %q, which crosscheck cannot read)", ErrCorrupt, encoding)
	}
	if err != nil {
		return nil, fmt.Errorf("%w (its %s body cannot be read: %v)", ErrCorrupt, encoding, err)
	}
	out, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil && len(out) == 0 {
		return nil, fmt.Errorf("%w (its %s body cannot be read: %v)", ErrCorrupt, encoding, err)
	}
	if int64(len(out)) > maxBytes {
		return nil, fmt.Errorf("%w (its body inflates past %d bytes)", ErrTooLarge, maxBytes)
	}
	return out, nil
}

// Records yields the records of the archive r, which may be gzipped as a
// whole or member by member. It keeps the block of the records keep
// accepts (nil: all), up to maxBytes each, and skips the rest without
// holding them in memory. A record over maxBytes yields a *RecordError and
// reading goes on; a damaged or truncated archive yields one final error.
func Records(r io.Reader, maxBytes int64, keep func(textproto.MIMEHeader) bool) iter.Seq2[*Record, error] {
	return func(yield func(*Record, error) bool) {
		br := bufio.NewReader(r)
		if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
			// gzip.Reader reads concatenated members as one stream, which
			// is exactly a per-record-gzipped WARC.
			gz, err := gzip.NewReader(br)
			if err != nil {
				yield(nil, fmt.Errorf("%w (its gzip header cannot be read: %v)", ErrCorrupt, err))
				return
			}
			defer gz.Close()
			br = bufio.NewReader(gz)
		}
		rd := &reader{br: br, maxBytes: maxBytes, keep: keep}
		for {
			rec, err := rd.next()
			if err == io.EOF {
				if rd.n == 0 {
					yield(nil, fmt.Errorf("%w (it holds no records)", ErrNotWARC))
				}
				return
			}
			if err != nil {
				var re *RecordError
				if errors.As(err, &re) {
					if !yield(nil, err) {
						return
					}
					continue
				}
				yield(nil, err)
				return
			}
			if !yield(rec, nil) {
				return
			}
		}
	}
}

// reader reads one record after another from a plain WARC stream.
type reader struct {
	br       *bufio.Reader
	off      int64 // bytes consumed so far
	n        int   // records read
	maxBytes int64
	keep     func(textproto.MIMEHeader) bool
}

// readLine reads one line without its line end, refusing lines longer than
// maxHeaderLine.
func (rd *reader) readLine() (string, error) {
	var buf []byte
	for {
		chunk, err := rd.br.ReadSlice('\n')
		rd.off += int64(len(chunk))
		buf = append(buf, chunk...)
		if len(buf) > maxHeaderLine {
			return "", fmt.Errorf("%w (a header line at byte %d is too long)", ErrCorrupt, rd.off)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF && len(buf) > 0 {
				err = io.ErrUnexpectedEOF
			}
			return string(buf), err
		}
		return strings.TrimRight(string(buf), "\r\n"), nil
	}
}

// fail reports a read error inside a record: the end of the file (or of a
// gzip stream) is truncation, anything else is damage.
func (rd *reader) fail(cause error) error {
	if errors.Is(cause, ErrCorrupt) {
		return cause
	}
	if cause == io.EOF || errors.Is(cause, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w (the file ends inside record %d, after %d complete records)", ErrTruncated, rd.n+1, rd.n)
	}
	return fmt.Errorf("%w (record %d cannot be read: %v)", ErrCorrupt, rd.n+1, cause)
}

func (rd *reader) next() (*Record, error) {
	// Records are separated by CRLF CRLF; tolerate any number of blank lines.
	var version string
	for {
		line, err := rd.readLine()
		if err == io.EOF || (err == io.ErrUnexpectedEOF && strings.TrimSpace(line) == "") {
			return nil, io.EOF
		}
		if err != nil {
			return nil, rd.fail(err)
		}
		if strings.TrimSpace(line) != "" {
			version = line
			break
		}
	}
	start := rd.off - int64(len(version)) - 1
	if !strings.HasPrefix(version, "WARC/") {
		if rd.n == 0 {
			return nil, fmt.Errorf("%w (it does not start with a WARC/1.x record)", ErrNotWARC)
		}
		return nil, fmt.Errorf("%w (no record starts at byte %d, after %d records)", ErrCorrupt, start, rd.n)
	}

	h := textproto.MIMEHeader{}
	var last string
	for fields := 0; ; fields++ {
		line, err := rd.readLine()
		if err != nil {
			return nil, rd.fail(err)
		}
		if line == "" {
			break
		}
		if fields >= maxHeaderFields {
			return nil, fmt.Errorf("%w (record %d has too many header fields)", ErrCorrupt, rd.n+1)
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			// A folded continuation line.
			vals := h[last]
			vals[len(vals)-1] += " " + strings.TrimSpace(line)
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%w (record %d has a header line with no colon)", ErrCorrupt, rd.n+1)
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(name))
		h.Add(last, strings.TrimSpace(value))
	}

	length, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
	if err != nil || length < 0 {
		return nil, fmt.Errorf("%w (record %d has no valid Content-Length)", ErrCorrupt, rd.n+1)
	}
	rec := &Record{
		Type:      h.Get("WARC-Type"),
		TargetURI: strings.Trim(h.Get("WARC-Target-URI"), "<>"),
		Header:    h,
		Offset:    start,
	}
	if t, err := time.Parse(time.RFC3339Nano, h.Get("WARC-Date")); err == nil {
		rec.Date = t
	}

	want := rd.keep == nil || rd.keep(h)
	var skipErr error
	if want && length > rd.maxBytes {
		want = false
		skipErr = &RecordError{URI: rec.TargetURI, Err: fmt.Errorf("%w (%d bytes; the limit is %d)", ErrTooLarge, length, rd.maxBytes)}
	}
	if want {
		rec.Block = make([]byte, length)
		n, err := io.ReadFull(rd.br, rec.Block)
		rd.off += int64(n)
		if err != nil {
			return nil, rd.fail(err)
		}
	} else {
		n, err := io.CopyN(io.Discard, rd.br, length)
		rd.off += n
		if err != nil {
			return nil, rd.fail(err)
		}
	}
	rd.n++
	if skipErr != nil {
		return nil, skipErr
	}
	return rec, nil
}
