package app

import (
	"fmt"
	"maps"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/check"
)

// Navigation nodes: the cover, the four parts of the disclosure, the two
// texts of part one and every table of the template.
const (
	nodeCover        = "cover"
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
		nodeCover:        "封面／基本信息",
		nodePart1:        "第一部分 部门概况",
		nodeFunctions:    "一、主要职能",
		nodeOrganization: "二、机构设置",
		nodePart2:        "第二部分 预算表格",
		nodeExplanation:  "第三部分 情况说明",
		nodeGlossary:     "第四部分 名词解释",
	}
	// every title carries the year (“2022年收支预算总表”): the navigation
	// leaves it out so that the names fit
	year := regexp.MustCompile(fmt.Sprintf(`%d\s*年度?`, d.Meta.Year))
	for i, t := range d.Tables {
		title := strings.TrimSpace(year.ReplaceAllString(t.Title, ""))
		if title == "" {
			title = t.Title
		}
		label := forms.ChineseNumber(i+1) + "、" + title
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
		"":        {nodeCover, nodePart1, nodePart2, nodeExplanation, nodeGlossary},
		nodePart1: {nodeFunctions, nodeOrganization},
		nodePart2: tables,
	}
}

// nodeOfPart is the navigation node a finding's table or text part opens.
func nodeOfPart(part string) string {
	switch part {
	case check.PartFunctions:
		return nodeFunctions
	case check.PartOrganization:
		return nodeOrganization
	case check.PartExplanation, check.PartInputs:
		return nodeExplanation
	case check.PartGlossary:
		return nodeGlossary
	}
	return tableNode(part)
}

// partOfNode is the text part a node shows ("" for tables and parts).
func partOfNode(node string) string {
	switch node {
	case nodeFunctions:
		return check.PartFunctions
	case nodeOrganization:
		return check.PartOrganization
	case nodeExplanation:
		return check.PartExplanation
	case nodeGlossary:
		return check.PartGlossary
	}
	return ""
}

// navModel is the navigation tree with each node's count of 错误 and 警告.
type navModel struct {
	u        *mainUI
	labels   map[string]string
	children map[string][]string
	counts   map[string][2]int // node → errors, warnings
	t        *widget.Tree
}

func newNavModel(u *mainUI) *navModel {
	d := u.s.Doc()
	m := &navModel{u: u, labels: navLabels(d), children: navChildren(d)}
	m.count()
	return m
}

// count tallies the findings by the node they open.
func (m *navModel) count() {
	m.counts = map[string][2]int{}
	for _, f := range m.u.s.Result().Findings {
		n := nodeOfPart(f.Table)
		c := m.counts[n]
		switch f.Severity {
		case check.Error:
			c[0]++
		case check.Warning:
			if !f.Explained() {
				c[1]++
			}
		}
		m.counts[n] = c
		// parts add up their children
		for parent, kids := range m.children {
			for _, k := range kids {
				if k == n && parent != "" {
					pc := m.counts[parent]
					pc[0], pc[1] = pc[0]+boolInt(f.Severity == check.Error), pc[1]+boolInt(f.Severity == check.Warning && !f.Explained())
					m.counts[parent] = pc
				}
			}
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// badge is a node's counts as the tree shows them: "错2 警1".
func (m *navModel) badge(id string) string {
	c := m.counts[id]
	var parts []string
	if c[0] > 0 {
		parts = append(parts, fmt.Sprintf("错%d", c[0]))
	}
	if c[1] > 0 {
		parts = append(parts, fmt.Sprintf("警%d", c[1]))
	}
	return strings.Join(parts, " ")
}

func (m *navModel) tree() *widget.Tree {
	m.t = widget.NewTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID { return m.children[id] },
		func(id widget.TreeNodeID) bool { _, ok := m.children[id]; return ok },
		func(bool) fyne.CanvasObject {
			l := widget.NewLabel("第二部分 预算表格")
			l.Truncation = fyne.TextTruncateEllipsis
			b := canvas.NewText("", look.ErrorFg)
			b.TextSize = theme.CaptionTextSize()
			return container.NewBorder(nil, nil, nil, container.NewPadded(container.NewCenter(b)), l)
		},
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			l := c.Objects[0].(*widget.Label)
			l.Text = m.labels[id]
			l.TextStyle = fyne.TextStyle{Bold: m.children[id] != nil}
			l.Refresh()
			b := c.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Text)
			b.Text = m.badge(id)
			b.Color = look.ErrorFg
			if m.counts[id][0] == 0 {
				b.Color = look.WarningFg
			}
			b.Refresh()
		},
	)
	m.t.OpenAllBranches()
	m.t.OnSelected = func(id widget.TreeNodeID) { m.u.selectNode(id) }
	return m.t
}

// refresh recounts after a change and redraws the tree.
func (m *navModel) refresh() {
	counts, labels := m.counts, m.labels
	m.count()
	m.labels = navLabels(m.u.s.Doc())
	if maps.Equal(counts, m.counts) && maps.Equal(labels, m.labels) {
		return // most keystrokes change no count: the tree need not redraw
	}
	m.t.Refresh()
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
