package geo

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestBase(t *testing.T) {
	m, err := Base()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Countries) < 150 {
		t.Fatalf("%d countries, want the 170-odd of Natural Earth 1:110m", len(m.Countries))
	}
	if m.Height < 400 || m.Height > 500 {
		t.Errorf("height %v, want about 450 for a width of 1000", m.Height)
	}
	coded, size := 0, 0
	for _, c := range m.Countries {
		if c.Code != "" {
			coded++
		}
		if !strings.HasPrefix(c.Path, "M") || !strings.HasSuffix(c.Path, "Z") {
			t.Errorf("%s: path %.20q... is not closed rings", c.Name, c.Path)
		}
		size += len(c.Path)
	}
	if coded < len(m.Countries)*9/10 {
		t.Errorf("only %d of %d countries have an ISO code", coded, len(m.Countries))
	}
	// The whole map is inlined in the page: keep it small.
	if size > 150_000 {
		t.Errorf("path data is %d bytes, want under 150 kB", size)
	}
	t.Logf("%d countries, %d with a code, %d bytes of path data", len(m.Countries), coded, size)
}

func TestProject(t *testing.T) {
	x, y := Project(0, 0)
	if math.Abs(x-Width/2) > 1e-9 {
		t.Errorf("x at lon 0 = %v, want %v", x, Width/2)
	}
	x1, _ := Project(-180, 0)
	x2, _ := Project(180, 0)
	if math.Abs(x1) > 1e-6 || math.Abs(x2-Width) > 1e-6 {
		t.Errorf("the equator spans %v..%v, want 0..%d", x1, x2, Width)
	}
	_, yn := Project(0, 60)
	_, ys := Project(0, -30)
	if !(yn < y && y < ys) {
		t.Errorf("north is not up: y(60)=%v y(0)=%v y(-30)=%v", yn, y, ys)
	}
	// Geneva lies east of London and south of it.
	gx, gy := Project(6.14, 46.2)
	lx, ly := Project(-0.13, 51.5)
	if !(gx > lx && gy > ly) {
		t.Errorf("Geneva (%v,%v) should be east and south of London (%v,%v)", gx, gy, lx, ly)
	}
}

func TestCutAntimeridian(t *testing.T) {
	// A square from 170°E to 170°W (across the antimeridian).
	ring := [][2]float64{{170, -10}, {-170, -10}, {-170, 10}, {170, 10}}
	pieces := cutAntimeridian(ring)
	if len(pieces) != 2 {
		t.Fatalf("%d pieces, want 2: %v", len(pieces), pieces)
	}
	for _, p := range pieces {
		for _, pt := range p {
			if pt[0] < -180 || pt[0] > 180 {
				t.Errorf("point %v outside ±180", pt)
			}
		}
	}
	// A ring that does not cross stays whole.
	if got := cutAntimeridian([][2]float64{{0, 0}, {10, 0}, {10, 10}}); len(got) != 1 || len(got[0]) != 3 {
		t.Errorf("a plain ring was cut: %v", got)
	}
}

func TestNoStrayLines(t *testing.T) {
	// No segment of any outline may run across most of the map: that is a
	// ring joined across the antimeridian.
	m, _ := Base()
	for _, c := range m.Countries {
		var px float64
		first := true
		for _, cmd := range strings.FieldsFunc(c.Path, func(r rune) bool { return r == 'Z' }) {
			for _, seg := range strings.FieldsFunc(cmd, func(r rune) bool { return r == 'M' || r == 'L' }) {
				var x, y float64
				fmt.Sscan(seg, &x, &y)
				if !strings.HasPrefix(cmd, seg) && !first && math.Abs(x-px) > Width/3 {
					t.Errorf("%s: a segment spans %.0f units", c.Name, math.Abs(x-px))
				}
				px, first = x, false
			}
			first = true
		}
	}
}
