package check

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"yusuan/forms"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

// TextSource is a text to check in place of the document's 情况说明 (a text
// a clerk wrote in a word processor: yusuan check --text).
type TextSource struct {
	Name string // shown in findings' locations
	Text string
}

// Text parts as findings name them.
const (
	PartExplanation  = "text.explanation"
	PartFunctions    = "text.functions"
	PartOrganization = "text.organization"
	PartGlossary     = "text.glossary"
	PartInputs       = "inputs"
)

// scope is the 情况说明 section a sentence belongs to: it decides which table
// "基本支出" or "一般公共预算拨款" speaks of.
type scope int

const (
	scNone scope = iota
	scSummary
	scIncome
	scExpense
	scFiscal
	scGeneral
	scBasic
	scSangong
	scFund
	scSOE
	scPerf
	scOther
)

// scopeWords find a section's scope from its heading, most specific first.
var scopeWords = []struct {
	word string
	sc   scope
}{
	{"一般公共预算基本支出", scBasic}, {"三公", scSangong}, {"政府性基金", scFund}, {"国有资本经营", scSOE},
	{"财政拨款收支", scFiscal}, {"财政拨款支出", scFiscal}, {"一般公共预算", scGeneral}, {"收支预算总体", scSummary}, {"收支总体", scSummary},
	{"收支总表", scSummary}, {"收入总表", scIncome}, {"支出总表", scExpense}, // 长春's “一、收支总表情况说明”
	{"收入预算", scIncome}, {"支出预算", scExpense}, {"绩效", scPerf}, {"其他重要事项", scOther},
}

// subject is what an amount in the text speaks of.
type subject int

const (
	subjUnknown      subject = iota
	subjTotal                // the section's total (收支总预算, 收入预算, 支出预算, 一般公共预算拨款 …)
	subjCurrent              // 本年收入
	subjInGeneral            // 一般公共预算拨款收入
	subjInFund               // 政府性基金预算拨款收入
	subjInSOE                // 国有资本经营预算拨款收入
	subjInBusiness           // 事业收入
	subjInOperating          // 事业单位经营收入
	subjInUpper              // 上级补助收入
	subjInAffiliated         // 附属单位上缴收入
	subjInOther              // 其他收入
	subjInCarry              // 上年结转
	subjBasic                // 基本支出
	subjProject              // 项目支出
	subjPersonnel            // 人员经费
	subjPublic               // 公用经费
	subjClass                // a 类 named in the text
	subjGeneralAppr          // 一般公共预算拨款
	subjFundAppr             // 政府性基金预算拨款
	subjSOEAppr              // 国有资本经营预算拨款
	subjSangong              // “三公”经费
	subjAbroad               // 因公出国（境）费
	subjCar                  // 公务用车购置及运行费
	subjCarBuy               // 公务用车购置费
	subjCarRun               // 公务用车运行费
	subjReception            // 公务接待费
	subjOperating            // 机关运行经费
	subjProcTotal            // 政府采购预算总额
	subjProcGoods
	subjProcWorks
	subjProcServices
	subjItem     // a 款 or 项 named in the text (“教育支出（类）进修及培训（款）培训支出（项）”)
	subjInSource // a source of income no table line matches (财政拨款收入, 财政专户管理资金, 其他资金)
)

// subjectWords recognise a subject in the words before an amount, most
// specific first.
var subjectWords = []struct {
	word string
	s    subject
}{
	{"公务用车购置及运行", subjCar}, {"公务用车购置和运行", subjCar}, {"公务用车购置", subjCarBuy}, {"车辆购置", subjCarBuy}, {"公务用车运行", subjCarRun},
	{"因公出国", subjAbroad}, {"公务接待", subjReception}, {"三公", subjSangong},
	{"机关运行经费", subjOperating}, {"单位运行经费", subjOperating}, {"财政拨款运行经费", subjOperating},
	{"政府采购货物", subjProcGoods}, {"政府采购工程", subjProcWorks}, {"政府采购服务", subjProcServices}, {"政府采购", subjProcTotal},
	{"人员经费", subjPersonnel}, {"公用经费", subjPublic},
	{"一般公共预算拨款收入", subjInGeneral}, {"一般公共预算当年拨款收入", subjInGeneral}, {"政府性基金预算拨款收入", subjInFund}, {"国有资本经营预算拨款收入", subjInSOE},
	{"事业单位经营收入", subjInOperating}, {"事业收入", subjInBusiness}, {"上级补助收入", subjInUpper},
	{"附属单位上缴收入", subjInAffiliated}, {"其他收入", subjInOther}, {"上年结转", subjInCarry},
	// 江苏's sources (“（1）一般公共预算收入预算13,297.11万元”): parts, not the 收入预算
	{"一般公共预算收入", subjInGeneral}, {"政府性基金收入", subjInFund}, {"政府性基金预算收入", subjInFund},
	{"国有资本经营预算收入", subjInSOE}, {"财政拨款收入", subjInSource}, {"财政专户管理资金", subjInSource}, {"其他资金", subjInSource},
	{"本年收入", subjCurrent}, {"基本支出", subjBasic}, {"项目支出", subjProject},
	{"一般公共预算拨款", subjGeneralAppr}, {"一般公共预算当年拨款", subjGeneralAppr}, {"一般公共预算当年财政拨款", subjGeneralAppr}, {"政府性基金预算拨款", subjFundAppr}, {"国有资本经营预算拨款", subjSOEAppr},
	{"收支总预算", subjTotal}, {"收入预算", subjTotal}, {"支出预算", subjTotal},
	{"政府性基金预算支出", subjTotal}, {"国有资本经营预算支出", subjTotal}, {"预算支出", subjTotal}, {"基本支出预算", subjBasic},
}

// stmtAmount is an amount stated in the text, with its share and
// year-on-year comparison when the sentence gives them.
type stmtAmount struct {
	part      string
	sc        scope
	subject   subject
	className string    // for subjClass: the name as written (“医疗卫生与计划生育支出”)
	within    subject   // subjBasic or subjProject: the figure is of that part of the 类 (“项目支出…，其中：一般公共服务支出417.41万元”)
	chain     [3]string // for subjItem: the 类, 款 and 项 named (“教育支出（类）进修及培训（款）培训支出（项）”), the 类 maybe from a line before
	text      string    // the words before the figure
	num       string    // the figure as written ("174.4")
	value     money.Amount
	unit      money.Unit
	prevYear  bool // the amount is last year's
	ref       forms.CellRef
	pct       *stmtPercent
	yoy       *stmtYoY
}

type stmtPercent struct {
	text  string
	units int64 // the figure in units of its last printed decimal: 14.1% → 141
	q     int   // decimals printed
}

type stmtYoY struct {
	word    string // 增加 / 减少 / 持平
	delta   money.Amount
	num     string // the difference as written
	unit    money.Unit
	pct     *stmtPercent
	pctWord string // 增长 / 下降
	reason  bool   // a reason (主要原因是…) follows
	text    string
}

type stmtCount struct {
	part   string
	ref    forms.CellRef
	what   string // 一级项目 / 二级项目
	n      int
	sum    money.Amount
	num    string // the sum as written
	unit   money.Unit
	sumSet bool
}

type stmtProcurement struct {
	part                          string
	ref                           forms.CellRef
	total, goods, works, services money.Amount
	unit                          money.Unit
	steps                         [4]int64 // each figure's p (total, goods, works, services)
}

type classMention struct {
	name string
	ref  forms.CellRef
}

type classUse struct {
	name string
	use  string
	ref  forms.CellRef
}

// parsedText is what the text rules read, parsed once per check.
type parsedText struct {
	present      bool   // the 情况说明 has text
	source       string // the text as read
	headings     []string
	amounts      []*stmtAmount
	counts       []stmtCount
	procurements []stmtProcurement
	classNames   []classMention
	uses         []classUse
	// 三公 items a numbered paragraph of their own speaks of, with or
	// without a figure (“1.因公出国（境）费用：…年初不编制…预算”)
	itemParas map[subject]bool
	// the 类 last named in the section: a 款 or 项 stated after it without
	// its 类 (“（一）一般公共服务支出（类）” then “2.审计事务（款）…（项）”) is of it
	lastClass string
}

// text parses the 情况说明 (or the --text file) once.
func (x *ctx) text() *parsedText {
	if x.parsed == nil {
		src, part := narrative.TextReusing(x.doc, x.reuseSection), PartExplanation
		if x.doc.Template.Own {
			// a document read from a published one: its text is what was
			// published (none: the text rules are skipped), never one made
			// up from its tables
			src = x.doc.Text.Explanation
		}
		if x.textSrc != nil {
			src, part = x.textSrc.Text, PartExplanation
		}
		m := x.memo
		switch {
		case m == nil:
			x.parsed = parseExplanation(part, src)
		case m.text != nil && m.text.source == src && m.textPart == part:
			// the text reads as it did: its statements are shared with the
			// last check (targetOf settles a 类 named without （类） the
			// same way whenever it reads one)
			x.parsed = m.text
		default:
			used := map[segKey]*parsedSegment{}
			x.parsed = parseKeeping(part, src, m.segs, used)
			m.segs, m.text, m.textPart = used, x.parsed, part
		}
	}
	return x.parsed
}

// reuseSection gives a generated section's lines as made for the last
// check while nothing it reads has changed (narrative.Reuse).
func (x *ctx) reuseSection(key string, reads narrative.Reads, lines func() []string) []string {
	m := x.memo
	if m == nil {
		return lines()
	}
	tokens := x.kindTokens(false, reads.Kinds...)
	if reads.Perf {
		tokens = append(tokens, "perf")
	}
	if reads.Inputs {
		tokens = append(tokens, "inputs")
	}
	gens := m.current(tokens)
	if e, ok := m.sections[key]; ok && slices.Equal(e.reads, tokens) && slices.Equal(e.gens, gens) {
		return e.lines
	}
	l := lines()
	m.sections[key] = &sectionEntry{reads: tokens, gens: gens, lines: l}
	return l
}

var (
	reNumber  = `(\d+(?:\.\d+)?)`
	reAmount  = regexp.MustCompile(`(-?\d+(?:\.\d+)?)(万元|元)`) // "-43.52万元": a negative figure keeps its sign
	rePercent = regexp.MustCompile(`^占` + reNumber + `%`)
	// 比上年增加, 较2022年度预算减少, 同比增长 …: the word a comparison uses
	// (“比2025年财政拨款“三公”经费年初预算增加”: what is compared may be named)
	reYoY       = regexp.MustCompile(`^(?:(?:比|较)(?:上年度?|\d{4}年度?)` + reCompared + `|同比)(增加|减少|增长|下降|持平)`)
	reFlat      = regexp.MustCompile(`^(?:比|较|与)(?:上年度?|\d{4}年度?)(?:预算数?|预算)?(?:相比)?持平`)
	reGrowth    = regexp.MustCompile(`^(增长|下降|减少|增加)` + reNumber + `%`)
	reHeading   = regexp.MustCompile(`^([一二三四五六七八九十]+)、(.+)$`)
	reSub       = regexp.MustCompile(`^（([一二三四五六七八九十]+)）(.+)$`)
	reClassName = regexp.MustCompile(`([\p{Han}、]+?)（类）(支出)?`)
	reCount     = regexp.MustCompile(`(一级项目|二级项目)共?` + `(\d+)项(?:，?金额合计` + reNumber + `(万元|元))?`)
)

// amountsIn finds the amounts of s as reAmount.FindAllStringSubmatchIndex
// does (the same matches, the same indexes: TestAmountsInIsThePattern),
// by hand: the pattern, run on every sentence, was most of the time the
// 情况说明 took to read. At each place in turn, an amount is an optional
// minus, digits, an optional fraction and then 万元 or 元; the digits and
// the fraction are taken whole (giving some back never helps: a digit
// would follow), so an amount either matches there or does not.
func amountsIn(s string) [][]int {
	var out [][]int
	digits := func(i int) int {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i
	}
	for i := 0; i < len(s); {
		start, j := i, i
		if s[j] == '-' {
			j++
		}
		end := digits(j)
		if end == j {
			i++
			continue
		}
		if end+1 < len(s) && s[end] == '.' && s[end+1] >= '0' && s[end+1] <= '9' {
			end = digits(end + 1)
		}
		unit := 0
		switch {
		case strings.HasPrefix(s[end:], "万元"):
			unit = len("万元")
		case strings.HasPrefix(s[end:], "元"):
			unit = len("元")
		}
		if unit == 0 {
			i++
			continue
		}
		out = append(out, []int{start, end + unit, start, end, end, end + unit})
		i = end + unit
	}
	return out
}

// reChangeWord: “事业收入增加2110.3万元”, “教育支出减少1505.49万元”: the
// figure after 增加/减少 is a change, whatever the clause compares with.
var reChangeWord = regexp.MustCompile(`(?:增加|减少|增长|下降|减低|降低|上升)了?$`)

// changeWords end the clauses reChangeWord and reChangeOnly match.
var changeWords = [...]string{"增加", "减少", "增长", "下降", "减低", "降低", "上升"}

// endsWithChange: a clause ends with a word of change (and 了): the two
// patterns can match it. Most clauses do not, and are passed over fast.
func endsWithChange(s string) bool {
	s = strings.TrimSuffix(s, "了")
	for _, w := range changeWords {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// reChangeOnly: in "“三公”经费预算较2025年减少1.75万元" the figure is the
// change; the year's amount is not stated.
var reChangeOnly = regexp.MustCompile(`(?:(?:比|较)(?:上年度?|\d{4}年度?)` + reCompared + `|同比)(?:增加|减少|增长|下降)了?$`)

// reCompared: the words naming what a comparison is with, between the year
// and 增加/减少 (“预算”, “财政拨款“三公”经费年初预算”), a few words of one clause.
const reCompared = `[^，。；：、\d]{0,20}?`

// normalize drops spaces and folds full-width digits and signs, so that
// "6677.45 万元" and "６６７７．４５万元" read the same.
func normalize(s string) string {
	if !needsNormalize(s) {
		return s
	}
	s = dropThousands(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0':
			return -1
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．':
			return '.'
		case r == '％':
			return '%'
		case r == '(':
			return '（'
		case r == ')':
			return '）'
		case r == ',':
			return '，'
		case r == '\uFFFF':
			return -1 // a thousands separator marked by dropThousands
		case r == ';':
			return '；'
		case r == ':':
			return '：'
		}
		return r
	}, s)
}

// dropThousands marks the commas that group digits ("6,677.45") so that
// normalize removes them instead of reading them as clause breaks.
func dropThousands(s string) string {
	rs := []rune(s)
	digit := func(i int) bool {
		return i >= 0 && i < len(rs) && (rs[i] >= '0' && rs[i] <= '9' || rs[i] >= '０' && rs[i] <= '９')
	}
	changed := false
	for i, r := range rs {
		if (r == ',' || r == '，') && digit(i-1) && digit(i+1) && digit(i+2) && digit(i+3) && !digit(i+4) {
			rs[i], changed = '\uFFFF', true
		}
	}
	if !changed {
		return s
	}
	return string(rs)
}

func needsNormalize(s string) bool {
	for _, r := range s {
		switch {
		case r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0', r >= '０' && r <= '９',
			r == '．' || r == '％' || r == '(' || r == ')' || r == ',' || r == ';' || r == ':':
			return true
		}
	}
	return false
}

// classNamesIn finds the 类 named "…（类）" in a sentence.
func classNamesIn(s string) [][]string {
	if !strings.Contains(s, "（类）") {
		return nil
	}
	return reClassName.FindAllStringSubmatch(s, -1)
}

// parseAmount reads a figure written in text ("5734.2", "0") exactly.
func parseAmount(num string) (money.Amount, bool) {
	v, err := money.Parse(num)
	return v, err == nil
}

func parsePercent(num string) *stmtPercent {
	whole, frac, _ := strings.Cut(num, ".")
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > 1_000_000 {
		return nil
	}
	q := min(len(frac), 6) // digits past a millionth of a percent say nothing
	units := w
	for i := 0; i < q; i++ {
		units = units*10 + int64(frac[i]-'0')
	}
	return &stmtPercent{text: num + "%", units: units, q: q}
}

// parseExplanation reads the 情况说明: sections, amounts with what they
// speak of, shares, year-on-year comparisons and their reasons, project
// counts, 政府采购 and the 类 named with what they are used for.
func parseExplanation(part, text string) *parsedText {
	return parseKeeping(part, text, nil, nil)
}

// segKey names a group of paragraphs of a text, parsed on its own.
type segKey struct {
	part string
	n    int    // paragraphs before it
	text string // its paragraphs, one a line
}

// parsedSegment is what a group of paragraphs gives.
type parsedSegment struct{ pt parsedText }

// parseKeeping is parseExplanation section by section: a heading (一、…)
// starts the reading afresh (its scope, the changes awaiting a reason, the
// 类 last named), so each section with the paragraphs before it counted is
// read the same alone. A section found in old (the last text's) is not read
// again; used, when given, receives every section of this text.
func parseKeeping(part, text string, old, used map[segKey]*parsedSegment) *parsedText {
	pt := &parsedText{present: strings.TrimSpace(text) != "", source: text}
	paras := paragraphs(text)
	start := 0
	for i := 1; i <= len(paras); i++ {
		if i < len(paras) && !isSectionHeading(paras[i]) {
			continue
		}
		key := segKey{part: part, n: start, text: strings.Join(paras[start:i], "\n")}
		seg := old[key]
		if seg == nil {
			seg = parseSegment(part, start, paras[start:i])
		}
		if used != nil {
			used[key] = seg
		}
		pt.headings = append(pt.headings, seg.pt.headings...)
		pt.amounts = append(pt.amounts, seg.pt.amounts...)
		pt.counts = append(pt.counts, seg.pt.counts...)
		pt.procurements = append(pt.procurements, seg.pt.procurements...)
		pt.classNames = append(pt.classNames, seg.pt.classNames...)
		pt.uses = append(pt.uses, seg.pt.uses...)
		for s := range seg.pt.itemParas {
			if pt.itemParas == nil {
				pt.itemParas = map[subject]bool{}
			}
			pt.itemParas[s] = true
		}
		start = i
	}
	return pt
}

// isSectionHeading: a paragraph that is a section's heading (一、…).
func isSectionHeading(p string) bool {
	m := reHeading.FindStringSubmatch(p)
	return m != nil && len([]rune(m[2])) <= 40 && !strings.Contains(m[2], "，")
}

// parseSegment reads paragraphs that follow n others: the first a
// section's heading, or the text's first paragraph.
func parseSegment(part string, n int, paras []string) *parsedSegment {
	seg := &parsedSegment{}
	pt := &seg.pt
	sc := scNone
	headSc := scNone      // the scope of the last 一、 heading
	within := subjUnknown // under a heading “（一）基本支出”: the part its 类 figures are of
	// comparisons of a paragraph that ends “其中：” and gives no reason: the
	// numbered items that follow may (“3.收支预算减少的主要原因，…”)
	var awaiting []*stmtYoY
	// comparisons of the section without a reason: a paragraph of reasons
	// (“财政拨款收入支出减少的主要原因一是…”) may follow them
	var unexplained []*stmtYoY
	for _, p := range paras {
		n++
		ref := forms.CellRef{Table: part, Row: fmt.Sprintf("第%d段", n)}
		if m := reHeading.FindStringSubmatch(p); m != nil && len([]rune(m[2])) <= 40 && !strings.Contains(m[2], "，") {
			pt.headings = append(pt.headings, m[2])
			sc, within, awaiting, unexplained = scopeOf(m[2], scNone), subjUnknown, nil, nil
			headSc = sc
			pt.lastClass = ""
			continue
		}
		var reasons []int
		if strings.Contains(p, "主要原因") { // what the pattern needs, found fast
			reasons = reReasonPara.FindStringSubmatchIndex(p)
		}
		if reasons != nil && !hasReason(p[reasons[0]:]) {
			reasons = nil
		}
		if m := reSub.FindStringSubmatch(p); m != nil && len([]rune(m[2])) <= 20 && !strings.ContainsAny(m[2], "，。") {
			pt.headings = append(pt.headings, m[2])
			if c := chainOf(m[2]); c[0] != "" {
				pt.lastClass = c[0]
			}
			if s := scopeOf(m[2], scNone); s != scNone && (headSc == scNone || headSc == scSummary) {
				// 西南大学's sections are （一）收支预算情况说明 … under a
				// general heading; under 财政拨款收支 a “（二）支出预算” stays
				// the 财政拨款's
				sc = s
			}
			within, awaiting = subjUnknown, nil
			if l := reLeadPart.FindStringSubmatch(p); l != nil {
				within = partWords[l[1]]
			}
			continue
		}
		if len(awaiting) > 0 {
			if !reListItem.MatchString(p) {
				awaiting = nil
			} else if hasReason(p) {
				for _, y := range awaiting {
					y.reason = true
				}
				awaiting = nil
			}
		}
		from := len(pt.amounts)
		pt.parseParagraph(part, p, ref, sc, within)
		// a paragraph that ends “其中：” or is not itself an item of a
		// list: the numbered items after it may give its reasons
		if strings.HasSuffix(p, "：") || !reListItem.MatchString(p) {
			awaiting = nil
			for _, st := range pt.amounts[from:] {
				if st.yoy != nil && !st.yoy.reason {
					awaiting = append(awaiting, st.yoy)
				}
			}
		}
		ownComparison := false
		for _, st := range pt.amounts[from:] {
			ownComparison = ownComparison || st.yoy != nil
		}
		if reasons != nil && !ownComparison {
			// a paragraph of reasons only: it explains the changes before
			// it that go the way it names (“…减少的主要原因…”: the 减少)
			word := p[reasons[2]:reasons[3]]
			kept := unexplained[:0]
			for _, y := range unexplained {
				if reasonCovers(word, y.word) {
					y.reason = true
				} else {
					kept = append(kept, y)
				}
			}
			unexplained = kept
		}
		for _, st := range pt.amounts[from:] {
			if st.yoy != nil && !st.yoy.reason {
				unexplained = append(unexplained, st.yoy)
			}
		}
	}
	return seg
}

// reasonCovers: the change a reason paragraph names (增加, 减少, 增减 …)
// covers a comparison's word.
func reasonCovers(named, word string) bool {
	switch named {
	case "增加", "增长":
		return word == "增加"
	case "减少", "下降":
		return word == "减少"
	}
	return true // 增减, 变动, 变化
}

// reReasonPara: a paragraph that gives the reasons of the changes stated
// before it (“预算收支增加主要原因说明：…”, “…减少的主要原因一是…”).
var reReasonPara = regexp.MustCompile(`(增加|减少|增长|下降|增减|变动|变化)的?主要原因`)

// reListItem: a numbered item of a list (1. / （1） / （一）).
var reListItem = regexp.MustCompile(`^(?:\d{1,2}[.．、](?:\D|$)|（[一二三四五六七八九十\d]+）)`)

// reLeadPart: a heading or a paragraph that opens with 基本支出 or 项目支出
// speaks of that part of the 类 it names.
var reLeadPart = regexp.MustCompile(`^（[一二三四五六七八九十]+）(基本支出|项目支出)`)

var partWords = map[string]subject{"基本支出": subjBasic, "项目支出": subjProject}

// reFigureFirst: a line that opens with a figure and its unit, a unit or
// a percent sign ("417.8万元；政府采购服务预算…", "万元，比上年…") goes on
// the line before: no paragraph starts so.
var reFigureFirst = regexp.MustCompile(`^(?:-?\d+(?:\.\d+)?(?:万元|元|%)|万元|%|[，、。；）])`)

// reOpener: a line that starts a paragraph of its own: a heading, a
// numbered item (1. / （1） / （一） / 一、) or a part's title.
var reOpener = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d{1,2}[.．、](?:\D|$)|第[一二三四五六七八九十\d]+部分)`)

// paragraphs splits a text into its paragraphs, normalized. A paragraph
// broken over lines (a PDF's or a word processor's line ends) is put back
// together: a line ending mid-sentence goes on with the next unless that
// one opens a paragraph, and a line that opens with a figure belongs to the
// line before. A line without punctuation (a title: “1.一般公共服务支出（类）
// 信访事务（款）行政运行（项）”) stays apart unless a figure follows it.
func paragraphs(text string) []string {
	var out []string
	for _, raw := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		p := normalize(raw)
		if p == "" {
			continue
		}
		if len(out) > 0 && continues(out[len(out)-1], p) {
			out[len(out)-1] += p
			continue
		}
		out = append(out, p)
	}
	return out
}

// continues: line next goes on from line prev.
func continues(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune("。！？；", last) {
		return false
	}
	if reFigureFirst.MatchString(next) || last == '万' && strings.HasPrefix(next, "元") {
		return true
	}
	if last == '：' || reOpener.MatchString(next) || isHeading(prev) {
		return false
	}
	if !strings.ContainsAny(prev, "，。；：、") {
		// a title stays apart, but a chain of 类/款/项 goes on with what
		// follows it: the rest of a name broken over lines (“…（款）一般行政
		// 管” / “理事务（项）…”) or its figure (“…行政运行（项）” / “2026年
		// 预算数为5,826.21万元，…”)
		return reLevel.MatchString(prev)
	}
	return true
}

// isHeading: a line read as a section's heading.
func isHeading(p string) bool {
	if m := reHeading.FindStringSubmatch(p); m != nil && len([]rune(m[2])) <= 40 && !strings.Contains(m[2], "，") {
		return true
	}
	m := reSub.FindStringSubmatch(p)
	return m != nil && len([]rune(m[2])) <= 20 && !strings.ContainsAny(m[2], "，。")
}

func scopeOf(heading string, def scope) scope {
	for _, w := range scopeWords {
		if strings.Contains(heading, w.word) {
			return w.sc
		}
	}
	return def
}

// parseParagraph walks a paragraph sentence by sentence; within a sentence
// an amount's subject is the words of its clause before it, and a share
// (占…%) or a comparison (比…增加…) that follows belongs to it.
func (pt *parsedText) parseParagraph(part, p string, ref forms.CellRef, sc scope, within subject) {
	if m := reLeadPart.FindStringSubmatch(p); m != nil {
		within = partWords[m[1]] // “（二）项目支出：…”: the paragraph speaks of that part
	}
	lead := pt.leadItem(p)
	sentences, starts := splitAt(p, "。；")
	// 政府采购 总额 and its parts, read over the paragraph: “其中：政府采购货物
	// 预算2,315.5万元；政府采购工程预算417.8万元；…” lists them in sentences
	var procParts []*stmtAmount
	for si, s := range sentences {
		if !strings.Contains(s, "项目") {
			// no count to read (a fast path: most sentences)
		} else if m := reCount.FindAllStringSubmatch(s, -1); m != nil {
			for _, c := range m {
				n, _ := strconv.Atoi(c[2])
				st := stmtCount{part: part, ref: ref, what: c[1], n: n}
				if c[3] != "" {
					if v, ok := parseAmount(c[3]); ok {
						st.sum, st.num, st.unit, st.sumSet = v, c[3], money.Unit(c[4]), true
					}
				}
				pt.counts = append(pt.counts, st)
			}
		}
		for _, m := range classNamesIn(s) {
			pt.classNames = append(pt.classNames, classMention{name: classNameOf(m[1]), ref: ref})
		}
		var last *stmtAmount
		inPart, partEnd := within, -1 // the part the 类 figures of the sentence are of
		locs := amountsIn(s)
		for k, loc := range locs {
			if s[loc[2]] == '-' && loc[2] > 0 && s[loc[2]-1] >= '0' && s[loc[2]-1] <= '9' {
				loc[2]++ // "2021-2022": a dash between figures, not a sign
			}
			numStart := loc[2]
			before := clauseBefore(s, numStart)
			if k > 0 && locs[k-1][1] > numStart-len(before) {
				// "公务用车购置及运行维护费24.8万元（公务用车购置费0万元": the
				// words before the figure before speak of that one
				before = strings.TrimLeft(s[locs[k-1][1]:numStart], "（")
			}
			value, ok := parseAmount(s[loc[2]:loc[3]])
			if !ok {
				continue
			}
			unit := money.Unit(s[loc[4]:loc[5]])
			if m := reYoY.FindStringSubmatch(before); m != nil && last != nil && last.yoy == nil {
				word := map[string]string{"增长": "增加", "下降": "减少"}[m[1]]
				if word == "" {
					word = m[1]
				}
				y := &stmtYoY{word: word, delta: value, num: s[loc[2]:loc[3]], unit: unit, text: before}
				last.yoy = y
				rest := s[loc[1]:]
				rest = strings.TrimLeft(rest, "，,")
				if g := reGrowth.FindStringSubmatch(rest); g != nil {
					y.pctWord, y.pct = g[1], parsePercent(g[2])
				}
				y.reason = hasReason(s[loc[1]:]) || (si+1 < len(sentences) && hasReason(sentences[si+1])) ||
					hasReason(afterParenthesis(p, starts[si]+loc[1]))
				continue
			}
			if endsWithChange(before) && (reChangeOnly.MatchString(before) || reChangeWord.MatchString(before)) {
				continue // a change without the year's amount: not the figure itself
			}
			st := &stmtAmount{part: part, sc: sc, text: before, num: s[loc[2]:loc[3]], value: value, unit: unit, ref: ref}
			st.subject, st.className = subjectOf(before)
			if strings.Contains(before, "（款）") || strings.Contains(before, "（项）") {
				// a 款 or 项 of a 类: named by the chain up to the figure
				st.subject, st.chain = subjItem, chainOf(s[:numStart])
				if st.chain[0] == "" {
					st.chain[0] = pt.lastClass
				}
			}
			if c := chainOf(s[:numStart]); c[0] != "" {
				pt.lastClass = c[0]
			}
			if st.subject == subjUnknown && lead != subjUnknown {
				// “（一）因公出国（境）费用。2026年预算数173.52万元”: the
				// paragraph's lead names what its first figure is of
				st.subject, lead = lead, subjUnknown
			}
			switch {
			case st.subject == subjBasic || st.subject == subjProject:
				inPart, partEnd = st.subject, loc[1]
			case partEnd >= 0 && strings.Contains(s[partEnd:numStart], "其中"):
				st.within = inPart // “项目支出预算417.41万元，…，其中：一般公共服务支出417.41万元”
			case partEnd < 0:
				st.within = inPart
			}
			st.prevYear = strings.Contains(before, "上年") && !strings.Contains(before, "上年结转")
			after := s[loc[1]:]
			if k+1 < len(locs) {
				after = s[loc[1]:locs[k+1][0]]
			}
			after = strings.TrimLeft(after, "，")
			if m := rePercent.FindStringSubmatch(after); m != nil {
				st.pct = parsePercent(m[1])
			}
			if reFlat.MatchString(after) {
				st.yoy = &stmtYoY{word: "持平", text: reFlat.FindString(after), reason: true}
			}
			if st.subject == subjClass {
				if u := useAfter(s[loc[1]:]); u != "" {
					pt.uses = append(pt.uses, classUse{name: st.className, use: u, ref: ref})
				}
			}
			switch st.subject {
			case subjProcTotal:
				if slices.ContainsFunc(procParts, func(o *stmtAmount) bool { return o.subject == subjProcTotal }) {
					pt.collectProcurement(part, ref, procParts) // a second total opens another breakdown
					procParts = nil
				}
				procParts = append(procParts, st)
			case subjProcGoods, subjProcWorks, subjProcServices:
				procParts = append(procParts, st)
			}
			pt.amounts = append(pt.amounts, st)
			last = st
		}
	}
	pt.collectProcurement(part, ref, procParts)
}

// reItemMark: the number that opens a list item (“1.”, “（一）”, “一、”).
var reItemMark = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d{1,2}[.．、])`)

// reLevel marks a name of the classification in a text: （类）, （款）, （项）.
var reLevel = regexp.MustCompile(`（(类|款|项)）`)

// reChainLead: what may open a chain's first name and is not part of it
// (a list number, 其中, a quotation mark, a year).
var reChainLead = regexp.MustCompile(`^(?:其中|具体|包括|主要是|\d{4}年|[“”"]|\d{1,2}[.．、]|（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、)+`)

// chainOf reads the 类, 款 and 项 named last in s: “7.教育支出（类）进修及
// 培训（款）培训支出（项）2026年预算数为” gives 教育支出, 进修及培训, 培训支出;
// “2.审计事务（款）行政运行（项）支出” gives no 类. A 类 named “教育（类）支出”
// reads 教育支出.
func chainOf(s string) (chain [3]string) {
	locs := reLevel.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		return chain
	}
	start := 0
	for _, loc := range locs {
		name := s[start:loc[0]]
		if i := strings.LastIndexAny(name, "，：；。"); i >= 0 {
			name = name[i+len("，"):] // each of these is three bytes
		}
		name = strings.Trim(reChainLead.ReplaceAllString(name, ""), "“”\"")
		level := strings.Index("类款项", s[loc[2]:loc[3]]) / len("类")
		switch level {
		case 0:
			chain = [3]string{} // a new 类 starts a new chain
		case 1:
			chain[2] = "" // a new 款: the 项 before was the other 款's
		}
		start = loc[1]
		if level == 0 {
			// “一般公共服务（类）支出”, “一般公共服务（类）”: the 类 is named
			// …支出 (classNameOf)
			name = classNameOf(name)
			start += len(s[start:]) - len(strings.TrimPrefix(s[start:], "支出"))
		}
		chain[level] = name
	}
	return chain
}

// sangongSubjects are the 三公 items a paragraph may be about.
var sangongSubjects = []subject{subjAbroad, subjCar, subjCarBuy, subjCarRun, subjReception}

// leadItem: a numbered paragraph that opens with a 三公 item and a stop
// (“（一）因公出国（境）费用。…”, “2.公务接待费：…”) speaks of that item.
func (pt *parsedText) leadItem(p string) subject {
	loc := reItemMark.FindStringIndex(p)
	if loc == nil {
		return subjUnknown
	}
	rest := p[loc[1]:]
	end := strings.IndexAny(rest, "。：")
	if end < 0 || utf8.RuneCountInString(rest[:end]) > 25 || reAmount.MatchString(rest[:end]) {
		return subjUnknown
	}
	s, _ := subjectOf(rest[:end])
	if !slices.Contains(sangongSubjects, s) {
		return subjUnknown
	}
	if pt.itemParas == nil {
		pt.itemParas = map[subject]bool{}
	}
	pt.itemParas[s] = true
	return s
}

func (pt *parsedText) collectProcurement(part string, ref forms.CellRef, ps []*stmtAmount) {
	var pr stmtProcurement
	seen := 0
	for _, st := range ps {
		p := textStep(st.num, st.unit)
		switch st.subject {
		case subjProcTotal:
			pr.total, pr.unit, pr.steps[0] = st.value, st.unit, p
			seen |= 1
		case subjProcGoods:
			pr.goods, pr.steps[1] = st.value, p
			seen |= 2
		case subjProcWorks:
			pr.works, pr.steps[2] = st.value, p
			seen |= 4
		case subjProcServices:
			pr.services, pr.steps[3] = st.value, p
			seen |= 8
		}
	}
	if seen&1 != 0 && seen&14 != 0 {
		pr.part, pr.ref = part, ref
		pt.procurements = append(pt.procurements, pr)
	}
}

// splitAt splits at each of the separators, dropping them; starts are
// where the parts begin in s.
func splitAt(s, seps string) (parts []string, starts []int) {
	start := 0
	for i, r := range s {
		if strings.ContainsRune(seps, r) {
			parts, starts = append(parts, s[start:i]), append(starts, start)
			start = i + len(string(r))
		}
	}
	if start < len(s) {
		parts, starts = append(parts, s[start:]), append(starts, start)
	}
	return parts, starts
}

// afterParenthesis: for a position inside a parenthesis of paragraph p,
// the sentence that goes on after it closes: “（公务用车购置费0万元，比上年
// 减少19.6万元；…。）比上年减少25.05万元，…，主要原因是…” gives its reason
// there. "" when i is not inside one.
func afterParenthesis(p string, i int) string {
	depth := 0
	for _, r := range p[:i] {
		switch r {
		case '（':
			depth++
		case '）':
			depth = max(depth-1, 0)
		}
	}
	if depth == 0 {
		return ""
	}
	for j, r := range p[i:] {
		switch r {
		case '（':
			depth++
		case '）':
			if depth--; depth == 0 {
				rest := p[i+j+len("）"):]
				if k := strings.IndexAny(rest, "。；"); k >= 0 {
					rest = rest[:k]
				}
				return rest
			}
		}
	}
	return ""
}

// clauseBefore returns the words of the clause before position i: back to
// the previous comma, colon or 、.
func clauseBefore(s string, i int) string {
	j := strings.LastIndexAny(s[:i], "，：、")
	if j < 0 {
		return s[:i]
	}
	_, size := utf8.DecodeRuneInString(s[j:])
	return s[j+size : i]
}

// subjectOf finds what the words before an amount speak of.
func subjectOf(before string) (subject, string) {
	if !strings.Contains(before, "（类）") {
		// no 类 named (reClassName needs the mark): the pattern is not run
	} else if m := reClassName.FindStringSubmatchIndex(before); m != nil {
		if rest := before[m[1]:]; strings.Contains(rest, "（款）") || strings.Contains(rest, "（项）") {
			return subjItem, "" // the figure of a 款 or 项 of the 类, not the 类's
		}
		return subjClass, classNameOf(before[m[2]:m[3]])
	}
	for _, w := range subjectWords {
		if strings.Contains(before, w.word) {
			return w.s, ""
		}
	}
	return subjUnknown, ""
}

// classNameOf is the 类's name from the words before “（类）”: “教育（类）支出”
// and “教育支出（类）” both name 教育支出.
func classNameOf(words string) string {
	name := trimLeadWords(strings.TrimLeft(words, "、"))
	if !strings.HasSuffix(name, "支出") {
		name += "支出"
	}
	return name
}

// trimLeadWords drops words that start a clause but are not part of a name.
func trimLeadWords(s string) string {
	for _, w := range []string{"其中", "支出包括", "包括", "主要是", "以及"} {
		s = strings.TrimPrefix(s, w)
	}
	return s
}

var reasonWords = []string{"原因", "主要是", "主要用于", "由于", "因为", "用于"}

// hasReason: a reason follows (主要原因是…), with words after it.
func hasReason(s string) bool {
	for _, w := range reasonWords {
		if i := strings.Index(s, w); i >= 0 {
			rest := strings.Trim(s[i+len(w):], "是：，。 …")
			if rest != "" && !hasPlaceholder(rest) {
				return true
			}
		}
	}
	return false
}

// useAfter returns what a 类 is "主要用于" in the rest of the sentence.
func useAfter(s string) string {
	i := strings.Index(s, "主要用于")
	if i < 0 {
		return ""
	}
	return strings.Trim(s[i+len("主要用于"):], "，。")
}

// mayHavePlaceholder is a fast first look for the placeholders' first characters.
func mayHavePlaceholder(s string) bool {
	for _, r := range s {
		switch r {
		case 'X', 'x', '×', '某', '…', '待', '_', '【':
			return true
		}
	}
	return false
}

// placeholders are template words a published text must not keep.
var placeholders = []string{narrative.GapPrefix, "XX", "xx", "××", "某某", "……", "待填写", "待补充", "___"}

func hasPlaceholder(s string) bool {
	if !mayHavePlaceholder(s) {
		return false
	}
	for _, p := range placeholders {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}
