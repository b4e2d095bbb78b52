package pdf

import (
	"strings"
	"unicode"
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
// end with (opening punctuation), as Chinese typesetting has it.
const (
	noLineStart = "，。、；：？！）》」』】〕〉”’％‰·…—,.;:?!)]}%"
	noLineEnd   = "（《「『【〔〈“‘([{"
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
				flush()
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

// balanced wraps a short text (a header) into as few lines as wrap gives,
// of widths as even as possible: 事业/收入 rather than 事业收/入.
func (fs *fonts) balanced(s string, f face, size, width float64) []string {
	lines := fs.wrap(s, f, size, width, 0)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := width/float64(len(lines)), width
	best := lines
	for range 12 {
		mid := (lo + hi) / 2
		try := fs.wrap(s, f, size, mid, 0)
		if len(try) <= len(lines) {
			best, hi = try, mid
		} else {
			lo = mid
		}
	}
	return best
}
