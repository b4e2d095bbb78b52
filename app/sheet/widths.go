package sheet

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"yusuan/forms"
)

// Column widths: fitted to the texts when a table opens, set by the clerk
// by dragging a header edge (remembered per table layout, so every 支出总表
// of this template opens with the widths last given), and widened when a
// new line needs more room than its column has.

// minColumnWidth keeps a dragged column wide enough to be found again.
const minColumnWidth = 24

// frozenColumns is how many leading columns stay put while the others
// scroll sideways: the codes and names (the columns before the first
// figure), within a group's bounds and at most half of a laptop's view.
func frozenColumns(g *forms.Grid, widths []float32) int {
	n := 0
	for n < len(g.Columns) && !g.Columns[n].Amount {
		n++
	}
	if n == len(g.Columns) {
		return 0 // no figures: nothing to keep in view beside them
	}
	// never split a header group between frozen and scrolling columns
	for n > 0 && g.Columns[n].Group != "" && g.Columns[n].Group == g.Columns[n-1].Group {
		n--
	}
	const most = 560
	w := float32(0)
	for i := 0; i < n; i++ {
		if w += widths[i] + theme.Padding(); w > most {
			return i
		}
	}
	return n
}

// widthsKey names the table's layout in the preferences.
func (v *Sheet) widthsKey() string {
	labels := make([]string, len(v.grid.Columns))
	for i, c := range v.grid.Columns {
		labels[i] = c.Group + "/" + c.Label
	}
	return "列宽:" + string(v.t.Kind) + ":" + strings.Join(labels, "|")
}

func preferences() fyne.Preferences {
	if a := fyne.CurrentApp(); a != nil {
		return a.Preferences()
	}
	return nil
}

// keptWidths applies the widths the clerk dragged last time to the columns
// of the same layout.
func (v *Sheet) keptWidths() {
	p := preferences()
	if p == nil {
		return
	}
	kept := p.StringList(v.widthsKey())
	if len(kept) != len(v.widths) {
		return
	}
	for i, s := range kept {
		if s == "" {
			continue
		}
		if w, err := strconv.ParseFloat(s, 32); err == nil && w >= minColumnWidth {
			v.widths[i] = float32(w)
			v.dragged[i] = true
		}
	}
}

// keepWidths remembers the dragged widths (the others stay fitted).
func (v *Sheet) keepWidths() {
	p := preferences()
	if p == nil {
		return
	}
	list := make([]string, len(v.widths))
	for i, w := range v.widths {
		if v.dragged[i] {
			list[i] = strconv.FormatFloat(float64(w), 'f', 0, 32)
		}
	}
	p.SetStringList(v.widthsKey(), list)
}

// setColumnWidth gives column col the width w: in the table, the header
// and (dragged by the clerk) the preferences.
func (v *Sheet) setColumnWidth(col int, w float32, fitted bool) {
	w = max(w, minColumnWidth)
	if col < 0 || col >= len(v.widths) || w == v.widths[col] {
		return
	}
	v.widths[col] = w
	if !fitted {
		v.dragged[col] = true
	}
	v.table.SetColumnWidth(col, w)
	v.header.relayout()
	v.partial = v.partialColumns()
	v.table.Refresh()
}

// refit widens the columns a changed grid needs wider (a new line with a
// longer name), never one the clerk sized.
func (v *Sheet) refit() {
	if len(v.grid.Columns) != len(v.widths) {
		return
	}
	fitted := columnWidths(v.grid)
	for i, w := range fitted {
		if !v.dragged[i] && w > v.widths[i] {
			v.setColumnWidth(i, w, true)
		}
	}
	v.fitted = fitted
}
