package quantity

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
)

func find(text string) []Quantity {
	return Find(segment.New(text, nil), nil)
}

func num(v float64) *float64 { return &v }

// want is what a test expects of one quantity; nil pointers and empty
// strings are checked as absent.
type want struct {
	text       string
	value      *float64
	low, high  *float64
	approx     bool
	bound      string
	vague      bool
	alts       []float64
	unit       string
	what       string
	rate       string
	rhetorical bool
}

func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return math.Abs(*a-*b) <= 1e-9*math.Max(1, math.Abs(*b))
}

func show(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want want
	}{
		// Digits with separators.
		{"grouped", "Officials said 1,500 troops arrived.", want{text: "1,500", value: num(1500), what: "troops"}},
		{"space grouped", "Some said 12 000 soldiers had left.", want{text: "12 000", value: num(12000), what: "soldiers"}},
		{"decimal scale", "The army has 1.5 million reservists.", want{text: "1.5 million", value: num(1.5e6), what: "reservists"}},
		{"glued m", "The scheme costs 1.5m people their jobs.", want{text: "1.5m", value: num(1.5e6), what: "people"}},
		{"dollar bn", "It agreed a $5bn loan.", want{text: "$5bn", value: num(5e9), unit: "USD"}},
		{"indian lakh", "A crowd of 13 lakh pilgrims gathered.", want{text: "13 lakh", value: num(1.3e6), what: "pilgrims"}},
		// Number words.
		{"two thousand", "They sent two thousand soldiers.", want{text: "two thousand", value: num(2000), what: "soldiers"}},
		{"a dozen", "Police arrested a dozen protesters.", want{text: "a dozen", value: num(12), what: "protesters"}},
		{"a million", "A million people marched in Paris.", want{text: "A million", value: num(1e6), what: "people"}},
		{"hundred and fifty", "The ship carried three hundred and fifty passengers.", want{text: "three hundred and fifty", value: num(350), what: "passengers"}},
		{"half a million", "Half a million refugees crossed the border.", want{text: "Half a million", value: num(5e5), what: "refugees"}},
		{"hyphenated", "Twenty-six people died in the accident.", want{text: "Twenty-six", value: num(26), what: "people"}},
		{"one and a half million", "About one and a half million voters stayed home.", want{text: "About one and a half million", value: num(1.5e6), approx: true, what: "voters"}},
		// Approximations and bounds.
		{"around", "Around 1,500 North Korean troops have arrived.", want{text: "Around 1,500", value: num(1500), approx: true, what: "North Korean troops"}},
		{"about", "The camp holds about 3,000 people.", want{text: "about 3,000", value: num(3000), approx: true, what: "people"}},
		{"some", "Some 500 families fled.", want{text: "Some 500", value: num(500), approx: true, what: "families"}},
		{"or so", "It lost the 30,000 or so Russian troops.", want{text: "30,000 or so", value: num(30000), approx: true, what: "Russian troops"}},
		{"nearly", "Nearly 9,000 Soviets were trapped.", want{text: "Nearly 9,000", value: num(9000), high: num(9000), approx: true, bound: "max", what: "Soviets"}},
		{"almost", "It has almost 50,000 workers.", want{text: "almost 50,000", value: num(50000), high: num(50000), approx: true, bound: "max", what: "workers"}},
		{"roughly", "Roughly 200 tents were put up.", want{text: "Roughly 200", value: num(200), approx: true, what: "tents"}},
		{"more than", "More than 5,500 people were injured.", want{text: "More than 5,500", value: num(5500), low: num(5500), bound: "min", what: "people"}},
		{"over", "Police seized over 150 animals.", want{text: "over 150", value: num(150), low: num(150), bound: "min", what: "animals"}},
		{"at least", "At least 82 people were killed.", want{text: "At least 82", value: num(82), low: num(82), bound: "min", what: "people"}},
		{"up to", "Bush can call up to 200,000 reservists.", want{text: "up to 200,000", value: num(200000), high: num(200000), bound: "max", what: "reservists"}},
		{"fewer than", "Fewer than a thousand giant pandas live in the wild.", want{text: "Fewer than a thousand", value: num(1000), high: num(1000), bound: "max", what: "giant pandas"}},
		{"as many as", "It killed as many as 1.7 million Cambodians.", want{text: "as many as 1.7 million", value: num(1.7e6), high: num(1.7e6), bound: "max", what: "Cambodians"}},
		{"more than a dozen", "He was arrested more than a dozen times.", want{text: "more than a dozen", value: num(12), low: num(12), bound: "min", what: "times"}},
		{"small hedged", "At least three people were killed.", want{text: "At least three", value: num(3), low: num(3), bound: "min", what: "people"}},
		{"plus glued", "A 10,000-plus crowd gathered.", want{text: "10,000-plus", value: num(10000), low: num(10000), bound: "min", what: "crowd"}},
		{"strong", "A 10,000-strong force crossed.", want{text: "10,000-strong", value: num(10000), what: "force"}},
		// Ranges and alternatives.
		{"between", "Between 4,000 and 6,000 troops are there.", want{text: "Between 4,000 and 6,000", value: num(4000), low: num(4000), high: num(6000), what: "troops"}},
		{"hyphen range", "They count 4,000-6,000 troops.", want{text: "4,000-6,000", value: num(4000), low: num(4000), high: num(6000), what: "troops"}},
		{"from to", "Each cell has from 10 to 20 members.", want{text: "from 10 to 20", value: num(10), low: num(10), high: num(20), what: "members"}},
		{"or", "Whether the number of troops deployed is 10,000 or 12,000, it is low.", want{text: "10,000 or 12,000", value: num(10000), low: num(10000), high: num(12000), alts: []float64{10000, 12000}, what: "troops"}},
		{"scale carried", "It will cost $4-6bn over time.", want{text: "$4-6bn", value: num(4e9), low: num(4e9), high: num(6e9), unit: "USD"}},
		{"range percent", "A 15-20 percent cutback.", want{text: "15-20 percent", value: num(15), low: num(15), high: num(20), unit: "percent"}},
		// Vague amounts.
		{"dozens", "The video shows dozens of soldiers in uniform.", want{text: "dozens", vague: true, low: num(24), what: "soldiers"}},
		{"hundreds", "Hundreds of Cuban-Americans chanted.", want{text: "Hundreds", vague: true, low: num(200), what: "Cuban-Americans"}},
		{"thousands", "Thousands fled the city.", want{text: "Thousands", vague: true, low: num(2000)}},
		{"tens of thousands", "Tens of thousands of people rallied.", want{text: "Tens of thousands", vague: true, low: num(20000), what: "people"}},
		{"hundreds of thousands", "It displaced hundreds of thousands of people.", want{text: "hundreds of thousands", vague: true, low: num(200000), what: "people"}},
		{"scores", "Scores of trucks waited at the border.", want{text: "Scores", vague: true, low: num(40), what: "trucks"}},
		{"several thousand", "A rally of several thousand Cuban scientists.", want{text: "several thousand", vague: true, low: num(3000), what: "Cuban scientists"}},
		{"a few hundred", "A few hundred ethnic Albanians laid a wreath.", want{text: "A few hundred", vague: true, low: num(200), what: "ethnic Albanians"}},
		// Percentages.
		{"percent sign", "Turnout rose 20% this year.", want{text: "20%", value: num(20), unit: "percent"}},
		{"percent word", "Stocks fell 20 percent on Monday.", want{text: "20 percent", value: num(20), unit: "percent"}},
		{"per cent", "Inflation hit 20 per cent in May.", want{text: "20 per cent", value: num(20), unit: "percent"}},
		{"percentage points", "Clinton led by 5 percentage points.", want{text: "5 percentage points", value: num(5), unit: "percentage points"}},
		{"pc", "Shares rose 3pc yesterday.", want{text: "3pc", value: num(3), unit: "percent"}},
		// Money.
		{"pound m", "The deal was worth £4.2 million last year.", want{text: "£4.2 million", value: num(4.2e6), unit: "GBP"}},
		{"euro", "Tickets cost €300 each.", want{text: "€300", value: num(300), unit: "EUR"}},
		{"dollars word", "The plan costs 5 billion dollars.", want{text: "5 billion dollars", value: num(5e9), unit: "USD"}},
		{"roubles", "He was paid 2m roubles for it.", want{text: "2m roubles", value: num(2e6), unit: "RUB"}},
		{"us dollar", "Russia accepted a US$150 million loan.", want{text: "US$150 million", value: num(1.5e8), unit: "USD"}},
		{"australian dollars", "It raised 125 million Australian dollars in bonds.", want{text: "125 million Australian dollars", value: num(1.25e8), unit: "AUD"}},
		{"cents", "Shares fell 34 cents.", want{text: "34 cents", value: num(0.34), unit: "USD"}},
		{"swiss francs", "He was fined 10,000 Swiss francs.", want{text: "10,000 Swiss francs", value: num(10000), unit: "CHF"}},
		{"north korean won", "It paid 5 million North Korean won.", want{text: "5 million North Korean won", value: num(5e6), unit: "KPW"}},
		{"sign after", "Banknotes of 500 € were withdrawn.", want{text: "500 €", value: num(500), unit: "EUR"}},
		{"exceeded", "Losses exceeded 1,000 last year.", want{text: "exceeded 1,000", value: num(1000), low: num(1000), bound: "min"}},
		{"article not AUD", "A $5 million reward was offered.", want{text: "$5 million", value: num(5e6), unit: "USD"}},
		{"yen words", "They received five million yen from him.", want{text: "five million yen", value: num(5e6), unit: "JPY"}},
		// Units of measure.
		{"km glued", "The convoy stretched 10km along the road.", want{text: "10km", value: num(10), unit: "km"}},
		{"calibre", "He bought a 9mm handgun.", want{text: "9mm", value: num(9), unit: "mm"}},
		{"tonnes", "The ship carried 300 tonnes of grain.", want{text: "300 tonnes", value: num(300), unit: "tonnes", what: "grain"}},
		{"miles", "A town 130 miles east of here.", want{text: "130 miles", value: num(130), unit: "miles"}},
		{"pounds weight", "Police found more than 1,300 pounds of explosives.", want{text: "more than 1,300 pounds", value: num(1300), low: num(1300), bound: "min", unit: "lb", what: "explosives"}},
		// Rates.
		{"each month", "The 30,000 or so Russian troops thought to be lost fighting Ukraine each month.", want{text: "30,000 or so", value: num(30000), approx: true, what: "Russian troops", rate: "month"}},
		{"a day", "Some 20 veterans commit suicide a day.", want{text: "Some 20", value: num(20), approx: true, what: "veterans", rate: "day"}},
		{"per week", "The route adds nearly 700 seats per week.", want{text: "nearly 700", value: num(700), high: num(700), approx: true, bound: "max", what: "seats", rate: "week"}},
		{"every year", "More than 50,000 CDs are sold every year.", want{text: "More than 50,000", value: num(50000), low: num(50000), bound: "min", what: "CDs", rate: "year"}},
		{"annually", "It spends $5bn annually on defence.", want{text: "$5bn", value: num(5e9), unit: "USD", rate: "year"}},
		{"not a rate", "It lost 2,000 jobs a year ago.", want{text: "2,000", value: num(2000), what: "jobs"}},
		// What is counted, with an elided head.
		{"elided", "Around 1,500 North Korean troops have already arrived, with 12,000 expected to be deployed in total.", want{text: "12,000", value: num(12000), what: "North Korean troops"}},
		{"elided sentence before", "Russia sent 11,000 soldiers to the border. Another 2,000 followed.", want{text: "2,000", value: num(2000), what: "soldiers"}},
		{"first", "The first 2,600 troops will be sent to Kursk.", want{text: "2,600", value: num(2600), what: "troops"}},
		{"adjectives", "It said 10,000 North Korean soldiers could join.", want{text: "10,000", value: num(10000), what: "North Korean soldiers"}},
		{"participle", "Dozens of soldiers dressed in uniforms marched.", want{text: "Dozens", vague: true, low: num(24), what: "soldiers"}},
		{"more", "It covers 25 million more people.", want{text: "25 million", value: num(25e6), what: "people"}},
		// Counts that continue a count, and small counts in a tally.
		{"down from", "About 55 vessels remained on Sunday, down from 71 on June 13.", want{text: "71", value: num(71), what: "vessels"}},
		{"count noun", "Earlier this month, her agency put the number at 62.", want{text: "62", value: num(62)}},
		{"tally", "Observers counted about 90 military lorries and two trains leaving.", want{text: "two", value: num(2), what: "trains"}},
		// Rhetoric.
		{"million of them", "“There’s a million of them here, new reinforcements,” the person filming says.", want{text: "a million", value: num(1e6), rhetorical: true}},
		{"there must be", "“There must be a thousand boats out there,” a fisherman said.", want{text: "a thousand", value: num(1000), what: "boats", rhetorical: true}},
		{"thousand times", "I have told him a thousand times.", want{text: "a thousand", value: num(1000), what: "times", rhetorical: true}},
		{"million reasons", "There are a million reasons to stay.", want{text: "a million", value: num(1e6), what: "reasons", rhetorical: true}},
		{"exclamation", "“A thousand came over the hill!” he shouted.", want{text: "A thousand", value: num(1000), rhetorical: true}},
		{"hundred percent", "“I am a hundred percent sure,” she said.", want{text: "a hundred percent", value: num(100), unit: "percent", rhetorical: true}},
		{"not rhetoric", "A million people live in the city, officials said.", want{text: "A million", value: num(1e6), what: "people"}},
		{"zillion", "“We have a zillion problems,” he said.", want{text: "a zillion", vague: true, rhetorical: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := find(tt.in)
			var got *Quantity
			for i := range qs {
				if qs[i].Text == tt.want.text {
					got = &qs[i]
				}
			}
			if got == nil {
				var texts []string
				for _, q := range qs {
					texts = append(texts, q.Text)
				}
				t.Fatalf("no quantity %q in %q; got %q", tt.want.text, tt.in, texts)
			}
			w := tt.want
			if !sameFloat(got.Value, w.value) {
				t.Errorf("value = %v, want %v", show(got.Value), show(w.value))
			}
			if w.low != nil && !sameFloat(got.Low, w.low) || w.low == nil && got.Low != nil && !sameFloat(got.Low, got.Value) {
				t.Errorf("low = %v, want %v", show(got.Low), show(w.low))
			}
			if w.high != nil && !sameFloat(got.High, w.high) || w.high == nil && got.High != nil && !sameFloat(got.High, got.Value) {
				t.Errorf("high = %v, want %v", show(got.High), show(w.high))
			}
			if got.Approx != w.approx || got.Bound != w.bound || got.Vague != w.vague {
				t.Errorf("approx, bound, vague = %v %q %v, want %v %q %v", got.Approx, got.Bound, got.Vague, w.approx, w.bound, w.vague)
			}
			if !slices.Equal(got.Alternatives, w.alts) {
				t.Errorf("alternatives = %v, want %v", got.Alternatives, w.alts)
			}
			if got.Unit != w.unit || got.What != w.what || got.Rate != w.rate || got.Rhetorical != w.rhetorical {
				t.Errorf("unit, what, rate, rhetorical = %q %q %q %v, want %q %q %q %v", got.Unit, got.What, got.Rate, got.Rhetorical, w.unit, w.what, w.rate, w.rhetorical)
			}
			if tt.in[got.Start:got.End] != got.Text {
				t.Errorf("span %d-%d is %q, text %q", got.Start, got.End, tt.in[got.Start:got.End], got.Text)
			}
			if got.WhatSpan != nil && tt.in[got.WhatSpan.Start:got.WhatSpan.End] != got.What {
				t.Errorf("what span %v is %q, what %q", *got.WhatSpan, tt.in[got.WhatSpan.Start:got.WhatSpan.End], got.What)
			}
		})
	}
}

// TestFindNone lists numbers that are not quantities: years, days,
// ordinals, ages, times of day, durations, phone numbers, identifiers,
// pronouns and small counts nothing hedges.
func TestFindNone(t *testing.T) {
	for _, in := range []string{
		"Russia invaded Ukraine in 2022.",
		"The 2024 election was close.",
		"It was shipped between Oct 8 and 13.",
		"They will be sent by Nov 1.",
		"The summit opens on 18 October 2024.",
		"The meeting is on the 3rd of May.",
		"He was the first to arrive.",
		"It was her 3rd visit.",
		"A 45-year-old man was arrested.",
		"The suspect, aged 45, was held.",
		"John Smith, 45, said he saw it.",
		"He is 45 years old.",
		"The meeting starts at 10:30.",
		"It begins at 10 am on Friday.",
		"Call 555-1234 for details.",
		"Call +44 20 7946 0018 now.",
		"One of the soldiers was hurt.",
		"No one was hurt.",
		"Two officials said so.",
		"The talks lasted three weeks.",
		"He served for 12 years.",
		"The ceasefire held for 10 days.",
		"A three-day ceasefire began.",
		"Ukraine wants more F-16 jets.",
		"COVID-19 spread fast.",
		"He lives at No. 10 Downing Street.",
		"Article 5 was invoked.",
		"The G7 met in Italy.",
		"He upgraded to Windows 10 last year.",
		"The 1990s were calm.",
		"They won 3-1 on Sunday.",
		"Delegates voted 89-52 for a republic.",
		"The 9/11 attacks changed everything.",
		"In nineteen ninety-one he was convicted.",
		"The men appeared at 469 Vermont St. in Brownsville.",
		"Nearly eight of 10 voters say they will watch.",
		"About one of every nine voters is Latino.",
		"The child turns 18 next year.",
		"Emissions fell below 2005 levels.",
		"In fiscal 1989 sales rose.",
		"He said: one day we will win.",
		"He reached the retirement age of 65.",
		"Being 48 is too early to retire, he said.",
		"Two officials and one diplomat spoke.",
		"Which one do you prefer?",
		"Move your 401(k) now.",
		"Polls missed it. [538] says so.",
		"Declared 2016 Presidential Candidates",
		"Go to https://example.com/search?q=30%25%2020%.",
	} {
		if qs := find(in); len(qs) > 0 {
			var texts []string
			for _, q := range qs {
				texts = append(texts, q.Text)
			}
			t.Errorf("%q: got quantities %q, want none", in, texts)
		}
	}
}

// TestFindSkip checks that numbers inside spans an earlier stage read are
// left alone, and that header lines are not read.
func TestFindSkip(t *testing.T) {
	text := "10,000 troops arrived on 12 October."
	d := segment.New(text, nil)
	if qs := Find(d, []document.Span{{Start: 0, End: 6}}); len(qs) != 0 {
		t.Errorf("skip: got %d quantities, want 0", len(qs))
	}
	header := "Title\n\nBy 2,000 authors\n\nBody has 3,000 troops."
	h := strings.Index(header, "By")
	d = segment.New(header, []document.Span{{Start: h, End: h + len("By 2,000 authors")}})
	qs := Find(d, nil)
	if len(qs) != 1 || qs[0].Text != "3,000" {
		t.Errorf("header: got %+v, want only 3,000", qs)
	}
}

// TestSeed runs Find over the seed article's sentences and checks the
// figures the gold annotation holds, and that nothing else is a figure.
func TestSeedLike(t *testing.T) {
	text := `Video footage posted online shows dozens of soldiers dressed in military uniforms.

“There’s a million of them here, new reinforcements,” the person filming says in Russian.

Around 1,500 North Korean troops have already arrived in Russia, according to South Korea’s National Intelligence Service (NIS), with 12,000 expected to be deployed in total.

Seoul’s NIS said the troops had been transported to Russia on a Russian navy ship between Oct 8 and 13.

The move would mark the first official deployment of foreign troops on behalf of either side since Russia invaded Ukraine in 2022.

The first 2,600 troops will be sent to Russia’s Kursk region by Nov 1, Mr Budonav claimed.

Whether the number of troops deployed is 10,000 or 12,000, it is low compared to the 30,000 or so Russian troops thought to be lost fighting Ukraine each month.`
	var got []float64
	for _, q := range find(text) {
		if q.Value != nil {
			got = append(got, *q.Value)
		}
	}
	want := []float64{1e6, 1500, 12000, 2600, 10000, 30000}
	if !slices.Equal(got, want) {
		t.Errorf("values = %v, want %v", got, want)
	}
}
