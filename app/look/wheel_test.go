package look

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The wheel taken over a page of entries moves the page.
func TestPageScrollTakesTheWheel(t *testing.T) {
	test.NewTempApp(t)
	box := container.NewVBox()
	for range 40 {
		box.Add(widget.NewEntry())
	}
	s := container.NewVScroll(box)
	page := PageScroll(s)
	w := test.NewWindow(page)
	defer w.Close()
	w.Resize(fyne.NewSize(300, 200))
	taker, ok := page.(*fyne.Container).Objects[1].(fyne.Scrollable)
	if !ok {
		t.Fatal("nothing over the page takes the wheel")
	}
	taker.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -60)})
	if s.Offset.Y <= 0 {
		t.Errorf("the page did not move: offset %v", s.Offset)
	}
}
