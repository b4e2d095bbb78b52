package pdfin

import (
	"regexp"
	"sort"
	"strings"
)

// Block is one thing the document shows, in reading order: a line of text
// outside the ruled tables, or a ruled table.
type Block struct {
	Page int
	Line *Line // a line of text, or
	Grid *Grid // a ruled table
	// Width of the page the block stands on, for telling centred titles and
	// short lines.
	PageWidth float64
	margin    bool // a line in the page's top or bottom margin
}

// Blocks lists every page's blocks, top to bottom, page after page. Page
// numbers printed in the margins are left out. A ruled frame holding a
// single line of text (a text box) counts as text, not as a table.
func (d *Document) Blocks() []Block { return d.BlocksWithout(nil) }

// GridKey names a ruled frame: its page and top left corner.
type GridKey struct {
	Page   int
	X0, Y0 float64
}

// Key is the frame's name.
func (g *Grid) Key() GridKey { return GridKey{g.Page, g.X0, g.Y0} }

// BlocksWithout is Blocks with the given frames read as text: frames a
// reader found to be text set in boxes (their lines then join the lines
// beside them in reading order).
func (d *Document) BlocksWithout(text map[GridKey]bool) []Block {
	var out []Block
	for _, p := range d.Pages {
		out = append(out, p.blocks(text)...)
	}
	running := runningLines(out)
	kept := out[:0]
	for _, b := range out {
		if b.Line != nil && running[b.Line.Text()] && b.margin {
			continue
		}
		kept = append(kept, b)
	}
	return kept
}

// runningLines are the texts printed in the top or bottom margin of many
// pages (a running header "某局 2026 年度部门预算公开"): not the document's
// text.
func runningLines(blocks []Block) map[string]bool {
	pages := map[string]map[int]bool{}
	n := 0
	for _, b := range blocks {
		n = max(n, b.Page)
		if b.Line != nil && b.margin {
			t := b.Line.Text()
			if pages[t] == nil {
				pages[t] = map[int]bool{}
			}
			pages[t][b.Page] = true
		}
	}
	out := map[string]bool{}
	for t, ps := range pages {
		if len(ps) >= 3 && len(ps)*3 >= n {
			out[t] = true
		}
	}
	return out
}

// Blocks lists a page's blocks top to bottom.
func (p *Page) Blocks() []Block { return p.blocks(nil) }

func (p *Page) blocks(text map[GridKey]bool) []Block {
	var tables []*Grid
	for _, g := range grids(p) {
		if isTable(g) && !text[g.Key()] {
			tables = append(tables, g)
		}
	}
	var loose []Glyph
	for _, gl := range p.Glyphs {
		in := false
		for _, g := range tables {
			if g.Contains(gl) {
				in = true
				break
			}
		}
		if !in {
			loose = append(loose, gl)
		}
	}
	var out []Block
	for _, l := range groupLines(loose) {
		if p.marginNumber(l) {
			continue
		}
		inMargin := l.Y1 < p.Height*0.12 || l.Y0 > p.Height*0.9
		out = append(out, Block{Page: p.Number, Line: &l, PageWidth: p.Width, margin: inMargin})
	}
	for _, g := range tables {
		out = append(out, Block{Page: p.Number, Grid: g, PageWidth: p.Width})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].top() < out[j].top() })
	return out
}

func (b Block) top() float64 {
	if b.Grid != nil {
		return b.Grid.Y0
	}
	return b.Line.Y0
}

// isTable: a frame with at least two rows or three columns of cells, one
// of which holds text. A one-line box of one or two cells (a heading in a
// frame) is text.
func isTable(g *Grid) bool {
	if len(g.Cells) < 2 && len(g.ColX) < 4 {
		return false
	}
	for _, r := range g.Cells {
		for _, c := range r {
			if c != "" {
				return true
			}
		}
	}
	return false
}

var rePageNumber = regexp.MustCompile(`^[-—－–_\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[/／共]\s*\d{1,3}\s*页?)?[-—－–_\s]*$`)

// marginNumber: a page number printed in the top or bottom margin.
func (p *Page) marginNumber(l Line) bool {
	margin := p.Height * 0.15
	if l.Y0 > margin && l.Y1 < p.Height-margin {
		return false
	}
	return rePageNumber.MatchString(l.Text())
}

// Paragraph is a paragraph of text and the page it starts on.
type Paragraph struct {
	Page int
	Text string
}

// Paragraphs joins the text lines of blocks into paragraphs: a line
// continues the paragraph above when that line ran to the right margin and
// this one does not start indented. Lines of tables are not included.
func Paragraphs(blocks []Block) []Paragraph {
	var out []Paragraph
	var cur strings.Builder
	page := 0
	var prev *Line
	var prevWidth float64
	right := map[int]float64{} // the text's right margin per page
	left := map[int]float64{}
	for _, b := range blocks {
		if b.Line == nil {
			continue
		}
		if r, ok := right[b.Page]; !ok || b.Line.X1 > r {
			right[b.Page] = b.Line.X1
		}
		if l, ok := left[b.Page]; !ok || b.Line.X0 < l {
			left[b.Page] = b.Line.X0
		}
	}
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, Paragraph{Page: page, Text: s})
		}
		cur.Reset()
	}
	for _, b := range blocks {
		if b.Grid != nil {
			flush()
			prev = nil
			continue
		}
		l := b.Line
		size := l.Size()
		continues := prev != nil &&
			prevWidth >= right[b.Page]-2*size && // the line above was full
			l.X0 <= left[b.Page]+size*0.8 && // this one is not indented
			abs(size-prev.Size()) < 1.5 // nor a heading of another size
		if !continues {
			flush()
			page = b.Page
		}
		cur.WriteString(l.Text())
		prev, prevWidth = l, l.X1
	}
	flush()
	return out
}
