// Package token turns text into tokens with byte offsets, a shape and a
// lower-case key. It is the one pass over the raw string: every later stage
// of the extractor reads tokens, so no regular expression runs on the hot
// path.
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a token is made of.
type Kind uint8

// Kinds of token.
const (
	Word   Kind = iota // letters, with inner hyphens or apostrophes ("Jong-un", "O'Brien")
	Number             // starts with a digit: "1,500", "1.5", "2024", "3rd", "1990s", "5bn"
	Punct              // . , ; : ! ? ( ) [ ] - – — / …
	Quote              // a quotation mark: " “ ” ‘ ’ ' « » „
	Symbol             // $ € £ ¥ % & # @ + and anything else
)

// Shape is the case pattern of a word.
type Shape uint8

// Shapes of a token.
const (
	Other Shape = iota // punctuation, symbols
	Lower              // "troops"
	Title              // "Russia", "Jong-un"
	Upper              // "NIS", "US" (two or more letters, all capitals)
	Mixed              // "iPhone", "McDonald", "DPRK's"
	Digit              // numbers
)

// QuoteDir is which way a quotation mark faces.
type QuoteDir uint8

// Directions of a quotation mark.
const (
	NotQuote QuoteDir = iota
	Open              // “ ‘ « „ or a straight quote that opens
	Close             // ” ’ » or a straight quote that closes
	Either            // a straight quote whose direction the context does not tell
)

// Token is one token of a text.
type Token struct {
	Start, End int    // byte offsets: text[Start:End]
	Key        string // lower-case, with ’ folded to ' (for quotes: the mark itself)
	Kind       Kind
	Shape      Shape
	Dir        QuoteDir // for Kind == Quote
	Double     bool     // for Kind == Quote: a double mark (" “ ” « » „)
	Space      bool     // whitespace comes before it
	Line       bool     // a line break comes before it
	Para       bool     // a blank line (a new paragraph) comes before it
}

// Text returns the token as written in s, the text it was made from.
func (t Token) Text(s string) string { return s[t.Start:t.End] }

// IsWord reports whether t is a word with the given key.
func (t Token) IsWord(key string) bool { return t.Kind == Word && t.Key == key }

// Capitalised reports whether t starts with a capital letter.
func (t Token) Capitalised() bool {
	return t.Shape == Title || t.Shape == Upper || t.Shape == Mixed
}

// Tokenize splits s into tokens. Possessive and contracted endings become
// tokens of their own ("Russia's" is "Russia" + "'s", "don't" is "do" +
// "n't"), as in the Penn Treebank, so that names stay whole.
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5+1)
	space, line, para := false, false, true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '\n' {
			if line {
				para = true
			}
			line, space = true, true
			i += n
			continue
		}
		if isSpace(r) {
			space = true
			i += n
			continue
		}
		start := i
		var t Token
		switch {
		case isQuote(r):
			t = Token{Kind: Quote, Shape: Other, Double: isDouble(r)}
			i += n
			// Two apostrophes or backquotes make a double mark in typewriter
			// style (''So,'' he said; ``So'').
			if (r == '\'' || r == '`') && i < len(s) && s[i] == byte(r) {
				i++
				t.Double = true
			}
		case unicode.IsDigit(r):
			i = scanNumber(s, i)
			t = Token{Kind: Number, Shape: Digit}
		case unicode.IsLetter(r) || r == '_':
			i = scanWord(s, i)
			t = Token{Kind: Word}
		case isPunct(r):
			i += n
			if r == '.' { // an ellipsis written as dots is one token
				for i < len(s) && s[i] == '.' {
					i++
				}
			}
			t = Token{Kind: Punct, Shape: Other}
		default:
			i += n
			t = Token{Kind: Symbol, Shape: Other}
		}
		t.Start, t.End = start, i
		t.Space, t.Line, t.Para = space || start == 0, line || start == 0, para
		space, line, para = false, false, false
		if t.Kind == Word {
			// Split a possessive or contraction off the end of the word.
			if cut := suffixCut(s[t.Start:t.End]); cut > 0 {
				w := t
				w.End = t.Start + cut
				w.Key, w.Shape = key(s[w.Start:w.End]), shape(s[w.Start:w.End])
				toks = append(toks, w)
				t.Start = w.End
				t.Space, t.Line, t.Para = false, false, false
			}
		}
		raw := s[t.Start:t.End]
		switch t.Kind {
		case Quote:
			t.Key = raw
		case Word:
			t.Key, t.Shape = key(raw), shape(raw)
		default:
			t.Key = foldApostrophe(raw)
		}
		toks = append(toks, t)
	}
	setQuoteDirs(s, toks)
	return toks
}

// scanWord returns the end of the word that starts at i: letters and digits,
// joined by single inner hyphens, apostrophes or periods of initialisms
// ("U.S.", "a.m.").
func scanWord(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_' {
			i += n
			continue
		}
		if r == '-' || r == '\'' || r == '’' || r == '‐' || r == '.' {
			j := i + n
			var r2 rune
			if j < len(s) {
				r2, _ = utf8.DecodeRuneInString(s[j:])
			}
			if unicode.IsLetter(r2) {
				if r == '.' && !initialism(s, i) {
					return i
				}
				i = j
				continue
			}
			// "U.S." keeps its last period, when it is an initialism of
			// two letters or more.
			if r == '.' && initialism(s, i) && strings.Contains(s[:i][max(0, i-3):], ".") {
				return j
			}
		}
		return i
	}
	return i
}

// initialism reports whether the period at i follows a single letter that
// itself follows a period or a word start, as in "U.S" or "a.m".
func initialism(s string, i int) bool {
	if i < 1 {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if !unicode.IsLetter(r) {
		return false
	}
	j := i - n
	if j == 0 {
		return true
	}
	p, _ := utf8.DecodeLastRuneInString(s[:j])
	return p == '.' || !unicode.IsLetter(p) && !unicode.IsDigit(p)
}

// suffixCut returns where a possessive or contracted ending starts in w, or
// 0 when it has none.
func suffixCut(w string) int {
	n := len(w)
	lw := strings.ToLower(foldApostrophe(w))
	for _, suf := range [...]string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf) {
			if lw == "can't" || lw == "won't" {
				return 0 // "ca" and "wo" help nobody downstream
			}
			// Count the suffix's runes back from the end of w: folding ’
			// (3 bytes) to ' (1 byte) changed the lengths.
			tail := 0
			for range len(suf) {
				_, sz := utf8.DecodeLastRuneInString(w[:n-tail])
				tail += sz
			}
			return n - tail
		}
	}
	return 0
}

// scanNumber returns the end of the number that starts at i: digits with
// inner thousands or decimal separators, then an optional letter suffix
// ("3rd", "1990s", "5bn", "10km").
func scanNumber(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case (c == ',' || c == '.') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsDigit(r) {
				i += n
				continue
			}
			for unicode.IsLetter(r) {
				i += n
				if i >= len(s) {
					break
				}
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			return i
		}
	}
	return i
}

func key(w string) string {
	lower := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			lower = false
			break
		}
	}
	if lower {
		return w
	}
	return strings.ToLower(foldApostrophe(w))
}

func foldApostrophe(w string) string {
	if strings.ContainsRune(w, '’') {
		return strings.ReplaceAll(w, "’", "'")
	}
	return w
}

func shape(w string) Shape {
	var upper, lower int
	first := true
	firstUpper := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if first {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		}
		if unicode.IsLetter(r) {
			first = false
		}
	}
	switch {
	case upper == 0 && lower > 0:
		return Lower
	case lower == 0 && upper > 1:
		return Upper
	case firstUpper && upper == 1:
		return Title
	case lower == 0 && upper == 1:
		return Title // "I", "A"
	case firstUpper && titleParts(w):
		return Title // "Jong-Un", "Al-Assad"
	case upper > 0:
		return Mixed
	}
	return Other
}

// titleParts reports whether every hyphen-separated part of w is capitalised
// and otherwise lower case.
func titleParts(w string) bool {
	for part := range strings.SplitSeq(w, "-") {
		for k, r := range part {
			if k == 0 && !unicode.IsUpper(r) || k > 0 && unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‟', '‛', '`':
		return true
	}
	return false
}

func isDouble(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»', '„', '‟':
		return true
	}
	return false
}

func isPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '-', '–', '—', '‐', '―', '/', '…', '•', '·':
		return true
	}
	return false
}

// setQuoteDirs gives each quotation mark a direction. Curly marks carry
// their own; a straight mark opens when it follows a space, a line start or
// an opening bracket and is followed by a non-space, and closes in the
// mirror case. ’ before a space after a word ending in s is left Either: it
// may be a plural possessive ("soldiers’ kit").
func setQuoteDirs(s string, toks []Token) {
	for i := range toks {
		t := &toks[i]
		if t.Kind != Quote {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[t.Start:])
		nextTight := i+1 < len(toks) && !toks[i+1].Space
		prevOpen := i == 0 || t.Space || toks[i-1].Key == "(" || toks[i-1].Key == "[" || toks[i-1].Kind == Quote && toks[i-1].Dir == Open || toks[i-1].Key == "—" || toks[i-1].Key == "–"
		switch r {
		case '“', '‘', '«', '„', '‟', '‛', '`':
			t.Dir = Open
		case '”', '»':
			t.Dir = Close
		case '’':
			t.Dir = Close
			if prevOpen && nextTight {
				t.Dir = Open // some texts use ’ for both marks
			}
		default:
			switch {
			case prevOpen && nextTight:
				t.Dir = Open
			case !prevOpen && !nextTight:
				t.Dir = Close
			default:
				t.Dir = Either
			}
		}
	}
}
