package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
	"yusuan/forms/money"
)

// printedSheet writes a table read from a published document as it was
// printed: its title, the 编制单位 and unit line, its header rows with the
// spans it printed (a text repeated along a row or down a column is one
// merged cell), and its lines; figures as numbers (read back exactly).
func (w *writer) printedSheet(sheet string, t *forms.Table) error {
	f, d, p := w.f, w.doc, t.Printed
	ncol := max(p.Columns(), 2)
	last := cell(ncol, 1)
	f.SetCellStr(sheet, "A1", t.Title)
	f.MergeCell(sheet, "A1", last)
	f.SetCellStyle(sheet, "A1", last, w.style(styleKey{kind: sTitle}))
	f.SetRowHeight(sheet, 1, 30)
	mid := max(ncol/2, 1)
	f.SetCellStr(sheet, "A2", "编制单位："+d.Meta.Name)
	f.MergeCell(sheet, "A2", cell(mid, 2))
	f.SetCellStr(sheet, cell(mid+1, 2), "单位："+string(printedUnit(t)))
	f.MergeCell(sheet, cell(mid+1, 2), cell(ncol, 2))
	f.SetCellStyle(sheet, "A2", cell(mid, 2), w.style(styleKey{kind: sText, plain: true}))
	f.SetCellStyle(sheet, cell(mid+1, 2), cell(ncol, 2), w.style(styleKey{kind: sText, right: true, plain: true}))
	top := 3
	head := w.style(styleKey{kind: sHeader})
	done := map[[2]int]bool{}
	for r, row := range p.Header {
		for c := 0; c < ncol; c++ {
			if done[[2]int{r, c}] {
				continue
			}
			text := at(row, c)
			// the span: along the row, then down the header
			c2 := c
			for c2+1 < ncol && text != "" && at(row, c2+1) == text {
				c2++
			}
			r2 := r
			for r2+1 < len(p.Header) && text != "" && sameRun(p.Header[r2+1], c, c2, text) {
				r2++
			}
			for rr := r; rr <= r2; rr++ {
				for cc := c; cc <= c2; cc++ {
					done[[2]int{rr, cc}] = true
				}
			}
			from, to := cell(c+1, top+r), cell(c2+1, top+r2)
			if text != "" {
				f.SetCellStr(sheet, from, text)
			}
			if from != to {
				f.MergeCell(sheet, from, to)
			}
			f.SetCellStyle(sheet, from, to, head)
		}
	}
	row := top + len(p.Header)
	g := p.Grid()
	for _, gr := range g.Rows {
		for c, gc := range gr.Cells {
			ref := cell(c+1, row)
			if g.Columns[c].Amount && gc.Text != "" {
				if v, err := money.Parse(gc.Text); err == nil {
					f.SetCellDefault(sheet, ref, v.String())
					f.SetCellStyle(sheet, ref, ref, w.style(styleKey{kind: sAmount, bold: gr.Total, grouped: strings.Contains(gc.Text, ",")}))
					continue
				}
			}
			if gc.Text != "" {
				f.SetCellStr(sheet, ref, gc.Text)
			}
			f.SetCellStyle(sheet, ref, ref, w.style(styleKey{kind: sText, bold: gr.Total}))
		}
		row++
	}
	widths := sheetColumnWidths(g, false) // the printed header is written as it was, unwrapped
	for i, wd := range widths {
		name, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sheet, name, name, wd)
	}
	bottom := top + len(p.Header) - 1
	if len(p.Header) > 0 {
		f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: bottom, TopLeftCell: cell(1, bottom+1), ActivePane: "bottomLeft"})
	}
	return w.printSetup(sheet, widths, top, max(bottom, top))
}

// printedUnit is the unit the printed copy shows: a table kept in 元 for
// its six decimals of 万元 (decision 37) printed 万元.
func printedUnit(t *forms.Table) money.Unit {
	for _, r := range t.Printed.Rows {
		for _, c := range r {
			if i := strings.LastIndex(c, "."); i >= 0 && len(c)-i-1 > 2 && t.Unit == money.Yuan {
				return money.WanYuan
			}
		}
	}
	return t.Unit
}

func at(row []string, c int) string {
	if c < len(row) {
		return row[c]
	}
	return ""
}

// sameRun: the row repeats text over exactly the columns c..c2.
func sameRun(row []string, c, c2 int, text string) bool {
	for x := c; x <= c2; x++ {
		if at(row, x) != text {
			return false
		}
	}
	return (c == 0 || at(row, c-1) != text) && at(row, c2+1) != text
}
