package sheet

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/money"
)

func cellAt(v *Sheet, row, col int) *gridCell {
	c := newGridCell()
	v.updateCell(widget.TableCellID{Row: row, Col: col}, c)
	return c
}

func TestTableViewShowsHeaderFiguresAndComputedCells(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.NewTheme())
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	v := New(d, d.Table("general"))
	heads := strings.Join(v.header.labels(), "|")
	for _, want := range []string{"科目编码", "功能分类科目名称", "合计", "基本支出", "小计", "人员经费", "公用经费", "项目支出"} {
		if !strings.Contains(heads, want) {
			t.Errorf("header lacks %s: %s", want, heads)
		}
	}
	p := v.t.Main()
	rowOf := func(key string) int {
		for i, r := range v.grid.Rows {
			if r.Cells[2].Row == p.RowIndex(key) {
				return i
			}
		}
		t.Fatalf("no row %s", key)
		return -1
	}
	colOf := func(key string) int {
		for i, c := range v.grid.Columns {
			if c.Col == p.Col(key) && c.Col >= 0 {
				return i
			}
		}
		t.Fatalf("no column %s", key)
		return -1
	}
	total := cellAt(v, rowOf("total"), colOf("total"))
	if total.text.Text != "6677.45" || total.bg.FillColor != look.ComputedBg || total.text.Alignment != fyne.TextAlignTrailing {
		t.Errorf("合计 cell: %q %v", total.text.Text, total.bg.FillColor)
	}
	entered := cellAt(v, rowOf("2013101"), colOf("public"))
	if entered.text.Text != "174.40" || entered.bg.FillColor != look.EnteredBg {
		t.Errorf("entered cell: %q %v", entered.text.Text, entered.bg.FillColor)
	}
	if code := cellAt(v, rowOf("2013101"), 0); code.text.Text != "2013101" || code.text.Alignment != fyne.TextAlignLeading {
		t.Errorf("code cell %q", code.text.Text)
	}
	// a given total that differs from the computed one is marked
	if err := p.Give(p.RowIndex("201"), p.Col("basic"), money.MustParse("700.00")); err != nil {
		t.Fatal(err)
	}
	v2 := New(d, v.t)
	if c := cellAt(v2, rowOf("201"), colOf("basic")); c.bg.FillColor != look.GivenBg || c.text.Text != "700.00" {
		t.Errorf("given cell: %q %v", c.text.Text, c.bg.FillColor)
	}
	// the columns are as wide as their header
	for i, w := range v.widths {
		if w < fyne.MeasureText(v.grid.Columns[i].Label, 14, fyne.TextStyle{}).Width {
			t.Errorf("column %d narrower than its label", i)
		}
	}
}
