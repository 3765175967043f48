package main

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// The number reader's suites: cardinals and fractions (quantity.Numbers),
// ordinals (quantity.Numbers), and percentages, ranges and money
// (quantity.Find, which reads numbers in their context).
func init() {
	for _, f := range []string{"NumberModel.json", "NumberModelExperimentalMode.json", "NumberModelPercentMode.json"} {
		register(Suite{File: "Number/English/" + f, Check: checkNumbers})
	}
	for _, f := range []string{"OrdinalModel.json", "OrdinalModelSuppressExtendedTypes.json"} {
		register(Suite{File: "Number/English/" + f, Check: checkOrdinals})
	}
	for _, f := range []string{"PercentModel.json", "PercentModelPercentMode.json"} {
		register(Suite{File: "Number/English/" + f, Check: checkPercents})
	}
	for _, f := range []string{"NumberRangeModel.json", "NumberRangeModelExperimentalMode.json"} {
		register(Suite{File: "Number/English/" + f, Check: checkRanges})
	}
	register(Suite{File: "NumberWithUnit/English/CurrencyModel.json", Check: checkCurrency})
}

// numberResolution is the Resolution of a Number or NumberWithUnit result.
type numberResolution struct {
	Value       *string `json:"value"`
	Unit        string  `json:"unit"`
	IsoCurrency string  `json:"isoCurrency"`
}

// numFound is one thing crosscheck read: its text and value.
type numFound struct {
	text   string
	value  float64
	lo, hi *float64
	unit   string
}

func (f numFound) String() string {
	s := fmt.Sprintf("%q=%g", f.text, f.value)
	if f.lo != nil || f.hi != nil {
		s += fmt.Sprintf(" [%v,%v]", numDeref(f.lo), numDeref(f.hi))
	}
	if f.unit != "" {
		s += " " + f.unit
	}
	return s
}

func numDeref(p *float64) any {
	if p == nil {
		return ""
	}
	return *p
}

func numRender(fs []numFound) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.String()
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// numSameText compares a found text with an expected one as the specs write
// them: lower case.
func numSameText(a, b string) bool { return strings.EqualFold(a, b) }

// numSameAmount compares the text of a quantity with an expected one. A
// quantity's text holds its hedge ("about $ 14 million", "more than 20");
// the specs' currency and percentage results leave it out, so a found text
// that ends with the expected one after at most four words of hedge
// matches.
func numSameAmount(got, want string) bool {
	if numSameText(got, want) {
		return true
	}
	if len(got) <= len(want) || !numSameText(got[len(got)-len(want):], want) || got[len(got)-len(want)-1] != ' ' {
		return false
	}
	return len(strings.Fields(got[:len(got)-len(want)])) <= 4
}

// numNear compares values to the specs' 15 significant digits.
func numNear(a, b float64) bool {
	return math.Abs(a-b) <= 1e-12*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// numExpected decodes a case's results of the given type names.
func numExpected(c Case, types ...string) ([]Result, []numberResolution, bool) {
	var rs []Result
	var res []numberResolution
	for _, r := range c.Results {
		match := false
		for _, t := range types {
			if r.TypeName == t {
				match = true
			}
		}
		if !match {
			return nil, nil, false // a type crosscheck does not read: a miss
		}
		var nr numberResolution
		if err := json.Unmarshal(r.Resolution, &nr); err != nil {
			return nil, nil, false
		}
		rs = append(rs, r)
		res = append(res, nr)
	}
	return rs, res, true
}

func readNumbers(input string, keep func(quantity.NumberKind) bool) []numFound {
	toks := token.Tokenize(input)
	var out []numFound
	for _, n := range quantity.Numbers(input, toks) {
		// "180ml", "29km": a number glued to a unit is a dimension, which
		// the Number specs leave out.
		if keep(n.Kind) && n.Suffix == "" {
			out = append(out, numFound{text: input[toks[n.From].Start:toks[n.To-1].End], value: n.Value})
		}
	}
	return out
}

func checkNumbers(c Case) (bool, string) {
	got := readNumbers(c.Input, func(k quantity.NumberKind) bool { return k == quantity.Cardinal || k == quantity.Fraction })
	return numCompare(c, got, "number")
}

func checkOrdinals(c Case) (bool, string) {
	got := readNumbers(c.Input, func(k quantity.NumberKind) bool { return k == quantity.Ordinal })
	return numCompare(c, got, "ordinal")
}

// numCompare checks got against the case's results of type typ, in
// order: same count, same texts, same values.
func numCompare(c Case, got []numFound, typ string) (bool, string) {
	rs, res, ok := numExpected(c, typ)
	if !ok || len(rs) != len(got) {
		return false, numRender(got)
	}
	for i, r := range rs {
		if res[i].Value == nil {
			return false, numRender(got)
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(*res[i].Value, "%"), 64)
		if err != nil || !numSameAmount(got[i].text, r.Text) || !numNear(got[i].value, v) {
			return false, numRender(got)
		}
	}
	return true, ""
}

func findQuantities(input string) []quantity.Quantity {
	return quantity.Find(segment.New(input, nil), nil)
}

func checkPercents(c Case) (bool, string) {
	var got []numFound
	for _, q := range findQuantities(c.Input) {
		if q.Unit == "percent" && q.Value != nil {
			got = append(got, numFound{text: q.Text, value: *q.Value, unit: q.Unit})
		}
	}
	return numCompare(c, got, "percentage")
}

func checkRanges(c Case) (bool, string) {
	var got []numFound
	for _, q := range findQuantities(c.Input) {
		if q.Low == nil && q.High == nil || q.Vague {
			continue
		}
		got = append(got, numFound{text: q.Text, value: *q.Value, lo: q.Low, hi: q.High})
	}
	rs, res, ok := numExpected(c, "numberrange")
	if !ok || len(rs) != len(got) {
		return false, numRender(got)
	}
	for i, r := range rs {
		if res[i].Value == nil || !numSameText(got[i].text, r.Text) {
			return false, numRender(got)
		}
		// "(20,35]", "[3965,)": the bounds, open or closed alike.
		lo, hi, ok := strings.Cut(strings.Trim(*res[i].Value, "[]()"), ",")
		if !ok || !numSameBound(got[i].lo, lo) || !numSameBound(got[i].hi, hi) {
			return false, numRender(got)
		}
	}
	return true, ""
}

func numSameBound(p *float64, s string) bool {
	if s == "" {
		return p == nil
	}
	v, err := strconv.ParseFloat(s, 64)
	return err == nil && p != nil && numNear(*p, v)
}

func checkCurrency(c Case) (bool, string) {
	var got []numFound
	for _, q := range findQuantities(c.Input) {
		if isCurrencyCode(q.Unit) && q.Value != nil {
			got = append(got, numFound{text: q.Text, value: *q.Value, unit: q.Unit})
		}
	}
	rs, res, ok := numExpected(c, "currency")
	if !ok || len(rs) != len(got) {
		return false, numRender(got)
	}
	for i, r := range rs {
		if res[i].Value == nil || !numSameAmount(got[i].text, r.Text) {
			return false, numRender(got)
		}
		v, err := strconv.ParseFloat(*res[i].Value, 64)
		if err != nil {
			return false, numRender(got)
		}
		// The specs give "50 cents" as 50 Cent; crosscheck as 0.50 USD.
		if minor := res[i].Unit == "Cent" || res[i].Unit == "Pence" || res[i].Unit == "Penny"; minor {
			v /= 100
		}
		if !numNear(got[i].value, v) || res[i].IsoCurrency != "" && res[i].IsoCurrency != got[i].unit {
			return false, numRender(got)
		}
	}
	return true, ""
}

// isCurrencyCode reports whether a unit is an ISO 4217 code.
func isCurrencyCode(u string) bool {
	if len(u) != 3 {
		return false
	}
	for i := range 3 {
		if u[i] < 'A' || u[i] > 'Z' {
			return false
		}
	}
	return true
}
