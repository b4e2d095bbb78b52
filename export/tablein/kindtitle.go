package tablein

import (
	"regexp"
	"strings"

	"yusuan/forms"
)

// titleKinds tell a table's kind from the words its title prints, whatever
// the locality's wording (收支总表, 收支预算总表, 部门收支总体情况表,
// 财务收支预算总表 …): the first entry whose words all stand in the title
// and none of whose exclusions do. More specific entries come first.
var titleKinds = []struct {
	all  []string
	none []string
	kind forms.Kind
}{
	{all: []string{"绩效"}, kind: forms.KindPrinted},
	{all: []string{"三公"}, kind: forms.KindSangong},
	{all: []string{"政府性基金"}, none: []string{"收支"}, kind: forms.KindFund},
	{all: []string{"国有资本经营"}, none: []string{"收支"}, kind: forms.KindSOE},
	{all: []string{"财政拨款", "收支"}, kind: forms.KindFiscal},
	{all: []string{"收支"}, none: []string{"政府性基金", "国有资本"}, kind: forms.KindSummary},
	{all: []string{"收入"}, none: []string{"支出"}, kind: forms.KindIncome},
	{all: []string{"一般公共预算", "基本支出"}, none: []string{"功能"}, kind: forms.KindBasic},
	{all: []string{"一般公共预算", "支出"}, none: []string{"经济", "项目支出", "基本支出", "机关运行"}, kind: forms.KindGeneral},
	{all: []string{"支出", "总"}, none: []string{"财政拨款", "基本支出", "项目支出"}, kind: forms.KindExpense},
	// a 支出预算表 of the whole (西南大学): not of one fund, not by economic class
	{all: []string{"支出预算表"}, none: []string{"财政拨款", "基本支出", "项目支出", "一般公共", "经济", "机关运行", "政府采购", "会议", "培训", "明细", "三公"}, kind: forms.KindExpense},
}

var reTitleNumber = regexp.MustCompile(`^(?:部门)?(?:公开|预算)?\s*(?:表\s*[0-9一二三四五六七八九十]+|[0-9]+\s*表)\s*[：:、]?|[（(]\s*(?:预算)?表\s*[0-9一二三四五六七八九十]+\s*[）)]\s*$`)

// kindOfTitle is the kind a printed title names, or KindPrinted.
func kindOfTitle(title string) forms.Kind {
	t := strings.Join(strings.Fields(title), "")
	t = reTitleNumber.ReplaceAllString(t, "")
	for _, tk := range titleKinds {
		ok := true
		for _, w := range tk.all {
			ok = ok && strings.Contains(t, w)
		}
		for _, w := range tk.none {
			ok = ok && !strings.Contains(t, w)
		}
		if ok {
			return tk.kind
		}
	}
	return forms.KindPrinted
}
