// Package narrative writes the 第三部分 情况说明 from the tables and the
// clerk's extra inputs, section by section, with the clerk's hand-written
// sections in place of generated ones.
//
// The sentences are this program's own. They follow the conventions the
// checks read (forms/check): amounts with two decimals and their unit, shares
// of one breakdown adding to 100.00%, 增加/减少/持平 from the sign, a reason
// after every change, and a visible gap (【请填写：…】) where an input the
// text needs is missing.
package narrative

import (
	"strings"

	"yusuan/forms"
)

// Section keys: stable names for the clerk's hand-written sections.
const (
	SecSummary = "summary" // 收支预算总体情况
	SecIncome  = "income"  // 收入预算情况
	SecExpense = "expense" // 支出预算情况
	SecFiscal  = "fiscal"  // 财政拨款收支预算情况
	SecGeneral = "general" // 一般公共预算拨款情况
	SecBasic   = "basic"   // 一般公共预算基本支出情况
	SecSangong = "sangong" // “三公”经费情况
	SecFund    = "fund"    // 政府性基金预算支出情况
	SecSOE     = "soe"     // 国有资本经营预算支出情况
	SecPerf    = "perf"    // 预算绩效管理情况
	SecOther   = "other"   // 其他重要事项的说明
)

// Section is one numbered part of the 情况说明.
type Section struct {
	Key     string
	Heading string   // without its number: "收支预算总体情况"
	Lines   []string // paragraphs and sub-headings ("（一）机关运行经费")
	Written bool     // the clerk's text, not generated
}

// GapPrefix starts the visible gap left where an input is missing; the
// checks report it as text still to be filled in.
const GapPrefix = "【请填写："

// gap marks what the clerk still has to give.
func gap(what string) string { return GapPrefix + what + "】" }

// Text is the 情况说明 as published: the whole text given by hand when there
// is one, else the generated sections. One line per heading ("一、…",
// "（一）…") or paragraph.
func Text(d *forms.Document) string {
	return TextReusing(d, nil)
}

// Reads says what a generated section is made from, besides the document's
// meta (name, year, level): the tables of some kinds, the 绩效 forms, the
// extra inputs.
type Reads struct {
	Kinds  []forms.Kind
	Perf   bool
	Inputs bool
}

// Reuse gives a generated section's lines: those it made before, while
// nothing the section reads has changed since, or lines() made afresh. A
// checker that re-checks after each edit keeps them (forms/check).
type Reuse func(key string, reads Reads, lines func() []string) []string

// TextReusing is Text with the generated sections' lines from reuse (nil:
// all made afresh).
func TextReusing(d *forms.Document, reuse Reuse) string {
	if !IsGenerated(d) {
		return d.Text.Explanation
	}
	return generate(d, reuse)
}

// IsGenerated reports whether the 情况说明 is the generated one (no whole
// text given by hand; a blank one does not count).
func IsGenerated(d *forms.Document) bool {
	return strings.TrimSpace(d.Text.Explanation) == ""
}

// Generate is the sectioned 情况说明 (hand-written sections included),
// whatever whole text the document holds.
func Generate(d *forms.Document) string {
	return generate(d, nil)
}

func generate(d *forms.Document, reuse Reuse) string {
	var b strings.Builder
	for i, s := range sections(d, reuse) {
		b.WriteString(forms.ChineseNumber(i+1) + "、" + s.Heading + "\n")
		for _, l := range s.Lines {
			b.WriteString(l + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// Sections lists the 情况说明's sections in order: generated from the
// tables, or the clerk's text for those switched to hand-written. A section
// whose table the template does not have is left out.
func Sections(d *forms.Document) []Section {
	return sections(d, nil)
}

// What each generated section reads (the writer of each, in sections.go):
// a test changes everything else and sees the section stay as it was.
var (
	readsSummary = Reads{Kinds: []forms.Kind{forms.KindSummary}, Inputs: true}
	readsIncome  = Reads{Kinds: []forms.Kind{forms.KindSummary}}
	// 基本支出 and 项目支出 of the section's table; 人员经费 and 公用经费 from
	// the general table or the 基本支出表 (basicSplit)
	readsExpense = Reads{Kinds: []forms.Kind{forms.KindExpense, forms.KindGeneral, forms.KindBasic}}
	readsFiscal  = Reads{Kinds: []forms.Kind{forms.KindFiscal}}
	readsGeneral = Reads{Kinds: []forms.Kind{forms.KindGeneral, forms.KindBasic}, Inputs: true}
	readsBasic   = Reads{Kinds: []forms.Kind{forms.KindBasic, forms.KindGeneral}}
	readsSangong = Reads{Kinds: []forms.Kind{forms.KindSangong}, Inputs: true}
	readsFund    = Reads{Kinds: []forms.Kind{forms.KindFund, forms.KindGeneral, forms.KindBasic}}
	readsSOE     = Reads{Kinds: []forms.Kind{forms.KindSOE, forms.KindGeneral, forms.KindBasic}}
	readsPerf    = Reads{Kinds: []forms.Kind{forms.KindProjects, forms.KindPerfPre}, Perf: true, Inputs: true}
	// 机关运行经费 from the 三公 table, the inputs or 公用经费
	readsOther = Reads{Kinds: []forms.Kind{forms.KindSangong, forms.KindGeneral, forms.KindBasic}, Inputs: true}
)

func sections(d *forms.Document, reuse Reuse) []Section {
	w := newWriter(d)
	var out []Section
	add := func(key, heading string, reads Reads, lines func() []string) {
		s := Section{Key: key, Heading: heading}
		if text, ok := d.Text.Written[key]; ok {
			s.Written = true
			for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
				if l = strings.TrimSpace(l); l != "" {
					s.Lines = append(s.Lines, l)
				}
			}
		} else if reuse != nil {
			s.Lines = reuse(key, reads, lines)
		} else {
			s.Lines = lines()
		}
		out = append(out, s)
	}
	add(SecSummary, "收支预算总体情况", readsSummary, w.summary)
	add(SecIncome, "收入预算情况", readsIncome, w.income)
	add(SecExpense, "支出预算情况", readsExpense, w.expense)
	if d.First(forms.KindFiscal) != nil {
		add(SecFiscal, "财政拨款收支预算情况", readsFiscal, w.fiscal)
	}
	add(SecGeneral, "一般公共预算拨款情况", readsGeneral, w.general)
	add(SecBasic, "一般公共预算基本支出情况", readsBasic, w.basic)
	add(SecSangong, "一般公共预算“三公”经费情况", readsSangong, w.sangong)
	add(SecFund, "政府性基金预算支出情况", readsFund, func() []string { return w.fund(forms.KindFund) })
	if d.First(forms.KindSOE) != nil {
		add(SecSOE, "国有资本经营预算支出情况", readsSOE, func() []string { return w.fund(forms.KindSOE) })
	}
	add(SecPerf, "预算绩效管理情况", readsPerf, w.perf)
	add(SecOther, "其他重要事项的说明", readsOther, w.other)
	return out
}
