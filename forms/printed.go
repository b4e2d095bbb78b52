package forms

import (
	"strings"

	"yusuan/forms/money"
)

// Printed is a table as a published document printed it: its header rows
// and its body rows as cell texts, a spanning cell repeating its text in
// each column it spans. A document read from a published PDF keeps every
// table so, in its family's order, titles and columns: show and the
// exports reproduce it. Where the table is of a kind the program knows,
// the kind's figures are read out of it as well, and the checks run on
// those; a table of no known kind (政府采购预算明细表, 会议费表 …) is kept
// only so, shown and exported, not checked.
type Printed struct {
	Header [][]string `json:"header,omitempty"`
	Rows   [][]string `json:"rows,omitempty"`
	// Pages the table was read from (1 = the first page of its file).
	Pages []int `json:"pages,omitempty"`
}

// Columns is the printed table's number of columns.
func (p *Printed) Columns() int {
	n := 0
	for _, r := range p.Header {
		n = max(n, len(r))
	}
	for _, r := range p.Rows {
		n = max(n, len(r))
	}
	return n
}

// IsPrinted reports whether the table is kept only as printed (no kind).
func (t *Table) IsPrinted() bool { return t.Kind == KindPrinted }

// Shows reports whether the table is to be shown and exported as printed:
// it has a printed copy that no edit has made stale.
func (t *Table) Shows() bool { return t.Printed != nil }

// ShownGrid is the table as show and the exports print it: as the
// published document printed it when it was read from one, else in the
// template's layout.
func (d *Document) ShownGrid(t *Table) *Grid {
	if t.Printed != nil {
		return t.Printed.Grid()
	}
	return d.Grid(t)
}

// Grid lays a printed table out as a Grid of text: its header's last two
// levels as group and label (a deeper header keeps its upper levels in the
// group, joined by "／"), a column of figures marked as amounts. Nothing in
// it points into a pane: a printed table is shown, not edited.
func (p *Printed) Grid() *Grid {
	n := p.Columns()
	g := &Grid{}
	for c := 0; c < n; c++ {
		var path []string
		for _, h := range p.Header {
			if c < len(h) && h[c] != "" && (len(path) == 0 || path[len(path)-1] != h[c]) {
				path = append(path, h[c])
			}
		}
		col := GridColumn{Pane: -1, Col: -1, Amount: figureColumn(p.Rows, c)}
		switch len(path) {
		case 0:
		case 1:
			col.Label = path[0]
		default:
			col.Label = path[len(path)-1]
			col.Group = strings.Join(path[:len(path)-1], "／")
		}
		g.Columns = append(g.Columns, col)
	}
	for _, r := range p.Rows {
		row := GridRow{}
		for c := 0; c < n; c++ {
			text := ""
			if c < len(r) {
				text = r[c]
			}
			row.Cells = append(row.Cells, GridCell{Text: text, State: CellText, Pane: -1, Row: -1, Col: -1})
		}
		row.Total = totalLine(r)
		for i := range row.Cells {
			row.Cells[i].Total = row.Total
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

// figureColumn: the column's non-empty cells are figures.
func figureColumn(rows [][]string, c int) bool {
	seen := false
	for _, r := range rows {
		if c >= len(r) || strings.TrimSpace(r[c]) == "" {
			continue
		}
		if _, err := money.Parse(r[c]); err != nil {
			return false
		}
		seen = true
	}
	return seen
}

// totalLine: a line labelled 合计, 总计 or 小计 (printed bold).
func totalLine(r []string) bool {
	for _, c := range r {
		t := strings.Join(strings.Fields(c), "")
		if t == "" {
			continue
		}
		return strings.HasSuffix(t, "合计") || strings.HasSuffix(t, "总计") || strings.HasPrefix(t, "合计") || strings.HasPrefix(t, "总计")
	}
	return false
}

// PrintsZeros: the table prints a zero as 0.00 rather than blank — as its
// published copy does, when it was read from one (深圳 prints 0.00, 上海
// leaves the cell blank), else as its template says.
func (t *Table) PrintsZeros() bool {
	if t.Printed == nil {
		return t.Def.Zero == "0.00"
	}
	for _, r := range t.Printed.Rows {
		for _, c := range r {
			if a, err := money.Parse(c); err == nil && a == 0 && strings.ContainsAny(c, "0") {
				return true
			}
		}
	}
	return false
}
