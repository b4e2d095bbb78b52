package into

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"yusuan/export/tablein"
	"yusuan/forms"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

// The 表样's text sheets (编制说明, 其他相关情况说明, the cover) hold the
// bureau's wording with placeholders: XX for the unit's name, x,xxx / XXX
// for amounts in 万元, 增加（减少）XXX万元（持平） for a change on last year.
// A placeholder the document has a figure or a word for is replaced; the
// rest of the wording stays the bureau's. A placeholder our model has no
// input for stays as it is and is listed (decision 42: nothing invented).

var (
	// an amount placeholder and its unit
	reAmountMark = regexp.MustCompile(`(x,xxx|X,XXX|XXX|XX|X)万元`)
	// a change on last year: 比2025年预算增加（减少）XXX万元（持平）
	reChangeMark = regexp.MustCompile(`比(\d{4})年(预算)?增加（减少）(?:x,xxx|X,XXX|XXX|XX|X)万元(（持平）)?`)
	// the reason asked for right after a change
	reReasonMark = regexp.MustCompile(`^([，,]?\s*主要原因是)(?:……|…|x{3,})`)
	// a count placeholder: XX辆, XXX个
	reCountMark = regexp.MustCompile(`(XXX|XX|X)(辆|个)`)
	// what is still a placeholder after filling
	// (a run of … longer than two is a 目录's leader, not a placeholder)
	reLeftMark = regexp.MustCompile(`x,xxx|X,XXX|XXX|XX|X(?:家|辆|个|万元|台)|…+|xxxxxx|“xx”`)
	// a list item to repeat per 类: 1. “xx”科目x,xxx万元，主要用于……
	reItemMark = regexp.MustCompile(`^(\s*)\d+[.．]\s*“xx”科目`)
	// the unit's name: XX（部门）, XX收入预算, XX部门
	reNameMark = regexp.MustCompile(`XX（(?:部门|单位)）|XX(收入预算|部门预算)`)
	// the clerk's instructions of a 表样, for when a figure is missing
	reInstruction = regexp.MustCompile(`\s*（[^（）]*(?:若无|作下述说明)[^（）]*(?:（[^（）]*）[^（）]*)*）`)
)

// subject is a figure a 表样 sentence names before its placeholder.
type subject struct {
	words []string // the sentence's words right before the placeholder
	value func(*forms.Document) (money.Amount, bool)
	prev  func(*forms.Document) (money.Amount, bool)
	// reason is the clerk's reason for the change, "" if none given
	reason func(*forms.Document) string
}

// subjects, most specific first (a subject ends the text before the mark).
var subjects = []subject{
	{words: []string{"国有资本经营预算拨款支出预算"}, value: total(forms.KindSOE)},
	{words: []string{"政府性基金拨款支出预算", "政府性基金预算拨款支出预算"}, value: total(forms.KindFund)},
	{words: []string{"一般公共预算拨款支出预算"}, value: total(forms.KindGeneral)},
	{words: []string{"财政拨款支出预算"}, value: line(forms.KindFiscal, forms.SideOut, forms.LineOutTotal)},
	{words: []string{"支出预算"}, value: line(forms.KindSummary, forms.SideOut, forms.LineOutTotal), prev: prevTotal, reason: totalReason},
	{words: []string{"财政拨款收入"}, value: line(forms.KindSummary, forms.SideIn, forms.LineInFiscal)},
	{words: []string{"事业单位经营收入"}, value: line(forms.KindSummary, forms.SideIn, "in.operating")},
	{words: []string{"事业收入"}, value: line(forms.KindSummary, forms.SideIn, "in.business")},
	{words: []string{"其他收入"}, value: line(forms.KindSummary, forms.SideIn, "in.other")},
	{words: []string{"收入预算"}, value: line(forms.KindSummary, forms.SideIn, forms.LineInTotal), prev: prevTotal, reason: totalReason},
	{words: []string{"“三公”经费预算数为", "“三公”经费预算为", "“三公”经费预算"}, value: sangong(forms.ColTotal), prev: prevSangong(func(s forms.Sangong) money.Amount { return s.Total() }), reason: func(d *forms.Document) string { return d.Inputs.SangongReason }},
	{words: []string{"因公出国（境）费"}, value: sangong("abroad"), prev: prevSangong(func(s forms.Sangong) money.Amount { return s.Abroad })},
	{words: []string{"公务用车购置及运行费"}, value: sangong("car"), prev: prevSangong(func(s forms.Sangong) money.Amount { return s.CarBuy + s.CarRun })},
	{words: []string{"公务用车购置费"}, value: sangong("car_buy"), prev: prevSangong(func(s forms.Sangong) money.Amount { return s.CarBuy })},
	{words: []string{"公务用车运行费"}, value: sangong("car_run"), prev: prevSangong(func(s forms.Sangong) money.Amount { return s.CarRun })},
	{words: []string{"公务接待费"}, value: sangong("reception"), prev: prevSangong(func(s forms.Sangong) money.Amount { return s.Reception })},
	{words: []string{"机关运行经费预算为", "机关运行经费预算"}, value: narrative.Operating, prev: prevOperating, reason: func(d *forms.Document) string { return d.Inputs.OperatingReason }},
	{words: []string{"政府采购货物预算"}, value: procurement(func(p forms.Procurement) money.Amount { return p.Goods })},
	{words: []string{"政府采购工程预算"}, value: procurement(func(p forms.Procurement) money.Amount { return p.Works })},
	{words: []string{"政府采购服务预算"}, value: procurement(func(p forms.Procurement) money.Amount { return p.Services })},
	{words: []string{"政府采购预算"}, value: procurement(func(p forms.Procurement) money.Amount { return p.TotalValue() })},
}

// counts a 表样 asks for that the model holds.
var counts = []struct {
	words []string
	value func(*forms.Document) (int, bool)
}{
	{[]string{"编报绩效目标的项目"}, func(d *forms.Document) (int, bool) {
		if d.First(forms.KindPerfProject) == nil {
			return 0, false
		}
		return len(d.Perf.Projects), true
	}},
	{[]string{"共有车辆"}, assets(func(a *forms.AssetInfo) int { return a.Vehicles.Total() })},
	{[]string{"执法执勤用车"}, assets(func(a *forms.AssetInfo) int { return a.Vehicles.Enforcement })},
	{[]string{"特种专业技术用车"}, assets(func(a *forms.AssetInfo) int { return a.Vehicles.Special })},
	{[]string{"安排购置车辆"}, assets(func(a *forms.AssetInfo) int { return a.PlanVehicles })},
}

func assets(f func(*forms.AssetInfo) int) func(*forms.Document) (int, bool) {
	return func(d *forms.Document) (int, bool) {
		if d.Inputs.Assets == nil {
			return 0, false
		}
		return f(d.Inputs.Assets), true
	}
}

// inWan is a table figure in 万元 (what the 表样's sentences state).
func inWan(t *forms.Table, v money.Amount) (money.Amount, bool) {
	w, err := money.Convert(v, t.Unit, money.WanYuan)
	return w, err == nil
}

func line(k forms.Kind, side forms.Side, key string) func(*forms.Document) (money.Amount, bool) {
	return func(d *forms.Document) (money.Amount, bool) {
		t := d.First(k)
		if t == nil || t.Absent || t.Pane(side) == nil {
			return 0, false
		}
		p := t.Pane(side)
		for _, col := range []string{forms.ColAmount, forms.ColTotal} {
			if v, ok := p.Value(key, col); ok {
				return inWan(t, v)
			}
		}
		return 0, false
	}
}

func total(k forms.Kind) func(*forms.Document) (money.Amount, bool) {
	return func(d *forms.Document) (money.Amount, bool) {
		t := d.First(k)
		if t == nil || t.Absent {
			return 0, false
		}
		if v, ok := t.Main().Value(forms.RowKeyTotal, forms.ColTotal); ok {
			return inWan(t, v)
		}
		return 0, false
	}
}

func sangong(col string) func(*forms.Document) (money.Amount, bool) {
	return func(d *forms.Document) (money.Amount, bool) {
		t := d.First(forms.KindSangong)
		if t == nil || t.Absent {
			return 0, false
		}
		if v, ok := t.Main().Value(forms.LineSangongCurrent, col); ok {
			return inWan(t, v)
		}
		return 0, false
	}
}

func totalReason(d *forms.Document) string { return d.Inputs.TotalReason }

func prevTotal(d *forms.Document) (money.Amount, bool) {
	if d.Inputs.PrevTotal == nil {
		return 0, false
	}
	return *d.Inputs.PrevTotal, true
}

func prevSangong(f func(forms.Sangong) money.Amount) func(*forms.Document) (money.Amount, bool) {
	return func(d *forms.Document) (money.Amount, bool) {
		if d.Inputs.PrevSangong == nil {
			return 0, false
		}
		return f(*d.Inputs.PrevSangong), true
	}
}

func prevOperating(d *forms.Document) (money.Amount, bool) {
	if d.Inputs.PrevOperating == nil {
		return 0, false
	}
	return *d.Inputs.PrevOperating, true
}

func procurement(f func(forms.Procurement) money.Amount) func(*forms.Document) (money.Amount, bool) {
	return func(d *forms.Document) (money.Amount, bool) {
		if d.Inputs.Procurement == nil {
			return 0, false
		}
		return f(*d.Inputs.Procurement), true
	}
}

// subjectOf finds the figure named right before a placeholder: the text
// back to the last comma, semicolon or colon.
func subjectOf(before string) *subject {
	if i := strings.LastIndexAny(before, "，；。：、\n"); i >= 0 {
		before = before[i:]
	}
	before = strings.TrimSpace(before)
	for i := range subjects {
		for _, w := range subjects[i].words {
			if strings.HasSuffix(before, w) {
				return &subjects[i]
			}
		}
	}
	return nil
}

// fillLine fills one paragraph's placeholders; it says how many it filled.
func fillLine(d *forms.Document, text string) (string, int) {
	n := 0
	text = reNameMark.ReplaceAllStringFunc(text, func(m string) string {
		n++
		return d.Meta.Name + reNameMark.FindStringSubmatch(m)[1]
	})
	// amounts, each with its change where the sentence asks for one
	var out strings.Builder
	var last *subject
	rest := text
	for {
		loc := reAmountMark.FindStringIndex(rest)
		if loc == nil {
			out.WriteString(rest)
			break
		}
		before := rest[:loc[0]]
		if cm := reChangeMark.FindStringSubmatchIndex(rest); cm != nil && cm[0] <= loc[0] && cm[1] >= loc[1] {
			out.WriteString(rest[:cm[0]])
			year := rest[cm[2]:cm[3]]
			s, ok := changeText(d, last, year)
			if !ok {
				out.WriteString(rest[cm[0]:cm[1]])
				rest = rest[cm[1]:]
				continue
			}
			out.WriteString(s)
			n++
			rest = rest[cm[1]:]
			// the reason the sentence asks for: the clerk's, or none for 持平
			if rm := reReasonMark.FindStringSubmatchIndex(rest); rm != nil {
				switch reason := reasonOf(d, last); {
				case strings.HasPrefix(s, "与"):
					rest = rest[rm[1]:]
					n++
				case reason != "":
					out.WriteString(rest[:rm[3]] + strings.TrimRight(reason, "。；;"))
					rest = rest[rm[1]:]
					n++
				}
			}
			continue
		}
		out.WriteString(before)
		s := subjectOf(out.String())
		mark := rest[loc[0]:loc[1]]
		if s != nil {
			if v, ok := s.value(d); ok {
				out.WriteString(money.Format(v, strings.Contains(mark, ",")) + "万元")
				n++
				last = s
				rest = rest[loc[1]:]
				continue
			}
		}
		last = nil
		out.WriteString(mark)
		rest = rest[loc[1]:]
	}
	text = out.String()
	// counts
	text = replaceWithBefore(reCountMark, text, func(before, mark string, sub []string) (string, bool) {
		tail, sentence := before, before
		if i := strings.LastIndexAny(tail, "，；。：、"); i >= 0 {
			tail = tail[i:]
		}
		if i := strings.LastIndex(sentence, "。"); i >= 0 {
			sentence = sentence[i:]
		}
		// a sentence of vehicles to buy asks counts by kind the model
		// holds only for vehicles held
		buying := strings.Contains(sentence, "购置")
		for _, c := range counts {
			for _, w := range c.words {
				if strings.HasSuffix(tail, w) && (!buying || w == "安排购置车辆") {
					if v, ok := c.value(d); ok {
						n++
						return strconv.Itoa(v) + sub[2], true
					}
				}
			}
		}
		return mark, false
	})
	return text, n
}

// replaceWithBefore replaces each match of re, handing the replacer the
// text before it (as already replaced).
func replaceWithBefore(re *regexp.Regexp, text string, f func(before, mark string, sub []string) (string, bool)) string {
	var out strings.Builder
	for {
		loc := re.FindStringSubmatchIndex(text)
		if loc == nil {
			out.WriteString(text)
			return out.String()
		}
		out.WriteString(text[:loc[0]])
		sub := make([]string, len(loc)/2)
		for i := range sub {
			if loc[2*i] >= 0 {
				sub[i] = text[loc[2*i]:loc[2*i+1]]
			}
		}
		r, _ := f(out.String(), sub[0], sub)
		out.WriteString(r)
		text = text[loc[1]:]
	}
}

func reasonOf(d *forms.Document, s *subject) string {
	if s == nil || s.reason == nil {
		return ""
	}
	return strings.TrimSpace(s.reason(d))
}

// changeText words the change of the last figure on last year's.
func changeText(d *forms.Document, s *subject, year string) (string, bool) {
	if s == nil || s.prev == nil {
		return "", false
	}
	now, ok := s.value(d)
	if !ok {
		return "", false
	}
	prev, ok := s.prev(d)
	if !ok {
		return "", false
	}
	switch diff := now - prev; {
	case diff > 0:
		return "比" + year + "年预算增加" + money.Format(diff, false) + "万元", true
	case diff < 0:
		return "比" + year + "年预算减少" + money.Format(-diff, false) + "万元", true
	}
	return "与" + year + "年预算持平", true
}

// coverName replaces the unit's name in a cover line "预算单位：上海市普陀区XX单位".
func coverName(d *forms.Document, text string) (string, bool) {
	i := strings.IndexAny(text, ":：")
	if i < 0 || !strings.Contains(text[i:], "XX") || strings.Contains(text, "\n") || len([]rune(text)) > 60 {
		return text, false
	}
	switch strings.TrimSpace(text[:i]) {
	case "预算单位", "预算主管部门", "主管部门", "编制单位", "编制部门", "单位名称", "部门名称":
	default:
		return text, false // 联系人：XX, 编制日期：XXXX年…: not the unit's name
	}
	sep := ":"
	if strings.HasPrefix(text[i:], "：") {
		sep = "："
	}
	return text[:i] + sep + d.Meta.Name, true
}

// texts fills the placeholders of the 表样's sheets that hold no table.
func (fl *filler) texts(sheets []*tablein.Sheet, grids map[string][][]string, tables map[string]bool) error {
	for _, s := range sheets {
		if tables[s.Name] {
			continue
		}
		if err := fl.textSheet(s.Name, grids[s.Name]); err != nil {
			return fmt.Errorf("表样工作表“%s”无法写入：%v", s.Name, err)
		}
	}
	return nil
}

func (fl *filler) textSheet(name string, grid [][]string) error {
	// a merged range's text fills each of its cells: only its first is its own
	covered := map[string]bool{}
	merges, _ := fl.f.GetMergeCells(name)
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r != r1 || c != c1 {
					covered[ref(r-1, c-1)] = true
				}
			}
		}
	}
	var items []int // rows of “xx”科目 list items
	for r, row := range grid {
		for c, text := range row {
			if text == "" || covered[ref(r, c)] {
				continue
			}
			if c == 0 && reItemMark.MatchString(text) {
				items = append(items, r)
				continue
			}
			if part, what := fl.partFor(grid, r, c); part != "" && placeholderIn(text) != "" {
				// a 职能 or 机构设置 scaffold: the document's own text
				if err := fl.f.SetCellStr(name, ref(r, c), part); err != nil {
					return err
				}
				fl.rep.Placed = append(fl.rep.Placed, Placed{Sheet: name, Range: ref(r, c), What: "文档的" + what + "（代替表样的示例文字）"})
				continue
			}
			filled, n := fl.fillCell(name, text)
			if n == 0 {
				fl.leftOver(name, r, c, filled)
				continue
			}
			if err := fl.f.SetCellStr(name, ref(r, c), filled); err != nil {
				return err
			}
			fl.rep.Placed = append(fl.rep.Placed, Placed{Sheet: name, Range: ref(r, c), What: fmt.Sprintf("文字中填入 %d 处", n)})
			fl.leftOver(name, r, c, filled)
		}
	}
	if len(items) > 0 {
		return fl.classItems(name, grid, items)
	}
	return nil
}

// fillCell fills a text cell: a cover line's name, each paragraph's
// placeholders, and the instructions for a missing figure dropped once the
// figure is there.
func (fl *filler) fillCell(sheet, text string) (string, int) {
	if s, ok := coverName(fl.d, text); ok {
		return s, 1
	}
	lines := strings.Split(text, "\n")
	n := 0
	for i, l := range lines {
		f, k := fillLine(fl.d, l)
		if k > 0 && placeholderIn(reInstruction.ReplaceAllString(f, "")) == "" {
			f = reInstruction.ReplaceAllString(f, "")
		}
		lines[i] = f
		n += k
	}
	return strings.Join(lines, "\n"), n
}

// placeholderIn is the first placeholder left in a paragraph, "" if none.
func placeholderIn(l string) string {
	for _, m := range reLeftMark.FindAllString(l, -1) {
		if strings.HasPrefix(m, "…") && len([]rune(m)) > 2 {
			continue // a leader
		}
		return m
	}
	return ""
}

// leftOver lists the paragraphs of a cell that still hold a placeholder.
func (fl *filler) leftOver(sheet string, r, c int, text string) {
	for _, l := range strings.Split(text, "\n") {
		if m := placeholderIn(l); m != "" {
			fl.rep.Unplaced = append(fl.rep.Unplaced, fmt.Sprintf("工作表“%s”%s：“%s”中的“%s”文档中没有可填的内容，保留原样", sheet, ref(r, c), clip(strings.TrimSpace(l), 40), m))
		}
	}
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// classItems writes the list “1. “xx”科目x,xxx万元，主要用于……” once per 类
// of the 财政拨款 expenditure, each with what the clerk wrote it is used
// for; rows are inserted (copying the item row's style) or left blank.
func (fl *filler) classItems(name string, grid [][]string, rows []int) error {
	d := fl.d
	type item struct {
		code, name string
		v          money.Amount
	}
	var list []item
	for _, k := range []forms.Kind{forms.KindFiscal, forms.KindGeneral} {
		t := d.First(k)
		if t == nil || t.Absent {
			continue
		}
		p := t.Pane(forms.SideOut)
		col := forms.ColAmount
		if p == nil {
			p, col = t.Main(), forms.ColTotal
		}
		ci := p.Col(col)
		if ci < 0 {
			continue
		}
		for _, r := range p.Rows {
			if r.Type == forms.RowClass && len(r.Code) == 3 && r.Cells[ci].Value != 0 {
				w, _ := inWan(t, r.Cells[ci].Value)
				list = append(list, item{r.Code, r.Name, w})
			}
		}
		if len(list) > 0 {
			break
		}
	}
	if len(list) == 0 {
		for _, r := range rows {
			fl.leftOver(name, r, 0, grid[r][0])
		}
		return nil
	}
	pattern := grid[rows[0]][0]
	indent := reItemMark.FindStringSubmatch(pattern)[1]
	last := rows[len(rows)-1]
	if extra := len(list) - len(rows); extra > 0 {
		for i := 0; i < extra; i++ {
			if err := fl.f.DuplicateRowTo(name, last+1, last+2); err != nil {
				return err
			}
			rows = append(rows, rows[len(rows)-1]+1)
		}
		fl.rep.Inserted += extra
		fl.rep.Insertions = append(fl.rep.Insertions, Insertion{Sheet: name, At: last + 2, Count: extra})
	}
	for i, r := range rows {
		if i >= len(list) {
			if err := fl.f.SetCellValue(name, ref(r, 0), nil); err != nil {
				return err
			}
			continue
		}
		it := list[i]
		use := d.Inputs.ClassUses[it.code]
		text := fmt.Sprintf("%s%d. “%s”科目%s万元，主要用于", indent, i+1, it.name, money.Format(it.v, true))
		if use == "" {
			text += "……"
		} else {
			text += strings.TrimRight(use, "。") + "。"
		}
		if err := fl.f.SetCellStr(name, ref(r, 0), text); err != nil {
			return err
		}
		fl.leftOver(name, r, 0, text)
	}
	fl.rep.Placed = append(fl.rep.Placed, Placed{Sheet: name, Range: ref(rows[0], 0) + ":" + ref(rows[len(rows)-1], 0), What: fmt.Sprintf("财政拨款支出 %d 个类", len(list))})
	return nil
}

// partFor is the document's text part for a body cell of a 职能 or 机构设置
// sheet (named by the sheet's first text, its title), and what it is.
func (fl *filler) partFor(grid [][]string, r, c int) (string, string) {
	title := ""
	for tr, row := range grid {
		for tc, v := range row {
			if v != "" && title == "" {
				if tr == r && tc == c {
					return "", "" // the title itself
				}
				title = v
			}
		}
	}
	switch {
	case strings.Contains(title, "职能"):
		return indentParagraphs(fl.d.Text.Functions), "主要职能"
	case strings.Contains(title, "机构设置"):
		return indentParagraphs(fl.d.Text.Organization), "机构设置"
	}
	return "", ""
}

// indentParagraphs indents each paragraph as the 表样's text cells are.
func indentParagraphs(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "    " + strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}
