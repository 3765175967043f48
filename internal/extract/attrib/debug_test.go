package attrib

import (
	"os"
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
)

func TestDebug(t *testing.T) {
	s := os.Getenv("ATTRIB_DEBUG")
	if s == "" {
		t.Skip()
	}
	s = strings.ReplaceAll(s, "|", "\n\n")
	d := segment.New(s, nil)
	r := Find(d, Input{})
	for _, c := range r.Claims {
		t.Logf("[%s|%s] <%s> %s", c.MentionText, r.Sources[c.Source].Name, c.Cue, c.ContentText(s))
	}
}
