package pdf

import (
	"fmt"
	"hash/fnv"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"yusuan/assets"
)

// face is one of the two bundled TrueType faces.
type face uint8

const (
	song face = iota // AR PL SungtiL GB: body text and table cells
	hei              // WenQuanYi Micro Hei: headings, table headers, totals
)

// family is the face's short name in messages.
func (f face) family() string {
	if f == hei {
		return "hei"
	}
	return "song"
}

func (f face) other() face { return 1 - f }

// notDef is drawn in place of a character neither face has: a visible box
// instead of the blank gopdf would leave.
const notDef = '□'

// metrics holds what layout needs of a face: the advance of every BMP
// character it has (in em; negative when it has none) and its vertical
// extent.
type metrics struct {
	adv     []float32 // indexed by rune, BMP only
	ascent  float64   // em
	descent float64   // em, positive
	// baseFont is the face's name in the PDF and inside gopdf, which
	// writes the family it was given as /BaseFont: the face's PostScript
	// name behind a subset tag, so that readers know the font and that it
	// is a subset.
	baseFont string
	upem     int // font units per em
}

var (
	facesOnce sync.Once
	faces     [2]*metrics
	facesErr  error
)

// loadFaces parses both embedded faces once and tabulates their advances.
func loadFaces() ([2]*metrics, error) {
	facesOnce.Do(func() {
		for i, data := range [][]byte{assets.FontSong, assets.FontHei} {
			m, err := newMetrics(data)
			if err != nil {
				facesErr = fmt.Errorf("内置字体无法读取（%s）：%v", face(i).family(), err)
				return
			}
			if m.baseFont == "" {
				m.baseFont = face(i).family()
			}
			m.baseFont = subsetTag(m.baseFont) + "+" + m.baseFont
			faces[i] = m
		}
	})
	return faces, facesErr
}

func newMetrics(data []byte) (*metrics, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	var b sfnt.Buffer
	upem := float64(f.UnitsPerEm())
	ppem := fixed.Int26_6(f.UnitsPerEm()) << 6
	m := &metrics{adv: make([]float32, 0x10000), upem: int(f.UnitsPerEm())}
	fm, err := f.Metrics(&b, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	m.ascent, m.descent = float64(fm.Ascent)/64/upem, float64(fm.Descent)/64/upem
	m.baseFont = postScriptName(f, &b)
	for r := range rune(0x10000) {
		m.adv[r] = -1
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		gi, err := f.GlyphIndex(&b, r)
		if err != nil || gi == 0 {
			continue
		}
		a, err := f.GlyphAdvance(&b, gi, ppem, font.HintingNone)
		if err != nil {
			continue
		}
		m.adv[r] = float32(float64(a) / 64 / upem)
	}
	return m, nil
}

// postScriptName is the face's PostScript name, which PDF takes as a
// TrueType font's /BaseFont, or else its family name without spaces; ""
// when it has neither.
func postScriptName(f *sfnt.Font, b *sfnt.Buffer) string {
	for _, id := range []sfnt.NameID{sfnt.NameIDPostScript, sfnt.NameIDFamily} {
		n, err := f.Name(b, id)
		if err != nil {
			continue
		}
		// only characters a PDF name takes unescaped
		n = strings.Map(func(r rune) rune {
			if r <= ' ' || r > '~' || strings.ContainsRune("()<>[]{}/%#", r) {
				return -1
			}
			return r
		}, n)
		if n != "" {
			return n
		}
	}
	return ""
}

// subsetTag is the six capital letters PDF puts before a subset font's
// name. They only have to differ between the subsets of one file, so a
// hash of the name keeps the output reproducible.
func subsetTag(name string) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	return string(tag)
}

// advance is a character's advance in em, or -1 when the face lacks it.
// Characters beyond the BMP count as lacking: gopdf reads only the BMP
// part of a face's character map and prints such a character as another
// one (the Hei face has six: 𐐀 U+10400 came out as ၀ U+1040), so they are
// drawn as notDef and reported instead.
func (m *metrics) advance(r rune) float32 {
	if r >= 0 && r < 0x10000 {
		return m.adv[r]
	}
	return -1
}

// has reports whether the face draws the character.
func (m *metrics) has(r rune) bool { return m.advance(r) >= 0 }

// fonts measures text the way the renderer draws it: each character in the
// preferred face, or the other face when the preferred one lacks it, or the
// box of notDef when neither has it.
type fonts struct {
	m [2]*metrics
}

// baseFont is the face's registered name (see metrics.baseFont).
func (fs *fonts) baseFont(f face) string { return fs.m[f].baseFont }

// faceFor is the face that draws r when f is preferred, and whether any does.
// Full-width punctuation always comes from the Song face: the Hei face's
// stand in the middle of a wide box (因公出国（ 境 ）费), the Song face's
// hug the text they belong to. Latin letters and ASCII signs come from the
// Hei face (the Song face's are a typewriter design), except the figures of
// Song text: the Hei face's look bold among the Song face's strokes.
func (fs *fonts) faceFor(r rune, f face) (face, bool) {
	switch {
	case cjkPunct(r):
		f = song
	case r > 0x20 && r < 0x7f && (f != song || !songFigure(r)):
		f = hei
	}
	if fs.m[f].has(r) {
		return f, true
	}
	if fs.m[f.other()].has(r) {
		return f.other(), true
	}
	return hei, false
}

// cjkPunct: the full-width punctuation of CJK Symbols and Punctuation and of
// the Halfwidth and Fullwidth Forms (not their letters and figures).
func cjkPunct(r rune) bool {
	switch {
	case r >= 0x3001 && r <= 0x303f:
		return true
	case r >= 0xff01 && r <= 0xff65:
		return !(r >= '０' && r <= '９' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ' || r > 0xff5f)
	}
	return false
}

// songFigure: the figures, and the signs that go with them (6,677.45
// 100.00% >=30% 1-3), that Song text takes from the Song face.
func songFigure(r rune) bool {
	return r >= '0' && r <= '9' || strings.ContainsRune(".,%+-<=>/:~", r)
}

// The Song face's full stop and comma are a typewriter's, half an em wide:
// inside figures (6677.45, 6,677.45) they are set narrowEm wide, the glyph
// drawn narrowShift em to the left of its place.
const (
	narrowEm    = 0.3
	narrowShift = 0.1
)

// narrowed reports whether r, drawn by face g, is set narrower than its
// glyph's advance.
func narrowed(r rune, g face) bool { return g == song && (r == '.' || r == ',') }

// narrowKern is the kerning that places the narrowed marks inside a
// stretch of the Song face drawn by one text: before a mark the pen goes
// back narrowShift em, after it on to the end of its narrowEm. PDF moves
// the pen by the widths gopdf writes, in thousandths of an em rounded
// down, and gopdf turns a kerning value (font units) into thousandths the
// same way; the values are chosen to come out exact. ok is false when some
// cannot.
func (fs *fonts) narrowKern() (kern func(l, r rune, _, _ uint, _ int16) int16, ok bool) {
	m := fs.m[song]
	upem := m.upem
	// gopdf's conversion of font units to thousandths of an em
	thousandths := func(n int) int {
		if n < 0 {
			return -((-1000 * n) / upem)
		}
		return n * 1000 / upem
	}
	units := func(t int) (int16, bool) {
		n0 := int(math.Round(float64(t) * float64(upem) / 1000))
		for d := range 8 {
			for _, n := range []int{n0 - d, n0 + d} {
				if thousandths(n) == t && n >= math.MinInt16 && n <= math.MaxInt16 {
					return int16(n), true
				}
			}
		}
		return 0, false
	}
	const shift, room = int(narrowShift * 1000), int(narrowEm * 1000)
	// by the pair's characters: 0 not a mark, 1 '.', 2 ','
	marks := [3]rune{0, '.', ','}
	var table [3][3]int16
	for li := range marks {
		for ri := range marks {
			t := 0
			if li > 0 {
				// the mark was drawn shift early; on to the end of its room
				w := thousandths(int(math.Round(float64(m.advance(marks[li])) * float64(upem))))
				t += shift + room - w
			}
			if ri > 0 {
				t -= shift
			}
			n, ok := units(t)
			if !ok {
				return nil, false
			}
			table[li][ri] = n
		}
	}
	index := func(r rune) int {
		switch r {
		case '.':
			return 1
		case ',':
			return 2
		}
		return 0
	}
	return func(l, r rune, _, _ uint, _ int16) int16 {
		return table[index(l)][index(r)]
	}, true
}

// runeWidth is a character's advance in points at size.
func (fs *fonts) runeWidth(r rune, f face, size float64) float64 {
	g, ok := fs.faceFor(r, f)
	if !ok {
		r = notDef
	}
	if narrowed(r, g) {
		return narrowEm * size
	}
	return float64(fs.m[g].advance(r)) * size
}

// width is a text's width in points.
func (fs *fonts) width(s string, f face, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += fs.runeWidth(r, f, size)
	}
	return w
}

// stretches reports whether the gap between two neighbouring characters
// takes a justified line's extra space: every gap but those inside a figure
// or a Latin word, and a space stretches once (the gap after it), as a
// character does.
func stretches(a, b rune) bool { return b != ' ' && (!wordRune(a) || !wordRune(b)) }

// gaps counts the gaps of a line that stretch.
func (fs *fonts) gaps(s string) int {
	n := 0
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 && stretches(prev, r) {
			n++
		}
		prev = r
	}
	return n
}

// run is a stretch of text drawn in one face.
type run struct {
	text string
	face face
}

// runs splits a text into the stretches each face draws, with notDef in
// place of characters neither face has.
func (fs *fonts) runs(s string, f face) []run {
	var out []run
	for _, p := range fs.pieces(s, f, 0, 0) {
		if n := len(out); n > 0 && out[n-1].face == p.face {
			out[n-1].text += p.text
			continue
		}
		out = append(out, run{p.text, p.face})
	}
	return out
}

// piece is a stretch of a line drawn by one call: its characters (notDef
// in place of those neither face has) in one face, where it starts from the
// line's start, and the spacing added after each of its characters.
type piece struct {
	text string
	face face
	x    float64
	tc   float64
}

// pieces splits a line into what the renderer draws: stretches of one face;
// a narrowed mark alone, drawn where it is placed; and, where spacing is
// added at the gaps that stretch (a justified line), stretches whose every
// gap stretches (drawn with that character spacing) apart from stretches
// whose gaps do not (a figure, a Latin word).
func (fs *fonts) pieces(s string, f face, size, spacing float64) []piece {
	return fs.appendPieces(nil, s, f, size, spacing, false)
}

// appendPieces appends the pieces of a line to out. kerned: a narrowed
// mark stays in its stretch, for a face whose kerning places it (see
// narrowKern).
func (fs *fonts) appendPieces(out []piece, s string, f face, size, spacing float64, kerned bool) []piece {
	if spacing == 0 {
		return fs.plainPieces(out, s, f, size, kerned)
	}
	type ch struct {
		r      rune
		g      face
		w      float64
		narrow bool
	}
	chars := make([]ch, 0, len(s))
	for _, r := range s {
		g, ok := fs.faceFor(r, f)
		if !ok {
			r = notDef
		}
		nw := narrowed(r, g)
		w := float64(fs.m[g].advance(r)) * size
		if nw {
			w = narrowEm * size
		}
		chars = append(chars, ch{r, g, w, nw})
	}
	n := len(chars)
	stretch := func(i int) bool {
		return spacing != 0 && i < n-1 && stretches(chars[i].r, chars[i+1].r)
	}
	// a narrowed mark is drawn alone, unless kerning places it
	alone := func(i int) bool { return chars[i].narrow && !kerned }
	var buf []rune
	x := 0.0
	for i := 0; i < n; {
		c := chars[i]
		j := i + 1
		tc := 0.0
		switch {
		case alone(i):
		case stretch(i):
			// every character of the piece is followed by a gap that stretches
			tc = spacing
			for j < n && chars[j].g == c.g && !alone(j) && stretch(j) {
				j++
			}
		default:
			for j < n && chars[j].g == c.g && !alone(j) && !stretch(j-1) {
				j++
			}
		}
		buf = buf[:0]
		x0 := x
		for k := i; k < j; k++ {
			buf = append(buf, chars[k].r)
			x += chars[k].w
			if stretch(k) {
				x += spacing
			}
		}
		out = append(out, piece{string(buf), c.g, x0, tc})
		i = j
	}
	return out
}

// missing lists the characters of s that neither face draws.
func (fs *fonts) missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if _, ok := fs.faceFor(r, song); !ok {
			out = append(out, r)
		}
	}
	return out
}

// plainPieces is pieces without spacing: stretches of one face, a narrowed
// mark alone unless kerned. They are appended to out; their texts are parts
// of s unless a character is drawn as another (notDef).
func (fs *fonts) plainPieces(out []piece, s string, f face, size float64, kerned bool) []piece {
	var buf []byte // the piece's text when it is not a part of s
	x, w := 0.0, 0.0
	cur, open, from, built := face(0), false, 0, false
	end := func(to int) {
		t := s[from:to]
		if built {
			t = string(buf)
		}
		out = append(out, piece{t, cur, x, 0})
		x += w
		buf, w, open, built = buf[:0], 0, false, false
	}
	for i, r := range s {
		c := r
		g, ok := fs.faceFor(r, f)
		if !ok {
			c = notDef
		}
		nw := narrowed(c, g)
		if open && (g != cur || nw && !kerned) {
			end(i)
		}
		if !open {
			from, open = i, true
		}
		if c != r || r == utf8.RuneError {
			if !built {
				buf, built = append(buf[:0], s[from:i]...), true
			}
		}
		if built {
			buf = utf8.AppendRune(buf, c)
		}
		cur = g
		if nw {
			w += narrowEm * size
			if !kerned {
				end(i + utf8.RuneLen(r))
			}
			continue
		}
		w += float64(fs.m[g].advance(c)) * size
	}
	if open {
		end(len(s))
	}
	return out
}
