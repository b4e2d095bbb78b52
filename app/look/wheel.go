package look

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// PageScroll is s with the mouse wheel taken for the page wherever the
// pointer rests. Fyne gives the wheel to the innermost scrollable under
// the pointer, and every entry holds a scroll of its own: over a page of
// fields the wheel went into an entry with nothing to scroll, and the page
// stood still. A transparent taker lies over the page and takes the wheel
// alone; clicks, dragging and hovering go through to what is under it.
func PageScroll(s *container.Scroll) fyne.CanvasObject {
	t := &wheelTaker{scroll: s}
	t.ExtendBaseWidget(t)
	return container.NewStack(s, t)
}

type wheelTaker struct {
	widget.BaseWidget
	scroll *container.Scroll
}

func (t *wheelTaker) Scrolled(e *fyne.ScrollEvent) { t.scroll.Scrolled(e) }

func (t *wheelTaker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
