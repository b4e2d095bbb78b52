package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
)

// keyHelp lists the keys of the window and of the table editor, in the
// order a clerk meets them.
var keyHelp = [][2]string{
	{"方向键、Tab / Shift+Tab", "在表格中移动；Shift+方向键扩大选区"},
	{"Enter / Shift+Enter", "确认输入并下移 / 上移一行"},
	{"直接输入", "覆盖当前单元格（数字、负号、千分位逗号均可）"},
	{"F2 或双击", "修改当前单元格的内容"},
	{"Esc", "放弃正在输入的内容，单元格保持原值；在对话框中等于点“取消”或“关闭”"},
	{"Delete / Backspace", "清空选中的单元格（合计、小计除外）"},
	{"Ctrl+C / Ctrl+X / Ctrl+V", "复制、剪切、粘贴；可直接粘贴从 Excel、WPS 复制的整块数字"},
	{"Ctrl+A", "选中整张表"},
	{"Home / End，Ctrl+方向键", "跳到行首、行尾或表的边缘"},
	{"PageUp / PageDown", "翻页"},
	{"滚轮", "上下滚动；情况说明、绩效表、名词解释中指针停在输入框上也滚动整页"},
	{"Shift+滚轮", "左右滚动表格（编码、名称列不动）；鼠标停在显示不全的名称上可看全文"},
	{"拖动列标题间的分隔线", "调整列宽（同一种表下次照此打开）；双击分隔线恢复合适的宽度"},
	{"Alt+↑ / Alt+↓", "项目支出表：把项目上移、下移"},
	{"Ctrl+D", "向下填充：把选区第一行的数复制到下面各行（合计、小计除外）"},
	{"Ctrl+F", "在本表中查找编码、名称或金额（回车找下一个，“在其他表中找”到下一张有它的表，Esc 关闭）"},
	{"Ctrl+-", "删除当前行（行中有金额时先确认）"},
	{"Ctrl+Z / Ctrl+Y", "撤销、重做（填写、粘贴、增删行都可撤销）"},
	{"Ctrl+S / Ctrl+O / Ctrl+N", "保存、打开、新建"},
}

func (u *mainUI) showKeys() {
	g := container.New(layout.NewFormLayout())
	for _, k := range keyHelp {
		g.Add(widget.NewLabelWithStyle(k[0], fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		l := widget.NewLabel(k[1])
		l.Wrapping = fyne.TextWrapWord
		g.Add(l)
	}
	d := dialog.NewCustom("键盘操作", "关闭", container.NewVScroll(g), u.win)
	d.Resize(fyne.NewSize(720, 650))
	look.ShowDialog(d, u.win)
}
