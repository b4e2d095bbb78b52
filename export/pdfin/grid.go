package pdfin

import (
	"sort"
)

// Grid is a table drawn with rules: its cells' texts by row and column of
// the finest division the rules make. A cell that spans several (no rule
// between them) holds its text in each of them, as a merged cell of a
// workbook does once its value is filled in.
type Grid struct {
	Page           int
	X0, Y0, X1, Y1 float64
	ColX           []float64  // column boundaries, left to right (len = columns+1)
	RowY           []float64  // row boundaries, top to bottom (len = rows+1)
	Cells          [][]string // [row][column]
	// Lines: each cell's lines of text, top to bottom, before they were
	// joined (a title and the unit line printed in one spanning cell).
	Lines [][][]string
	// Origin: the top left grid cell of each cell's span, so that a reader
	// can tell a spanning cell from equal neighbours.
	Origin [][][2]int
	// Glyphs inside the frame: a frame that turns out not to be a table
	// (text boxed in rules) is read as lines of text from them.
	Glyphs []Glyph
}

// TextLines is the frame's text as lines, as if it had no rules.
func (g *Grid) TextLines() []Line { return groupLines(g.Glyphs) }

// snap: coordinates closer than this are one line.
const snap = 1.5

type hseg struct{ y, x0, x1 float64 }
type vseg struct{ x, y0, y1 float64 }

// seg is a rule along one axis: its fixed coordinate, and where it runs.
type seg struct{ at, lo, hi float64 }

// mergeSegs joins rules on one line (within snap) that touch or overlap.
func mergeSegs(ss []seg) []seg {
	sort.Slice(ss, func(i, j int) bool {
		if abs(ss[i].at-ss[j].at) > snap {
			return ss[i].at < ss[j].at
		}
		return ss[i].lo < ss[j].lo
	})
	var out []seg
	for _, s := range ss {
		if n := len(out); n > 0 && abs(out[n-1].at-s.at) <= snap && s.lo <= out[n-1].hi+snap {
			out[n-1].hi = max(out[n-1].hi, s.hi)
			continue
		}
		out = append(out, s)
	}
	return out
}

// mergeH joins horizontal rules on one height that touch or overlap.
func mergeH(rules []Rule) []hseg {
	var ss []seg
	for _, r := range rules {
		if r.Horizontal() {
			ss = append(ss, seg{r.Y0, r.X0, r.X1})
		}
	}
	var hs []hseg
	for _, s := range mergeSegs(ss) {
		hs = append(hs, hseg{s.at, s.lo, s.hi})
	}
	return hs
}

// mergeV joins vertical rules at one x that touch or overlap.
func mergeV(rules []Rule) []vseg {
	var ss []seg
	for _, r := range rules {
		if !r.Horizontal() {
			ss = append(ss, seg{r.X0, r.Y0, r.Y1})
		}
	}
	var vs []vseg
	for _, s := range mergeSegs(ss) {
		vs = append(vs, vseg{s.at, s.lo, s.hi})
	}
	return vs
}

func crosses(h hseg, v vseg) bool {
	return v.x >= h.x0-snap && v.x <= h.x1+snap && h.y >= v.y0-snap && h.y <= v.y1+snap
}

type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u unionFind) union(a, b int) { u[u.find(a)] = u.find(b) }

// grids finds the ruled tables of a page: rules that cross each other make
// one table; its columns and rows are where its rules stand.
func grids(p *Page) []*Grid {
	hs, vs := mergeH(p.Rules), mergeV(p.Rules)
	if len(hs) < 2 || len(vs) < 2 {
		return nil
	}
	u := newUnionFind(len(hs) + len(vs))
	for i, h := range hs {
		for j, v := range vs {
			if crosses(h, v) {
				u.union(i, len(hs)+j)
			}
		}
	}
	groups := map[int][]int{}
	for i := range hs {
		groups[u.find(i)] = append(groups[u.find(i)], i)
	}
	for j := range vs {
		groups[u.find(len(hs)+j)] = append(groups[u.find(len(hs)+j)], len(hs)+j)
	}
	var out []*Grid
	for _, members := range groups {
		var gh []hseg
		var gv []vseg
		for _, m := range members {
			if m < len(hs) {
				gh = append(gh, hs[m])
			} else {
				gv = append(gv, vs[m-len(hs)])
			}
		}
		if len(gh) < 2 || len(gv) < 2 {
			continue
		}
		if g := buildGrid(p, gh, gv); g != nil {
			out = append(out, g)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Y0 < out[j].Y0 })
	return out
}

// positions lists distinct coordinates, closer ones taken as one.
func positions(vals []float64) []float64 {
	sort.Float64s(vals)
	var out []float64
	for _, v := range vals {
		if n := len(out); n > 0 && v-out[n-1] <= snap*2 {
			continue
		}
		out = append(out, v)
	}
	return out
}

func buildGrid(p *Page, hs []hseg, vs []vseg) *Grid {
	var xsIn, ysIn []float64
	x0, x1, y0, y1 := hs[0].x0, hs[0].x1, vs[0].y0, vs[0].y1
	for _, h := range hs {
		ysIn = append(ysIn, h.y)
		x0, x1 = min(x0, h.x0), max(x1, h.x1)
	}
	for _, v := range vs {
		xsIn = append(xsIn, v.x)
		y0, y1 = min(y0, v.y0), max(y1, v.y1)
	}
	// a table without side (or top, bottom) borders still ends where its
	// rules end
	xsIn = append(xsIn, x0, x1)
	ysIn = append(ysIn, y0, y1)
	xs, ys := positions(xsIn), positions(ysIn)
	if len(xs) < 2 || len(ys) < 2 || x1-x0 < 20 || y1-y0 < 8 {
		return nil
	}
	rows, cols := len(ys)-1, len(xs)-1
	if rows*cols > 200_000 {
		return nil
	}
	// covered: the share of a boundary a rule draws
	vCovered := func(x, ya, yb float64) bool {
		got := 0.0
		for _, v := range vs {
			if abs(v.x-x) <= snap*2 {
				got += max(0, min(v.y1, yb)-max(v.y0, ya))
			}
		}
		return got >= (yb-ya)*0.5
	}
	hCovered := func(y, xa, xb float64) bool {
		got := 0.0
		for _, h := range hs {
			if abs(h.y-y) <= snap*2 {
				got += max(0, min(h.x1, xb)-max(h.x0, xa))
			}
		}
		return got >= (xb-xa)*0.5
	}
	u := newUnionFind(rows * cols)
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			if c+1 < cols && !vCovered(xs[c+1], ys[r], ys[r+1]) {
				u.union(r*cols+c+1, r*cols+c)
			}
			if r+1 < rows && !hCovered(ys[r+1], xs[c], xs[c+1]) {
				u.union((r+1)*cols+c, r*cols+c)
			}
		}
	}
	// each span's glyphs, by its root
	spans := map[int][]Glyph{}
	var inside []Glyph
	for _, g := range p.Glyphs {
		cx, cy := (g.X0+g.X1)/2, (g.Y0+g.Y1)/2
		if cx < xs[0] || cx > xs[cols] || cy < ys[0] || cy > ys[rows] {
			continue
		}
		c := sort.SearchFloat64s(xs, cx) - 1
		r := sort.SearchFloat64s(ys, cy) - 1
		c, r = max(0, min(c, cols-1)), max(0, min(r, rows-1))
		root := u.find(r*cols + c)
		spans[root] = append(spans[root], g)
		inside = append(inside, g)
	}
	g := &Grid{Page: p.Number, X0: xs[0], Y0: ys[0], X1: xs[cols], Y1: ys[rows], ColX: xs, RowY: ys, Glyphs: inside}
	origin := map[int][2]int{}
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			root := u.find(r*cols + c)
			if _, ok := origin[root]; !ok {
				origin[root] = [2]int{r, c}
			}
		}
	}
	text := map[int]string{}
	lines := map[int][]string{}
	for root, gs := range spans {
		ls := groupLines(gs)
		text[root] = joinLines(ls)
		for _, l := range ls {
			lines[root] = append(lines[root], l.Text())
		}
	}
	g.Cells = make([][]string, rows)
	g.Lines = make([][][]string, rows)
	g.Origin = make([][][2]int, rows)
	for r := 0; r < rows; r++ {
		g.Cells[r] = make([]string, cols)
		g.Lines[r] = make([][]string, cols)
		g.Origin[r] = make([][2]int, cols)
		for c := 0; c < cols; c++ {
			root := u.find(r*cols + c)
			g.Cells[r][c] = text[root]
			g.Lines[r][c] = lines[root]
			g.Origin[r][c] = origin[root]
		}
	}
	return g
}

// Contains tells whether a glyph's middle lies in the grid.
func (g *Grid) Contains(gl Glyph) bool {
	cx, cy := (gl.X0+gl.X1)/2, (gl.Y0+gl.Y1)/2
	return cx >= g.X0 && cx <= g.X1 && cy >= g.Y0 && cy <= g.Y1
}
