package sheet

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// cellEditor is the in-place editor: an Entry that finishes the edit the
// way a spreadsheet does. Enter and Tab store what was typed and move on,
// Esc drops it, the arrow keys store and move when the edit began by
// typing over the cell (with F2 or a double-click they move the caret).
// A block copied from a spreadsheet and pasted here is pasted into the
// grid, cell by cell.
type cellEditor struct {
	widget.Entry
	v *Sheet
}

func newCellEditor(v *Sheet) *cellEditor {
	e := &cellEditor{v: v}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab keeps Tab for moving to the next cell.
func (e *cellEditor) AcceptsTab() bool { return true }

func (e *cellEditor) TypedKey(k *fyne.KeyEvent) {
	v := e.v
	if v.editing == nil { // focus left here after an edit ended: the grid's key
		v.focusGrid()
		v.typedKey(k)
		return
	}
	shift := v.shiftHeld()
	switch k.Name {
	case fyne.KeyEscape:
		v.cancelEdit(true)
	case fyne.KeyReturn, fyne.KeyEnter:
		if shift {
			v.commitAndMove(-1, 0)
		} else {
			v.commitAndMove(1, 0)
		}
	case fyne.KeyTab:
		if shift {
			v.commitAndTab(-1)
		} else {
			v.commitAndTab(1)
		}
	case fyne.KeyUp:
		v.commitAndMove(-1, 0)
	case fyne.KeyDown:
		v.commitAndMove(1, 0)
	case fyne.KeyLeft, fyne.KeyRight:
		if !v.editing.typed {
			e.Entry.TypedKey(k)
			return
		}
		dc := 1
		if k.Name == fyne.KeyLeft {
			dc = -1
		}
		v.commitAndMove(0, dc)
	default:
		e.Entry.TypedKey(k)
	}
}

func (e *cellEditor) TypedRune(r rune) {
	if e.v.editing == nil {
		e.v.focusGrid()
		e.v.typedRune(r)
		return
	}
	e.Entry.TypedRune(r)
}

// TypedShortcut keeps the text shortcuts (copy, cut, paste, select all)
// for the text being edited, except a pasted block of cells, which goes to
// the grid. Undo drops the edit when something was typed (as Esc);
// otherwise it ends the edit and goes to the window, which takes back the
// last change. Any other shortcut (save, redo …) stores the edit first and
// then goes to the window: nothing typed is lost.
func (e *cellEditor) TypedShortcut(s fyne.Shortcut) {
	v := e.v
	if v.editing == nil { // focus left here after an edit ended: the grid's shortcut
		v.focusGrid()
		v.typedShortcut(s)
		return
	}
	switch s := s.(type) {
	case *fyne.ShortcutCopy, *fyne.ShortcutCut, *fyne.ShortcutSelectAll:
		e.Entry.TypedShortcut(s)
	case *fyne.ShortcutPaste:
		if text := v.clipboard().Content(); strings.ContainsAny(strings.TrimRight(text, "\r\n"), "\t\r\n") {
			v.cancelEdit(true)
			v.pasteText(text)
			return
		}
		e.Entry.TypedShortcut(s)
	case *fyne.ShortcutUndo:
		changed := e.Text != v.editing.original
		v.cancelEdit(true)
		if !changed {
			v.forwardShortcut(s)
		}
	default:
		if v.commitEdit(true) {
			v.forwardShortcut(s)
		}
	}
}

// KeyDown and KeyUp follow the Shift keys (Shift+Enter, Shift+Tab).
func (e *cellEditor) KeyDown(k *fyne.KeyEvent) {
	e.v.trackShift(k, true)
	e.Entry.KeyDown(k)
}

func (e *cellEditor) KeyUp(k *fyne.KeyEvent) {
	e.v.trackShift(k, false)
	e.Entry.KeyUp(k)
}

// FocusLost stores the edit when the clerk clicks elsewhere; an entry the
// document refuses stays open with its reason shown, so nothing typed is
// lost.
func (e *cellEditor) FocusLost() {
	e.Entry.FocusLost()
	if e.v.editing != nil && !e.v.ending {
		e.v.commitEdit(false)
	}
}

// FocusGained: an editor that is not editing (its window was left while an
// edit ended) hands the focus back to the grid.
func (e *cellEditor) FocusGained() {
	e.Entry.FocusGained()
	if e.v.editing == nil {
		e.v.focusGrid()
	}
}

// shiftKey reports whether a key is one of the Shift keys.
func shiftKey(k *fyne.KeyEvent) bool {
	return k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight
}
