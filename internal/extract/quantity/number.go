package quantity

import (
	"math"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// NumberKind tells what a number is read as.
type NumberKind uint8

// Kinds of number.
const (
	Cardinal NumberKind = iota // "1,500", "two thousand", "1.5 million", "a dozen"
	Ordinal                    // "first", "3rd", "twenty-first"
	Fraction                   // "two thirds", "3/4", "one and a half"
	Decade                     // "1990s", "the 80s"
	Modifier                   // a number inside a compound adjective: "three-day", "45-year-old"
)

// Number is a number as written, read from the tokens From to To
// (exclusive) of a text. It knows nothing of what the number means in its
// sentence: Find decides that.
type Number struct {
	From, To int
	Value    float64
	Kind     NumberKind
	// Spelled is set when the number is written in words only ("two
	// thousand", "a million"); Article when it starts with "a" or "an".
	Spelled, Article bool
	// Scale is the multiplier written as a word or suffix ("million",
	// "bn", "k"), 0 when there is none.
	Scale float64
	// Digits is the count of digits before the decimal point of a number
	// written in digits (0 for spelled numbers); Grouped is set when they
	// carry thousands separators ("1,500", "12 000"); Decimal when there is
	// a decimal point.
	Digits           int
	Grouped, Decimal bool
	// Slash marks a fraction written with a slash ("3/4"), which in news is
	// as often a date or a score.
	Slash bool
	// Suffix is the letter suffix of the last digit token that was not read
	// as a scale or an ordinal ("km" of "10km"), as written.
	Suffix string
}

// atom kinds of the word-number grammar.
const (
	aNone = iota
	aUnit
	aTeen
	aTen
	aHundred
	aScale
	aDigits
)

// ReadNumber reads the number that starts at token i of toks, made from
// text. It reads digits ("1,500", "12 000", "1.5", "5bn", "3rd"), number
// words ("three hundred and fifty", "twenty-one", "a dozen", "half a
// million", "two thirds"), mixed forms ("1.5 million", "3 dozen") and a
// leading sign ("-5", "minus five"). ok is false when no number starts at i.
func ReadNumber(text string, toks []token.Token, i int) (n Number, ok bool) {
	if i < 0 || i >= len(toks) {
		return n, false
	}
	sign := 1.0
	start := i
	t := toks[i]
	switch {
	case t.Key == "-" || t.Key == "−" || t.Key == "minus" || t.Key == "negative":
		if i+1 >= len(toks) {
			return n, false
		}
		next := toks[i+1]
		if t.Kind == token.Punct || t.Key == "−" {
			// A sign is glued to its number and does not follow a word
			// ("F-16" is a name).
			if i > 0 && !t.Space && toks[i-1].Kind != token.Punct {
				return n, false
			}
			if next.Space && next.Kind != token.Number {
				return n, false
			}
		}
		sign = -1
		i++
	}
	n, ok = readUnsigned(text, toks, i)
	if !ok {
		return n, false
	}
	// "one" as a pronoun: "the one you mentioned", "which one", "no one".
	if n.Spelled && n.To == i+1 && toks[i].Key == "one" && i > 0 && pronounDeterminers[toks[i-1].Key] {
		return Number{}, false
	}
	if sign < 0 {
		if n.Kind != Cardinal && n.Kind != Fraction {
			return Number{}, false
		}
		n.Value = -n.Value
		n.From = start
	}
	return n, true
}

func readUnsigned(text string, toks []token.Token, i int) (n Number, ok bool) {
	t := toks[i]
	switch t.Kind {
	case token.Number:
		return readDigits(text, toks, i)
	case token.Symbol:
		if v, ok := vulgar[t.Key]; ok {
			return Number{From: i, To: i + 1, Value: v, Kind: Fraction}, true
		}
	case token.Punct:
		// ".08": a decimal without its leading zero.
		if t.Key == "." && i+1 < len(toks) && toks[i+1].Kind == token.Number && !toks[i+1].Space &&
			(i == 0 || t.Space) {
			d, ok := parseDigits(toks[i+1].Key)
			if ok && !d.grouped && !d.decimal && d.suffix == "" {
				v := d.value
				for range d.digits {
					v /= 10
				}
				return Number{From: i, To: i + 2, Value: v, Kind: Cardinal, Decimal: true}, true
			}
		}
	case token.Word:
		return readWords(text, toks, i)
	}
	return n, false
}

// pronounDeterminers before "one" make it a pronoun, not a number.
var pronounDeterminers = map[string]bool{
	"the": true, "this": true, "that": true, "which": true, "no": true, "each": true, "every": true,
	"any": true, "another": true, "last": true, "only": true, "other": true, "little": true, "right": true,
	"wrong": true, "same": true, "new": true, "old": true, "big": true, "first": true, "next": true,
	"previous": true, "current": true, "such": true,
}

// vulgar are the Unicode vulgar fractions.
var vulgar = map[string]float64{"½": 0.5, "⅓": 1.0 / 3, "⅔": 2.0 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8, "⅙": 1.0 / 6, "⅚": 5.0 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}

// digitsInfo is what parseDigits reads from one Number token.
type digitsInfo struct {
	value            float64
	digits           int // before the decimal point
	grouped, decimal bool
	suffix           string // trailing letters as written
}

// parseDigits reads a Number token's key: digits with thousands separators
// (groups of three, or the Indian lakh grouping "12,34,567") and at most one
// decimal point, then a letter suffix. It does not allocate.
func parseDigits(s string) (d digitsInfo, ok bool) {
	var intPart, frac float64
	fracDigits := 0
	groups, groupLen, firstGroup := 0, 0, 0
	inFrac := false
	indian := false
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if inFrac {
				frac = frac*10 + float64(c-'0')
				fracDigits++
			} else {
				intPart = intPart*10 + float64(c-'0')
				d.digits++
				groupLen++
			}
		case c == ',':
			if inFrac {
				return d, false // "1.111,11"
			}
			if groups == 0 {
				firstGroup = groupLen
				if firstGroup > 3 {
					return d, false
				}
			} else if groupLen == 2 {
				indian = true
			} else if groupLen != 3 {
				return d, false
			}
			groups++
			groupLen = 0
		case c == '.':
			if inFrac {
				return d, false // "192.168.1.2", "18.10.2024"
			}
			inFrac = true
			d.decimal = true
		default:
			goto suffix
		}
	}
suffix:
	if groups > 0 {
		if groupLen != 3 {
			return d, false
		}
		if indian && firstGroup > 2 {
			return d, false
		}
		d.grouped = true
	}
	if d.digits == 0 && !d.decimal {
		return d, false
	}
	d.value = intPart
	if fracDigits > 0 {
		// All the digits as one integer, divided once: 164/100 is the
		// nearest float to 1.64, 1 + 64/100 is not.
		if whole := intPart*pow10(fracDigits) + frac; whole < 1<<53 {
			d.value = whole / pow10(fracDigits)
		} else {
			d.value = intPart + frac/pow10(fracDigits)
		}
	}
	d.suffix = s[i:]
	return d, true
}

var pow10tab = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

func pow10(n int) float64 {
	if n < len(pow10tab) {
		return pow10tab[n]
	}
	v := 1.0
	for range n {
		v *= 10
	}
	return v
}

// scaleBy returns v*sc, rounded to a whole number when the product of a
// decimal and a scale ("8.2 million") lands a hair off one.
func scaleBy(v, sc float64) float64 {
	r := v * sc
	if sc >= 1 {
		if w := math.Round(r); math.Abs(r-w) <= 1e-9*math.Abs(r) {
			return w
		}
	}
	return r
}

// lowerASCII reports s in lower case, allocating only when s has capitals.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// ordinalSuffix reports whether suf is the right ordinal ending for v
// ("1st", "2nd", "3rd", "11th").
func ordinalSuffix(v float64, suf string) bool {
	switch suf {
	case "st", "nd", "rd", "th":
	default:
		return false
	}
	n := int64(v)
	if float64(n) != v {
		return false
	}
	want := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	return suf == want || suf == "th" && (n%10 == 2 || n%10 == 3) // "2th" is a typo, "22th" too
}

// readDigits reads a number that starts with a Number token.
func readDigits(text string, toks []token.Token, i int) (Number, bool) {
	d, ok := parseDigits(toks[i].Key)
	if !ok {
		return Number{}, false
	}
	n := Number{From: i, To: i + 1, Value: d.value, Digits: d.digits, Grouped: d.grouped, Decimal: d.decimal}
	// "12 000", "1 234 567.89": groups of three after a space.
	if !d.grouped && d.suffix == "" && !d.decimal && d.digits <= 3 {
		j := i + 1
		v := d.value
		for j < len(toks) && toks[j].Kind == token.Number && toks[j].Space && !toks[j].Line &&
			toks[j].Start-toks[j-1].End <= 3 && groupOfThree(toks[j].Key) {
			g, _ := parseDigits(toks[j].Key)
			v = v*1000 + g.value
			n.Digits += 3
			n.Grouped = true
			j++
			if g.decimal || g.suffix != "" {
				d = g
				break
			}
			d = g
		}
		if j > i+1 {
			n.To, n.Value, n.Decimal = j, v, d.decimal
		}
	}
	suf := d.suffix
	if suf != "" {
		ls := lowerASCII(suf)
		switch {
		case ordinalSuffix(d.value, ls) && !n.Decimal && n.To == i+1:
			n.Kind = Ordinal
			return n, true
		case ls == "s" || ls == "'s":
			n.Kind = Decade
			return n, true
		}
		// "9mm" is a calibre; "MM" in capitals is the million of US finance.
		if sc, ok := suffixScales[ls]; ok && (ls != "mm" || suf == "MM") {
			// "1m isn't a number" in the Recognizers specs: a lone "1m" is a
			// metre more often than a million; "1.5m", "10m", "£1m" are not.
			n.Value = scaleBy(n.Value, sc)
			n.Scale = sc
		} else {
			n.Suffix = suf
			return n, true
		}
	}
	j := n.To
	// "2 1/4", "3/4": a fraction with a slash, glued.
	if n.Scale == 0 && !n.Decimal && !n.Grouped && j+1 < len(toks) && toks[j].Key == "/" && !toks[j].Space &&
		toks[j+1].Kind == token.Number && !toks[j+1].Space {
		den, ok := parseDigits(toks[j+1].Key)
		if ok && den.value != 0 && !den.decimal && !den.grouped && den.suffix == "" {
			n.Value /= den.value
			n.To = j + 2
			n.Kind = Fraction
			n.Slash = true
			return n, true
		}
	}
	if n.Scale == 0 && !n.Decimal && !n.Grouped && j+2 < len(toks) && toks[j].Kind == token.Number &&
		toks[j].Space && toks[j+1].Key == "/" && !toks[j+1].Space && !toks[j+2].Space && toks[j+2].Kind == token.Number {
		num, ok1 := parseDigits(toks[j].Key)
		den, ok2 := parseDigits(toks[j+2].Key)
		if ok1 && ok2 && den.value > num.value && num.suffix == "" && den.suffix == "" && !num.decimal && !den.decimal {
			n.Value += num.value / den.value
			n.To = j + 3
			n.Kind = Fraction
			n.Slash = true
			return n, true
		}
	}
	// Scale words after the digits: "1.5 million", "322 hundred",
	// "3 dozen", "13 lakh".
	if n.Scale == 0 {
		n = scaleAfter(toks, n)
	}
	return n, true
}

// groupOfThree reports whether key is three digits, optionally with
// decimals: a thousands group written after a space.
func groupOfThree(key string) bool {
	if len(key) < 3 {
		return false
	}
	for k := range 3 {
		if key[k] < '0' || key[k] > '9' {
			return false
		}
	}
	if len(key) == 3 {
		return true
	}
	if key[3] != '.' || len(key) < 5 {
		return false
	}
	for k := 4; k < len(key); k++ {
		if key[k] < '0' || key[k] > '9' {
			return false
		}
	}
	return true
}

// scaleAfter multiplies n by the scale words that follow it.
func scaleAfter(toks []token.Token, n Number) Number {
	j := n.To
	last := 0.0
	for j < len(toks) && toks[j].Kind == token.Word && !toks[j].Line {
		k := toks[j].Key
		if sc, ok := scales[k]; ok && (last == 0 || sc < last) {
			n.Value = scaleBy(n.Value, sc)
			n.Scale = nz(n.Scale) * sc
			last = sc
			j++
			continue
		}
		if (k == "dozen" || k == "dozens") && last == 0 {
			n.Value *= 12
			n.Scale = 12
			j++
			break
		}
		break
	}
	n.To = j
	return n
}

// nz is s, or 1 when s is 0.
func nz(s float64) float64 {
	if s == 0 {
		return 1
	}
	return s
}

// atom is one word of a spelled number.
type atom struct {
	tok   int
	last  bool // the last part of its token
	kind  int
	val   float64
	key   string
	other bool // not a number word: "and", "a", "point", "-", "half", ...
}

// maxAtoms bounds the spelled numbers read; longer runs are cut.
const maxAtoms = 24

// wordParts splits a word key on hyphens and returns whether every part is
// a number word (cardinal, scale, ordinal, denominator).
func numberWordParts(key string) (all, first bool) {
	all, first = true, false
	for k := 0; ; k++ {
		p := key
		rest := ""
		if h := strings.IndexByte(key, '-'); h >= 0 {
			p, rest = key[:h], key[h+1:]
		}
		isNum := isNumberWord(p)
		if k == 0 {
			first = isNum
		}
		if !isNum {
			all = false
		}
		if rest == "" && p == key {
			return all, first
		}
		key = rest
		if key == "" {
			return false, first
		}
	}
}

func isNumberWord(p string) bool {
	if _, ok := cardinals[p]; ok {
		return true
	}
	if _, ok := scales[p]; ok && len(p) > 3 {
		return true
	}
	if _, ok := ordinals[p]; ok {
		return true
	}
	if _, ok := denominators[p]; ok {
		return true
	}
	return p == "dozen" || p == "dozens"
}

// readWords reads a spelled number starting at word token i.
func readWords(text string, toks []token.Token, i int) (Number, bool) {
	t := toks[i]
	k := t.Key
	// "a million", "a dozen", "an estimated" (no), "a half", "a third".
	article := false
	start := i
	if k == "a" || k == "an" {
		if i+1 >= len(toks) || toks[i+1].Kind != token.Word {
			return Number{}, false
		}
		nk := toks[i+1].Key
		if _, ok := scales[nk]; !ok || len(nk) <= 3 {
			if _, ok := denominators[nk]; !ok && nk != "dozen" && !isFractionOrdinal(nk) {
				return Number{}, false
			}
		}
		article = true
	}
	// "half a million", "half a dozen", "half million", "quarter million".
	if k == "half" || k == "quarter" {
		frac := 0.5
		if k == "quarter" {
			frac = 0.25
		}
		j := i + 1
		if j < len(toks) && (toks[j].Key == "a" || toks[j].Key == "an") {
			j++
		}
		if j < len(toks) {
			if sc, ok := scales[toks[j].Key]; ok && len(toks[j].Key) > 3 {
				return Number{From: i, To: j + 1, Value: frac * sc, Kind: Cardinal, Spelled: true, Scale: sc}, true
			}
			if toks[j].Key == "dozen" {
				return Number{From: i, To: j + 1, Value: frac * 12, Kind: Cardinal, Spelled: true, Scale: 12}, true
			}
		}
		return Number{}, false
	}
	if !article {
		all, first := numberWordParts(k)
		if !first {
			return Number{}, false
		}
		if !all {
			// "three-day", "five-year-old": a number inside an adjective.
			return Number{From: i, To: i + 1, Kind: Modifier, Spelled: true}, true
		}
	}
	var atoms [maxAtoms]atom
	na := 0
	j := i
	if article {
		atoms[0] = atom{tok: i, last: true, key: k, other: true}
		na = 1
		j = i + 1
	}
collect:
	for j < len(toks) && na < maxAtoms-4 {
		tk := toks[j]
		if j > i && tk.Line {
			break
		}
		switch tk.Kind {
		case token.Word:
			kk := tk.Key
			switch kk {
			case "and", "a", "an", "point":
				atoms[na] = atom{tok: j, last: true, key: kk, other: true}
				na++
				j++
				continue
			}
			all, _ := numberWordParts(kk)
			if !all {
				break collect
			}
			// Split on hyphens.
			rest := kk
			for rest != "" {
				p := rest
				if h := strings.IndexByte(rest, '-'); h >= 0 {
					p, rest = rest[:h], rest[h+1:]
				} else {
					rest = ""
				}
				atoms[na] = classify(p, j, rest == "")
				na++
				if na >= maxAtoms-1 {
					break collect
				}
			}
			j++
		case token.Punct:
			if tk.Key == "-" || tk.Key == "–" {
				atoms[na] = atom{tok: j, last: true, key: "-", other: true}
				na++
				j++
				continue
			}
			break collect
		default:
			break collect
		}
	}
	return parseAtoms(toks, atoms[:na], start, article)
}

// isFractionOrdinal reports whether an ordinal can be a denominator after
// "a" ("a fifth", "a hundredth"); "first" and "second" cannot.
func isFractionOrdinal(k string) bool {
	v, ok := ordinals[k]
	return ok && v > 2
}

func classify(p string, tok int, last bool) atom {
	a := atom{tok: tok, last: last, key: p}
	if v, ok := cardinals[p]; ok {
		a.val = v
		switch {
		case v < 10:
			a.kind = aUnit
		case v < 20:
			a.kind = aTeen
		default:
			a.kind = aTen
		}
		return a
	}
	if p == "hundred" {
		a.kind, a.val = aHundred, 100
		return a
	}
	if v, ok := scales[p]; ok {
		a.kind, a.val = aScale, v
		return a
	}
	a.other = true
	return a
}

// parseAtoms reads the longest number from atoms. It returns the number up
// to the last atom that can end one.
func parseAtoms(toks []token.Token, atoms []atom, start int, article bool) (Number, bool) {
	var total, current float64
	prev := aNone
	lastScale := 0.0
	bestTo := -1
	var best Number
	seen := false
	scaled := 0.0
	save := func(k int, v float64, kind NumberKind) {
		// Only at a token boundary.
		if !atoms[k].last {
			return
		}
		bestTo = atoms[k].tok + 1
		best = Number{From: start, To: bestTo, Value: v, Kind: kind, Spelled: true, Article: article, Scale: scaled}
	}
	k := 0
	if article {
		current = 1
		prev = aUnit
		k = 1
		// "a hundred", "a million": the article is "one"; a fraction or
		// "a dozen" is read below.
	}
	for ; k < len(atoms); k++ {
		a := atoms[k]
		if a.other {
			switch a.key {
			case "and":
				// "three hundred and fifty", "one and a half".
				if k+1 >= len(atoms) {
					goto done
				}
				nx := atoms[k+1]
				if nx.key == "a" || nx.key == "an" {
					if k+2 < len(atoms) {
						if den, ok := denominators[atoms[k+2].key]; ok && (atoms[k+2].key == "half" || atoms[k+2].key == "quarter") {
							current += 1 / den
							prev = aUnit
							k += 2
							save(k, total+current, Fraction)
							continue
						}
						if v, ok := ordinals[atoms[k+2].key]; ok && v > 2 {
							current += 1 / v
							prev = aUnit
							k += 2
							save(k, total+current, Fraction)
							continue
						}
					}
					goto done
				}
				if (prev == aHundred || prev == aScale) && !nx.other && nx.kind != aScale && nx.kind != aHundred {
					continue
				}
				// "twenty and three fifths": and + a fraction.
				if seen && !nx.other && (nx.kind == aUnit || nx.kind == aTeen || nx.kind == aTen) && k+2 < len(atoms) {
					if den, ok := denominators[atoms[k+2].key]; ok && atoms[k+2].key != "half" || ok && nx.val == 1 {
						current += nx.val / den
						k += 2
						save(k, total+current, Fraction)
						prev = aUnit
						continue
					}
				}
				goto done
			case "-":
				// "fifty - two"
				if prev == aTen && k+1 < len(atoms) && atoms[k+1].kind == aUnit && !atoms[k+1].other {
					continue
				}
				goto done
			case "point":
				if !seen {
					goto done
				}
				// "two hundred point zero three", "point seventy-one".
				frac, digits := 0.0, 0
				m := k + 1
				for m < len(atoms) && !atoms[m].other && atoms[m].kind == aUnit {
					frac = frac*10 + atoms[m].val
					digits++
					m++
				}
				if digits == 0 && m < len(atoms) && !atoms[m].other && (atoms[m].kind == aTen || atoms[m].kind == aTeen) {
					v := atoms[m].val
					m++
					if atoms[m-1].kind == aTen && m < len(atoms) && !atoms[m].other && atoms[m].kind == aUnit {
						v += atoms[m].val
						m++
					}
					frac, digits = v, 2
				}
				if digits == 0 {
					goto done
				}
				current += frac / pow10(digits)
				k = m - 1
				save(k, total+current, Cardinal)
				prev = aUnit
				continue
			case "a", "an":
				// "two thirds of a million" is left to the caller.
				goto done
			}
			// Ordinals and denominators.
			if v, ok := denominators[a.key]; ok {
				num := total + current
				if !seen && !article {
					goto done
				}
				if a.key == "half" || a.key == "quarter" {
					if !article && num != 1 && a.key == "half" {
						goto done
					}
				}
				scaled = 0
				save(k, num/v, Fraction)
				k++
				goto done
			}
			if v, ok := ordinals[a.key]; ok {
				num := total + current
				switch {
				case article && !seen && v > 2:
					save(k, 1/v, Fraction) // "a fifth", "a hundredth"
				case (current == 1 && total == 0 && v > 2 && prev == aUnit && !article) && len(atoms) == k+1:
					save(k, 1/v, Fraction) // "one fifth"
				case !seen:
					save(k, v, Ordinal) // "first", "twenty-first" handled below
				default:
					// "one hundred twenty fifth": a compound ordinal, unless the
					// last part is a ten ("twenty-first").
					if v < 100 {
						save(k, num+v, Ordinal)
					} else {
						save(k, num*v, Ordinal)
					}
				}
				k++
				goto done
			}
			if a.key == "dozen" || a.key == "dozens" {
				if !seen && !article {
					goto done
				}
				if current == 0 {
					current = 1
				}
				current *= 12
				scaled = 12
				save(k, total+current, Cardinal)
				k++
				goto done
			}
			goto done
		}
		switch a.kind {
		case aUnit:
			if prev == aUnit || prev == aTeen || (prev == aTen && int64(current)%10 != 0) {
				goto done
			}
			current += a.val
		case aTeen, aTen:
			if prev == aUnit || prev == aTeen || prev == aTen {
				goto done
			}
			current += a.val
		case aHundred:
			if prev == aHundred || prev == aScale && current == 0 {
				goto done
			}
			if current == 0 {
				current = 1
			}
			if current >= 100 {
				goto done
			}
			current *= 100
			if scaled == 0 {
				scaled = 100
			}
		case aScale:
			if lastScale != 0 && a.val >= lastScale {
				goto done
			}
			if current == 0 {
				if prev != aNone || total != 0 {
					goto done
				}
				current = 1
			}
			total += current * a.val
			current = 0
			lastScale = a.val
			scaled = a.val
		}
		prev = a.kind
		seen = true
		if a.kind == aUnit || a.kind == aTeen || a.kind == aTen || a.kind == aHundred || a.kind == aScale {
			save(k, total+current, Cardinal)
		}
	}
done:
	if bestTo < 0 {
		if len(atoms) > 0 && !article {
			if v, ok := ordinals[atoms[0].key]; ok && atoms[0].last {
				return Number{From: start, To: atoms[0].tok + 1, Value: v, Kind: Ordinal, Spelled: true}, true
			}
		}
		return Number{}, false
	}
	// "two thirds of a million", "a quarter of a million".
	if best.Kind == Fraction && bestTo+2 < len(toks) && toks[bestTo].Key == "of" && (toks[bestTo+1].Key == "a" || toks[bestTo+1].Key == "an") {
		if sc, ok := scales[toks[bestTo+2].Key]; ok && len(toks[bestTo+2].Key) > 3 {
			best.Value = scaleBy(best.Value, sc)
			best.To = bestTo + 3
			best.Kind = Cardinal
			best.Scale = sc
		}
	}
	// "one and a half million", "a half million": a scale after a fraction.
	if best.Kind == Fraction && best.To < len(toks) {
		if sc, ok := scales[toks[best.To].Key]; ok && len(toks[best.To].Key) > 3 {
			best.Value = scaleBy(best.Value, sc)
			best.To++
			best.Kind = Cardinal
			best.Scale = sc
		}
	}
	return best, true
}

// Numbers returns every number of a tokenized text, left to right, without
// judging what it counts: years, ordinals and identifiers included. It is
// the reader the Recognizers-Text harness measures; Find builds on it.
func Numbers(text string, toks []token.Token) []Number {
	var out []Number
	for i := 0; i < len(toks); {
		n, ok := ReadNumber(text, toks, i)
		if !ok || n.Kind == Modifier {
			i++
			continue
		}
		out = append(out, n)
		i = n.To
	}
	return out
}
