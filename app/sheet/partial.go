package sheet

import "fyne.io/fyne/v2/theme"

// A scrolling column half under the frozen code and name columns, or cut
// by the grid's right edge, would show only some digits of its figures —
// "50.50" of 150.50 — which read as figures of their own. Such a column
// shows its cells without text until it is scrolled whole into view; the
// cursor's cell always shows its text.

// partialColumns are the scrolling columns the grid shows only in part.
func (v *Sheet) partialColumns() map[int]bool {
	sc := v.table.scroll
	frozen := v.table.StickyColumnCount
	if sc == nil || sc.Size().Width <= 0 || frozen >= len(v.widths) {
		return nil
	}
	pad := theme.Padding()
	// the scroll holds the scrolling columns alone, the frozen ones beside it
	from, to := sc.Offset.X, sc.Offset.X+sc.Size().Width
	var out map[int]bool
	x := float32(0)
	for col := frozen; col < len(v.widths); col++ {
		w := v.widths[col]
		if x < to && x+w > from && (x < from-0.5 || x+w > to+0.5) {
			if out == nil {
				out = map[int]bool{}
			}
			out[col] = true
		}
		x += w + pad
	}
	return out
}

// refreshPartial redraws the shown cells of the columns that became, or
// stopped being, shown in part since the last scroll.
func (v *Sheet) refreshPartial() {
	now := v.partialColumns()
	changed := map[int]bool{}
	for col := range now {
		if !v.partial[col] {
			changed[col] = true
		}
	}
	for col := range v.partial {
		if !now[col] {
			changed[col] = true
		}
	}
	v.partial = now
	if len(changed) == 0 {
		return
	}
	for p, c := range v.cells {
		if changed[p.col] && c.id.Row == p.row && c.id.Col == p.col {
			v.updateCell(c.id, c)
		}
	}
}
