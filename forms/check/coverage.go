package check

// TextAmount is an amount the 情况说明 states and what the checks do with
// it: compared with a table figure, or not and why.
type TextAmount struct {
	Where    string // 第N段
	Quote    string // the words and the figure, as written
	Compared string // the table figure it is compared with; "" when not
	Why      string // why it is not compared
}

// Reasons an amount of the text is not compared with a table figure.
const (
	WhyPrevYear    = "上年数"
	WhyNoTables    = "文件中没有表格"
	WhyProcurement = "政府采购：表中没有此数，X-12 核对其分项之和"
	WhyOperating   = "机关运行经费：表中没有此数，X-10 与公用经费比较"
	WhySource      = "收入来源（财政拨款收入、财政专户管理资金、其他资金）：表中没有这一行"
	WhyItem        = "所列的款或项在表中找不到"
	WhyClass       = "类名在科目表中找不到"
	WhyNotATable   = "说的不是表中的数（项目、会议费、资产、人数等）"
	WhyNotInScope  = "这一节所说的表中没有这个数"
	WhyNotPrinted  = "所说的表没有公开或没有这一栏"
)

// TextAmounts lists every amount the 情况说明 states with what N-1 does
// with it (the coverage of the text rules, tested on the corpus).
func (c *Checker) TextAmounts() []TextAmount {
	x := c.newCtx()
	var out []TextAmount
	hasTables := false
	for _, t := range x.doc.Tables {
		if !t.Absent && t.Main() != nil && len(t.Main().Rows) > 0 {
			hasTables = true
			break
		}
	}
	for _, st := range x.text().amounts {
		a := TextAmount{Where: st.ref.Row, Quote: st.quote()}
		a.Compared, a.Why = x.comparedWith(st, hasTables)
		out = append(out, a)
	}
	return out
}

// comparedWith mirrors evalN1's choice of the figure an amount speaks of.
func (x *ctx) comparedWith(st *stmtAmount, hasTables bool) (with, why string) {
	switch {
	case st.prevYear:
		return "", WhyPrevYear
	case st.subject == subjOperating:
		if _, ok := x.operatingStated(); ok {
			return "机关运行经费", ""
		}
		return "", WhyOperating
	case st.subject >= subjProcTotal && st.subject <= subjProcServices:
		if x.doc.Inputs.Procurement != nil {
			return "填写的政府采购数", ""
		}
		return "", WhyProcurement
	case !hasTables:
		return "", WhyNoTables
	}
	target, _ := x.targetOf(st)
	if target == nil {
		switch st.subject {
		case subjInSource:
			return "", WhySource
		case subjItem:
			return "", WhyItem
		case subjClass:
			return "", WhyClass
		case subjUnknown:
			return "", WhyNotATable
		}
		return "", WhyNotInScope
	}
	f, _, ok := x.figOf(target)
	if !ok {
		return "", WhyNotPrinted
	}
	return f.label, ""
}
