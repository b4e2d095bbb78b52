package look

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// WheelTaker is a transparent object to lay over others that takes the
// mouse wheel before them and hands it to scrolled. Fyne gives the wheel
// to the innermost scrollable under the pointer; the taker lies on top, so
// it is that one. It takes nothing else: clicks, dragging and hovering go
// through to what is under it.
func WheelTaker(scrolled func(*fyne.ScrollEvent)) fyne.CanvasObject {
	t := &wheelTaker{scrolled: scrolled}
	t.ExtendBaseWidget(t)
	return t
}

type wheelTaker struct {
	widget.BaseWidget
	scrolled func(*fyne.ScrollEvent)
}

func (t *wheelTaker) Scrolled(e *fyne.ScrollEvent) { t.scrolled(e) }

func (t *wheelTaker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// PageScroll is s with the mouse wheel taken for the page wherever the
// pointer rests: every entry holds a scroll of its own, and over a page of
// fields the wheel went into an entry with nothing to scroll while the page
// stood still.
func PageScroll(s *container.Scroll) fyne.CanvasObject {
	return container.NewStack(s, WheelTaker(s.Scrolled))
}
