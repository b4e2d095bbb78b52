package sheet

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"yusuan/forms"
	"yusuan/forms/edit"
	"yusuan/forms/money"
	"yusuan/internal/crash"
)

// cellRole is what a printed cell holds, for editing.
type cellRole int

const (
	roleNone   cellRole = iota // a blank half of a two-sided line
	roleCode                   // a classification or unit code
	roleName                   // a line's name or label
	roleText                   // a project's text attribute
	roleAmount                 // a figure
)

func (v *Sheet) role(p pos) cellRole {
	c := v.cellAt(p)
	if c.State == forms.CellBlank || c.Pane < 0 || c.Row < 0 {
		return roleNone
	}
	col := v.grid.Columns[p.col]
	switch {
	case col.Col < 0 && v.t.Layout() == forms.LayoutClass && p.col == 0:
		return roleCode
	case col.Col < 0:
		return roleName
	case col.Amount:
		return roleAmount
	}
	return roleText
}

// editable says whether the cell at p can be typed into, with the text
// the editor starts from, or why not (a reason "" with ok false: nothing
// there, nothing to say).
func (v *Sheet) editable(p pos) (original string, ok bool, reason string) {
	c := v.cellAt(p)
	r := v.sourceRow(p)
	switch v.role(p) {
	case roleCode:
		return "", false, "编码不能直接修改：请删除这一行，再按新编码添加"
	case roleName:
		if r.Type == forms.RowClass || r.Type == forms.RowUnit || r.Type == forms.RowLoose {
			return r.Name, true, ""
		}
		return "", false, "模板规定的固定行、合计行的名称不能修改"
	case roleText:
		if r.Type == forms.RowProject {
			return c.Text, true, ""
		}
		return "", false, "合计、小计行的文字由所含项目决定，请修改项目行"
	case roleAmount:
		switch c.State {
		case forms.CellComputed:
			return "", false, "是程序计算的合计、小计，只读；请填写它所含的明细"
		case forms.CellGiven:
			return "", false, "是导入或粘贴的合计，与计算值不符，只读；可用“采用计算值”改为计算值"
		}
		return c.Text, true, ""
	}
	// the blank half of a two-sided line (收入 has fewer lines than 支出)
	return "", false, "这一格不属于任何项目，不能填写"
}

// startEdit opens the in-place editor on the cursor's cell: with the
// character typed over the cell (typed), or with the cell's text selected
// whole (F2, double-click). A read-only cell says why instead.
func (v *Sheet) startEdit(text string, typed bool) {
	if v.editing != nil || v.t.Absent || len(v.grid.Rows) == 0 {
		return
	}
	if v.readOnly {
		v.sayReadOnly()
		return
	}
	p := v.cur
	original, ok, reason := v.editable(p)
	if !ok {
		if w := v.where(p); w != "" {
			v.say(w+"："+reason+"。", true)
		} else if reason != "" {
			v.say(reason+"。", true)
		}
		return
	}
	if v.anchor != v.cur {
		v.moveTo(p, false)
	}
	v.editing = &editState{at: p, original: original, typed: typed}
	v.ensureVisible(p)
	e := v.editor
	if typed {
		e.SetText("")
		// SetText keeps a selection left from a refused entry; End drops
		// it, or the second character would replace the first.
		e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
		for _, r := range text {
			e.Entry.TypedRune(r)
		}
	} else {
		e.SetText(original)
	}
	v.refreshCell(p) // the cell takes the editor
	v.ending = true
	if c := v.canvas(); c != nil {
		c.Focus(e)
	}
	v.ending = false
	if !typed {
		e.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
	v.say("", false)
}

// commitEdit stores what was typed. A refused entry keeps the editor open
// on its text, with the reason in the message line, and returns false.
func (v *Sheet) commitEdit(refocus bool) bool {
	ed := v.editing
	if ed == nil {
		return true
	}
	text := v.editor.Text
	if text != ed.original {
		if err := v.own(func() error { return v.apply(ed.at, text) }); err != nil {
			var failed *crash.Error
			if errors.As(err, &failed) {
				v.endEdit(refocus) // own said what happened; the grid shows the document
				return true
			}
			v.refuse(ed.at, err, ed.original)
			if v.editorFocused() {
				v.editor.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
			}
			return false
		}
	}
	v.endEdit(refocus)
	v.say(accountingNote(text, ed.original), false)
	return true
}

// accountingNote: “(100)” is −100, as in Excel; said once it is stored,
// since in a 支出 table a clerk may have meant something else.
func accountingNote(text, original string) string {
	t := strings.TrimSpace(text)
	if t == original || !(strings.HasPrefix(t, "(") || strings.HasPrefix(t, "（")) {
		return ""
	}
	v, err := money.Parse(t)
	if err != nil || v == 0 {
		return ""
	}
	return fmt.Sprintf("“%s”按会计记法读作负数 %s；如不是负数，请按 Ctrl+Z 撤销后重新填写。", t, money.Format(v, false))
}

func (v *Sheet) commitAndMove(dr, dc int) {
	if v.commitEdit(true) {
		v.step(dr, dc, false)
	}
}

func (v *Sheet) commitAndTab(dir int) {
	if v.commitEdit(true) {
		v.tab(dir)
	}
}

// cancelEdit drops an edit: the cell keeps its value, and a refusal
// said about the typing goes with it.
func (v *Sheet) cancelEdit(refocus bool) {
	if v.editing != nil {
		v.endEdit(refocus)
		if v.bar != nil && v.bar.msg.Importance == widget.DangerImportance {
			v.say("", false)
		}
	}
}

func (v *Sheet) endEdit(refocus bool) {
	v.ending = true
	v.editing = nil
	if v.host != nil {
		v.host.hostEditor(nil)
		v.host = nil
	}
	v.refreshCell(v.cur)
	if refocus {
		v.focusGrid()
	}
	v.ending = false
}

// apply stores a cell's new text through the session.
func (v *Sheet) apply(p pos, text string) error {
	c := v.cellAt(p)
	switch v.role(p) {
	case roleName:
		return v.s.Rename(v.t.ID, c.Pane, c.Row, text)
	case roleAmount, roleText:
		return v.s.Enter(v.atOf(p), text)
	}
	return nil
}

// own runs an edit of ours and reads the grid again after it, unless the
// window already refreshed the sheet while it ran.
func (v *Sheet) own(f func() error) error {
	v.inOwn, v.refreshed = true, false
	var err error
	// a programming error while storing the edit is logged and shown on
	// the message line; the grid is read again, since the edit may have
	// reached the document before the error
	if perr := crash.Guard("填写单元格", func() { err = f() }); perr != nil {
		v.inOwn = false
		v.reload()
		v.say(perr.Error(), true)
		return perr
	}
	v.inOwn = false
	if err == nil && !v.refreshed {
		v.reload()
	}
	return err
}

// reason is the Chinese reason of an edit refused.
func reason(err error) string {
	var e *edit.Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return err.Error()
}

// refuse says, in the message line, which cell refused what and why, and
// that its value did not change.
func (v *Sheet) refuse(p pos, err error, original string) {
	was := "原值"
	if strings.TrimSpace(original) == "" {
		was += "（空）"
	} else {
		was += " " + original + " "
	}
	v.say(fmt.Sprintf("%s：%s。%s未改动。", v.where(p), strings.TrimSuffix(reason(err), "。"), was), true)
}

// sayReadOnly: a table kept only as printed takes no edit.
func (v *Sheet) sayReadOnly() {
	v.say("这张表照公开文本原样保留，不能修改。", true)
}

// where names a printed cell: "2013101 行政运行 基本支出公用经费".
func (v *Sheet) where(p pos) string {
	if v.readOnly {
		return v.printedWhere(p)
	}
	c := v.cellAt(p)
	if c.Pane < 0 || c.Row < 0 {
		return ""
	}
	if c.Col >= 0 {
		return v.s.Where(v.atOf(p))
	}
	return rowName(v.t.Panes[c.Pane], c.Row) + " " + v.grid.Columns[p.col].Label
}

// rowName names a line: its code and name, or its label.
func rowName(p *forms.Pane, ri int) string {
	r := p.Rows[ri]
	switch {
	case r.Code != "":
		return r.Code + " " + r.Name
	case r.Type == forms.RowProject:
		return r.Project.L2
	}
	return p.Label(ri)
}

// clearBlock empties the figures of the selected block (Delete).
func (v *Sheet) clearBlock() {
	if v.editing != nil {
		return
	}
	if v.readOnly {
		v.sayReadOnly()
		return
	}
	top, left, bottom, right := v.block()
	var ats []edit.At
	for row := top; row <= bottom; row++ {
		for col := left; col <= right; col++ {
			if p := (pos{row, col}); v.role(p) == roleAmount {
				ats = append(ats, v.atOf(p))
			}
		}
	}
	if len(ats) == 0 {
		if _, ok, why := v.editable(v.cur); !ok && why != "" && v.cur == v.anchor {
			v.say(v.where(v.cur)+"："+why+"。", true)
		}
		return
	}
	if v.cur == v.anchor && v.cellAt(v.cur).State == forms.CellComputed {
		_, _, why := v.editable(v.cur)
		v.say(v.where(v.cur)+"："+why+"。", true)
		return
	}
	_ = v.own(func() error { v.s.Clear(ats); return nil })
	v.say("", false)
}

// useComputed drops the given totals of the selected block (采用计算值).
func (v *Sheet) useComputed() {
	v.Commit()
	top, left, bottom, right := v.block()
	n := 0
	var last error
	for row := top; row <= bottom; row++ {
		for col := left; col <= right; col++ {
			p := pos{row, col}
			if v.cellAt(p).State != forms.CellGiven {
				continue
			}
			if err := v.own(func() error { return v.s.UseComputed(v.atOf(p)) }); err != nil {
				last = err
				continue
			}
			n++
		}
	}
	switch {
	case last != nil:
		v.say("采用计算值未完成："+reason(last), true)
	case n == 0:
		v.say("所选单元格中没有与计算值不符的导入合计。", true)
	case n == 1:
		v.say(v.where(v.cur)+"：已采用计算值。", false)
	default:
		v.say(fmt.Sprintf("已对 %d 个单元格采用计算值。", n), false)
	}
	v.focusGrid()
}

// hasGiven reports whether the selected block has a given total.
func (v *Sheet) hasGiven() bool {
	top, left, bottom, right := v.block()
	if (bottom-top+1)*(right-left+1) > 100000 {
		return true
	}
	for row := top; row <= bottom; row++ {
		for col := left; col <= right; col++ {
			if v.cellAt(pos{row, col}).State == forms.CellGiven {
				return true
			}
		}
	}
	return false
}

// printedWhere names a cell of a table kept only as printed: its line's
// first text and its column's label ("第3行 办公费 · 合计").
func (v *Sheet) printedWhere(p pos) string {
	if p.row < 0 || p.row >= len(v.grid.Rows) || p.col < 0 || p.col >= len(v.grid.Columns) {
		return ""
	}
	where := fmt.Sprintf("第%d行", p.row+1)
	for _, c := range v.grid.Rows[p.row].Cells {
		if t := strings.TrimSpace(c.Text); t != "" {
			where += " " + t
			break
		}
	}
	if label := v.grid.Columns[p.col].Label; label != "" {
		where += " · " + label
	}
	return where
}
