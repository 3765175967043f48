package ui

import (
	"net/url"
	"strconv"
)

// pager links the pages of a listing.
type pager struct {
	Prev, Next      string
	From, To, Total int
}

func newPager(u *url.URL, limit, offset, shown, total int) pager {
	p := pager{From: offset + 1, To: offset + shown, Total: total}
	if shown == 0 {
		p.From = offset
	}
	if offset > 0 {
		p.Prev = withQuery(u, "offset", strconv.Itoa(max(0, offset-limit)))
	}
	if offset+shown < total {
		p.Next = withQuery(u, "offset", strconv.Itoa(offset+limit))
	}
	return p
}
