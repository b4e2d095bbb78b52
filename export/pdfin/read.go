package pdfin

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/structs"
)

// Glyph is one character as the page shows it. Coordinates are points from
// the top left corner of the page as displayed (rotation applied), y down.
type Glyph struct {
	R              rune
	X0, Y0, X1, Y1 float64 // the character's box: font ascent to descent
	Size           float64 // the printed size in points: the box's height
	Bold           bool
	Space          bool // a space stands before it in the text
}

// Rule is a drawn horizontal or vertical line (a table border), in the same
// coordinates as glyphs: Y0 == Y1 for a horizontal rule, X0 == X1 for a
// vertical one, and X0 ≤ X1, Y0 ≤ Y1.
type Rule struct{ X0, Y0, X1, Y1 float64 }

// Horizontal tells a horizontal rule from a vertical one.
func (r Rule) Horizontal() bool { return r.Y0 == r.Y1 }

// Page is one page's text layer and rules.
type Page struct {
	Number        int // from 1
	Width, Height float64
	Glyphs        []Glyph
	Rules         []Rule
	// Image: the page shows an image and has no text: a scan.
	Image bool
}

// Document is a PDF's pages.
type Document struct {
	Path  string
	Pages []*Page
}

// MaxBytes bounds the PDF read: published documents are a few MB.
const MaxBytes = 200 << 20

// Limits on what one page may hold, so that a hostile file cannot make the
// reading take minutes.
const (
	maxGlyphsPerPage = 200_000
	maxPathObjects   = 50_000
)

// ReadFile reads a PDF file.
func ReadFile(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取 PDF“%s”：%s", path, describe(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("无法读取 PDF“%s”：%s", path, describe(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("“%s”不是普通文件，无法作为 PDF 读取", path)
	}
	if fi.Size() > MaxBytes {
		return nil, fmt.Errorf("PDF“%s”过大（%d MB，上限 %d MB）", path, fi.Size()>>20, MaxBytes>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取 PDF“%s”：%s", path, describe(err))
	}
	d, err := Read(data)
	if err != nil {
		return nil, fmt.Errorf("PDF“%s”%v", path, err)
	}
	d.Path = path
	return d, nil
}

func describe(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, os.ErrPermission):
		return "没有读取权限"
	}
	return err.Error()
}

// IsPDF tells a PDF by its first bytes.
func IsPDF(head []byte) bool {
	if len(head) > 1024 {
		head = head[:1024]
	}
	return strings.Contains(string(head), "%PDF-")
}

// Read reads a PDF held in memory. A page that cannot be read is kept with
// no text (and so reported as unreadable by whoever needs its text).
func Read(data []byte) (doc *Document, err error) {
	if !IsPDF(data) {
		return nil, errors.New("不是 PDF 文件（缺少 %PDF 文件头）")
	}
	engineMu.Lock()
	defer engineMu.Unlock()
	p, err := instance()
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil { // the engine must not take the program down
			doc, err = nil, fmt.Errorf("内容损坏，无法读取（技术信息：%v）", r)
		}
	}()
	od, err := p.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		if errors.Is(err, pdferrors.ErrPassword) {
			return nil, errors.New("有密码保护，无法读取；请用不加密的版本")
		}
		return nil, fmt.Errorf("已损坏或不是 PDF 文件，无法读取（技术信息：%v）", err)
	}
	defer p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
	count, err := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: od.Document})
	if err != nil {
		return nil, fmt.Errorf("无法读取页数（技术信息：%v）", err)
	}
	doc = &Document{}
	for i := 0; i < count.PageCount; i++ {
		doc.Pages = append(doc.Pages, readPage(p, od.Document, i))
	}
	return doc, nil
}

// readPage reads one page; what fails leaves the page with less.
func readPage(p pdfium.Pdfium, d references.FPDF_DOCUMENT, index int) *Page {
	page := &Page{Number: index + 1}
	lp, err := p.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: d, Index: index})
	if err != nil {
		return page
	}
	defer p.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	ref := requests.Page{ByReference: &lp.Page}
	size, err := p.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: d, Index: index})
	if err != nil {
		return page
	}
	rot := 0
	if r, err := p.FPDFPage_GetRotation(&requests.FPDFPage_GetRotation{Page: ref}); err == nil {
		rot = int(r.PageRotation)
	}
	// FPDF_GetPageSizeByIndex gives the displayed size; the unrotated page
	// (the coordinates PDFium reports in) is its transpose at 90° and 270°
	t := orient{rot: rot, w: size.Width, h: size.Height}
	if rot%2 == 1 {
		t.w, t.h = size.Height, size.Width
	}
	page.Width, page.Height = size.Width, size.Height
	page.Glyphs = readGlyphs(p, ref, t)
	images := 0
	page.Rules, images = readRules(p, ref, t)
	page.Image = len(page.Glyphs) == 0 && images > 0
	return page
}

// orient turns PDF user space (origin bottom left, y up, unrotated) into
// the displayed page (origin top left, y down, rotation applied).
type orient struct {
	rot  int     // 0..3 quarter turns clockwise
	w, h float64 // the unrotated page's size
}

func (o orient) point(x, y float64) (float64, float64) {
	switch o.rot {
	case 1:
		return y, x
	case 2:
		return o.w - x, y
	case 3:
		return o.h - y, o.w - x
	}
	return x, o.h - y
}

func (o orient) box(l, b, r, t float64) (x0, y0, x1, y1 float64) {
	ax, ay := o.point(l, b)
	bx, by := o.point(r, t)
	return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
}

func readGlyphs(p pdfium.Pdfium, page requests.Page, o orient) []Glyph {
	tp, err := p.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return nil
	}
	defer p.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := p.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil || n.Count <= 0 {
		return nil
	}
	count := min(n.Count, maxGlyphsPerPage)
	runes := pageRunes(p, tp.TextPage, count)
	var out []Glyph
	weight, weightAt := 0, -1
	space := false
	for i := 0; i < count; i++ {
		r := runes[i]
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if r == 0 || unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
			continue
		}
		box, err := p.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: i})
		if err != nil {
			continue
		}
		g := Glyph{R: r}
		g.X0, g.Y0, g.X1, g.Y1 = o.box(float64(box.Rect.Left), float64(box.Rect.Bottom), float64(box.Rect.Right), float64(box.Rect.Top))
		if g.X1-g.X0 <= 0 && g.Y1-g.Y0 <= 0 {
			continue // a character PDFium made up (a space or line end)
		}
		// the box's height is the size as printed (the font size PDFium
		// reports leaves out the text's scaling: Shanghai's is 240)
		g.Size = g.Y1 - g.Y0
		// weight changes rarely: ask again only at a new size
		if n := len(out); n == 0 || abs(out[n-1].Size-g.Size) > 0.1 || i-weightAt > 64 {
			if fw, err := p.FPDFText_GetFontWeight(&requests.FPDFText_GetFontWeight{TextPage: tp.TextPage, Index: i}); err == nil {
				weight = fw.FontWeight
			}
			weightAt = i
		}
		g.Bold = weight >= 600
		g.Space, space = space, false
		out = append(out, g)
	}
	return out
}

// pageRunes is the characters of a text page by index: one call for the
// whole page, checked against the count (a character outside the Basic
// Multilingual Plane takes two UTF-16 units); else one call each.
func pageRunes(p pdfium.Pdfium, tp references.FPDF_TEXTPAGE, count int) []rune {
	if t, err := p.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp, StartIndex: 0, Count: count}); err == nil {
		u := utf16.Encode([]rune(t.Text))
		if len(u) == count {
			out := make([]rune, count)
			for i, c := range u {
				out[i] = rune(c)
			}
			if !hasSurrogates(u) {
				return out
			}
		}
	}
	out := make([]rune, count)
	for i := range out {
		if u, err := p.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp, Index: i}); err == nil {
			out[i] = rune(u.Unicode)
		}
	}
	return out
}

func hasSurrogates(u []uint16) bool {
	for _, c := range u {
		if utf16.IsSurrogate(rune(c)) {
			return true
		}
	}
	return false
}

// matrix is an affine transform as PDF writes it: x' = a·x + c·y + e.
type matrix struct{ a, b, c, d, e, f float64 }

var identity = matrix{a: 1, d: 1}

// then applies m, then n.
func (m matrix) then(n matrix) matrix {
	return matrix{
		a: m.a*n.a + m.b*n.c, b: m.a*n.b + m.b*n.d,
		c: m.c*n.a + m.d*n.c, d: m.c*n.b + m.d*n.d,
		e: m.e*n.a + m.f*n.c + n.e, f: m.e*n.b + m.f*n.d + n.f,
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

// ruleThickness: a filled rectangle no thicker than this is a drawn line.
const ruleThickness = 2.5

// readRules collects the page's horizontal and vertical lines, inside form
// objects too (深圳's pages draw everything in one), and counts images.
func readRules(p pdfium.Pdfium, page requests.Page, o orient) (rules []Rule, images int) {
	n, err := p.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return nil, 0
	}
	budget := maxPathObjects
	for i := 0; i < n.Count && budget > 0; i++ {
		obj, err := p.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: i})
		if err != nil {
			continue
		}
		walkObject(p, obj.PageObject, identity, o, &rules, &images, &budget, 0)
	}
	return rules, images
}

func walkObject(p pdfium.Pdfium, obj references.FPDF_PAGEOBJECT, outer matrix, o orient, rules *[]Rule, images, budget *int, depth int) {
	*budget--
	t, err := p.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj})
	if err != nil {
		return
	}
	switch t.Type {
	case enums.FPDF_PAGEOBJ_IMAGE:
		*images++
	case enums.FPDF_PAGEOBJ_FORM:
		if depth > 8 {
			return
		}
		m, err := p.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj})
		if err != nil {
			return
		}
		inner := toMatrix(m.Matrix).then(outer)
		n, err := p.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: obj})
		if err != nil {
			return
		}
		for i := 0; i < n.Count && *budget > 0; i++ {
			child, err := p.FPDFFormObj_GetObject(&requests.FPDFFormObj_GetObject{PageObject: obj, Index: uint64(i)})
			if err == nil {
				walkObject(p, child.PageObject, inner, o, rules, images, budget, depth+1)
			}
		}
	case enums.FPDF_PAGEOBJ_PATH:
		*rules = append(*rules, pathRules(p, obj, outer, o)...)
	}
}

func toMatrix(m structs.FPDF_FS_MATRIX) matrix {
	return matrix{float64(m.A), float64(m.B), float64(m.C), float64(m.D), float64(m.E), float64(m.F)}
}

// minRule: shorter drawn lines are not borders (underlines of a glyph,
// ticks, dots).
const minRule = 3.0

// pathRules turns a path into rules: a thin filled or stroked shape is one
// line along its length; a larger shape gives its straight axis-parallel
// edges (a stroked cell rectangle: its four sides).
func pathRules(p pdfium.Pdfium, obj references.FPDF_PAGEOBJECT, outer matrix, o orient) []Rule {
	if invisibleFill(p, obj) {
		return nil
	}
	b, err := p.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: obj})
	if err != nil {
		return nil
	}
	x0, y0 := outer.apply(float64(b.Left), float64(b.Bottom))
	x1, y1 := outer.apply(float64(b.Right), float64(b.Top))
	l, t, r, bt := o.box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
	w, h := r-l, bt-t
	switch {
	case w < minRule && h < minRule:
		return nil
	case h <= ruleThickness:
		y := (t + bt) / 2
		return []Rule{{l, y, r, y}}
	case w <= ruleThickness:
		x := (l + r) / 2
		return []Rule{{x, t, x, bt}}
	}
	m, err := p.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj})
	if err != nil {
		return nil
	}
	full := toMatrix(m.Matrix).then(outer)
	n, err := p.FPDFPath_CountSegments(&requests.FPDFPath_CountSegments{PageObject: obj})
	if err != nil || n.Count > 4000 {
		return nil
	}
	var out []Rule
	var lastX, lastY, startX, startY float64
	at := func(px, py float64) (float64, float64) { return o.point(full.apply(px, py)) }
	edge := func(ax, ay, bx, by float64) {
		switch {
		case abs(ay-by) < 0.5 && abs(ax-bx) >= minRule:
			out = append(out, Rule{min(ax, bx), (ay + by) / 2, max(ax, bx), (ay + by) / 2})
		case abs(ax-bx) < 0.5 && abs(ay-by) >= minRule:
			out = append(out, Rule{(ax + bx) / 2, min(ay, by), (ax + bx) / 2, max(ay, by)})
		}
	}
	for i := 0; i < n.Count; i++ {
		seg, err := p.FPDFPath_GetPathSegment(&requests.FPDFPath_GetPathSegment{PageObject: obj, Index: i})
		if err != nil {
			return out
		}
		pt, err1 := p.FPDFPathSegment_GetPoint(&requests.FPDFPathSegment_GetPoint{PathSegment: seg.PathSegment})
		ty, err2 := p.FPDFPathSegment_GetType(&requests.FPDFPathSegment_GetType{PathSegment: seg.PathSegment})
		if err1 != nil || err2 != nil {
			return out
		}
		x, y := at(float64(pt.X), float64(pt.Y))
		switch ty.Type {
		case enums.FPDF_SEGMENT_MOVETO:
			startX, startY = x, y
		case enums.FPDF_SEGMENT_LINETO:
			edge(lastX, lastY, x, y)
		}
		lastX, lastY = x, y
		if c, err := p.FPDFPathSegment_GetClose(&requests.FPDFPathSegment_GetClose{PathSegment: seg.PathSegment}); err == nil && c.IsClose {
			edge(lastX, lastY, startX, startY)
			lastX, lastY = startX, startY
		}
	}
	return out
}

// invisibleFill: a shape filled white (or not at all) and not stroked, as
// Word paints a cell's padding: its edges are no rules.
func invisibleFill(p pdfium.Pdfium, obj references.FPDF_PAGEOBJECT) bool {
	m, err := p.FPDFPath_GetDrawMode(&requests.FPDFPath_GetDrawMode{PageObject: obj})
	if err != nil || m.Stroke {
		return false
	}
	if m.FillMode == enums.FPDF_FILLMODE_NONE {
		return true
	}
	c, err := p.FPDFPageObj_GetFillColor(&requests.FPDFPageObj_GetFillColor{PageObject: obj})
	if err != nil {
		return false
	}
	fc := c.FillColor
	return fc.A == 0 || fc.R >= 245 && fc.G >= 245 && fc.B >= 245
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
