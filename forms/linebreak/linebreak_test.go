package linebreak

import (
	"reflect"
	"strings"
	"testing"
)

// The header breaks the issue saw in the PDF, and labels of the corpus's
// tables: each broken where a reader would.
func TestLinesBreakBetweenWords(t *testing.T) {
	for _, c := range []struct {
		label string
		n     int
		want  []string
	}{
		{"上缴上级支出", 2, []string{"上缴上级", "支出"}},
		{"部门(单位)代码", 2, []string{"部门(单位)", "代码"}},
		{"部门（单位）名称", 2, []string{"部门（单位）", "名称"}},
		{"一般公共预算", 2, []string{"一般公共", "预算"}},
		{"财政拨款专户管理资金", 2, []string{"财政拨款专户", "管理资金"}},
		{"对附属单位补助支出", 2, []string{"对附属单位", "补助支出"}},
		{"国有资本经营预算", 2, []string{"国有资本", "经营预算"}},
		{"因公出国（境）费", 2, []string{"因公", "出国（境）费"}},
		{"小计", 2, []string{"小计"}},
		{"事业单位经营收入", 3, []string{"事业单位", "经营收入"}}, // two lines as narrow as three,
	} {
		if got := Lines(c.label, c.n); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Lines(%q, %d) = %q, want %q", c.label, c.n, got, c.want)
		}
	}
}

func TestFitKeepsWordsAndMarks(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"上缴上级支出", 10, []string{"上缴上级", "支出"}},
		{"部门(单位)代码", 10, []string{"部门(单位)", "代码"}},
		{"其他党委办公厅（室）及相关机构事务支出", 16, []string{"其他党委办公", "厅（室）及相关机", "构事务支出"}},
		{"合计", 10, []string{"合计"}},
	} {
		got := Fit(c.text, c.width)
		if strings.Join(got, "") != c.text {
			t.Errorf("Fit(%q) lost text: %q", c.text, got)
		}
		for _, l := range got[1:] {
			if strings.ContainsAny(l[:3], Closers) {
				t.Errorf("Fit(%q): a line begins with a closing mark: %q", c.text, got)
			}
		}
		if c.want != nil && !reflect.DeepEqual(got, c.want) {
			t.Errorf("Fit(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// Running text filled to a width never puts a closing mark first on a
// line or an opening one last, nor splits a figure.
func TestFillKeepsMarksAndFigures(t *testing.T) {
	text := "支出总表有 1910 个科目不在本程序的 2023 年科目表中（2010103、20102、2010201、2010202、2010203 等）；请核对编码，或从“文件 → 导入科目表…”补全科目表"
	measure := func(s string) float32 { return float32(Width(s)) }
	for width := float32(8); width <= 40; width++ {
		lines := Fill(text, width, measure)
		if strings.Join(lines, "") != text {
			t.Fatalf("width %v lost text: %q", width, lines)
		}
		for i, l := range lines {
			r := []rune(l)
			if i > 0 && strings.ContainsRune(Closers, r[0]) || strings.ContainsRune(Openers, r[len(r)-1]) {
				t.Errorf("width %v: line %q", width, l)
			}
			if i > 0 && isLatin(r[0]) && isLatin([]rune(lines[i-1])[len([]rune(lines[i-1]))-1]) {
				t.Errorf("width %v: a figure split across %q and %q", width, lines[i-1], l)
			}
		}
	}
}

// A label of hundreds of words (one corpus table's header has some 420
// characters) breaks at once, into as many lines as asked at most.
func TestLinesOfALongLabel(t *testing.T) {
	label := strings.Repeat("一般公共预算财政拨款专户管理资金（单位）", 20)
	lines := Lines(label, 12)
	if strings.Join(lines, "") != label || len(lines) > 12 {
		t.Fatalf("%d lines: %q", len(lines), lines)
	}
	widest := 0.0
	for _, l := range lines {
		widest = max(widest, Width(l))
	}
	if widest > Width(label)/12+Width("一般公共预算财政拨款专户管理资金（单位）") {
		t.Errorf("uneven: widest %v of %v", widest, Width(label))
	}
}
