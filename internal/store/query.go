package store

import (
	"fmt"
	"strings"
	"unicode"
)

// Query is a parsed full-text query: a match holds every group of All (a
// group matches when any of its terms does) and no term of Not. Backends
// render it in their own syntax (FTS5, tsquery), so users type the same
// query whatever the database, and nothing they type reaches the database's
// query parser unescaped.
type Query struct {
	All [][]Term
	Not []Term
}

// Term is one word, or a phrase of several words in a row.
type Term struct {
	// Words are lower-cased runs of letters and digits; the text between
	// them is dropped, as the full-text tokenizers do.
	Words []string
	// Prefix makes the last word match any word it begins.
	Prefix bool
}

// ParseQuery reads a search as a person types it:
//
//	north korean troops     all three words, anywhere
//	"north korean troops"   the phrase
//	budanov OR zelensky     either word
//	troop*                  words beginning with "troop"
//	nis -seoul              "nis" but not "seoul"
//
// It fails with ErrInvalid when nothing is left to look for.
func ParseQuery(s string) (Query, error) {
	var q Query
	orNext := false
	for _, tok := range splitQuery(s) {
		if !tok.quoted && tok.text == "OR" {
			orNext = len(q.All) > 0
			continue
		}
		neg := false
		text := tok.text
		if !tok.quoted && strings.HasPrefix(text, "-") {
			neg, text = true, text[1:]
		}
		t := Term{Words: queryWords(text), Prefix: tok.prefix || (!tok.quoted && strings.HasSuffix(text, "*"))}
		if len(t.Words) == 0 {
			continue
		}
		switch {
		case neg:
			q.Not = append(q.Not, t)
			orNext = false
		case orNext:
			last := len(q.All) - 1
			q.All[last] = append(q.All[last], t)
			orNext = false
		default:
			q.All = append(q.All, []Term{t})
		}
	}
	if len(q.All) == 0 {
		return Query{}, fmt.Errorf("search %q: %w: it has no word to look for", s, ErrInvalid)
	}
	return q, nil
}

type queryToken struct {
	text   string
	quoted bool
	prefix bool // a quoted phrase followed by *
}

// splitQuery splits at spaces, keeping double-quoted phrases (straight or
// curly quotes) whole; an unclosed quote runs to the end.
func splitQuery(s string) []queryToken {
	var toks []queryToken
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '"' || r == '“' || r == '”':
			j := i + 1
			for j < len(rs) && rs[j] != '"' && rs[j] != '”' && rs[j] != '“' {
				j++
			}
			tok := queryToken{text: string(rs[i+1 : min(j, len(rs))]), quoted: true}
			i = j + 1
			if i < len(rs) && rs[i] == '*' {
				tok.prefix = true
				i++
			}
			toks = append(toks, tok)
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' && rs[j] != '“' {
				j++
			}
			toks = append(toks, queryToken{text: string(rs[i:j])})
			i = j
		}
	}
	return toks
}

func queryWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}
