package forms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"yusuan/assets"
	"yusuan/forms/money"
)

// Template is a locality's set of tables: which tables, in which order, with
// which titles, columns, labels, lines, units and notes. It is data: nothing
// in the program tests a template's id.
type Template struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	Unit       money.Unit        `json:"unit"`
	CodeStyle  string            `json:"codeStyle"`  // "plain" (2013101) or "spaced" (201 31 01)
	Grouping   bool              `json:"grouping"`   // thousands separators in printed amounts
	LevelWords map[Level]string  `json:"levelWords"` // how {级次} reads for a 部门 and a 单位
	Tables     []*TableDef       `json:"tables"`
	Notes      map[string]string `json:"notes,omitempty"` // free remarks about the template's source
	// Own: the template is the document's own (read from a published
	// document), stored in its file rather than shipped.
	Own bool `json:"-"`
}

// TableDef is one table of a template.
type TableDef struct {
	ID    string     `json:"id"`
	Kind  Kind       `json:"kind"`
	Title string     `json:"title"`          // with {年度} and {级次}
	Unit  money.Unit `json:"unit,omitempty"` // overrides the template's unit
	// Zero is how a zero amount prints: "0.00" or "blank".
	Zero string `json:"zero"`
	// Note is printed under the title when the table has no figures.
	Note string `json:"note"`

	// Class layout.
	Rows        string `json:"rows,omitempty"`        // "classes" (default) or "units"
	Depth       int    `json:"depth,omitempty"`       // deepest level listed (3 = 项, 2 = 款)
	CodeLabel   string `json:"codeLabel,omitempty"`   // header of the code column
	NameLabel   string `json:"nameLabel,omitempty"`   // header of the name column
	CodeColumns int    `json:"codeColumns,omitempty"` // 1, or 3 for 类/款/项 columns
	TotalLabel  string `json:"totalLabel,omitempty"`  // label of the 合计 line

	// Columns of single-pane tables, in printing order.
	Columns []ColumnSpec `json:"columns,omitempty"`
	// Sides of two-sided tables.
	Sides map[Side]*SideSpec `json:"sides,omitempty"`
	// Lines of fixed tables (三公).
	Lines []LineSpec `json:"lines,omitempty"`

	// Projects.
	TypeSubtotals bool `json:"typeSubtotals,omitempty"` // print a subtotal line per 类型

	// 绩效 forms: which project level this table shows ("" = all).
	ProjectLevel string `json:"projectLevel,omitempty"`
}

// ColumnSpec picks a kind's column and labels it. Group is the upper header
// cell spanning consecutive columns with the same group.
type ColumnSpec struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Group  string `json:"group,omitempty"`
	Hidden bool   `json:"hidden,omitempty"` // kept in the document, not printed (项目的功能分类科目)
}

// SideSpec is one side of a two-sided table.
type SideSpec struct {
	Title     string       `json:"title"`     // 收入 / 支出
	ItemLabel string       `json:"itemLabel"` // header of the line label column
	Columns   []ColumnSpec `json:"columns"`
	Lines     []LineSpec   `json:"lines"`
}

// LineSpec picks a kind's fixed line. For the 类 lines, Label is a pattern
// with {序号} (一, 二 …) and {名称}, and Classes says which 类 are listed:
// "all" of the year's list, or "used" (only those the clerk adds).
type LineSpec struct {
	Key     string `json:"key"`
	Label   string `json:"label"`
	Classes string `json:"classes,omitempty"`
	Align   string `json:"align,omitempty"` // lines of both sides with the same Align share a printed line
}

// Level says whether the document is a 部门's (consolidated) or a 单位's.
type Level string

const (
	LevelDept Level = "部门"
	LevelUnit Level = "单位"
)

var (
	templatesOnce sync.Once
	templatesByID map[string]*Template
	templateOrder []string
	templatesErr  error
)

// DefaultTemplate is the template a new document starts from.
const DefaultTemplate = "national"

// Templates lists the shipped templates in a stable order (the default first).
func Templates() ([]*Template, error) {
	loadTemplates()
	if templatesErr != nil {
		return nil, templatesErr
	}
	out := make([]*Template, 0, len(templateOrder))
	for _, id := range templateOrder {
		out = append(out, templatesByID[id])
	}
	return out, nil
}

// TemplateByID returns a shipped template.
func TemplateByID(id string) (*Template, error) {
	loadTemplates()
	if templatesErr != nil {
		return nil, templatesErr
	}
	t, ok := templatesByID[id]
	if !ok {
		ids := slices.Clone(templateOrder)
		return nil, fmt.Errorf("没有名为“%s”的模板（可用：%s）", id, strings.Join(ids, "、"))
	}
	return t, nil
}

func loadTemplates() {
	templatesOnce.Do(func() {
		templatesByID = map[string]*Template{}
		templatesErr = fs.WalkDir(assets.Templates, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || path.Ext(p) != ".json" {
				return err
			}
			data, err := fs.ReadFile(assets.Templates, p)
			if err != nil {
				return err
			}
			t, err := ParseTemplate(data)
			if err != nil {
				return fmt.Errorf("模板 %s：%w", p, err)
			}
			templatesByID[t.ID] = t
			templateOrder = append(templateOrder, t.ID)
			return nil
		})
		slices.SortStableFunc(templateOrder, func(a, b string) int {
			if a == DefaultTemplate {
				return -1
			}
			if b == DefaultTemplate {
				return 1
			}
			return strings.Compare(a, b)
		})
	})
}

// ParseTemplate reads a template and checks it against the kinds, so that a
// template with a typo in a key fails here rather than printing a wrong table.
func ParseTemplate(data []byte) (*Template, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var t Template
	if err := dec.Decode(&t); err != nil {
		return nil, err
	}
	if err := t.validate(); err != nil {
		return nil, err
	}
	return &t, nil
}

func (t *Template) validate() error {
	if t.ID == "" || t.Name == "" {
		return fmt.Errorf("缺少 id 或 name")
	}
	if !t.Unit.Valid() {
		return fmt.Errorf("单位“%s”无效", t.Unit)
	}
	if t.LevelWords[LevelDept] == "" || t.LevelWords[LevelUnit] == "" {
		return fmt.Errorf("levelWords 须给出“部门”和“单位”两种说法")
	}
	seen := map[string]bool{}
	for _, td := range t.Tables {
		if seen[td.ID] {
			return fmt.Errorf("表 id“%s”重复", td.ID)
		}
		seen[td.ID] = true
		if err := td.validate(); err != nil {
			return fmt.Errorf("表“%s”：%w", td.ID, err)
		}
	}
	return nil
}

func (td *TableDef) validate() error {
	def := td.Kind.Def()
	if def == nil {
		return fmt.Errorf("未知的表类型“%s”", td.Kind)
	}
	if td.Unit != "" && !td.Unit.Valid() {
		return fmt.Errorf("单位“%s”无效", td.Unit)
	}
	if td.Zero != "0.00" && td.Zero != "blank" {
		return fmt.Errorf("zero 应为“0.00”或“blank”")
	}
	checkCols := func(side Side, cols []ColumnSpec) error {
		seen := map[string]bool{}
		for _, c := range cols {
			if _, ok := def.Column(side, c.Key); !ok {
				return fmt.Errorf("表类型 %s 没有列“%s”", td.Kind, c.Key)
			}
			if seen[c.Key] {
				return fmt.Errorf("列“%s”重复", c.Key)
			}
			seen[c.Key] = true
		}
		return nil
	}
	checkLines := func(side Side, lines []LineSpec) error {
		for _, l := range lines {
			ld, ok := def.Line(l.Key)
			if !ok || ld.Side != side {
				return fmt.Errorf("表类型 %s 的%s方没有行“%s”", td.Kind, side, l.Key)
			}
			if ld.Classes != (l.Classes != "") {
				return fmt.Errorf("行“%s”的 classes 设置与表类型不符", l.Key)
			}
		}
		return nil
	}
	switch def.Layout {
	case LayoutTwoSided:
		for _, side := range []Side{SideIn, SideOut} {
			s := td.Sides[side]
			if s == nil {
				return fmt.Errorf("缺少 %s 方", side)
			}
			if err := checkCols(side, s.Columns); err != nil {
				return err
			}
			if err := checkLines(side, s.Lines); err != nil {
				return err
			}
		}
	case LayoutPrinted:
		if len(td.Columns) > 0 || len(td.Sides) > 0 {
			return fmt.Errorf("照原样保留的表不定义列")
		}
	case LayoutClass, LayoutFixed, LayoutProjects:
		if len(td.Columns) == 0 {
			return fmt.Errorf("没有列")
		}
		if err := checkCols(SideNone, td.Columns); err != nil {
			return err
		}
		if err := checkLines(SideNone, td.Lines); err != nil {
			return err
		}
		if def.Layout == LayoutClass && td.Rows != "" && td.Rows != "classes" && td.Rows != "units" {
			return fmt.Errorf("rows 应为“classes”或“units”")
		}
	}
	return nil
}

// UnitOf is the unit a table of this template prints in.
func (t *Template) UnitOf(td *TableDef) money.Unit {
	if td.Unit != "" {
		return td.Unit
	}
	return t.Unit
}

// Fill substitutes {年度} and {级次} in a template text.
func (t *Template) Fill(text string, year int, level Level) string {
	word := t.LevelWords[level]
	if word == "" {
		word = string(level)
	}
	if !strings.Contains(text, "{") {
		return text
	}
	return strings.ReplaceAll(strings.ReplaceAll(text, "{年度}", strconv.Itoa(year)), "{级次}", word)
}

// Table returns the template's definition of a table by id.
func (t *Template) Table(id string) *TableDef {
	for _, td := range t.Tables {
		if td.ID == id {
			return td
		}
	}
	return nil
}

// RowsAreUnits reports whether a class table lists 单位 rather than 科目.
func (td *TableDef) RowsAreUnits() bool { return td.Rows == "units" }

// CodeDepth is the deepest classification level the table lists.
func (td *TableDef) CodeDepth() int {
	if td.Depth > 0 {
		return td.Depth
	}
	if def := td.Kind.Def(); def != nil && def.Scheme != "" {
		return int(def.Scheme.MaxLevel())
	}
	return 3
}
