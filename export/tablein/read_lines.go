package tablein

import (
	"regexp"
	"strconv"
	"strings"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// lineKey finds the fixed line a label names on one side of a table; a
// label printed twice (一般公共预算拨款 under 本年收入 and under 上年结转)
// names its lines in printing order.
func (r *reader) lineKey(side forms.Side, label string, seen map[string]bool) (string, bool) {
	loadAliases()
	keys := lineAlias[string(r.t.Kind)+"|"+string(side)+"|"+lineCore(label)]
	for _, k := range keys {
		if !seen[k] && r.t.Pane(side).Row(k) != nil {
			return k, true
		}
	}
	return "", len(keys) > 0
}

// classCode finds the 类 a line names ("一、一般公共服务支出" → 201), in the
// document's year or an earlier one.
func (r *reader) classCode(label string) (string, bool) {
	if r.classNames == nil {
		// once per table: the 类 by name, a later year's name winning
		r.classNames = map[string]string{}
		for y := r.doc.Meta.Year - 10; y <= r.doc.Meta.Year; y++ {
			for _, e := range r.doc.Catalog().Entries(classify.Functional, y) {
				if len(e.Code) == 3 {
					r.classNames[classify.FoldName(e.Name)] = e.Code
				}
			}
		}
	}
	code, ok := r.classNames[lineCore(label)]
	return code, ok
}

// twoSidedRows reads a 收入 | 支出 table printed side by side.
func (r *reader) twoSidedRows() (rows []forms.RawRow, n, ncols int) {
	in, out := r.t.Pane(forms.SideIn), r.t.Pane(forms.SideOut)
	// the header row names the label columns 项目 … 项目 (a 支出 side
	// printed three ways, by function, by economic class and by use, has
	// a label column for each)
	labelCols := []int{}
	headerRow := -1
	for row := r.s.title + 1; row < len(r.s.rows) && row < r.s.title+8 && headerRow < 0; row++ {
		var cs []int
		for c, v := range r.s.row(row) {
			if itemHeader(v) && (len(cs) == 0 || r.s.at(row, cs[len(cs)-1]) != v || c > cs[len(cs)-1]+1) {
				cs = append(cs, c)
			}
		}
		if len(cs) >= 2 {
			labelCols, headerRow = cs, row
		}
	}
	w := r.width()
	if headerRow < 0 && r.lay != nil {
		r.lay.failed = true // a 表样's guess would write over its header
		return nil, 0, 0
	}
	if headerRow < 0 {
		r.problem(-1, r.s.title+1, "没有找到“项目 … 项目”表头，按第一列为收入、其后第一个文字列为支出读取")
		labelCols, headerRow = []int{0, w / 2}, r.s.title+2
	}
	// a header of several rows (预算数 over 合计, 基本支出 over 人员经费)
	// repeats the merged 项目 cells in each of them
	top := headerRow
	for headerRow+1 < len(r.s.rows) && itemHeader(r.s.at(headerRow+1, labelCols[0])) && itemHeader(r.s.at(headerRow+1, labelCols[len(labelCols)-1])) {
		headerRow++
	}
	if top > r.s.title+1 && !r.preamble(top-1) {
		top-- // the 收入 / 支出 row above
	}
	outLabel, outEnd := r.functionSide(labelCols, top, headerRow, w)
	labelCols = []int{labelCols[0], outLabel}
	inCols := r.matchColumns(in, top, headerRow, labelCols[0]+1, labelCols[1])
	outCols := r.matchColumns(out, top, headerRow, labelCols[1]+1, outEnd)
	r.reportColumns(top, headerRow, labelCols[0]+1, labelCols[1], inCols)
	r.reportColumns(top, headerRow, labelCols[1]+1, outEnd, outCols)
	seen := map[string]bool{}
	firstOut := -1 // the first 支出 line that is not a fixed one (a 类)
	if r.lay != nil {
		defer func() { r.lay.twoSidedBody(r.s, top, headerRow, labelCols, firstOut) }()
	}
	for row := headerRow + 1; row < len(r.s.rows); row++ {
		if isFillerRow(r.s.row(row)) {
			continue
		}
		read := false
		if label := r.s.at(row, labelCols[0]); strings.TrimSpace(label) != "" {
			if key, ok := r.lineKey(forms.SideIn, label, seen); ok && key != "" {
				r.lay.line(forms.SideIn, key, row)
				seen[key] = true
				rows = append(rows, forms.RawRow{Key: key, Values: r.values(row, inCols, in)})
				read = true
			} else if !ok {
				r.problem(labelCols[0], row, "收入项目“%s”无法识别，这一行未导入", label)
			}
		}
		if label := r.s.at(row, labelCols[1]); strings.TrimSpace(label) != "" {
			key, ok := r.lineKey(forms.SideOut, label, seen)
			switch {
			case ok && key != "":
				r.lay.line(forms.SideOut, key, row)
				seen[key] = true
				rows = append(rows, forms.RawRow{Key: key, Values: r.values(row, r.pastSpan(row, labelCols[1], outCols), out)})
				read = true
			case !ok:
				if firstOut < 0 {
					firstOut = row
				}
				if code, found := r.classCode(label); found && !seen[code] {
					r.lay.listed(row, code, label)
					seen[code] = true
					rows = append(rows, forms.RawRow{Code: code, Name: lineCore(label), Values: r.values(row, outCols, out)})
					read = true
				} else if !found {
					r.problem(labelCols[1], row, "支出项目“%s”无法识别，这一行未导入", label)
				}
			}
		}
		if read {
			n++
		}
	}
	return rows, n, len(inCols) + len(outCols)
}

// itemHeader: a header cell over a column of line labels.
func itemHeader(v string) bool {
	n := norm(v)
	switch n {
	case "项目", "收入项目", "支出项目", "项目名称":
		return true
	}
	return strings.HasSuffix(n, "科目名称") || strings.Contains(n, "分类科目") && !strings.Contains(n, "数")
}

// functionSide picks the 支出 side's label column and where its figures
// end: of several (by function, by economic class, by use), the one by
// function, which is the side the kind holds; the others are kept only in
// the printed copy.
func (r *reader) functionSide(labelCols []int, top, bottom, w int) (label, end int) {
	pick := 1
	for i := 1; i < len(labelCols) && len(labelCols) > 2; i++ {
		found := false
		for row := top; row <= bottom; row++ {
			if strings.Contains(r.s.at(row, labelCols[i]), "功能") {
				found = true
			}
		}
		if found {
			pick = i
			break
		}
	}
	end = w
	if pick+1 < len(labelCols) {
		end = labelCols[pick+1]
	}
	return labelCols[pick], end
}

// pastSpan: a total line whose label spans the side's other columns
// (江苏's 当年支出小计 across three columns) prints its figures after the
// span; the columns move right by the span's width.
func (r *reader) pastSpan(row, label int, cols map[int]int) map[int]int {
	text := r.s.at(row, label)
	span := 0
	for c := label + 1; c < r.width() && strings.TrimSpace(text) != "" && r.s.at(row, c) == text; c++ {
		span++
	}
	if span == 0 {
		return cols
	}
	moved := map[int]int{}
	for c, ci := range cols {
		moved[c+span] = ci
	}
	return moved
}

// fixedRows reads a table of a few fixed lines (the 三公 table): the line
// labelled with the budget year or 本年; with no such label, the last line
// with figures. Other lines with figures (上年预算数) are reported as skipped.
func (r *reader) fixedRows() (rows []forms.RawRow, n, ncols int) {
	if rows, n, ncols, ok := r.transposedFixed(); ok {
		return rows, n, ncols
	}
	p := r.t.Main()
	w := r.width()
	year := strconv.Itoa(r.doc.Meta.Year)
	// a 表样's lines have no figures yet: a line labelled with a year or
	// 本年 or 增减 stands for one
	yearLine := func(row int) bool {
		if r.lay == nil {
			return false
		}
		for _, v := range r.s.row(row) {
			label := norm(v)
			if reYear.MatchString(label) && len([]rune(label)) <= 8 || strings.Contains(label, "增减") || label == "本年" {
				return true
			}
		}
		return false
	}
	isData := func(row int) bool {
		return !isFillerRow(r.s.row(row)) && (r.hasFigure(row) || yearLine(row))
	}
	top, bottom := r.headerBounds(isData)
	cols := r.matchColumns(p, top, bottom, 0, w)
	r.reportColumns(top, bottom, 1, w, cols)
	chosen, last, total := -1, -1, -1
	var lines []int
	for row := bottom + 1; row < len(r.s.rows); row++ {
		if isFillerRow(r.s.row(row)) || !r.hasFigure(row) && !yearLine(row) {
			continue
		}
		lines = append(lines, row)
		last = row
		label := norm(rowLabel(r.s.row(row)))
		if r.lay != nil {
			label = norm(rowText(r.s.row(row))) // a 表样's line: its labels, whichever column
		}
		if chosen < 0 && (strings.Contains(label, year) || strings.Contains(label, "本年")) {
			chosen = row
		}
		if total < 0 && isTotalLabel(label) {
			total = row // the 合计 over the lines of each 单位
		}
	}
	if chosen < 0 {
		chosen = total
	}
	if chosen < 0 {
		chosen = last
	}
	if chosen < 0 && r.lay != nil {
		// a 表样's empty line under the header (an empty row may have
		// been taken into the header)
		for bottom > top && rowText(r.s.row(bottom)) == "" {
			bottom--
		}
		chosen = bottom + 1
	}
	if chosen < 0 {
		return nil, 0, len(cols)
	}
	for _, row := range lines {
		if row != chosen {
			r.problem(-1, row, "“%s”一行不是本年预算数，未导入", rowText(r.s.row(row)))
			if r.lay != nil {
				r.lay.OtherLines = append(r.lay.OtherLines, strings.TrimSpace(rowText(r.s.row(row))))
			}
		}
	}
	if r.lay != nil {
		r.lay.HeaderTop, r.lay.HeaderBottom, r.lay.LineRow = top, bottom, chosen
	}
	if vals := r.values(chosen, cols, p); vals != nil {
		rows = append(rows, forms.RawRow{Key: forms.LineSangongCurrent, Values: vals})
		n = 1
	}
	return rows, n, len(cols)
}

// projectLabels are the text columns' header words of a 项目支出表.
var projectLabels = map[string]bool{"类型": true, "项目类型": true, "项目名称": true, "一级项目": true, "二级项目": true,
	"一级项目名称": true, "二级项目名称": true, "项目单位": true, "单位名称": true, "单位": true, "实施单位": true, "预算单位": true,
	"功能分类科目": true, "功能分类科目编码": true, "科目编码": true}

// labelRow: most texts of the row are column labels of the pane.
func (r *reader) labelRow(p *forms.Pane, row int) bool {
	loadAliases()
	known, texts := 0, 0
	for _, c := range r.s.row(row) {
		n := labelCore(c)
		if n == "" {
			continue
		}
		texts++
		if projectLabels[n] {
			known++
			continue
		}
		for _, col := range p.Columns {
			if a := colAlias[aliasKey(r.t.Kind, p.Side, col.Key)]; a != nil && (a.labels[n] || a.groups[n]) {
				known++
				break
			}
		}
	}
	return texts > 0 && known*2 > texts
}

// rowLabel is the first text of a row that is not a figure.
func rowLabel(row []string) string {
	for _, c := range row {
		if c == "" {
			continue
		}
		if _, err := parseStoredNumber(c); err != nil {
			return c
		}
	}
	return ""
}

// projectRows reads the 项目支出表: project lines with their 类型, 一级 and
// 二级 项目, 项目单位 and 功能分类科目, and the subtotal lines as given.
func (r *reader) projectRows() (rows []forms.RawRow, n, ncols int) {
	p := r.t.Main()
	w := r.width()
	// the header is made of column labels; the first line that is not starts the table
	isData := func(row int) bool {
		if isFillerRow(r.s.row(row)) {
			return false
		}
		return r.hasFigure(row) || isTotalLabel(r.s.at(row, 0)) || !r.labelRow(p, row)
	}
	top, bottom := r.headerBounds(isData)
	text := map[string]int{}
	var textCols []int
	for c := 0; c < w; c++ {
		path := r.path(top, bottom, c)
		if len(path) == 0 {
			continue
		}
		leaf := path[len(path)-1]
		key := ""
		switch {
		case leaf == "类型" || leaf == "项目类型":
			key = forms.AttrType
		case leaf == "一级项目" || leaf == "一级项目名称":
			key = forms.AttrL1
		case leaf == "二级项目" || leaf == "二级项目名称" || leaf == "项目名称":
			key = forms.AttrL2
		case leaf == "项目单位" || leaf == "单位名称" || leaf == "单位" || leaf == "实施单位" || leaf == "预算单位":
			key = forms.AttrUnit
		case strings.Contains(leaf, "功能分类") || strings.Contains(leaf, "科目编码"):
			key = forms.AttrFunc
		}
		if _, dup := text[key]; key != "" && !dup {
			text[key] = c
			textCols = append(textCols, c)
		}
	}
	start := 0
	for _, c := range textCols {
		start = max(start, c+1)
	}
	cols := r.matchColumns(p, top, bottom, start, w)
	r.reportColumns(top, bottom, 0, w, cols, textCols...)
	get := func(row int, key string) string {
		if c, ok := text[key]; ok {
			return strings.TrimSpace(r.s.at(row, c))
		}
		return ""
	}
	var projects, subtotals []forms.RawRow
	hasL1, hasType := map[string]bool{}, map[string]bool{}
	total := false
	for row := bottom + 1; row < len(r.s.rows); row++ {
		if isFillerRow(r.s.row(row)) {
			continue
		}
		vals := r.values(row, cols, p)
		typ, l1, l2 := get(row, forms.AttrType), get(row, forms.AttrL1), get(row, forms.AttrL2)
		switch {
		case isTotalLabel(typ) || isTotalLabel(l1) || isTotalLabel(l2) || isTotalLabel(r.s.at(row, 0)):
			if !total {
				total = true
				subtotals = append(subtotals, forms.RawRow{Key: forms.RowKeyTotal, Values: vals})
			}
		case l2 != "":
			fn := get(row, forms.AttrFunc)
			if fn != "" {
				if code, ok := codeText(fn); ok {
					fn = code
				} else {
					r.problem(text[forms.AttrFunc], row, "“%s”不是功能分类科目编码，已略过", fn)
					fn = ""
				}
			}
			projects = append(projects, forms.RawRow{Key: "p" + strconv.Itoa(len(projects)+1), Type: typ, L1: l1, L2: l2,
				Unit: get(row, forms.AttrUnit), Func: fn, Values: vals})
			hasL1[l1], hasType[typ] = true, true
		case l1 != "":
			subtotals = append(subtotals, forms.RawRow{Key: "l1:" + l1, Values: vals})
		case typ != "":
			subtotals = append(subtotals, forms.RawRow{Key: "type:" + typ, Values: vals})
		default:
			continue
		}
		n++
	}
	rows = append(rows, projects...)
	for _, s := range subtotals {
		name := strings.TrimPrefix(strings.TrimPrefix(s.Key, "l1:"), "type:")
		switch {
		case strings.HasPrefix(s.Key, "l1:") && !hasL1[name], strings.HasPrefix(s.Key, "type:") && !hasType[name]:
			r.problem(-1, 0, "小计行“%s”下面没有项目，未导入", name)
			continue
		case strings.HasPrefix(s.Key, "type:") && !r.t.Def.TypeSubtotals:
			r.problem(-1, 0, "模板“%s”的项目支出表不印类型小计，“%s”的小计行未导入（其数按项目重新计算）", r.doc.Template.Name, name)
			continue
		}
		rows = append(rows, s)
	}
	return rows, n, len(cols)
}

// sangongItems name the “三公” table's columns when a table prints its
// items as lines (福州, 广州: 项目 | 预算数), folded as lineCore folds.
var sangongItems = map[string]string{
	"合计": forms.ColTotal, "“三公”经费": forms.ColTotal, "三公经费": forms.ColTotal, "“三公”经费合计": forms.ColTotal,
	"因公出国(境)费": "abroad", "因公出国(境)费用": "abroad", "因公出国(境)支出": "abroad",
	"公务用车购置及运行费": "car", "公务用车购置及运行维护费": "car", "公务用车购置及运行维护支出": "car",
	"公务用车购置费": "car_buy", "公务用车购置": "car_buy",
	"公务用车运行费": "car_run", "公务用车运行维护费": "car_run", "公务用车运行维护支出": "car_run",
	"公务接待费": "reception", "公务接待费支出": "reception",
}

var reItemPrefix = regexp.MustCompile(`^(?:其中[:：])?(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]?)?`)

// transposedFixed reads a “三公” table printed with its items as lines and
// one figure column (the first, 合计 or 预算数): each line is a column of
// the kind. ok is false when fewer than three lines name items.
func (r *reader) transposedFixed() (rows []forms.RawRow, n, ncols int, ok bool) {
	if r.t.Kind != forms.KindSangong {
		return nil, 0, 0, false
	}
	p := r.t.Main()
	vals := map[string]string{}
	found := 0
	for row := r.s.title + 1; row < len(r.s.rows); row++ {
		cells := r.s.row(row)
		label := rowLabel(cells)
		key, named := sangongItems[reItemPrefix.ReplaceAllString(lineCore(label), "")]
		if !named || p.Col(key) < 0 {
			continue
		}
		for c, text := range cells {
			if text == "" || text == label || !isFigure(text) {
				continue
			}
			if v, ok := r.amount(row, c); ok {
				if _, dup := vals[key]; !dup {
					vals[key] = v.String()
					r.noteMatch(p, p.Col(key), row)
					found++
				}
				break
			}
		}
	}
	if found < 3 {
		r.matched = nil
		return nil, 0, 0, false
	}
	r.transposed = true
	return []forms.RawRow{{Key: forms.LineSangongCurrent, Values: vals}}, 1, found, true
}

// isFigure: a cell that reads as an amount (no message when it does not).
func isFigure(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	if _, err := parseStoredNumber(text); err == nil {
		return true
	}
	if _, err := money.Parse(text); err == nil {
		return true
	}
	_, err := money.ParseWanAsYuan(text) // 万元 with six decimals
	return err == nil && strings.ContainsAny(text, "0123456789")
}
