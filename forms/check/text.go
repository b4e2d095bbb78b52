package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

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
	{"财政拨款收支", scFiscal}, {"一般公共预算", scGeneral}, {"收支预算总体", scSummary}, {"收支总体", scSummary},
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
)

// subjectWords recognise a subject in the words before an amount, most
// specific first.
var subjectWords = []struct {
	word string
	s    subject
}{
	{"公务用车购置及运行", subjCar}, {"公务用车购置", subjCarBuy}, {"车辆购置", subjCarBuy}, {"公务用车运行", subjCarRun},
	{"因公出国", subjAbroad}, {"公务接待", subjReception}, {"三公", subjSangong},
	{"机关运行经费", subjOperating}, {"单位运行经费", subjOperating},
	{"政府采购货物", subjProcGoods}, {"政府采购工程", subjProcWorks}, {"政府采购服务", subjProcServices}, {"政府采购", subjProcTotal},
	{"人员经费", subjPersonnel}, {"公用经费", subjPublic},
	{"一般公共预算拨款收入", subjInGeneral}, {"政府性基金预算拨款收入", subjInFund}, {"国有资本经营预算拨款收入", subjInSOE},
	{"事业单位经营收入", subjInOperating}, {"事业收入", subjInBusiness}, {"上级补助收入", subjInUpper},
	{"附属单位上缴收入", subjInAffiliated}, {"其他收入", subjInOther}, {"上年结转", subjInCarry},
	{"本年收入", subjCurrent}, {"基本支出", subjBasic}, {"项目支出", subjProject},
	{"一般公共预算拨款", subjGeneralAppr}, {"政府性基金预算拨款", subjFundAppr}, {"国有资本经营预算拨款", subjSOEAppr},
	{"收支总预算", subjTotal}, {"收入预算", subjTotal}, {"支出预算", subjTotal},
	{"政府性基金预算支出", subjTotal}, {"国有资本经营预算支出", subjTotal}, {"预算支出", subjTotal}, {"基本支出预算", subjBasic},
}

// stmtAmount is an amount stated in the text, with its share and
// year-on-year comparison when the sentence gives them.
type stmtAmount struct {
	part      string
	sc        scope
	subject   subject
	className string // for subjClass: the name as written (“医疗卫生与计划生育支出”)
	text      string // the words before the figure
	num       string // the figure as written ("174.4")
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
}

// text parses the 情况说明 (or the --text file) once.
func (x *ctx) text() *parsedText {
	if x.parsed == nil {
		src, part := narrative.Text(x.doc), PartExplanation
		if x.doc.Template.Own {
			// a document read from a published one: its text is what was
			// published (none: the text rules are skipped), never one made
			// up from its tables
			src = x.doc.Text.Explanation
		}
		if x.textSrc != nil {
			src, part = x.textSrc.Text, PartExplanation
		}
		x.parsed = parseExplanation(part, src)
	}
	return x.parsed
}

var (
	reNumber  = `(\d+(?:\.\d+)?)`
	reAmount  = regexp.MustCompile(`(-?\d+(?:\.\d+)?)(万元|元)`) // "-43.52万元": a negative figure keeps its sign
	rePercent = regexp.MustCompile(`^占` + reNumber + `%`)
	// 比上年增加, 较2022年度预算减少, 同比增长 …: the word a comparison uses
	reYoY       = regexp.MustCompile(`^(?:(?:比|较)(?:上年度?|\d{4}年度?)(?:预算数?|预算)?|同比)(增加|减少|增长|下降|持平)`)
	reFlat      = regexp.MustCompile(`^(?:比|较|与)(?:上年度?|\d{4}年度?)(?:预算数?|预算)?(?:相比)?持平`)
	reGrowth    = regexp.MustCompile(`^(增长|下降|减少|增加)` + reNumber + `%`)
	reHeading   = regexp.MustCompile(`^([一二三四五六七八九十]+)、(.+)$`)
	reSub       = regexp.MustCompile(`^（([一二三四五六七八九十]+)）(.+)$`)
	reClassName = regexp.MustCompile(`([\p{Han}、]+?)（类）(支出)?`)
	reCount     = regexp.MustCompile(`(一级项目|二级项目)共?` + `(\d+)项(?:，?金额合计` + reNumber + `(万元|元))?`)
)

// reChangeOnly: in "“三公”经费预算较2025年减少1.75万元" the figure is the
// change; the year's amount is not stated.
var reChangeOnly = regexp.MustCompile(`(?:(?:比|较)(?:上年度?|\d{4}年度?)(?:预算数?|预算)?|同比)(?:增加|减少|增长|下降)了?$`)

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
	pt := &parsedText{present: strings.TrimSpace(text) != "", source: text}
	sc := scNone
	paras := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	n := 0
	for _, raw := range paras {
		p := normalize(raw)
		if p == "" {
			continue
		}
		n++
		ref := forms.CellRef{Table: part, Row: fmt.Sprintf("第%d段", n)}
		if m := reHeading.FindStringSubmatch(p); m != nil && len([]rune(m[2])) <= 40 && !strings.Contains(m[2], "，") {
			pt.headings = append(pt.headings, m[2])
			sc = scopeOf(m[2], scNone)
			continue
		}
		if m := reSub.FindStringSubmatch(p); m != nil && len([]rune(m[2])) <= 20 && !strings.ContainsAny(m[2], "，。") {
			pt.headings = append(pt.headings, m[2])
			continue
		}
		pt.parseParagraph(part, p, ref, sc)
	}
	return pt
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
func (pt *parsedText) parseParagraph(part, p string, ref forms.CellRef, sc scope) {
	sentences := splitAt(p, "。；")
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
			name := strings.TrimLeft(m[1], "、")
			name = trimLeadWords(name)
			pt.classNames = append(pt.classNames, classMention{name: name + "支出", ref: ref})
		}
		var last *stmtAmount
		var procParts []*stmtAmount
		locs := reAmount.FindAllStringSubmatchIndex(s, -1)
		for k, loc := range locs {
			if s[loc[2]] == '-' && loc[2] > 0 && s[loc[2]-1] >= '0' && s[loc[2]-1] <= '9' {
				loc[2]++ // "2021-2022": a dash between figures, not a sign
			}
			numStart := loc[2]
			before := clauseBefore(s, numStart)
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
				y.reason = hasReason(s[loc[1]:]) || (si+1 < len(sentences) && hasReason(sentences[si+1]))
				continue
			}
			if reChangeOnly.MatchString(before) {
				continue // a change without the year's amount: not the figure itself
			}
			st := &stmtAmount{part: part, sc: sc, text: before, num: s[loc[2]:loc[3]], value: value, unit: unit, ref: ref}
			st.subject, st.className = subjectOf(before)
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
			case subjProcTotal, subjProcGoods, subjProcWorks, subjProcServices:
				procParts = append(procParts, st)
			}
			pt.amounts = append(pt.amounts, st)
			last = st
		}
		pt.collectProcurement(part, ref, procParts)
	}
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

// splitAt splits at each of the separators, dropping them.
func splitAt(s, seps string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if strings.ContainsRune(seps, r) {
			out = append(out, s[start:i])
			start = i + len(string(r))
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// clauseBefore returns the words of the clause before position i: back to
// the previous comma, colon or 、.
func clauseBefore(s string, i int) string {
	start := 0
	for j, r := range s[:i] {
		if strings.ContainsRune("，：、", r) {
			start = j + len(string(r))
		}
	}
	return s[start:i]
}

// subjectOf finds what the words before an amount speak of.
func subjectOf(before string) (subject, string) {
	if m := reClassName.FindStringSubmatch(before); m != nil {
		return subjClass, trimLeadWords(strings.TrimLeft(m[1], "、")) + "支出"
	}
	for _, w := range subjectWords {
		if strings.Contains(before, w.word) {
			return w.s, ""
		}
	}
	return subjUnknown, ""
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
