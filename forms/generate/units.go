package generate

import (
	"fmt"

	"yusuan/forms"
)

// Units builds n small 单位 documents of one synthetic 部门 (code 900,
// units 900001 …), each consistent, of different sizes (40 to 199
// classification lines, 50 projects with their 绩效 forms), for the
// consolidation (汇总) benchmarks: 200 units hold 10,000 projects. The same
// seed always gives the same documents.
func Units(n int, seed uint64) ([]*forms.Document, error) {
	out := make([]*forms.Document, 0, n)
	for i := range n {
		d, err := Document(Size{Units: 1, Lines: 40 + (i*37)%160, Projects: 50, L1: 5}, seed+uint64(i))
		if err != nil {
			return nil, err
		}
		d.Meta.Level, d.Meta.Code, d.Meta.Name = forms.LevelUnit, fmt.Sprintf("900%03d", i+1), fmt.Sprintf("所属单位%03d", i+1)
		d.Meta.Remark = ""
		out = append(out, d)
	}
	return out, nil
}
