package pdf

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

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
	style     func(ri, ci int) cellStyle
	// numbers is the 栏次 line under the header, a text per column (nil:
	// none)
	numbers []string
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

// columnNumbers is the 栏次 line under the header, as the seed prints it
// under its class tables (收入总表, 支出总表, 一般公共预算支出表: ** 栏次 1 2 3 …)
// and its 项目支出表 (** ** ** ** 1 2 …): the figure columns numbered from 1,
// ** in the others, 栏次 in the name column of a class table. None for the
// two-sided tables and the 三公 table (the seed numbers no column there), for
// a table without figure columns, and for a table kept as a published
// document printed it.
func columnNumbers(t *forms.Table, g *forms.Grid) []string {
	if t.Printed != nil || t.Layout() != forms.LayoutClass && t.Layout() != forms.LayoutProjects {
		return nil
	}
	out := make([]string, len(g.Columns))
	n, name := 0, -1
	for i, c := range g.Columns {
		if c.Amount {
			n++
			out[i] = strconv.Itoa(n)
			continue
		}
		out[i] = "**"
		if t.Layout() == forms.LayoutClass && c.Pane == -1 {
			name = i // the code column, then the name column
		}
	}
	if n == 0 {
		return nil
	}
	if name >= 0 {
		out[name] = "栏次"
	}
	return out
}

// Widths of text columns, in em of the table size.
const (
	textNatural = 22.0 // widest a name column grows
	textComfy   = 12.0 // narrowest without wrapping much
	textMin     = 7.0  // narrowest at all
	headerOne   = 8.0  // a column's header stays on one line up to this width (em)
	headerMost  = 6.0  // a column is made no wider than this for its header in three lines (em)
	figureMin   = 2.0  // narrowest figure or code column
)

// columnMeasure holds, at size 1, the widest content of each column and
// what its header needs.
type columnMeasure struct {
	content []float64    // widest cell text (in its face, with its indent)
	header  [][3]float64 // the header label's widest line in at most 1, 2, 3 lines (Hei)
}

func (l *layouter) measureColumns(g *forms.Grid, kinds []colKind, style func(ri, ci int) cellStyle) columnMeasure {
	m := columnMeasure{content: make([]float64, len(g.Columns)), header: make([][3]float64, len(g.Columns))}
	for i, c := range g.Columns {
		label := clean(c.Label)
		for n := range 3 {
			m.header[i][n] = l.fs.headerNeed(label, hei, 1, n+1)
		}
	}
	for ri, r := range g.Rows {
		for i, c := range r.Cells {
			if c.Text == "" {
				continue
			}
			// in the face gridTable sets it in
			st := style(ri, i)
			f := song
			if st.bold || kinds[i] != colText {
				f = hei
			}
			w := l.fs.width(clean(c.Text), f, 1)
			if st.indent {
				w += indentEm
			}
			m.content[i] = max(m.content[i], w)
		}
	}
	return m
}

// widthsAt gives each column's narrowest, comfortable and natural width at
// type size s. A figure or code column is as wide as its widest content, or
// its header set in three, two or one lines (an empty column as narrow as
// its header allows); a text column between textMin and its content up to
// textNatural, never narrower than its header in three lines.
func (l *layouter) widthsAt(g *forms.Grid, kinds []colKind, m columnMeasure, s float64) (least, comfy, natural []float64) {
	n := len(kinds)
	least, comfy, natural = make([]float64, n), make([]float64, n), make([]float64, n)
	pad := 2 * cellPad
	for i, k := range kinds {
		content, head := m.content[i]*s, m.header[i]
		// a long header takes more lines rather than a wider column
		three, two := min(head[2], headerMost), min(head[1], headerOne)
		switch k {
		case colAmount, colCode:
			least[i] = max(content, three*s, figureMin*s) + pad
			comfy[i] = max(content, two*s, figureMin*s) + pad
			one := two
			if head[0] <= headerOne {
				one = head[0]
			}
			natural[i] = max(content, one*s, figureMin*s) + pad
		default:
			nat := max(min(content, textNatural*s), min(head[0], headerOne)*s, three*s, 2*s) + pad
			natural[i] = nat
			comfy[i] = max(min(nat, textComfy*s+pad), three*s+pad)
			least[i] = max(min(nat, textMin*s+pad), three*s+pad)
		}
		comfy[i] = max(comfy[i], least[i])
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
	style := gridStyles(t, g)
	m := l.measureColumns(g, kinds, style)
	pw, lw := portrait.Width(), landscape.Width()
	p := gridPlan{kinds: kinds, size: sizeTable, style: style, numbers: columnNumbers(t, g)}
	least, comfy, natural := l.widthsAt(g, kinds, m, sizeTable)
	switch {
	case sum(comfy) <= pw:
		p.widths = spread(comfy, natural, kinds, pw)
		return p
	case sum(comfy) <= lw:
		p.landscape, p.widths = true, spread(comfy, natural, kinds, lw)
		return p
	}
	p.landscape = true
	for s := float64(sizeTable); s >= sizeTableMin-0.01; s -= 0.5 {
		least, _, natural = l.widthsAt(g, kinds, m, s)
		if sum(least) <= lw {
			p.size, p.widths = s, spread(least, natural, kinds, lw)
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

// spread widens columns from base to fill width: first the text columns
// towards their natural width (names on one line), then the figure and code
// columns (headers on fewer lines), each in proportion to what it lacks,
// then the narrowest columns towards an even width.
func spread(base, natural []float64, kinds []colKind, width float64) []float64 {
	w := append([]float64(nil), base...)
	extra := width - sum(w)
	for _, text := range []bool{true, false} {
		want := 0.0
		for i := range w {
			if (kinds[i] == colText) == text {
				want += natural[i] - w[i]
			}
		}
		if want <= 0 || extra <= 0 {
			continue
		}
		give := min(extra, want)
		for i := range w {
			if (kinds[i] == colText) == text {
				w[i] += give * (natural[i] - w[i]) / want
			}
		}
		extra -= give
	}
	if extra > 0 {
		level(w, extra)
	}
	return w
}

// level shares extra among the columns narrowest first: they are raised to
// one width, as far as extra goes, so that the columns come out as even as
// their contents allow.
func level(w []float64, extra float64) {
	order := make([]int, len(w))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return w[order[a]] < w[order[b]] })
	// raise the k narrowest to the width of the next, while extra lasts
	k, to := 0, 0.0
	for k < len(order) {
		k++
		next := math.Inf(1)
		if k < len(order) {
			next = w[order[k]]
		}
		have := 0.0
		for _, i := range order[:k] {
			have += w[i]
		}
		to = (have + extra) / float64(k)
		if to <= next {
			break
		}
	}
	for _, i := range order[:k] {
		w[i] = max(w[i], to)
	}
}

// fitCell fits a text into a cell of inner width w at size: as it is; a
// figure or a code (never broken over lines) shrunk as far as it must; a
// text wrapped at the table's size, the line growing.
func (l *layouter) fitCell(text string, f face, size, w float64, k colKind) ([]string, float64) {
	text = clean(text)
	if text == "" {
		return nil, size
	}
	tw := l.fs.width(text, f, size)
	if tw <= w+0.01 {
		return []string{text}, size
	}
	if k != colText {
		s := size * w / tw
		if s >= 1 {
			s = float64(int(s*4)) / 4 // quarter points, down
		}
		return []string{text}, s
	}
	lines := l.fs.even(text, f, size, w)
	if n := len(lines); n >= 2 && n <= 4 {
		// a name of a few lines breaks between its words where it can
		if b := l.fs.balanced(text, f, size, w); len(b) <= n {
			return b, size
		}
	}
	return lines, size
}

// indentEm is how far a two-sided table's sub-items stand in, in em.
const indentEm = 1.0

// cellStyle is how a grid cell is set: bold (totals; the numbered top items
// of a two-sided table's side), indented (the sub-items under them).
type cellStyle struct {
	bold, indent bool
}

// gridStyles tells each cell's style. A line is a total when the grid says
// so (a printed table's lines labelled 合计 or 总计 included), or when it is
// the table's 合计 (or a subtotal) line even with nothing to add up (an empty
// table). In a two-sided table (and a printed one), a side — a text
// column and the figures after it — whose numbered items (一、 二、 …) have
// sub-items under them prints every numbered item bold and the sub-items
// indented; a side of numbered items only is a plain list.
func gridStyles(t *forms.Table, g *forms.Grid) func(ri, ci int) cellStyle {
	// whether each line is a total, found once per line (0: not yet)
	known := make([]int8, len(g.Rows))
	totalRow := func(ri int) bool {
		if known[ri] == 0 {
			known[ri] = 1
			if isTotalRow(t, g.Rows[ri]) {
				known[ri] = 2
			}
		}
		return known[ri] == 2
	}
	twoSided := t.Printed == nil && t.Layout() == forms.LayoutTwoSided
	bold := func(ri, ci int) bool {
		if twoSided {
			return g.Rows[ri].Cells[ci].Total // each side its own
		}
		return g.Rows[ri].Cells[ci].Total || totalRow(ri)
	}
	if t.Printed == nil && t.Layout() == forms.LayoutProjects {
		// the 类型 subtotals under the 合计: its breakdown, plain and
		// indented under the line 其中按项目类型：
		return func(ri, ci int) cellStyle {
			if rowType(t, g.Rows[ri]) == forms.RowTypeSum {
				return cellStyle{indent: ci == 0}
			}
			return cellStyle{bold: bold(ri, ci)}
		}
	}
	if !twoSided && t.Printed == nil {
		return func(ri, ci int) cellStyle { return cellStyle{bold: bold(ri, ci)} }
	}
	// the sides: each column belongs to the text column at or before it
	side := make([]int, len(g.Columns))
	cur := -1
	for ci, c := range g.Columns {
		if !c.Amount {
			cur = ci
		}
		side[ci] = cur
	}
	type key struct{ row, col int }
	top, sub := map[key]bool{}, map[key]bool{}
	hasSub := map[int]bool{}
	for ci, c := range g.Columns {
		if c.Amount {
			continue
		}
		in := false // inside a numbered item's sub-items
		for ri, r := range g.Rows {
			if ci >= len(r.Cells) {
				continue
			}
			label := strings.TrimSpace(r.Cells[ci].Text)
			switch {
			case numberedItem.MatchString(label):
				top[key{ri, ci}], in = true, true
			case bold(ri, ci):
				in = false // 合计, 总计: the list above it ends
			case label != "" && in:
				sub[key{ri, ci}], hasSub[ci] = true, true
			}
		}
	}
	return func(ri, ci int) cellStyle {
		s := side[ci]
		return cellStyle{
			bold:   bold(ri, ci) || s >= 0 && top[key{ri, s}] && hasSub[s],
			indent: s == ci && sub[key{ri, ci}],
		}
	}
}

// typeBreakdownLabel opens the 类型 subtotals of a 项目支出表 under its 合计.
const typeBreakdownLabel = "其中按项目类型："

// typeBreakdown sets a 项目支出表 of our layout in one grouping — each 一级项目's
// subtotal line with its 二级 lines — and its 类型 subtotals as what they are,
// a breakdown of the 合计: right under the 合计 line, after a line
// 其中按项目类型：, set plain and indented (gridStyles). Standing bold above the
// 一级 groups with no lines under them, they read as groups of their own, and
// the lines would be counted twice. Other tables are returned as they are.
func typeBreakdown(t *forms.Table, g *forms.Grid) *forms.Grid {
	if t.Printed != nil || t.Layout() != forms.LayoutProjects {
		return g
	}
	var head, types, rest []forms.GridRow
	for _, r := range g.Rows {
		switch rowType(t, r) {
		case forms.RowTotal:
			head = append(head, r)
		case forms.RowTypeSum:
			types = append(types, r)
		default:
			rest = append(rest, r)
		}
	}
	if len(types) == 0 {
		return g
	}
	label := forms.GridRow{Cells: make([]forms.GridCell, len(g.Columns))}
	for i := range label.Cells {
		label.Cells[i] = forms.GridCell{State: forms.CellText, Pane: -1, Row: -1, Col: -1}
	}
	label.Cells[0].Text = typeBreakdownLabel
	rows := make([]forms.GridRow, 0, len(g.Rows)+1)
	rows = append(append(append(append(rows, head...), label), types...), rest...)
	return &forms.Grid{Columns: g.Columns, Rows: rows}
}

// rowType is the type of the pane line a grid line shows (RowLine for a
// line of none).
func rowType(t *forms.Table, r forms.GridRow) forms.RowType {
	for _, c := range r.Cells {
		if c.Pane >= 0 && c.Pane < len(t.Panes) && c.Row >= 0 && c.Row < len(t.Panes[c.Pane].Rows) {
			return t.Panes[c.Pane].Rows[c.Row].Type
		}
	}
	return forms.RowLine
}

// isTotalRow reports whether a grid line is a total: the grid says so, or
// it is its table's 合计 or a subtotal line (with nothing to add up in an
// empty table).
func isTotalRow(t *forms.Table, r forms.GridRow) bool {
	if r.Total {
		return true
	}
	for _, c := range r.Cells {
		if c.Pane >= 0 && c.Pane < len(t.Panes) && c.Row >= 0 && c.Row < len(t.Panes[c.Pane].Rows) {
			switch t.Panes[c.Pane].Rows[c.Row].Type {
			case forms.RowTotal, forms.RowL1, forms.RowTypeSum:
				return true
			}
		}
	}
	return false
}

// numberedItem is a top item of a two-sided table's side: 一、 二、 ….
var numberedItem = regexp.MustCompile(`^[一二三四五六七八九十]+、`)

// gridHeader is the laid-out header of a grid: cells relative to its top.
type gridHeader struct {
	boxes  []Box
	height float64
}

func (l *layouter) planHeader(g *forms.Grid, p gridPlan) gridHeader {
	h := l.planLabels(g, p)
	if p.numbers == nil {
		return h
	}
	// the 栏次 line, one line high, shaded as the header it belongs to
	x, rowH := 0.0, cellLead(p.size)+2*cellVPad(p.size)
	for i, w := range p.widths {
		h.boxes = append(h.boxes, Box{X: x, Y: h.height, W: w, H: rowH, Lines: []string{p.numbers[i]}, Face: hei, Size: p.size,
			Lead: cellLead(p.size), Pad: cellPad, Align: AlignCenter, Fill: true, ColNo: true, Row: -1, Col: i})
		x += w
	}
	h.height += rowH
	return h
}

// planLabels lays out the header's labels: one level, or the group cells
// over their columns.
func (l *layouter) planLabels(g *forms.Grid, p gridPlan) gridHeader {
	s := p.size
	lead, vpad := cellLead(s), cellVPad(s)
	xs := make([]float64, len(p.widths)+1)
	for i, w := range p.widths {
		xs[i+1] = xs[i] + w
	}
	// between the words of the label: 上缴上级/支出, 部门(单位)/代码
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
		size   float64
		face   face
		bold   bool
		indent float64
	}
	fits := make([]cellFit, len(p.widths))
	lines := make([][]string, len(p.widths))
	var piece [][]string
	// the room for lines on a continuation page
	fresh := l.bottom() - l.page.Geo.Top - l.contHeight() - h.height
	for ri, r := range g.Rows {
		rowH := cellLead(s) + 2*vpad
		for ci, c := range r.Cells {
			st := p.style(ri, ci)
			f := song
			if st.bold || p.kinds[ci] != colText {
				f = hei
			}
			indent := 0.0
			if st.indent {
				indent = indentEm * s
			}
			ls, sz := l.fitCell(c.Text, f, s, p.widths[ci]-2*cellPad-indent, p.kinds[ci])
			fits[ci], lines[ci] = cellFit{sz, f, st.bold, indent}, ls
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
					Lead: cellLead(cf.size), Pad: cellPad, Indent: cf.indent, Align: align, Row: ri, Col: ci, Bold: cf.bold})
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
