package pdfin

import (
	"sort"
	"strings"
	"unicode"
)

// Line is a row of glyphs on one baseline, left to right, with its box.
type Line struct {
	Glyphs         []Glyph
	X0, Y0, X1, Y1 float64
}

// Size is the line's most common font size.
func (l *Line) Size() float64 {
	best, n := 0.0, 0
	counts := map[float64]int{}
	for _, g := range l.Glyphs {
		counts[g.Size]++
		if counts[g.Size] > n {
			best, n = g.Size, counts[g.Size]
		}
	}
	return best
}

// Bold: most of the line is bold.
func (l *Line) Bold() bool {
	n := 0
	for _, g := range l.Glyphs {
		if g.Bold {
			n++
		}
	}
	return n*2 > len(l.Glyphs)
}

// Text is the line's characters with a space where a gap as wide as a
// character separates two of them (two cells, two words of Latin text).
func (l *Line) Text() string { return joinGlyphs(l.Glyphs) }

// Words splits the line at gaps wider than a character: the pieces a
// table without rules prints in separate columns.
func (l *Line) Words() []Line {
	var out []Line
	start := 0
	for i := 1; i <= len(l.Glyphs); i++ {
		if i == len(l.Glyphs) || wideGap(l.Glyphs[i-1], l.Glyphs[i]) {
			out = append(out, newLine(l.Glyphs[start:i]))
			start = i
		}
	}
	return out
}

func newLine(gs []Glyph) Line {
	l := Line{Glyphs: gs, X0: gs[0].X0, Y0: gs[0].Y0, X1: gs[0].X1, Y1: gs[0].Y1}
	for _, g := range gs[1:] {
		l.X0, l.Y0 = min(l.X0, g.X0), min(l.Y0, g.Y0)
		l.X1, l.Y1 = max(l.X1, g.X1), max(l.Y1, g.Y1)
	}
	return l
}

// gapSpace: a gap wider than this share of the font size is a space.
const gapSpace = 0.6

func wideGap(a, b Glyph) bool {
	return b.X0-a.X1 > gapSpace*max(a.Size, b.Size)
}

func joinGlyphs(gs []Glyph) string {
	var b strings.Builder
	for i, g := range gs {
		if i > 0 && (wideGap(gs[i-1], g) || g.Space && g.X0 >= gs[i-1].X1-0.5) {
			b.WriteByte(' ')
		}
		b.WriteRune(g.R)
	}
	return b.String()
}

// groupLines sorts glyphs into lines: a glyph joins the line whose vertical
// band holds its middle, among glyphs of about its size; lines come top to
// bottom, glyphs left to right.
func groupLines(gs []Glyph) []Line {
	if len(gs) == 0 {
		return nil
	}
	sorted := append([]Glyph(nil), gs...)
	sort.SliceStable(sorted, func(i, j int) bool { return mid(sorted[i]) < mid(sorted[j]) })
	var lines [][]Glyph
	var bands [][2]float64
	for _, g := range sorted {
		m := mid(g)
		placed := false
		// the last few lines: glyphs of one line may arrive out of order
		for k := len(lines) - 1; k >= 0 && k >= len(lines)-3; k-- {
			if m >= bands[k][0] && m <= bands[k][1] {
				lines[k] = append(lines[k], g)
				placed = true
				break
			}
		}
		if !placed {
			h := g.Y1 - g.Y0
			lines = append(lines, []Glyph{g})
			bands = append(bands, [2]float64{m - h*0.35, m + h*0.35})
		}
	}
	out := make([]Line, 0, len(lines))
	for _, l := range lines {
		sort.SliceStable(l, func(i, j int) bool { return l[i].X0 < l[j].X0 })
		out = append(out, newLine(l))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Y0 < out[j].Y0 })
	return out
}

func mid(g Glyph) float64 { return (g.Y0 + g.Y1) / 2 }

// joinLines puts the lines of one cell together: a name or a figure that
// wrapped continues without a space ("1682.7" over "6" is 1682.76), Latin
// words get one.
func joinLines(lines []Line) string {
	var b strings.Builder
	prev := rune(0)
	for _, l := range lines {
		t := l.Text()
		if t == "" {
			continue
		}
		first := []rune(t)[0]
		if prev != 0 && isLatinLetter(prev) && isLatinLetter(first) {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		r := []rune(t)
		prev = r[len(r)-1]
	}
	return b.String()
}

func isLatinLetter(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }
