package pdf

import (
	"compress/zlib"
	"fmt"
	"unicode/utf8"

	"github.com/signintech/gopdf"

	"yusuan/assets"
)

// Colours of the drawing.
var (
	headerFill = [3]uint8{232, 237, 243}
)

const ruleWidth = 0.5

// outlinesObjID is the object number gopdf gives its outline dictionary
// (catalog 1, pages 2, outlines 3): gopdf writes the top-level entries'
// /Parent one too low, so the renderer sets it.
const outlinesObjID = 3

// renderer draws laid-out pages with gopdf.
type renderer struct {
	gp *gopdf.GoPdf
	fs *fonts

	face    face
	size    float64
	lineW   float64
	hasFont bool
	tc      float64 // character spacing set

	// fill is the page's fill colour (when fillKnown), which is also the
	// colour of text while gopdf is in its grey mode; colorMode: gopdf is
	// in its colour mode (since SetTextColor), in which it sets the fill
	// colour to color before every text it draws.
	fill      [3]uint8
	fillKnown bool
	colorMode bool
	color     [3]uint8

	outline gopdf.OutlineNodes
	pieces  []piece // reused by text
	kerned  bool    // the Song face's kerning places the narrowed marks
}

func newRenderer(fs *fonts, info gopdf.PdfInfo) (*renderer, error) {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	// the fonts come first among the objects: SetFont searches from the
	// start. The Song face's kerning places the narrowed marks (. and ,
	// inside figures), so that a figure is drawn by one text.
	kern, kerned := fs.narrowKern()
	if err := gp.AddTTFFontDataWithOption(fs.baseFont(song), assets.FontSong, gopdf.TtfOption{
		UseKerning:                kerned,
		Style:                     gopdf.Regular,
		OnGlyphNotFoundSubstitute: gopdf.DefaultOnGlyphNotFoundSubstitute,
	}); err != nil {
		return nil, fmt.Errorf("无法载入宋体字体：%v", err)
	}
	if kerned {
		if err := gp.KernOverride(fs.baseFont(song), kern); err != nil {
			return nil, fmt.Errorf("无法载入宋体字体：%v", err)
		}
	}
	if err := gp.AddTTFFontData(fs.baseFont(hei), assets.FontHei); err != nil {
		return nil, fmt.Errorf("无法载入黑体字体：%v", err)
	}
	gp.SetInfo(info)
	// our gopdf (third_party/gopdf) compresses each page's content stream
	// when the next page begins, with one reused zlib writer
	gp.SetCompressLevel(zlib.DefaultCompression)
	return &renderer{gp: gp, fs: fs, lineW: -1, kerned: kerned}, nil
}

// page draws one page.
func (r *renderer) page(p *Page) error {
	gp := r.gp
	g := p.Geo
	gp.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: g.W, H: g.H}})
	// every page starts from the default graphics state: black fill
	r.fill, r.fillKnown, r.lineW = black, true, -1
	confH := gopdf.PageSizeA4.H
	for _, m := range p.Marks {
		// gopdf places the destination at (page height of the config) − Y + 20
		gp.SetY(confH - g.H + m.Y + 16)
		obj := gp.AddOutlineWithPosition(m.Title)
		node := &gopdf.OutlineNode{Obj: obj}
		if m.Level == 0 || len(r.outline) == 0 {
			r.outline = append(r.outline, node)
		} else {
			top := r.outline[len(r.outline)-1]
			top.Children = append(top.Children, node)
		}
	}
	for _, a := range p.Anchors {
		// gopdf places an anchor at (page height of the config) − Y + font size
		gp.SetY(confH - g.H + a.Y - 4 + r.fontSize())
		gp.SetAnchor(a.Name)
	}
	for _, b := range p.Boxes {
		if b.Fill {
			r.setFill(headerFill)
			gp.RectFromUpperLeftWithStyle(b.X, b.Y, b.W, b.H, "F")
		}
	}
	r.setLineWidth(ruleWidth)
	for _, b := range p.Boxes {
		gp.RectFromUpperLeftWithStyle(b.X, b.Y, b.W, b.H, "D")
	}
	for _, ru := range p.Rules {
		r.setLineWidth(ru.Width)
		gp.Line(ru.X1, ru.Y1, ru.X2, ru.Y2)
	}
	for _, b := range p.Boxes {
		if err := r.boxText(b); err != nil {
			return err
		}
	}
	for _, t := range p.Texts {
		if err := r.text(t.X, t.Y, t.S, t.Face, t.Size, t.Color, t.Bold, t.Spacing); err != nil {
			return err
		}
	}
	for _, ln := range p.Links {
		gp.AddInternalLink(ln.Anchor, ln.X, ln.Y, ln.W, ln.H)
	}
	if p.Footer {
		s := fmt.Sprintf("— %d —", p.Number)
		w := r.fs.width(s, song, sizeFooter)
		if err := r.text((g.W-w)/2, g.FooterY, s, song, sizeFooter, black, false, 0); err != nil {
			return err
		}
	}
	return nil
}

func (r *renderer) fontSize() float64 {
	if !r.hasFont {
		return 0
	}
	return r.size
}

func (r *renderer) setFill(c [3]uint8) {
	if c != r.fill || !r.fillKnown {
		r.gp.SetFillColor(c[0], c[1], c[2])
		r.fill, r.fillKnown = c, true
	}
}

// setTextColor makes the next texts drawn in c. Black text is drawn in
// gopdf's grey mode with the page's fill black, so that gopdf writes no
// colour with every text; other colours in its colour mode.
func (r *renderer) setTextColor(c [3]uint8) {
	if c == black {
		if r.colorMode || r.fill != black || !r.fillKnown {
			r.gp.SetGrayFill(0)
			r.colorMode, r.fill, r.fillKnown = false, black, true
		}
		return
	}
	if !r.colorMode || r.color != c {
		r.gp.SetTextColor(c[0], c[1], c[2])
		r.colorMode, r.color = true, c
	}
	// the text that follows sets the fill colour, if it draws anything
	r.fillKnown = false
}

func (r *renderer) setLineWidth(w float64) {
	if w != r.lineW {
		r.gp.SetLineWidth(w)
		r.lineW = w
	}
}

// boxText draws a box's lines, centred vertically.
func (r *renderer) boxText(b Box) error {
	if len(b.Lines) == 0 {
		return nil
	}
	top := b.Y + (b.H-float64(len(b.Lines))*b.Lead)/2
	for i, line := range b.Lines {
		if line == "" {
			continue
		}
		x := b.X + b.Pad + b.Indent
		switch b.Align {
		case AlignRight:
			x = b.X + b.W - b.Pad - r.fs.width(line, b.Face, b.Size)
		case AlignCenter:
			x = b.X + (b.W-r.fs.width(line, b.Face, b.Size))/2
		}
		if err := r.text(x, baseline(top+float64(i)*b.Lead, b.Lead, b.Size), line, b.Face, b.Size, black, b.Bold, 0); err != nil {
			return err
		}
	}
	return nil
}

// boldShift is how far the second impression of bold text lies to the
// right, in em (the faces have no bold; text extraction tools drop such
// overprinted duplicates).
const boldShift = 0.03

// text draws a line from its baseline, each stretch in the face that has
// its characters, with spacing added at every gap that stretches (a
// justified line); bold text is printed twice, slightly shifted.
func (r *renderer) text(x, y float64, s string, f face, size float64, color [3]uint8, bold bool, spacing float64) error {
	if bold {
		if err := r.text(x+boldShift*size, y, s, f, size, color, false, spacing); err != nil {
			return err
		}
	}
	gp := r.gp
	r.setTextColor(color)
	r.pieces = r.fs.appendPieces(r.pieces[:0], s, f, size, spacing, r.kerned)
	for _, p := range r.pieces {
		if !r.hasFont || p.face != r.face || size != r.size {
			if err := gp.SetFont(r.fs.baseFont(p.face), "", size); err != nil {
				return err
			}
			r.face, r.size, r.hasFont = p.face, size, true
		}
		if p.tc != r.tc {
			if err := gp.SetCharSpacing(p.tc); err != nil {
				return err
			}
			r.tc = p.tc
		}
		at := x + p.x
		if c, _ := utf8.DecodeRuneInString(p.text); narrowed(c, p.face) {
			at -= narrowShift * size
		}
		gp.SetXY(at, y)
		if err := gp.Text(p.text); err != nil {
			return err
		}
	}
	return nil
}

// finish links the outline entries into their tree.
func (r *renderer) finish() {
	if len(r.outline) == 0 {
		return
	}
	r.outline.Parse()
	for i, n := range r.outline {
		n.Obj.SetParent(outlinesObjID)
		if i > 0 {
			n.Obj.SetPrev(r.outline[i-1].Obj.GetIndex())
		}
	}
}
