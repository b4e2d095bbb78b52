package forms

import (
	"fmt"

	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// Document is one department's (or unit's) disclosure for one year: the
// tables, the 绩效 forms, the text parts, the extra inputs of the 情况说明 and
// the clerk's explanations of warnings.
type Document struct {
	Meta         Meta
	Units        []OrgUnit
	Tables       []*Table
	Perf         Perf
	Text         Text
	Inputs       Inputs
	Explanations []Explanation
	// Codes are classification names the user added for this document
	// (an imported list, or codes added by hand); they override the shipped list.
	Codes []classify.Entry
	// Merge is set on a 部门's document consolidated from its units'
	// (汇总): which units, so that every figure can say where it came from.
	Merge *Consolidation

	Template *Template
	catalog  *classify.Catalog
}

// Meta identifies the document.
type Meta struct {
	Name     string `json:"name" bound:"name"` // 单位名称
	Code     string `json:"code" bound:"name"` // 单位代码
	Year     int    `json:"year"`              // 预算年度
	Level    Level  `json:"level"`
	Template string `json:"template"`
	// Sample marks the embedded sample (示例数据): the UI and exports say so.
	Sample bool `json:"sample,omitempty"`
	// Remark is a note about the document as a whole (the sample says how
	// it was reconstructed).
	Remark string `json:"remark,omitempty"`
	// Date is the 编制日期 the cover prints (“2026年1月20日”); none when "",
	// never the day of an export
	Date string `json:"date,omitempty" bound:"name"`
}

// OrgUnit is the 部门 or one of its 单位.
type OrgUnit struct {
	Code string `json:"code" bound:"name"`
	Name string `json:"name" bound:"name"`
}

// Indicator is one line of a 绩效 indicator grid.
type Indicator struct {
	L1       string `json:"l1,omitempty"`       // 一级指标
	L2       string `json:"l2,omitempty"`       // 二级指标
	L3       string `json:"l3,omitempty"`       // 三级指标
	Stage    string `json:"stage,omitempty"`    // 阶段（性）指标值
	Value    string `json:"value,omitempty"`    // 指标值
	Standard string `json:"standard,omitempty"` // 评价标准 (事前评估)
	Score    string `json:"score,omitempty"`    // 指标分值 (事前评估)
}

// Blank reports whether the indicator line holds nothing at all.
func (i Indicator) Blank() bool { return i == Indicator{} }

// Task is a line of the 部门整体 form's task list.
type Task struct {
	Name    string `json:"name" bound:"name"`
	Content string `json:"content"`
}

// DeptPerf is the 部门整体支出绩效目标表.
type DeptPerf struct {
	NameCode   string      `json:"nameCode" bound:"name"` // 部门名称及编码
	Tasks      []Task      `json:"tasks,omitempty"`
	KeyWork    string      `json:"keyWork,omitempty"` // 年度重点工作
	Indicators []Indicator `json:"indicators,omitempty"`
}

// Fund is an amount made of 财政拨款 and 其他资金, with its 总额 computed unless
// a different figure was given.
type Fund struct {
	Total  *money.Amount `json:"total,omitempty"` // nil: 财政拨款 + 其他资金
	Fiscal money.Amount  `json:"fiscal,omitempty"`
	Other  money.Amount  `json:"other,omitempty"`
}

// TotalValue is the 总额 as printed.
func (f Fund) TotalValue() money.Amount {
	if f.Total != nil {
		return *f.Total
	}
	return f.Fiscal + f.Other
}

// Give sets the 总额 from outside: kept only when it differs from the sum.
func (f *Fund) Give(total money.Amount) {
	if total == f.Fiscal+f.Other {
		f.Total = nil
		return
	}
	t := total
	f.Total = &t
}

// ProjectPerf is one 项目支出绩效目标表 (amounts in 万元).
type ProjectPerf struct {
	Name       string      `json:"name" bound:"name"`
	Level      string      `json:"level" bound:"name"`          // 一级项目 / 二级项目
	Dept       string      `json:"dept,omitempty" bound:"name"` // 主管部门及编码
	Money      Fund        `json:"money"`                       // 年度资金总额, 其中：财政拨款, 其他资金
	Goal       string      `json:"goal,omitempty"`              // 年度绩效目标
	Indicators []Indicator `json:"indicators,omitempty"`
	// Unit is the code of the 单位 the form came from, in a consolidated
	// document ("" elsewhere).
	Unit string `json:"unit,omitempty"`
}

// Project levels as forms print them.
const (
	ProjectLevel1 = "一级项目"
	ProjectLevel2 = "二级项目"
)

// PrePerf is one 事前绩效评估项目绩效目标申报表.
type PrePerf struct {
	Name       string      `json:"name" bound:"name"`
	Dept       string      `json:"dept,omitempty" bound:"name"`
	Period     string      `json:"period,omitempty" bound:"name"` // 计划实施期
	Annual     Fund        `json:"annual"`                        // 年度资金
	Whole      Fund        `json:"whole"`                         // 实施期资金
	AnnualGoal string      `json:"annualGoal,omitempty"`
	WholeGoal  string      `json:"wholeGoal,omitempty"`
	AnnualGrid []Indicator `json:"annualGrid,omitempty"`
	WholeGrid  []Indicator `json:"wholeGrid,omitempty"`
	Reporter   string      `json:"reporter,omitempty"` // 填报人
	Phone      string      `json:"phone,omitempty"`    // 联系电话
	Unit       string      `json:"unit,omitempty"`     // the 单位's code, in a consolidated document
}

// Perf holds every 绩效 form of the document.
type Perf struct {
	Dept     *DeptPerf     `json:"dept,omitempty"`
	Pre      []PrePerf     `json:"pre,omitempty"`
	Projects []ProjectPerf `json:"projects,omitempty"`
}

// dropBlankIndicators removes indicator lines that hold nothing: they carry
// no information, and a workbook cannot tell them from the gap between forms.
func (p *Perf) dropBlankIndicators() {
	keep := func(in []Indicator) []Indicator {
		out := in[:0]
		for _, i := range in {
			if !i.Blank() {
				out = append(out, i)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	}
	if p.Dept != nil {
		p.Dept.Indicators = keep(p.Dept.Indicators)
	}
	for i := range p.Pre {
		p.Pre[i].AnnualGrid, p.Pre[i].WholeGrid = keep(p.Pre[i].AnnualGrid), keep(p.Pre[i].WholeGrid)
	}
	for i := range p.Projects {
		p.Projects[i].Indicators = keep(p.Projects[i].Indicators)
	}
}

// ProjectsAt lists the project forms of one level ("" = all).
func (p *Perf) ProjectsAt(level string) []int {
	var out []int
	for i, f := range p.Projects {
		if level == "" || f.Level == level {
			out = append(out, i)
		}
	}
	return out
}

// Term is a 名词解释 entry.
type Term struct {
	Term       string `json:"term" bound:"name"`
	Definition string `json:"definition"`
}

// Text holds the document's text parts.
type Text struct {
	Functions    string `json:"functions,omitempty"`    // 第一部分 一、主要职能
	Organization string `json:"organization,omitempty"` // 第一部分 二、机构设置
	// Explanation is a whole 第三部分 情况说明 given as one text (imported,
	// or pasted from a word processor); "" means the text is generated from
	// the tables, section by section.
	Explanation string `json:"explanation,omitempty"`
	// Written holds the sections of the generated 情况说明 the clerk switched
	// to hand-written, by section key (narrative.SecSummary …): their text
	// no longer follows the tables.
	Written map[string]string `json:"written,omitempty"`
	// Glossary is the 第四部分 名词解释; nil means the default glossary, an
	// empty list a glossary the clerk cleared (so no omitempty: the file
	// must tell them apart).
	Glossary []Term `json:"glossary"`
}

// Sangong is a 三公 breakdown (万元).
type Sangong struct {
	Abroad    money.Amount `json:"abroad"`    // 因公出国（境）费
	CarBuy    money.Amount `json:"carBuy"`    // 公务用车购置费
	CarRun    money.Amount `json:"carRun"`    // 公务用车运行费
	Reception money.Amount `json:"reception"` // 公务接待费
}

// Total is the 三公 total.
func (s Sangong) Total() money.Amount { return s.Abroad + s.CarBuy + s.CarRun + s.Reception }

// Procurement is the 政府采购 budget (万元).
type Procurement struct {
	Total    *money.Amount `json:"total,omitempty"` // nil: 货物 + 工程 + 服务
	Goods    money.Amount  `json:"goods"`
	Works    money.Amount  `json:"works"`
	Services money.Amount  `json:"services"`
}

// TotalValue is the 政府采购 total as stated.
func (p Procurement) TotalValue() money.Amount {
	if p.Total != nil {
		return *p.Total
	}
	return p.Goods + p.Works + p.Services
}

// Vehicles counts vehicles by kind.
type Vehicles struct {
	Leader      int `json:"leader"`      // 领导干部用车
	General     int `json:"general"`     // 一般公务用车
	Enforcement int `json:"enforcement"` // 一般执法执勤用车
	Special     int `json:"special"`     // 特种专业技术用车
	Other       int `json:"other"`       // 其他用车
}

// Total is the number of vehicles.
func (v Vehicles) Total() int { return v.Leader + v.General + v.Enforcement + v.Special + v.Other }

// AssetInfo is the 国有资产占有使用情况 input.
type AssetInfo struct {
	Vehicles      Vehicles `json:"vehicles"`      // at the end of last year
	Equipment     int      `json:"equipment"`     // 单位价值200万元以上大型设备 (套)
	PlanVehicles  int      `json:"planVehicles"`  // 本年拟购置车辆
	PlanEquipment int      `json:"planEquipment"` // 本年拟购置200万元以上设备
}

// PrePerfSummary is the 事前绩效评估 count and amount the text states.
type PrePerfSummary struct {
	Count  int          `json:"count"`
	Amount money.Amount `json:"amount"`
}

// Inputs are the figures and words the 情况说明 needs beyond the tables.
// Amounts are in 万元; nil means not given (the text then shows a gap).
type Inputs struct {
	PrevTotal   *money.Amount `json:"prevTotal,omitempty"`   // 上年收支总预算
	TotalReason string        `json:"totalReason,omitempty"` // 增减原因
	// ClassUses says what each 类 is mainly used for (主要用于…), by 类 code.
	ClassUses       map[string]string `json:"classUses,omitempty"`
	PrevSangong     *Sangong          `json:"prevSangong,omitempty"` // 上年“三公”经费
	SangongReason   string            `json:"sangongReason,omitempty"`
	Operating       *money.Amount     `json:"operating,omitempty"`     // 机关运行经费; nil: 公用经费
	PrevOperating   *money.Amount     `json:"prevOperating,omitempty"` // 上年机关运行经费
	OperatingReason string            `json:"operatingReason,omitempty"`
	Procurement     *Procurement      `json:"procurement,omitempty"`
	Assets          *AssetInfo        `json:"assets,omitempty"`
	PrePerf         *PrePerfSummary   `json:"prePerf,omitempty"`
}

// CellRef names a cell: table id, row (code, or label for rows without a
// code) and column key.
type CellRef struct {
	Table  string `json:"table"`
	Row    string `json:"row"`
	Column string `json:"column"`
}

// Explanation is the clerk's written explanation (出错说明) of a warning. It
// holds the figures it was written for: when they change it no longer applies.
type Explanation struct {
	Rule   string            `json:"rule"`
	Cells  []CellRef         `json:"cells,omitempty"`
	Values map[string]string `json:"values,omitempty"`
	Text   string            `json:"text"`
}

// NewDocument makes an empty document on a template: every table with its
// fixed lines, the 合计 lines and, where the template lists all 类, one line
// per 类 of the year.
func NewDocument(meta Meta) (*Document, error) {
	if meta.Template == "" {
		meta.Template = DefaultTemplate
	}
	if meta.Level == "" {
		meta.Level = LevelDept
	}
	if meta.Level != LevelDept && meta.Level != LevelUnit {
		return nil, fmt.Errorf("级次“%s”应为“%s”或“%s”", meta.Level, LevelDept, LevelUnit)
	}
	tmpl, err := TemplateByID(meta.Template)
	if err != nil {
		return nil, err
	}
	return NewDocumentOn(meta, tmpl)
}

// NewDocumentOn makes an empty document on a given template: a shipped one,
// or a document's own (read from a published document).
func NewDocumentOn(meta Meta, tmpl *Template) (*Document, error) {
	if meta.Level == "" {
		meta.Level = LevelDept
	}
	if meta.Template == "" {
		meta.Template = tmpl.ID
	}
	if meta.Year < 2000 || meta.Year > 2100 {
		return nil, fmt.Errorf("预算年度“%d”不合理", meta.Year)
	}
	d := &Document{Meta: meta, Template: tmpl}
	for _, td := range tmpl.Tables {
		d.Tables = append(d.Tables, d.buildTable(td))
	}
	return d, nil
}

// Catalog is the classification names for this document: the shipped lists
// with the document's own codes on top.
func (d *Document) Catalog() *classify.Catalog {
	if d.catalog == nil {
		d.catalog = classify.NewCatalog(classify.Shipped())
		d.catalog.AddUser(d.Codes)
	}
	return d.catalog
}

// SetCodes replaces the document's own classification names.
func (d *Document) SetCodes(codes []classify.Entry) {
	d.Codes = codes
	d.catalog = nil
}

// Table returns a table by id, or nil.
func (d *Document) Table(id string) *Table {
	for _, t := range d.Tables {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// TablesOf lists the document's tables of one kind, in template order.
func (d *Document) TablesOf(k Kind) []*Table {
	var out []*Table
	for _, t := range d.Tables {
		if t.Kind == k {
			out = append(out, t)
		}
	}
	return out
}

// First returns the first table of a kind, or nil when the template has none.
func (d *Document) First(k Kind) *Table {
	for _, t := range d.Tables {
		if t.Kind == k {
			return t
		}
	}
	return nil
}

// Recompute refreshes every computed cell of every table.
func (d *Document) Recompute() {
	for _, t := range d.Tables {
		for _, p := range t.Panes {
			p.Recompute()
		}
	}
}

// RefreshTitles fills the tables' titles again after the year or the level
// (部门/单位) changed.
func (d *Document) RefreshTitles() {
	for _, t := range d.Tables {
		t.Title = d.Template.Fill(t.Def.Title, d.Meta.Year, d.Meta.Level)
	}
}

// LevelWord is how the template says 部门 or 单位 for this document.
func (d *Document) LevelWord() string {
	return d.Template.Fill("{级次}", d.Meta.Year, d.Meta.Level)
}

// NoteOf is the empty-table note printed for a table: the clerk's, or the
// template's when the table has no figures.
func (d *Document) NoteOf(t *Table) string {
	if t.Note != "" {
		return t.Note
	}
	if d.tableEmpty(t) {
		return d.Template.Fill(t.Def.Note, d.Meta.Year, d.Meta.Level)
	}
	return ""
}

// tableEmpty: a grid with no figures, or a 绩效 table with no forms.
func (d *Document) tableEmpty(t *Table) bool {
	switch t.Kind {
	case KindPerfDept:
		return d.Perf.Dept == nil
	case KindPerfPre:
		return len(d.Perf.Pre) == 0
	case KindPerfProject:
		return len(d.Perf.ProjectsAt(t.Def.ProjectLevel)) == 0
	}
	return t.Empty()
}

func (d *Document) buildTable(td *TableDef) *Table {
	t := &Table{
		ID: td.ID, Kind: td.Kind, Def: td,
		Unit:    d.Template.UnitOf(td),
		Grouped: d.Template.Grouping,
		Title:   d.Template.Fill(td.Title, d.Meta.Year, d.Meta.Level),
	}
	kd := td.Kind.Def()
	switch kd.Layout {
	case LayoutTwoSided:
		for _, side := range []Side{SideIn, SideOut} {
			spec := td.Sides[side]
			p := d.newPane(t, side, spec.Columns)
			p.Title, p.ItemLabel = spec.Title, spec.ItemLabel
			for _, ls := range spec.Lines {
				if ls.Classes != "" {
					p.classFmt = ls.Label
					if ls.Classes == "all" {
						for _, e := range d.Catalog().Entries(kd.Scheme, d.Meta.Year) {
							if len(e.Code) == 3 {
								r := p.newRow(e.Code, RowClass)
								r.Code, r.Name = e.Code, e.Name
								p.Rows = append(p.Rows, r)
							}
						}
					}
					continue
				}
				r := p.newRow(ls.Key, RowLine)
				r.Name = d.Template.Fill(ls.Label, d.Meta.Year, d.Meta.Level)
				r.Align = ls.Align
				p.Rows = append(p.Rows, r)
			}
			t.Panes = append(t.Panes, p)
		}
	case LayoutClass:
		p := d.newPane(t, SideNone, td.Columns)
		r := p.newRow(RowKeyTotal, RowTotal)
		r.Name = td.totalLabel()
		p.Rows = append(p.Rows, r)
		t.Panes = append(t.Panes, p)
	case LayoutFixed:
		p := d.newPane(t, SideNone, td.Columns)
		for _, ls := range td.Lines {
			r := p.newRow(ls.Key, RowLine)
			r.Name = d.Template.Fill(ls.Label, d.Meta.Year, d.Meta.Level)
			p.Rows = append(p.Rows, r)
		}
		t.Panes = append(t.Panes, p)
	case LayoutProjects:
		p := d.newPane(t, SideNone, td.Columns)
		p.regroupProjects()
		t.Panes = append(t.Panes, p)
	}
	for _, p := range t.Panes {
		p.link()
		p.Recompute()
	}
	return t
}

func (d *Document) newPane(t *Table, side Side, specs []ColumnSpec) *Pane {
	kd := t.Kind.Def()
	p := &Pane{Side: side, kind: kd, def: t.Def}
	for _, cs := range specs {
		cd, _ := kd.Column(side, cs.Key)
		p.Columns = append(p.Columns, &Column{
			Key: cs.Key, Label: d.Template.Fill(cs.Label, d.Meta.Year, d.Meta.Level),
			Group: d.Template.Fill(cs.Group, d.Meta.Year, d.Meta.Level), Hidden: cs.Hidden, Text: cd.Text,
		})
	}
	return p
}
