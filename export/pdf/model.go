package pdf

// The layout model: what goes where on every page, in points from the top
// left corner. The layout fills pages and hands each to a sink; the PDF
// writer draws them, tests read them.

// A4 in points.
const (
	a4Short = 595.28
	a4Long  = 841.89
)

// geometry is a page's size and margins.
type geometry struct {
	W, H                     float64
	Left, Right, Top, Bottom float64
	FooterY                  float64 // baseline of the page number
}

var (
	portrait  = geometry{W: a4Short, H: a4Long, Left: 62, Right: 62, Top: 60, Bottom: 64, FooterY: a4Long - 34}
	landscape = geometry{W: a4Long, H: a4Short, Left: 50, Right: 50, Top: 42, Bottom: 50, FooterY: a4Short - 24}
)

// Width is the width between the margins.
func (g geometry) Width() float64 { return g.W - g.Left - g.Right }

// Page is one laid-out page.
type Page struct {
	Number    int // 1-based, as the footer prints it
	Landscape bool
	Footer    bool // print the page number (every page but the cover)
	Geo       geometry
	Boxes     []Box
	Texts     []Text
	Rules     []Rule
	Links     []Link
	Anchors   []Anchor
	Marks     []Mark
	// Table names the table whose pages these are ("" for text pages);
	// Continued marks its pages after the first.
	Table     string
	Continued bool
}

// Align is a text's horizontal alignment in its box.
type Align uint8

const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Box is a ruled cell with its text: lines already broken to fit.
type Box struct {
	X, Y, W, H float64
	Lines      []string
	Face       face
	Size       float64
	Lead       float64 // line height
	Pad        float64 // left and right padding
	Indent     float64 // more room before left-aligned lines (sub-items)
	Align      Align
	Fill       bool // shaded (headers, labels)
	Bold       bool // totals: drawn heavier
	// Header marks a header cell of a grid table, ColNo a cell of the 栏次
	// line under it; Row is the grid line a body cell belongs to (-1 for
	// others); Col is its printed column.
	Header bool
	ColNo  bool
	Row    int
	Col    int
}

// Text is a line of text; Y is its baseline.
type Text struct {
	X, Y  float64
	S     string
	Face  face
	Size  float64
	Color [3]uint8
	Bold  bool
	// Spacing is added at every gap between characters that stretches
	// (not inside a figure or a Latin word): a justified line.
	Spacing float64
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
}

// Link makes a rectangle jump to an anchor.
type Link struct {
	X, Y, W, H float64
	Anchor     string
}

// Anchor names a place links and the 目录 point to.
type Anchor struct {
	Name string
	Y    float64
}

// Mark is an outline (bookmark) entry: level 0 for the 目录 and the parts,
// 1 under them.
type Mark struct {
	Title string
	Level int
	Y     float64
}

// baseline is where a line of text at size sits in a line box of height
// lead whose top is at top: the em box centred in the line.
func baseline(top, lead, size float64) float64 {
	return top + (lead-size)/2 + 0.86*size
}
