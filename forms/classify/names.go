package classify

import "strings"

// FoldName brings a printed name to the form names are compared in:
// full-width ASCII letters, digits and brackets become half-width and spaces
// go, so "党委办公厅(室)" and "党委办公厅（室）" compare equal. Wording
// differences (其它/其他, an extra 支出) are kept: they are different names.
func FoldName(s string) string {
	if !needsFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' || r == '\n' || r == '\r':
			continue
		case r >= '！' && r <= '～':
			b.WriteRune(r - '！' + '!')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SameName compares two printed names after FoldName.
func SameName(a, b string) bool { return FoldName(a) == FoldName(b) }

func needsFold(s string) bool {
	for _, r := range s {
		if r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' || r == '\n' || r == '\r' || (r >= '！' && r <= '～') {
			return true
		}
	}
	return false
}
