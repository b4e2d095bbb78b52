package pdf

import (
	"yusuan/forms"
)

// colKind says how a printed column behaves.
type colKind uint8

const (
	colText   colKind = iota // names and labels: left, may wrap
	colCode                  // classification and unit codes: left, one line
	colAmount                // figures: right, one line
)

// Cell spacing.
const (
	cellPad  = 3.0  // left and right
	leadRate = 1.28 // line height as a multiple of the size
)

func cellLead(size float64) float64 { return size * leadRate }
func cellVPad(size float64) float64 { return 2.2 + size*0.12 }

// gridPlan is how a grid table is set: page orientation, type size and
// column widths.
type gridPlan struct {
	landscape bool
	size      float64
	widths    []float64
	kinds     []colKind
}

// columnKinds classifies the printed columns: figures, the code column of
// classification tables, text.
func columnKinds(t *forms.Table, g *forms.Grid) []colKind {
	kinds := make([]colKind, len(g.Columns))
	for i, c := range g.Columns {
		switch {
		case c.Amount:
			kinds[i] = colAmount
		case i == 0 && t.Layout() == forms.LayoutClass && len(g.Columns) > 1 && g.Columns[1].Pane == -1:
			kinds[i] = colCode
		default:
			kinds[i] = colText
		}
	}
	return kinds
}

// Widths of text columns, in em of the table size.
const (
	textNatural = 22.0 // widest a name column grows
	textComfy   = 12.0 // narrowest without wrapping much
	textMin     = 7.0  // narrowest at all
	headerEm    = 3.0  // a figure column's header may wrap to lines this wide
)

// columnMeasure holds the widest content of each column at size 1.
type columnMeasure struct {
	content []float64 // widest cell text (at size 1, in its face)
	header  []float64 // header label, Hei
}

func (l *layouter) measureColumns(g *forms.Grid) columnMeasure {
	m := columnMeasure{content: make([]float64, len(g.Columns)), header: make([]float64, len(g.Columns))}
	for i, c := range g.Columns {
		m.header[i] = l.fs.width(clean(c.Label), hei, 1)
	}
	for _, r := range g.Rows {
		for i, c := range r.Cells {
			if c.Text == "" {
				continue
			}
			f := song
			if c.Total {
				f = hei
			}
			m.content[i] = max(m.content[i], l.fs.width(clean(c.Text), f, 1))
		}
	}
	return m
}

// widthsAt gives each column's narrowest, comfortable and natural width at
// type size s.
func (l *layouter) widthsAt(g *forms.Grid, kinds []colKind, m columnMeasure, s float64) (least, comfy, natural []float64) {
	n := len(kinds)
	least, comfy, natural = make([]float64, n), make([]float64, n), make([]float64, n)
	pad := 2 * cellPad
	for i, k := range kinds {
		content, head := m.content[i]*s, m.header[i]*s
		switch k {
		case colAmount, colCode:
			w := max(content, min(head, headerEm*s), 3*s) + pad
			least[i], comfy[i] = w, w
			natural[i] = max(content, min(head, 6*s)) + pad
		default:
			nat := max(min(content, textNatural*s), min(head, 8*s), 2*s) + pad
			natural[i] = nat
			comfy[i] = min(nat, textComfy*s+pad)
			least[i] = min(nat, textMin*s+pad)
		}
		natural[i] = max(natural[i], comfy[i])
	}
	measure := func(label string) float64 { return l.fs.width(clean(label), hei, s) + pad }
	for _, ws := range [][]float64{least, comfy, natural} {
		forms.WidenForGroups(g, ws, 0, measure)
	}
	return least, comfy, natural
}

func sum(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}

// planGrid chooses orientation, size and column widths: portrait when the
// columns fit it comfortably at the full size, else landscape — at the full
// size if possible, else at the largest size down to the minimum at which
// the columns fit, and past that with every column narrowed in proportion
// (then long texts and figures wrap).
func (l *layouter) planGrid(t *forms.Table, g *forms.Grid) gridPlan {
	kinds := columnKinds(t, g)
	m := l.measureColumns(g)
	pw, lw := portrait.Width(), landscape.Width()
	p := gridPlan{kinds: kinds, size: sizeTable}
	least, comfy, natural := l.widthsAt(g, kinds, m, sizeTable)
	switch {
	case sum(comfy) <= pw:
		p.widths = spread(comfy, natural, pw)
		return p
	case sum(comfy) <= lw:
		p.landscape, p.widths = true, spread(comfy, natural, lw)
		return p
	}
	p.landscape = true
	for s := float64(sizeTable); s >= sizeTableMin-0.01; s -= 0.5 {
		least, _, natural = l.widthsAt(g, kinds, m, s)
		if sum(least) <= lw {
			p.size, p.widths = s, spread(least, natural, lw)
			return p
		}
	}
	p.size = sizeTableMin
	f := lw / sum(least)
	for i := range least {
		least[i] *= f
	}
	p.widths = least
	return p
}

// spread widens columns from base to fill width: each towards its natural
// width (names on one line, headers on fewer lines) in proportion to what it
// lacks, then all columns in proportion.
func spread(base, natural []float64, width float64) []float64 {
	w := append([]float64(nil), base...)
	extra := width - sum(w)
	want := 0.0
	for i := range w {
		want += natural[i] - w[i]
	}
	if want > 0 && extra > 0 {
		give := min(extra, want)
		for i := range w {
			w[i] += give * (natural[i] - base[i]) / want
		}
		extra -= give
	}
	if extra > 0 {
		total := sum(w)
		for i := range w {
			w[i] += extra * w[i] / total
		}
	}
	return w
}

// fitCell fits a text into a cell of inner width w at size: as it is; or
// shrunk (figures and codes as far as they must, text a little); or, text
// only, wrapped.
func (l *layouter) fitCell(text string, f face, size, w float64, k colKind) ([]string, float64) {
	text = clean(text)
	if text == "" {
		return nil, size
	}
	tw := l.fs.width(text, f, size)
	if tw <= w+0.01 {
		return []string{text}, size
	}
	s := size * w / tw
	if k != colText {
		// a figure or a code is never broken over lines: it is set as
		// small as its cell needs
		if s >= 1 {
			s = float64(int(s*4)) / 4 // quarter points, down
		}
		return []string{text}, s
	}
	if s >= max(size*0.88, sizeTableMin) {
		s = float64(int(s*4)) / 4
		if l.fs.width(text, f, s) <= w+0.01 {
			return []string{text}, s
		}
	}
	return l.fs.wrap(text, f, size, w, 0), size
}

// gridHeader is the laid-out header of a grid: cells relative to its top.
type gridHeader struct {
	boxes  []Box
	height float64
}

func (l *layouter) planHeader(g *forms.Grid, p gridPlan) gridHeader {
	s := p.size
	lead, vpad := cellLead(s), cellVPad(s)
	xs := make([]float64, len(p.widths)+1)
	for i, w := range p.widths {
		xs[i+1] = xs[i] + w
	}
	lines := func(label string, w float64) []string {
		return l.fs.balanced(clean(label), hei, s, w-2*cellPad)
	}
	hgt := func(n int) float64 { return float64(n)*lead + 2*vpad }
	cell := func(x, y, w, h float64, ls []string, col int) Box {
		return Box{X: x, Y: y, W: w, H: h, Lines: ls, Face: hei, Size: s, Lead: lead, Pad: cellPad, Align: AlignCenter, Fill: true, Header: true, Row: -1, Col: col}
	}
	var h gridHeader
	if !g.HasGroups() {
		rowH := hgt(1)
		all := make([][]string, len(g.Columns))
		for i, c := range g.Columns {
			all[i] = lines(c.Label, p.widths[i])
			rowH = max(rowH, hgt(len(all[i])))
		}
		for i := range g.Columns {
			h.boxes = append(h.boxes, cell(xs[i], 0, p.widths[i], rowH, all[i], i))
		}
		h.height = rowH
		return h
	}
	// two levels: the group cells on top, their columns below; columns
	// without a group span both
	h1, h2, tall := hgt(1), hgt(1), 0.0
	spans := g.Spans()
	for _, sp := range spans {
		group := g.Columns[sp[0]].Group
		if group == "" {
			for i := sp[0]; i < sp[1]; i++ {
				tall = max(tall, hgt(len(lines(g.Columns[i].Label, p.widths[i]))))
			}
			continue
		}
		h1 = max(h1, hgt(len(lines(group, xs[sp[1]]-xs[sp[0]]))))
		for i := sp[0]; i < sp[1]; i++ {
			h2 = max(h2, hgt(len(lines(g.Columns[i].Label, p.widths[i]))))
		}
	}
	if tall > h1+h2 {
		h2 = tall - h1
	}
	for _, sp := range spans {
		group := g.Columns[sp[0]].Group
		if group == "" {
			for i := sp[0]; i < sp[1]; i++ {
				h.boxes = append(h.boxes, cell(xs[i], 0, p.widths[i], h1+h2, lines(g.Columns[i].Label, p.widths[i]), i))
			}
			continue
		}
		w := xs[sp[1]] - xs[sp[0]]
		h.boxes = append(h.boxes, cell(xs[sp[0]], 0, w, h1, lines(group, w), -1))
		for i := sp[0]; i < sp[1]; i++ {
			h.boxes = append(h.boxes, cell(xs[i], h1, p.widths[i], h2, lines(g.Columns[i].Label, p.widths[i]), i))
		}
	}
	h.height = h1 + h2
	return h
}

// placeHeader draws the header at the current place.
func (l *layouter) placeHeader(h gridHeader) {
	x0 := l.left()
	for _, b := range h.boxes {
		b.X += x0
		b.Y += l.y
		l.box(b)
	}
	l.y += h.height
}

// gridTable lays out a grid table's lines under its title block, starting
// continuation pages (title with （续表）, unit line and header) as needed.
func (l *layouter) gridTable(g *forms.Grid, p gridPlan) {
	h := l.planHeader(g, p)
	s := p.size
	vpad := cellVPad(s)
	// the header with at least a line under it (a long note may have
	// filled the page)
	if !l.fits(h.height + cellLead(s) + 2*vpad) {
		l.continuePage(p.landscape)
	}
	l.placeHeader(h)
	xs := make([]float64, len(p.widths)+1)
	for i, w := range p.widths {
		xs[i+1] = xs[i] + w
	}
	type cellFit struct {
		size float64
		face face
	}
	fits := make([]cellFit, len(p.widths))
	lines := make([][]string, len(p.widths))
	var piece [][]string
	// the room for lines on a continuation page
	fresh := l.bottom() - l.page.Geo.Top - l.contHeight() - h.height
	for ri, r := range g.Rows {
		rowH := cellLead(s) + 2*vpad
		for ci, c := range r.Cells {
			f := song
			if c.Total || p.kinds[ci] != colText {
				f = hei
			}
			ls, sz := l.fitCell(c.Text, f, s, p.widths[ci]-2*cellPad, p.kinds[ci])
			fits[ci], lines[ci] = cellFit{sz, f}, ls
			rowH = max(rowH, float64(len(ls))*cellLead(sz)+2*vpad)
		}
		// a line taller than a whole page starts where it is (when a few
		// of its lines fit) and runs on over the next pages
		if !l.fits(rowH) && (rowH <= fresh || !l.fits(3*cellLead(s)+2*vpad)) {
			l.continuePage(p.landscape)
			l.placeHeader(h)
		}
		for {
			pieceH := min(rowH, l.bottom()-l.y)
			var more bool
			piece, more = splitLines(piece, lines, func(i int) int {
				return max(int((pieceH-2*vpad+0.01)/cellLead(fits[i].size)), 1)
			})
			if !more {
				pieceH = rowH
			}
			for ci := range r.Cells {
				align := AlignLeft
				if p.kinds[ci] == colAmount {
					align = AlignRight
				}
				cf := fits[ci]
				l.box(Box{X: l.left() + xs[ci], Y: l.y, W: p.widths[ci], H: pieceH, Lines: piece[ci], Face: cf.face, Size: cf.size,
					Lead: cellLead(cf.size), Pad: cellPad, Align: align, Row: ri, Col: ci, Bold: r.Cells[ci].Total})
			}
			l.y += pieceH
			if !more {
				break
			}
			l.continuePage(p.landscape)
			l.placeHeader(h)
			rowH = 2 * vpad
			for ci, cf := range fits {
				rowH = max(rowH, float64(len(lines[ci]))*cellLead(cf.size)+2*vpad)
			}
		}
	}
}

// splitLines takes from each cell's lines those that fit (room gives how
// many for cell i) into piece (reusing its array) and leaves the cell the
// rest; it reports whether any cell has lines left.
func splitLines(piece, cells [][]string, room func(i int) int) ([][]string, bool) {
	piece, more := piece[:0], false
	for i, ls := range cells {
		n := room(i)
		if n >= len(ls) {
			piece, cells[i] = append(piece, ls), nil
			continue
		}
		piece, cells[i], more = append(piece, ls[:n]), ls[n:], true
	}
	return piece, more
}
