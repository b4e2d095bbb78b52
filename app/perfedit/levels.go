package perfedit

import (
	"slices"

	"yusuan/forms"
)

// levelOne is a 一级指标 with the 二级指标 under it, as the 绩效目标申报表
// lists them. Some localities call 效益指标 效果指标 (the Jilin forms do):
// the name a form already uses is offered in its place.
type levelOne struct {
	name    string
	alias   string // another name for the same 一级指标
	levels2 []string
}

// standardLevels are the indicator levels of the 项目支出绩效目标表 (财政部
// 共性指标框架; 成本指标 as 二级 of 产出 in the forms of the sample, and as
// 一级 with its own 二级 in the newer national forms).
var standardLevels = []levelOne{
	{name: "产出指标", levels2: []string{"数量指标", "质量指标", "时效指标", "成本指标"}},
	{name: "效益指标", alias: "效果指标", levels2: []string{"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}},
	{name: "满意度指标", levels2: []string{"服务对象满意度指标", "满意度指标"}},
	{name: "成本指标", levels2: []string{"经济成本指标", "社会成本指标", "生态环境成本指标"}},
}

// skeleton is the grid a new form starts with: one line for each 二级指标
// a form usually fills, 三级 left for the clerk.
func skeleton() []forms.Indicator {
	return []forms.Indicator{
		{L1: "产出指标", L2: "数量指标"},
		{L1: "产出指标", L2: "质量指标"},
		{L1: "产出指标", L2: "时效指标"},
		{L1: "产出指标", L2: "成本指标"},
		{L1: "效益指标", L2: "社会效益指标"},
		{L1: "满意度指标", L2: "服务对象满意度指标"},
	}
}

// levelOneNames are the 一级 choices for a grid: the standard names, 效益指标
// called as the grid calls it, and any other name the grid holds (kept,
// never dropped).
func levelOneNames(grid []forms.Indicator) []string {
	uses := map[string]bool{}
	for _, x := range grid {
		uses[x.L1] = true
	}
	var out []string
	for _, l := range standardLevels {
		name := l.name
		if l.alias != "" && uses[l.alias] && !uses[l.name] {
			name = l.alias
		}
		out = append(out, name)
		if l.alias != "" && uses[l.alias] && uses[l.name] {
			out = append(out, l.alias)
		}
	}
	for _, x := range grid {
		if x.L1 != "" && !slices.Contains(out, x.L1) {
			out = append(out, x.L1)
		}
	}
	return out
}

// levelTwoNames are the 二级 choices under a 一级, with the current one kept
// when it is not standard.
func levelTwoNames(l1, current string) []string {
	var out []string
	for _, l := range standardLevels {
		if l.name == l1 || l.alias == l1 {
			out = slices.Clone(l.levels2)
		}
	}
	if current != "" && !slices.Contains(out, current) {
		out = append(out, current)
	}
	return out
}
