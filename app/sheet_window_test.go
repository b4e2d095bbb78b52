package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"yusuan/app/sheet"
	"yusuan/forms/check"
	"yusuan/forms/edit"
	"yusuan/forms/money"
)

// The keyboard reaches the grid of the table shown: the focused object gets
// keys and characters, as the driver sends them.
func keyIn(w fyne.Window, name fyne.KeyName) {
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

func typeIn(w fyne.Window, s string) {
	for _, r := range s {
		w.Canvas().Focused().TypedRune(r)
	}
}

func hasRule(u *mainUI, rule string) bool {
	for _, r := range u.findings.rows {
		if r.f != nil && r.f.Rule == rule {
			return true
		}
	}
	return false
}

// A clerk opens the 一般公共预算支出表, walks to a cell with the keyboard,
// types a letter (refused in place), then a figure that breaks a 勾稽关系
// (the findings panel shows it), pastes a block, undoes both, redoes, and
// clicks the finding to land on its cell.
func TestTypeMovePasteUndoAndClickAFindingInTheWindow(t *testing.T) {
	u := newTestUI(t, "")
	u.selectNode(tableNode("general"))
	v, ok := u.view.(*sheet.Sheet)
	if !ok {
		t.Fatalf("the table opens in %T", u.view)
	}
	v.Focus()
	target := at(t, u, "general", "2013101", "public")
	// from the first cell: down to the line, right to the column
	for i := 0; v.Cursor().Row != target.Row && i < 200; i++ {
		keyIn(u.win, fyne.KeyDown)
	}
	for i := 0; v.Cursor().Col != target.Col && i < 20; i++ {
		keyIn(u.win, fyne.KeyRight)
	}
	if v.Cursor() != target {
		t.Fatalf("the keyboard reached %+v, not %+v", v.Cursor(), target)
	}
	before, _ := u.s.Doc().Table("general").Main().Value("2013101", "public")
	if hasRule(u, "X-7") {
		t.Fatal("the sample already breaks X-7")
	}

	typeIn(u.win, "12a")
	keyIn(u.win, fyne.KeyReturn)
	if got, _ := u.s.Doc().Table("general").Main().Value("2013101", "public"); got != before || u.s.Dirty() {
		t.Fatalf("a letter was taken: %v", got)
	}
	keyIn(u.win, fyne.KeyEscape)
	if v.Cursor() != target {
		t.Fatalf("after the refusal the cursor is on %+v", v.Cursor())
	}

	typeIn(u.win, "200")
	keyIn(u.win, fyne.KeyReturn)
	if got, _ := u.s.Doc().Table("general").Main().Value("2013101", "public"); got != money.MustParse("200.00") {
		t.Fatalf("typed figure stored as %v", got)
	}
	if !hasRule(u, "X-7") || u.navData.badge(tableNode("general")) == "" {
		t.Fatalf("the findings panel did not change: %q", u.counts.Text)
	}
	if v.Cursor().Row == target.Row {
		t.Error("Enter did not move down")
	}

	// paste two lines × one column at the cursor (the line below)
	below := v.Cursor()
	u.app.Clipboard().SetContent("1.00\n2.00\n")
	u.win.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{})
	p := u.s.Doc().Table("general").Main()
	if p.Rows[below.Row].Cells[below.Col].Value != money.MustParse("1.00") {
		t.Fatalf("paste: %v", p.Rows[below.Row].Cells[below.Col].Value)
	}

	for range 300 { // the cursor goes to the top, away from both cells
		keyIn(u.win, fyne.KeyUp)
	}
	u.undo() // the paste: the cursor goes to it
	if v.Cursor() != below {
		t.Errorf("after undoing the paste the cursor is on %+v, not %+v", v.Cursor(), below)
	}
	u.undo() // the figure
	if v.Cursor() != target {
		t.Errorf("after undoing the figure the cursor is on %+v, not %+v", v.Cursor(), target)
	}
	if got, _ := p.Value("2013101", "public"); got != before || hasRule(u, "X-7") || u.s.Dirty() {
		t.Fatalf("undo left %v, X-7 %v", got, hasRule(u, "X-7"))
	}
	u.redo()
	if !hasRule(u, "X-7") {
		t.Fatal("redo did not bring the finding back")
	}

	// a click on the finding, from another table, opens the table on its cell
	u.selectNode(tableNode("summary"))
	for i, r := range u.findings.rows {
		if r.f != nil && r.f.Rule == "X-7" {
			u.findings.list.Select(i)
			break
		}
	}
	v, ok = u.view.(*sheet.Sheet)
	if !ok || u.current != tableNode("general") {
		t.Fatalf("the finding opened %q", u.current)
	}
	f := u.findings.selected
	var cells []edit.At
	for _, ref := range f.Cells {
		if a, ok := u.s.Locate(ref); ok && ref.Table == "general" {
			cells = append(cells, a)
		}
	}
	if len(cells) == 0 || v.Cursor() != cells[0] {
		t.Errorf("the cursor is on %+v, the finding names %+v", v.Cursor(), cells)
	}
	if u.findings.selected.Severity != check.Error {
		t.Errorf("X-7 is a %v", u.findings.selected.Severity)
	}
}
