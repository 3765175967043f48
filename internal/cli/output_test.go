package cli

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/rivo/uniseg"
)

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"Mara Ellison", 20, "Mara Ellison"},
		{"Mara Ellison", 12, "Mara Ellison"},
		{"Mara Ellison", 8, "Mara El…"},
		{"Mara Ellison", 6, "Mara…"}, // no space before the ellipsis
		{"Zoë Ålander", 5, "Zoë…"},
		{"北朝鮮の部隊", 7, "北朝鮮…"}, // wide characters count two columns
		{"abc", 0, ""},
	} {
		got := truncate(tc.in, tc.width)
		if got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
		if w := uniseg.StringWidth(got); w > tc.width {
			t.Errorf("truncate(%q, %d) is %d columns wide", tc.in, tc.width, w)
		}
	}
}

func TestFit(t *testing.T) {
	for _, tc := range []struct {
		widths []int
		flex   []bool
		total  int
		want   []int
	}{
		// Fits already: nothing changes.
		{[]int{3, 10, 40}, []bool{false, true, true}, 60, []int{3, 10, 40}},
		// The narrow flex column keeps its width; the wide one gives.
		{[]int{3, 10, 80}, []bool{false, true, true}, 60, []int{3, 10, 47}},
		// Two wide ones share.
		{[]int{3, 50, 80}, []bool{false, true, true}, 60, []int{3, 29, 28}},
		// Too narrow for anything: still within the total.
		{[]int{10, 50, 80}, []bool{false, true, true}, 14, []int{10, 2, 2}},
	} {
		got := slices.Clone(tc.widths)
		fit(got, tc.flex, tc.total)
		if !slices.Equal(got, tc.want) {
			t.Errorf("fit(%v, %v, %d) = %v, want %v", tc.widths, tc.flex, tc.total, got, tc.want)
		}
	}
}

func TestWriteListing(t *testing.T) {
	type row struct{ id, text string }
	cols := []column[row]{
		{name: "id", value: func(r row) string { return r.id }, right: true},
		{name: "text", value: func(r row) string { return r.text }, flex: true},
		{name: "note", value: func(row) string { return "csv only" }, csvOnly: true},
	}
	rows := []row{{"1", "short"}, {"22", "a \"quoted\", comma-separated\nline that goes on and on"}}

	var b bytes.Buffer
	if err := writeListing(&b, formatCSV, 0, rows, cols); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[2][1] != rows[1].text || recs[0][2] != "note" {
		t.Errorf("csv does not keep cells whole: %q", recs)
	}

	b.Reset()
	if err := writeListing(&b, formatTable, 24, rows, cols); err != nil {
		t.Fatal(err)
	}
	want := "ID  TEXT\n" +
		" 1  short\n" +
		"22  a \"quoted\", comma-s…\n"
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}

	b.Reset()
	if err := writeListing(&b, formatJSON, 0, []row(nil), cols); err != nil || b.String() != "[]\n" {
		t.Errorf("json of nothing: %q, %v; want []", b.String(), err)
	}
	if strings.Contains(b.String(), "null") {
		t.Error("json of nothing is null")
	}
}
