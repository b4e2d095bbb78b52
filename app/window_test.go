package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
)

func sampleUI(t *testing.T) *mainUI {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.NewTheme())
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
