package sheet

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

func (v *Sheet) canvas() fyne.Canvas {
	if v.win != nil {
		return v.win.Canvas()
	}
	if a := fyne.CurrentApp(); a != nil {
		return a.Driver().CanvasForObject(v.table)
	}
	return nil
}

func (v *Sheet) focusGrid() {
	if c := v.canvas(); c != nil && c.Focused() != fyne.Focusable(v.table) {
		c.Focus(v.table)
	}
}

func (v *Sheet) editorFocused() bool {
	c := v.canvas()
	return c != nil && c.Focused() == fyne.Focusable(v.editor)
}

func (v *Sheet) clipboard() fyne.Clipboard { return fyne.CurrentApp().Clipboard() }

// forwardShortcut hands a shortcut the grid does not use to the window.
func (v *Sheet) forwardShortcut(s fyne.Shortcut) {
	if c, ok := v.canvas().(interface{ TypedShortcut(fyne.Shortcut) }); ok {
		c.TypedShortcut(s)
	}
}

func (v *Sheet) trackShift(k *fyne.KeyEvent, down bool) {
	if shiftKey(k) {
		v.shift = down
	}
}

// shiftHeld asks the driver when it knows the modifiers, else the keys seen.
func (v *Sheet) shiftHeld() bool {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return v.shift
}

func (v *Sheet) typedKey(k *fyne.KeyEvent) {
	shift := v.shiftHeld()
	switch k.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight, fyne.KeyTab, fyne.KeyReturn, fyne.KeyEnter,
		fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown:
		// the clerk moves on: the last message was read (the cell's name
		// comes back on its line)
		v.say("", false)
	}
	switch k.Name {
	case fyne.KeyUp:
		v.step(-1, 0, shift)
	case fyne.KeyDown:
		v.step(1, 0, shift)
	case fyne.KeyLeft:
		v.step(0, -1, shift)
	case fyne.KeyRight:
		v.step(0, 1, shift)
	case fyne.KeyTab:
		if shift {
			v.tab(-1)
		} else {
			v.tab(1)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if shift {
			v.step(-1, 0, false)
		} else {
			v.step(1, 0, false)
		}
	case fyne.KeyHome:
		v.scrollToStart()
		v.moveTo(pos{v.cur.row, 0}, shift)
	case fyne.KeyEnd:
		v.moveTo(pos{v.cur.row, len(v.grid.Columns) - 1}, shift)
	case fyne.KeyPageUp:
		v.step(-v.pageRows(), 0, shift)
	case fyne.KeyPageDown:
		v.step(v.pageRows(), 0, shift)
	case fyne.KeyF2:
		v.startEdit("", false)
	case fyne.KeyDelete, fyne.KeyBackspace:
		v.clearBlock()
	case fyne.KeyEscape:
		v.moveTo(v.cur, false)
		v.say("", false)
	}
}

func (v *Sheet) typedRune(r rune) {
	if r < ' ' || v.t.Absent {
		return
	}
	v.startEdit(string(r), true)
}

func (v *Sheet) typedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		v.copyBlock()
	case *fyne.ShortcutCut:
		v.copyBlock()
		v.clearBlock()
	case *fyne.ShortcutPaste:
		v.pasteText(v.clipboard().Content())
	case *fyne.ShortcutSelectAll:
		v.anchor = pos{0, 0}
		v.moveTo(pos{len(v.grid.Rows) - 1, len(v.grid.Columns) - 1}, true)
	case *desktop.CustomShortcut:
		if !v.customShortcut(s) {
			v.forwardShortcut(s)
		}
	default:
		v.forwardShortcut(s)
	}
}

// customShortcut handles Ctrl+arrows, Ctrl+Home/End (Shift extends),
// Alt+↑/↓ (move a project line) and Ctrl+- (delete the line).
func (v *Sheet) customShortcut(s *desktop.CustomShortcut) bool {
	ctrl := s.Modifier&fyne.KeyModifierShortcutDefault != 0
	extend := s.Modifier&fyne.KeyModifierShift != 0
	lastRow, lastCol := len(v.grid.Rows)-1, len(v.grid.Columns)-1
	switch {
	case ctrl && s.KeyName == fyne.KeyHome:
		v.scrollToStart()
		v.moveTo(pos{0, 0}, extend)
	case ctrl && s.KeyName == fyne.KeyEnd:
		v.moveTo(pos{lastRow, lastCol}, extend)
	case ctrl && s.KeyName == fyne.KeyUp:
		v.moveTo(pos{0, v.cur.col}, extend)
	case ctrl && s.KeyName == fyne.KeyDown:
		v.moveTo(pos{lastRow, v.cur.col}, extend)
	case ctrl && s.KeyName == fyne.KeyLeft:
		v.scrollToStart()
		v.moveTo(pos{v.cur.row, 0}, extend)
	case ctrl && s.KeyName == fyne.KeyRight:
		v.moveTo(pos{v.cur.row, lastCol}, extend)
	case ctrl && s.KeyName == fyne.KeyMinus:
		v.removeRow()
	case ctrl && !extend && s.KeyName == fyne.KeyD:
		v.fillDown()
	case ctrl && !extend && s.KeyName == fyne.KeyF:
		v.Find()
	case s.Modifier == fyne.KeyModifierAlt && s.KeyName == fyne.KeyUp:
		v.moveProject(-1)
	case s.Modifier == fyne.KeyModifierAlt && s.KeyName == fyne.KeyDown:
		v.moveProject(1)
	default:
		return false
	}
	return true
}

// pageRows is how many lines PageUp/PageDown move.
func (v *Sheet) pageRows() int {
	if sc := v.table.scroll; sc != nil && sc.Size().Height > 0 {
		return max(1, int(sc.Size().Height/(v.rowH+theme.Padding()))-1)
	}
	return 20
}

// clicked: a click on a cell moves the cursor there (Shift extends the
// block); a second click on the same cell edits it. The click that opens
// the cell menu leaves a block it falls in alone.
func (v *Sheet) clicked(row, col int, shift bool) {
	p := pos{row, col}
	if v.menuClick {
		if !v.inBlock(p) {
			v.moveTo(p, false)
		}
		return
	}
	v.say("", false)
	v.moveTo(p, shift)
	if !shift && v.clicks.second(p) {
		v.startEdit("", false)
	}
}
