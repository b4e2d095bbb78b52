// Package perfedit edits the 绩效 forms of one 绩效 table: the 部门整体
// form, the 事前绩效评估 forms or the 项目支出绩效目标表 of one 项目级次 — header
// fields, 项目资金, 年度目标, tasks and the indicator grid — every change
// through the editing Session.
package perfedit

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/textedit"
	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/edit"
	"yusuan/forms/money"
)

// View is what the main window needs of an editor.
type View = textedit.View

// Editor edits the forms of one 绩效 table: a searchable list of the
// table's forms beside the form being edited (one form for the 部门整体
// table).
type Editor struct {
	s *edit.Session
	t *forms.Table
	w fyne.Window

	search *textedit.PlainEntry
	count  *widget.Label
	list   *widget.List
	all    []int // the table's forms: indexes in the document's collection
	shown  []int // those whose name matches the search

	cur     int // the form being edited (index in the collection), -1: none
	curName string
	form    formView
	formBox *fyne.Container
	scroll  *container.Scroll
	note    *look.Para
	add     *widget.Button
	del     *widget.Button
	obj     fyne.CanvasObject
}

var _ View = (*Editor)(nil)

// New makes the editor of a 绩效 table (KindPerfDept, KindPerfPre or
// KindPerfProject).
func New(s *edit.Session, t *forms.Table, w fyne.Window) *Editor {
	e := &Editor{s: s, t: t, w: w, cur: -1}
	e.note = textedit.Note("")
	e.formBox = container.NewStack()
	e.scroll = container.NewVScroll(container.NewPadded(e.formBox))
	e.del = widget.NewButtonWithIcon("删除本表", theme.DeleteIcon(), e.confirmRemove)
	e.del.Importance = widget.DangerImportance
	title := look.Heading(t.Title)
	if t.Kind == forms.KindPerfDept {
		e.add = widget.NewButtonWithIcon("编制部门整体绩效目标表", theme.ContentAddIcon(), e.addDept)
		e.add.Importance = widget.HighImportance
		top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(e.add, e.del), title), e.note)
		e.obj = container.NewBorder(top, nil, nil, nil, look.PageScroll(e.scroll))
	} else {
		e.search = textedit.NewPlainEntry()
		e.search.PlaceHolder = "按名称查找"
		e.search.ActionItem = widget.NewIcon(theme.SearchIcon())
		e.search.OnChanged = func(string) { e.filter() }
		e.count = widget.NewLabel("")
		e.list = widget.NewList(func() int { return len(e.shown) }, e.newItem, e.updateItem)
		e.list.OnSelected = e.picked
		label := "添加绩效表"
		if t.Kind == forms.KindPerfPre {
			label = "添加评估表"
		}
		e.add = widget.NewButtonWithIcon(label, theme.ContentAddIcon(), e.addForm)
		// the two buttons one above the other: side by side they would take
		// the width the navigation needs on a laptop
		side := container.NewBorder(container.NewVBox(e.search, e.count), container.NewVBox(e.add, e.del), nil, nil, e.list)
		split := container.NewHSplit(look.Narrowable(side, 150), container.NewBorder(e.note, nil, nil, nil, look.PageScroll(e.scroll)))
		split.Offset = 0.24
		e.obj = container.NewBorder(title, nil, nil, nil, split)
	}
	e.reload()
	if len(e.all) > 0 {
		e.show(e.all[0])
		e.selectInList()
	} else {
		e.show(-1)
	}
	return e
}

// Object is the view.
func (e *Editor) Object() fyne.CanvasObject { return e.obj }

// Commit applies what is being typed in the form.
func (e *Editor) Commit() { e.commitForm() }

func (e *Editor) commitForm() {
	if e.form != nil {
		e.form.commit()
	}
}

// Refresh follows a change: the list of forms, and the form shown (kept
// when it is still there, what is being typed in it kept too).
func (e *Editor) Refresh(c edit.Change) {
	if !c.Perf && !c.Meta && !c.Rows && (len(c.Tables) > 0 || c.Text || c.Inputs || c.Notes) {
		return // figures, texts, inputs, notes: nothing a form shows (an empty Change means anything)
	}
	e.reload()
	if e.t.Kind == forms.KindPerfDept {
		if (e.s.Doc().Perf.Dept != nil) != (e.form != nil) {
			e.show(0)
		} else if e.form != nil {
			e.form.refresh()
		}
		e.state()
		return
	}
	switch {
	case e.cur >= 0 && e.cur < e.size() && e.nameOf(e.cur) == e.curName && e.member(e.cur):
		e.form.refresh()
		e.state()
	default: // gone or moved: find it by name, else the first form
		next := -1
		for _, i := range e.all {
			if e.nameOf(i) == e.curName {
				next = i
				break
			}
		}
		if next < 0 && len(e.all) > 0 {
			next = e.all[0]
		}
		e.show(next)
	}
	e.selectInList()
}

func (e *Editor) member(i int) bool {
	for _, j := range e.all {
		if j == i {
			return true
		}
	}
	return false
}

// size is the number of forms in the collection this table shows from.
func (e *Editor) size() int {
	switch e.t.Kind {
	case forms.KindPerfPre:
		return len(e.s.Doc().Perf.Pre)
	case forms.KindPerfProject:
		return len(e.s.Doc().Perf.Projects)
	}
	return 0
}

// nameOf is the name a form goes by (in the list, in findings).
func (e *Editor) nameOf(i int) string {
	d := e.s.Doc()
	switch e.t.Kind {
	case forms.KindPerfPre:
		if n := d.Perf.Pre[i].Name; n != "" {
			return n
		}
		return fmt.Sprintf("第%d张", i+1)
	case forms.KindPerfProject:
		return d.Perf.Projects[i].Name
	}
	return "部门整体"
}

func (e *Editor) totalOf(i int) money.Amount {
	d := e.s.Doc()
	switch e.t.Kind {
	case forms.KindPerfPre:
		return d.Perf.Pre[i].Annual.TotalValue()
	case forms.KindPerfProject:
		return d.Perf.Projects[i].Money.TotalValue()
	}
	return 0
}

// reload lists the table's forms again and filters them.
func (e *Editor) reload() {
	d := e.s.Doc()
	e.all = e.all[:0]
	switch e.t.Kind {
	case forms.KindPerfPre:
		for i := range d.Perf.Pre {
			e.all = append(e.all, i)
		}
	case forms.KindPerfProject:
		e.all = d.Perf.ProjectsAt(e.t.Def.ProjectLevel)
	}
	if e.list != nil {
		e.filter()
	}
	if note := d.NoteOf(e.t); note != "" {
		e.note.SetText(note + "（导出时印这句说明。）")
		e.note.Show()
	} else {
		e.note.Hide()
	}
}

// filter keeps the forms whose name holds the search text (folded: full-
// and half-width alike, spaces ignored).
func (e *Editor) filter() {
	q := classify.FoldName(strings.TrimSpace(e.search.Text))
	e.shown = e.shown[:0]
	for _, i := range e.all {
		if q == "" || strings.Contains(classify.FoldName(e.nameOf(i)), q) {
			e.shown = append(e.shown, i)
		}
	}
	if q == "" {
		e.count.SetText(fmt.Sprintf("共 %d 张", len(e.all)))
	} else {
		e.count.SetText(fmt.Sprintf("共 %d 张，找到 %d 张", len(e.all), len(e.shown)))
	}
	e.list.UnselectAll()
	e.list.Refresh()
	e.selectInList()
}

// Shown lists the names the list shows (for tests and the window).
func (e *Editor) Shown() []string {
	var out []string
	for _, i := range e.shown {
		out = append(out, e.nameOf(i))
	}
	return out
}

func (e *Editor) selectInList() {
	if e.list == nil {
		return
	}
	for row, i := range e.shown {
		if i == e.cur {
			e.list.OnSelected = nil
			e.list.Select(row)
			e.list.OnSelected = e.picked
			if e.list.Size().Height <= 0 { // not laid out: Select scrolls wrongly
				e.list.ScrollToTop()
			}
			return
		}
	}
}

// picked shows the form the clerk picked in the list.
func (e *Editor) picked(id widget.ListItemID) {
	if id < len(e.shown) && e.shown[id] != e.cur {
		e.commitForm()
		e.show(e.shown[id])
	}
}

var itemCols = &textedit.Columns{Widths: []float32{0, 86}}

func (e *Editor) newItem() fyne.CanvasObject {
	name := widget.NewLabel("项目名称")
	name.Truncation = fyne.TextTruncateEllipsis
	amount := widget.NewLabelWithStyle("0.00", fyne.TextAlignTrailing, fyne.TextStyle{})
	return itemCols.Row(name, amount)
}

func (e *Editor) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(e.shown) {
		return
	}
	i := e.shown[id]
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(e.nameOf(i))
	row.Objects[1].(*widget.Label).SetText(money.Format(e.totalOf(i), false))
}

// show edits a form (index in the collection; -1: none).
func (e *Editor) show(i int) {
	e.form = nil
	e.cur, e.curName = i, ""
	switch {
	case e.t.Kind == forms.KindPerfDept && e.s.Doc().Perf.Dept != nil:
		e.form = e.newDeptForm()
		e.curName = "部门整体"
	case e.t.Kind == forms.KindPerfProject && i >= 0 && i < e.size():
		e.form = e.newProjectForm(i)
	case e.t.Kind == forms.KindPerfPre && i >= 0 && i < e.size():
		e.form = e.newPreForm(i)
	default:
		e.cur = -1
	}
	if e.form != nil {
		if e.t.Kind != forms.KindPerfDept {
			e.curName = e.nameOf(i)
		}
		e.formBox.Objects = []fyne.CanvasObject{e.form.object()}
	} else {
		e.formBox.Objects = []fyne.CanvasObject{e.emptyView()}
	}
	e.formBox.Refresh()
	e.scroll.ScrollToTop()
	e.state()
}

func (e *Editor) emptyView() fyne.CanvasObject {
	switch {
	case e.t.Kind == forms.KindPerfDept:
		return textedit.Note("本文档还没有部门整体支出绩效目标表。点右上角“编制部门整体绩效目标表”开始填写；不编制时，导出时印上面的说明。")
	case len(e.all) == 0:
		return textedit.Note("本表还没有绩效目标表。点左下角“" + e.add.Text + "”添加。")
	}
	return textedit.Note("请在左侧选择一张表。")
}

// state enables the buttons that apply.
func (e *Editor) state() {
	if e.form == nil {
		e.del.Disable()
	} else {
		e.del.Enable()
	}
	if e.t.Kind == forms.KindPerfDept {
		if e.form == nil {
			e.add.Show()
			e.del.Hide()
		} else {
			e.add.Hide()
			e.del.Show()
		}
	}
}

// SelectForm shows the form of a name (a finding names its form so); the
// search is cleared when it hides the form.
func (e *Editor) SelectForm(name string) {
	if e.t.Kind == forms.KindPerfDept {
		return
	}
	e.commitForm()
	find := func(match func(string) bool) int {
		for _, i := range e.all {
			if match(e.nameOf(i)) {
				return i
			}
		}
		return -1
	}
	i := find(func(n string) bool { return n == name })
	if i < 0 {
		f := classify.FoldName(name)
		i = find(func(n string) bool { return classify.FoldName(n) == f })
	}
	if i < 0 {
		return
	}
	visible := false
	for _, j := range e.shown {
		visible = visible || j == i
	}
	if !visible {
		e.search.SetText("") // refilters
	}
	if i != e.cur {
		e.show(i)
	}
	e.selectInList()
	for row, j := range e.shown {
		if j == i {
			e.list.ScrollTo(row)
		}
	}
}

// Reveal scrolls the form shown to the indicator a finding names (its 三级
// 指标) and puts the cursor in it; false when the form has no such line.
func (e *Editor) Reveal(l3 string) bool {
	if e.form == nil || strings.TrimSpace(l3) == "" {
		return false
	}
	for _, g := range e.form.indicators() {
		if g == nil {
			continue
		}
		for _, row := range g.rows {
			if strings.TrimSpace(row.l3.Text) != strings.TrimSpace(l3) {
				continue
			}
			d := fyne.CurrentApp().Driver()
			y := d.AbsolutePositionForObject(row.l3).Y - d.AbsolutePositionForObject(e.scroll.Content).Y
			e.scroll.ScrollToOffset(fyne.NewPos(e.scroll.Offset.X, max(0, y-e.scroll.Size().Height/3)))
			if c := d.CanvasForObject(row.l3); c != nil {
				c.Focus(row.l3)
			}
			return true
		}
	}
	return false
}

// Scrolled is how far down the form is scrolled.
func (e *Editor) Scrolled() float32 { return e.scroll.Offset.Y }

// Current is the name of the form being edited ("" when none).
func (e *Editor) Current() string { return e.curName }

// confirmRemove asks, then removes the form being edited.
func (e *Editor) confirmRemove() {
	if e.form == nil {
		return
	}
	what := "“" + e.curName + "”的绩效目标表"
	if e.t.Kind == forms.KindPerfDept {
		what = "部门整体支出绩效目标表"
	}
	d := dialog.NewCustomConfirm("删除绩效表", "删除", "取消",
		look.Wrapped("删除"+what+"？表中的目标和指标一并删除（可用 Ctrl+Z 撤销）。"),
		func(ok bool) {
			if ok {
				e.remove()
			}
		}, e.w)
	d.SetConfirmImportance(widget.DangerImportance) // it deletes: red, as a row's 删除 is
	look.ShowDialog(look.Widened(d), e.w)
}

// remove deletes the form being edited.
func (e *Editor) remove() {
	if e.form == nil {
		return
	}
	e.commitForm()
	pos := 0
	for row, i := range e.shown {
		if i == e.cur {
			pos = row
		}
	}
	switch e.t.Kind {
	case forms.KindPerfDept:
		e.s.SetDeptForm(nil)
		return
	case forms.KindPerfPre:
		next := clone(e.s.Doc().Perf.Pre)
		next = append(next[:e.cur], next[e.cur+1:]...)
		if len(next) == 0 {
			next = nil
		}
		e.curName = ""
		e.s.SetPreForms(next)
	case forms.KindPerfProject:
		e.curName = ""
		if err := e.s.RemoveProjectForm(e.cur); err != nil {
			return
		}
	}
	// the form at the same place in the list, if any
	if len(e.shown) > 0 {
		e.show(e.shown[min(pos, len(e.shown)-1)])
	} else {
		e.show(-1)
	}
	e.selectInList()
}

// joinName is "a-b" (a name with its code) when that is short enough for a
// name, else the longer of the two alone: both are names already.
func joinName(a, b string) string {
	if j := a + "-" + b; edit.CheckName("", j) == nil {
		return j
	}
	if len([]rune(a)) >= len([]rune(b)) {
		return a
	}
	return b
}

func (e *Editor) addDept() {
	d := e.s.Doc()
	e.s.SetDeptForm(&forms.DeptPerf{NameCode: joinName(d.Meta.Name, d.Meta.Code), Indicators: skeleton()})
	if e.form == nil { // the window did not refresh the view
		e.show(0)
	}
}
