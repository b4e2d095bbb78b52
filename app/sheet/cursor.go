package sheet

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
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

// ensureVisible scrolls the grid so that p is shown: its line, and its
// column unless it is one of the frozen ones (always shown).
func (v *Sheet) ensureVisible(p pos) {
	sc := v.table.scroll
	if sc == nil || sc.Size().Height <= 0 {
		v.pending = true
		return
	}
	pad := theme.Padding()
	off := sc.Offset
	view := sc.Size()
	if frozen := v.table.StickyColumnCount; p.col >= frozen && p.col < len(v.widths) {
		x := float32(0)
		for _, w := range v.widths[frozen:p.col] {
			x += w + pad
		}
		w := v.widths[p.col]
		switch {
		case x < off.X:
			off.X = x
		case x+w > off.X+view.Width:
			off.X = min(x, x+w-view.Width)
		}
	}
	y := float32(p.row) * (v.rowH + pad)
	switch {
	case y < off.Y:
		off.Y = y
	case y+v.rowH > off.Y+view.Height:
		off.Y = y + v.rowH - view.Height
	}
	if off != sc.Offset {
		v.table.ScrollToOffset(off)
		v.header.scrollTo(sc.Offset.X)
		v.refreshPartial()
	}
}

// scrollToStart shows the first columns again (Home, as in Excel: the
// frozen columns alone would need no scrolling).
func (v *Sheet) scrollToStart() {
	sc := v.table.scroll
	if sc == nil || sc.Offset.X == 0 {
		return
	}
	v.table.ScrollToOffset(fyne.NewPos(0, sc.Offset.Y))
	v.header.scrollTo(sc.Offset.X)
	v.refreshPartial()
}
