package ui

import (
	"cmp"
	"context"
	"math"
	"net/http"
	"slices"
	"sync"

	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/geo"
)

// mapData is the map page: the base map, a circle per place sized by the
// claims that name it, and the same places as a table.
type mapData struct {
	Width, Height float64
	Countries     []mapCountry
	Places        []placeCount
	// Scanned and Total count the claims read and all claims; the map
	// reads at most mapClaims of them.
	Scanned, Total int
}

type mapCountry struct {
	Name, Path string
	Mentioned  bool
}

// placeCount is one place and how often claims name it.
type placeCount struct {
	Name, Country, CountryName, Kind string
	Lat, Lon                         float64
	Claims, Documents                int
	// X, Y and R place its circle on the map; Label is set for the
	// places named on the map itself (the busiest few).
	X, Y, R float64
	Label   bool
}

// mapClaims bounds the claims the map reads, so that the page stays quick
// on a large store; the page says when it is reached.
const mapClaims = 50_000

// placeCache keeps the places counted for one state of the store: the map
// is read far more often than documents are added.
type placeCache struct {
	mu      sync.Mutex
	key     store.Stats
	places  []placeCount
	scanned int
}

// worldMap serves GET /map.
func (u *UI) worldMap(w http.ResponseWriter, r *http.Request, who access.Who) {
	base, err := geo.Base()
	if err != nil {
		u.serverError(w, r, err)
		return
	}
	st, err := u.Store.Stats(r.Context())
	if err != nil {
		u.fail(w, r, err)
		return
	}
	places, scanned, err := u.countPlaces(r.Context(), st)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := mapData{Width: base.Width, Height: base.Height, Places: places, Scanned: scanned, Total: st.Claims}
	mentioned := map[string]bool{}
	for _, p := range places {
		mentioned[p.Country] = true
	}
	for _, c := range base.Countries {
		d.Countries = append(d.Countries, mapCountry{Name: c.Name, Path: c.Path, Mentioned: c.Code != "" && mentioned[c.Code]})
	}
	u.render(w, r, http.StatusOK, "map", u.newPage(r, who, "Map", "map", d))
}

// countPlaces counts the claims naming each place, from the cache when the
// store has not changed.
func (u *UI) countPlaces(ctx context.Context, st store.Stats) ([]placeCount, int, error) {
	c := &u.places
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.places != nil && c.key == st {
		return c.places, c.scanned, nil
	}
	type key struct{ name, country string }
	counts := map[key]*placeCount{}
	docs := map[key]map[int64]bool{}
	scanned := 0
	const pageSize = 1000
	for offset := 0; offset < mapClaims; offset += pageSize {
		p, err := u.Store.Claims(ctx, store.ClaimFilter{Limit: pageSize, Offset: offset})
		if err != nil {
			return nil, 0, err
		}
		for _, cl := range p.Items {
			seen := map[key]bool{}
			for _, pl := range cl.Places {
				name := pl.Canonical
				if name == "" {
					name = pl.Name
				}
				k := key{name, pl.Country}
				if seen[k] {
					continue
				}
				seen[k] = true
				pc, ok := counts[k]
				if !ok {
					pc = &placeCount{Name: name, Country: pl.Country, CountryName: where.CountryName(pl.Country), Kind: pl.Kind, Lat: pl.Lat, Lon: pl.Lon}
					counts[k] = pc
					docs[k] = map[int64]bool{}
				}
				pc.Claims++
				docs[k][cl.Document.ID] = true
			}
		}
		scanned += len(p.Items)
		if len(p.Items) < pageSize {
			break
		}
	}
	places := make([]placeCount, 0, len(counts))
	most := 0
	for k, pc := range counts {
		pc.Documents = len(docs[k])
		most = max(most, pc.Claims)
		places = append(places, *pc)
	}
	slices.SortFunc(places, func(a, b placeCount) int {
		if c := cmp.Compare(b.Claims, a.Claims); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	for i := range places {
		p := &places[i]
		p.X, p.Y = geo.Project(p.Lon, p.Lat)
		// Area, not radius, follows the count, so that twice the claims
		// look twice as big.
		p.R = 3 + 11*math.Sqrt(float64(p.Claims)/float64(most))
		p.Label = i < 12
	}
	c.key, c.places, c.scanned = st, places, scanned
	return places, scanned, nil
}
