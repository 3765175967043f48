package text

import (
	"os"
	"testing"
)

// BenchmarkRead measures reading one pasted article, header and all.
func BenchmarkRead(b *testing.B) {
	src, err := os.ReadFile("testdata/header/seed-shape.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Read(src, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}
