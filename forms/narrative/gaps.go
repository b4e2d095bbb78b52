package narrative

import (
	"fmt"
	"regexp"
	"strings"

	"yusuan/forms"
)

var reGap = regexp.MustCompile(regexp.QuoteMeta(GapPrefix) + `([^】]*)】`)

// Gaps lists what the 情况说明 still asks for (its 【请填写：…】), in order.
func Gaps(d *forms.Document) []string {
	text := Text(d)
	if d.Template.Own {
		text = d.Text.Explanation // a published text is printed as it is
	}
	return GapAsks(text)
}

// GapAsks lists what the 【请填写：…】 gaps of a text ask for, in order.
func GapAsks(text string) []string {
	var asks []string
	for _, m := range reGap.FindAllStringSubmatch(text, -1) {
		asks = append(asks, m[1])
	}
	return asks
}

// DescribeGaps says how many gaps there are and what they ask for, the
// same asks counted once (“3 处待补充：该类支出的主要用途（2 处）；上年数”).
func DescribeGaps(asks []string) string {
	count := map[string]int{}
	var order []string
	for _, a := range asks {
		if count[a] == 0 {
			order = append(order, a)
		}
		count[a]++
	}
	var parts []string
	for i, a := range order {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("等 %d 种", len(order)))
			break
		}
		if count[a] > 1 {
			a += fmt.Sprintf("（%d 处）", count[a])
		}
		parts = append(parts, a)
	}
	return fmt.Sprintf("情况说明还有 %d 处待补充：%s", len(asks), strings.Join(parts, "；"))
}
