package sheet

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// block is the selected rectangle, corners included.
func (v *Sheet) block() (top, left, bottom, right int) {
	return min(v.cur.row, v.anchor.row), min(v.cur.col, v.anchor.col),
		max(v.cur.row, v.anchor.row), max(v.cur.col, v.anchor.col)
}

func (v *Sheet) inBlock(p pos) bool {
	t, l, b, r := v.block()
	return p.row >= t && p.row <= b && p.col >= l && p.col <= r
}

func (v *Sheet) selLookAt(p pos) selLook {
	switch {
	case p == v.cur:
		return selCursor
	case v.cur != v.anchor && v.inBlock(p):
		return selBlock
	}
	return selNone
}

// moveTo puts the cursor on p; extend keeps the block's other corner.
func (v *Sheet) moveTo(p pos, extend bool) {
	if len(v.grid.Rows) == 0 || len(v.grid.Columns) == 0 {
		return
	}
	p = v.clamp(p)
	hadBlock := v.cur != v.anchor
	old := v.cur
	v.cur = p
	if !extend {
		v.anchor = p
	}
	v.ensureVisible(p)
	if hadBlock || v.cur != v.anchor {
		v.table.Refresh() // the block's cells change their look
	} else {
		v.refreshCell(old)
		v.refreshCell(p)
	}
	v.updateToolbar()
}

// step moves the cursor by lines and columns.
func (v *Sheet) step(dr, dc int, extend bool) {
	v.moveTo(pos{v.cur.row + dr, v.cur.col + dc}, extend)
}

// tab moves right (left), on to the next (previous) line at the end.
func (v *Sheet) tab(dir int) {
	p := pos{v.cur.row, v.cur.col + dir}
	switch {
	case p.col >= len(v.grid.Columns) && p.row < len(v.grid.Rows)-1:
		p = pos{p.row + 1, 0}
	case p.col < 0 && p.row > 0:
		p = pos{p.row - 1, len(v.grid.Columns) - 1}
	}
	v.moveTo(p, false)
}

// ensureVisible scrolls the grid so that p is shown: the table scrolls
// its lines, the outer scroll its columns (with the header).
func (v *Sheet) ensureVisible(p pos) {
	v.scrollColumn(p.col)
	sc := v.table.scroll
	if sc == nil || sc.Size().Height <= 0 {
		v.pending = true
		return
	}
	y := float32(p.row) * (v.rowH + theme.Padding())
	if y < sc.Offset.Y || y+v.rowH > sc.Offset.Y+sc.Size().Height {
		v.table.ScrollTo(widget.TableCellID{Row: p.row, Col: p.col})
	}
}

func (v *Sheet) scrollColumn(col int) {
	if v.hscroll == nil || col < 0 || col >= len(v.widths) {
		return
	}
	view := v.hscroll.Size().Width
	if view <= 0 {
		return
	}
	pad := theme.Padding()
	x := float32(0)
	for _, w := range v.widths[:col] {
		x += w + pad
	}
	w := v.widths[col]
	off := v.hscroll.Offset.X
	switch {
	case x < off:
		off = x
	case x+w > off+view:
		off = min(x, x+w-view)
	}
	if off != v.hscroll.Offset.X {
		v.hscroll.ScrollToOffset(fyne.NewPos(off, 0))
	}
}
