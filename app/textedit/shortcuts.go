package textedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Fyne's GLFW driver gives a shortcut to the focused object alone when it
// takes shortcuts, and an Entry drops the ones it does not know: Ctrl+S in
// a text box would never reach the window. The entries of the window
// therefore pass the window's shortcuts on to its canvas.

// ForWindow reports whether a shortcut pressed in an entry belongs to the
// window rather than to the text: undo and redo, and any Ctrl combination
// that is not one of the Entry's own (Ctrl+arrows move by words,
// Ctrl+Backspace and Ctrl+Delete delete one; copy, cut, paste and select
// all reach the Entry as shortcuts of their own types).
func ForWindow(s fyne.Shortcut) bool {
	switch s := s.(type) {
	case *fyne.ShortcutUndo, *fyne.ShortcutRedo:
		return true
	case *desktop.CustomShortcut:
		switch s.KeyName {
		case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd,
			fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyBackspace, fyne.KeyDelete:
			return false
		}
		return true
	}
	return false
}

// ToWindow hands a shortcut to the canvas of o's window.
func ToWindow(o fyne.CanvasObject, s fyne.Shortcut) {
	if sc := shortcutTarget(o); sc != nil {
		sc.TypedShortcut(s)
	}
}

// shortcutTarget is where entries hand the window's shortcuts on: the
// window's canvas, which runs the shortcuts the window added to it.
var shortcutTarget = func(o fyne.CanvasObject) fyne.Shortcutable {
	if a := fyne.CurrentApp(); a != nil {
		if sc, ok := a.Driver().CanvasForObject(o).(fyne.Shortcutable); ok {
			return sc
		}
	}
	return nil
}

// PlainEntry is an entry for text that is not yet the document's (a
// search, a term being added): Ctrl+Z and Ctrl+Y edit its own text, as in
// any text box, and the window's other shortcuts (Ctrl+S …) reach the
// window.
type PlainEntry struct {
	widget.Entry
}

// NewPlainEntry makes a single-line PlainEntry.
func NewPlainEntry() *PlainEntry {
	e := &PlainEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut passes the window's shortcuts, undo and redo apart, on.
func (e *PlainEntry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutUndo, *fyne.ShortcutRedo:
	default:
		if ForWindow(s) {
			ToWindow(e, s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}
