package quantity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
)

// benchText is the seed article when the shared corpus is beside the
// repository, else a paragraph of figures repeated.
func benchText(b *testing.B) string {
	if files, _ := filepath.Glob("../../../../shared/corpus/seed/*.txt"); len(files) > 0 {
		if data, err := os.ReadFile(files[0]); err == nil {
			return string(data)
		}
	}
	return strings.Repeat("Around 1,500 North Korean troops have already arrived in Russia, with 12,000 expected to be deployed in total. "+
		"It is low compared to the 30,000 or so Russian troops thought to be lost each month, on Oct 8 and 13 in 2022.\n\n", 20)
}

// BenchmarkFind measures Find alone, on an already segmented document.
func BenchmarkFind(b *testing.B) {
	text := benchText(b)
	d := segment.New(text, nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(d, nil)
	}
}
