package quantity

import (
	"math"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

func TestReadNumber(t *testing.T) {
	tests := []struct {
		in   string
		text string // what the number spans
		v    float64
		kind NumberKind
	}{
		{"1,500", "1,500", 1500, Cardinal},
		{"1,234,567", "1,234,567", 1234567, Cardinal},
		{"12,34,567.89", "12,34,567.89", 1234567.89, Cardinal},
		{"12 000", "12 000", 12000, Cardinal},
		{"1 234 567.89", "1 234 567.89", 1234567.89, Cardinal},
		{"1.5", "1.5", 1.5, Cardinal},
		{"$1.64", "1.64", 1.64, Cardinal},
		{"1.5 million", "1.5 million", 1.5e6, Cardinal},
		{"8.2 million", "8.2 million", 8.2e6, Cardinal},
		{"5bn", "5bn", 5e9, Cardinal},
		{"1.5m", "1.5m", 1.5e6, Cardinal},
		{"10k", "10k", 1e4, Cardinal},
		{"10 bln", "10 bln", 1e10, Cardinal},
		{"3 dozen", "3 dozen", 36, Cardinal},
		{"322 hundred", "322 hundred", 32200, Cardinal},
		{"-5", "-5", -5, Cardinal},
		{"minus five", "minus five", -5, Cardinal},
		{".08", ".08", 0.08, Cardinal},
		{"3/4", "3/4", 0.75, Fraction},
		{"2 1/4", "2 1/4", 2.25, Fraction},
		{"½", "½", 0.5, Fraction},
		{"three", "three", 3, Cardinal},
		{"twenty-one", "twenty-one", 21, Cardinal},
		{"fifty - two", "fifty - two", 52, Cardinal},
		{"three hundred and fifty", "three hundred and fifty", 350, Cardinal},
		{"two hundred and two thousand", "two hundred and two thousand", 202000, Cardinal},
		{"twenty-one trillion and three hundred", "twenty-one trillion and three hundred", 21000000000300, Cardinal},
		{"a dozen eggs", "a dozen", 12, Cardinal},
		{"half a dozen", "half a dozen", 6, Cardinal},
		{"half a million", "half a million", 5e5, Cardinal},
		{"a half million", "a half million", 5e5, Cardinal},
		{"a million of them", "a million", 1e6, Cardinal},
		{"one and a half million", "one and a half million", 1.5e6, Cardinal},
		{"two hundred point zero three", "two hundred point zero three", 200.03, Cardinal},
		{"two thirds", "two thirds", 2.0 / 3, Fraction},
		{"a third of", "a third", 1.0 / 3, Fraction},
		{"three quarters", "three quarters", 0.75, Fraction},
		{"one and a half", "one and a half", 1.5, Fraction},
		{"two thirds of a million", "two thirds of a million", 2e6 / 3, Cardinal},
		{"first", "first", 1, Ordinal},
		{"3rd", "3rd", 3, Ordinal},
		{"twenty-first", "twenty-first", 21, Ordinal},
		{"one hundred twenty fifth", "one hundred twenty fifth", 125, Ordinal},
		{"1990s", "1990s", 1990, Decade},
		{"three-day", "three-day", 0, Modifier},
	}
	for _, tt := range tests {
		toks := token.Tokenize(tt.in)
		i := 0
		if toks[0].Kind == token.Symbol && tt.in[0] == '$' {
			i = 1
		}
		n, ok := ReadNumber(tt.in, toks, i)
		if !ok {
			t.Errorf("%q: no number", tt.in)
			continue
		}
		got := tt.in[toks[n.From].Start:toks[n.To-1].End]
		if got != tt.text || n.Kind != tt.kind || math.Abs(n.Value-tt.v) > 1e-9*math.Max(1, math.Abs(tt.v)) {
			t.Errorf("%q: got %q = %v kind %d, want %q = %v kind %d", tt.in, got, n.Value, n.Kind, tt.text, tt.v, tt.kind)
		}
	}
	for _, in := range []string{"an", "a", "one-off", "192.168.1.2", "1.111,11", "second", "a second", "hundreds", "the"} {
		toks := token.Tokenize(in)
		if n, ok := ReadNumber(in, toks, 0); ok && n.Kind == Cardinal {
			t.Errorf("%q: got number %v, want none", in, n.Value)
		}
	}
}

func TestNumbers(t *testing.T) {
	in := "Sixteen of the 1,500 troops, two thirds, left on the 3rd."
	got := Numbers(in, token.Tokenize(in))
	want := []float64{16, 1500, 2.0 / 3, 3}
	if len(got) != len(want) {
		t.Fatalf("got %d numbers, want %d: %+v", len(got), len(want), got)
	}
	for i, n := range got {
		if math.Abs(n.Value-want[i]) > 1e-9 {
			t.Errorf("number %d = %v, want %v", i, n.Value, want[i])
		}
	}
}
