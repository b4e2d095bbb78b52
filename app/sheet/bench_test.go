package sheet

import (
	"testing"

	"fyne.io/fyne/v2"

	"yusuan/forms"
	"yusuan/forms/edit"
	"yusuan/forms/generate"
)

// benchTypeFigure types one figure into a cell of the large document
// (design.md: 2,000 classification lines, 10,000 projects): the keys go
// through the grid and the in-place editor, then Session.Enter (store,
// recompute, re-check) and the sheet's refresh (the table's grid read
// again), and the cursor comes back up for the next figure.
//
//	go test -tags migrated_fynedo ./app/sheet -run XXX -bench TypeFigure -benchmem
func benchTypeFigure(b *testing.B, table, col string, leaf func(*forms.Row) bool) {
	d, err := generate.Document(generate.Large, 1)
	if err != nil {
		b.Fatal(err)
	}
	v, _, w := open(b, d, table)
	p := v.t.Main()
	var at edit.At
	for ri, r := range p.Rows {
		if leaf(r) && !p.IsComputed(ri, p.Col(col)) {
			at = edit.At{Table: table, Row: ri, Col: p.Col(col)}
			break
		}
	}
	cell, ok := v.printed(at)
	if !ok {
		b.Fatal("no cell")
	}
	v.Select(at)
	figures := []string{"101", "102.5", "103.25", "104", "105", "106", "107"}
	i := 0
	for b.Loop() {
		i++
		typeText(w, figures[i%len(figures)])
		press(w, fyne.KeyReturn)
		press(w, fyne.KeyUp)
	}
	if v.cur != cell || v.editing != nil {
		b.Fatalf("cursor %v, editing %v", v.cur, v.editing != nil)
	}
}

// BenchmarkTypeFigureLarge: a 项 line of the 一般公共预算支出表 (2,001 lines).
func BenchmarkTypeFigureLarge(b *testing.B) {
	benchTypeFigure(b, "general", "public", func(r *forms.Row) bool { return len(r.Code) == 7 })
}

// BenchmarkTypeFigureProjectsLarge: a project of the 项目支出表 (10,501 lines).
func BenchmarkTypeFigureProjectsLarge(b *testing.B) {
	benchTypeFigure(b, "projects", "cur_general", func(r *forms.Row) bool { return r.Type == forms.RowProject })
}
