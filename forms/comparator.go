package forms

import "strings"

// comparatorSpellings are the ways a comparator is written at the start of
// an indicator value (>=24次, ≥95%, ＜＝30万元), with its plain form; a
// longer spelling comes before its prefix.
var comparatorSpellings = []struct{ written, plain string }{
	{">=", ">="}, {"＞＝", ">="}, {"≥", ">="}, {"≧", ">="}, {"⩾", ">="},
	{"<=", "<="}, {"＜＝", "<="}, {"≤", "<="}, {"≦", "<="}, {"⩽", "<="},
	{"==", "="}, {">", ">"}, {"＞", ">"}, {"<", "<"}, {"＜", "<"}, {"=", "="}, {"＝", "="},
}

// LeadingComparator reads the comparator a value begins with: its plain
// form (>= <= > < =) and the spelling written; "" when there is none.
func LeadingComparator(v string) (plain, written string) {
	for _, c := range comparatorSpellings {
		if strings.HasPrefix(v, c.written) {
			return c.plain, c.written
		}
	}
	return "", ""
}
