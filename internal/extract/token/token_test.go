package token

import (
	"strings"
	"testing"
)

func keys(s string) string {
	var b []string
	for _, t := range Tokenize(s) {
		k := t.Key
		if t.Kind == Quote {
			k += map[QuoteDir]string{Open: "<", Close: ">", Either: "?"}[t.Dir]
		}
		b = append(b, k)
	}
	return strings.Join(b, " ")
}

func TestTokenize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Russia’s Kursk region", "russia 's kursk region"},
		{"Around 1,500 troops, 1.5 million.", "around 1,500 troops , 1.5 million ."},
		{"Kim Jong-un said he didn't know", "kim jong-un said he did n't know"},
		{"the U.S. and the U.K.", "the u.s. and the u.k."},
		{"“There’s a million,” he says", "“< there 's a million , ”> he says"},
		{`"It is," she said. 'Yes' it's`, `"< it is , "> she said . '< yes '> it 's`},
		{"in the 1990s, the 3rd time, 5bn", "in the 1990s , the 3rd time , 5bn"},
		{"Wait... what?", "wait ... what ?"},
		{"soldiers’ kit and O’Brien", "soldiers ’> kit and o'brien"},
		{"2024-10-18", "2024 - 10 - 18"},
		{"$5bn (£4bn) or 20%", "$ 5bn ( £ 4bn ) or 20 %"},
	} {
		if got := keys(tc.in); got != tc.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

func TestOffsetsAndBreaks(t *testing.T) {
	s := "Title here\n\nBody starts. Next\nline"
	toks := Tokenize(s)
	for _, tk := range toks {
		if tk.Text(s) == "" {
			t.Fatalf("empty token %+v", tk)
		}
	}
	var paras, lines []string
	for _, tk := range toks {
		if tk.Para {
			paras = append(paras, tk.Text(s))
		}
		if tk.Line {
			lines = append(lines, tk.Text(s))
		}
	}
	if strings.Join(paras, ",") != "Title,Body" || strings.Join(lines, ",") != "Title,Body,line" {
		t.Errorf("paras %v lines %v", paras, lines)
	}
	if toks[0].Shape != Title || Tokenize("NIS")[0].Shape != Upper || Tokenize("iPhone")[0].Shape != Mixed {
		t.Error("shapes")
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Russia’s “quote” 1,500.", "U.S.", "’’’", "a\n\nb", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tk := range Tokenize(s) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("bad token %+v in %q", tk, s)
			}
			prev = tk.End
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	s := strings.Repeat("Around 1,500 North Korean troops have already arrived in Russia, according to South Korea’s National Intelligence Service (NIS). “It is not,” he said.\n\n", 30)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Tokenize(s)
	}
}

func TestTypewriterQuotes(t *testing.T) {
	if got, want := keys("''We like it,'' she said."), "''< we like it , ''> she said ."; got != want {
		t.Errorf("got %s want %s", got, want)
	}
}
