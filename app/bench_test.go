package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"yusuan/app/look"
	"yusuan/app/sheet"
	"yusuan/forms"
	"yusuan/forms/edit"
	"yusuan/forms/generate"
)

// benchTypeFigure types one figure into a cell of the large document in the
// main window: the keys go through the grid and its in-place editor, the
// session stores the figure, recomputes and re-checks, and the window
// redraws the table, the findings panel, the navigation counts and the
// status bar; then the cursor comes back up for the next figure.
//
//	go test -tags migrated_fynedo ./app -run XXX -bench TypeFigure -benchmem
func benchTypeFigure(b *testing.B, table, col string, leaf func(*forms.Row) bool) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(look.NewTheme())
	d, err := generate.Document(generate.Large, 1)
	if err != nil {
		b.Fatal(err)
	}
	u := &mainUI{app: a, win: a.NewWindow("")}
	u.body = newBody()
	u.win.SetContent(u.body)
	u.win.Resize(fyne.NewSize(1360, 820))
	u.setDocument(d, "", "大型")
	u.selectNode(tableNode(table))
	v := u.view.(*sheet.Sheet)
	p := d.Table(table).Main()
	var at edit.At
	for ri, r := range p.Rows {
		if leaf(r) && !p.IsComputed(ri, p.Col(col)) {
			at = edit.At{Table: table, Row: ri, Col: p.Col(col)}
			break
		}
	}
	v.Select(at)
	figures := []string{"101", "102.5", "103.25", "104", "105", "106", "107"}
	i := 0
	for b.Loop() {
		i++
		typeIn(u.win, figures[i%len(figures)])
		keyIn(u.win, fyne.KeyReturn)
		keyIn(u.win, fyne.KeyUp)
	}
	if v.Cursor() != at || !u.s.Dirty() {
		b.Fatalf("cursor %+v, want %+v", v.Cursor(), at)
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
