package tablein

import (
	"errors"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// reader reads one sheet into one table.
type reader struct {
	s        *sheet
	t        *forms.Table
	doc      *forms.Document
	rep      *Report
	raw      *forms.Raw
	formUnit money.Unit // the unit a 绩效 form sheet prints in (forms hold 万元)
	// matched records, per side and column key, the sheet column a pane
	// column was read from (a published table's own template keeps those).
	matched map[forms.Side]map[string]int
	// transposed: the table printed its columns as lines (matched holds
	// their rows)
	transposed bool
	// lay, when set, records where the table sits (Locate)
	lay *Layout
	// classNames: the functional 类 by folded name (classCode)
	classNames map[string]string
}

func (r *reader) noteMatch(p *forms.Pane, ci, sheetCol int) {
	if r.matched == nil {
		r.matched = map[forms.Side]map[string]int{}
	}
	if r.matched[p.Side] == nil {
		r.matched[p.Side] = map[string]int{}
	}
	r.matched[p.Side][p.Columns[ci].Key] = sheetCol
}

func (r *reader) problem(col, row int, format string, args ...any) {
	r.rep.problem(r.s, col, row, format, args...)
}

// note reads the note printed under the title: a line of one text that is
// not the unit line. The template's own wording is not kept (it is what an
// empty table prints anyway).
func (r *reader) note() string {
	for row := r.s.title + 1; row < len(r.s.rows) && row <= r.s.title+4; row++ {
		text, ok := r.noteAt(row)
		if !ok {
			continue
		}
		if norm(text) == norm(r.doc.Template.Fill(r.t.Def.Note, r.doc.Meta.Year, r.doc.Meta.Level)) {
			return ""
		}
		return text
	}
	return ""
}

// noteAt: a line under the title holding one sentence (merged across the
// table), not the unit line, not a form's label line.
func (r *reader) noteAt(row int) (string, bool) {
	if row <= r.s.title || row > r.s.title+4 {
		return "", false
	}
	text := ""
	for _, c := range r.s.row(row) {
		if c == "" || c == text {
			continue
		}
		if text != "" {
			return "", false // two texts: a header or a label line
		}
		text = c
	}
	n := norm(text)
	if text == "" || reUnitLine.MatchString(n) || strings.HasPrefix(n, "编制") || unitNameIn(text) != "" || strings.HasPrefix(n, "部门名称") || titleMatch(text, r.t.Title) > 0 {
		return "", false
	}
	if _, isLabel := formLabels[n]; isLabel {
		return "", false
	}
	if strings.HasPrefix(n, "预算表") || len([]rune(n)) < 6 || headerBand(n) {
		return "", false
	}
	return text, true
}

// headerBand: a header cell spanning every column ("2026 年预算数"), not
// a note.
func headerBand(n string) bool {
	return len([]rune(n)) < 16 && !strings.ContainsAny(n, "，。；") && (strings.HasSuffix(n, "数") || strings.HasSuffix(n, "预算"))
}

// amount reads a figure from a cell: a stored number exactly, or text as a
// clerk writes it; problems are reported and the cell skipped.
func (r *reader) amount(row, col int) (money.Amount, bool) {
	text := strings.TrimSpace(r.s.at(row, col))
	if text == "" || text == "-" || text == "—" {
		return 0, false
	}
	if r.s.wanAsYuan {
		v, err := money.ParseWanAsYuan(text)
		if err != nil {
			r.problem(col, row, "%v，已略过", err)
			return 0, false
		}
		return v, true
	}
	v, err := parseStoredNumber(text)
	if err == nil {
		return r.inUnit(row, col, v)
	}
	if errors.Is(err, errMoreDecimals) && r.s.shown != nil {
		// a figure computed in the workbook (=B5/10000) holds more decimals
		// than it shows: read what it shows, and say so
		if shown, ok := r.s.shown(row, col); ok {
			if v, e := money.Parse(shown); e == nil {
				r.problem(col, row, "单元格存的是 %s，按显示的 %s 读取", text, shown)
				return r.inUnit(row, col, v)
			}
		}
	}
	v, err = money.Parse(text)
	if err != nil {
		r.problem(col, row, "%v，已略过", err)
		return 0, false
	}
	return r.inUnit(row, col, v)
}

// inUnit takes a figure of a 绩效 form sheet printed in 元 to the forms'
// 万元, reporting a conversion that is not exact to 0.01 万元.
func (r *reader) inUnit(row, col int, v money.Amount) (money.Amount, bool) {
	if r.formUnit != money.Yuan {
		return v, true
	}
	w, err := money.Convert(v, money.Yuan, money.WanYuan)
	if err != nil {
		r.problem(col, row, "%v，已略过", err)
		return 0, false
	}
	if back, _ := money.Convert(w, money.WanYuan, money.Yuan); back != v {
		r.problem(col, row, "%s元 换算为 %s万元（四舍五入到 0.01 万元）", v, w)
	}
	return w, true
}
