package app

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"yusuan/assets"
	"yusuan/forms"
	"yusuan/forms/money"
)

func sampleUI(t *testing.T) *mainUI {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme())
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("")
	u := newMainUI(w, d, "")
	w.SetContent(u.build())
	w.Resize(fyne.NewSize(1280, 800))
	u.selectNode(firstTableNode(d))
	return u
}

func TestNavigationListsPartsAndEveryTable(t *testing.T) {
	u := sampleUI(t)
	children := navChildren(u.doc)
	labels := navLabels(u.doc)
	var roots []string
	for _, id := range children[""] {
		roots = append(roots, labels[id])
	}
	if strings.Join(roots, "|") != "第一部分 部门概况|第二部分 预算表格|第三部分 情况说明|第四部分 名词解释" {
		t.Errorf("parts %v", roots)
	}
	tables := children[nodePart2]
	if len(tables) != 13 {
		t.Fatalf("%d tables in the navigation", len(tables))
	}
	if labels[tables[0]] != "一、2022年收支预算总表" || labels[tables[12]] != "十三、2022年项目支出绩效目标申报表（二级项目）" {
		t.Errorf("table labels %q … %q", labels[tables[0]], labels[tables[12]])
	}
	if !strings.Contains(u.win.Title(), "示例数据") {
		t.Errorf("title %q", u.win.Title())
	}
}

func cellAt(v *tableView, row, col int) *gridCell {
	c := newGridCell()
	v.updateCell(widget.TableCellID{Row: row, Col: col}, c)
	return c
}

func TestTableViewShowsHeaderFiguresAndComputedCells(t *testing.T) {
	u := sampleUI(t)
	u.selectNode(tableNode("general"))
	v := u.table
	if v == nil || v.t.ID != "general" {
		t.Fatal("selecting a table did not show it")
	}
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
	if total.text.Text != "6677.45" || total.bg.FillColor != colorComputedBg || total.text.Alignment != fyne.TextAlignTrailing {
		t.Errorf("合计 cell: %q %v", total.text.Text, total.bg.FillColor)
	}
	entered := cellAt(v, rowOf("2013101"), colOf("public"))
	if entered.text.Text != "174.40" || entered.bg.FillColor != colorEnteredBg {
		t.Errorf("entered cell: %q %v", entered.text.Text, entered.bg.FillColor)
	}
	if code := cellAt(v, rowOf("2013101"), 0); code.text.Text != "2013101" || code.text.Alignment != fyne.TextAlignLeading {
		t.Errorf("code cell %q", code.text.Text)
	}
	// a given total that differs from the computed one is marked
	if err := p.Give(p.RowIndex("201"), p.Col("basic"), money.MustParse("700.00")); err != nil {
		t.Fatal(err)
	}
	v2 := newTableView(u.doc, v.t)
	if c := cellAt(v2, rowOf("201"), colOf("basic")); c.bg.FillColor != colorGivenBg || c.text.Text != "700.00" {
		t.Errorf("given cell: %q %v", c.text.Text, c.bg.FillColor)
	}
	// the columns are as wide as their header
	for i, w := range v.widths {
		if w < fyne.MeasureText(v.grid.Columns[i].Label, 14, fyne.TextStyle{}).Width {
			t.Errorf("column %d narrower than its label", i)
		}
	}
}

func TestEveryTableAndPartOpens(t *testing.T) {
	u := sampleUI(t)
	for _, id := range append(navChildren(u.doc)[nodePart2], nodeFunctions, nodeOrganization, nodeExplanation, nodeGlossary, nodePart1, nodePart2) {
		u.selectNode(id)
		if len(u.content.Objects) != 1 || u.current != id {
			t.Errorf("%s did not open", id)
		}
	}
	u.selectNode(nodeFunctions)
	if !containsText(u.content, "（十）") {
		t.Error("主要职能 text not shown")
	}
	u.selectNode(nodeExplanation)
	if !containsText(u.content, "基本支出943.25万元，占14.13%") || !containsText(u.content, "自动生成") {
		t.Error("the generated 情况说明 not shown")
	}
	u.selectNode(nodeGlossary)
	if !containsText(u.content, "“三公”经费") {
		t.Error("名词解释 not shown")
	}
}

func containsText(o fyne.CanvasObject, s string) bool {
	switch x := o.(type) {
	case *widget.Label:
		return strings.Contains(x.Text, s)
	case *fyne.Container:
		for _, c := range x.Objects {
			if containsText(c, s) {
				return true
			}
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		for _, c := range r.Objects() {
			if containsText(c, s) {
				return true
			}
		}
	}
	return false
}

func TestLoadErrorIsShownNotHidden(t *testing.T) {
	a := test.NewTempApp(t)
	w := NewMainWindow(a, nil, "坏文件.yusuan", errors.New("文件“坏文件.yusuan”第 3 行：JSON 格式错误"))
	if !containsText(w.Content(), "第 3 行") || !containsText(w.Content(), "没有被改动") {
		t.Error("the load error is not shown")
	}
}

func TestThemeUsesBundledFont(t *testing.T) {
	th := NewTheme()
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Monospace: true}} {
		r := th.Font(style)
		if !bytes.Equal(r.Content(), assets.FontHei) {
			t.Errorf("style %+v does not use the bundled font", style)
		}
	}
	if _, err := io.ReadAll(bytes.NewReader(Icon().Content())); err != nil || len(Icon().Content()) == 0 {
		t.Error("icon")
	}
}
