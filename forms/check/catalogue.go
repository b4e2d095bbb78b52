package check

import "yusuan/forms"

// The kinds each group of rules reads.
var (
	kSummary  = []forms.Kind{forms.KindSummary}
	kAllGrids = []forms.Kind{forms.KindSummary, forms.KindIncome, forms.KindExpense, forms.KindFiscal, forms.KindGeneral,
		forms.KindBasic, forms.KindSangong, forms.KindFund, forms.KindSOE, forms.KindProjects}
	// the text rules read every grid the text speaks of
	kText = kAllGrids
	// tables whose lines are classification codes, and those with 类 lines on a side
	kCoded = append(append([]forms.Kind{}, classKinds...), forms.KindSummary, forms.KindFiscal)
)

// catalogue is every rule of spec/checks.md, in the order the findings list.
// IDs are stable: clerks quote them. T7-2 (a zero 三公 item prints 0.00) is a
// property of the exports (decision 8), not a check.
var catalogue = []*Rule{
	{ID: "T1-1", Severity: Error, Title: "收支总表：收入总计等于支出总计", Reads: kSummary, eval: evalT11},
	{ID: "T1-2", Severity: Error, Title: "收支总表：本年收入合计、财政拨款收入、单位资金收入等于所含各项之和", Reads: kSummary, eval: evalT12},
	{ID: "T1-3", Severity: Error, Title: "收支总表：收入总计、支出总计、本年支出合计等于所含各项之和", Reads: kSummary, eval: evalT13},
	{ID: "T2-1", Severity: Error, Title: "收入总表：合计、小计等于各栏之和，合计行等于各行之和", Reads: []forms.Kind{forms.KindIncome}, eval: evalT21},
	{ID: "T3-1", Severity: Error, Title: "支出总表：每行合计等于基本、项目等各栏之和", Reads: []forms.Kind{forms.KindExpense}, eval: evalT31},
	{ID: "H-1", Severity: Error, Title: "科目表：合计行等于各类之和，类等于所属款之和，款等于所属项之和", Reads: classKinds, eval: evalH1},
	{ID: "H-2", Severity: Error, Title: "科目编码：位数正确，下级编码以上级编码开头，每行有编码且不重复", Reads: kCoded, eval: evalH2},
	{ID: "H-3", Severity: Warning, Title: "科目表：明细科目与上级金额相同而同级其他科目也有金额", Reads: classKinds, eval: evalH3},
	{ID: "H-4", Severity: Hint, Title: "科目表：列出了款、项却没有列出其上级科目", Reads: classKinds, eval: evalH4},
	{ID: "T4-1", Severity: Error, Title: "财政拨款收支总表：收支平衡，本年收入、总计、合计等于所含各项之和", Reads: []forms.Kind{forms.KindFiscal}, eval: evalT41},
	{ID: "T5-1", Severity: Error, Title: "一般公共预算（基金、国资）支出表：合计等于基本支出加项目支出，基本支出等于人员经费加公用经费", Reads: []forms.Kind{forms.KindGeneral, forms.KindFund, forms.KindSOE}, eval: evalT51},
	{ID: "T6-1", Severity: Error, Title: "基本支出表：每行合计等于人员经费加公用经费", Reads: []forms.Kind{forms.KindBasic}, eval: evalT61},
	{ID: "T7-1", Severity: Error, Title: "“三公”经费表：合计等于各项之和，公务用车购置及运行费等于购置费加运行费", Reads: []forms.Kind{forms.KindSangong}, eval: evalT71},
	{ID: "T10-1", Severity: Error, Title: "项目支出表：合计、一级项目、类型小计等于所含项目之和，每个项目合计等于各资金来源之和", Reads: []forms.Kind{forms.KindProjects}, eval: evalT101},
	{ID: "P-1", Severity: Error, Title: "绩效表：年度资金总额等于财政拨款加其他资金", Perf: true, eval: evalP1},
	{ID: "P-2", Severity: Warning, Title: "绩效表：指标值有比较符和单位，计数指标不用百分比，阶段性指标值不高于全年指标值", Perf: true, eval: evalP2},
	{ID: "P-3", Severity: Warning, Title: "绩效表：成本指标上限之和及每一项都不超过年度资金总额", Perf: true, eval: evalP3},
	{ID: "P-4", Severity: Warning, Title: "绩效表：每个一级指标至少有一个三级指标，事前评估指标分值合计 100 分", Perf: true, eval: evalP4},
	{ID: "X-1", Severity: Error, Title: "收支总表收入各行等于收入总表合计行各栏", Reads: []forms.Kind{forms.KindSummary, forms.KindIncome}, eval: evalX1},
	{ID: "X-2", Severity: Error, Title: "收支总表各类支出等于支出总表各类合计，本年支出合计等于支出总表合计", Reads: []forms.Kind{forms.KindSummary, forms.KindExpense}, eval: evalX2},
	{ID: "X-3", Severity: Error, Title: "收支总表财政拨款收入、财政拨款结转等于财政拨款收支总表本年收入、上年结转", Reads: []forms.Kind{forms.KindSummary, forms.KindFiscal}, eval: evalX3},
	{ID: "X-4", Severity: Error, Title: "财政拨款收支总表一般公共预算各类支出等于一般公共预算支出表", Reads: []forms.Kind{forms.KindFiscal, forms.KindGeneral, forms.KindFund, forms.KindSOE}, eval: evalX4},
	{ID: "X-5", Severity: Error, Title: "财政拨款收支总表政府性基金、国有资本经营等于基金表、国资表合计", Reads: []forms.Kind{forms.KindFiscal, forms.KindFund, forms.KindSOE}, eval: evalX5},
	{ID: "X-6", Severity: Error, Title: "一般公共预算支出表不超过支出总表，只有一般公共预算拨款时两表一致", Reads: []forms.Kind{forms.KindExpense, forms.KindGeneral, forms.KindSummary, forms.KindIncome}, eval: evalX6},
	{ID: "X-7", Severity: Error, Title: "一般公共预算支出表基本支出、人员经费、公用经费等于基本支出表", Reads: []forms.Kind{forms.KindGeneral, forms.KindBasic}, eval: evalX7},
	{ID: "X-8", Severity: Error, Title: "支出表项目支出等于项目支出表，各项目按功能科目汇总等于项级科目的项目支出", Reads: []forms.Kind{forms.KindExpense, forms.KindGeneral, forms.KindProjects}, eval: evalX8},
	{ID: "X-9", Severity: Error, Title: "基本支出表中的“三公”科目不超过“三公”经费表对应项", Reads: []forms.Kind{forms.KindSangong, forms.KindBasic}, eval: evalX9},
	{ID: "X-10", Severity: Warning, Title: "机关运行经费等于公用经费（部门含事业单位时不超过公用经费）", Reads: []forms.Kind{forms.KindSangong, forms.KindBasic, forms.KindGeneral}, Text: true, Inputs: true, eval: evalX10},
	{ID: "X-11", Severity: Warning, Title: "项目支出表与项目绩效表金额一致，项目都有绩效表，情况说明中的项目个数和金额与表一致", Reads: []forms.Kind{forms.KindProjects}, Perf: true, Text: true, eval: evalX11, explanation: evalX11Text},
	{ID: "X-12", Severity: Error, Title: "政府采购总额等于货物、工程、服务之和", Text: true, Inputs: true, eval: evalX12},
	{ID: "X-13", Severity: Error, Title: "同一科目在各表和文字中名称一致，并且是本年度的科目名称（与有出处的名称不符为错误）；科目表中没有的编码提示最接近的已知科目", Reads: kCoded, Text: true, eval: evalX13},
	{ID: "X-14", Severity: Error, Title: "空表印空表说明且说明的是本表的资金，有数据的表不印空表说明", Reads: kAllGrids, Perf: true, eval: evalX14},
	{ID: "N-1", Severity: Error, Title: "情况说明中的金额等于表中对应的数", Reads: kText, Text: true, Inputs: true, eval: evalN1},
	{ID: "N-2", Severity: Error, Title: "情况说明中的占比按表格数计算正确", Reads: kText, Text: true, eval: evalN2},
	{ID: "N-3", Severity: Error, Title: "情况说明中的同比增减额、增减方向和增长率正确", Reads: kText, Text: true, Inputs: true, eval: evalN3},
	{ID: "N-4", Severity: Warning, Title: "情况说明中的每处增减都说明了原因", Text: true, eval: evalN4},
	{ID: "N-5", Severity: Warning, Title: "情况说明逐项说明“三公”经费，购置费和运行费分开", Text: true, eval: evalN5},
	{ID: "N-6", Severity: Hint, Title: "情况说明中各类支出的用途与科目相符", Reads: []forms.Kind{forms.KindGeneral, forms.KindExpense}, Text: true, eval: evalN6},
	{ID: "N-7", Severity: Warning, Title: "文字部分齐全，无占位文字，年份正确，所称个数与所列一致", Text: true, Perf: true, eval: evalN7},
	{ID: "N-8", Severity: Hint, Title: "不对为零的总数写占比", Reads: kText, Text: true, eval: evalN8},
}
