package forms

// IndicatorTable lays out an indicator grid as it prints: the column heads
// and one line per indicator, 一级 and 二级 printed once per group as merged
// cells would show them. Scored grids (事前评估) have 评价标准 and 指标分值.
func IndicatorTable(ind []Indicator, scored bool) (heads []string, rows [][]string) {
	heads = []string{"一级指标", "二级指标", "三级指标", "阶段性指标值", "指标值"}
	if scored {
		heads = []string{"一级指标", "二级指标", "三级指标", "指标值", "评价标准", "指标分值"}
	}
	var prevL1, prevL2 string
	for _, x := range ind {
		l1, l2 := x.L1, x.L2
		if l1 == prevL1 {
			l1 = ""
			if l2 == prevL2 {
				l2 = ""
			}
		}
		prevL1, prevL2 = x.L1, x.L2
		if scored {
			rows = append(rows, []string{l1, l2, x.L3, x.Value, x.Standard, x.Score})
		} else {
			rows = append(rows, []string{l1, l2, x.L3, x.Stage, x.Value})
		}
	}
	return heads, rows
}
