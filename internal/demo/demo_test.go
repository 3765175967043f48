package demo

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestArticles(t *testing.T) {
	names := Names()
	if len(names) != 8 {
		t.Fatalf("want 8 demo articles, have %d: %v", len(names), names)
	}
	for i, n := range names {
		if i > 0 && day(names[i-1]) > day(n) {
			t.Errorf("Names not in publication order: %v", names)
		}
		text, err := Read(n)
		if err != nil {
			t.Fatal(err)
		}
		if w := len(strings.Fields(text)); w < 250 || w > 600 {
			t.Errorf("%s: %d words, want 250-600", n, w)
		}
		// the annotated copy must be the same text, byte for byte
		copyText, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", "demo", n))
		if err != nil {
			t.Errorf("%s: no annotated copy: %v", n, err)
		} else if string(copyText) != text {
			t.Errorf("%s: testdata/corpus/demo copy differs from internal/demo/articles", n)
		}
	}
}

// gold is the part of the gold format (shared/eval/FORMAT.md) that these checks read.
type gold struct {
	Document struct {
		File      string   `json:"file"`
		Published string   `json:"published"`
		Authors   []string `json:"authors"`
	} `json:"document"`
	Sources []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
		Type    string   `json:"type"`
	} `json:"sources"`
	Claims []struct {
		ID             string     `json:"id"`
		Speaker        string     `json:"speaker"`
		SpeakerMention *string    `json:"speaker_mention"`
		Cue            *string    `json:"cue"`
		Mode           string     `json:"mode"`
		Content        string     `json:"content"`
		Parts          []string   `json:"parts"`
		Quantities     []float64  `json:"quantities"`
		Times          [][]string `json:"times"`
	} `json:"claims"`
	Neutral []struct {
		Content string `json:"content"`
	} `json:"neutral"`
	Times []struct {
		Text  string `json:"text"`
		Start string `json:"start"`
		End   string `json:"end"`
	} `json:"times"`
	Quantities []struct {
		Text     string   `json:"text"`
		Value    *float64 `json:"value"`
		Optional bool     `json:"optional"`
	} `json:"quantities"`
	Places []struct {
		Name    string `json:"name"`
		Country string `json:"country"`
	} `json:"places"`
}

// checkGold checks that a gold file agrees with its article: every claim
// part, mention, neutral item, time, quantity and place is in the text; every
// speaker is a listed source; days are ISO days in order.
func checkGold(t *testing.T, dir string, minWords, maxWords int) int {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var g gold
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		name := filepath.Base(p)
		b, err := os.ReadFile(filepath.Join(dir, strings.TrimSuffix(name, ".gold.json")+".txt"))
		if err != nil {
			t.Errorf("%s: no article beside it", name)
			continue
		}
		text := string(b)
		if w := len(strings.Fields(text)); w < minWords || w > maxWords {
			t.Errorf("%s: article has %d words, want %d-%d", name, w, minWords, maxWords)
		}
		if g.Document.File != strings.TrimSuffix(name, ".gold.json")+".txt" {
			t.Errorf("%s: document.file is %q", name, g.Document.File)
		}
		isDay(t, name, g.Document.Published)
		sources := map[string]bool{}
		for _, s := range g.Sources {
			sources[s.Name] = true
			switch s.Type {
			case "person", "organization", "anonymous", "publisher":
			default:
				t.Errorf("%s: source %q has type %q", name, s.Name, s.Type)
			}
		}
		values := map[float64]bool{}
		for _, q := range g.Quantities {
			if !strings.Contains(text, q.Text) {
				t.Errorf("%s: quantity %q not in the text", name, q.Text)
			}
			if q.Value != nil {
				values[*q.Value] = true
			} else if !q.Optional {
				t.Errorf("%s: vague quantity %q must be optional", name, q.Text)
			}
		}
		times := map[string][2]string{}
		for _, tm := range g.Times {
			if !strings.Contains(text, tm.Text) {
				t.Errorf("%s: time %q not in the text", name, tm.Text)
			}
			isDay(t, name, tm.Start)
			isDay(t, name, tm.End)
			if tm.Start > tm.End {
				t.Errorf("%s: time %q starts after it ends", name, tm.Text)
			}
			times[tm.Text] = [2]string{tm.Start, tm.End}
		}
		for _, pl := range g.Places {
			if !strings.Contains(text, pl.Name) || len(pl.Country) != 2 {
				t.Errorf("%s: place %+v", name, pl)
			}
		}
		ids := map[string]bool{}
		for _, c := range g.Claims {
			if ids[c.ID] {
				t.Errorf("%s: duplicate claim id %s", name, c.ID)
			}
			ids[c.ID] = true
			if !sources[c.Speaker] {
				t.Errorf("%s %s: speaker %q is not a source", name, c.ID, c.Speaker)
			}
			if c.SpeakerMention != nil && !strings.Contains(text, *c.SpeakerMention) {
				t.Errorf("%s %s: mention %q not in the text", name, c.ID, *c.SpeakerMention)
			}
			if c.Cue != nil && !strings.Contains(strings.ToLower(text), strings.ToLower(*c.Cue)) {
				t.Errorf("%s %s: cue %q not in the text", name, c.ID, *c.Cue)
			}
			if c.Mode != "direct" && c.Mode != "indirect" && c.Mode != "mixed" {
				t.Errorf("%s %s: mode %q", name, c.ID, c.Mode)
			}
			if len(c.Parts) == 0 || c.Content != strings.Join(c.Parts, " … ") {
				t.Errorf("%s %s: content is not its parts joined", name, c.ID)
			}
			for _, part := range c.Parts {
				if !strings.Contains(text, part) {
					t.Errorf("%s %s: part not in the text: %q", name, c.ID, part)
				}
			}
			for _, v := range c.Quantities {
				if !values[v] {
					t.Errorf("%s %s: quantity %v is not a document quantity", name, c.ID, v)
				}
			}
			for _, tm := range c.Times {
				if len(tm) != 3 || times[tm[0]] != [2]string{tm[1], tm[2]} {
					t.Errorf("%s %s: time %v does not match the document's times", name, c.ID, tm)
				}
			}
		}
		for _, n := range g.Neutral {
			if !strings.Contains(text, n.Content) {
				t.Errorf("%s: neutral item not in the text: %q", name, n.Content)
			}
		}
	}
	return len(paths)
}

func isDay(t *testing.T, file, s string) {
	t.Helper()
	if _, err := time.Parse("2006-01-02", s); err != nil {
		t.Errorf("%s: %q is not an ISO day", file, s)
	}
}

func TestDemoGold(t *testing.T) {
	if n := checkGold(t, filepath.Join("..", "..", "testdata", "corpus", "demo"), 250, 600); n != 8 {
		t.Errorf("want 8 gold files for the demo corpus, have %d", n)
	}
}

func TestReconcileCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "corpus", "reconcile")
	if n := checkGold(t, dir, 200, 400); n != 4 {
		t.Errorf("want 4 gold files in the reconcile corpus, have %d", n)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var exp struct {
		Sources []struct {
			Name    string `json:"name"`
			NamedAs []struct {
				File string `json:"file"`
				Text string `json:"text"`
			} `json:"named_as"`
		} `json:"sources"`
		Measures []struct {
			Measure   string `json:"measure"`
			Estimates []struct {
				Source   string `json:"source"`
				File     string `json:"file"`
				Said     string `json:"said"`
				Excluded bool   `json:"excluded"`
				Why      string `json:"why"`
			} `json:"estimates"`
		} `json:"measures"`
		Contradictions []json.RawMessage `json:"contradictions"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, s := range exp.Sources {
		known[s.Name] = true
		for _, n := range s.NamedAs {
			b, err := os.ReadFile(filepath.Join(dir, n.File))
			if err != nil || !strings.Contains(string(b), n.Text) {
				t.Errorf("source %q: %q not found in %s", s.Name, n.Text, n.File)
			}
		}
	}
	for _, m := range exp.Measures {
		for _, e := range m.Estimates {
			isDay(t, "expected.json", e.Said)
			if !known[e.Source] {
				t.Errorf("measure %q: unknown source %q", m.Measure, e.Source)
			}
			if e.Excluded && e.Why == "" {
				t.Errorf("measure %q: %s's estimate is excluded without a reason", m.Measure, e.Source)
			}
		}
	}
	if len(exp.Contradictions) == 0 {
		t.Error("expected.json lists no contradictions")
	}
}
