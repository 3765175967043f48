package when

import (
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
)

// article is a made-up news story dense in temporal expressions (about 40
// in 3 KB), written for this benchmark.
var article = strings.Repeat(`Ministers met in Brussels on Thursday and will meet again next Monday, officials said.
The talks, which began in June, were expected to end by Nov 1 but could run into the first quarter of 2025.
Earlier this week, the agency said 1,500 soldiers had been moved between Oct 8 and 13, and a further 2,600 would follow by the end of the year.
Sales fell 4% in the third quarter from a year earlier, after two years of growth; the company said on Friday that output dropped to 30,000 tonnes a month.
Three days ago, a convoy left at 9am; the ministry said it had been planned since the spring of 2023, and that patrols run every day.

`, 4)

func BenchmarkFind(b *testing.B) {
	d := segment.New(article, nil)
	b.SetBytes(int64(len(article)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += len(Find(d, ref))
	}
	if n == 0 {
		b.Fatal("nothing found")
	}
}
