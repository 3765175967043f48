package attrib_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
)

var update = flag.Bool("update", false, "rewrite the expected ledgers of testdata/golden/*.txtar from the engine's output")

// TestGolden runs the engine, through the whole extraction pipeline so that
// places, peoples and times are marked as in real use, over the cases of
// testdata/golden: one file per attribution phenomenon, each case an
// article NAME.in written for the test and its expected ledger NAME.want,
// one line per claim, source and note (see ledger). The files are the
// spec: with -update the ledgers are rewritten from the output, and every
// change must be read in the diff before it is committed.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ar := parseTxtar(data)
			changed := false
			for i, f := range ar.Files {
				name, ok := strings.CutSuffix(f.Name, ".in")
				if !ok {
					continue
				}
				w := i + 1
				if w >= len(ar.Files) || ar.Files[w].Name != name+".want" {
					if !*update {
						t.Errorf("%s: case %s has no %s.want right after it", file, name, name)
						continue
					}
					ar.Files = append(ar.Files[:w], append([]txtarFile{{Name: name + ".want"}}, ar.Files[w:]...)...)
				}
				got := ledger(string(f.Data))
				want := string(ar.Files[w].Data)
				if got == want {
					continue
				}
				if *update {
					ar.Files[w].Data = []byte(got)
					changed = true
					continue
				}
				t.Errorf("%s: case %s:\n%s", file, name, lineDiff(want, got))
			}
			for _, f := range ar.Files {
				if !strings.HasSuffix(f.Name, ".in") && !strings.HasSuffix(f.Name, ".want") {
					t.Errorf("%s: %s is neither a case (.in) nor a ledger (.want)", file, f.Name)
				}
			}
			if changed {
				if err := os.WriteFile(file, ar.format(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// ledger runs the pipeline over text and writes what a reader checks, one
// line each, in the engine's order:
//
//	claim: SPEAKER | MENTION | CUE | KIND | MODE | STANCE | CONTENT
//	source: NAME | KIND | ROLE | ACRONYM
//	note: KIND | BY | CUE | STATUS | CONTENT
//
// SPEAKER is the resolved source's name, MENTION the words used in the
// sentence, STANCE carries the hedges found in brackets; an empty field
// is "-" (a quotation that continues the last speaker has no mention and
// no cue).
func ledger(text string) string {
	r := extract.Run(&document.Document{Text: text}, extract.Options{})
	var b strings.Builder
	field := func(s string) string {
		s = strings.Join(strings.Fields(s), " ")
		if s == "" {
			return "-"
		}
		return s
	}
	for _, c := range r.Claims {
		mention := c.Speaker.Mention
		if c.Speaker.Span == (document.Span{}) {
			mention = ""
		}
		stance := c.Stance
		if len(c.Hedges) > 0 {
			stance += " (" + strings.Join(c.Hedges, ", ") + ")"
		}
		b.WriteString("claim: " + strings.Join([]string{field(c.Speaker.Name), field(mention), field(c.Cue), field(c.Kind),
			field(c.Mode), field(stance), field(c.Content)}, " | ") + "\n")
	}
	for _, s := range r.Sources {
		b.WriteString("source: " + strings.Join([]string{field(s.Name), field(s.Kind), field(s.Role), field(s.Acronym)}, " | ") + "\n")
	}
	for _, n := range r.Notes {
		b.WriteString("note: " + strings.Join([]string{field(n.Kind), field(n.By), field(n.Cue), field(n.Status), field(n.Content)}, " | ") + "\n")
	}
	return b.String()
}

// lineDiff shows the lines only one of want and got has.
func lineDiff(want, got string) string {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
			if l != "" {
				m[l]++
			}
		}
		return m
	}
	w, g := count(want), count(got)
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSuffix(want, "\n"), "\n") {
		if l != "" && w[l] > g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if l != "" && g[l] > w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	if b.Len() == 0 {
		b.WriteString("same lines in another order:\nwant:\n" + want + "got:\n" + got)
	}
	return b.String()
}

// The txtar format (golang.org/x/tools/txtar, which this module does not
// require): a free-text comment, then files, each opened by a line
// "-- NAME --" and holding the lines up to the next such line.

type txtarFile struct {
	Name string
	Data []byte
}

type txtarArchive struct {
	Comment []byte
	Files   []txtarFile
}

func parseTxtar(data []byte) *txtarArchive {
	ar := &txtarArchive{}
	cur := &ar.Comment
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		if name, ok := txtarMarker(line); ok {
			ar.Files = append(ar.Files, txtarFile{Name: name})
			cur = &ar.Files[len(ar.Files)-1].Data
			continue
		}
		*cur = append(*cur, line...)
	}
	return ar
}

// txtarMarker reports whether line is a file marker and returns its name.
func txtarMarker(line []byte) (string, bool) {
	s := strings.TrimRight(string(line), "\r\n")
	if !strings.HasPrefix(s, "-- ") || !strings.HasSuffix(s, " --") || len(s) < 7 {
		return "", false
	}
	name := strings.TrimSpace(s[3 : len(s)-3])
	return name, name != ""
}

func (ar *txtarArchive) format() []byte {
	var b bytes.Buffer
	b.Write(withNewline(ar.Comment))
	for _, f := range ar.Files {
		b.WriteString("-- " + f.Name + " --\n")
		b.Write(withNewline(f.Data))
	}
	return b.Bytes()
}

func withNewline(d []byte) []byte {
	if len(d) > 0 && d[len(d)-1] != '\n' {
		return append(d, '\n')
	}
	return d
}
