package look

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Esc closes a dialog without doing anything, as in a Windows program:
// Fyne's dialogs take no key for it. A dialog shown through ShowDialog is
// remembered with the overlay it is drawn in; EscapeDialog dismisses it
// while that overlay is the window's top one. A dialog whose closing means
// more than "no" (a progress line, a choice between keeping and dropping
// work) is shown with its own Show and never closed by Esc.
var shown = map[fyne.Canvas][]shownDialog{}

// DialogWidth is the least width of a dialog shown through ShowDialog.
const DialogWidth = 480

type shownDialog struct {
	d    dialog.Dialog
	over fyne.CanvasObject
}

// ShowDialog shows d over w; Esc dismisses it (its 取消 or 关闭).
func ShowDialog(d dialog.Dialog, w fyne.Window) {
	d.Show()
	c := w.Canvas()
	shown[c] = append(shown[c], shownDialog{d, c.Overlays().Top()})
	d.SetOnClosed(func() { forget(c, d) })
}

// ShowError shows err over w in a dialog Esc closes.
func ShowError(err error, w fyne.Window) {
	ShowDialog(Widened(dialog.NewError(err, w)), w)
}

// ShowInformation shows a message over w in a dialog Esc closes.
func ShowInformation(title, message string, w fyne.Window) {
	ShowDialog(Widened(dialog.NewInformation(title, message, w)), w)
}

// Widened gives a dialog of wrapped text DialogWidth: left to its content
// it is only as wide as its buttons, a word a line.
func Widened(d dialog.Dialog) dialog.Dialog {
	d.Resize(fyne.NewSize(DialogWidth, 0))
	return d
}

func forget(c fyne.Canvas, d dialog.Dialog) {
	list := shown[c]
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].d == d {
			list = append(list[:i], list[i+1:]...)
		}
	}
	if len(list) == 0 {
		delete(shown, c)
		return
	}
	shown[c] = list
}

// EscapeDialog dismisses the dialog drawn in c's top overlay, if it was
// shown through ShowDialog, and tells whether it did.
func EscapeDialog(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	if top == nil || !top.Visible() {
		return false
	}
	list := shown[c]
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].over == top {
			list[i].d.Dismiss()
			return true
		}
	}
	return false
}

// Entry is a one-line entry of a dialog: Esc in it closes the dialog, as
// in a Windows dialog box (a widget.Entry keeps Esc to itself).
type Entry struct{ widget.Entry }

// NewEntry makes an entry for a dialog.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry makes an entry of several lines for a dialog.
func NewMultiLineEntry() *Entry {
	e := &Entry{}
	e.MultiLine, e.Wrapping = true, fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && EscapeDialog(c) {
			return
		}
	}
	e.Entry.TypedKey(k)
}
