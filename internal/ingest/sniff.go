package ingest

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// kind is what an input's bytes are, whatever its name says.
type kind uint8

const (
	kindText kind = iota
	kindHTML
	kindFeed
	kindWARC
	kindGzip
	kindEmpty
	kindBinary
	kindOther // a known format crosscheck does not read: PDF, image, other XML...
)

// sniffLen is how much of an input sniffing looks at: what
// http.DetectContentType reads, and room for an XML prolog before the
// root element.
const sniffLen = 4096

// sniff tells what head, the first bytes of an input, is. It trusts bytes
// over file names: a feed saved as .txt is a feed, a PDF named .html is a
// PDF. For kindOther and kindBinary it also returns the media type found.
func sniff(head []byte) (kind, string) {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return kindEmpty, ""
	}
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")):
		return kindWARC, "application/warc"
	case len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b:
		return kindGzip, "application/gzip"
	}
	if hasUTF16BOM(head) {
		// DetectContentType reads a UTF-16 BOM as text; what the text is
		// is decided after decoding.
		return kindText, "text/plain; charset=utf-16"
	}
	ct := http.DetectContentType(head)
	mt, _, _ := mime.ParseMediaType(ct)
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '<' {
		switch root := rootElement(trimmed); {
		case root == "rss" || root == "feed" || root == "rdf:rdf" || strings.HasSuffix(root, ":rdf"):
			return kindFeed, ""
		case root == "html" || mt == "text/html" || htmlTags[root]:
			return kindHTML, ""
		case mt == "text/xml" || bytes.HasPrefix(trimmed, []byte("<?xml")):
			return kindOther, "XML (<" + root + ">), not an RSS or Atom feed"
		}
	}
	switch {
	case mt == "text/html":
		return kindHTML, ""
	case strings.HasPrefix(mt, "text/"):
		return kindText, ""
	case mt == "application/octet-stream":
		if looksBinary(head) {
			return kindBinary, mt
		}
		// Text with a stray control byte, or in a legacy encoding that
		// DetectContentType does not know: decoding will tell.
		return kindText, ""
	}
	return kindOther, mt
}

// htmlTags are elements an HTML fragment may open with.
var htmlTags = map[string]bool{
	"head": true, "body": true, "article": true, "main": true, "div": true, "p": true,
	"section": true, "header": true, "h1": true, "h2": true, "title": true, "meta": true,
	"!doctype": true, "table": true, "span": true, "a": true, "b": true, "i": true, "em": true,
	"strong": true, "ul": true, "ol": true, "blockquote": true, "figure": true, "img": true,
	"nav": true, "script": true, "style": true, "link": true, "br": true, "pre": true,
}

// rootElement returns the lowercased name of the first element in an
// XML or HTML document, skipping the XML declaration, processing
// instructions, comments and the DOCTYPE (returned as "!doctype" only when
// it says html).
func rootElement(b []byte) string {
	for len(b) > 0 {
		b = bytes.TrimLeft(b, " \t\r\n")
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return ""
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b, []byte("-->"))
			if i < 0 {
				return ""
			}
			b = b[i+3:]
		case len(b) >= 9 && strings.EqualFold(string(b[:9]), "<!doctype"):
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				return ""
			}
			if bytes.Contains(bytes.ToLower(b[:i]), []byte("html")) {
				return "!doctype"
			}
			b = b[i+1:]
		case len(b) > 1 && b[0] == '<':
			end := 1
			for end < len(b) && end < 64 && !strings.ContainsRune(" \t\r\n/>", rune(b[end])) {
				end++
			}
			return strings.ToLower(string(b[1:end]))
		default:
			return ""
		}
	}
	return ""
}

// looksBinary says whether b is binary data rather than text: a NUL byte,
// or more than one byte in a hundred a control character no text file
// holds.
func looksBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return ctl*100 > len(b)
}

func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xfe, 0xff}) || bytes.HasPrefix(b, []byte{0xff, 0xfe})
}

// decodeText returns src as UTF-8, and a note for the log when it had to
// guess. An explicit charset (a Content-Type parameter, a BOM) wins. Then:
// valid UTF-8 is taken as it is; text whose only non-ASCII bytes are
// isolated high bytes, with no valid multi-byte sequence at all, is a
// legacy single-byte encoding and read as Windows-1252 (the superset of
// Latin-1 that such files almost always are); anything else is UTF-8 with
// some damage, and the damaged bytes become U+FFFD so the rest can be read.
func decodeText(src []byte, contentType string) ([]byte, string) {
	if hasUTF16BOM(src) {
		out, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(src)
		if err == nil {
			return out, ""
		}
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if cs := params["charset"]; cs != "" && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
			if enc, _ := charset.Lookup(cs); enc != nil {
				if out, err := enc.NewDecoder().Bytes(src); err == nil {
					return out, ""
				}
			}
		}
	}
	if utf8.Valid(src) {
		return src, ""
	}
	multi, bad := 0, 0
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case size > 1:
			multi++
		}
		i += size
	}
	if multi == 0 {
		out, err := charmap.Windows1252.NewDecoder().Bytes(src)
		if err == nil {
			return out, "not UTF-8: read as Windows-1252 (Latin-1)"
		}
	}
	return bytes.ToValidUTF8(src, []byte("\uFFFD")), fmt.Sprintf("invalid UTF-8: %d damaged bytes replaced with U+FFFD", bad)
}
