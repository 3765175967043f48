package html

import (
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphs renders the extracted content tree as paragraphs of plain text.
// trafilatura's own ContentText joins every paragraph with a space, which
// would lose what the extractor downstream relies on most: where a paragraph,
// and so a quotation or a list item, ends.
func paragraphs(n *xhtml.Node) []string {
	r := renderer{}
	r.walk(n)
	r.flush()
	return r.out
}

type renderer struct {
	out []string
	cur strings.Builder
	// cells counts the cells already written in the current table row.
	cells int
}

func (r *renderer) flush() {
	p := strings.TrimSpace(strings.ReplaceAll(r.cur.String(), "\u00ad", ""))
	// Lines inside a paragraph come from <br>; keep them, trimmed.
	if strings.Contains(p, "\n") {
		lines := strings.Split(p, "\n")
		kept := lines[:0]
		for _, l := range lines {
			if l = squash(l); l != "" {
				kept = append(kept, l)
			}
		}
		p = strings.Join(kept, "\n")
	} else {
		p = squash(p)
	}
	if p != "" {
		r.out = append(r.out, p)
	}
	r.cur.Reset()
	r.cells = 0
}

func (r *renderer) walk(n *xhtml.Node) {
	switch n.Type {
	case xhtml.TextNode:
		r.cur.WriteString(n.Data)
		return
	case xhtml.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.walk(c)
		}
		return
	}
	if n.Data == "lb" { // trafilatura's line break
		r.cur.WriteByte('\n')
		return
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Template, atom.Head:
		return
	case atom.Br:
		r.cur.WriteByte('\n')
		return
	case atom.Td, atom.Th:
		if r.cells > 0 {
			r.cur.WriteString(" | ")
		}
		r.cells++
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.walk(c)
		}
		return
	}
	block := isBlock(n)
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if block {
		r.flush()
	}
}

// isBlock says whether an element starts a new paragraph. trafilatura's
// output uses HTML block tags plus a few of its own (head, list, item,
// quote, row) depending on the path a page took through it.
func isBlock(n *xhtml.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote,
		atom.Pre, atom.Table, atom.Tr, atom.Section, atom.Article, atom.Header,
		atom.Footer, atom.Figure, atom.Figcaption, atom.Hr, atom.Body, atom.Main,
		atom.Aside, atom.Details, atom.Summary, atom.Caption, atom.Address:
		return true
	}
	switch n.Data {
	case "head", "list", "item", "quote", "row":
		return true
	}
	return false
}

// Fragment renders an HTML fragment, such as a feed item's content or
// summary, as plain text with one blank line between paragraphs. Unlike
// Read it extracts nothing: a fragment is all content.
func Fragment(src string) string {
	root, err := xhtml.Parse(strings.NewReader(src))
	if err != nil {
		return ""
	}
	return strings.Join(paragraphs(root), "\n\n")
}
