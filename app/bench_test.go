package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"yusuan/app/look"
	"yusuan/forms/edit"
	"yusuan/forms/generate"
	"yusuan/forms/money"
)

// Typing one figure on the large document: the session stores it,
// recomputes, re-checks, and the window redraws the table, the findings,
// the navigation counts and the status bar.
//
//	go test -tags migrated_fynedo ./app -run XXX -bench . -benchmem
func BenchmarkTypeFigureLarge(b *testing.B) {
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
	u.selectNode(tableNode("general"))
	p := d.Table("general").Main()
	var at edit.At
	for ri, r := range p.Rows {
		if len(r.Code) == 7 && !p.IsComputed(ri, p.Col("public")) {
			at = edit.At{Table: "general", Row: ri, Col: p.Col("public")}
			break
		}
	}
	i := 0
	for b.Loop() {
		i++
		if err := u.s.Enter(at, money.Amount(100+i%7).String()); err != nil {
			b.Fatal(err)
		}
	}
}
