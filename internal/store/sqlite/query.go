package sqlite

import (
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// conds gathers the conditions of a WHERE clause and their arguments, so
// that filters compose without string surgery.
type conds struct {
	list []string
	args []any
}

func (c *conds) add(cond string, args ...any) {
	c.list = append(c.list, cond)
	c.args = append(c.args, args...)
}

func (c *conds) where() string {
	if len(c.list) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(c.list, " AND ")
}

// limit renders LIMIT and OFFSET; a limit of 0 means all rows (SQLite reads
// a negative limit as none).
func limit(lim, off int) string {
	if lim <= 0 {
		lim = -1
	}
	return " LIMIT " + strconv.Itoa(lim) + " OFFSET " + strconv.Itoa(off)
}

// ftsMatch renders a parsed query in FTS5's syntax. Every word goes inside
// double quotes (letters and digits only, so nothing needs escaping), which
// keeps FTS5's operators and column filters out of reach of what a user
// types.
func ftsMatch(q store.Query) string {
	term := func(t store.Term) string {
		s := `"` + strings.Join(t.Words, " ") + `"`
		if t.Prefix {
			s += " *"
		}
		return s
	}
	group := func(ts []store.Term) string {
		parts := make([]string, len(ts))
		for i, t := range ts {
			parts[i] = term(t)
		}
		if len(parts) == 1 {
			return parts[0]
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	}
	all := make([]string, len(q.All))
	for i, g := range q.All {
		all[i] = group(g)
	}
	s := strings.Join(all, " AND ")
	if len(q.Not) > 0 {
		s = "(" + s + ") NOT " + group(q.Not)
	}
	return s
}

// ftsQuery parses a user's search and renders it for MATCH.
func ftsQuery(s string) (string, error) {
	q, err := store.ParseQuery(s)
	if err != nil {
		return "", err
	}
	return ftsMatch(q), nil
}
