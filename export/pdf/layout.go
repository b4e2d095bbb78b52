package pdf

import (
	"fmt"
	"strings"
	"time"

	"yusuan/forms"
)

// Type sizes and spacing (points).
const (
	sizeBody     = 12   // 正文
	leadBody     = 22   // line height of the body text
	sizePart     = 18   // 第一部分 …
	sizeSection  = 14   // 一、…
	sizeSub      = 12.5 // （一）…
	sizeTitle    = 15   // table title
	sizeUnitLine = 9.5  // 编制单位 / 单位：万元
	sizeTable    = 9    // table cells at their largest
	sizeTableMin = 6.5  // and at their smallest
	sizeFooter   = 10.5
)

// Colours.
var (
	black = [3]uint8{0, 0, 0}
	gray  = [3]uint8{90, 90, 90}
	red   = [3]uint8{176, 24, 24}
)

// layouter fills pages from a document, in the order of the published
// document, and hands each finished page to emit.
type layouter struct {
	d    *forms.Document
	fs   *fonts
	emit func(*Page) error
	now  time.Time
	// dry: the first pass, which only finds where things go (and which
	// characters the fonts lack); pages keep no drawing.
	dry bool
	// spares gives back pages emit is done with, whose arrays the next
	// pages reuse (nil: none).
	spares chan *Page

	page *Page
	y    float64 // top of the free space on the page
	n    int     // pages begun
	err  error

	// pageOf gives the page of each anchor as the first pass found it (the
	// 目录 prints them); anchors records this pass's.
	pageOf  map[string]int
	anchors map[string]int
	toc     []tocEntry

	where   string // the part or table being laid out, for warnings
	missing map[rune][]string
	order   []rune

	// cur is the table whose pages are being laid out, curNo its number
	// (预算表4); contH caches the height of its title block on continuation
	// pages.
	cur   *forms.Table
	curNo string
	contH struct {
		t *forms.Table
		h float64
	}
	formBuf formBufs
}

type tocEntry struct {
	Title  string
	Level  int
	Anchor string
}

func newLayouter(d *forms.Document, fs *fonts, now time.Time, emit func(*Page) error) *layouter {
	return &layouter{d: d, fs: fs, now: now, emit: emit, anchors: map[string]int{}, missing: map[rune][]string{}}
}

// bottom is the lowest y content may reach on the page.
func (l *layouter) bottom() float64 { return l.page.Geo.H - l.page.Geo.Bottom }

// left and width of the text column.
func (l *layouter) left() float64  { return l.page.Geo.Left }
func (l *layouter) width() float64 { return l.page.Geo.Width() }

// newPage finishes the current page and starts another.
func (l *layouter) newPage(land bool) {
	l.flush()
	g := portrait
	if land {
		g = landscape
	}
	l.n++
	var p *Page
	select {
	case p = <-l.spares:
	default:
	}
	if p != nil {
		*p = Page{Number: l.n, Landscape: land, Footer: l.n > 1, Geo: g,
			Boxes: p.Boxes[:0], Texts: p.Texts[:0], Rules: p.Rules[:0], Links: p.Links[:0], Anchors: p.Anchors[:0], Marks: p.Marks[:0]}
		l.page = p
	} else {
		l.page = &Page{Number: l.n, Landscape: land, Footer: l.n > 1, Geo: g}
	}
	l.y = g.Top
}

func (l *layouter) flush() {
	if l.page == nil || l.err != nil {
		l.page = nil
		return
	}
	l.err = l.emit(l.page)
	l.page = nil
}

// nextPage goes on to a page like the current one: a table's next page
// has the table's title （续表）.
func (l *layouter) nextPage() {
	if l.page.Table != "" {
		l.continuePage(l.page.Landscape)
		return
	}
	l.newPage(l.page.Landscape)
}

// fits reports whether h more points fit on the page.
func (l *layouter) fits(h float64) bool { return l.y+h <= l.bottom()+0.01 }

// anchor marks the current place as a link target.
func (l *layouter) anchor(name string) {
	l.page.Anchors = append(l.page.Anchors, Anchor{Name: name, Y: l.y})
	l.anchors[name] = l.page.Number
}

// mark adds an outline entry at the current place.
func (l *layouter) mark(title string, level int) {
	l.page.Marks = append(l.page.Marks, Mark{Title: title, Level: level, Y: l.y})
}

// note records the characters of s that no bundled face has.
func (l *layouter) note(s string) {
	for _, r := range l.fs.missing(s) {
		places := l.missing[r]
		if len(places) == 0 {
			l.order = append(l.order, r)
		}
		if len(places) < 3 && (len(places) == 0 || places[len(places)-1] != l.where) {
			l.missing[r] = append(places, l.where)
		}
	}
}

// text places one line of text with its baseline at y.
func (l *layouter) text(x, y float64, s string, f face, size float64, color [3]uint8) {
	l.spaced(x, y, s, f, size, color, 0)
}

// spaced places a line with spacing added at the gaps that stretch.
func (l *layouter) spaced(x, y float64, s string, f face, size float64, color [3]uint8, spacing float64) {
	if s == "" {
		return
	}
	if l.dry {
		l.note(s)
		return
	}
	l.page.Texts = append(l.page.Texts, Text{X: x, Y: y, S: s, Face: f, Size: size, Color: color, Spacing: spacing})
}

// box places a ruled cell.
func (l *layouter) box(b Box) {
	if l.dry {
		for _, s := range b.Lines {
			l.note(s)
		}
		return
	}
	l.page.Boxes = append(l.page.Boxes, b)
}

// centred places a line centred between the margins.
func (l *layouter) centred(s string, f face, size, lead float64, color [3]uint8) {
	s = clean(s)
	lines := l.fs.wrap(s, f, size, l.width(), 0)
	for _, line := range lines {
		if !l.fits(lead) {
			l.newPage(l.page.Landscape)
		}
		w := l.fs.width(line, f, size)
		l.text(l.left()+(l.width()-w)/2, baseline(l.y, lead, size), line, f, size, color)
		l.y += lead
	}
}

// paragraph sets a paragraph of body text: wrapped to the text width, the
// first line indented by two characters, every line but the last justified,
// breaking pages between lines.
func (l *layouter) paragraph(s string, f face, size, lead float64, indent float64) {
	lines := l.fs.wrap(clean(s), f, size, l.width(), indent)
	for i, line := range lines {
		if !l.fits(lead) {
			l.nextPage()
		}
		x, room := l.left(), l.width()
		if i == 0 {
			x, room = x+indent, room-indent
		}
		spacing := 0.0
		if i < len(lines)-1 {
			spacing = l.fs.justify(line, f, size, room)
		}
		l.spaced(x, baseline(l.y, lead, size), line, f, size, black, spacing)
		l.y += lead
	}
}

// heading sets a heading line kept with at least keep points after it.
func (l *layouter) heading(s string, f face, size, lead, indent, keep float64) {
	if !l.fits(lead + keep) {
		l.newPage(l.page.Landscape)
	}
	lines := l.fs.wrap(clean(s), f, size, l.width()-indent, 0)
	for _, line := range lines {
		l.text(l.left()+indent, baseline(l.y, lead, size), line, f, size, black)
		l.y += lead
	}
}

// partTitle starts a part on a new page: its heading, anchor and outline
// entry.
func (l *layouter) partTitle(title, anchor string) {
	l.newPage(false)
	l.where = title
	l.anchor(anchor)
	l.mark(title, 0)
	l.y += 6
	l.centred(title, hei, sizePart, 30, black)
	l.y += 14
}

// missingWarnings lists the characters the fonts lack, and where.
func (l *layouter) missingWarnings() []string {
	var out []string
	for _, r := range l.order {
		out = append(out, fmt.Sprintf("字体中没有“%c”（U+%04X），PDF 中以“%c”代替：见%s", r, r, notDef, strings.Join(l.missing[r], "、")))
	}
	return out
}
