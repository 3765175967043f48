package cli

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/rivo/uniseg"
	"golang.org/x/term"
)

// The formats of a listing. JSON is for programs (one array of the store's
// rows, every field), CSV for spreadsheets (whole cells), table for a
// person at a terminal (cut to fit).
const (
	formatTable = "table"
	formatJSON  = "json"
	formatCSV   = "csv"
)

var listFormats = []string{formatTable, formatJSON, formatCSV}

// column is one column of a listing's table and CSV.
type column[T any] struct {
	// name heads the CSV column, and in capitals the table's unless
	// title is set.
	name  string
	title string
	value func(T) string
	// flex marks free text (titles, names, contents): such columns give up
	// width when the table is wider than the terminal, while ids, days and
	// counts keep theirs.
	flex bool
	// right aligns numbers.
	right bool
	// max caps the column's width in a table, however wide the terminal,
	// so that the text that matters (a claim's content, a title) gets
	// the room; 0 for no cap.
	max int
	// csvOnly columns are left out of the table, where they would crowd
	// out what a person reads (URLs, hashes, offsets).
	csvOnly bool
}

// writeListing writes items as JSON (one array, [] when empty), CSV (a
// header row, then a row per item) or a table at most width columns wide.
func writeListing[T any](w io.Writer, format string, width int, items []T, cols []column[T]) error {
	switch format {
	case formatJSON:
		if items == nil {
			items = []T{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(items)
	case formatCSV:
		cw := csv.NewWriter(w)
		row := make([]string, len(cols))
		for i, c := range cols {
			row[i] = c.name
		}
		cw.Write(row)
		for _, it := range items {
			for i, c := range cols {
				row[i] = c.value(it)
			}
			cw.Write(row)
		}
		cw.Flush()
		return cw.Error()
	}
	var shown []column[T]
	for _, c := range cols {
		if !c.csvOnly {
			shown = append(shown, c)
		}
	}
	t := table{header: make([]string, len(shown))}
	for i, c := range shown {
		t.header[i] = strings.ToUpper(cmp.Or(c.title, c.name))
		t.flex = append(t.flex, c.flex)
		t.right = append(t.right, c.right)
		t.max = append(t.max, c.max)
	}
	for _, it := range items {
		row := make([]string, len(shown))
		for i, c := range shown {
			row[i] = oneLine(c.value(it))
		}
		t.rows = append(t.rows, row)
	}
	return t.write(w, width)
}

// table is rows of cells laid out in aligned columns.
type table struct {
	header      []string
	rows        [][]string
	flex, right []bool
	max         []int
}

// gap is the space between two columns.
const gap = "  "

func (t *table) write(w io.Writer, width int) error {
	n := len(t.header)
	widths := make([]int, n)
	for i, h := range t.header {
		widths[i] = uniseg.StringWidth(h)
	}
	for _, row := range t.rows {
		for i, cell := range row {
			widths[i] = max(widths[i], uniseg.StringWidth(cell))
		}
	}
	for i, m := range t.max {
		if m > 0 {
			widths[i] = min(widths[i], max(m, uniseg.StringWidth(t.header[i])))
		}
	}
	if width > 0 {
		fit(widths, t.flex, width-len(gap)*(n-1))
	}
	var b strings.Builder
	line := func(cells []string) {
		b.Reset()
		for i, cell := range cells {
			cell = truncate(cell, widths[i])
			pad := strings.Repeat(" ", widths[i]-uniseg.StringWidth(cell))
			if t.right[i] {
				b.WriteString(pad + cell)
			} else {
				b.WriteString(cell + pad)
			}
			if i < n-1 {
				b.WriteString(gap)
			}
		}
		io.WriteString(w, strings.TrimRight(b.String(), " ")+"\n")
	}
	line(t.header)
	for _, row := range t.rows {
		line(row)
	}
	return nil
}

// fit shrinks the flex columns until the widths add up to at most total.
// Narrow flex columns keep their width and the wide ones share what is
// left, so a short speaker name is not cut to make room for a long claim.
func fit(widths []int, flex []bool, total int) {
	used, flexible := 0, 0
	for i, wd := range widths {
		used += wd
		if flex[i] {
			flexible++
		}
	}
	if used <= total || flexible == 0 {
		return
	}
	room := total
	var wide []int
	for i, wd := range widths {
		if !flex[i] {
			room -= wd
		} else {
			wide = append(wide, i)
		}
	}
	// Water-filling: a column narrower than its fair share keeps its
	// width and the rest is shared again among the others.
	for len(wide) > 0 {
		share := room / len(wide)
		var still []int
		for _, i := range wide {
			if widths[i] <= share {
				room -= widths[i]
			} else {
				still = append(still, i)
			}
		}
		if len(still) == len(wide) {
			for k, i := range still {
				widths[i] = max(1, share)
				if k < room%len(still) {
					widths[i]++
				}
			}
			return
		}
		wide = still
	}
}

// truncate cuts s to width display columns, ending it with an ellipsis
// when something was cut.
func truncate(s string, width int) string {
	if uniseg.StringWidth(s) <= width {
		return s
	}
	if width <= 0 {
		return ""
	}
	var b strings.Builder
	used := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		wd := g.Width()
		if used+wd > width-1 {
			break
		}
		b.WriteString(g.Str())
		used += wd
	}
	return strings.TrimRight(b.String(), " ") + "…"
}

// oneLine puts a cell on one line: a table row holds one line per item.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// outputWidth is how wide a table may be: the terminal's width, else
// $COLUMNS, else 120, a width most windows and pagers show whole.
func outputWidth(env Env) int {
	if f, ok := env.Stdout.(*os.File); ok && isTerminal(f) {
		if wd, _, err := term.GetSize(int(f.Fd())); err == nil && wd > 0 {
			return wd
		}
	}
	if n, err := strconv.Atoi(env.getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 120
}
