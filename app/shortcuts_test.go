package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"yusuan/app/sheet"
	"yusuan/app/textedit"
	"yusuan/forms"
	"yusuan/forms/money"
)

// press sends a shortcut the way Fyne's GLFW driver does
// (internal/driver/glfw/window.go, triggersShortcut): a main-menu item
// with that shortcut runs first; else the focused object gets it when it
// takes shortcuts, and nothing else does; else the canvas.
func press(w fyne.Window, s fyne.Shortcut) {
	if m := w.MainMenu(); m != nil && menuShortcut(m.Items, s) {
		return
	}
	if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

func menuShortcut(menus []*fyne.Menu, s fyne.Shortcut) bool {
	for _, m := range menus {
		for _, i := range m.Items {
			if i.Shortcut != nil && i.Shortcut.ShortcutName() == s.ShortcutName() && i.Action != nil {
				i.Action()
				return true
			}
			if i.ChildMenu != nil && menuShortcut([]*fyne.Menu{i.ChildMenu}, s) {
				return true
			}
		}
	}
	return false
}

// What the driver makes of the keys: Ctrl+Z and Ctrl+Y are Fyne's own
// undo and redo, every other Ctrl combination a custom shortcut.
var (
	ctrlZ      = &fyne.ShortcutUndo{}
	ctrlY      = &fyne.ShortcutRedo{}
	ctrlShiftZ = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	ctrlS      = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
)

// Ctrl+Z and Ctrl+Y as the real driver sends them, on the grid, while a
// cell is being edited (the typing goes first, then the document), with
// nothing focused; Ctrl+Shift+Z and Ctrl+S from the grid.
func TestCtrlZAndCtrlYOnTheGridAsTheDriverSendsThem(t *testing.T) {
	path := savedSample(t)
	u := newTestUI(t, path)
	u.selectNode(tableNode("general"))
	v := u.view.(*sheet.Sheet)
	target := at(t, u, "general", "2013101", "public")
	v.Select(target)
	v.Focus()
	value := func() money.Amount {
		x, _ := u.s.Doc().Table("general").Main().Value("2013101", "public")
		return x
	}
	before := value()
	typeIn(u.win, "200")
	keyIn(u.win, fyne.KeyReturn)
	if value() != money.MustParse("200.00") {
		t.Fatalf("typed figure stored as %v", value())
	}

	press(u.win, ctrlZ)
	if value() != before || u.s.Dirty() {
		t.Fatalf("Ctrl+Z on the grid left %v", value())
	}
	press(u.win, ctrlY)
	if value() != money.MustParse("200.00") {
		t.Fatalf("Ctrl+Y on the grid left %v", value())
	}

	// typing in a cell: the first Ctrl+Z drops the typing, the second takes
	// back the figure
	typeIn(u.win, "9")
	if u.win.Canvas().Focused() == fyne.Focusable(nil) {
		t.Fatal("no cell editor has the focus")
	}
	press(u.win, ctrlZ)
	if value() != money.MustParse("200.00") || !u.s.CanUndo() {
		t.Fatalf("the first Ctrl+Z while typing took back the document: %v", value())
	}
	press(u.win, ctrlZ)
	if value() != before {
		t.Fatalf("the second Ctrl+Z did not take back the figure: %v", value())
	}

	// nothing focused: the window's canvas
	u.win.Canvas().Unfocus()
	press(u.win, ctrlShiftZ)
	if value() != money.MustParse("200.00") {
		t.Fatalf("Ctrl+Shift+Z with nothing focused left %v", value())
	}
	press(u.win, ctrlZ)
	if value() != before {
		t.Fatalf("Ctrl+Z with nothing focused left %v", value())
	}
	press(u.win, ctrlY)

	v.Focus()
	press(u.win, ctrlS)
	if u.s.Dirty() {
		t.Fatal("Ctrl+S on the grid did not save")
	}
	d, err := forms.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if x, _ := d.Table("general").Main().Value("2013101", "public"); x != money.MustParse("200.00") {
		t.Errorf("the file holds %v", x)
	}
}

// firstOf finds the first object of type T in a view.
func firstOf[T fyne.CanvasObject](t *testing.T, o fyne.CanvasObject) T {
	t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		if y, ok := x.(T); ok {
			return y
		}
	}
	var zero T
	t.Fatalf("no %T in the view", zero)
	return zero
}

// In a text field, Ctrl+Z and Ctrl+Y as the driver sends them take back and
// bring back the typing as one step; Ctrl+S saves what was typed. In the
// box for a new term (not yet the document's), Ctrl+S still saves.
func TestShortcutsInTextFieldsReachTheWindow(t *testing.T) {
	delay := textedit.CommitDelay
	textedit.CommitDelay = time.Hour // only the keys apply the text
	t.Cleanup(func() { textedit.CommitDelay = delay })
	path := savedSample(t)
	u := newTestUI(t, path)
	u.selectNode(nodeFunctions)
	f := firstOf[*textedit.Field](t, u.view.Object())
	old := u.s.Doc().Text.Functions
	u.win.Canvas().Focus(f)
	typeIn(u.win, "补充")

	press(u.win, ctrlZ)
	if f.Text != old || u.s.Doc().Text.Functions != old {
		t.Fatalf("Ctrl+Z in the field: field starts %q, document %q", head(f.Text), head(u.s.Doc().Text.Functions))
	}
	press(u.win, ctrlY)
	if !strings.HasPrefix(u.s.Doc().Text.Functions, "补充") {
		t.Fatalf("Ctrl+Y in the field: document starts %q", head(u.s.Doc().Text.Functions))
	}
	press(u.win, ctrlZ)
	press(u.win, ctrlShiftZ)
	if !strings.HasPrefix(u.s.Doc().Text.Functions, "补充") {
		t.Fatalf("Ctrl+Shift+Z in the field: document starts %q", head(u.s.Doc().Text.Functions))
	}

	typeIn(u.win, "再")
	press(u.win, ctrlS)
	d, err := forms.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(head(d.Text.Functions), "再") || u.s.Dirty() {
		t.Fatalf("Ctrl+S in the field saved %q (unsaved: %v)", head(d.Text.Functions), u.s.Dirty())
	}

	u.selectNode(nodeGlossary)
	u.s.Enter(at(t, u, "general", "2013101", "public"), "1.00")
	box := firstOf[*textedit.PlainEntry](t, u.view.Object())
	u.win.Canvas().Focus(box)
	typeIn(u.win, "名")
	press(u.win, ctrlS)
	if u.s.Dirty() {
		t.Error("Ctrl+S in the new term's box did not save")
	}
	if box.Text != "名" {
		t.Errorf("the box holds %q", box.Text)
	}
}

func head(s string) string {
	r := []rune(s)
	return string(r[:min(len(r), 12)])
}
