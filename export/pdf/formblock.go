package pdf

import (
	"fmt"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// The 绩效 forms print as ruled blocks, one per form, on the grid of the
// published forms: a label column, then the indicator grid's columns
// (项目支出 and 部门整体: 5, 事前评估: 6, with 评价标准 and 指标分值). Labels
// span the first two columns; the 项目资金 and 绩效指标 labels run down
// their rows.

// Column widths of the forms (points on a portrait page; scaled to the
// text width).
var (
	formCols   = []float64{52, 72, 72, 135, 70, 70}
	preFormCol = []float64{52, 56, 62, 100, 64, 85, 52}
)

const (
	formSize = 9.0  // type size in the forms
	formGap  = 16.0 // between two forms
)

// fcell is a cell of a form block: from column col, span columns wide,
// rows lines tall.
type fcell struct {
	col, span, rows int
	text            string
	face            face
	align           Align
	fill            bool
}

// fblock is one form: its lines of cells. head gives for each line the
// line of its indicator grid's heads (repeated after a page break), or -1.
type fblock struct {
	ncol    int
	rows    [][]fcell
	head    []int
	curHead int
}

func (b *fblock) add(cells ...fcell) {
	b.rows = append(b.rows, cells)
	b.head = append(b.head, b.curHead)
}

func label(col, span int, s string) fcell {
	return fcell{col: col, span: span, rows: 1, text: s, face: hei, align: AlignCenter, fill: true}
}

func value(col, span int, s string) fcell {
	return fcell{col: col, span: span, rows: 1, text: s, face: song, align: AlignLeft}
}

func (b *fblock) field(name, v string) {
	b.add(label(0, 2, name), value(2, b.ncol-2, v))
}

// money adds the three 项目资金 lines under one label running down them.
func (b *fblock) money(t *forms.Table, f forms.Fund) {
	head := label(0, 1, forms.LabelMoney)
	head.rows = 3
	b.add(head, label(1, 1, forms.LabelTotal), value(2, b.ncol-2, t.Show(f.TotalValue())))
	b.add(label(1, 1, forms.LabelFiscal), value(2, b.ncol-2, t.Show(f.Fiscal)))
	b.add(label(1, 1, forms.LabelOther), value(2, b.ncol-2, t.Show(f.Other)))
}

// indicators adds an indicator grid under a label running down it: the
// heads, then one line per indicator with 一级 and 二级 merged down their
// runs, as published.
func (b *fblock) indicators(name string, ind []forms.Indicator, scored bool) {
	shown := make([]forms.Indicator, 0, len(ind))
	for _, x := range ind {
		if !x.Blank() {
			shown = append(shown, x)
		}
	}
	heads, rows := forms.IndicatorTable(shown, scored)
	head := label(0, 1, name)
	head.rows = 1 + len(rows)
	first := []fcell{head}
	for i, h := range heads {
		first = append(first, label(1+i, 1, h))
	}
	b.curHead = len(b.rows)
	b.add(first...)
	defer func() { b.curHead = -1 }()
	// runs of equal 一级 (and of equal 一级 and 二级) merge down
	spans := func(key func(forms.Indicator) string) []int {
		sp := make([]int, len(shown))
		for i := 0; i < len(shown); {
			j := i + 1
			if key(shown[i]) != "" {
				for j < len(shown) && key(shown[j]) == key(shown[i]) {
					j++
				}
			}
			sp[i] = j - i
			i = j
		}
		return sp
	}
	l1 := spans(func(x forms.Indicator) string { return x.L1 })
	l2 := spans(func(x forms.Indicator) string {
		if x.L2 == "" {
			return ""
		}
		return x.L1 + "\x00" + x.L2
	})
	for i, r := range rows {
		line := make([]fcell, 0, len(r))
		for c, text := range r {
			switch c {
			case 0, 1:
				n, text := l1[i], shown[i].L1
				if c == 1 {
					n, text = l2[i], shown[i].L2
				}
				if n == 0 {
					continue // covered by the cell above
				}
				cell := value(1+c, 1, text)
				cell.rows, cell.align = n, AlignCenter
				line = append(line, cell)
			default:
				if c >= len(r)-2 && !scored || c == 3 && scored {
					text = printedComparator(text) // 阶段性指标值, 指标值
				}
				line = append(line, value(1+c, 1, text))
			}
		}
		b.add(line...)
	}
}

// printedSigns are the comparators as the forms print them: full width, as
// the seed's forms print ≥95% and ≤30万元, so that ≥ ≤ ＞ ＜ ＝ stand alike
// (one em in the Song face), never ≤3次 beside <=30%.
var printedSigns = map[string]string{">=": "≥", "<=": "≤", ">": "＞", "<": "＜", "=": "＝"}

// printedComparator prints an indicator value's leading comparator as the
// forms print it, with no space after it: ">= 24次" as ≥24次. A value
// without one is left as it is.
func printedComparator(v string) string {
	s := strings.TrimLeft(v, " 　")
	if plain, written := forms.LeadingComparator(s); plain != "" {
		return printedSigns[plain] + strings.TrimLeft(s[len(written):], " 　")
	}
	return v
}

// projectForm is a 项目支出绩效目标表. An 一级项目's form with no 主管部门及编码
// leaves the line out, as the seed's 一级项目 forms have none; an 二级项目's
// prints it, empty or not, as the seed's do.
func projectForm(t *forms.Table, p *forms.ProjectPerf) *fblock {
	b := &fblock{ncol: len(formCols), curHead: -1}
	b.field(forms.LabelProject, p.Name)
	b.field(forms.LabelLevel, p.Level)
	if strings.TrimSpace(p.Dept) != "" || p.Level != forms.ProjectLevel1 {
		b.field(forms.LabelDept, p.Dept)
	}
	b.money(t, p.Money)
	b.field(forms.LabelGoal, p.Goal)
	b.indicators(forms.LabelIndicators, p.Indicators, false)
	return b
}

// deptForm is the 部门整体支出绩效目标表.
func deptForm(p *forms.DeptPerf, projects []forms.ProjectPerf) *fblock {
	b := &fblock{ncol: len(formCols), curHead: -1}
	b.field(forms.LabelDeptName, p.NameCode)
	b.add(label(0, 2, forms.LabelTaskName), label(2, b.ncol-2, forms.LabelTaskBody))
	for _, task := range p.Tasks {
		b.add(value(0, 2, task.Name), value(2, b.ncol-2, task.Content))
	}
	b.field(forms.LabelKeyWork, p.KeyWork)
	b.indicators(forms.LabelIndicators, withEffectBlock(p.Indicators, projects), false)
	return b
}

// effectLevels are the 二级指标 of the 效果 (效益) block, as the project
// forms print them.
var effectLevels = []string{"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}

// withEffectBlock is the 部门整体 form's indicator grid with the 效果 block
// the project forms print (效果指标: 经济效益指标, 社会效益指标, 生态效益指标,
// 可持续影响指标), as the seed's 部门整体 form has it, where the grid has no
// 一级指标 of that block: its lines empty, after the 产出 lines and before
// 满意度. The block is called as the document's project forms call it
// (效果指标 in the Jilin forms, 效益指标 in the national ones).
func withEffectBlock(ind []forms.Indicator, projects []forms.ProjectPerf) []forms.Indicator {
	isEffect := func(l1 string) bool { return l1 == "效果指标" || l1 == "效益指标" }
	blank := true
	for _, x := range ind {
		if isEffect(x.L1) {
			return ind
		}
		blank = blank && x.Blank()
	}
	if blank {
		return ind // no grid to complete
	}
	name := "效益指标"
find:
	for _, p := range projects {
		for _, x := range p.Indicators {
			if isEffect(x.L1) {
				name = x.L1
				break find
			}
		}
	}
	// after the last line of 产出指标 (or, without one, before 满意度指标)
	at := -1
	for i, x := range ind {
		if x.L1 == "产出指标" {
			at = i + 1
		}
	}
	if at < 0 {
		at = len(ind)
		for i, x := range ind {
			if strings.HasPrefix(x.L1, "满意度") {
				at = i
				break
			}
		}
	}
	out := make([]forms.Indicator, 0, len(ind)+len(effectLevels))
	out = append(out, ind[:at]...)
	for _, l2 := range effectLevels {
		out = append(out, forms.Indicator{L1: name, L2: l2})
	}
	return append(out, ind[at:]...)
}

// preForm is a 事前绩效评估项目绩效目标申报表.
func preForm(t *forms.Table, p *forms.PrePerf) *fblock {
	b := &fblock{ncol: len(preFormCol), curHead: -1}
	b.field(forms.LabelPreName, p.Name)
	b.field(forms.LabelDept, p.Dept)
	b.field(forms.LabelPeriod, p.Period)
	head := label(0, 1, forms.LabelMoney)
	head.rows = 3
	amount := func(a money.Amount) string { return t.Show(a) }
	b.add(head, label(1, 1, forms.LabelTotal), value(2, 2, amount(p.Annual.TotalValue())), label(4, 1, forms.LabelWholeTotal), value(5, 2, amount(p.Whole.TotalValue())))
	b.add(label(1, 1, forms.LabelFiscal), value(2, 2, amount(p.Annual.Fiscal)), label(4, 1, forms.LabelFiscal), value(5, 2, amount(p.Whole.Fiscal)))
	b.add(label(1, 1, forms.LabelOther), value(2, 2, amount(p.Annual.Other)), label(4, 1, forms.LabelOther), value(5, 2, amount(p.Whole.Other)))
	goals := label(0, 1, forms.LabelGoals)
	goals.rows = 2
	b.add(goals, label(1, 3, forms.LabelAnnualGoal), label(4, 3, forms.LabelWholeGoal))
	b.add(value(1, 3, p.AnnualGoal), value(4, 3, p.WholeGoal))
	b.indicators(forms.LabelAnnualGrid, p.AnnualGrid, true)
	b.indicators(forms.LabelWholeGrid, p.WholeGrid, true)
	b.add(label(0, 2, forms.LabelReporter), value(2, 2, p.Reporter), label(4, 1, forms.LabelPhone), value(5, 2, p.Phone))
	return b
}

// formTable lays out a 绩效 table's forms one after another.
func (l *layouter) formTable(t *forms.Table) {
	d := l.d
	switch t.Kind {
	case forms.KindPerfDept:
		if d.Perf.Dept != nil {
			l.placeForm(deptForm(d.Perf.Dept, d.Perf.Projects), d.Perf.Dept.NameCode)
		}
	case forms.KindPerfPre:
		for i := range d.Perf.Pre {
			l.placeForm(preForm(t, &d.Perf.Pre[i]), d.Perf.Pre[i].Name)
		}
	case forms.KindPerfProject:
		for _, i := range d.Perf.ProjectsAt(t.Def.ProjectLevel) {
			l.placeForm(projectForm(t, &d.Perf.Projects[i]), d.Perf.Projects[i].Name)
		}
	}
}

// placed is a form cell with its fitted text.
type placed struct {
	fcell
	x, w  float64
	lines []string
	size  float64
}

// formBufs are placeForm's arrays, kept from form to form.
type formBufs struct {
	heights      []float64
	cells        [][]placed
	all, single  []placed
	lines, piece [][]string
}

// placeForm lays out one form: on the current page when it fits, else on
// a new page when it fits there, else breaking between lines; a cell
// running down lines split by a page break is drawn on both pages.
func (l *layouter) placeForm(b *fblock, name string) {
	if l.dry {
		l.where = fmt.Sprintf("“%s”中“%s”的绩效表", l.cur.Title, name)
	}
	cols := formCols
	if b.ncol == len(preFormCol) {
		cols = preFormCol
	}
	scale := l.width() / sum(cols)
	xs := make([]float64, len(cols)+1)
	for i, c := range cols {
		xs[i+1] = xs[i] + c*scale
	}
	s := formSize
	lead, vpad := cellLead(s), cellVPad(s)
	minH := lead + 2*vpad
	// the arrays are the layouter's, reused from form to form
	fb := &l.formBuf
	heights := fb.heights[:0]
	cells := fb.cells[:0]
	all := fb.all[:0] // one array for the cells of all lines
	n := 0
	for _, row := range b.rows {
		n += len(row)
		heights = append(heights, 0)
		cells = append(cells, nil)
	}
	if cap(all) < n {
		all = make([]placed, 0, n)
	}
	defer func() { fb.heights, fb.cells, fb.all = heights[:0], cells[:0], all[:0] }()
	for ri, row := range b.rows {
		heights[ri] = minH
		from := len(all)
		for _, c := range row {
			w := xs[c.col+c.span] - xs[c.col]
			ls := l.formLines(c, s, w)
			if c.text == "" {
				ls = nil
			}
			all = append(all, placed{fcell: c, x: xs[c.col], w: w, lines: ls, size: s})
		}
		cells[ri] = all[from:len(all):len(all)]
		for _, c := range cells[ri] {
			if c.rows == 1 {
				heights[ri] = max(heights[ri], float64(len(c.lines))*lead+2*vpad)
			}
		}
	}
	// a cell running down several lines may need the last of them taller
	for ri, row := range cells {
		for _, c := range row {
			if c.rows > 1 {
				have := 0.0
				for k := ri; k < ri+c.rows && k < len(heights); k++ {
					have += heights[k]
				}
				if need := float64(len(c.lines))*lead + 2*vpad; need > have {
					heights[min(ri+c.rows, len(heights))-1] += need - have
				}
			}
		}
	}
	total := sum(heights)
	fresh := l.bottom() - portrait.Top - l.contHeight()
	if !l.fits(total) && (total <= fresh || l.bottom()-l.y < fresh/4) {
		l.continuePage(false)
	}
	type open struct {
		c   placed
		end int // first line after the cell
		top float64
	}
	var running []*open
	closeRun := func(o *open, bottom float64) {
		l.formBox(o.c, l.left()+o.c.x, o.top, bottom-o.top)
	}
	// breakPage ends the page inside the form: the cells running down
	// are drawn to its foot and again on the next page, and within an
	// indicator grid its heads are repeated.
	breakPage := func(ri int) {
		for _, o := range running {
			closeRun(o, l.y)
		}
		l.continuePage(false)
		for _, o := range running {
			o.top = l.y
		}
		if h := b.head[ri]; h >= 0 && h != ri {
			for _, c := range cells[h] {
				if c.rows == 1 {
					l.formBox(c, l.left()+c.x, l.y, heights[h])
				}
			}
			l.y += heights[h]
		}
	}
	single, lines, piece := fb.single[:0], fb.lines[:0], fb.piece[:0]
	defer func() { fb.single, fb.lines, fb.piece = single[:0], lines[:0], piece[:0] }()
	for ri := range b.rows {
		// the room for this line on a new page
		room := fresh
		if h := b.head[ri]; h >= 0 && h != ri {
			room -= heights[h]
		}
		// a line taller than a whole page starts where it is (when a few
		// of its lines fit) and runs on over the next pages
		if !l.fits(heights[ri]) && ri > 0 && (heights[ri] <= room || !l.fits(3*lead+2*vpad)) {
			breakPage(ri)
		}
		single, lines = single[:0], lines[:0]
		for _, c := range cells[ri] {
			if c.rows > 1 {
				running = append(running, &open{c: c, end: ri + c.rows, top: l.y})
				continue
			}
			single = append(single, c)
			if c.fill {
				lines = append(lines, nil) // a label is printed whole on every page
			} else {
				lines = append(lines, c.lines)
			}
		}
		rowH := heights[ri]
		for {
			pieceH := min(rowH, l.bottom()-l.y)
			var more bool
			piece, more = splitLines(piece, lines, func(int) int { return max(int((pieceH-2*vpad+0.01)/lead), 1) })
			if !more {
				pieceH = rowH
			}
			for k, c := range single {
				if !c.fill {
					c.lines = piece[k]
				}
				l.formBox(c, l.left()+c.x, l.y, pieceH)
			}
			l.y += pieceH
			if !more {
				break
			}
			breakPage(ri)
			rowH = minH
			for _, ls := range lines {
				rowH = max(rowH, float64(len(ls))*lead+2*vpad)
			}
		}
		keep := running[:0]
		for _, o := range running {
			if o.end == ri+1 {
				closeRun(o, l.y)
				continue
			}
			keep = append(keep, o)
		}
		running = keep
	}
	for _, o := range running {
		closeRun(o, l.y)
	}
	l.y += formGap
}

// formBox draws a form cell; a text too tall for its box (a label cut by a
// page break) is set smaller.
func (l *layouter) formBox(c placed, x, y, h float64) {
	lines, size := c.lines, c.size
	vpad := cellVPad(size)
	for float64(len(lines))*cellLead(size)+2*vpad > h+0.01 && size > sizeTableMin {
		size -= 0.5
		lines = l.formLines(c.fcell, size, c.w)
	}
	l.box(Box{X: x, Y: y, W: c.w, H: h, Lines: lines, Face: c.face, Size: size, Lead: cellLead(size), Pad: cellPad,
		Align: c.align, Fill: c.fill, Row: -1, Col: c.col})
}

// formLines breaks a form cell's text to its width: a label (a head of the
// form) between its words, as a table's header; a value as running text.
func (l *layouter) formLines(c fcell, size, w float64) []string {
	if c.fill {
		return l.fs.balanced(clean(c.text), c.face, size, w-2*cellPad)
	}
	return l.fs.wrap(clean(c.text), c.face, size, w-2*cellPad, 0)
}
