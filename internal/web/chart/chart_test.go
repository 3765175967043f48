package chart

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestLay(t *testing.T) {
	in := Input{
		Series: []string{"Zelensky", "Budanov", "NIS", "a person filming"},
		Estimates: []Estimate{
			{Day: day("2024-10-14"), Value: 10000, Series: 0},
			{Day: day("2024-10-17"), Value: 11000, Series: 1},
			{Day: day("2024-10-18"), Value: 12000, Low: 10000, High: 12000, Series: 2},
			{Day: day("2024-10-18"), Value: 1e6, Series: 3, Excluded: true, Label: "rhetoric"},
		},
		Band: &Band{10000, 12000},
	}
	l := Lay(in, 640, 300)
	if l.Empty || len(l.Marks) != 4 {
		t.Fatalf("layout: empty %v, %d marks", l.Empty, len(l.Marks))
	}
	// The excluded million is drawn first (under the others) and off the
	// scale, which the three estimates set.
	if m := l.Marks[0]; !m.Excluded || !m.OffScale || m.Value != "1 million" || m.Y != l.Plot.Y {
		t.Errorf("first mark = %+v, want the excluded million on the top edge", m)
	}
	for _, m := range l.Marks[1:] {
		if m.Y < l.Plot.Y || m.Y > l.Plot.Y+l.Plot.H {
			t.Errorf("mark %+v outside the plot %+v", m, l.Plot)
		}
	}
	if !l.Marks[3].Range || l.Marks[3].Y1 >= l.Marks[3].Y2 {
		t.Errorf("range mark = %+v, want a bar from 12,000 down to 10,000", l.Marks[3])
	}
	if l.Marks[1].X >= l.Marks[2].X {
		t.Errorf("marks not in time order: %v then %v", l.Marks[1].X, l.Marks[2].X)
	}
	if l.Band == nil || l.BandLabel != "10,000–12,000" {
		t.Errorf("band %+v %q", l.Band, l.BandLabel)
	}
	if len(l.XTicks) < 2 || len(l.YTicks) < 3 {
		t.Errorf("ticks: %d on x, %d on y", len(l.XTicks), len(l.YTicks))
	}
}

func TestLayEmptyAndSingle(t *testing.T) {
	if l := Lay(Input{}, 400, 200); !l.Empty {
		t.Error("no estimates should give an empty layout")
	}
	l := Lay(Input{Estimates: []Estimate{{Day: day("2025-03-03"), Value: 8000}}}, 400, 200)
	if l.Empty || len(l.Marks) != 1 || len(l.YTicks) == 0 || len(l.XTicks) == 0 {
		t.Errorf("one estimate: %+v", l)
	}
}

func TestNumber(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0", 150: "150", 9500: "9,500", 12500: "12,500", 1e6: "1 million", 2.5e6: "2.5 million",
		1234567: "1,234,567", 2.5: "2.5", -3000: "−3,000", 10: "10", 1.1e9: "1.1 billion", 2e9: "2 billion",
	} {
		if got := Number(v); got != want {
			t.Errorf("Number(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestDayTicks(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		n        int
	}{
		{"2025-03-01", "2025-03-05", 6},
		{"2025-02-25", "2025-04-15", 6},
		{"2023-01-01", "2025-04-15", 6},
	} {
		ticks := dayTicks(day(tc.from), day(tc.to), tc.n)
		if len(ticks) < 2 || len(ticks) > 2*tc.n+1 {
			t.Errorf("%s..%s: %d ticks %v", tc.from, tc.to, len(ticks), ticks)
		}
	}
}
