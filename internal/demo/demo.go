// Package demo holds the demo corpus: eight short news articles about an
// invented border crisis between the Republic of Valdoria and Morvenia,
// written for crosscheck. Every country, place, organisation and person in
// them is fictional (see articles/README.md). Commands, examples and tests
// use them as a ready-made corpus; hand annotations of the same articles are
// in testdata/corpus/demo.
package demo

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed articles/*.txt
var files embed.FS

// FS returns the articles as a file system whose root holds the .txt files.
func FS() fs.FS {
	sub, err := fs.Sub(files, "articles")
	if err != nil {
		panic(err) // the embedded directory is always there
	}
	return sub
}

// Names lists the article file names, in publication order (each name starts
// with the outlet and then the day, so sorting by the day part orders them).
func Names() []string {
	entries, _ := fs.ReadDir(FS(), ".")
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Slice(names, func(i, j int) bool { return day(names[i]) < day(names[j]) })
	return names
}

// Read returns the text of one article by file name.
func Read(name string) (string, error) {
	b, err := fs.ReadFile(FS(), name)
	return string(b), err
}

// day returns the "2025-03-03" part of "meridian-2025-03-03-border-buildup.txt".
func day(name string) string {
	for i := 0; i+10 <= len(name); i++ {
		if name[i] >= '0' && name[i] <= '9' && i+4 < len(name) && name[i+4] == '-' {
			return name[i : i+10]
		}
	}
	return name
}
