package xlsx

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// A worksheet part read in one pass over its bytes: each row's cell values
// as the workbook library gives them raw (shared strings looked up, inline
// strings joined, numbers as written), and the merged ranges. The
// library's row reader goes through encoding/xml token by token and took
// three quarters of a large import; this reads the same values some ten
// times faster. It is lenient — what it does not know it skips — and never
// reads past the bytes it is given.

// parsedSheet is what one worksheet part holds.
type parsedSheet struct {
	rows   [][]string
	merges []string
	cells  int64 // <c> elements, counted before any limit
	err    error // a limit the part went past (errTooManyRows, errTooManyCells)
}

// parseSheet reads a worksheet part. budget is what cells all parts may
// still take; filling past it stops with errTooManyCells.
func parseSheet(data []byte, sst []string, budget *int) *parsedSheet {
	p := &parsedSheet{}
	var row []string
	rowNum, col, filled := 0, 0, 0
	endRow := func() {
		if rowNum == 0 {
			return
		}
		for len(p.rows) < rowNum-1 {
			p.rows = append(p.rows, nil)
		}
		if len(row) > 0 {
			if filled++; filled > MaxRowsPerSheet && p.err == nil {
				p.err = errTooManyRows
			}
		}
		if *budget -= len(row); *budget < 0 && p.err == nil {
			p.err = errTooManyCells
		}
		if len(p.rows) < rowNum {
			p.rows = append(p.rows, row)
		} else if len(row) > 0 {
			p.rows[rowNum-1] = row // a row given twice: the later wins
		}
		row = nil
	}
	for i := 0; i < len(data) && p.err == nil; {
		lt := bytes.IndexByte(data[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		name, attrs, selfClosing, end, next := readTag(data, i)
		i = next
		if end || name == "" {
			if end && name == "row" {
				endRow()
				rowNum, col = 0, 0
			}
			continue
		}
		switch name {
		case "row":
			endRow()
			n, ok := atoiAttr(attrs, "r")
			if !ok || n <= 0 || n > maxSheetRows {
				n = len(p.rows) + 1
			}
			rowNum, col = n, 0
			if selfClosing {
				endRow()
				rowNum = 0
			}
		case "c":
			p.cells++
			col++
			if ref, ok := attr(attrs, "r"); ok {
				if c := refColumn(ref); c > 0 {
					col = c
				}
			}
			if selfClosing {
				continue
			}
			typ, _ := attr(attrs, "t")
			v, formula, next := cellContent(data, i)
			i = next
			val := cellValueOf(typ, v, sst)
			if (val == "" && !formula) || rowNum == 0 || col > MaxCellsPerRow {
				continue
			}
			for len(row) < col-1 {
				row = append(row, "")
			}
			if len(row) == col-1 {
				row = append(row, val)
			} else {
				row[col-1] = val // cells out of order: the later wins
			}
		case "mergeCell":
			if ref, ok := attr(attrs, "ref"); ok && len(p.merges) < maxMergesPerSheet {
				p.merges = append(p.merges, ref)
			}
		}
	}
	endRow()
	for len(p.rows) > 0 && len(p.rows[len(p.rows)-1]) == 0 {
		p.rows = p.rows[:len(p.rows)-1]
	}
	return p
}

// maxSheetRows is the last row a worksheet has.
const maxSheetRows = 1_048_576

// readTag reads the tag at data[i] ('<'): its local name (any prefix
// dropped), its attributes' bytes, whether it closes itself or is an end
// tag, and where reading goes on. Comments, processing instructions and
// declarations come back with no name.
func readTag(data []byte, i int) (name string, attrs []byte, selfClosing, end bool, next int) {
	j := i + 1
	if j >= len(data) {
		return "", nil, false, false, len(data)
	}
	switch data[j] {
	case '!':
		if bytes.HasPrefix(data[j:], []byte("!--")) {
			if k := bytes.Index(data[j:], []byte("-->")); k >= 0 {
				return "", nil, false, false, j + k + 3
			}
			return "", nil, false, false, len(data)
		}
		if bytes.HasPrefix(data[j:], []byte("![CDATA[")) {
			if k := bytes.Index(data[j:], []byte("]]>")); k >= 0 {
				return "", nil, false, false, j + k + 3
			}
			return "", nil, false, false, len(data)
		}
	case '/':
		end = true
		j++
	}
	gt := bytes.IndexByte(data[j:], '>')
	if gt < 0 {
		return "", nil, false, false, len(data)
	}
	tag := data[j : j+gt]
	next = j + gt + 1
	if len(tag) > 0 && (tag[0] == '?' || tag[0] == '!') {
		return "", nil, false, false, next
	}
	if n := len(tag); n > 0 && tag[n-1] == '/' {
		selfClosing, tag = true, tag[:n-1]
	}
	k := 0
	for k < len(tag) && !isSpace(tag[k]) {
		k++
	}
	local := tag[:k]
	if c := bytes.IndexByte(local, ':'); c >= 0 {
		local = local[c+1:]
	}
	return tagName(local), tag[k:], selfClosing, end, next
}

// tagName interns the names the reader looks at (no allocation for them).
func tagName(b []byte) string {
	switch string(b) {
	case "row":
		return "row"
	case "c":
		return "c"
	case "v":
		return "v"
	case "f":
		return "f"
	case "is":
		return "is"
	case "t":
		return "t"
	case "r":
		return "r"
	case "rPh":
		return "rPh"
	case "si":
		return "si"
	case "mergeCell":
		return "mergeCell"
	}
	return "?"
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// attr finds an attribute's value (by local name) in a tag's attributes.
func attr(attrs []byte, name string) (string, bool) {
	for len(attrs) > 0 {
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return "", false
		}
		key := bytes.TrimSpace(attrs[:eq])
		if c := bytes.IndexByte(key, ':'); c >= 0 {
			key = key[c+1:]
		}
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return "", false
		}
		q := rest[0]
		close := bytes.IndexByte(rest[1:], q)
		if close < 0 {
			return "", false
		}
		if string(key) == name {
			return unescape(rest[1 : 1+close]), true
		}
		attrs = rest[close+2:]
	}
	return "", false
}

func atoiAttr(attrs []byte, name string) (int, bool) {
	s, ok := attr(attrs, name)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	return n, err == nil
}

// refColumn is the column (from 1) of a reference like "AB12"; 0 when it
// is none.
func refColumn(ref string) int {
	col := 0
	for i := 0; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			if i == 0 {
				return 0
			}
			break
		}
		if col = col*26 + int(c-'a'+1); col > 16384 {
			return 0
		}
	}
	return col
}

// cellContent reads a cell's content from just after its start tag to its
// end tag: the <v> value, or the joined <t> texts of an inline string (not
// those of phonetic runs), and whether it has a formula.
func cellContent(data []byte, i int) (v []byte, formula bool, next int) {
	var text []byte
	inline, inPhonetic := false, false
	for i < len(data) {
		lt := bytes.IndexByte(data[i:], '<')
		if lt < 0 {
			return v, formula, len(data)
		}
		i += lt
		name, _, selfClosing, end, n := readTag(data, i)
		i = n
		switch {
		case end && name == "c":
			if inline {
				return text, formula, i
			}
			return v, formula, i
		case end && name == "rPh":
			inPhonetic = false
		case end:
		case name == "f":
			formula = true
			if !selfClosing {
				_, i = elementText(data, i)
			}
		case name == "v" && !selfClosing:
			v, i = elementText(data, i)
		case name == "is":
			inline = true
		case name == "rPh" && !selfClosing:
			inPhonetic = true
		case name == "t" && !selfClosing:
			var t []byte
			t, i = elementText(data, i)
			if !inPhonetic {
				text = append(text, t...)
			}
		}
	}
	return v, formula, len(data)
}

// elementText is an element's text up to its end tag (CDATA sections taken
// as written), and where reading goes on.
func elementText(data []byte, i int) ([]byte, int) {
	var out []byte
	for i < len(data) {
		lt := bytes.IndexByte(data[i:], '<')
		if lt < 0 {
			return append(out, data[i:]...), len(data)
		}
		out = append(out, data[i:i+lt]...)
		i += lt
		if bytes.HasPrefix(data[i:], []byte("<![CDATA[")) {
			k := bytes.Index(data[i:], []byte("]]>"))
			if k < 0 {
				return append(out, data[i+9:]...), len(data)
			}
			out = append(out, escapeCDATA(data[i+9:i+k])...)
			i += k + 3
			continue
		}
		_, _, _, _, n := readTag(data, i)
		return out, n // the end tag (or whatever tag ends the text)
	}
	return out, len(data)
}

// escapeCDATA escapes what unescape would otherwise read as an entity.
func escapeCDATA(b []byte) []byte {
	if bytes.IndexByte(b, '&') < 0 {
		return b
	}
	return bytes.ReplaceAll(b, []byte("&"), []byte("&amp;"))
}

// cellValueOf is a cell's raw value by its type.
func cellValueOf(typ string, v []byte, sst []string) string {
	switch typ {
	case "s":
		n, err := strconv.Atoi(strings.TrimSpace(string(v)))
		if err != nil || n < 0 || n >= len(sst) {
			return ""
		}
		return sst[n]
	case "inlineStr":
		return bstrUnescape(unescape(v))
	}
	return unescape(v)
}

// unescape decodes XML's character references and entities, and makes
// line ends "\n" as an XML reader does.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 && bytes.IndexByte(b, '\r') < 0 {
		return string(b)
	}
	var out strings.Builder
	out.Grow(len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' {
			out.WriteByte('\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		if c != '&' {
			out.WriteByte(c)
			continue
		}
		semi := bytes.IndexByte(b[i:], ';')
		if semi < 0 || semi > 12 {
			out.WriteByte(c)
			continue
		}
		ent := string(b[i+1 : i+semi])
		switch {
		case ent == "amp":
			out.WriteByte('&')
		case ent == "lt":
			out.WriteByte('<')
		case ent == "gt":
			out.WriteByte('>')
		case ent == "quot":
			out.WriteByte('"')
		case ent == "apos":
			out.WriteByte('\'')
		case strings.HasPrefix(ent, "#x") || strings.HasPrefix(ent, "#X"):
			n, err := strconv.ParseUint(ent[2:], 16, 32)
			if err != nil {
				out.WriteByte(c)
				continue
			}
			out.WriteRune(rune(n))
		case strings.HasPrefix(ent, "#"):
			n, err := strconv.ParseUint(ent[1:], 10, 32)
			if err != nil {
				out.WriteByte(c)
				continue
			}
			out.WriteRune(rune(n))
		default:
			out.WriteByte(c)
			continue
		}
		i += semi
	}
	return out.String()
}

var bstrRE = regexp.MustCompile(`_x[0-9A-Fa-f]{4}_`)

// bstrUnescape decodes the _xHHHH_ escapes Excel writes for characters XML
// cannot hold (as the workbook library does for strings).
func bstrUnescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return bstrRE.ReplaceAllStringFunc(s, func(m string) string {
		if m == "_x005F_" {
			return "_"
		}
		n, err := strconv.ParseUint(m[2:6], 16, 32)
		if err != nil {
			return m
		}
		return string(rune(n))
	})
}

// parseSST reads the shared strings part: each <si>'s text (its <t>, or
// its runs' <t>, phonetic runs left out).
func parseSST(data []byte) []string {
	var out []string
	var cur []byte
	in, inPhonetic := false, false
	for i := 0; i < len(data); {
		lt := bytes.IndexByte(data[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		name, _, selfClosing, end, next := readTag(data, i)
		i = next
		switch {
		case name == "si" && !end:
			in, cur = true, cur[:0]
			if selfClosing {
				out = append(out, "")
				in = false
			}
		case name == "si" && end:
			if in {
				out = append(out, bstrUnescape(unescape(cur)))
			}
			in = false
		case name == "rPh":
			inPhonetic = !end && !selfClosing
		case name == "t" && !end && !selfClosing && in:
			var t []byte
			t, i = elementText(data, i)
			if !inPhonetic {
				cur = append(cur, t...)
			}
		}
	}
	return out
}
