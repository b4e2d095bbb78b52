package sheet

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"yusuan/forms"
)

// findBar is the line Ctrl+F opens over the grid: a code, a name or a
// figure (with or without thousands separators), found line by line from
// the cursor on; Enter finds the next, Esc closes it.
type findBar struct {
	entry *findEntry
	obj   fyne.CanvasObject
}

// findEntry closes its bar on Esc.
type findEntry struct {
	widget.Entry
	esc func()
}

func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.esc()
		return
	}
	e.Entry.TypedKey(k)
}

func newFindBar(v *Sheet) *findBar {
	e := &findEntry{}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("编码、名称或金额，回车找下一个，Esc 关闭")
	b := &findBar{entry: e}
	e.esc = v.closeFind
	e.OnSubmitted = func(q string) { v.findNext(q) }
	next := widget.NewButton("下一个", func() { v.findNext(b.entry.Text) })
	all := widget.NewButton("在其他表中找", func() {
		if v.FindElsewhere != nil {
			v.FindElsewhere(b.entry.Text)
		}
	})
	closeB := widget.NewButton("关闭", v.closeFind)
	b.obj = container.NewBorder(nil, nil, widget.NewLabel("查找："), container.NewHBox(next, all, closeB), e)
	b.obj.Hide()
	return b
}

// FindFrom opens the find line with q and goes to q's first cell in the
// table (a search from another table landed here).
func (v *Sheet) FindFrom(q string) {
	v.Find()
	if v.find == nil {
		return
	}
	v.find.entry.SetText(q)
	v.moveTo(pos{len(v.grid.Rows) - 1, len(v.grid.Columns) - 1}, false)
	v.findNext(q)
	if strings.HasPrefix(v.message(), "已从表头") {
		v.say("", false) // it came from another table: no wrap to speak of
	}
}

// SayNotFound: no other table holds q either.
func (v *Sheet) SayNotFound(q string) {
	v.say(fmt.Sprintf("其他表中也没有“%s”。", strings.TrimSpace(q)), true)
}

// GridHas reports whether any cell of a table's grid holds q, compared as
// the find line compares.
func GridHas(g *forms.Grid, q string) bool {
	q = foldFind(q)
	if q == "" {
		return false
	}
	for _, r := range g.Rows {
		for _, c := range r.Cells {
			if strings.Contains(foldFind(c.Text), q) {
				return true
			}
		}
	}
	return false
}

// Find opens the find line (Ctrl+F).
func (v *Sheet) Find() {
	if v.find == nil {
		return
	}
	v.find.obj.Show()
	if c := v.canvas(); c != nil {
		c.Focus(v.find.entry)
	}
	v.find.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

func (v *Sheet) closeFind() {
	if v.find != nil {
		v.find.obj.Hide()
	}
	v.focusGrid()
}

// findNext moves the cursor to the next cell after it whose text holds q.
func (v *Sheet) findNext(q string) {
	q = foldFind(q)
	if q == "" || len(v.grid.Rows) == 0 {
		return
	}
	cols := len(v.grid.Columns)
	n := len(v.grid.Rows) * cols
	start := v.cur.row*cols + v.cur.col
	for i := 1; i <= n; i++ {
		k := (start + i) % n
		p := pos{k / cols, k % cols}
		if strings.Contains(foldFind(v.grid.Rows[p.row].Cells[p.col].Text), q) {
			v.moveTo(p, false)
			if k <= start {
				v.say("已从表头重新查找。", false)
			} else {
				v.say("", false)
			}
			return
		}
	}
	v.say(fmt.Sprintf("本表中没有“%s”；可点“在其他表中找”。", strings.TrimSpace(q)), true)
}

// foldFind compares without spaces or thousands separators, in either width.
func foldFind(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\u3000' || r == ',' || r == '，':
			return -1
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．':
			return '.'
		}
		return r
	}, s)
}
