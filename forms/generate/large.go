// Package generate builds large synthetic documents for benchmarks: a
// consolidated department whose tables agree with each other, so that the
// checks do the full work of a real document. The same seed number always
// gives the same document.
package generate

import (
	"fmt"
	"math/rand/v2"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// Size says how large a document to build.
type Size struct {
	Units    int // 单位 under the 部门
	Lines    int // 功能分类 lines (类 + 款 + 项) in the expense tables
	Projects int // 二级项目, each with a 绩效 form
	L1       int // 一级项目
}

// Large is the benchmark size of design.md: 200 units, 2,000 classification
// lines, 10,000 projects.
var Large = Size{Units: 200, Lines: 2000, Projects: 10000, L1: 500}

// BenchDocument is what the benchmarks measure: the embedded sample, or the
// large document with seed 1.
func BenchDocument(large bool) (*forms.Document, error) {
	if large {
		return Document(Large, 1)
	}
	return forms.Sample()
}

// Document builds a consistent synthetic document of the given size.
func Document(size Size, seed uint64) (*forms.Document, error) {
	if size.Units < 1 || size.Lines < 1 || size.Projects < 0 || size.L1 < 1 || size.L1 > max(size.Projects, 1) {
		return nil, fmt.Errorf("合成文档的规模不合理：%d 个单位、%d 行科目、%d 个项目、%d 个一级项目（单位、科目和一级项目至少 1 个，一级项目不多于项目）",
			size.Units, size.Lines, size.Projects, size.L1)
	}
	g := &gen{rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), size: size}
	return g.build()
}

type gen struct {
	rnd  *rand.Rand
	size Size
	doc  *forms.Document
}

// amount returns a random figure between lo and hi units, to the cent.
func (g *gen) amount(lo, hi int64) money.Amount {
	return money.Amount(lo*100 + g.rnd.Int64N((hi-lo)*100+1))
}

type leaf struct {
	code              string
	personnel, public money.Amount
	project           money.Amount
	unit              int // the unit its basic spending is attributed to
	projects          []int
}

func (g *gen) build() (*forms.Document, error) {
	d, err := forms.NewDocument(forms.Meta{Name: "示例省综合管理厅（合成数据）", Code: "900", Year: 2023, Level: forms.LevelDept, Template: forms.DefaultTemplate,
		Remark: fmt.Sprintf("合成数据，用于性能测试：%d 个单位、%d 行功能分类科目、%d 个项目。", g.size.Units, g.size.Lines, g.size.Projects)})
	if err != nil {
		return nil, err
	}
	g.doc = d
	d.Units = append(d.Units, forms.OrgUnit{Code: "900", Name: d.Meta.Name})
	for u := 1; u <= g.size.Units; u++ {
		d.Units = append(d.Units, forms.OrgUnit{Code: fmt.Sprintf("900%03d", u), Name: fmt.Sprintf("所属单位%03d", u)})
	}
	classes, leaves := g.codes()
	projects := g.projects(leaves)
	if err := g.fillFunctional(classes, leaves); err != nil {
		return nil, err
	}
	if err := g.fillProjects(projects); err != nil {
		return nil, err
	}
	if err := g.fillIncome(leaves, projects); err != nil {
		return nil, err
	}
	if err := g.fillBasic(); err != nil {
		return nil, err
	}
	g.fillForms(projects)
	g.fillText()
	return d, nil
}

// codes makes size.Lines functional lines under the 24 类 of the year:
// synthetic 款 and 项 codes (never shipped as names).
func (g *gen) codes() ([]forms.CodeName, []*leaf) {
	var lei []classify.Entry
	for _, e := range g.doc.Catalog().Entries(classify.Functional, g.doc.Meta.Year) {
		if len(e.Code) == 3 {
			lei = append(lei, e)
		}
	}
	// up to 9 款 per 类, each with at least one 项
	kuanPer := min(9, max(1, (g.size.Lines-len(lei))/(2*len(lei))))
	kuans := len(lei) * kuanPer
	xiang := max(kuans, g.size.Lines-len(lei)-kuans)
	var rows []forms.CodeName
	var leaves []*leaf
	name := func(code, synthetic string) string {
		if n, ok := g.doc.Catalog().Name(classify.Functional, code, g.doc.Meta.Year); ok {
			return n // a synthetic code that happens to be a real one keeps its real name
		}
		return synthetic
	}
	for i, l := range lei {
		rows = append(rows, forms.CodeName{Code: l.Code, Name: l.Name})
		for k := 1; k <= kuanPer; k++ {
			kuan := fmt.Sprintf("%s%02d", l.Code, k)
			rows = append(rows, forms.CodeName{Code: kuan, Name: name(kuan, fmt.Sprintf("%s第%d款（合成）", l.Name, k))})
			n := xiang / kuans
			if (i*kuanPer + k - 1) < xiang%kuans {
				n++
			}
			for x := 1; x <= n; x++ {
				code := fmt.Sprintf("%s%02d", kuan, x)
				rows = append(rows, forms.CodeName{Code: code, Name: name(code, "合成项目科目"+code)})
				leaves = append(leaves, &leaf{code: code, unit: len(leaves) % max(g.size.Units, 1)})
			}
		}
	}
	for _, lf := range leaves {
		lf.personnel = g.amount(0, 800)
		lf.public = g.amount(0, 300)
	}
	return rows, leaves
}

var projectTypes = []string{"专项业务支出", "专业信息系统运行维护", "大型专用设备运行维护", "基本建设"}

type project struct {
	forms.Project
	amount money.Amount
}

func (g *gen) projects(leaves []*leaf) []project {
	ps := make([]project, g.size.Projects)
	for i := range ps {
		lf := leaves[g.rnd.IntN(len(leaves))]
		unit := 1 + g.rnd.IntN(max(g.size.Units, 1))
		ps[i] = project{
			Project: forms.Project{
				Type: projectTypes[g.rnd.IntN(len(projectTypes))],
				L1:   fmt.Sprintf("一级项目%03d", 1+i%max(g.size.L1, 1)),
				L2:   fmt.Sprintf("二级项目%05d", i+1),
				Unit: fmt.Sprintf("所属单位%03d", unit),
				Func: lf.code,
			},
			amount: g.amount(1, 500),
		}
		lf.project += ps[i].amount
		lf.projects = append(lf.projects, i)
	}
	return ps
}

// fillFunctional writes the expense and general tables (all money is
// 一般公共预算, so they agree line by line) and the two-sided tables.
func (g *gen) fillFunctional(rows []forms.CodeName, leaves []*leaf) error {
	d := g.doc
	name := map[string]string{}
	for _, r := range rows {
		name[r.Code] = r.Name
	}
	for _, id := range []forms.Kind{forms.KindExpense, forms.KindGeneral} {
		p := d.First(id).Main()
		if err := p.AddClassRows(rows, nil); err != nil {
			return err
		}
		var cells []forms.GivenCell
		for _, lf := range leaves {
			ri := p.RowIndex(lf.code)
			if id == forms.KindExpense {
				cells = append(cells, forms.GivenCell{Row: ri, Col: p.Col(forms.ColBasic), Value: lf.personnel + lf.public})
			} else {
				cells = append(cells, forms.GivenCell{Row: ri, Col: p.Col(forms.ColPersonnel), Value: lf.personnel},
					forms.GivenCell{Row: ri, Col: p.Col(forms.ColPublic), Value: lf.public})
			}
			cells = append(cells, forms.GivenCell{Row: ri, Col: p.Col(forms.ColProject), Value: lf.project})
		}
		if err := p.GiveAll(cells); err != nil {
			return err
		}
	}
	exp := d.First(forms.KindExpense).Main()
	total, _ := exp.Value(forms.RowKeyTotal, forms.ColTotal)
	for _, k := range []forms.Kind{forms.KindSummary, forms.KindFiscal} {
		t := d.First(k)
		in, out := t.Pane(forms.SideIn), t.Pane(forms.SideOut)
		if err := in.Give(in.RowIndex(forms.LineInGeneral), in.Col(forms.ColAmount), total); err != nil {
			return err
		}
		var lei []forms.CodeName
		for _, r := range rows {
			if len(r.Code) == 3 {
				lei = append(lei, r)
			}
		}
		if err := out.AddClassRows(lei, nil); err != nil {
			return err
		}
		col := out.Col(forms.ColAmount)
		if c := out.Col("general"); c >= 0 {
			col = c
		}
		var cells []forms.GivenCell
		for _, r := range lei {
			v, _ := exp.Value(r.Code, forms.ColTotal)
			cells = append(cells, forms.GivenCell{Row: out.RowIndex(r.Code), Col: col, Value: v})
		}
		if err := out.GiveAll(cells); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) fillProjects(ps []project) error {
	p := g.doc.First(forms.KindProjects).Main()
	attrs := make([]forms.Project, len(ps))
	for i, pr := range ps {
		attrs[i] = pr.Project
	}
	keys, err := p.AddProjects(attrs)
	if err != nil {
		return err
	}
	cells := make([]forms.GivenCell, len(ps))
	col := p.Col("cur_general")
	for i, k := range keys {
		cells[i] = forms.GivenCell{Row: p.RowIndex(k), Col: col, Value: ps[i].amount}
	}
	return p.GiveAll(cells)
}

// fillIncome attributes each line's basic spending and each project to a
// unit, so the units' income adds up to the department's total.
func (g *gen) fillIncome(leaves []*leaf, ps []project) error {
	p := g.doc.First(forms.KindIncome).Main()
	var rows []forms.CodeName
	for _, u := range g.doc.Units {
		rows = append(rows, forms.CodeName{Code: u.Code, Name: u.Name})
	}
	if err := p.AddClassRows(rows, nil); err != nil {
		return err
	}
	per := make([]money.Amount, len(g.doc.Units))
	for _, lf := range leaves {
		per[1+lf.unit] += lf.personnel + lf.public
	}
	for _, pr := range ps {
		var u int
		fmt.Sscanf(pr.Unit, "所属单位%d", &u)
		per[u] += pr.amount
	}
	var cells []forms.GivenCell
	for i, u := range g.doc.Units[1:] {
		cells = append(cells, forms.GivenCell{Row: p.RowIndex(u.Code), Col: p.Col("cur_general"), Value: per[i+1]})
	}
	return p.GiveAll(cells)
}

// fillBasic spreads the basic spending over the known economic codes, 301
// for 人员经费 and 302 for 公用经费, to the cent; 三公 takes the matching items.
func (g *gen) fillBasic() error {
	d := g.doc
	gen := d.First(forms.KindGeneral).Main()
	personnel, _ := gen.Value(forms.RowKeyTotal, forms.ColPersonnel)
	public, _ := gen.Value(forms.RowKeyTotal, forms.ColPublic)
	var pers, pub []forms.CodeName
	for _, e := range d.Catalog().Entries(classify.Economic, d.Meta.Year) {
		switch {
		case len(e.Code) == 5 && e.Code[:3] == "301":
			pers = append(pers, forms.CodeName{Code: e.Code, Name: e.Name})
		case len(e.Code) == 5 && e.Code[:3] == "302":
			pub = append(pub, forms.CodeName{Code: e.Code, Name: e.Name})
		}
	}
	p := d.First(forms.KindBasic).Main()
	nameOf := func(code string) string { n, _ := d.Catalog().Name(classify.Economic, code, d.Meta.Year); return n }
	if err := p.AddClassRows(append(append([]forms.CodeName{}, pers...), pub...), nameOf); err != nil {
		return err
	}
	var cells []forms.GivenCell
	spread := func(lines []forms.CodeName, total money.Amount, col string) {
		left := total
		for i, l := range lines {
			v := left
			if i < len(lines)-1 {
				v = total / money.Amount(len(lines))
			}
			left -= v
			cells = append(cells, forms.GivenCell{Row: p.RowIndex(l.Code), Col: p.Col(col), Value: v})
		}
	}
	spread(pers, personnel, forms.ColPersonnel)
	spread(pub, public, forms.ColPublic)
	if err := p.GiveAll(cells); err != nil {
		return err
	}
	sg := d.First(forms.KindSangong).Main()
	item := func(code string) money.Amount { v, _ := p.Value(code, forms.ColPublic); return v }
	return sg.GiveAll([]forms.GivenCell{
		{Row: sg.RowIndex(forms.LineSangongCurrent), Col: sg.Col("abroad"), Value: item("30212")},
		{Row: sg.RowIndex(forms.LineSangongCurrent), Col: sg.Col("car_run"), Value: item("30231")},
		{Row: sg.RowIndex(forms.LineSangongCurrent), Col: sg.Col("reception"), Value: item("30217")},
	})
}

// fillForms writes a 绩效 form for every 二级 project and one per 一级项目
// adding up its 二级 forms.
func (g *gen) fillForms(ps []project) {
	d := g.doc
	l1Sum := map[string]money.Amount{}
	var l1Order []string
	for _, pr := range ps {
		if _, ok := l1Sum[pr.L1]; !ok {
			l1Order = append(l1Order, pr.L1)
		}
		l1Sum[pr.L1] += pr.amount
	}
	grid := func(amount money.Amount) []forms.Indicator {
		capWan := money.Amount(int64(amount) * int64(60+g.rnd.IntN(40)) / 100)
		return []forms.Indicator{
			{L1: "产出指标", L2: "数量指标", L3: "完成事项次数", Stage: fmt.Sprintf(">=%d次", 1+g.rnd.IntN(5)), Value: fmt.Sprintf(">=%d次", 6+g.rnd.IntN(20))},
			{L1: "产出指标", L2: "质量指标", L3: "验收合格率", Stage: "=100%", Value: "=100%"},
			{L1: "产出指标", L2: "时效指标", L3: "按期完成率", Stage: ">=50%", Value: "=100%"},
			{L1: "产出指标", L2: "成本指标", L3: "项目成本", Stage: "<=" + money.FormatWithUnit(capWan/2, money.WanYuan), Value: "<=" + money.FormatWithUnit(capWan, money.WanYuan)},
			{L1: "效益指标", L2: "社会效益指标", L3: "服务对象覆盖率", Stage: ">=50%", Value: ">=90%"},
			{L1: "满意度指标", L2: "满意度指标", L3: "服务对象满意度", Stage: ">=80%", Value: ">=90%"},
		}
	}
	for _, l1 := range l1Order {
		d.Perf.Projects = append(d.Perf.Projects, forms.ProjectPerf{Name: l1, Level: forms.ProjectLevel1, Dept: "900-" + d.Meta.Name,
			Money: forms.Fund{Fiscal: l1Sum[l1]}, Goal: "完成本一级项目的年度任务。", Indicators: grid(l1Sum[l1])})
	}
	for _, pr := range ps {
		d.Perf.Projects = append(d.Perf.Projects, forms.ProjectPerf{Name: pr.L2, Level: forms.ProjectLevel2, Dept: "900-" + d.Meta.Name,
			Money: forms.Fund{Fiscal: pr.amount}, Goal: "按计划完成项目任务。", Indicators: grid(pr.amount)})
	}
}

func (g *gen) fillText() {
	d := g.doc
	d.Text.Functions = "（一）合成数据：承担本部门法定职责。\n（二）合成数据：指导所属单位业务工作。"
	d.Text.Organization = fmt.Sprintf("本部门内设 2 个机构：办公室、业务处。所属单位 %d 个。", g.size.Units)
	prev := money.Amount(0)
	if t := d.First(forms.KindSummary); t != nil {
		prev, _ = t.Pane(forms.SideIn).Value(forms.LineInTotal, forms.ColAmount)
	}
	prev = prev * 9 / 10
	d.Inputs.PrevTotal = &prev
	d.Inputs.TotalReason = "合成数据：业务量增加"
	d.Inputs.Procurement = &forms.Procurement{Goods: money.FromUnits(100), Services: money.FromUnits(50)}
	d.Inputs.Assets = &forms.AssetInfo{Vehicles: forms.Vehicles{General: 3}}
}
