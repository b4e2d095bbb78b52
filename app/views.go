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

// viewFor makes the editor of a navigation node.
func (u *mainUI) viewFor(id string) view {
	switch id {
	case nodeCover:
		return textedit.Meta(u.s, u.win)
	case nodeFunctions:
		return textedit.Functions(u.s, u.win)
	case nodeOrganization:
		return textedit.Organization(u.s, u.win)
	case nodeExplanation:
		return textedit.Explanation(u.s, u.win)
	case nodeGlossary:
		return textedit.Glossary(u.s, u.win)
	}
	if t := u.s.Doc().Table(tableOfNode(id)); t != nil {
		if !t.IsGrid() {
			return perfedit.New(u.s, t, u.win)
		}
		return newStatic(func() fyne.CanvasObject { return sheet.New(u.s.Doc(), t).Object() })
	}
	return nil
}

// staticView shows something rebuilt on every change (the read-only table
// until the editor lands).
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

// goToFinding opens a finding's table or text part and selects its cell
// (a table) or its form (a 绩效 table).
func (u *mainUI) goToFinding(f *check.Finding) {
	u.selectNode(nodeOfPart(f.Table))
	switch v := u.view.(type) {
	case *perfedit.Editor:
		for _, ref := range f.Cells {
			if ref.Table == f.Table && ref.Row != "" {
				v.SelectForm(ref.Row)
				return
			}
		}
	}
}

// markCells tints the cells of the table shown that findings speak of.
func (u *mainUI) markCells() {
	table := tableOfNode(u.current)
	marks := map[edit.At]check.Severity{}
	for _, f := range u.s.Result().Findings {
		if f.Explained() {
			continue
		}
		for _, ref := range f.Cells {
			if ref.Table != table {
				continue
			}
			if a, ok := u.s.Locate(ref); ok {
				if old, seen := marks[a]; !seen || f.Severity < old {
					marks[a] = f.Severity
				}
			}
		}
	}
	_ = marks
}
