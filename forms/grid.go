package forms

import "yusuan/forms/money"

// Grid is a table laid out as it prints: the header (two levels) and the
// lines, every cell as text with where it comes from. The window, the
// command line and the exports all draw tables from a Grid, so a table
// prints the same everywhere.
type Grid struct {
	Columns []GridColumn
	Rows    []GridRow
}

// GridColumn is a printed column.
type GridColumn struct {
	Group  string // upper header cell; neighbours with the same Group share it ("" = none)
	Label  string
	Hidden bool // kept in the document, not printed (only in GridWithHidden)
	Amount bool // figures: right-aligned
	Pane   int  // source pane (amount and text columns), -1 for code and label columns
	Col    int  // source column in the pane, -1 for code and label columns
}

// CellState says where a printed figure comes from.
type CellState int

const (
	CellText     CellState = iota // a code, a name, a label or a text attribute
	CellEntered                   // a figure the clerk entered
	CellComputed                  // a total computed by the program
	CellGiven                     // a total that arrived from outside and differs from the computed one
	CellBlank                     // the empty half of a two-sided line
)

// GridCell is one printed cell.
type GridCell struct {
	Text  string
	State CellState
	Total bool // the cell's own line is a total or subtotal
	Pane  int  // source pane, or -1
	Row   int  // source row in the pane, or -1
	Col   int  // source column in the pane, or -1

	amount money.Amount // the figure Text shows (amount cells)
}

// GridRow is one printed line.
type GridRow struct {
	Cells []GridCell
	Total bool // a total or subtotal line (printed bold)
}

// Grid lays out a grid table (not the 绩效 forms, which have their own
// layout) with the columns it prints.
func (d *Document) Grid(t *Table) *Grid {
	switch t.Layout() {
	case LayoutTwoSided:
		return d.twoSidedGrid(t)
	case LayoutForm:
		return &Grid{}
	}
	return d.paneGrid(t, false)
}

// GridWithHidden is Grid with the columns a template keeps but does not
// print (a workbook carries them as hidden columns).
func (d *Document) GridWithHidden(t *Table) *Grid {
	if t.Layout() == LayoutTwoSided || t.Layout() == LayoutForm {
		return d.Grid(t)
	}
	return d.paneGrid(t, true)
}

func (d *Document) paneGrid(t *Table, hidden bool) *Grid {
	p := t.Main()
	g := &Grid{}
	layout := t.Layout()
	switch layout {
	case LayoutClass:
		g.Columns = append(g.Columns,
			GridColumn{Label: orDefault(t.Def.CodeLabel, "编码"), Pane: -1, Col: -1},
			GridColumn{Label: orDefault(t.Def.NameLabel, "名称"), Pane: -1, Col: -1})
	case LayoutFixed:
		g.Columns = append(g.Columns, GridColumn{Label: "项目", Pane: -1, Col: -1})
	}
	var cols []int
	for ci, c := range p.Columns {
		if c.Hidden && !hidden {
			continue
		}
		cols = append(cols, ci)
		g.Columns = append(g.Columns, GridColumn{Group: c.Group, Label: c.Label, Hidden: c.Hidden, Amount: !c.Text, Pane: 0, Col: ci})
	}
	for ri, r := range p.Rows {
		row := GridRow{Total: r.Computed()}
		label := GridCell{Text: p.Label(ri), State: CellText, Total: row.Total, Pane: 0, Row: ri, Col: -1}
		switch layout {
		case LayoutClass:
			row.Cells = append(row.Cells, GridCell{Text: d.ShowCode(r.Code), State: CellText, Total: row.Total, Pane: 0, Row: ri, Col: -1}, label)
		case LayoutFixed:
			row.Cells = append(row.Cells, label)
		}
		for _, ci := range cols {
			c := p.Columns[ci]
			if c.Text {
				text := r.Attr(c.Key)
				if layout == LayoutProjects && r.Type == RowTotal && len(row.Cells) == 0 {
					text = r.Name
				}
				row.Cells = append(row.Cells, GridCell{Text: text, State: CellText, Total: row.Total, Pane: 0, Row: ri, Col: ci})
				continue
			}
			row.Cells = append(row.Cells, d.amountCell(t, p, 0, ri, ci))
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

// RefreshFigures brings the amounts of a grid up to date after figures
// changed and lines did not: the same as Grid again, without laying out
// every line (a 项目支出表 has ten thousand).
func (d *Document) RefreshFigures(t *Table, g *Grid) {
	for ri := range g.Rows {
		cells := g.Rows[ri].Cells
		for i, c := range cells {
			if c.Pane < 0 || c.Row < 0 || c.Col < 0 || c.Pane >= len(t.Panes) {
				continue
			}
			p := t.Panes[c.Pane]
			if c.Row >= len(p.Rows) || c.Col >= len(p.Columns) || p.Columns[c.Col].Text {
				continue
			}
			// formatting ten thousand figures per keystroke shows; most are as they were
			if p.Rows[c.Row].Cells[c.Col].Value == c.amount && cellState(p, c.Row, c.Col) == c.State {
				continue
			}
			cells[i] = d.amountCell(t, p, c.Pane, c.Row, c.Col)
		}
	}
}

func (d *Document) amountCell(t *Table, p *Pane, pane, ri, ci int) GridCell {
	v := p.Rows[ri].Cells[ci].Value
	return GridCell{Text: t.Show(v), State: cellState(p, ri, ci), Total: p.Rows[ri].Computed(), Pane: pane, Row: ri, Col: ci, amount: v}
}

// cellState is where an amount comes from.
func cellState(p *Pane, ri, ci int) CellState {
	if !p.IsComputed(ri, ci) {
		return CellEntered
	}
	if p.Rows[ri].Cells[ci].Entered {
		return CellGiven
	}
	return CellComputed
}

func (d *Document) twoSidedGrid(t *Table) *Grid {
	g := &Grid{}
	for pi, p := range t.Panes {
		g.Columns = append(g.Columns, GridColumn{Group: p.Title, Label: orDefault(p.ItemLabel, "项目"), Pane: pi, Col: -1})
		for ci, c := range p.Columns {
			if !c.Hidden {
				g.Columns = append(g.Columns, GridColumn{Group: p.Title, Label: c.Label, Amount: true, Pane: pi, Col: ci})
			}
		}
	}
	for _, pair := range t.SideBySide() {
		var row GridRow
		for pi, ri := range pair {
			p := t.Panes[pi]
			if ri < 0 {
				row.Cells = append(row.Cells, GridCell{State: CellBlank, Pane: pi, Row: -1, Col: -1})
				for _, c := range p.Columns {
					if !c.Hidden {
						row.Cells = append(row.Cells, GridCell{State: CellBlank, Pane: pi, Row: -1, Col: -1})
					}
				}
				continue
			}
			row.Total = row.Total || p.Rows[ri].Computed()
			row.Cells = append(row.Cells, GridCell{Text: p.Label(ri), State: CellText, Total: p.Rows[ri].Computed(), Pane: pi, Row: ri, Col: -1})
			for ci, c := range p.Columns {
				if !c.Hidden {
					row.Cells = append(row.Cells, d.amountCell(t, p, pi, ri, ci))
				}
			}
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

// Spans lists [from, to) runs of columns that share an upper header cell.
func (g *Grid) Spans() [][2]int {
	var out [][2]int
	for i := 0; i < len(g.Columns); {
		j := i + 1
		for j < len(g.Columns) && g.Columns[i].Group != "" && g.Columns[j].Group == g.Columns[i].Group {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// HasGroups reports whether the header has an upper level.
func (g *Grid) HasGroups() bool {
	for _, c := range g.Columns {
		if c.Group != "" {
			return true
		}
	}
	return false
}

// WidenForGroups widens the last column of every group whose upper header
// is wider than its columns together (gap: the space between two columns).
func WidenForGroups[T int | float32 | float64](g *Grid, widths []T, gap T, measure func(string) T) {
	for _, span := range g.Spans() {
		label := g.Columns[span[0]].Group
		if label == "" {
			continue
		}
		var have T
		for i := span[0]; i < span[1]; i++ {
			have += widths[i]
		}
		have += gap * T(span[1]-span[0]-1)
		if need := measure(label); need > have {
			widths[span[1]-1] += need - have
		}
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
