package ingest

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/ingest/feed"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/fetch"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/html"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/text"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/warc"
)

// Errors a caller can test with errors.Is on what Read and Inputs return.
// Each reads as a short phrase; an *Error puts it in a whole sentence.
var (
	// ErrNotFound reports a path that does not exist, or a pattern that
	// matches nothing.
	ErrNotFound = errors.New("no such file or folder")
	// ErrEmpty reports an input with nothing but white space in it.
	ErrEmpty = errors.New("empty")
	// ErrBinary reports binary data: not text in any encoding.
	ErrBinary = errors.New("binary data, not text")
	// ErrUnsupportedType reports a kind of document crosscheck cannot read
	// (a PDF, an image, XML that is no feed...).
	ErrUnsupportedType = errors.New("not a text or HTML document")
	// ErrTooLarge reports an input, or a WARC record, over Config.MaxBytes.
	ErrTooLarge = errors.New("too large")
	// ErrNoText reports a page from which no article text could be
	// extracted, typically one that builds its text with JavaScript.
	ErrNoText = html.ErrNoText
	// ErrBadFeed reports a feed that cannot be parsed.
	ErrBadFeed = feed.ErrNotFeed
	// ErrTruncated reports a WARC file that ends inside a record.
	ErrTruncated = warc.ErrTruncated
	// ErrBadWARC reports a WARC file that is damaged or is not one.
	ErrBadWARC = errors.New("not a readable WARC file")
	// ErrUnreachable reports a URL whose server could not be reached.
	ErrUnreachable = fetch.ErrUnreachable
	// ErrTimeout reports a URL that did not answer within Config.Timeout.
	ErrTimeout = fetch.ErrTimeout
	// ErrHTTP reports a URL that answered with an HTTP error status; the
	// status itself is in a *fetch.StatusError in the chain.
	ErrHTTP = errors.New("HTTP error")
)

// aliases maps each public sentinel to the errors of the format packages
// that mean the same, so that errors.Is(err, ingest.ErrTooLarge) holds for
// a file, a download and a WARC record alike.
var aliases = map[error][]error{
	ErrEmpty:           {text.ErrEmpty},
	ErrTooLarge:        {fetch.ErrTooLarge, warc.ErrTooLarge},
	ErrUnsupportedType: {fetch.ErrUnsupportedType},
	ErrBadWARC:         {warc.ErrNotWARC, warc.ErrCorrupt},
	ErrNotFound:        {fs.ErrNotExist},
}

// Error is the failure of one input, or of one item inside it (a feed item,
// a WARC record). Its message is one line for a person: the input, what is
// wrong, and what to do about it.
type Error struct {
	// Input is the path or URL as given, "-" for stdin, or "INPUT#ITEM"
	// for one item of a feed or a WARC file.
	Input string
	// Err is the cause.
	Err error
}

// Error returns "INPUT: what is wrong; what to do".
func (e *Error) Error() string {
	problem, hint := describe(e.Err)
	if hint == "" {
		return e.Input + ": " + problem
	}
	return e.Input + ": " + problem + "; " + hint
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is makes the public sentinels match the format packages' own.
func (e *Error) Is(target error) bool {
	if target == ErrHTTP {
		var se *fetch.StatusError
		return errors.As(e.Err, &se)
	}
	for _, alias := range aliases[target] {
		if errors.Is(e.Err, alias) {
			return true
		}
	}
	return false
}

// hints say what to do about each kind of failure, in the order they are
// tried: the first sentinel found in the chain wins.
var hints = []struct {
	err  error
	hint string
}{
	{ErrNotFound, "check the path"},
	{fs.ErrPermission, "check the file's permissions"},
	{ErrEmpty, "check that it was saved or downloaded completely"},
	{text.ErrEmpty, "check that it was saved or downloaded completely"},
	{ErrBinary, "give crosscheck text, HTML, a feed or a WARC file"},
	{ErrUnsupportedType, "convert it to text or HTML first"},
	{fetch.ErrUnsupportedType, "crosscheck reads web pages, plain text and feeds; save the article's text instead"},
	{ErrTooLarge, "split it, or raise the size limit"},
	{fetch.ErrTooLarge, "save the article's text and read the file, or raise the size limit"},
	{warc.ErrTooLarge, "the record is skipped; raise the size limit to read it"},
	{html.ErrNoText, "if the page needs JavaScript, save it from a browser or paste its text into a .txt file"},
	{feed.ErrNotFeed, "check that the address or file is an RSS or Atom feed"},
	{feed.ErrNoText, "read the item's page directly, or allow fetching linked pages"},
	{warc.ErrTruncated, "the records before the cut were read; copy or download the archive again to read the rest"},
	{warc.ErrNotWARC, "check that it is a WARC file"},
	{warc.ErrCorrupt, "the archive is damaged; copy or download it again"},
	{fetch.ErrUnreachable, "check the address and the network connection"},
	{fetch.ErrTimeout, "try again later, or raise the timeout"},
	{fetch.ErrTooManyRedirects, "open the address in a browser and use the address it ends at"},
	{fetch.ErrBadURL, "give a full http:// or https:// address"},
}

// describe splits err into what is wrong and what to do. The problem is
// the message of the outermost error in the chain that wraps a known
// sentinel (the sentinel with its detail, without the internal
// "package: step:" prefixes above it); the hint is the sentinel's.
func describe(err error) (problem, hint string) {
	if err == nil {
		return "unknown error", ""
	}
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Error(), statusHint(se.Code)
	}
	for _, h := range hints {
		if !errors.Is(err, h.err) {
			continue
		}
		if p := phrase(err, h.err); p != "" {
			return p, h.hint
		}
		return h.err.Error(), h.hint
	}
	return strings.TrimPrefix(err.Error(), "ingest: "), ""
}

// phrase finds the outermost error in err's chain whose direct cause is
// target, or target itself, and returns its message.
func phrase(err, target error) string {
	for e := err; e != nil; {
		if e == target {
			return e.Error()
		}
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			next := u.Unwrap()
			if next == target {
				return e.Error()
			}
			e = next
		case interface{ Unwrap() []error }:
			for _, next := range u.Unwrap() {
				if next == target {
					return e.Error()
				}
				if errors.Is(next, target) {
					return phrase(next, target)
				}
			}
			return ""
		default:
			// *fs.PathError and the like: say the sentinel, not the syscall.
			return ""
		}
	}
	return ""
}

func statusHint(code int) string {
	switch {
	case code == 401 || code == 403:
		return "the site refuses automated access; save the page from a browser and read the file"
	case code == 404 || code == 410:
		return "check the address"
	case code == 429:
		return "the site asks to slow down; try again later"
	case code >= 500:
		return "the server failed; try again later"
	}
	return "check the address"
}

// fail wraps err for input, unless it already names an input.
func fail(input string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Input: input, Err: err}
}
