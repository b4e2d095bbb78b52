package classify

import (
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// Initials returns the upper-case pinyin initials of a name, one letter per
// Chinese character in its most common reading (一般公共服务支出 →
// YBGGFWZC); ASCII letters and digits are kept, everything else is dropped.
func Initials(name string) string {
	var b strings.Builder
	for _, alts := range initialAlts(name) {
		b.WriteByte(alts[0])
	}
	return b.String()
}

// initialAlts gives, per kept character of name, the possible initials: every
// reading of a character with several (行 is X in 行政, H in 银行) and the
// character itself for ASCII letters and digits.
func initialAlts(name string) [][]byte {
	if v, ok := altCache.Load(name); ok {
		return v.([][]byte)
	}
	args := pinyin.NewArgs()
	args.Style = pinyin.FirstLetter
	args.Heteronym = true
	var out [][]byte
	for _, r := range FoldName(name) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			out = append(out, []byte{byte(unicode.ToUpper(r))})
		case unicode.Is(unicode.Han, r):
			var alts []byte
			for _, p := range pinyin.SinglePinyin(r, args) {
				if p == "" {
					continue
				}
				c := byte(unicode.ToUpper(rune(p[0])))
				if c >= 'A' && c <= 'Z' && !strings.ContainsRune(string(alts), rune(c)) {
					alts = append(alts, c)
				}
			}
			if len(alts) > 0 {
				out = append(out, alts)
			}
		}
	}
	altCache.Store(name, out)
	return out
}

var altCache sync.Map // name → [][]byte

// MatchInitials reports whether q (letters, any case) is a run of the
// name's pinyin initials, any reading of a many-reading character counting:
// "xzyx" and "zyx" match 行政运行.
func MatchInitials(name, q string) bool {
	q = strings.ToUpper(strings.TrimSpace(q))
	if q == "" {
		return false
	}
	for i := range len(q) {
		if c := q[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	alts := initialAlts(name)
	for start := 0; start+len(q) <= len(alts); start++ {
		ok := true
		for i := range len(q) {
			if strings.IndexByte(string(alts[start+i]), q[i]) < 0 {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// Filter keeps the entries a picker's query finds: a code starting with the
// query's digits ("20131", "201 31"), a name containing it (compared folded),
// or pinyin initials containing it ("xzyx" finds 行政运行). An empty query
// keeps all.
func Filter(all []Entry, q string) []Entry {
	q = strings.TrimSpace(q)
	if q == "" {
		return all
	}
	code, err := Normalize(q)
	name := FoldName(q)
	var out []Entry
	for _, e := range all {
		if err == nil && strings.HasPrefix(e.Code, code) || strings.Contains(FoldName(e.Name), name) || MatchInitials(e.Name, q) {
			out = append(out, e)
		}
	}
	return out
}
