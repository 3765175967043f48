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

// found is one thing crosscheck read: its text and value.
type found struct {
	text   string
	value  float64
	lo, hi *float64
	unit   string
}

func (f found) String() string {
	s := fmt.Sprintf("%q=%g", f.text, f.value)
	if f.lo != nil || f.hi != nil {
		s += fmt.Sprintf(" [%v,%v]", deref(f.lo), deref(f.hi))
	}
	if f.unit != "" {
		s += " " + f.unit
	}
	return s
}

func deref(p *float64) any {
	if p == nil {
		return ""
	}
	return *p
}

func render(fs []found) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.String()
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// sameText compares a found text with an expected one as the specs write
// them: lower case.
func sameText(a, b string) bool { return strings.EqualFold(a, b) }

// sameAmount compares the text of a quantity with an expected one. A
// quantity's text holds its hedge ("about $ 14 million", "more than 20");
// the specs' currency and percentage results leave it out, so a found text
// that ends with the expected one after at most four words of hedge
// matches.
func sameAmount(got, want string) bool {
	if sameText(got, want) {
		return true
	}
	if len(got) <= len(want) || !sameText(got[len(got)-len(want):], want) || got[len(got)-len(want)-1] != ' ' {
		return false
	}
	return len(strings.Fields(got[:len(got)-len(want)])) <= 4
}

// near compares values to the specs' 15 significant digits.
func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-12*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// expected decodes a case's results of the given type names.
func expected(c Case, types ...string) ([]Result, []numberResolution, bool) {
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

func numbers(input string, keep func(quantity.NumberKind) bool) []found {
	toks := token.Tokenize(input)
	var out []found
	for _, n := range quantity.Numbers(input, toks) {
		// "180ml", "29km": a number glued to a unit is a dimension, which
		// the Number specs leave out.
		if keep(n.Kind) && n.Suffix == "" {
			out = append(out, found{text: input[toks[n.From].Start:toks[n.To-1].End], value: n.Value})
		}
	}
	return out
}

func checkNumbers(c Case) (bool, string) {
	got := numbers(c.Input, func(k quantity.NumberKind) bool { return k == quantity.Cardinal || k == quantity.Fraction })
	return compareValues(c, got, "number")
}

func checkOrdinals(c Case) (bool, string) {
	got := numbers(c.Input, func(k quantity.NumberKind) bool { return k == quantity.Ordinal })
	return compareValues(c, got, "ordinal")
}

// compareValues checks got against the case's results of type typ, in
// order: same count, same texts, same values.
func compareValues(c Case, got []found, typ string) (bool, string) {
	rs, res, ok := expected(c, typ)
	if !ok || len(rs) != len(got) {
		return false, render(got)
	}
	for i, r := range rs {
		if res[i].Value == nil {
			return false, render(got)
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(*res[i].Value, "%"), 64)
		if err != nil || !sameAmount(got[i].text, r.Text) || !near(got[i].value, v) {
			return false, render(got)
		}
	}
	return true, ""
}

func quantities(input string) []quantity.Quantity {
	return quantity.Find(segment.New(input, nil), nil)
}

func checkPercents(c Case) (bool, string) {
	var got []found
	for _, q := range quantities(c.Input) {
		if q.Unit == "percent" && q.Value != nil {
			got = append(got, found{text: q.Text, value: *q.Value, unit: q.Unit})
		}
	}
	return compareValues(c, got, "percentage")
}

func checkRanges(c Case) (bool, string) {
	var got []found
	for _, q := range quantities(c.Input) {
		if q.Low == nil && q.High == nil || q.Vague {
			continue
		}
		got = append(got, found{text: q.Text, value: *q.Value, lo: q.Low, hi: q.High})
	}
	rs, res, ok := expected(c, "numberrange")
	if !ok || len(rs) != len(got) {
		return false, render(got)
	}
	for i, r := range rs {
		if res[i].Value == nil || !sameText(got[i].text, r.Text) {
			return false, render(got)
		}
		// "(20,35]", "[3965,)": the bounds, open or closed alike.
		lo, hi, ok := strings.Cut(strings.Trim(*res[i].Value, "[]()"), ",")
		if !ok || !sameBound(got[i].lo, lo) || !sameBound(got[i].hi, hi) {
			return false, render(got)
		}
	}
	return true, ""
}

func sameBound(p *float64, s string) bool {
	if s == "" {
		return p == nil
	}
	v, err := strconv.ParseFloat(s, 64)
	return err == nil && p != nil && near(*p, v)
}

func checkCurrency(c Case) (bool, string) {
	var got []found
	for _, q := range quantities(c.Input) {
		if isCurrency(q.Unit) && q.Value != nil {
			got = append(got, found{text: q.Text, value: *q.Value, unit: q.Unit})
		}
	}
	rs, res, ok := expected(c, "currency")
	if !ok || len(rs) != len(got) {
		return false, render(got)
	}
	for i, r := range rs {
		if res[i].Value == nil || !sameAmount(got[i].text, r.Text) {
			return false, render(got)
		}
		v, err := strconv.ParseFloat(*res[i].Value, 64)
		if err != nil {
			return false, render(got)
		}
		// The specs give "50 cents" as 50 Cent; crosscheck as 0.50 USD.
		if minor := res[i].Unit == "Cent" || res[i].Unit == "Pence" || res[i].Unit == "Penny"; minor {
			v /= 100
		}
		if !near(got[i].value, v) || res[i].IsoCurrency != "" && res[i].IsoCurrency != got[i].unit {
			return false, render(got)
		}
	}
	return true, ""
}

// isCurrency reports whether a unit is an ISO 4217 code.
func isCurrency(u string) bool {
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
