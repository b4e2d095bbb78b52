package cli

import (
	"io"
	"strings"

	"golang.org/x/text/width"

	"yusuan/forms"
)

// displayWidth counts terminal columns: CJK and full-width characters take two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func pad(s string, w int, right bool) string {
	gap := w - displayWidth(s)
	if gap <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", gap) + s
	}
	return s + strings.Repeat(" ", gap)
}

const gridSep = "  "

func columnWidths(g *forms.Grid) []int {
	w := make([]int, len(g.Columns))
	for i, c := range g.Columns {
		w[i] = displayWidth(c.Label)
	}
	for _, r := range g.Rows {
		for i, c := range r.Cells {
			w[i] = max(w[i], displayWidth(c.Text))
		}
	}
	forms.WidenForGroups(g, w, len(gridSep), displayWidth)
	return w
}

func spanWidth(w []int, span [2]int) int {
	total := len(gridSep) * (span[1] - span[0] - 1)
	for i := span[0]; i < span[1]; i++ {
		total += w[i]
	}
	return total
}

// writeGrid lays out a grid for a terminal: the upper header centred over
// its columns, the labels, a rule, then the lines.
func writeGrid(out io.Writer, g *forms.Grid) {
	ws := columnWidths(g)
	var b strings.Builder
	emit := func(parts []string) {
		b.WriteString(strings.TrimRight(strings.Join(parts, gridSep), " "))
		b.WriteByte('\n')
	}
	if g.HasGroups() {
		var parts []string
		for _, span := range g.Spans() {
			total := spanWidth(ws, span)
			label := g.Columns[span[0]].Group
			left := max((total-displayWidth(label))/2, 0)
			parts = append(parts, pad(strings.Repeat(" ", left)+label, total, false))
		}
		emit(parts)
	}
	var parts []string
	for i, c := range g.Columns {
		parts = append(parts, pad(c.Label, ws[i], false))
	}
	emit(parts)
	b.WriteString(strings.Repeat("─", spanWidth(ws, [2]int{0, len(ws)})))
	b.WriteByte('\n')
	for _, r := range g.Rows {
		parts = parts[:0]
		for i, c := range r.Cells {
			parts = append(parts, pad(c.Text, ws[i], g.Columns[i].Amount))
		}
		emit(parts)
	}
	io.WriteString(out, b.String())
}

// textColumns makes a grid of plain text columns (the 绩效 forms' lists).
func textColumns(labels ...string) *forms.Grid {
	g := &forms.Grid{}
	for _, l := range labels {
		g.Columns = append(g.Columns, forms.GridColumn{Label: l, Pane: -1, Col: -1})
	}
	return g
}

func addTextRow(g *forms.Grid, cells ...string) {
	var r forms.GridRow
	for _, c := range cells {
		r.Cells = append(r.Cells, forms.GridCell{Text: c, State: forms.CellText, Pane: -1, Row: -1, Col: -1})
	}
	g.Rows = append(g.Rows, r)
}
