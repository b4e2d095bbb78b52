package pdf

import (
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
	color   [3]uint8
	lineW   float64
	fill    [3]uint8
	fillSet bool
	hasFont bool
	tc      float64 // character spacing set

	outline gopdf.OutlineNodes
}

func newRenderer(fs *fonts, info gopdf.PdfInfo) (*renderer, error) {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	// the fonts come first among the objects: SetFont searches from the start
	if err := gp.AddTTFFontData(fs.baseFont(song), assets.FontSong); err != nil {
		return nil, fmt.Errorf("无法载入宋体字体：%v", err)
	}
	if err := gp.AddTTFFontData(fs.baseFont(hei), assets.FontHei); err != nil {
		return nil, fmt.Errorf("无法载入黑体字体：%v", err)
	}
	gp.SetInfo(info)
	return &renderer{gp: gp, fs: fs, lineW: -1}, nil
}

// page draws one page.
func (r *renderer) page(p *Page) error {
	gp := r.gp
	g := p.Geo
	gp.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: g.W, H: g.H}})
	// every page starts from the default graphics state
	r.fill, r.lineW, r.color = [3]uint8{}, -1, [3]uint8{}
	r.fillSet = false
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
	if c != r.fill || !r.fillSet {
		r.gp.SetFillColor(c[0], c[1], c[2])
		r.fill, r.fillSet = c, true
	}
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
	if color != r.color {
		gp.SetTextColor(color[0], color[1], color[2])
		r.color = color
	}
	for _, p := range r.fs.pieces(s, f, size, spacing) {
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
