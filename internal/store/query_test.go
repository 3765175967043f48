package store

import (
	"errors"
	"reflect"
	"testing"
)

func TestParseQuery(t *testing.T) {
	w := func(words ...string) Term { return Term{Words: words} }
	p := func(words ...string) Term { return Term{Words: words, Prefix: true} }
	cases := []struct {
		in   string
		want Query
	}{
		{"troops", Query{All: [][]Term{{w("troops")}}}},
		{"  North  Korean troops ", Query{All: [][]Term{{w("north")}, {w("korean")}, {w("troops")}}}},
		{`"north korean troops"`, Query{All: [][]Term{{w("north", "korean", "troops")}}}},
		{`“curly quotes” here`, Query{All: [][]Term{{w("curly", "quotes")}, {w("here")}}}},
		{"budanov OR zelensky OR nis", Query{All: [][]Term{{w("budanov"), w("zelensky"), w("nis")}}}},
		{"OR leading", Query{All: [][]Term{{w("leading")}}}},
		{"troop*", Query{All: [][]Term{{p("troop")}}}},
		{`"north kor"*`, Query{All: [][]Term{{p("north", "kor")}}}},
		{"nis -seoul", Query{All: [][]Term{{w("nis")}}, Not: []Term{w("seoul")}}},
		{"Korea's", Query{All: [][]Term{{w("korea", "s")}}}},
		{"North-Korean", Query{All: [][]Term{{w("north", "korean")}}}},
		{`NEAR(a b) col:x`, Query{All: [][]Term{{w("near", "a")}, {w("b")}, {w("col", "x")}}}},
		{`"unclosed phrase`, Query{All: [][]Term{{w("unclosed", "phrase")}}}},
		{"Žaneta Ølvik", Query{All: [][]Term{{w("žaneta")}, {w("ølvik")}}}},
		{"— x —", Query{All: [][]Term{{w("x")}}}},
	}
	for _, c := range cases {
		got, err := ParseQuery(c.in)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseQuery(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "   ", "— –", "-alone", `""`, "OR"} {
		if _, err := ParseQuery(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseQuery(%q) error = %v, want ErrInvalid", bad, err)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"troops", `"a b"*`, "x OR -y", "“", `NEAR("a" b)`, "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			return
		}
		if len(q.All) == 0 {
			t.Fatalf("ParseQuery(%q) gave no group and no error", s)
		}
		for _, g := range q.All {
			for _, term := range g {
				for _, word := range term.Words {
					if word == "" {
						t.Fatalf("ParseQuery(%q) gave an empty word", s)
					}
				}
			}
		}
	})
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Kyrylo  Budanov":  "kyrylo budanov",
		" ŽANETA\tØlvik\n": "žaneta ølvik",
		"":                 "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
