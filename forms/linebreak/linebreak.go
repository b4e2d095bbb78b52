// Package linebreak finds where a Chinese label may break across lines: at
// word boundaries (上缴/上级/支出, never 上缴上/级支出), keeping a bracketed
// part with the word before it (部门(单位)/代码) and a closing mark with
// what it closes. Column headers of budget tables are made of a small
// vocabulary; words not in it break between characters.
package linebreak

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// words of budget table headers and labels, longest matched first
var lexicon = map[string]bool{}

// longest is the length in runes of the longest word of the lexicon.
var longest int

func init() {
	for _, w := range strings.Fields(`
		一般 公共 预算 政府 政府性 基金 国有 资本 经营 财政 拨款 专户 管理 资金 收入 支出 事业 单位
		附属 上缴 上级 下级 补助 结转 结余 合计 小计 总计 项目 名称 编码 代码 科目 部门 功能 分类
		经济 人员 经费 公用 基本 其他 本年 上年 年初 类型 一级 二级 三级 金额 因公 出国 公务 接待
		用车 购置 运行 维护 费用 机关 社会 保障 保险 就业 卫生 健康 住房 教育 科学 技术 文化 旅游
		体育 传媒 节能 环保 城乡 社区 农林 交通 运输 资源 勘探 工业 信息 商业 服务 金融 援助 地区
		自然 海洋 气象 粮油 物资 储备 灾害 防治 应急 债务 付息 发行 专项 转移 性 对 个人 家庭
		使用 弥补 收支 差额 用事业 提取 调入 调出 结余分配 指标 目标 绩效 年度 中期 实施 期限
		主管 预算数 执行数 决算数 比上年 增减 增长 减少 百分比 备注 说明 序号 行次 栏次`) {
		lexicon[w] = true
		longest = max(longest, utf8.RuneCountInString(w))
	}
}

// Marks a Chinese line neither ends with (Openers) nor begins with
// (Closers).
const (
	Openers = "（(“《「『【"
	Closers = "）)”》」』】，。；、：！？"
)

// Words cuts a label into the pieces a line may break between.
func Words(s string) []string {
	r := []rune(s)
	var out []string
	for i := 0; i < len(r); {
		n := wordAt(r, i)
		out = append(out, string(r[i:i+n]))
		i += n
	}
	return attach(out)
}

// wordAt is the length of the piece starting at i: a bracketed part whole,
// a run of Latin letters and digits, the longest lexicon word, or one
// character.
func wordAt(r []rune, i int) int {
	c := r[i]
	if strings.ContainsRune(Openers, c) {
		for j := i + 1; j < len(r); j++ {
			if strings.ContainsRune(Closers, r[j]) && r[j] != '，' && r[j] != '、' {
				return j + 1 - i
			}
		}
		return 1
	}
	if c < 0x2E80 && (unicode.IsLetter(c) || unicode.IsDigit(c) || c == '.' || c == ',' || c == '%') {
		j := i + 1
		for j < len(r) && r[j] < 0x2E80 && (unicode.IsLetter(r[j]) || unicode.IsDigit(r[j]) || r[j] == '.' || r[j] == ',' || r[j] == '%') {
			j++
		}
		return j - i
	}
	for n := min(longest, len(r)-i); n > 1; n-- {
		if lexicon[string(r[i:i+n])] {
			return n
		}
	}
	return 1
}

// attach keeps closing marks and bracketed parts with the word before them,
// and an opening mark with the word after it.
func attach(words []string) []string {
	var out []string
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if len(out) > 0 && strings.ContainsRune(Closers+"（(", first) {
			out[len(out)-1] += w
			continue
		}
		if len(out) > 0 {
			last, _ := utf8.DecodeLastRuneInString(out[len(out)-1])
			if strings.ContainsRune(Openers, last) {
				out[len(out)-1] += w
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

// Width counts a text as a table prints it: a CJK character (and a
// full-width mark) two, anything else one.
func Width(s string) float64 {
	n := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// Lines breaks a label into at most n lines at word boundaries, as even as
// the words allow (the widest line as narrow as it can be; of equal
// choices, the earlier lines the longer). It costs n × words² steps: a
// label of hundreds of words (a corpus table has one) stays quick.
func Lines(s string, n int) []string {
	words := Words(s)
	if n <= 1 || len(words) <= 1 {
		return []string{s}
	}
	n = min(n, len(words))
	// at[i] is the width of the first i words
	at := make([]float64, len(words)+1)
	for i, w := range words {
		at[i+1] = at[i] + Width(w)
	}
	// best[k][i]: the narrowest widest line of the first i words in k lines
	inf := at[len(words)] + 1
	best := make([][]float64, n+1)
	for k := range best {
		best[k] = make([]float64, len(words)+1)
		for i := range best[k] {
			best[k][i] = inf
		}
	}
	best[0][0] = 0
	for k := 1; k <= n; k++ {
		for i := 1; i <= len(words); i++ {
			for j := k - 1; j < i; j++ {
				if w := max(best[k-1][j], at[i]-at[j]); w < best[k][i] {
					best[k][i] = w
				}
			}
		}
	}
	widest := inf
	for k := 1; k <= n; k++ {
		widest = min(widest, best[k][len(words)])
	}
	// fill each line as far as the narrowest widest line allows: the
	// earlier lines the longer
	var lines []string
	line := ""
	for _, w := range words {
		if line != "" && Width(line+w) > widest {
			lines = append(lines, line)
			line = ""
		}
		line += w
	}
	return append(lines, line)
}

// Fit breaks a text into lines no wider than width at word boundaries; a
// word wider than a line alone is broken between its characters (never
// before a closing mark).
func Fit(s string, width float64) []string {
	var lines []string
	line := ""
	for _, w := range Words(s) {
		if line != "" && Width(line+w) > width {
			lines = append(lines, line)
			line = ""
		}
		for Width(w) > width && line == "" {
			head, rest := cut(w, width)
			if rest == "" {
				break
			}
			lines = append(lines, head)
			w = rest
		}
		line += w
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// cut takes from w as much as fits width, leaving no closing mark to begin
// the rest.
func cut(w string, width float64) (head, rest string) {
	r := []rune(w)
	i, used := 0, 0.0
	for i < len(r) && used+Width(string(r[i])) <= width {
		used += Width(string(r[i]))
		i++
	}
	i = max(i, 1)
	for i > 1 && i < len(r) && strings.ContainsRune(Closers, r[i]) {
		i--
	}
	return string(r[:i]), string(r[i:])
}

// Prose cuts running text into the pieces a line may break between: each
// Chinese character alone (prose breaks anywhere), a figure or a Latin word
// whole, a closing mark with what it closes and an opening mark with what
// it opens.
func Prose(s string) []string {
	r := []rune(s)
	var out []string
	for i := 0; i < len(r); {
		j := i + 1
		if isLatin(r[i]) {
			for j < len(r) && isLatin(r[j]) {
				j++
			}
		}
		out = append(out, string(r[i:j]))
		i = j
	}
	return attach(out)
}

// isLatin: letters, digits and the marks inside a figure (6,677.45 50%).
func isLatin(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',' || r == '%' || r == '-')
}

// Fill breaks running text into lines no wider than width as measured by
// measure, between the pieces of Prose; a piece wider than a line stays
// whole for the caller's own wrapping.
func Fill(s string, width float32, measure func(string) float32) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, p := range Prose(para) {
			if line != "" && measure(line+p) > width {
				lines = append(lines, line)
				line = ""
			}
			line += p
		}
		lines = append(lines, line)
	}
	return lines
}
