package tablein

import "yusuan/forms"

// How published documents label the kinds' columns and lines beyond the
// shipped templates' wording, gathered from the corpus of real disclosures
// (北京, 上海, 深圳, 广州, 苏州, 杭州, 长春, 西安, 烟台, 长沙, 福州, 重庆,
// 中央部门, 江苏): each entry names a kind's column (or line) and the labels
// that print it, under a group where the label alone is ambiguous. Labels
// are compared folded (no spaces, half-width, no year: "2026年预算数" is
// 预算数), lines without their ordinals ("一、", "1.", "（一）").
type columnAlias struct {
	kind   forms.Kind
	side   forms.Side
	key    string
	group  string
	labels []string
}

type lineAlias2 struct {
	kind   forms.Kind
	side   forms.Side
	key    string
	labels []string
}

// the current year's block of a table that also prints last year's
// carry-over: its 小计 is the table's 合计
var currentGroups = []string{"当年预算", "本年预算", "本年", "当年", "本年收入", "本年支出", "当年财政拨款预算", "本年财政拨款", "年初预算数",
	"支出预算", "收入预算", "一般公共预算支出", "财政拨款支出", "政府性基金预算支出", "国有资本经营预算支出", "一般公共预算基本支出", "预算数", "部门预算", "本年一般公共预算基本支出", "本年财政拨款基本支出"}

func classTotals(k forms.Kind) []columnAlias {
	out := []columnAlias{
		{k, forms.SideNone, forms.ColTotal, "", []string{"合计", "总计", "支出合计", "本年支出合计", "支出总计", "预算数", "小计", "金额", "预算金额"}},
	}
	for _, g := range currentGroups {
		out = append(out, columnAlias{k, forms.SideNone, forms.ColTotal, g, []string{"小计", "合计", "总计"}})
	}
	return out
}

func fundColumns(k forms.Kind) []columnAlias {
	out := classTotals(k)
	out = append(out,
		columnAlias{k, forms.SideNone, forms.ColBasic, "", []string{"基本支出"}},
		columnAlias{k, forms.SideNone, forms.ColBasic, "基本支出", []string{"小计", "合计"}},
		columnAlias{k, forms.SideNone, forms.ColPersonnel, "", []string{"人员经费", "人员支出", "人员经费支出", "人员类"}},
		columnAlias{k, forms.SideNone, forms.ColPublic, "", []string{"公用经费", "日常公用支出", "日常公用经费", "公用支出", "公用经费支出"}},
		columnAlias{k, forms.SideNone, forms.ColProject, "", []string{"项目支出"}},
	)
	return out
}

var publishedColumns = func() []columnAlias {
	var out []columnAlias
	for _, k := range []forms.Kind{forms.KindGeneral, forms.KindFund, forms.KindSOE} {
		out = append(out, fundColumns(k)...)
	}
	out = append(out, classTotals(forms.KindExpense)...)
	out = append(out, classTotals(forms.KindBasic)...)
	// a 基本支出表's own block is its whole: 基本支出／合计 is the table's 合计
	out = append(out, columnAlias{forms.KindBasic, forms.SideNone, forms.ColTotal, "基本支出", []string{"小计", "合计", "总计"}})
	out = append(out, classTotals(forms.KindIncome)...)
	out = append(out,
		columnAlias{forms.KindExpense, "", forms.ColBasic, "", []string{"基本支出"}},
		columnAlias{forms.KindExpense, "", forms.ColProject, "", []string{"项目支出"}},
		columnAlias{forms.KindExpense, "", "operating", "", []string{"事业单位经营支出", "经营支出"}},
		columnAlias{forms.KindExpense, "", "upper", "", []string{"上缴上级支出"}},
		columnAlias{forms.KindExpense, "", "subsidy", "", []string{"对附属单位补助支出", "对下级单位补助支出"}},
		// 收入总表
		columnAlias{forms.KindIncome, "", forms.ColTotal, "", []string{"合计", "总计", "收入总计", "收入合计"}},
		columnAlias{forms.KindIncome, "", "cur_business", "事业收入", []string{"金额", "小计"}},
		columnAlias{forms.KindIncome, "", "cur", "", []string{"本年收入合计", "本年收入小计"}},
		columnAlias{forms.KindIncome, "", "cur_fiscal", "", []string{"财政拨款", "财政拨款收入", "本级财政拨款"}},
		columnAlias{forms.KindIncome, "", "cur_fiscal", "财政拨款", []string{"小计", "合计"}},
		columnAlias{forms.KindIncome, "", "cur_fiscal", "本级财政拨款", []string{"金额", "小计", "合计"}},
		columnAlias{forms.KindIncome, "", "cur_general", "", []string{"一般公共预算拨款", "一般公共预算拨款收入", "一般公共预算资金", "一般公共预算"}},
		columnAlias{forms.KindIncome, "", "cur_fund", "", []string{"政府性基金预算拨款", "政府性基金预算拨款收入", "政府性基金预算资金", "政府性基金预算", "政府性基金"}},
		columnAlias{forms.KindIncome, "", "cur_soe", "", []string{"国有资本经营预算拨款", "国有资本经营预算拨款收入", "国有资本经营预算资金", "国有资本经营预算"}},
		columnAlias{forms.KindIncome, "", "cur_special", "", []string{"财政专户管理资金", "财政专户管理资金收入", "财政拨款专户管理资金", "财政专户拨款收入"}},
		columnAlias{forms.KindIncome, "", "cur_business", "", []string{"事业收入", "事业收入资金"}},
		columnAlias{forms.KindIncome, "", "cur_operating", "", []string{"事业单位经营收入", "经营收入"}},
		columnAlias{forms.KindIncome, "", "cur_upper", "", []string{"上级补助收入"}},
		columnAlias{forms.KindIncome, "", "cur_affiliated", "", []string{"附属单位上缴收入"}},
		columnAlias{forms.KindIncome, "", "cur_other", "", []string{"其他收入", "其它收入"}},
		columnAlias{forms.KindIncome, "", "prev", "", []string{"上年结转", "上年结转结余", "上年结余、结转", "上年结余结转", "使用上年结转", "上年结转和结余"}},
		// 一般公共预算基本支出表 (经济分类)
		columnAlias{forms.KindBasic, "", forms.ColTotal, "", []string{"合计", "总计", "基本支出", "本年一般公共预算基本支出", "一般公共预算基本支出", "预算数", "基本支出预算数"}},
		columnAlias{forms.KindBasic, "", forms.ColPersonnel, "", []string{"人员经费", "人员支出", "人员经费支出", "人员类"}},
		columnAlias{forms.KindBasic, "", forms.ColPublic, "", []string{"公用经费", "日常公用支出", "日常公用经费", "公用经费支出"}},
		// “三公”经费表
		columnAlias{forms.KindSangong, "", forms.ColTotal, "", []string{"合计", "“三公”经费合计", "三公经费合计", "“三公”经费", "“三公”经费预算数", "总计", "“三公”经费财政拨款预算总额", "三公经费财政拨款预算总额"}},
		columnAlias{forms.KindSangong, "", "car", "公务用车购置及运行维护费", []string{"小计", "合计"}},
		columnAlias{forms.KindSangong, "", forms.ColTotal, "“三公”经费预算数", []string{"小计", "合计"}},
		columnAlias{forms.KindSangong, "", forms.ColTotal, "三公经费预(决)算数(财政拨款)", []string{"小计", "合计"}},
		columnAlias{forms.KindSangong, "", forms.ColTotal, "当年", []string{"小计", "合计"}},
		columnAlias{forms.KindSangong, "", forms.ColTotal, "预算数", []string{"小计", "合计"}},
		columnAlias{forms.KindSangong, "", forms.ColTotal, "本年预算数", []string{"小计", "合计"}},
		columnAlias{forms.KindSangong, "", "abroad", "", []string{"因公出国（境）费", "因公出国（境）费用", "因公出国(境)费", "因公出国(境)费用", "因公出国（境）经费", "因公出国(境)经费"}},
		columnAlias{forms.KindSangong, "", "car", "公务用车购置及运行费", []string{"小计", "合计"}},
		columnAlias{forms.KindSangong, "", "car", "", []string{"公务用车购置及运行费", "公务用车购置及运行维护费", "公务用车购置及运行维护经费", "公务用车购置和运行维护费"}},
		columnAlias{forms.KindSangong, "", "car_buy", "", []string{"公务用车购置费", "购置费", "公务用车购置", "公务用车购置经费"}},
		columnAlias{forms.KindSangong, "", "car_run", "", []string{"公务用车运行费", "运行费", "公务用车运行维护费", "运行维护费", "公务用车运行经费", "公务用车运行维护经费"}},
		columnAlias{forms.KindSangong, "", "reception", "", []string{"公务接待费", "公务接待经费"}},
		columnAlias{forms.KindSangong, "", "operating", "", []string{"机关运行经费", "机关运行经费预算数"}},
		// 收支总表, 财政拨款收支总表: the one figure column of each side
		columnAlias{forms.KindSummary, forms.SideIn, forms.ColAmount, "", []string{"预算数", "本年预算", "本年预算数", "预算", "金额", "收入预算"}},
		columnAlias{forms.KindSummary, forms.SideOut, forms.ColAmount, "", []string{"预算数", "本年预算", "本年预算数", "预算", "金额", "支出预算", "合计"}},
		columnAlias{forms.KindFiscal, forms.SideIn, forms.ColAmount, "", []string{"预算数", "本年预算", "本年预算数", "预算", "金额"}},
		columnAlias{forms.KindFiscal, forms.SideOut, forms.ColAmount, "", []string{"合计", "预算数", "本年预算", "本年预算数", "预算", "金额", "小计"}},
		columnAlias{forms.KindFiscal, forms.SideOut, "general", "", []string{"一般公共预算", "一般公共预算拨款", "一般公共预算财政拨款"}},
		columnAlias{forms.KindFiscal, forms.SideOut, "fund", "", []string{"政府性基金预算", "政府性基金预算拨款", "政府性基金"}},
		columnAlias{forms.KindFiscal, forms.SideOut, "soe", "", []string{"国有资本经营预算", "国有资本经营预算拨款", "国有资本经营"}},
	)
	return out
}()

var publishedLines = []lineAlias2{
	// 收支总表, 收入方
	{forms.KindSummary, forms.SideIn, forms.LineInFiscal, []string{"财政拨款", "财政拨款收入", "财政拨款资金", "财政拨款（补助）", "本级财政拨款收入", "本级财政拨款", "预算拨款"}},
	{forms.KindSummary, forms.SideIn, forms.LineInGeneral, []string{"一般公共预算拨款", "一般公共预算拨款收入", "一般公共预算", "一般公共预算资金", "一般公共预算收入"}},
	{forms.KindSummary, forms.SideIn, forms.LineInFund, []string{"政府性基金预算拨款", "政府性基金预算拨款收入", "政府性基金预算", "政府性基金预算资金", "政府性基金"}},
	{forms.KindSummary, forms.SideIn, forms.LineInSOE, []string{"国有资本经营预算拨款", "国有资本经营预算拨款收入", "国有资本经营预算", "国有资本经营预算资金"}},
	{forms.KindSummary, forms.SideIn, "in.special", []string{"财政专户管理资金", "财政专户管理资金收入", "财政拨款专户管理资金收入", "财政专户拨款收入", "财政专户管理资金资金", "财政专户拨款"}},
	{forms.KindSummary, forms.SideIn, "in.unit", []string{"单位资金", "单位资金收入"}},
	{forms.KindSummary, forms.SideIn, "in.business", []string{"事业收入", "事业收入资金"}},
	{forms.KindSummary, forms.SideIn, "in.operating", []string{"事业单位经营收入", "经营收入", "事业单位经营收入资金"}},
	{forms.KindSummary, forms.SideIn, "in.upper", []string{"上级补助收入", "上级补助收入资金"}},
	{forms.KindSummary, forms.SideIn, "in.affiliated", []string{"附属单位上缴收入", "附属单位上缴收入资金"}},
	{forms.KindSummary, forms.SideIn, "in.other", []string{"其他收入", "其他收入资金", "其它收入"}},
	{forms.KindSummary, forms.SideIn, forms.LineInCurrent, []string{"本年收入合计", "本年收入小计"}},
	{forms.KindSummary, forms.SideIn, "in.carry_all", []string{"上年结转结余", "上年结转", "上年结余、结转", "上年结转和结余资金", "上年结余结转"}},
	{forms.KindSummary, forms.SideIn, forms.LineInCarry, []string{"财政拨款结转", "财政拨款结余、结转", "财政拨款结转结余", "上年财政拨款结转"}},
	{forms.KindSummary, forms.SideIn, "in.carry_other", []string{"非财政拨款结余、结转", "其他资金结转结余", "非财政拨款结转结余"}},
	{forms.KindSummary, forms.SideIn, "in.fundgap", []string{"使用非财政拨款结余", "用事业基金弥补收支差额", "使用事业基金弥补收支差额"}},
	{forms.KindSummary, forms.SideIn, forms.LineInTotal, []string{"收入总计", "收入合计", "合计"}},
	// 收支总表, 支出方
	{forms.KindSummary, forms.SideOut, forms.LineOutCurrent, []string{"本年支出合计", "本年支出小计"}},
	{forms.KindSummary, forms.SideOut, forms.LineOutCarry, []string{"结转下年", "结转下年支出", "年终结转结余", "结转下年资金"}},
	{forms.KindSummary, forms.SideOut, forms.LineOutTotal, []string{"支出总计", "支出合计", "合计"}},
	// 财政拨款收支总表
	{forms.KindFiscal, forms.SideIn, forms.LineInCurrent, []string{"本年收入", "本年收入合计", "财政拨款收入"}},
	{forms.KindFiscal, forms.SideIn, forms.LineInGeneral, []string{"一般公共预算拨款", "一般公共预算拨款收入", "一般公共预算", "一般公共预算资金"}},
	{forms.KindFiscal, forms.SideIn, forms.LineInFund, []string{"政府性基金预算拨款", "政府性基金预算拨款收入", "政府性基金预算", "政府性基金预算资金"}},
	{forms.KindFiscal, forms.SideIn, forms.LineInSOE, []string{"国有资本经营预算拨款", "国有资本经营预算拨款收入", "国有资本经营预算", "国有资本经营预算资金"}},
	{forms.KindFiscal, forms.SideIn, forms.LineInCarry, []string{"上年结转", "上年结转结余", "上年结余、结转", "上年财政拨款结转"}},
	{forms.KindFiscal, forms.SideIn, forms.LineInTotal, []string{"收入总计", "收入合计"}},
	{forms.KindFiscal, forms.SideOut, forms.LineOutCurrent, []string{"本年支出", "本年支出合计"}},
	{forms.KindFiscal, forms.SideOut, forms.LineOutCarry, []string{"结转下年", "结转下年支出", "年终结转结余"}},
	{forms.KindFiscal, forms.SideOut, forms.LineOutTotal, []string{"支出总计", "支出合计"}},
}
