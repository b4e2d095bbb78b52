// Package uitest holds what the window's tests share: reading back what a
// widget draws.
package uitest

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
)

// DrawnLines is the text of each line a widget draws, its pieces joined
// left to right (a wrapped label, a RichText of several segments).
func DrawnLines(o fyne.CanvasObject) []string {
	type piece struct {
		x, y float32
		text string
	}
	var pieces []piece
	for _, o := range test.LaidOutObjects(o) {
		if t, ok := o.(*canvas.Text); ok && t.Text != "" {
			pieces = append(pieces, piece{t.Position().X, t.Position().Y, t.Text})
		}
	}
	sort.Slice(pieces, func(i, j int) bool {
		if pieces[i].y != pieces[j].y {
			return pieces[i].y < pieces[j].y
		}
		return pieces[i].x < pieces[j].x
	})
	var rows []string
	for i, p := range pieces {
		if i > 0 && p.y == pieces[i-1].y {
			rows[len(rows)-1] += p.text
			continue
		}
		rows = append(rows, p.text)
	}
	return rows
}

// LabelText is the text of a label, a wrapped paragraph's as it was set
// (without the breaks of its filling); ok is false for anything else.
func LabelText(o fyne.CanvasObject) (text string, ok bool) {
	switch l := o.(type) {
	case *widget.Label:
		return l.Text, true
	case *look.Para:
		return l.Raw(), true
	}
	return "", false
}

// Entry is the entry o is, a dialog's entry (look.Entry) included.
func Entry(o fyne.CanvasObject) (*widget.Entry, bool) {
	switch e := o.(type) {
	case *widget.Entry:
		return e, true
	case *look.Entry:
		return &e.Entry, true
	}
	return nil, false
}
