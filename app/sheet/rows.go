package sheet

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/edit"
)

// removable reports whether a line is the clerk's to delete (codes, units,
// loose lines, projects), not the template's.
func removable(r *forms.Row) bool {
	switch r.Type {
	case forms.RowClass, forms.RowUnit, forms.RowLoose, forms.RowProject:
		return true
	}
	return false
}

// removeRow deletes the cursor's line, asking first when it holds money.
func (v *Sheet) removeRow() {
	v.Commit()
	if v.readOnly {
		v.sayReadOnly()
		return
	}
	c := v.cellAt(v.cur)
	r := v.sourceRow(v.cur)
	if r == nil || !removable(r) {
		v.say("这一行不能删除：合计、小计和模板规定的固定行由程序维护。", true)
		return
	}
	name := rowName(v.t.Panes[c.Pane], c.Row)
	remove := func() {
		err := v.own(func() error { return v.s.RemoveRow(v.t.ID, c.Pane, c.Row) })
		if err != nil {
			v.say("“"+name+"”未删除："+reason(err), true)
		} else {
			v.say("已删除“"+name+"”（可撤销）。", false)
		}
		v.focusGrid()
	}
	if !v.s.HasMoney(v.t.ID, c.Pane, c.Row) {
		remove()
		return
	}
	v.confirmDialog("删除行", fmt.Sprintf("“%s”填有金额。删除这一行，它的金额也一并删除（可以撤销）。\n确定删除吗？", name), "删除", func(ok bool) {
		if ok {
			remove()
		} else {
			v.focusGrid()
		}
	})
}

// confirmDialog asks in a dialog over the window.
func (v *Sheet) confirmDialog(title, message, ok string, answer func(bool)) {
	if v.win == nil {
		answer(false)
		return
	}
	d := dialog.NewConfirm(title, message, answer, v.win)
	d.SetConfirmText(ok)
	d.SetConfirmImportance(widget.DangerImportance) // it deletes: red, as 覆盖 is
	d.SetDismissText("取消")
	look.ShowDialog(look.Widened(d), v.win)
}

// moveProject moves the cursor's project line up (−1) or down (+1) within
// its 一级项目; the cursor goes with it.
func (v *Sheet) moveProject(delta int) {
	v.Commit()
	c := v.cellAt(v.cur)
	r := v.sourceRow(v.cur)
	if r == nil || r.Type != forms.RowProject {
		v.say("请先选中一个二级项目行，再上移或下移。", true)
		return
	}
	err := v.own(func() error { _, err := v.s.MoveProject(v.t.ID, c.Row, delta); return err })
	if err != nil {
		v.say("“"+r.Project.L2+"”未移动："+reason(err), true)
		return
	}
	v.say("", false)
	v.ensureVisible(v.cur)
}

// selectLine puts the cursor on a source line (its first figure to fill
// in) and focuses the grid.
func (v *Sheet) selectLine(pane, ri int) {
	p, ok := v.printed(edit.At{Table: v.t.ID, Pane: pane, Row: ri, Col: -1})
	if !ok {
		return
	}
	for ci, c := range v.grid.Columns {
		if c.Amount && c.Pane == pane && v.cellAt(pos{p.row, ci}).State == forms.CellEntered {
			p.col = ci
			break
		}
	}
	v.moveTo(p, false)
	v.focusGrid()
}

// ---- projects ----

// showAddProject opens the form for a new project line: 类型, 一级项目,
// 二级项目, 项目单位, 功能分类科目; the cursor's project gives the defaults.
func (v *Sheet) showAddProject() {
	v.Commit()
	if v.win == nil {
		return
	}
	p := v.t.Main()
	var types, l1s, units []string
	for _, r := range p.Rows {
		if r.Type == forms.RowProject {
			types = appendNew(types, r.Project.Type)
			l1s = appendNew(l1s, r.Project.L1)
			units = appendNew(units, r.Project.Unit)
		}
	}
	def := forms.Project{Unit: v.doc.Meta.Name}
	if len(types) > 0 {
		def.Type = types[0]
	}
	if r := v.sourceRow(v.cur); r != nil && r.Type == forms.RowProject {
		def = *r.Project
		def.L2 = ""
	} else if r != nil && r.Type == forms.RowL1 {
		def.L1 = r.Name
	}
	typ := widget.NewSelectEntry(types)
	typ.SetText(def.Type)
	l1 := widget.NewSelectEntry(l1s)
	l1.SetText(def.L1)
	l2 := look.NewEntry()
	l2.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("请填写二级项目名称")
		}
		return nil
	}
	unit := widget.NewSelectEntry(units)
	unit.SetText(def.Unit)
	fn := look.NewEntry()
	fn.SetText(def.Func)
	fn.SetPlaceHolder("如 2013101 或 201 31 01")
	items := []*widget.FormItem{
		widget.NewFormItem("类型", typ),
		widget.NewFormItem("一级项目", l1),
		widget.NewFormItem("二级项目", l2),
		widget.NewFormItem("项目单位", unit),
		widget.NewFormItem("功能分类科目", fn),
	}
	items[4].HintText = "项目列支的支出功能分类科目（表中不印出，审核要用）"
	d := dialog.NewForm("添加项目", "添加", "取消", items, func(ok bool) {
		if !ok {
			v.focusGrid()
			return
		}
		_ = v.addProject(forms.Project{Type: typ.Text, L1: l1.Text, L2: l2.Text, Unit: unit.Text, Func: fn.Text})
	}, v.win)
	for _, e := range []*widget.Entry{&l2.Entry, &fn.Entry, &typ.Entry, &l1.Entry, &unit.Entry} {
		e.OnSubmitted = func(string) { d.Submit() } // Enter adds, as in the grid
	}
	d.Resize(fyne.NewSize(560, 0))
	look.ShowDialog(d, v.win)
	if c := v.canvas(); c != nil {
		c.Focus(l2)
	}
}

// addProject adds a project line and puts the cursor on it.
func (v *Sheet) addProject(pr forms.Project) error {
	var ri int
	err := v.own(func() (err error) { ri, err = v.s.AddProject(v.t.ID, pr); return err })
	if err != nil {
		v.say("项目未添加："+reason(err), true)
		return err
	}
	v.selectLine(0, ri)
	v.say("已添加项目“"+strings.TrimSpace(pr.L2)+"”。", false)
	return nil
}

// projectCode is a project's 功能分类 code with its name ("" when none).
func (v *Sheet) projectCode(r *forms.Row) string {
	code := r.Project.Func
	if code == "" {
		return ""
	}
	if name := v.s.NameOf(classify.Functional, code); name != "" {
		return v.doc.ShowCode(code) + " " + name
	}
	return v.doc.ShowCode(code)
}

// showProjectCode changes the 功能分类科目 of the cursor's project (a
// column the table does not print).
func (v *Sheet) showProjectCode() {
	v.Commit()
	c := v.cellAt(v.cur)
	r := v.sourceRow(v.cur)
	col := v.t.Main().Col(forms.AttrFunc)
	if r == nil || r.Type != forms.RowProject || col < 0 || v.win == nil {
		v.say("请先选中一个二级项目行。", true)
		return
	}
	code := look.NewEntry()
	code.SetText(r.Project.Func)
	code.SetPlaceHolder("如 2013101 或 201 31 01")
	name := widget.NewLabel(v.projectCode(r))
	code.OnChanged = func(s string) {
		name.SetText("")
		if norm, err := classify.Normalize(s); err == nil {
			name.SetText(v.s.NameOf(classify.Functional, norm))
		}
	}
	items := []*widget.FormItem{widget.NewFormItem("功能分类科目", code), widget.NewFormItem("名称", name)}
	d := dialog.NewForm("“"+r.Project.L2+"”的功能分类科目", "确定", "取消", items, func(ok bool) {
		if ok {
			at := edit.At{Table: v.t.ID, Pane: c.Pane, Row: c.Row, Col: col}
			if err := v.own(func() error { return v.s.Enter(at, code.Text) }); err != nil {
				v.say("“"+r.Project.L2+"”的功能分类科目未修改："+reason(err), true)
			}
		}
		v.focusGrid()
	}, v.win)
	code.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(480, 0))
	look.ShowDialog(d, v.win)
	if cv := v.canvas(); cv != nil {
		cv.Focus(code)
	}
}

func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// ---- lines by code ----

// classAdder is the line under a classification table that adds a code:
// typed in any printed form, the name filled from the classification list
// (an unknown code needs its name typed), or picked from the list.
type classAdder struct {
	v      *Sheet
	pane   int
	scheme classify.Scheme
	code   *widget.Entry
	name   *widget.Entry
	filled string // the name last filled in from the list
}

// newClassAdder makes the adder of a table whose lines are codes of a
// classification (nil for the others; a 收入总表 listing 单位 gets none:
// the Session adds classification codes only).
func newClassAdder(v *Sheet) *classAdder {
	def := v.t.Kind.Def()
	if def == nil || v.t.Absent || v.t.Def.RowsAreUnits() {
		return nil
	}
	a := &classAdder{v: v, pane: -1, scheme: def.Scheme}
	switch def.Layout {
	case forms.LayoutClass:
		a.pane = 0
	case forms.LayoutTwoSided:
		for _, l := range def.Lines {
			if l.Classes {
				for pi, p := range v.t.Panes {
					if p.Side == l.Side {
						a.pane = pi
					}
				}
			}
		}
	}
	if a.pane < 0 || a.scheme == "" {
		return nil
	}
	a.code = widget.NewEntry()
	a.code.SetPlaceHolder("编码，如 2013101") // a longer one overflows the box
	if def.Layout == forms.LayoutTwoSided {
		a.code.SetPlaceHolder("类的编码，如 205")
	}
	a.name = widget.NewEntry()
	a.name.SetPlaceHolder("名称（按科目表自动填写）")
	a.code.OnChanged = a.codeChanged
	a.code.OnSubmitted = func(string) { a.add() }
	a.name.OnSubmitted = func(string) { a.add() }
	return a
}

func (a *classAdder) object() fyne.CanvasObject {
	label := "添加科目："
	if a.v.t.Layout() == forms.LayoutTwoSided {
		label = "添加类："
	}
	code := container.NewGridWrap(fyne.NewSize(170, a.code.MinSize().Height), a.code)
	name := container.NewGridWrap(fyne.NewSize(220, a.name.MinSize().Height), a.name)
	return container.NewHBox(widget.NewLabel(label), code, name, widget.NewButton("添加", a.add),
		widget.NewButton("从科目表选择…", a.pick), layout.NewSpacer())
}

// codeChanged fills the name from the classification list as the code is
// typed (and takes back a name it filled when the code changes).
func (a *classAdder) codeChanged(s string) {
	name := ""
	if code, err := classify.Normalize(s); err == nil {
		name = a.v.s.NameOf(a.scheme, code)
	}
	switch {
	case name != "":
		a.filled = name
		a.name.SetText(name)
	case a.name.Text == a.filled:
		a.filled = ""
		a.name.SetText("")
	}
	if name == "" && len(strings.TrimSpace(s)) >= 3 {
		a.name.SetPlaceHolder("科目表中无此编码，请填名称")
	} else {
		a.name.SetPlaceHolder("名称（按科目表自动填写）")
	}
}

// add adds the typed code (with its missing 类 and 款 lines).
func (a *classAdder) add() {
	v := a.v
	v.Commit()
	code := strings.TrimSpace(a.code.Text)
	if code == "" {
		v.say("请先输入要添加的编码。", true)
		return
	}
	name := strings.TrimSpace(a.name.Text)
	if name == a.filled {
		name = "" // the list's name, as the session reads it
	}
	pane := v.t.Panes[a.pane]
	before := len(pane.Rows)
	var ri int
	err := v.own(func() (err error) { ri, err = v.s.AddClassRow(v.t.ID, a.pane, code, name); return err })
	if err != nil {
		v.say("未添加："+reason(err), true)
		if c := v.canvas(); c != nil {
			c.Focus(a.code)
		}
		return
	}
	a.code.SetText("")
	a.name.SetText("")
	msg := "已添加“" + rowName(pane, ri) + "”"
	if n := len(pane.Rows) - before; n > 1 {
		msg += fmt.Sprintf("，并补上了它的 %d 个上级科目", n-1)
	}
	v.selectLine(a.pane, ri)
	v.say(msg+"。", false)
}

// pick opens the classification list to choose a code from, searched by
// code or name.
func (a *classAdder) pick() {
	v := a.v
	if v.win == nil {
		return
	}
	all := v.doc.Catalog().Entries(a.scheme, v.doc.Meta.Year)
	if v.t.Layout() == forms.LayoutTwoSided {
		all = slices.DeleteFunc(all, func(e classify.Entry) bool { return len(e.Code) != 3 })
	}
	have := map[string]bool{}
	for _, r := range v.t.Panes[a.pane].Rows {
		have[r.Code] = true
	}
	shown := all
	chosen := -1
	list := widget.NewList(
		func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewLabel("0000000　名称") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			e := shown[i]
			text := v.doc.ShowCode(e.Code) + "　" + e.Name
			if parent := classify.Parent(e.Code); len(e.Code) == 7 {
				// 行政运行 is the 项 of many 款: say whose
				if n, ok := v.doc.Catalog().Name(a.scheme, parent, v.doc.Meta.Year); ok {
					text += "（" + n + "）"
				}
			}
			if have[e.Code] {
				text += "（已在表中）"
			}
			o.(*widget.Label).SetText(text)
		})
	list.OnSelected = func(i widget.ListItemID) { chosen = i }
	search := look.NewEntry()
	search.SetPlaceHolder("按编码、名称或拼音首字母查找，如 20131、行政运行、xzyx")
	search.OnChanged = func(q string) {
		shown = classify.Filter(all, q)
		chosen = -1
		list.UnselectAll()
		list.Refresh()
		list.ScrollToTop()
	}
	content := container.NewBorder(search, nil, nil, nil, list)
	d := dialog.NewCustomConfirm("从"+a.scheme.Title()+"科目表选择", "添加", "取消", content, func(ok bool) {
		if !ok || chosen < 0 || chosen >= len(shown) {
			return
		}
		e := shown[chosen]
		a.code.SetText(e.Code)
		a.name.SetText(e.Name)
		a.filled = e.Name
		a.add()
	}, v.win)
	d.Resize(fyne.NewSize(600, 520))
	look.ShowDialog(d, v.win)
	if c := v.canvas(); c != nil {
		c.Focus(search)
	}
}
