package forms

// Labels of the 绩效 forms' lines, as the workbook and the PDF print them
// (an import finds the form blocks by them).
const (
	LabelDeptName   = "部门名称及编码"
	LabelTaskName   = "任务名称"
	LabelTaskBody   = "主要内容"
	LabelKeyWork    = "年度重点工作"
	LabelProject    = "项目名称"
	LabelLevel      = "项目级次"
	LabelDept       = "主管部门及编码"
	LabelTotal      = "年度资金总额"
	LabelFiscal     = "其中：财政拨款"
	LabelOther      = "其他资金"
	LabelGoal       = "年度绩效目标"
	LabelPreName    = "政策（项目）名称"
	LabelPeriod     = "计划实施期"
	LabelWholeTotal = "实施期资金总额"
	LabelWholeFisc  = "其中：财政拨款（实施期）"
	LabelWholeOther = "其他资金（实施期）"
	LabelAnnualGoal = "年度目标"
	LabelWholeGoal  = "实施期目标"
	LabelAnnualGrid = "年度绩效指标"
	LabelWholeGrid  = "实施期绩效指标"
	LabelReporter   = "填报人"
	LabelPhone      = "联系电话"
	LabelL1         = "一级指标"
	LabelMoney      = "项目资金（万元）"
	LabelIndicators = "绩效指标"
	LabelGoals      = "绩效目标"
)
