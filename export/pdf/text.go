package pdf

import (
	"strings"
	"unicode"

	"yusuan/forms/linebreak"
)

// clean makes a text printable on one line: tabs become spaces, other
// control and zero-width characters go.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x200b && r <= 0x200f) || r == 0xfeff {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x200b && r <= 0x200f) || r == 0xfeff:
			return -1
		}
		return r
	}, s)
}

// Characters a line may not start with (closing punctuation) and may not
// end with (opening punctuation), as Chinese typesetting has it: the marks
// of linebreak and a few more.
const (
	noLineStart = linebreak.Closers + "〕〉’％‰·…—,.;:?!]}%"
	noLineEnd   = linebreak.Openers + "〔〈‘[{"
)

// moneyUnits follow an amount on the same line.
var moneyUnits = []string{"万元", "亿元", "元"}

// wordRune: characters that stay together in a run (figures, Latin words,
// codes), so that 6677.45 or 2013101 never breaks.
func wordRune(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".,%+-/<>=_#*&@", r))
}

// units splits a text into the pieces a line may break between: one CJK
// character, a word of Latin letters and figures, or a space; closing
// punctuation sticks to the piece before it, opening punctuation to the
// piece after it.
func units(s string) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i + 1
		if wordRune(rs[i]) {
			for j < len(rs) && wordRune(rs[j]) {
				j++
			}
			// an amount keeps its unit: 0.00万元, never 0.00万 | 元
			if unicode.IsDigit(rs[j-1]) {
				for _, u := range moneyUnits {
					if strings.HasPrefix(string(rs[j:min(j+2, len(rs))]), u) {
						j += len([]rune(u))
						break
					}
				}
			}
		}
		// opening punctuation: take what follows
		if j-i == 1 && strings.ContainsRune(noLineEnd, rs[i]) && j < len(rs) {
			k := j + 1
			if wordRune(rs[j]) {
				for k < len(rs) && wordRune(rs[k]) {
					k++
				}
			}
			j = k
		}
		// closing punctuation: keep with this piece
		for j < len(rs) && strings.ContainsRune(noLineStart, rs[j]) {
			j++
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

// cutUnit splits a piece that is an amount with its unit (and closing
// punctuation) into the amount and the rest.
func cutUnit(u string) (amount, unit string, ok bool) {
	k := strings.IndexFunc(u, func(r rune) bool { return !wordRune(r) })
	if k <= 0 {
		return "", "", false
	}
	for _, m := range moneyUnits {
		if strings.HasPrefix(u[k:], m) {
			return u[:k], u[k:], true
		}
	}
	return "", "", false
}

// wrap breaks a text into lines no wider than width, the first line of
// each paragraph less indent. A piece wider than a whole line is broken between
// characters. Newlines in the text start new lines.
func (fs *fonts) wrap(s string, f face, size, width, indent float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, fs.wrapLine(clean(para), f, size, width, indent)...)
	}
	return lines
}

func (fs *fonts) wrapLine(s string, f face, size, width, indent float64) []string {
	if s == "" {
		return []string{""}
	}
	if indent+fs.width(s, f, size) <= width {
		return []string{s}
	}
	var lines []string
	var cur strings.Builder
	used := indent
	flush := func() {
		lines = append(lines, strings.TrimRight(cur.String(), " "))
		cur.Reset()
		used = 0
	}
	var place func(u string, whole bool)
	place = func(u string, whole bool) {
		w := fs.width(u, f, size)
		if used+w <= width+0.01 {
			cur.WriteString(u)
			used += w
			return
		}
		if u == " " {
			flush()
			return
		}
		if cur.Len() > 0 {
			flush()
		}
		if w <= width+0.01 {
			cur.WriteString(u)
			used = w
			return
		}
		// a piece wider than a line: an amount apart from its unit, else
		// broken between characters
		if whole {
			if amount, unit, ok := cutUnit(u); ok {
				place(amount, false)
				place(unit, false)
				return
			}
		}
		for _, r := range u {
			rw := fs.runeWidth(r, f, size)
			if used+rw > width+0.01 && cur.Len() > 0 {
				// no line begins with a closing mark: the character
				// before it goes along
				carry := ""
				if strings.ContainsRune(noLineStart, r) {
					if rs := []rune(cur.String()); len(rs) > 1 {
						carry = string(rs[len(rs)-1])
						cur.Reset()
						cur.WriteString(string(rs[:len(rs)-1]))
					}
				}
				flush()
				cur.WriteString(carry)
				used = fs.width(carry, f, size)
			}
			cur.WriteRune(r)
			used += rw
		}
	}
	for _, u := range units(s) {
		place(u, true)
	}
	if cur.Len() > 0 {
		flush()
	}
	return lines
}

// justify is the spacing that sets a line to width: the room it leaves
// shared among the gaps between its characters that stretch (none inside a
// figure or a Latin word). It is 0 for a line that fills the width already,
// has no such gap, or would be set looser than maxSpacing em a gap.
func (fs *fonts) justify(line string, f face, size, width float64) float64 {
	n := fs.gaps(line)
	room := width - fs.width(line, f, size)
	if n == 0 || room <= 0 {
		return 0
	}
	s := room / float64(n)
	if s > maxSpacing*size {
		return 0
	}
	return s
}

// maxSpacing is the most a justified line adds at a gap, in em.
const maxSpacing = 1.0

// balanced breaks a short text (a header) into as few lines as the width
// allows, between its words (linebreak.Words: 上缴上级/支出, 部门(单位)/代码),
// the lines as even as the words allow. A word wider than a line alone is
// broken between its characters, never before a closing mark.
func (fs *fonts) balanced(s string, f face, size, width float64) []string {
	fits := func(x string) bool { return fs.width(x, f, size) <= width+0.01 }
	if fits(s) {
		return []string{s}
	}
	var lines []string
	line, broken := "", false
	for _, w := range linebreak.Words(s) {
		if line != "" && !fits(line+w) {
			lines = append(lines, line)
			line = ""
		}
		if line == "" && !fits(w) {
			parts := fs.cutChars(w, f, size, width)
			lines = append(lines, parts[:len(parts)-1]...)
			w, broken = parts[len(parts)-1], true
		}
		line += w
	}
	lines = append(lines, line)
	if len(lines) < 2 || broken {
		return lines
	}
	even := fs.evenLines(s, f, size, len(lines))
	for _, l := range even {
		if !fits(l) {
			return lines
		}
	}
	return even
}

// evenLines breaks s between its words into at most n lines, the widest as
// narrow as it can be in the face's own widths: the narrowest width at
// which filling the lines word by word (the earlier the longer) takes n
// lines.
func (fs *fonts) evenLines(s string, f face, size float64, n int) []string {
	words := linebreak.Words(s)
	fill := func(width float64) []string {
		var lines []string
		line, w := "", 0.0
		for _, word := range words {
			ww := fs.width(word, f, size)
			if line != "" && w+ww > width {
				lines = append(lines, line)
				line, w = "", 0
			}
			line += word
			w += ww
		}
		return append(lines, line)
	}
	lo, hi := 0.0, fs.width(s, f, size)
	for _, word := range words {
		lo = max(lo, fs.width(word, f, size))
	}
	if len(fill(lo)) <= n {
		return fill(lo)
	}
	for hi-lo > 0.01 {
		mid := (lo + hi) / 2
		if len(fill(mid)) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return fill(hi)
}

// even wraps a text of a few lines (a name in a table cell) into as few
// lines as wrap gives at width, as even as they can be: 市委视频会议系统运行
// 维护及/驻场服务费 rather than …驻场服务/费. A longer text is wrapped as it is.
func (fs *fonts) even(s string, f face, size, width float64) []string {
	lines := fs.wrap(s, f, size, width, 0)
	if len(lines) < 2 || len(lines) > 4 {
		return lines
	}
	lo, hi := width/float64(len(lines)), width
	best := lines
	for range 10 {
		mid := (lo + hi) / 2
		if try := fs.wrap(s, f, size, mid, 0); len(try) <= len(lines) {
			best, hi = try, mid
		} else {
			lo = mid
		}
	}
	return best
}

// cutChars breaks a word into pieces no wider than width (one character
// at least) between characters: no piece but the first begins with a
// closing mark, none but the last ends with an opening one, where the word
// has characters enough.
func (fs *fonts) cutChars(w string, f face, size, width float64) []string {
	var out []string
	rs := []rune(w)
	for len(rs) > 0 {
		n, used := 0, 0.0
		for n < len(rs) {
			rw := fs.runeWidth(rs[n], f, size)
			if n > 0 && used+rw > width+0.01 {
				break
			}
			used += rw
			n++
		}
		for n > 1 && n < len(rs) && (strings.ContainsRune(noLineStart, rs[n]) || strings.ContainsRune(noLineEnd, rs[n-1])) {
			n--
		}
		out = append(out, string(rs[:n]))
		rs = rs[n:]
	}
	return out
}

// headerNeed is the width a header label needs at size when set in at most
// n lines broken between its words: its widest line.
func (fs *fonts) headerNeed(s string, f face, size float64, n int) float64 {
	need := fs.width(s, f, size)
	for k := 2; k <= n; k++ {
		widest := 0.0
		for _, l := range fs.evenLines(s, f, size, k) {
			widest = max(widest, fs.width(l, f, size))
		}
		need = min(need, widest)
	}
	return need
}
