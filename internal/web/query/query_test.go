package query

import (
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func TestClaims(t *testing.T) {
	q, _ := url.ParseQuery("speaker=Ellison&since=2025-03&until=2025-03&stance=denies&has_quantity=on&source=4&order=oldest&limit=20&offset=40")
	f, err := Claims(q)
	if err != nil {
		t.Fatal(err)
	}
	want := store.ClaimFilter{Speaker: "Ellison", Since: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC),
		Until: time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC), Stance: "denies", HasQuantity: true, SourceID: 4,
		Order: store.OrderOldest, Limit: 20, Offset: 40}
	if f != want {
		t.Errorf("Claims =\n%+v\nwant\n%+v", f, want)
	}
}

func TestBadParameters(t *testing.T) {
	for _, raw := range []string{
		"limit=0", "limit=100000", "limit=x", "offset=-1", "since=March", "until=2025-13",
		"stance=maybe", "kind=robot", "has_quantity=perhaps", "source=0", "document=abc", "order=name",
	} {
		q, _ := url.ParseQuery(raw)
		if _, err := Claims(q); !errors.Is(err, ErrBad) {
			t.Errorf("Claims(%s) err = %v, want ErrBad", raw, err)
		}
	}
	if _, err := Search(url.Values{}); !errors.Is(err, ErrBad) {
		t.Errorf("Search without q: err = %v, want ErrBad", err)
	}
}

func TestDay(t *testing.T) {
	for _, tc := range []struct {
		in   string
		end  bool
		want string
	}{
		{"2025-03-14", false, "2025-03-14"}, {"2025-03-14", true, "2025-03-14"},
		{"2024-02", true, "2024-02-29"}, {"2025", false, "2025-01-01"}, {"2025", true, "2025-12-31"},
	} {
		got, err := Day("since", tc.in, tc.end)
		if err != nil || store.Day(got) != tc.want {
			t.Errorf("Day(%q, end=%v) = %s, %v; want %s", tc.in, tc.end, store.Day(got), err, tc.want)
		}
	}
}
