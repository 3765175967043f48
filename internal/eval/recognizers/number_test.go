package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNumberSuite runs the harness on a small spec file written here, in
// the specs' format, so that it is tested without the shared data.
func TestNumberSuite(t *testing.T) {
	dir := t.TempDir()
	spec := filepath.Join(dir, "Number", "English")
	if err := os.MkdirAll(spec, 0o755); err != nil {
		t.Fatal(err)
	}
	cases := "\ufeff" + `[
 {"Input": "1,500 troops and two thirds", "Results": [
   {"Text": "1,500", "TypeName": "number", "Resolution": {"subtype": "integer", "value": "1500"}, "Start": 0, "End": 4},
   {"Text": "two thirds", "TypeName": "number", "Resolution": {"subtype": "fraction", "value": "0.666666666666667"}, "Start": 17, "End": 26}]},
 {"Input": "the 180ml liquid", "Results": []},
 {"Input": "forty two", "Results": [{"Text": "forty", "TypeName": "number", "Resolution": {"value": "40"}, "Start": 0, "End": 4}]}
]`
	if err := os.WriteFile(filepath.Join(spec, "NumberModel.json"), []byte(cases), 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := run([]string{"-data", dir, "-only", "Number/English/NumberModel.json"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "2/3") {
		t.Errorf("want 2 of 3 right, got:\n%s", out.String())
	}
	if err := run(nil, &out); err == nil {
		t.Error("no -data: want an error")
	}
}

// TestRecognizers scores the real specs when RECOGNIZERS_DATA names their
// folder (../shared/data/recognizers-text-en); it reports, it does not
// fail on a share.
func TestRecognizers(t *testing.T) {
	dir := os.Getenv("RECOGNIZERS_DATA")
	if dir == "" {
		t.Skip("set RECOGNIZERS_DATA to the Recognizers-Text specs folder")
	}
	var out strings.Builder
	if err := run([]string{"-data", dir}, &out); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
}
