package where

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// got renders the places of a text as "Text=Name/CC/kind" (with "*" when
// it stands for its government) and the demonyms as "Text~CC".
func got(text string) []string {
	places, dems := Find(segment.New(text, nil))
	var out []string
	for _, p := range places {
		gov := ""
		if p.Government {
			gov = "*"
		}
		out = append(out, fmt.Sprintf("%s=%s/%s/%s%s", p.Text, p.Canonical, p.Country, p.Kind, gov))
	}
	for _, d := range dems {
		out = append(out, d.Text+"~"+d.Country)
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		// Regions and their descriptive forms.
		{"possessive region", "Troops will be sent to Russia's Kursk region by November.",
			[]string{"Russia=Russia/RU/country", "Kursk region=Kursk Oblast/RU/region"}},
		{"oblast form", "Shelling hit the Kursk Oblast overnight.", []string{"Kursk Oblast=Kursk Oblast/RU/region"}},
		{"bare city", "The train reached Kursk at dawn.", []string{"Kursk=Kursk/RU/city"}},
		{"military district", "The base lies in the Eastern Military District, officials believe.",
			[]string{"Eastern Military District=Eastern Military District/RU/region"}},
		{"far east with Russia", "Russia moved the units to the Far East region last week.",
			[]string{"Russia=Russia/RU/country*", "Far East region=Far East/RU/region"}},
		{"far east alone", "Markets across the Far East fell sharply.", []string{"Far East=Far East//region"}},
		{"aliases", "The UK and the U.S. both spoke to the DPRK and South Korea.",
			[]string{"UK=United Kingdom/GB/country", "U.S.=United States/US/country", "DPRK=North Korea/KP/country", "South Korea=South Korea/KR/country"}},
		{"diacritics", "Trains from Kraków and Krakow run daily.", []string{"Kraków=Kraków/PL/city", "Krakow=Kraków/PL/city"}},
		{"supplement areas", "Aid reached Gaza and the West Bank from the Middle East.",
			[]string{"Gaza=Gaza/PS/region", "West Bank=West Bank/PS/region", "Middle East=Middle East//region"}},

		// Demonyms are not places.
		{"demonyms", "North Korean troops met Ukrainian officials; the Russians stayed.",
			[]string{"North Korean~KP", "Ukrainian~UA", "Russians~RU"}},

		// Capitals and countries standing for their government.
		{"possessive acronym", "Seoul's NIS said the troops had arrived.", []string{"Seoul=Seoul/KR/city*"}},
		{"possessive organisation", "South Korea's National Intelligence Service said so.", []string{"South Korea=South Korea/KR/country*"}},
		{"possessive place is no government", "Troops reached Russia's Kursk region.", []string{"Russia=Russia/RU/country", "Kursk region=Kursk Oblast/RU/region"}},
		{"possessive act", "It showed Pyongyang's first deployment abroad.", []string{"Pyongyang=Pyongyang/KP/city*"}},
		{"subject of a verb", "It will fail if Beijing puts the dampeners on the plan.", []string{"Beijing=Beijing/CN/city*"}},
		{"reporting verb", "Moscow denied the report on Friday.", []string{"Moscow=Moscow/RU/city*"}},
		{"auxiliary", "Pyongyang has long been sending shells.", []string{"Pyongyang=Pyongyang/KP/city*"}},
		{"where, not who", "Officials in Moscow said nothing.", []string{"Moscow=Moscow/RU/city"}},
		{"country acts", "The war began when Russia invaded Ukraine.", []string{"Russia=Russia/RU/country*", "Ukraine=Ukraine/UA/country"}},

		// People and organisations named like places.
		{"title", "Mr Jordan said the talks would resume.", nil},
		{"person established", "Michael Jordan scored 30 points. Jordan said he was tired.", nil},
		{"first name and surname", "Paris Hilton arrived late.", nil},
		{"surname after first name", "Ian Garner, a historian, disagreed.", nil},
		{"initial", "M. Atherton was out for one.", nil},
		{"particle", "A penalty from Van der Westhuizen settled it.", nil},
		{"newspaper", "The Washington Post reported it first.", nil},
		{"club", "Manchester United won again, and Real Madrid lost.", nil},
		{"org with of", "The Bank of England held rates.", nil},
		{"news agency", "The Xinhua news agency said so.", nil},
		{"role after place keeps it", "U.S. President Bill Clinton spoke.", []string{"U.S.=United States/US/country"}},
		{"role before of keeps it", "He met the President of France.", []string{"France=France/FR/country"}},
		{"country speaks", "Israel said it would respond.", []string{"Israel=Israel/IL/country*"}},

		// Everyday words that are also places.
		{"everyday words", "Nice weather. Reading the report, Mobile phones rang. Split decisions were made in March.", nil},
		{"everyday word in place context", "She moved to Nice in 2010 and later lived in Reading.",
			[]string{"Nice=Nice/FR/city", "Reading=Reading/GB/city"}},
		{"sentence start", "We met them. The talks went on.", nil},
		{"accent makes the place", "We believe in God, he said.", nil},

		// Disambiguation.
		{"capital first", "Paris was quiet.", []string{"Paris=Paris/FR/city"}},
		{"place after comma", "He grew up in Paris, Texas.", []string{"Paris=Paris/US/city", "Texas=Texas/US/region"}},
		{"country context", "Melbourne is the capital of Victoria, in Australia.",
			[]string{"Melbourne=Melbourne/AU/city", "Victoria=Victoria/AU/region", "Australia=Australia/AU/country"}},

		// Sports pages and datelines.
		{"dateline", "LONDON 1996-08-30\n\nRain fell.", []string{"LONDON=London/GB/city"}},
		{"dateline with region", "MILWAUKEE, Wisconsin 1996-08-29\n\nIt rained.", []string{"MILWAUKEE=Milwaukee/US/city", "Wisconsin=Wisconsin/US/region"}},
		{"headline countries", "SOCCER - ROMANIA BEAT LITHUANIA IN QUALIFIER.", []string{"ROMANIA=Romania/RO/country", "LITHUANIA=Lithuania/LT/country"}},
		{"score line", "Chicago 5 Houston 3", nil},
		{"standings line", "BOSTON 69 65 .515 5", nil},
		{"beat", "Leicestershire beat Somerset by an innings.", nil},
		{"sport role", "Norwich striker Keith O'Neill scored.", nil},
		{"national team", "England captain Mike Atherton batted.", []string{"England=England/GB/region"}},
		{"result with country", "Third place: Alba (Germany) 75", []string{"Germany=Germany/DE/country"}},

		{"origin after of", "Peter Nicol of Scotland beat Benetton of Italy.", []string{"Scotland=Scotland/GB/region", "Italy=Italy/IT/country"}},
		{"AP state abbreviation", "The firm is based in Lansing, Mich., and Tampa, Fla.",
			[]string{"Lansing=Lansing/US/city", "Mich.=Michigan/US/region", "Tampa=Tampa/US/city", "Fla.=Florida/US/region"}},
		{"venue", "At Hove: Sussex 363.", []string{"Hove=Hove/GB/city"}},
		{"lower-case compound before", "The mainly-Moslem North Caucasus region is tense.", []string{"North Caucasus=Caucasus//region"}},
		{"country that is a word", "Leaders from Niger, Guinea and Ghana came.",
			[]string{"Niger=Niger/NE/country", "Guinea=Guinea/GN/country", "Ghana=Ghana/GH/country"}},
		{"role abbreviation after place", "Former South Carolina Gov. Carroll Campbell spoke.", []string{"South Carolina=South Carolina/US/region"}},
		{"near spelling", "Rebels left Grozny.", []string{"Grozny=Groznyy/RU/city"}},

		{"word after the", "Voters in the South and the Federal courts disagreed.", nil},
		{"word before of", "She studied at the University of Iowa.", nil}, // an institution's name, as CoNLL has it
		{"title abbreviation", "Sens. Smith and Jones voted.", nil},
		{"state over namesake town", "Fires burned across Oregon.", []string{"Oregon=Oregon/US/region"}},
		{"small town that is a first name", "She told Harvey about it.", nil},
		{"small foreign town alone", "Obama and Clinton disagreed.", nil},
		{"small town with support", "Troops left Avdiivka, near Donetsk, in Ukraine.",
			[]string{"Avdiivka=Avdiivka/UA/city", "Donetsk=Donetsk/UA/city", "Ukraine=Ukraine/UA/country"}},
		{"town speaks no more", "Henderson said the bill would pass.", nil},

		// Words and acronyms.
		{"acronym is no place", "The NIS said so.", nil},
		{"months", "In March and May, talks stalled.", nil},
		{"hyphenated pair", "The Russia-Ukraine war goes on.", []string{"Russia=Russia/RU/country", "Ukraine=Ukraine/UA/country"}},
		{"place adjective", "A Seoul-based analyst spoke.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := got(tc.text)
			if strings.Join(g, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("%q\n got %q\nwant %q", tc.text, g, tc.want)
			}
		})
	}
}

func TestSpans(t *testing.T) {
	text := "Troops reached Russia’s Kursk region."
	places, _ := Find(segment.New(text, nil))
	for _, p := range places {
		if text[p.Start:p.End] != p.Text {
			t.Errorf("span %d:%d is %q, Text %q", p.Start, p.End, text[p.Start:p.End], p.Text)
		}
		if p.Lat == 0 && p.Lon == 0 {
			t.Errorf("%s has no coordinates", p.Name)
		}
	}
	if len(places) != 2 {
		t.Fatalf("got %d places, want 2", len(places))
	}
}

func TestNames(t *testing.T) {
	for _, tc := range []struct{ text, name, canonical string }{
		{"Troops left the U.S. on Monday.", "U.S.", "United States"},
		{"LONDON 1996-08-30", "London", "London"},
		{"Fighting near Kiev went on.", "Kiev", "Kyiv"},
		{"Shelling hit the Kursk region.", "Kursk Oblast", "Kursk Oblast"},
	} {
		places, _ := Find(segment.New(tc.text, nil))
		if len(places) != 1 || places[0].Name != tc.name || places[0].Canonical != tc.canonical {
			t.Errorf("%q: got %+v, want name %q canonical %q", tc.text, places, tc.name, tc.canonical)
		}
	}
}

func TestCountryLookups(t *testing.T) {
	for name, want := range map[string]string{
		"Russia": "RU", "the US": "US", "U.S.": "US", "America": "US", "Britain": "GB", "the UK": "GB",
		"North Korea": "KP", "DPRK": "KP", "South Korea's": "KR", "South Korea’s": "KR", "Ukrainian": "UA",
		"North Koreans": "KP", "russian": "RU", "Côte d'Ivoire": "CI", "Ivory Coast": "CI", "Kursk": "", "": "",
	} {
		if got := CountryCode(name); got != want {
			t.Errorf("CountryCode(%q) = %q, want %q", name, got, want)
		}
	}
	for code, want := range map[string]string{"RU": "Russia", "kp": "North Korea", "GB": "United Kingdom", "ZZ": ""} {
		if got := CountryName(code); got != want {
			t.Errorf("CountryName(%q) = %q, want %q", code, got, want)
		}
	}
	if p, ok := Lookup("the Kursk region"); !ok || p.Canonical != "Kursk Oblast" || p.Country != "RU" {
		t.Errorf("Lookup(Kursk region) = %+v, %v", p, ok)
	}
	if p, ok := Lookup("Seoul"); !ok || p.Country != "KR" || p.Kind != KindCity {
		t.Errorf("Lookup(Seoul) = %+v, %v", p, ok)
	}
	if _, ok := Lookup("Nowhereville Flats"); ok {
		t.Error("Lookup found a place that is not")
	}
}

func TestBaseMap(t *testing.T) {
	var topo struct {
		Type    string                     `json:"type"`
		Objects map[string]json.RawMessage `json:"objects"`
	}
	if err := json.Unmarshal(BaseMap(), &topo); err != nil || topo.Type != "Topology" || topo.Objects["countries"] == nil {
		t.Fatalf("BaseMap is no TopoJSON of countries: %v", err)
	}
}

func TestLoadTime(t *testing.T) {
	start := time.Now()
	g, err := parse(gazetteerData)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("gazetteer: %d entries, %d trie nodes, parsed in %v", len(g.entries), len(g.nodes), time.Since(start))
}

func TestEmpty(t *testing.T) {
	if p, d := Find(segment.New("", nil)); p != nil || d != nil {
		t.Errorf("empty text gave %v %v", p, d)
	}
	if p, d := Find(nil); p != nil || d != nil {
		t.Errorf("nil doc gave %v %v", p, d)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Troops will be sent to Russia's Kursk region by Nov 1, Mr Budanov claimed.",
		"LONDON 1996-08-30\n\nSOCCER - ROMANIA BEAT LITHUANIA.",
		"Seoul’s NIS said Pyongyang’s first deployment reached the Far East.",
		"The Russia-Ukraine war; a Seoul-based analyst; St. Louis, Missouri; Kraków.",
		"Chicago 5 Houston 3\nPaul Van der Westhuizen (Germany)",
		"the the the - -- ' 's U.S.-Russia",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		places, dems := Find(segment.New(text, nil))
		for _, p := range places {
			if p.Start < 0 || p.End > len(text) || p.Start >= p.End || text[p.Start:p.End] != p.Text {
				t.Fatalf("bad span %d:%d %q in %q", p.Start, p.End, p.Text, text)
			}
			if p.Name == "" || p.Canonical == "" || p.Kind == "" {
				t.Fatalf("place without name or kind: %+v", p)
			}
		}
		for _, d := range dems {
			if d.Start < 0 || d.End > len(text) || text[d.Start:d.End] != d.Text || d.Country == "" {
				t.Fatalf("bad demonym %+v in %q", d, text)
			}
		}
	})
}

// benchText is an article of the kind crosscheck reads, written for this
// benchmark.
const benchText = `North Korean troops reach Russia's Far East, Seoul says

By a staff reporter

18 October 2024

SEOUL - South Korea's spy agency said on Friday that about 1,500 North Korean soldiers had been shipped to Vladivostok and were training at bases in the Eastern Military District, ahead of a possible deployment to Russia's Kursk region.

Moscow denied the report. Officials in Kyiv said the troops could reach the front line in Ukraine by November, while Washington and Tokyo urged Beijing to use its influence over Pyongyang.

"This changes the war in Europe," said Jane Smith, an analyst at a London-based think tank, adding that China was unlikely to intervene. Mr Jordan, a former diplomat, said the Kremlin needed men more than shells.

Reports from Kharkiv, Zaporizhzhia and the Donbas suggested fresh Russian attacks. In Brussels, Nato ministers met to discuss the Middle East and the Black Sea.`

func BenchmarkFind(b *testing.B) {
	if err := Load(); err != nil {
		b.Fatal(err)
	}
	d := segment.New(benchText, nil)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Find(d)
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse(gazetteerData); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWordsMatchTokenizer checks that the loader's direct splitting of
// plain names gives the keys the tokenizer gives the same words in a text:
// otherwise a name would never match.
func TestWordsMatchTokenizer(t *testing.T) {
	g := get()
	var buf []word
	n := 0
	for _, a := range g.aliases {
		if !simpleName(a) {
			continue
		}
		n++
		buf = g.words(a, buf)
		toks := token.Tokenize(a)
		if len(toks) != len(buf) {
			t.Fatalf("%q: %d words, tokenizer %d tokens", a, len(buf), len(toks))
		}
		for i, tk := range toks {
			if fold(tk.Key) != buf[i].key || (tk.Shape == token.Lower) != buf[i].lower || (tk.Shape == token.Upper) != buf[i].upper {
				t.Fatalf("%q: word %d is %+v, tokenizer %q shape %d", a, i, buf[i], tk.Key, tk.Shape)
			}
		}
	}
	if n < 50000 {
		t.Errorf("only %d plain names checked", n)
	}
}
