package app

import (
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Fyne's test canvas keeps the shortcuts added to it but cannot be sent
// one (it has no TypedShortcut), while the real driver's canvas runs them:
// what the grid and the text fields pass on to the window's canvas would
// vanish in tests and work on a desk, or the other way round. The app the
// window tests run in wraps the test driver so that its canvases run
// their shortcuts, as GLFW's do.

// newShortcutApp is test.NewTempApp whose windows' canvases run shortcuts.
func newShortcutApp(t testing.TB) fyne.App {
	inner := test.NewTempApp(t)
	a := &shortcutApp{App: inner}
	a.d = &shortcutDriver{Driver: inner.Driver(), canvases: map[fyne.Canvas]*shortcutCanvas{}}
	fyne.SetCurrentApp(a)
	return a
}

type shortcutApp struct {
	fyne.App
	d *shortcutDriver
}

func (a *shortcutApp) Driver() fyne.Driver                { return a.d }
func (a *shortcutApp) NewWindow(title string) fyne.Window { return a.d.CreateWindow(title) }

type shortcutDriver struct {
	fyne.Driver
	mu       sync.Mutex
	canvases map[fyne.Canvas]*shortcutCanvas // the test canvas → its wrapper
}

func (d *shortcutDriver) wrap(c fyne.Canvas) *shortcutCanvas {
	d.mu.Lock()
	defer d.mu.Unlock()
	w := d.canvases[c]
	if w == nil {
		w = &shortcutCanvas{Canvas: c}
		d.canvases[c] = w
	}
	return w
}

func (d *shortcutDriver) CreateWindow(title string) fyne.Window {
	w := d.Driver.CreateWindow(title)
	return &shortcutWindow{Window: w, c: d.wrap(w.Canvas())}
}

func (d *shortcutDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	c := d.Driver.CanvasForObject(o)
	if c == nil {
		return nil
	}
	return d.wrap(c)
}

type shortcutWindow struct {
	fyne.Window
	c *shortcutCanvas
}

func (w *shortcutWindow) Canvas() fyne.Canvas { return w.c }

type shortcutCanvas struct {
	fyne.Canvas
	h fyne.ShortcutHandler
}

func (c *shortcutCanvas) AddShortcut(s fyne.Shortcut, f func(fyne.Shortcut)) { c.h.AddShortcut(s, f) }
func (c *shortcutCanvas) RemoveShortcut(s fyne.Shortcut)                     { c.h.RemoveShortcut(s) }
func (c *shortcutCanvas) TypedShortcut(s fyne.Shortcut)                      { c.h.TypedShortcut(s) }
