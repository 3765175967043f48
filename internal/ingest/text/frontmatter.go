package text

import (
	"bytes"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck-dev/crosscheck/internal/document"
)

// maxFrontMatter bounds how far the closing "---" is looked for; a file
// that opens with a horizontal rule and never closes it is not front matter.
const maxFrontMatter = 64 << 10

// frontMatter holds the fields crosscheck reads from a YAML header, under
// the names static-site generators and note-taking tools use.
type frontMatter struct {
	Title       string  `yaml:"title"`
	Subtitle    string  `yaml:"subtitle"`
	Description string  `yaml:"description"`
	Standfirst  string  `yaml:"standfirst"`
	Date        string  `yaml:"date"`
	Published   string  `yaml:"published"`
	Publisher   string  `yaml:"publisher"`
	Source      string  `yaml:"source"`
	Site        string  `yaml:"site"`
	Author      authors `yaml:"author"`
	Authors     authors `yaml:"authors"`
	URL         string  `yaml:"url"`
	Link        string  `yaml:"link"`
	Language    string  `yaml:"language"`
	Lang        string  `yaml:"lang"`
}

// authors reads either one name or a list of names.
type authors []string

func (a *authors) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*a = authors{n.Value}
		return nil
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode {
				*a = append(*a, c.Value)
			} else if c.Kind == yaml.MappingNode {
				// authors: [{name: Jane Doe}]
				var p struct {
					Name string `yaml:"name"`
				}
				if c.Decode(&p) == nil && p.Name != "" {
					*a = append(*a, p.Name)
				}
			}
		}
	}
	return nil
}

// cutFrontMatter splits a leading "---" YAML block from src. A block that
// is not valid YAML still counts as front matter, so that its lines do not
// reach the article text, but yields no fields.
func cutFrontMatter(src []byte) (frontMatter, []byte, bool) {
	var fm frontMatter
	s := bytes.TrimPrefix(src, []byte("\uFEFF"))
	if !bytes.HasPrefix(s, []byte("---\n")) && !bytes.HasPrefix(s, []byte("---\r\n")) {
		return fm, src, false
	}
	_, s, _ = bytes.Cut(s, []byte("\n"))
	limit := min(len(s), maxFrontMatter)
	pos := 0
	for pos < limit {
		end := bytes.IndexByte(s[pos:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += pos
		}
		l := bytes.TrimRight(s[pos:end], " \t\r")
		if string(l) == "---" || string(l) == "..." {
			_ = yaml.Unmarshal(s[:pos], &fm)
			return fm, s[min(end+1, len(s)):], true
		}
		pos = end + 1
	}
	return fm, src, false
}

// apply copies the front matter's fields into d.
func (fm frontMatter) apply(d *document.Document) {
	d.Title = strings.TrimSpace(fm.Title)
	d.Standfirst = first(fm.Standfirst, fm.Subtitle, fm.Description)
	d.Publisher = first(fm.Publisher, fm.Source, fm.Site)
	d.URL = first(fm.URL, fm.Link)
	d.Language = first(fm.Language, fm.Lang)
	for _, a := range append(fm.Authors, fm.Author...) {
		if a = strings.TrimSpace(a); a != "" {
			d.Authors = append(d.Authors, a)
		}
	}
	if t, ok := frontMatterDate(first(fm.Published, fm.Date)); ok {
		d.Published = t
	}
}

// frontMatterDate reads the date forms front matter holds: RFC 3339 and
// YAML timestamps, and whatever a person writes in a date line.
func frontMatterDate(s string) (time.Time, bool) {
	s = strings.Trim(strings.TrimSpace(s), `"'`)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05 -07:00", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			// The calendar day where it was written, not in UTC.
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	return ParseDate(s)
}

func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
