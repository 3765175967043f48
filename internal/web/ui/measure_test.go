package ui

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
)

func fp(v float64) *float64 { return &v }

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

// seedMeasure is the seed article's measure as the issue describes it:
// 10,000 (Zelensky), 11,000 (Budanov), 12,000 (the NIS), and "a million"
// set aside as rhetoric.
func seedMeasure() *store.Measure {
	est := func(id int64, v float64, src string, srcID int64, said string, excluded bool, why string) store.Estimate {
		return store.Estimate{ID: id, Value: fp(v), Text: chartNumber(v), Kind: store.EstimateReported, SaidOn: day(said), AsOf: day(said),
			Source: store.SourceRef{ID: srcID, Name: src}, Document: store.DocumentRef{ID: 1, Title: "North Korean troops", Publisher: "The Telegraph"},
			Claim: store.ClaimRef{ID: id, Content: "figure " + src}, Excluded: excluded, Why: why, Latest: !excluded}
	}
	m := &store.Measure{ID: 7, Name: "North Korean troops expected in Russia", Outlook: "expected", Range: &store.Range{Low: 10000, High: 12000},
		Sources: 3, Count: 5, FirstSaid: day("2024-10-14"), LastSaid: day("2024-10-18")}
	m.Estimates = []store.Estimate{
		est(1, 10000, "Volodymyr Zelensky", 11, "2024-10-14", false, ""),
		est(2, 11000, "Kyrylo Budanov", 12, "2024-10-17", false, ""),
		est(3, 12000, "National Intelligence Service", 13, "2024-10-18", false, ""),
		est(4, 1e6, "the person filming", 0, "2024-10-18", true, "rhetoric: “a million of them”"),
	}
	ranged := est(5, 10000, "an analyst", 14, "2024-10-16", false, "")
	ranged.Low, ranged.High = fp(10000), fp(12000)
	m.Estimates = append(m.Estimates, ranged)
	m.Contradictions = []store.Relation{{Kind: store.RelationContradiction, Between: [2]store.SourceRef{{Name: "Kyrylo Budanov"}, {Name: "National Intelligence Service"}}, What: "11,000 against 12,000"}}
	return m
}

func chartNumber(v float64) string { return figure(v) }

func TestLayMeasure(t *testing.T) {
	d := layMeasure(seedMeasure())
	if len(d.Series) != 4 || len(d.Aside) != 1 || d.Kept != 4 || d.Undated != 0 {
		t.Fatalf("series %d, aside %d, kept %d, undated %d", len(d.Series), len(d.Aside), d.Kept, d.Undated)
	}
	c := d.Chart
	if c.Empty || len(c.Marks) != 5 || c.Band == nil || c.BandLabel != "10,000–12,000" {
		t.Fatalf("chart: %+v", c)
	}
	var offScale, ranges int
	for _, m := range c.Marks {
		if m.OffScale {
			offScale++
			if !m.Excluded || m.Value != "1 million" {
				t.Errorf("the million should be set aside, off the scale: %+v", m)
			}
		}
		if m.Range {
			ranges++
		}
		if m.Href == "" || m.Label == "" {
			t.Errorf("a mark without a link or a label: %+v", m)
		}
	}
	if offScale != 1 || ranges != 1 {
		t.Errorf("%d marks off scale, %d ranges; want 1 and 1", offScale, ranges)
	}
	if d.Small.Empty || len(d.Small.Marks) != 5 || d.Small.Width >= c.Width {
		t.Errorf("the phone's chart: %+v", d.Small)
	}
}

func TestEstimateFigure(t *testing.T) {
	for _, tc := range []struct {
		e    store.Estimate
		want string
	}{
		{store.Estimate{Value: fp(9500), Approx: true}, "≈ 9,500"},
		{store.Estimate{Value: fp(10000), Low: fp(10000), High: fp(12000)}, "10,000–12,000"},
		{store.Estimate{Value: fp(10000), Bound: "min"}, "more than 10,000"},
		{store.Estimate{Value: fp(40000), Bound: "max"}, "up to 40,000"},
		{store.Estimate{Kind: store.EstimateDenial, Value: fp(0)}, "none: a denial"},
		{store.Estimate{Text: "dozens"}, "dozens"},
	} {
		if got := estimateFigure(tc.e); got != tc.want {
			t.Errorf("estimateFigure(%+v) = %q, want %q", tc.e, got, tc.want)
		}
	}
}

func TestMeasurePageRenders(t *testing.T) {
	u := newUI(t, demoStore(t))
	w := httptest.NewRecorder()
	p := &page{Title: "m", Nav: "measures", URL: &url.URL{Path: "/measures/7"}, Who: access.Who{Local: true}, Data: layMeasure(seedMeasure())}
	if err := u.tpl.render(w, 200, "measure", p); err != nil {
		t.Fatal(err)
	}
	body := w.Body.String()
	for _, want := range []string{
		`id="measure-chart"`, `id="measure-chart-small"`, `class="band"`, `class="mark s0"`, `class="mark s0 ex"`, "1 million ↑",
		"10,000–12,000", "rhetoric: “a million of them”", "set aside", "11,000 against 12,000", `href="/timeline?measure=7"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the measure page lacks %q", want)
		}
	}
	if n := strings.Count(body, `<tr class="`); n != 5 {
		t.Errorf("%d rows in the table of figures, want 5", n)
	}
}
