package sheet

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"yusuan/app/look"
)

// A name cut with “…” is shown whole when the pointer rests on it, in a
// tip drawn over the grid. The tip is plain canvas objects, not a pop-up:
// a pop-up covers the window and takes the next click, and the pointer
// leaving the cell for it would hide it again.

// tipDelay is how long the pointer rests on a cut name before its tip.
const tipDelay = 450 * time.Millisecond

type cellTip struct {
	v     *Sheet
	box   *fyne.Container // over the grid's body
	bg    *canvas.Rectangle
	text  *canvas.Text
	over  *gridCell   // the cell under the pointer
	timer *time.Timer // shows the tip once the pointer has rested
}

func newCellTip(v *Sheet) *cellTip {
	t := &cellTip{v: v, bg: canvas.NewRectangle(look.HeaderBg), text: canvas.NewText("", look.Text)}
	t.bg.StrokeColor, t.bg.StrokeWidth = look.Muted, 1
	t.text.TextSize = theme.TextSize()
	t.box = container.NewWithoutLayout(t.bg, t.text)
	t.box.Hide()
	return t
}

// enter and leave follow the pointer over the cells.
func (t *cellTip) enter(c *gridCell) {
	t.leave(t.over)
	t.over = c
	if c.text.Text == c.full {
		return // shown whole already
	}
	t.timer = time.AfterFunc(tipDelay, func() {
		fyne.Do(func() {
			if t.over == c {
				t.show(c)
			}
		})
	})
}

func (t *cellTip) leave(c *gridCell) {
	if c == nil || c != t.over {
		return
	}
	t.over = nil
	if t.timer != nil {
		t.timer.Stop()
		t.timer = nil
	}
	t.box.Hide()
}

// show puts the tip under the cell, kept inside the grid.
func (t *cellTip) show(c *gridCell) {
	drv := fyne.CurrentApp().Driver()
	// the header sits at the body's top left (the hidden tip has no place
	// the driver would tell)
	at := drv.AbsolutePositionForObject(c).Subtract(drv.AbsolutePositionForObject(t.v.header))
	t.text.Text = c.full
	pad := theme.Padding()
	size := fyne.MeasureText(c.full, t.text.TextSize, fyne.TextStyle{})
	box := fyne.NewSize(size.Width+4*pad, size.Height+2*pad)
	area := t.box.Size()
	x := min(at.X, area.Width-box.Width)
	y := at.Y + c.Size().Height + pad
	if y+box.Height > area.Height {
		y = at.Y - box.Height - pad // no room below: above the cell
	}
	t.bg.Move(fyne.NewPos(max(x, 0), y))
	t.bg.Resize(box)
	t.text.Move(fyne.NewPos(max(x, 0)+2*pad, y+pad))
	t.text.Resize(size)
	t.box.Show()
	t.box.Refresh()
}

// The cells tell the tip where the pointer is.
var _ desktop.Hoverable = (*gridCell)(nil)

func (c *gridCell) MouseIn(*desktop.MouseEvent) {
	if c.tip != nil {
		c.tip.enter(c)
	}
}

func (c *gridCell) MouseMoved(*desktop.MouseEvent) {}

func (c *gridCell) MouseOut() {
	if c.tip != nil {
		c.tip.leave(c)
	}
}
