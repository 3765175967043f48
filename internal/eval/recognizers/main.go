// Command recognizers scores crosscheck's number and date readers on the
// English specification cases of Microsoft Recognizers-Text (MIT), read
// from the folder that holds them; the cases are not copied into the
// project:
//
//	go run ./internal/eval/recognizers -data ../shared/data/recognizers-text-en
//
// It prints, for each spec file, the share of cases read right (every
// expected result found with its text and value, and nothing else), then
// the share per family (Number, NumberWithUnit, DateTime) and overall.
//
// Each reader adds its spec files from a file of its own, in an init
// function: register(Suite{File: "Number/English/NumberModel.json", Check:
// ...}). number.go holds the number reader's; the date reader's go beside.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Case is one specification case.
type Case struct {
	Input   string
	Context struct {
		ReferenceDateTime string
	}
	Results []Result
	// NotSupported lists the platforms of Recognizers-Text where the case
	// fails ("dotnet, javascript, python"); informative only.
	NotSupported         string
	NotSupportedByDesign string
}

// Result is one expected finding of a case. End is inclusive, in
// characters. Resolution is left raw: each reader decodes its own kind.
type Result struct {
	Text       string
	Start, End int
	TypeName   string
	Resolution json.RawMessage
}

// Suite scores one spec file. Check reports whether crosscheck reads a
// case right and, when it does not, what it read instead.
type Suite struct {
	File  string // path under the data folder, "Number/English/NumberModel.json"
	Check func(c Case) (ok bool, got string)
}

var suites []Suite

// register adds suites; readers call it from init functions.
func register(s ...Suite) { suites = append(suites, s...) }

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "recognizers:", err)
		os.Exit(1)
	}
}

// tally counts cases read right.
type tally struct{ right, total int }

func (t tally) String() string {
	share := 0.0
	if t.total > 0 {
		share = float64(t.right) / float64(t.total)
	}
	return fmt.Sprintf("%5d/%-5d %6.1f%%", t.right, t.total, 100*share)
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("recognizers", flag.ContinueOnError)
	data := fs.String("data", "", "folder of the Recognizers-Text English specs (holds Number/, NumberWithUnit/, DateTime/)")
	only := fs.String("only", "", "score only spec files whose path contains this")
	misses := fs.Int("misses", 0, "print up to this many misses per file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *data == "" {
		return errors.New("no -data folder: give the folder of the Recognizers-Text specs, e.g. -data ../shared/data/recognizers-text-en")
	}
	slices.SortFunc(suites, func(a, b Suite) int { return strings.Compare(a.File, b.File) })
	families := map[string]*tally{}
	var order []string
	var all tally
	for _, s := range suites {
		if *only != "" && !strings.Contains(s.File, *only) {
			continue
		}
		cases, err := load(filepath.Join(*data, filepath.FromSlash(s.File)))
		if err != nil {
			return err
		}
		var t tally
		shown := 0
		for _, c := range cases {
			t.total++
			ok, got := s.Check(c)
			if ok {
				t.right++
			} else if shown < *misses {
				shown++
				fmt.Fprintf(w, "  miss %q\n    want %s\n    got  %s\n", c.Input, want(c), got)
			}
		}
		fmt.Fprintf(w, "%-58s %s\n", s.File, t)
		fam := strings.SplitN(s.File, "/", 2)[0]
		if families[fam] == nil {
			families[fam] = &tally{}
			order = append(order, fam)
		}
		families[fam].right += t.right
		families[fam].total += t.total
		all.right += t.right
		all.total += t.total
	}
	for _, f := range order {
		fmt.Fprintf(w, "%-58s %s\n", f+" (all files)", *families[f])
	}
	fmt.Fprintf(w, "%-58s %s\n", "overall", all)
	return nil
}

// load reads a spec file: a JSON array of cases, UTF-8 with a BOM.
func load(path string) ([]Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read spec file: %w", err)
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var cases []Case
	if err := json.Unmarshal(b, &cases); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cases, nil
}

// want renders a case's expected results for a miss report.
func want(c Case) string {
	var parts []string
	for _, r := range c.Results {
		parts = append(parts, fmt.Sprintf("%q %s", r.Text, r.Resolution))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
