package narrative

import (
	"fmt"
	"strings"

	"yusuan/forms"
)

// yearHeadings are the sections whose headings the seed prints with the
// budget year: 一、2022年收支预算总体情况 … 八、2022年政府性基金预算支出情况 (the
// 国有资本经营 section as the 政府性基金 one); not 九、预算绩效管理情况说明 or
// 十、其他重要事项的说明.
var yearHeadings = map[string]bool{
	SecSummary: true, SecIncome: true, SecExpense: true, SecFiscal: true,
	SecGeneral: true, SecBasic: true, SecSangong: true, SecFund: true,
	SecSOE: true,
}

// seedWording is how the seed words the headings it words differently from
// the generated ones: the 三公 section's “三公” are the 一般公共预算拨款's, as the table's
// title has them; the 绩效 section is a 说明.
var seedWording = map[string][2]string{
	SecSangong: {"一般公共预算“三公”经费情况", "一般公共预算拨款“三公”经费情况"},
	SecPerf:    {"预算绩效管理情况", "预算绩效管理情况说明"},
}

// PrintedHeading is a generated section's heading as the seed prints it: in
// the seed's words, with the year where the seed has it. A heading worded
// otherwise is kept, and one that carries the year already gets none.
func PrintedHeading(d *forms.Document, s Section) string {
	h := s.Heading
	if w, ok := seedWording[s.Key]; ok && h == w[0] {
		h = w[1]
	}
	if year := fmt.Sprintf("%d年", d.Meta.Year); yearHeadings[s.Key] && !strings.Contains(h, year) {
		h = year + h
	}
	return h
}
