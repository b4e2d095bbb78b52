package tablein

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// aliases gathers, for each kind, side and column key, every label and
// group label any shipped template prints for it, so that a workbook laid
// out for one template is read by another.
type aliasSet struct {
	labels map[string]bool
	groups map[string]bool
	pairs  map[string]bool // label|group as printed together ("小计|基本支出")
}

var (
	aliasOnce sync.Once
	colAlias  map[string]*aliasSet // kind|side|key
	lineAlias map[string][]string  // kind|side|label → line keys, in printing order
)

func aliasKey(k forms.Kind, side forms.Side, key string) string {
	return string(k) + "|" + string(side) + "|" + key
}

func loadAliases() {
	aliasOnce.Do(func() {
		colAlias = map[string]*aliasSet{}
		lineAlias = map[string][]string{}
		addCol := func(k forms.Kind, side forms.Side, key, label, group string) {
			a := colAlias[aliasKey(k, side, key)]
			if a == nil {
				a = &aliasSet{labels: map[string]bool{}, groups: map[string]bool{}, pairs: map[string]bool{}}
				colAlias[aliasKey(k, side, key)] = a
			}
			a.labels[labelCore(label)] = true
			a.pairs[labelCore(label)+"|"+labelCore(group)] = true
			if group != "" {
				a.groups[labelCore(group)] = true
			}
		}
		addLine := func(k forms.Kind, side forms.Side, key, label string) {
			if label == "" {
				return
			}
			a := string(k) + "|" + string(side) + "|" + lineCore(label)
			if !slices.Contains(lineAlias[a], key) {
				lineAlias[a] = append(lineAlias[a], key)
			}
		}
		for _, kd := range forms.Kinds {
			for side, cols := range kd.Columns {
				for _, c := range cols {
					addCol(kd.Kind, side, c.Key, c.Label, "")
				}
			}
			for _, l := range kd.Lines {
				addLine(kd.Kind, l.Side, l.Key, l.Label)
			}
		}
		tmpls, _ := forms.Templates()
		for _, t := range tmpls {
			for _, td := range t.Tables {
				for _, c := range td.Columns {
					addCol(td.Kind, forms.SideNone, c.Key, c.Label, c.Group)
				}
				for side, ss := range td.Sides {
					for _, c := range ss.Columns {
						addCol(td.Kind, side, c.Key, c.Label, c.Group)
					}
					for _, l := range ss.Lines {
						addLine(td.Kind, side, l.Key, l.Label)
					}
				}
				for _, l := range td.Lines {
					addLine(td.Kind, forms.SideNone, l.Key, l.Label)
				}
			}
		}
		for _, a := range publishedColumns {
			for _, label := range a.labels {
				addCol(a.kind, a.side, a.key, label, a.group)
			}
		}
		for _, a := range publishedLines {
			for _, label := range a.labels {
				addLine(a.kind, a.side, a.key, label)
			}
		}
	})
}

var reYearWord = regexp.MustCompile(`\{年度\}年|\d{4}年度?`)

// labelCore folds a header label for comparing: no spaces, half-width, no
// year ("2022年预算数" → "预算数").
func labelCore(s string) string {
	return strings.TrimPrefix(reYearWord.ReplaceAllString(norm(s), ""), "其中:")
}

var reOrdinal = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、．]|\{序号\}、|\(\{序号\}\))`)

// lineCore folds a line label: "一、财政拨款收入" and "（一）一般公共服务支出"
// lose their ordinals.
func lineCore(s string) string {
	return reOrdinal.ReplaceAllString(labelCore(s), "")
}

var reDigits = regexp.MustCompile(`^\d+$`)

// isFillerRow: the 栏次 row (** 栏次 1 2 3 …) or a row without text.
func isFillerRow(row []string) bool {
	n := 0
	for _, c := range row {
		c = norm(c)
		switch {
		case c == "":
		case c == "栏次" || c == "**" || c == "*":
			return true
		default:
			n++
		}
	}
	return n == 0
}

// codeLike: a classification or unit code as a cell holds it.
func codeText(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "."); i > 0 && strings.Trim(s[i+1:], "0") == "" {
		s = s[:i] // a code stored as a number: "2013101.0"
	}
	code, err := classify.Normalize(s)
	if err != nil || len(code) < 3 || len(code) > 12 {
		return "", false
	}
	return code, true
}

var reCodeName = regexp.MustCompile(`^\s*[\[【(（]?(\d{3,7})[\]】)）]?\s*[-－—–_:：\s]?\s*(\S.*)$`)

// codeAndName splits a cell that prints a code and its name together.
func codeAndName(s string) (code, name string, ok bool) {
	m := reCodeName.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	name = strings.TrimSpace(m[2])
	if n := len(m[1]); n != 3 && n != 5 && n != 7 || strings.HasPrefix(name, "年") {
		return "", "", false // a year ("2025 年执行数"), not a code
	}
	if c, ok := codeText(m[1]); ok {
		return c, name, true
	}
	return "", "", false
}

func isTotalLabel(s string) bool {
	s = strings.TrimRight(norm(s), ":：")
	return s == "合计" || s == "总计" || s == "合计数"
}

// headerBounds finds the header rows: after the title, unit and note lines,
// up to the row before the first line isData accepts.
func (r *reader) headerBounds(isData func(row int) bool) (top, bottom int) {
	top = r.s.title + 1
	for top < len(r.s.rows) && r.preamble(top) {
		top++
	}
	bottom = top - 1
	for row := top; row < len(r.s.rows) && row < top+6; row++ {
		if isData(row) {
			break
		}
		if _, note := r.noteAt(row); note && row > top {
			break // an empty table's note under its header
		}
		bottom = row
	}
	return top, bottom
}

// preamble: a line between the title and the header (unit line, note, the
// title repeated in another cell).
func (r *reader) preamble(row int) bool {
	if _, ok := r.noteAt(row); ok {
		return true
	}
	texts := 0
	for _, c := range r.s.row(row) {
		n := norm(c)
		if n == "" {
			continue
		}
		texts++
		if !(preambleText(c) || strings.Contains(n, "本表无数据") ||
			strings.Contains(n, "故本表") || strings.Contains(n, "本表各项") || strings.HasPrefix(n, "预算表") ||
			titleMatch(c, r.t.Title) > 0) {
			return false
		}
	}
	return true
}

var reTableNumber = regexp.MustCompile(`^(?:部门)?(?:公开|预算)?表[0-9一二三四五六七八九十]+$|^(?:公开|预算)[0-9]+表$`)

// preambleText: a text of the lines under a title, not of the header: the
// unit line, the 编制单位 line, the table's number (公开表三).
func preambleText(c string) bool {
	n := norm(c)
	return n != "" && (reUnitLine.MatchString(n) || strings.HasPrefix(n, "编制单位") || strings.HasPrefix(n, "编制部门") || unitNameIn(c) != "" || reTableNumber.MatchString(n))
}

// path lists the distinct header texts above a column, top to bottom.
func (r *reader) path(top, bottom, col int) []string {
	var out []string
	for row := top; row <= bottom; row++ {
		if isFillerRow(r.s.row(row)) {
			continue
		}
		raw := r.s.at(row, col)
		if preambleText(raw) {
			continue // the unit line or the table's number standing over a column
		}
		v := labelCore(raw)
		if v != "" && (len(out) == 0 || out[len(out)-1] != v) {
			out = append(out, v)
		}
	}
	return out
}

// unitColumn: headers of the column naming the 单位 a line is about.
var unitColumn = map[string]bool{"预算单位": true, "单位": true, "单位名称": true, "部门名称": true, "部门(单位)名称": true,
	"预算单位名称": true, "部门(单位)": true}

// genericLabels name a column only together with the group over it.
var genericLabels = map[string]bool{"小计": true, "合计": true, "总计": true, "计": true, "金额": true}

// score says how well a column's header path names an alias's column: 4
// the label under the same group, 3 a label printed without a group, 2 the
// label under another group; 0 not at all. A generic label (小计) names
// nothing without its group, and a column under a carry-over group (上年结转)
// is only a carry-over column.
func (a *aliasSet) score(path []string, leaf, group string) int {
	if a == nil || !a.labels[leaf] {
		return 0
	}
	if a.pairs[leaf+"|"+group] {
		if group == "" {
			return 3
		}
		return 4
	}
	for _, g := range path[:len(path)-1] {
		if carryGroup(g) && !a.groups[g] {
			return 0
		}
	}
	if genericLabels[leaf] {
		switch {
		case !a.pairs[leaf+"|"]:
			return 0
		case group == "":
			return 3
		}
		return 1 // a label that names the column alone, under a group it does not know
	}
	if group != "" && a.groups[group] {
		return 3
	}
	return 2
}

func anyCarryGroup(path []string) bool {
	for _, g := range path {
		if carryGroup(g) {
			return true
		}
	}
	return false
}

// carryGroup: a header over last year's carried-over money.
func carryGroup(g string) bool {
	return strings.Contains(g, "上年结转") || strings.Contains(g, "结转结余") || strings.Contains(g, "上年结余") ||
		strings.HasPrefix(g, "上年") || strings.Contains(g, "增减") || strings.Contains(g, "变化") || strings.Contains(g, "执行数")
}

// matchColumns maps sheet columns [from, to) to the pane's amount columns by
// their header text (label, and group where there is one).
func (r *reader) matchColumns(p *forms.Pane, top, bottom, from, to int) map[int]int {
	loadAliases()
	out := map[int]int{}
	amounts := p.AmountColumns()
	// every (sheet column, pane column) pair with its score; the best pairs
	// are taken first, so that 基本支出／小计 gets 基本支出 before a weaker
	// claim on it
	type pair struct{ c, ci, score int }
	var pairs []pair
	for c := from; c < to; c++ {
		path := withoutSides(r.path(top, bottom, c))
		if len(path) == 0 || r.pastYearColumn(top, bottom, c) {
			continue
		}
		if r.t.Kind == forms.KindSangong && len(path) > 1 {
			switch labelCore(path[len(path)-1]) {
			case "一般公共预算", "一般公共预算拨款":
				// 深圳 prints each item per source of funds: the “三公”
				// are 一般公共预算's; the item is the group above
				path = path[:len(path)-1]
			case "政府性基金预算", "国有资本经营预算", "政府性基金", "国有资本经营":
				continue
			}
		}
		leaf := path[len(path)-1]
		group := ""
		if len(path) > 1 {
			group = path[len(path)-2]
		}
		for _, ci := range amounts {
			key := p.Columns[ci].Key
			a := colAlias[aliasKey(r.t.Kind, p.Side, key)]
			score := a.score(path, leaf, group)
			if r.t.Kind == forms.KindSangong && key == forms.ColTotal && genericLabels[leaf] && strings.Contains(group, "三公") && !anyCarryGroup(path) {
				// the 小计 under “三公”经费 beside 会议费 and 培训费: the
				// 合计 over all of them is not the “三公” total, however
				// its group is named
				score = 5
			}
			if score > 0 {
				pairs = append(pairs, pair{c, ci, score})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].score > pairs[j].score })

	used := map[int]bool{}
	for _, pr := range pairs {
		if _, done := out[pr.c]; done || used[pr.ci] {
			continue
		}
		out[pr.c] = pr.ci
		r.noteMatch(p, pr.ci, pr.c)
		used[pr.ci] = true
	}
	// a side with one amount column, or a table whose only figure column no
	// label names, takes its one figure column as the total
	if len(out) == 0 {
		target := -1
		if len(amounts) == 1 {
			target = amounts[0]
		} else if ci := p.Col(forms.ColTotal); ci >= 0 && r.figureColumns(bottom+1, from, to) == 1 {
			target = ci
		}
		if target >= 0 {
			for c := from; c < to; c++ {
				if len(r.path(top, bottom, c)) > 0 && (len(amounts) == 1 || r.figureColumns(bottom+1, c, c+1) == 1) {
					out[c] = target
					r.noteMatch(p, target, c)
					break
				}
			}
		}
	}
	return out
}

var reYearIn = regexp.MustCompile(`(20\d\d)\s*年`)

// pastYearColumn: a header above the column names a year before the
// budget year ("2025年预算数", "2026年比2025年增减"): last year's figures or
// a change, not this year's.
func (r *reader) pastYearColumn(top, bottom, c int) bool {
	for row := top; row <= bottom; row++ {
		for _, m := range reYearIn.FindAllStringSubmatch(r.s.at(row, c), -1) {
			if y, err := strconv.Atoi(m[1]); err == nil && r.doc != nil && y < r.doc.Meta.Year {
				return true
			}
		}
	}
	return false
}

// withoutSides drops the 收入 / 支出 side titles from a header path: they
// stand over a side, not over a group of columns.
func withoutSides(path []string) []string {
	out := path[:0:0]
	for _, p := range path {
		if p != "收入" && p != "支出" && p != "本年收入" && p != "本年支出" {
			out = append(out, p)
		}
	}
	return out
}

// onlyText: the line prints no text but this one (spanning cells repeat it).
func (r *reader) onlyText(row int, text string) bool {
	for _, c := range r.s.row(row) {
		if c != "" && c != text && !isFigure(c) {
			return false
		}
	}
	return true
}

// figureCells counts a line's cells holding a figure with decimals.
func (r *reader) figureCells(row int) int {
	n := 0
	for _, c := range r.s.row(row) {
		c = strings.TrimSpace(c)
		if strings.Contains(c, ".") {
			if _, err := money.Parse(c); err == nil {
				n++
			} else if _, err := money.ParseWanAsYuan(c); err == nil {
				n++
			}
		}
	}
	return n
}

// onlyLine: no other line below the header holds a figure.
func (r *reader) onlyLine(row int) bool {
	for x := row + 1; x < len(r.s.rows); x++ {
		if r.figureCells(x) > 0 {
			return false
		}
	}
	return true
}

// figureColumns counts the columns in [from, to) holding a figure below row.
func (r *reader) figureColumns(row, from, to int) int {
	n := 0
	for c := from; c < to; c++ {
		for rr := row; rr < len(r.s.rows); rr++ {
			if _, err := money.Parse(strings.TrimSpace(r.s.at(rr, c))); err == nil && strings.TrimSpace(r.s.at(rr, c)) != "" {
				n++
				break
			}
		}
	}
	return n
}

func (r *reader) values(row int, cols map[int]int, p *forms.Pane) map[string]string {
	vals := map[string]string{}
	for c, ci := range cols {
		if v, ok := r.amount(row, c); ok {
			vals[p.Columns[ci].Key] = v.String()
		}
	}
	if len(vals) == 0 {
		return nil
	}
	return vals
}

// reportColumns names the figure columns the sheet has that no pane column took.
func (r *reader) reportColumns(top, bottom, from, to int, cols map[int]int, skip ...int) {
	for c := from; c < to; c++ {
		if _, ok := cols[c]; ok || contains(skip, c) {
			continue
		}
		if path := r.path(top, bottom, c); len(path) > 0 {
			if r.lay != nil && !r.labelColumn(bottom, c) {
				r.lay.Unmatched = append(r.lay.Unmatched, strings.Join(path, "／"))
			}
			r.problem(c, bottom, "栏目“%s”无法识别，这一列未导入", strings.Join(path, "／"))
		}
	}
}

// rowText joins a row's texts, for messages.
func rowText(row []string) string {
	var parts []string
	for _, c := range row {
		if c = strings.TrimSpace(c); c != "" && (len(parts) == 0 || parts[len(parts)-1] != c) {
			parts = append(parts, c)
		}
	}
	t := strings.Join(parts, " ")
	if r := []rune(t); len(r) > 40 {
		t = string(r[:40]) + "…"
	}
	return t
}

// hasFigure: some cell of the row holds a number.
func (r *reader) hasFigure(row int) bool {
	for _, c := range r.s.row(row) {
		if c == "" {
			continue
		}
		if _, err := parseStoredNumber(c); err == nil {
			return true
		}
		if _, err := money.Parse(c); err == nil {
			return true
		}
	}
	return false
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (r *reader) width() int {
	w := 0
	for _, row := range r.s.rows {
		w = max(w, len(row))
	}
	return w
}

// unitCode: a code that is no 科目 of any scheme (功能分类 codes begin
// with 2, economic ones with 3 or 5; a table may list either): a unit's.
func (r *reader) unitCode(code string) bool {
	if r.t.Def.RowsAreUnits() {
		return false
	}
	return !strings.ContainsRune("235", rune(code[0]))
}

// classRows reads a table of classification (or unit) lines under a 合计 line.
func (r *reader) classRows() (rows []forms.RawRow, n, ncols int) {
	p := r.t.Main()
	// a data line has a code in its first columns, or 合计 where the names
	// are with figures beside it (a header's 合计 column has none)
	isData := func(row int) bool {
		if isFillerRow(r.s.row(row)) {
			return false
		}
		for c := 0; c < 4; c++ {
			v := r.s.at(row, c)
			if isTotalLabel(v) && (r.hasFigure(row) || c == 0 && row > r.s.title+1 && r.onlyText(row, v)) {
				return true // a 合计 line (of an empty table: without figures)
			}
			if _, ok := codeText(v); ok && c < 3 {
				return true
			}
			if _, _, ok := codeAndName(v); ok && c < 3 {
				return true
			}
		}
		// a line of figures with no label (a table of one line, 北京 预算02表)
		return r.figureCells(row) >= 2
	}
	top, bottom := r.headerBounds(isData)
	codeCol, nameCol, unitCol := -1, -1, -1
	var split []int // 类, 款, 项 columns
	w := r.width()
	for c := 0; c < w; c++ {
		path := r.path(top, bottom, c)
		if len(path) == 0 {
			continue
		}
		leaf := path[len(path)-1]
		switch {
		case leaf == "类" || leaf == "款" || leaf == "项":
			split = append(split, c)
		case strings.Contains(leaf, "编码") || strings.Contains(leaf, "代码"):
			if codeCol < 0 {
				codeCol = c
			}
		case unitColumn[leaf]:
			if unitCol < 0 {
				unitCol = c
			}
		case strings.Contains(leaf, "名称") || leaf == "科目" || leaf == "项目" || strings.HasSuffix(leaf, "科目") && !strings.Contains(leaf, "编码"):
			if nameCol < 0 {
				nameCol = c
			}
		}
	}
	if nameCol < 0 && unitCol >= 0 && (codeCol < 0 || unitCol > codeCol) {
		nameCol = unitCol // the 单位 a line is about names it (收入总表 of 单位)
	}
	if codeCol < 0 && nameCol < 0 && len(split) == 0 && r.figureCells(bottom+1) > 0 && isFigure(r.s.at(bottom+1, 0)) {
		// no code or name column at all: a table of one line of figures
		// under the kind's own columns (中央部门 收入总表)
		nameCol = -1
	} else {
		if codeCol < 0 && len(split) == 0 {
			codeCol = 0 // the first column (it may hold code and name: "[201]…")
		}
		if nameCol < 0 {
			nameCol = max(codeCol, 0) + 1
		}
	}
	start := max(nameCol, codeCol) + 1
	for _, c := range split {
		start = max(start, c+1)
	}
	cols := r.matchColumns(p, top, bottom, start, w)
	r.reportColumns(top, bottom, start, w, cols)
	loose := 0
	lastLei, lastKuan := "", ""
	coded, total := false, false
	totalRow, unitLine := -1, false
	if r.lay != nil {
		defer func() { r.lay.classBody(r.s, bottom, codeCol, nameCol, unitCol, split, totalRow, unitLine) }()
	}
	for row := bottom + 1; row < len(r.s.rows); row++ {
		if isFillerRow(r.s.row(row)) {
			continue
		}
		name := strings.TrimSpace(r.s.at(row, nameCol))
		codeCell := ""
		var code string
		ok := false
		if len(split) == 2 || len(split) == 3 {
			lei, kuan, xiang := r.s.at(row, split[0]), r.s.at(row, split[1]), ""
			if len(split) == 3 {
				xiang = r.s.at(row, split[2])
			}
			codeCell = lei + kuan + xiang
			// a 款 line may print only its own two digits ("   40  信访事务"):
			// its 类 is the one above
			if strings.TrimSpace(lei) == "" && strings.TrimSpace(kuan) != "" && len(lastLei) == 3 {
				lei = lastLei
			}
			// a 项 line may print only its own digits under the 款 above
			if strings.TrimSpace(lei) == "" && strings.TrimSpace(kuan) == "" && strings.TrimSpace(xiang) != "" && len(lastKuan) == 5 {
				lei, kuan = lastKuan[:3], lastKuan[3:]
			}
			if c, err := classify.FromColumns(lei, kuan, xiang); err == nil {
				code, ok = c, true
				lastLei = code[:3]
				if len(code) >= 5 {
					lastKuan = code[:5]
				}
			}
		} else if codeCol >= 0 {
			codeCell = r.s.at(row, codeCol)
			code, ok = codeText(codeCell)
			if !ok {
				// "2010801-行政运行", "[30107]绩效工资": code and name in one cell
				if c, n, found := codeAndName(codeCell); found {
					code, ok = c, true
					if name == "" || name == strings.TrimSpace(codeCell) {
						name = n
					}
				}
			}
		}
		vals := r.values(row, cols, p)
		if !ok && codeCol == nameCol && len(split) == 0 {
			codeCell = "" // one column of names (杭州 prints no codes)
		}
		if !ok && name == "" && strings.TrimSpace(codeCell) != "" && !isTotalLabel(codeCell) && !reDigits.MatchString(strings.TrimSpace(codeCell)) {
			// a unit's name in the first column (深圳's 预算单位), no code
			name, codeCell = strings.TrimSpace(codeCell), ""
		}
		if !ok && name == "" && strings.TrimSpace(codeCell) == "" {
			name = strings.TrimSpace(rowLabel(r.s.row(row))) // in a column of its own
		}
		switch {
		case ok && !coded && r.unitCode(code):
			// the unit's own line above the 科目 (西南大学's “105236 西南大学”):
			// the total where no 合计 line came before it, else the same again
			if total {
				r.problem(max(codeCol, 0), row, "“%s %s”是单位的一行，不是科目，未导入", code, name)
				continue
			}
			rows = append(rows, forms.RawRow{Key: forms.RowKeyTotal, Values: vals})
			total = true
		case ok:
			rows = append(rows, forms.RawRow{Code: code, Name: name, Values: vals})
			coded = true
			r.lay.listed(row, code, name)
		case isTotalLabel(name) || isTotalLabel(codeCell):
			rows = append(rows, forms.RawRow{Key: forms.RowKeyTotal, Values: vals})
			total = true
			if totalRow < 0 {
				totalRow = row
			}
		case !coded && !total && (vals != nil || r.lay != nil && unitCol >= 0) && name != "" && (len(rows) == 0 || r.t.Def.RowsAreUnits()):
			// the department's (or the one unit's) line standing above the
			// coded lines where a 合计 line would be: the total
			rows = append(rows, forms.RawRow{Key: forms.RowKeyTotal, Values: vals})
			total = true
			if totalRow < 0 {
				totalRow, unitLine = row, true // above the lines (深圳's 预算单位 line)
			}
		case strings.TrimSpace(codeCell) != "":
			r.problem(max(codeCol, 0), row, "“%s”不是科目编码，这一行未导入", codeCell)
			continue
		case name == "" && codeCell == "" && vals != nil && n == 0 && r.onlyLine(row):
			// the one line of figures a table prints with no label: its total
			rows = append(rows, forms.RawRow{Key: forms.RowKeyTotal, Values: vals})
		case name != "" && vals != nil:
			// a line with figures but no code (the seed repeats 类 lines so)
			loose++
			rows = append(rows, forms.RawRow{Key: "x" + strconv.Itoa(loose), Name: name, Values: vals})
		default:
			if text := rowText(r.s.row(row)); text != "" {
				r.problem(-1, row, "“%s”不是表格中的一行（没有编码也没有金额），已略过", text)
			}
			continue
		}
		n++
	}
	return rows, n, len(cols)
}

// labelColumn: a column whose lines hold words (a 年度 or 单位 column of a
// 表样), not figures.
func (r *reader) labelColumn(bottom, c int) bool {
	for row := bottom + 1; row < len(r.s.rows); row++ {
		if v := strings.TrimSpace(r.s.at(row, c)); v != "" && !isFigure(v) {
			return true
		}
	}
	return false
}
