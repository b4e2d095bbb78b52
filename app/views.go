package app

import (
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
		if !t.IsPrinted() && !t.IsGrid() {
			return perfedit.New(u.s, t, u.win)
		}
		v := sheet.New(u.s, t, u.win) // a printed table read-only, from its printed copy
		v.FindElsewhere = u.findInOtherTables
		return v
	}
	return nil
}

// findInOtherTables goes to the next table after the current one (round
// to the first) whose grid holds q, with the find line open on it.
func (u *mainUI) findInOtherTables(q string) {
	d := u.s.Doc()
	cur := tableOfNode(u.current)
	start := 0
	for i, t := range d.Tables {
		if t.ID == cur {
			start = i + 1
		}
	}
	for k := range d.Tables {
		t := d.Tables[(start+k)%len(d.Tables)]
		if t.ID == cur || t.Absent || !(t.IsGrid() || t.IsPrinted()) {
			continue
		}
		g := d.Grid(t)
		if t.IsPrinted() {
			g = d.ShownGrid(t)
		}
		if sheet.GridHas(g, q) {
			u.selectNode(tableNode(t.ID))
			if v, ok := u.view.(*sheet.Sheet); ok {
				v.FindFrom(q)
			}
			return
		}
	}
	if v, ok := u.view.(*sheet.Sheet); ok {
		v.SayNotFound(q)
	}
}

// goToFinding opens a finding's table or text part and selects its cell
// (a table) or its form (a 绩效 table).
func (u *mainUI) goToFinding(f *check.Finding) {
	u.selectNode(nodeOfPart(f.Table))
	switch v := u.view.(type) {
	case *sheet.Sheet:
		for _, ref := range f.Cells {
			if ref.Table != f.Table {
				continue
			}
			if a, ok := u.s.Locate(ref); ok {
				v.Select(a)
				return
			}
		}
	case *perfedit.Editor:
		for _, ref := range f.Cells {
			if ref.Table == f.Table && ref.Row != "" {
				v.SelectForm(ref.Row)
				v.Reveal(ref.Column) // the indicator, when the finding is about one
				return
			}
		}
	}
}

// markCells tints the cells of the table shown that findings speak of.
func (u *mainUI) markCells() {
	v, ok := u.view.(*sheet.Sheet)
	if !ok {
		return
	}
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
	v.SetMarks(marks)
}
