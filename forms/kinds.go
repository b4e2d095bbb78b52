package forms

import "yusuan/forms/classify"

// Kind is what a table means, independent of how a locality lays it out.
// Checks, narrative and exports are written against kinds and column keys.
type Kind string

const (
	KindSummary     Kind = "summary"      // 收支（预算）总表
	KindIncome      Kind = "income"       // 收入（预算）总表
	KindExpense     Kind = "expense"      // 支出（预算）总表
	KindFiscal      Kind = "fiscal"       // 财政拨款收支（预算）总表
	KindGeneral     Kind = "general"      // 一般公共预算支出表
	KindBasic       Kind = "basic"        // 一般公共预算基本支出表
	KindSangong     Kind = "sangong"      // 一般公共预算“三公”经费支出表
	KindFund        Kind = "fund"         // 政府性基金预算支出表
	KindSOE         Kind = "soe"          // 国有资本经营预算支出表
	KindProjects    Kind = "projects"     // 项目支出表
	KindPerfDept    Kind = "perf_dept"    // 部门整体支出绩效目标表
	KindPerfPre     Kind = "perf_pre"     // 事前绩效评估项目绩效目标申报表
	KindPerfProject Kind = "perf_project" // 项目支出绩效目标表
	// KindPrinted is a published table of no kind the program knows, kept
	// as printed (see Printed).
	KindPrinted Kind = "printed"
)

// Layout is how a kind's rows are organised.
type Layout string

const (
	LayoutClass    Layout = "class"    // classification (or unit) rows under a 合计 line
	LayoutTwoSided Layout = "twosided" // 收入 and 支出 sides of fixed lines
	LayoutFixed    Layout = "fixed"    // a few fixed lines (三公)
	LayoutProjects Layout = "projects" // project lines grouped with subtotals
	LayoutForm     Layout = "form"     // 绩效 forms, not a grid of amounts
	LayoutPrinted  Layout = "printed"  // kept as a published document printed it
)

// Side names a side of a two-sided table; single-pane tables use SideNone.
type Side string

const (
	SideNone Side = ""
	SideIn   Side = "in"  // 收入
	SideOut  Side = "out" // 支出
)

// ColumnDef is a column a kind may have. Parent is the column it adds up
// into: a present column with present descendants is computed as the sum of
// its nearest present descendants, so a template that omits 小计 columns
// still gets the right 合计.
type ColumnDef struct {
	Key    string
	Label  string // default label
	Parent string
	Text   bool // a text attribute (projects), not an amount
}

// LineDef is a fixed line a kind may have (two-sided and fixed layouts).
// Parent works as for columns: the line adds up into its nearest present
// ancestor. Classes marks the place of the 功能分类 类 lines.
type LineDef struct {
	Key     string
	Label   string
	Side    Side
	Parent  string
	Classes bool // stands for one line per 类, added up into Parent
}

// KindDef describes one kind.
type KindDef struct {
	Kind    Kind
	Title   string
	Layout  Layout
	Scheme  classify.Scheme      // for classification rows
	Columns map[Side][]ColumnDef // amount (and text) columns per side
	Lines   []LineDef            // fixed lines, in kind order
	Fund    string               // the money this table is about, for its empty-table note
}

// Kinds lists every kind the app knows, by key.
var Kinds = map[Kind]*KindDef{}

func init() {
	for _, d := range kindDefs() {
		Kinds[d.Kind] = d
	}
}

// Def returns the kind's definition, or nil for an unknown kind.
func (k Kind) Def() *KindDef { return Kinds[k] }

// Column returns a kind's column definition on a side.
func (d *KindDef) Column(side Side, key string) (ColumnDef, bool) {
	for _, c := range d.Columns[side] {
		if c.Key == key {
			return c, true
		}
	}
	return ColumnDef{}, false
}

// Line returns a kind's fixed line definition.
func (d *KindDef) Line(key string) (LineDef, bool) {
	for _, l := range d.Lines {
		if l.Key == key {
			return l, true
		}
	}
	return LineDef{}, false
}

// Column keys shared by several kinds.
const (
	ColTotal     = "total"     // 合计
	ColAmount    = "amount"    // 预算数 (two-sided tables)
	ColBasic     = "basic"     // 基本支出
	ColPersonnel = "personnel" // 人员经费
	ColPublic    = "public"    // 公用经费
	ColProject   = "project"   // 项目支出
)

// Line keys of the two-sided tables.
const (
	LineInTotal    = "in.total"
	LineInCurrent  = "in.current"
	LineInFiscal   = "in.fiscal"
	LineInGeneral  = "in.general"
	LineInFund     = "in.fund"
	LineInSOE      = "in.soe"
	LineInCarry    = "in.carry"
	LineOutTotal   = "out.total"
	LineOutCurrent = "out.current"
	LineOutCarry   = "out.carry"
	LineOutClasses = "out.classes"
)

// Lines of the 三公 table.
const LineSangongCurrent = "cur"

func kindDefs() []*KindDef {
	fundCols := func() []ColumnDef { // general, fund and soe share their columns
		return []ColumnDef{
			{Key: ColTotal, Label: "合计"},
			{Key: ColBasic, Label: "基本支出", Parent: ColTotal},
			{Key: ColPersonnel, Label: "人员经费", Parent: ColBasic},
			{Key: ColPublic, Label: "公用经费", Parent: ColBasic},
			{Key: ColProject, Label: "项目支出", Parent: ColTotal},
		}
	}
	return []*KindDef{
		{
			Kind: KindSummary, Title: "收支总表", Layout: LayoutTwoSided,
			Columns: map[Side][]ColumnDef{
				SideIn: {{Key: ColAmount, Label: "预算数"}},
				SideOut: {
					{Key: ColAmount, Label: "预算数"},
					{Key: ColBasic, Label: "基本支出", Parent: ColAmount},
					{Key: ColPersonnel, Label: "人员经费", Parent: ColBasic},
					{Key: ColPublic, Label: "公用经费", Parent: ColBasic},
					{Key: ColProject, Label: "项目支出", Parent: ColAmount},
				},
			},
			Lines: []LineDef{
				{Key: LineInFiscal, Label: "一、财政拨款收入", Side: SideIn, Parent: LineInCurrent},
				{Key: LineInGeneral, Label: "一般公共预算拨款收入", Side: SideIn, Parent: LineInFiscal},
				{Key: LineInFund, Label: "政府性基金预算拨款收入", Side: SideIn, Parent: LineInFiscal},
				{Key: LineInSOE, Label: "国有资本经营预算拨款收入", Side: SideIn, Parent: LineInFiscal},
				{Key: "in.special", Label: "二、财政拨款专户管理资金收入", Side: SideIn, Parent: LineInCurrent},
				{Key: "in.unit", Label: "三、单位资金收入", Side: SideIn, Parent: LineInCurrent},
				{Key: "in.business", Label: "事业收入", Side: SideIn, Parent: "in.unit"},
				{Key: "in.operating", Label: "事业单位经营收入", Side: SideIn, Parent: "in.unit"},
				{Key: "in.upper", Label: "上级补助收入", Side: SideIn, Parent: "in.unit"},
				{Key: "in.affiliated", Label: "附属单位上缴收入", Side: SideIn, Parent: "in.unit"},
				{Key: "in.other", Label: "其他收入", Side: SideIn, Parent: "in.unit"},
				{Key: LineInCurrent, Label: "本年收入合计", Side: SideIn, Parent: LineInTotal},
				// 上年结转结余 as one line (published documents print it so, or
				// above its parts); a template without it adds the parts into
				// 收入总计 directly
				{Key: "in.carry_all", Label: "上年结转结余", Side: SideIn, Parent: LineInTotal},
				{Key: LineInCarry, Label: "财政拨款结转", Side: SideIn, Parent: "in.carry_all"},
				{Key: "in.carry_other", Label: "其他收入结转结余", Side: SideIn, Parent: "in.carry_all"},
				{Key: "in.fundgap", Label: "用事业基金弥补收支差额", Side: SideIn, Parent: LineInTotal},
				{Key: LineInTotal, Label: "收入总计", Side: SideIn},
				{Key: LineOutClasses, Side: SideOut, Parent: LineOutCurrent, Classes: true},
				{Key: LineOutCurrent, Label: "本年支出合计", Side: SideOut, Parent: LineOutTotal},
				{Key: LineOutCarry, Label: "结转下年", Side: SideOut, Parent: LineOutTotal},
				{Key: LineOutTotal, Label: "支出总计", Side: SideOut},
			},
			Scheme: classify.Functional,
		},
		{
			Kind: KindIncome, Title: "收入总表", Layout: LayoutClass, Scheme: classify.Functional,
			Columns: map[Side][]ColumnDef{SideNone: {
				{Key: ColTotal, Label: "合计"},
				{Key: "cur", Label: "小计", Parent: ColTotal},
				{Key: "cur_fiscal", Label: "财政拨款收入", Parent: "cur"},
				{Key: "cur_general", Label: "一般公共预算", Parent: "cur_fiscal"},
				{Key: "cur_fund", Label: "政府性基金", Parent: "cur_fiscal"},
				{Key: "cur_soe", Label: "国有资本经营", Parent: "cur_fiscal"},
				{Key: "cur_special", Label: "财政拨款专户", Parent: "cur"},
				{Key: "cur_business", Label: "事业收入", Parent: "cur"},
				{Key: "cur_operating", Label: "事业单位经营收入", Parent: "cur"},
				{Key: "cur_upper", Label: "上级补助收入", Parent: "cur"},
				{Key: "cur_affiliated", Label: "附属单位上缴收入", Parent: "cur"},
				{Key: "cur_other", Label: "其他收入", Parent: "cur"},
				{Key: "prev", Label: "小计", Parent: ColTotal},
				{Key: "prev_general", Label: "一般公共预算", Parent: "prev"},
				{Key: "prev_fund", Label: "政府性基金", Parent: "prev"},
				{Key: "prev_soe", Label: "国有资本经营", Parent: "prev"},
				{Key: "prev_special", Label: "财政拨款专户", Parent: "prev"},
				{Key: "prev_business", Label: "事业收入", Parent: "prev"},
				{Key: "prev_operating", Label: "事业单位经营收入", Parent: "prev"},
				{Key: "prev_other", Label: "其他", Parent: "prev"},
			}},
		},
		{
			Kind: KindExpense, Title: "支出总表", Layout: LayoutClass, Scheme: classify.Functional,
			Columns: map[Side][]ColumnDef{SideNone: {
				{Key: ColTotal, Label: "合计"},
				{Key: ColBasic, Label: "基本支出", Parent: ColTotal},
				{Key: ColProject, Label: "项目支出", Parent: ColTotal},
				{Key: "operating", Label: "事业单位经营支出", Parent: ColTotal},
				{Key: "upper", Label: "上缴上级支出", Parent: ColTotal},
				{Key: "subsidy", Label: "对附属单位补助支出", Parent: ColTotal},
			}},
		},
		{
			Kind: KindFiscal, Title: "财政拨款收支总表", Layout: LayoutTwoSided, Scheme: classify.Functional,
			Columns: map[Side][]ColumnDef{
				SideIn: {{Key: ColAmount, Label: "预算数"}},
				SideOut: {
					{Key: ColAmount, Label: "合计"},
					{Key: "general", Label: "一般公共预算", Parent: ColAmount},
					{Key: "fund", Label: "政府性基金预算", Parent: ColAmount},
					{Key: "soe", Label: "国有资本经营预算", Parent: ColAmount},
				},
			},
			Lines: []LineDef{
				{Key: LineInCurrent, Label: "一、本年收入", Side: SideIn, Parent: LineInTotal},
				{Key: LineInGeneral, Label: "一般公共预算拨款", Side: SideIn, Parent: LineInCurrent},
				{Key: LineInFund, Label: "政府性基金预算拨款", Side: SideIn, Parent: LineInCurrent},
				{Key: LineInSOE, Label: "国有资本经营预算拨款", Side: SideIn, Parent: LineInCurrent},
				{Key: LineInCarry, Label: "二、上年结转", Side: SideIn, Parent: LineInTotal},
				{Key: "in.carry_general", Label: "一般公共预算拨款", Side: SideIn, Parent: LineInCarry},
				{Key: "in.carry_fund", Label: "政府性基金预算拨款", Side: SideIn, Parent: LineInCarry},
				{Key: "in.carry_soe", Label: "国有资本经营预算拨款", Side: SideIn, Parent: LineInCarry},
				{Key: LineInTotal, Label: "收入总计", Side: SideIn},
				{Key: LineOutCurrent, Label: "一、本年支出", Side: SideOut, Parent: LineOutTotal},
				{Key: LineOutClasses, Side: SideOut, Parent: LineOutCurrent, Classes: true},
				{Key: LineOutCarry, Label: "二、结转下年", Side: SideOut, Parent: LineOutTotal},
				{Key: LineOutTotal, Label: "支出总计", Side: SideOut},
			},
		},
		{
			Kind: KindGeneral, Title: "一般公共预算支出表", Layout: LayoutClass, Scheme: classify.Functional,
			Columns: map[Side][]ColumnDef{SideNone: fundCols()}, Fund: "一般公共预算财政拨款",
		},
		{
			Kind: KindBasic, Title: "一般公共预算基本支出表", Layout: LayoutClass, Scheme: classify.Economic,
			Columns: map[Side][]ColumnDef{SideNone: {
				{Key: ColTotal, Label: "合计"},
				{Key: ColPersonnel, Label: "人员经费", Parent: ColTotal},
				{Key: ColPublic, Label: "公用经费", Parent: ColTotal},
			}},
			Fund: "一般公共预算基本支出",
		},
		{
			Kind: KindSangong, Title: "一般公共预算“三公”经费支出表", Layout: LayoutFixed,
			Columns: map[Side][]ColumnDef{SideNone: {
				{Key: ColTotal, Label: "合计"},
				{Key: "abroad", Label: "因公出国（境）费", Parent: ColTotal},
				{Key: "car", Label: "小计", Parent: ColTotal},
				{Key: "car_buy", Label: "公务用车购置费", Parent: "car"},
				{Key: "car_run", Label: "公务用车运行费", Parent: "car"},
				{Key: "reception", Label: "公务接待费", Parent: ColTotal},
				{Key: "operating", Label: "机关运行经费"},
			}},
			Lines: []LineDef{{Key: LineSangongCurrent, Label: "本年预算数"}},
			Fund:  "“三公”经费",
		},
		{
			Kind: KindFund, Title: "政府性基金预算支出表", Layout: LayoutClass, Scheme: classify.Functional,
			Columns: map[Side][]ColumnDef{SideNone: fundCols()}, Fund: "政府性基金预算财政拨款",
		},
		{
			Kind: KindSOE, Title: "国有资本经营预算支出表", Layout: LayoutClass, Scheme: classify.Functional,
			Columns: map[Side][]ColumnDef{SideNone: fundCols()}, Fund: "国有资本经营预算财政拨款",
		},
		{
			Kind: KindProjects, Title: "项目支出表", Layout: LayoutProjects, Scheme: classify.Functional,
			Columns: map[Side][]ColumnDef{SideNone: {
				{Key: AttrType, Label: "类型", Text: true},
				{Key: AttrL1, Label: "一级项目", Text: true},
				{Key: AttrL2, Label: "二级项目", Text: true},
				{Key: AttrUnit, Label: "项目单位", Text: true},
				{Key: AttrFunc, Label: "功能分类科目", Text: true},
				{Key: ColTotal, Label: "合计"},
				{Key: "cur", Label: "本年财政拨款", Parent: ColTotal},
				{Key: "cur_general", Label: "一般公共预算", Parent: "cur"},
				{Key: "cur_fund", Label: "政府性基金预算", Parent: "cur"},
				{Key: "cur_soe", Label: "国有资本经营预算", Parent: "cur"},
				{Key: "carry", Label: "财政拨款结转", Parent: ColTotal},
				{Key: "carry_general", Label: "一般公共预算", Parent: "carry"},
				{Key: "carry_fund", Label: "政府性基金预算", Parent: "carry"},
				{Key: "carry_soe", Label: "国有资本经营预算", Parent: "carry"},
				{Key: "carry_special", Label: "财政专户管理资金", Parent: "carry"},
				{Key: "own", Label: "单位资金", Parent: ColTotal},
			}},
			Fund: "项目支出",
		},
		{Kind: KindPerfDept, Title: "部门整体支出绩效目标表", Layout: LayoutForm, Fund: "部门整体支出绩效目标"},
		{Kind: KindPerfPre, Title: "事前绩效评估项目绩效目标申报表", Layout: LayoutForm, Fund: "事前绩效评估项目"},
		{Kind: KindPerfProject, Title: "项目支出绩效目标表", Layout: LayoutForm, Fund: "项目支出绩效目标"},
		{Kind: KindPrinted, Title: "其他公开表格", Layout: LayoutPrinted},
	}
}

// Text attributes of a project line.
const (
	AttrType = "type" // 类型
	AttrL1   = "l1"   // 一级项目
	AttrL2   = "l2"   // 二级项目
	AttrUnit = "unit" // 项目单位
	AttrFunc = "func" // 功能分类科目 the line is budgeted under
)
