package sheet

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
)

// toolbar is the line above the grid: which cell the cursor is on and
// what it holds, the actions on the selection (采用计算值, delete the line,
// move a project, add a project), and the message line that says why an
// entry was refused or what a paste did.
type toolbar struct {
	v                 *Sheet
	where             *widget.Label
	use, remove       *widget.Button
	up, down, project *widget.Button
	code              *widget.Button // a project's 功能分类科目
	sources           *widget.Button // 来源单位… (a consolidated document)
	legend            *widget.Button // shows or hides the colours' legend
	msg               *look.Para
}

func newToolbar(v *Sheet) *toolbar {
	b := &toolbar{v: v}
	b.where = widget.NewLabel("")
	b.where.TextStyle = fyne.TextStyle{Bold: true}
	b.where.Truncation = fyne.TextTruncateEllipsis
	b.use = widget.NewButtonWithIcon("采用计算值", theme.ViewRefreshIcon(), v.useComputed)
	b.remove = widget.NewButtonWithIcon("删除行", theme.DeleteIcon(), v.removeRow)
	if v.t.Layout() == forms.LayoutProjects {
		b.up = widget.NewButtonWithIcon("上移", theme.MoveUpIcon(), func() { v.moveProject(-1) })
		b.down = widget.NewButtonWithIcon("下移", theme.MoveDownIcon(), func() { v.moveProject(1) })
		b.project = widget.NewButtonWithIcon("添加项目…", theme.ContentAddIcon(), v.showAddProject)
		b.code = widget.NewButtonWithIcon("功能分类…", theme.DocumentCreateIcon(), v.showProjectCode)
	}
	if v.consolidated() {
		b.sources = widget.NewButtonWithIcon("来源单位…", theme.ListIcon(), v.showSources)
	}
	b.legend = widget.NewButtonWithIcon("图例", theme.InfoIcon(), v.toggleLegend)
	b.legend.Importance = widget.LowImportance
	b.msg = look.Wrapped("") // in the cell's place: the grid does not jump when a message comes
	b.msg.Hide()
	return b
}

func (b *toolbar) object() fyne.CanvasObject {
	buttons := container.NewHBox(b.legend, b.use, b.remove)
	if b.sources != nil {
		buttons.Add(b.sources)
	}
	if b.project != nil {
		buttons.Add(b.up)
		buttons.Add(b.down)
		buttons.Add(b.code)
		buttons.Add(b.project)
	}
	return container.NewBorder(nil, nil, nil, buttons, container.NewStack(b.where, b.msg))
}

// readOnlyObject is the line above a table kept only as printed: where
// the cursor is and the message line, no actions.
func (b *toolbar) readOnlyObject() fyne.CanvasObject {
	return container.NewStack(b.where, b.msg)
}

// say shows a message in the line above the grid (bad: a refusal, in the
// error colour); "" clears it.
func (v *Sheet) say(text string, bad bool) {
	m := v.bar.msg
	imp := widget.SuccessImportance
	if bad {
		imp = widget.DangerImportance
	}
	if m.Raw() == text && m.Importance == imp {
		return
	}
	m.Importance = imp
	m.SetText(text)
	// the message takes the place of the cell's name while it shows (the
	// grid does not jump, and a small screen keeps its lines of the table)
	if text == "" {
		m.Hide()
		v.bar.where.Show()
	} else {
		v.bar.where.Hide()
		m.Show()
	}
}

// message is the text of the message line (for tests).
func (v *Sheet) message() string { return v.bar.msg.Raw() }

// updateToolbar follows the cursor: the cell's name and state, and which
// actions apply.
func (v *Sheet) updateToolbar() {
	b := v.bar
	if b == nil {
		return
	}
	b.where.SetText(v.cellSummary())
	enable(b.use, v.hasGiven())
	r := v.sourceRow(v.cur)
	enable(b.remove, r != nil && removable(r))
	if b.sources != nil {
		_, _, ok := v.cellShares()
		enable(b.sources, ok)
	}
	if b.up != nil {
		project := r != nil && r.Type == forms.RowProject
		enable(b.up, project)
		enable(b.down, project)
		enable(b.code, project)
	}
}

func enable(b *widget.Button, on bool) {
	if on == b.Disabled() {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// cellSummary names the cursor's cell and what it holds.
func (v *Sheet) cellSummary() string {
	where := v.where(v.cur)
	if where == "" {
		return " "
	}
	state := ""
	switch v.role(v.cur) {
	case roleAmount:
		switch v.cellAt(v.cur).State {
		case forms.CellEntered:
			state = "填写的数"
		case forms.CellComputed:
			state = "程序计算（只读）"
		case forms.CellGiven:
			state = "导入或粘贴的合计，与计算值不符"
		}
	case roleCode:
		state = "编码"
	case roleName, roleText:
		if _, ok, _ := v.editable(v.cur); ok {
			state = "文字，可修改"
		}
	}
	if r := v.sourceRow(v.cur); r != nil && r.Type == forms.RowProject {
		if code := v.projectCode(r); code != "" {
			state += "　·　功能分类 " + code
		} else {
			state += "　·　未填功能分类科目"
		}
	}
	if src := v.sourcesSummary(); src != "" {
		state += "　·　" + src
	}
	if state == "" {
		return where
	}
	return where + "　·　" + strings.TrimPrefix(state, "　·　")
}

// showMenu is the cell menu (secondary click).
func (v *Sheet) showMenu(at fyne.Position) {
	c := v.canvas()
	if c == nil {
		return
	}
	item := func(label string, on bool, f func()) *fyne.MenuItem {
		i := fyne.NewMenuItem(label, f)
		i.Disabled = !on
		return i
	}
	r := v.sourceRow(v.cur)
	items := []*fyne.MenuItem{
		item("复制", true, v.copyBlock),
		item("粘贴", !v.readOnly, func() { v.pasteText(v.clipboard().Content()) }),
		item("清除", !v.readOnly, v.clearBlock),
		fyne.NewMenuItemSeparator(),
		item("采用计算值", v.hasGiven(), v.useComputed),
		item("删除行", r != nil && removable(r), v.removeRow),
	}
	if v.t.Layout() == forms.LayoutProjects {
		project := r != nil && r.Type == forms.RowProject
		items = append(items,
			item("上移", project, func() { v.moveProject(-1) }),
			item("下移", project, func() { v.moveProject(1) }),
			item("功能分类科目…", project, v.showProjectCode),
			item("添加项目…", true, v.showAddProject))
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, at)
}
