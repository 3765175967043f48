package html

import (
	"os"
	"testing"
)

// BenchmarkRead measures reading one article page.
func BenchmarkRead(b *testing.B) {
	src, err := os.ReadFile("testdata/seed-wrapped.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Read(src, Options{URL: "https://herald.example/a"}); err != nil {
			b.Fatal(err)
		}
	}
}
