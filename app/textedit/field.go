package textedit

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms/edit"
	"yusuan/forms/money"
)

// View is what the main window needs of an editor of a part of the
// document.
type View interface {
	// Object is the editor to show.
	Object() fyne.CanvasObject
	// Refresh re-reads what a change touched (the editor's own edits, undo,
	// redo, edits elsewhere), keeping what the clerk is typing in a field the
	// change did not touch.
	Refresh(c edit.Change)
	// Commit puts an edit in progress into the Session (before save, export,
	// undo, or switching to another view).
	Commit()
}

// CommitDelay is the pause in typing after which a field's text goes into
// the document: long enough that a word is not an undo step of its own.
var CommitDelay = time.Second

// stopper is a pending timer.
type stopper interface{ Stop() bool }

// afterFunc starts the pause timer; tests replace it to run the pause at
// once.
var afterFunc = func(d time.Duration, f func()) stopper { return time.AfterFunc(d, f) }

// Field is an entry bound to one value of the document. It shows the
// Session's value and hands the clerk's text to apply when focus leaves it,
// on Enter (single-line), after a pause in typing and on Commit — never on
// every keystroke: each apply is one undo step and re-runs the checks. A
// text apply refuses (a bad figure) stays in the entry with the reason under
// it; the document keeps its old value.
//
// Ctrl+Z and Ctrl+Y belong to the window's undo history: pressed in a field
// with text not yet applied, the text is applied first (one undo step), then
// the shortcut goes on to the window, so the typing is taken back as a whole
// and Ctrl+Y brings it back — nothing is lost silently. When the text is
// refused, Ctrl+Z puts the field back to the document's value instead.
// Escape does the same.
type Field struct {
	widget.Entry
	shown string             // the document's value as last shown
	apply func(string) error // puts the text into the document
	msg   *widget.Label      // the reason a text was refused
	timer stopper
	box   fyne.CanvasObject
}

// NewField makes a single-line field.
func NewField(value string, apply func(string) error) *Field {
	f := &Field{shown: value, apply: apply}
	f.ExtendBaseWidget(f)
	f.Text = value
	f.msg = widget.NewLabel("")
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Hide()
	f.OnChanged = f.changed
	f.OnSubmitted = func(string) { f.Commit() }
	return f
}

// NewMultiLineField makes a multi-line field that wraps its text, showing
// at least rows lines.
func NewMultiLineField(value string, rows int, apply func(string) error) *Field {
	f := NewField(value, apply)
	f.MultiLine = true
	f.Wrapping = fyne.TextWrapWord
	f.SetMinRowsVisible(rows)
	return f
}

// Object is the field with the line for its message under it.
func (f *Field) Object() fyne.CanvasObject {
	if f.box == nil {
		f.box = container.NewVBox(f, f.msg)
	}
	return f.box
}

// Message is the label that shows why a text was refused (hidden when
// there is none), for callers that place it themselves.
func (f *Field) Message() *widget.Label { return f.msg }

// Error is the reason shown for the text in the field ("" when none).
func (f *Field) Error() string {
	if !f.msg.Visible() {
		return ""
	}
	return f.msg.Text
}

// Pending reports whether the field holds text not in the document.
func (f *Field) Pending() bool { return f.Text != f.shown }

// Set shows the document's value. Text the clerk is typing stays when the
// document's value did not change under it.
func (f *Field) Set(v string) {
	if f.Pending() && v == f.shown {
		return
	}
	f.stop()
	f.shown = v
	f.setError("")
	if f.Text != v {
		f.SetText(v)
	}
}

// Revert puts the document's value back, dropping what was typed.
func (f *Field) Revert() {
	f.stop()
	f.setError("")
	if f.Text != f.shown {
		f.SetText(f.shown)
	}
}

// Commit applies the text when it differs from the document's value.
func (f *Field) Commit() {
	f.stop()
	text := f.Text
	if text == f.shown {
		f.setError("")
		return
	}
	prev := f.shown
	f.shown = text // the refresh the change causes shows the stored form
	if err := f.apply(text); err != nil {
		f.shown = prev
		f.setError(err.Error())
		return
	}
	f.setError("")
}

func (f *Field) changed(string) {
	f.stop()
	if !f.Pending() {
		return
	}
	f.timer = afterFunc(CommitDelay, func() { fyne.Do(f.Commit) })
}

func (f *Field) stop() {
	if f.timer != nil {
		f.timer.Stop()
		f.timer = nil
	}
}

func (f *Field) setError(msg string) {
	if msg == "" {
		if f.msg.Visible() {
			f.msg.Hide()
		}
		return
	}
	f.msg.SetText(msg)
	f.msg.Show()
}

// FocusLost applies the text.
func (f *Field) FocusLost() {
	f.Entry.FocusLost()
	f.Commit()
}

// TypedKey: Escape puts the document's value back.
func (f *Field) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		f.Revert()
		return
	}
	f.Entry.TypedKey(k)
}

// TypedShortcut hands undo and redo to the window once the text is in the
// document (see Field). The window's other shortcuts (Ctrl+S, Ctrl+Shift+Z
// …) go on the same way, after the text is applied; a refused text keeps
// them back, its reason shown, as the grid's cell editor does.
func (f *Field) TypedShortcut(s fyne.Shortcut) {
	if !ForWindow(s) {
		f.Entry.TypedShortcut(s)
		return
	}
	f.Commit()
	if f.Pending() {
		switch s.(type) {
		case *fyne.ShortcutUndo, *fyne.ShortcutRedo: // take back the typing only
			f.Revert()
		}
		return
	}
	ToWindow(f, s)
}

// Fields is a set of fields committed and refreshed together.
type Fields []*Field

// Commit applies every field's pending text.
func (fs Fields) Commit() {
	for _, f := range fs {
		f.Commit()
	}
}

// AmountText is an amount as a field shows it: "142.20".
func AmountText(a money.Amount) string { return money.Format(a, false) }

// OptAmountText is an optional amount: blank when not given.
func OptAmountText(a *money.Amount) string {
	if a == nil {
		return ""
	}
	return AmountText(*a)
}

// ParseAmount reads a figure typed in a field ("6,677.45", full-width
// digits …); blank is nil (not given). Negative figures are refused.
func ParseAmount(text string) (*money.Amount, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	a, err := money.Parse(text)
	if err != nil {
		return nil, err
	}
	if a < 0 {
		return nil, fmt.Errorf("“%s”是负数：这里的金额不能为负", strings.TrimSpace(text))
	}
	return &a, nil
}

// ParseAmountOrZero is ParseAmount with blank meaning zero.
func ParseAmountOrZero(text string) (money.Amount, error) {
	a, err := ParseAmount(text)
	if err != nil || a == nil {
		return 0, err
	}
	return *a, nil
}

// CountText is a count as a field shows it.
func CountText(n int) string { return strconv.Itoa(n) }

// ParseCount reads a whole number of things (车辆、设备、项目): blank is 0.
func ParseCount(text string) (int, error) {
	t := strings.TrimSpace(foldDigits(text))
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 || n > 1_000_000 {
		return 0, fmt.Errorf("“%s”不是有效的数量：请填写不小于 0 的整数", strings.TrimSpace(text))
	}
	return n, nil
}

// foldDigits turns full-width digits into ASCII ones.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// Note is a line of help in muted text.
func Note(text string) *look.Para {
	l := look.Wrapped(text)
	l.Importance = widget.LowImportance
	return l
}
