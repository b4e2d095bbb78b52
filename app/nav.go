package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"yusuan/forms"
)

// Navigation nodes: the four parts of the disclosure, the two texts of
// part one and every table of the template.
const (
	nodePart1        = "part1"
	nodePart2        = "part2"
	nodeFunctions    = "functions"
	nodeOrganization = "organization"
	nodeExplanation  = "explanation"
	nodeGlossary     = "glossary"
	tableNodePrefix  = "table:"
)

func tableNode(id string) string { return tableNodePrefix + id }

func tableOfNode(node string) string {
	if id, ok := strings.CutPrefix(node, tableNodePrefix); ok {
		return id
	}
	return ""
}

func firstTableNode(d *forms.Document) string {
	if len(d.Tables) == 0 {
		return nodeFunctions
	}
	return tableNode(d.Tables[0].ID)
}

// navLabels gives every node its label, in the words the document prints.
func navLabels(d *forms.Document) map[string]string {
	labels := map[string]string{
		nodePart1:        "第一部分 部门概况",
		nodeFunctions:    "一、主要职能",
		nodeOrganization: "二、机构设置",
		nodePart2:        "第二部分 预算表格",
		nodeExplanation:  "第三部分 情况说明",
		nodeGlossary:     "第四部分 名词解释",
	}
	for i, t := range d.Tables {
		label := forms.ChineseNumber(i+1) + "、" + t.Title
		if t.Absent {
			label += "（未提供）"
		}
		labels[tableNode(t.ID)] = label
	}
	return labels
}

func navChildren(d *forms.Document) map[string][]string {
	tables := make([]string, len(d.Tables))
	for i, t := range d.Tables {
		tables[i] = tableNode(t.ID)
	}
	return map[string][]string{
		"":        {nodePart1, nodePart2, nodeExplanation, nodeGlossary},
		nodePart1: {nodeFunctions, nodeOrganization},
		nodePart2: tables,
	}
}

func newNavigation(d *forms.Document, onSelect func(string)) *widget.Tree {
	labels, children := navLabels(d), navChildren(d)
	tree := widget.NewTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID { return children[id] },
		func(id widget.TreeNodeID) bool { _, ok := children[id]; return ok },
		func(bool) fyne.CanvasObject { return widget.NewLabel("第二部分 预算表格") },
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(labels[id])
			l.TextStyle = fyne.TextStyle{Bold: children[id] != nil}
			l.Truncation = fyne.TextTruncateEllipsis
			l.Refresh()
		},
	)
	tree.OpenAllBranches()
	tree.OnSelected = func(id widget.TreeNodeID) { onSelect(id) }
	return tree
}

// partView lists what a part holds when the part itself is selected.
func partView(id string) fyne.CanvasObject {
	text := "请在左侧选择要查看的内容。"
	switch id {
	case nodePart1:
		text = "第一部分 部门概况：主要职能和机构设置。请在左侧选择。"
	case nodePart2:
		text = "第二部分 预算表格：模板规定的各张表格。请在左侧选择一张表。"
	}
	return container.NewPadded(widget.NewLabel(text))
}
