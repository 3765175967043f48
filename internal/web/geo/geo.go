// Package geo draws the offline base map of the web UI's map page: the
// countries of Natural Earth's 1:110m admin-0 layer (public domain; the
// TopoJSON the gazetteer package embeds from world-atlas 2.0.2) in the
// Equal Earth projection, as SVG path data computed once per process.
// Places are projected the same way, so the page is one server-rendered
// SVG that needs no script, no tiles and no network.
package geo

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
)

// Width is the width of the map in SVG user units; Height follows from the
// projection and the latitudes kept (Antarctica is left out: no news story
// of ours needs it, and it would take a fifth of the height).
const Width = 1000

// Latitudes kept on the map.
const (
	north = 84.0
	south = -58.0
)

// Country is one country's outline.
type Country struct {
	// Name is Natural Earth's short name ("Dem. Rep. Congo").
	Name string
	// Code is the ISO 3166-1 alpha-2 code when the gazetteer knows the
	// name, else "".
	Code string
	// Path is SVG path data in map units.
	Path string
}

// Map is the projected base map.
type Map struct {
	Width, Height float64
	Countries     []Country
}

var (
	baseOnce sync.Once
	base     *Map
	baseErr  error
)

// Base returns the projected base map, built on first use (a few
// milliseconds) and shared afterwards; callers must not modify it.
func Base() (*Map, error) {
	baseOnce.Do(func() { base, baseErr = build(where.BaseMap()) })
	return base, baseErr
}

// scale maps projected Equal Earth units to map units: the projection's
// x spans ±2.7066 at the antimeridian.
var scale = Width / (2 * equalEarthX(math.Pi, 0))

// top is the projected y of the northernmost latitude kept.
var top = equalEarthY(north * math.Pi / 180)

// Project returns the map position of a longitude and latitude in degrees.
func Project(lon, lat float64) (x, y float64) {
	lat = max(south, min(north, lat))
	λ, φ := lon*math.Pi/180, lat*math.Pi/180
	return Width/2 + equalEarthX(λ, φ)*scale, (top - equalEarthY(φ)) * scale
}

// Equal Earth (Šavrič, Patterson and Jenny, 2018): an equal-area
// pseudocylindrical projection that keeps the continents' familiar shapes.
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

func eeTheta(φ float64) float64 { return math.Asin(math.Sqrt(3) / 2 * math.Sin(φ)) }

func equalEarthX(λ, φ float64) float64 {
	θ := eeTheta(φ)
	θ2 := θ * θ
	θ6 := θ2 * θ2 * θ2
	return 2 * math.Sqrt(3) * λ * math.Cos(θ) / (3 * (eeA1 + 3*eeA2*θ2 + θ6*(7*eeA3+9*eeA4*θ2)))
}

func equalEarthY(φ float64) float64 {
	θ := eeTheta(φ)
	θ2 := θ * θ
	θ6 := θ2 * θ2 * θ2
	return θ * (eeA1 + eeA2*θ2 + θ6*(eeA3+eeA4*θ2))
}

// topology is the part of a TopoJSON file the map reads.
type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type       string          `json:"type"`
				ID         string          `json:"id"`
				Arcs       json.RawMessage `json:"arcs"`
				Properties struct {
					Name string `json:"name"`
				} `json:"properties"`
			} `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

// antarctica is Antarctica's ISO 3166-1 numeric code, the id world-atlas
// gives it.
const antarctica = "010"

func build(data []byte) (*Map, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("geo: reading the base map: %w", err)
	}
	// Decode the arcs once: quantized, delta-encoded positions become
	// longitudes and latitudes.
	arcs := make([][][2]float64, len(t.Arcs))
	for i, a := range t.Arcs {
		pts := make([][2]float64, len(a))
		var x, y float64
		for j, p := range a {
			if t.Transform != nil {
				x, y = x+p[0], y+p[1]
				pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
			} else {
				pts[j] = p
			}
		}
		arcs[i] = pts
	}
	_, bottom := Project(0, south)
	m := &Map{Width: Width, Height: math.Ceil(bottom)}
	for _, g := range t.Objects.Countries.Geometries {
		if g.ID == antarctica {
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var rings [][]int
			if err := json.Unmarshal(g.Arcs, &rings); err != nil {
				return nil, fmt.Errorf("geo: %s: %w", g.Properties.Name, err)
			}
			polys = [][][]int{rings}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("geo: %s: %w", g.Properties.Name, err)
			}
		default:
			continue
		}
		var d strings.Builder
		for _, rings := range polys {
			for _, ring := range rings {
				writeRing(&d, ring, arcs)
			}
		}
		if d.Len() == 0 {
			continue
		}
		m.Countries = append(m.Countries, Country{Name: g.Properties.Name, Code: where.CountryCode(g.Properties.Name), Path: d.String()})
	}
	return m, nil
}

// writeRing appends one closed ring, made of arcs (a negative index ~i is
// arc i reversed), as SVG path data. A ring that crosses the antimeridian
// (Russia's Chukotka, Fiji: world-atlas leaves them whole, for the
// renderer to cut) is cut there into pieces on either side.
func writeRing(d *strings.Builder, ring []int, arcs [][][2]float64) {
	var pts [][2]float64
	for _, ai := range ring {
		rev := ai < 0
		if rev {
			ai = ^ai
		}
		if ai >= len(arcs) {
			continue
		}
		a := arcs[ai]
		for k := range a {
			p := a[k]
			if rev {
				p = a[len(a)-1-k]
			}
			if k == 0 && len(pts) > 0 {
				continue // an arc starts where the last one ended
			}
			pts = append(pts, p)
		}
	}
	for _, piece := range cutAntimeridian(pts) {
		writePath(d, piece)
	}
}

// cutAntimeridian returns the ring as it lies on the map: itself when it
// stays within ±180°, else its pieces on each side of the antimeridian.
// The ring's longitudes are first made continuous (a step of more than
// 180° is a crossing), then the ring is clipped to each 360° window it
// reaches and shifted back, with points added along the cut so that the
// edge follows the map's curved border.
func cutAntimeridian(pts [][2]float64) [][][2]float64 {
	if len(pts) < 3 {
		return nil
	}
	un := make([][2]float64, len(pts))
	un[0] = pts[0]
	lo, hi := pts[0][0], pts[0][0]
	for i := 1; i < len(pts); i++ {
		lon := pts[i][0]
		prev := un[i-1][0]
		for lon-prev > 180 {
			lon -= 360
		}
		for lon-prev < -180 {
			lon += 360
		}
		un[i] = [2]float64{lon, pts[i][1]}
		lo, hi = min(lo, lon), max(hi, lon)
	}
	if lo >= -180 && hi <= 180 {
		return [][][2]float64{pts}
	}
	var out [][][2]float64
	for _, shift := range []float64{-360, 0, 360} {
		if hi+shift < -180 || lo+shift > 180 {
			continue
		}
		ring := make([][2]float64, len(un))
		for i, p := range un {
			ring[i] = [2]float64{p[0] + shift, p[1]}
		}
		ring = clipLon(ring, -180, false)
		ring = clipLon(ring, 180, true)
		if len(ring) >= 3 {
			out = append(out, densifyCut(ring))
		}
	}
	return out
}

// clipLon clips a ring to the side of the meridian at lon that keeps
// points east of it (or west, with west set): one step of
// Sutherland-Hodgman.
func clipLon(ring [][2]float64, lon float64, west bool) [][2]float64 {
	inside := func(p [2]float64) bool {
		if west {
			return p[0] <= lon
		}
		return p[0] >= lon
	}
	var out [][2]float64
	for i := range ring {
		cur, next := ring[i], ring[(i+1)%len(ring)]
		if inside(cur) {
			out = append(out, cur)
		}
		if inside(cur) != inside(next) {
			t := (lon - cur[0]) / (next[0] - cur[0])
			out = append(out, [2]float64{lon, cur[1] + t*(next[1]-cur[1])})
		}
	}
	return out
}

// densifyCut adds points every 2° of latitude along stretches of the ring
// that run on the antimeridian, where the projected border curves.
func densifyCut(ring [][2]float64) [][2]float64 {
	var out [][2]float64
	for i := range ring {
		cur, next := ring[i], ring[(i+1)%len(ring)]
		out = append(out, cur)
		if math.Abs(cur[0]) == 180 && next[0] == cur[0] {
			n := int(math.Abs(next[1]-cur[1]) / 2)
			for k := 1; k < n; k++ {
				out = append(out, [2]float64{cur[0], cur[1] + (next[1]-cur[1])*float64(k)/float64(n)})
			}
		}
	}
	return out
}

// writePath appends a ring of longitudes and latitudes as SVG path data,
// rounded to a tenth of a unit with repeated points dropped: at this scale
// that keeps the data small and the outlines exact to the pixel.
func writePath(d *strings.Builder, pts [][2]float64) {
	n := 0
	var lastX, lastY int
	for _, p := range pts {
		x, y := Project(p[0], p[1])
		xi, yi := int(math.Round(x*10)), int(math.Round(y*10))
		if n > 0 && xi == lastX && yi == lastY {
			continue
		}
		if n == 0 {
			d.WriteByte('M')
		} else {
			d.WriteByte('L')
		}
		d.WriteString(tenths(xi))
		d.WriteByte(' ')
		d.WriteString(tenths(yi))
		lastX, lastY = xi, yi
		n++
	}
	if n > 0 {
		d.WriteByte('Z')
	}
}

// tenths formats v/10 with at most one decimal.
func tenths(v int) string {
	if v%10 == 0 {
		return strconv.Itoa(v / 10)
	}
	return strconv.FormatFloat(float64(v)/10, 'f', 1, 64)
}
