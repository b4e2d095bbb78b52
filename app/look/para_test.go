package look_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/uitest"
	"yusuan/forms/linebreak"
)

// Texts of the window's dialogs: marks after figures, quotes, brackets.
var dialogTexts = []string{
	"从上年文件结转：上年的文档、工作簿或公开的 PDF 都可以。沿用单位、模板（读自 PDF 的沿用其表格目录）、部门概况、名词解释、科目行和各类用途，并把上年的收支总预算、“三公”经费、机关运行经费作为本年情况说明的上年数；表格数字从空白开始。",
	"选择本级和各所属单位的文档（.yusuan）或工作簿（.xlsx），须是同一年度、同一模板。汇总时各表逐行相加，每个数记下来自哪些单位；汇总结果在窗口中打开，尚未保存。",
	"收支预算总表：收入合计 6,677.45 ≠ 支出合计 6,308.45，相差 369.00 万元。\n仍要导出吗？",
	"删除后，本文档的第四部分不列任何名词（可用 Ctrl+Z 撤销，或点“恢复默认”用程序自带的名词解释）。",
}

// badLines counts the lines drawn at each width that begin with a closing
// mark or end with an opening one, and checks no text is lost.
func badLines(t *testing.T, label func(string) fyne.CanvasObject) int {
	t.Helper()
	bad := 0
	for _, text := range dialogTexts {
		for width := float32(200); width <= 720; width += 9 {
			o := label(text)
			w := test.NewWindow(o)
			o.Resize(fyne.NewSize(width, o.MinSize().Height))
			lines := uitest.DrawnLines(o)
			// (a space where a line breaks is dropped)
			flat := strings.NewReplacer("\n", "", " ", "")
			if got, want := flat.Replace(strings.Join(lines, "")), flat.Replace(text); got != want {
				t.Fatalf("width %v: the lines read %q, the text is %q", width, got, want)
			}
			for _, line := range lines {
				r := []rune(line)
				if strings.ContainsRune(linebreak.Closers, r[0]) || strings.ContainsRune(linebreak.Openers, r[len(r)-1]) {
					bad++
				}
			}
			w.Close()
		}
	}
	return bad
}

// A wrapped paragraph breaks as Chinese is set at every width; a plain
// wrapped label, on the same texts and widths, does not.
func TestParaBreaksAsChinese(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.NewTheme())
	plain := badLines(t, func(s string) fyne.CanvasObject {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		return l
	})
	if plain == 0 {
		t.Fatal("a plain label breaks these texts well too: the test shows nothing")
	}
	t.Logf("plain label: %d bad lines", plain)
	if bad := badLines(t, func(s string) fyne.CanvasObject { return look.Wrapped(s) }); bad != 0 {
		t.Errorf("%d lines begin with a closing mark or end with an opening one (a plain label: %d)", bad, plain)
	}
}

// SetText fills the new text to the width the paragraph already has.
func TestParaSetTextFills(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.NewTheme())
	p := look.Wrapped("")
	w := test.NewWindow(p)
	defer w.Close()
	p.Resize(fyne.NewSize(260, 40))
	p.SetText(dialogTexts[1])
	if p.Raw() != dialogTexts[1] || !strings.Contains(p.Text, "\n") {
		t.Errorf("raw %q, shown %q", p.Raw(), p.Text)
	}
	if strings.ReplaceAll(p.Text, "\n", "") != dialogTexts[1] {
		t.Errorf("the filled text lost or changed something: %q", p.Text)
	}
}
