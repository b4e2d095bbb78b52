package classify

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The shipped lists (assets/classify) parse, every entry names its source,
// every code is well formed for its scheme, and no code has two names in
// the same year.
func TestShippedListsParseAndNameTheirSources(t *testing.T) {
	if err := ShippedError(); err != nil {
		t.Fatal(err)
	}
	all := Shipped()
	per := map[Scheme]int{}
	byCode := map[string][]Entry{}
	for _, e := range all {
		per[e.Scheme]++
		if strings.TrimSpace(e.Source) == "" {
			t.Errorf("%s %s %s has no source", e.Scheme, e.Code, e.Name)
		}
		for _, part := range strings.Split(e.Source, "；") {
			part = strings.TrimSpace(part)
			if part == "" {
				t.Errorf("%s %s: empty source in %q", e.Scheme, e.Code, e.Source)
			}
		}
		if s, ok := SchemeOf(e.Code); !ok || s != e.Scheme {
			t.Errorf("%s %s is listed under %s", e.Code, e.Name, e.Scheme)
		}
		if _, err := LevelOf(e.Scheme, e.Code); err != nil {
			t.Error(err)
		}
		if e.Name == "" || e.Name != strings.TrimSpace(e.Name) {
			t.Errorf("%s %q: bad name", e.Code, e.Name)
		}
		if e.FromYear != 0 && e.ToYear != 0 && e.FromYear > e.ToYear {
			t.Errorf("%s %s: years %d–%d", e.Code, e.Name, e.FromYear, e.ToYear)
		}
		k := key(e.Scheme, e.Code)
		for _, o := range byCode[k] {
			if overlap(o, e) {
				t.Errorf("%s has two names in the same years: %s (%d–%d) and %s (%d–%d)", e.Code, o.Name, o.FromYear, o.ToYear, e.Name, e.FromYear, e.ToYear)
			}
		}
		byCode[k] = append(byCode[k], e)
	}
	for _, s := range Schemes {
		if per[s] == 0 {
			t.Errorf("no %s entries shipped", s)
		}
	}
	// a child's parent is in the list, but for the 政府预算 类 that no
	// source printed with its code (503 机关资本性支出（一）, 504 …（二）)
	noParent := []string{"gov_economic:503", "gov_economic:504"}
	for k, es := range byCode {
		e := es[0]
		p := Parent(e.Code)
		if p == "" {
			continue
		}
		if _, ok := byCode[key(e.Scheme, p)]; !ok && !slices.Contains(noParent, key(e.Scheme, p)) {
			t.Errorf("%s (%s) has no parent %s in the list", k, e.Name, p)
		}
	}
}

func overlap(a, b Entry) bool {
	lo := func(e Entry) int { return e.FromYear }
	hi := func(e Entry) int {
		if e.ToYear == 0 {
			return 9999
		}
		return e.ToYear
	}
	return lo(a) <= hi(b) && lo(b) <= hi(a)
}

// Known codes at each level of each scheme, with the name and year a source
// prints them with (the document named in the comment).
func TestShippedNamesFromTheSources(t *testing.T) {
	c := NewCatalog(Shipped())
	for _, k := range []struct {
		s    Scheme
		code string
		year int
		name string
	}{
		// 2019年江苏省人大常委会办公厅部门预算公开表《一般公共预算支出预算表（功能科目）》第7页
		{Functional, "201", 2019, "一般公共服务支出"},
		{Functional, "20101", 2019, "人大事务"},
		{Functional, "2010107", 2019, "人大代表履职能力提升"},
		// 2019年江苏省高级人民法院部门预算公开: “20405 法院”, “2040504 案件审判”
		{Functional, "20405", 2019, "法院"},
		{Functional, "2040504", 2019, "案件审判"},
		// 2021年西南大学部门预算《西南大学收入预算表》: “2050205 高等教育”
		{Functional, "205", 2021, "教育支出"},
		{Functional, "20502", 2021, "普通教育"},
		{Functional, "2050205", 2021, "高等教育"},
		// 2022年中共吉林市委办公室部门预算《支出总表》: “20131 党委办公厅(室)及相关机构事务”
		{Functional, "20131", 2022, "党委办公厅（室）及相关机构事务"},
		{Functional, "2013101", 2022, "行政运行"},
		// 2023年西南大学部门预算: “229 其他支出”, “22960 彩票公益金安排的支出”
		{Functional, "229", 2023, "其他支出"},
		{Functional, "22960", 2023, "彩票公益金安排的支出"},
		{Functional, "2296004", 2023, "用于教育事业的彩票公益金支出"},
		// 2026年长春市信访局部门预算《支出总表（预算表 3）》第8页: “20140 信访事务”, “2014099 其他信访事务支出”
		{Functional, "20140", 2026, "信访事务"},
		{Functional, "2014099", 2026, "其他信访事务支出"},
		// 2026年广州市气象局部门预算《本年支出总体情况表》: “220 自然资源海洋气象等支出”, “2200504 气象事业机构”
		{Functional, "220", 2026, "自然资源海洋气象等支出"},
		{Functional, "22005", 2026, "气象事务"},
		{Functional, "2200504", 2026, "气象事业机构"},
		// 2026年重庆市气象局部门预算: “21398 超长期特别国债安排的支出”, “2139802 水利支出”
		{Functional, "21398", 2026, "超长期特别国债安排的支出"},
		{Functional, "2139802", 2026, "水利支出"},
		// 2019年江苏省高级人民法院部门预算公开《一般公共预算基本支出预算表（经济科目）》
		{Economic, "301", 2019, "工资福利支出"},
		{Economic, "30101", 2019, "基本工资"},
		// 2026年长春市信访局部门预算《本年一般公共预算基本支出表(预算表 6)》第11页
		{Economic, "30239", 2026, "其他交通费用"},
		{Economic, "30307", 2026, "医疗费补助"},
		// 2026年福州经济技术开发区生态环境局单位预算《2026 年度一般公共预算基本支出经济分类情况表》第16–17页
		{Economic, "310", 2026, "资本性支出"},
		{Economic, "31304", 2026, "对机关事业单位职业年金的补助"},
		{Economic, "39908", 2026, "对民间非营利组织和群众性自治组织补贴"},
		// 2026年烟台市信访局部门预算《一般公共预算基本支出情况表》第15页: “501 机关工资福利支出 / 01 工资奖金津补贴”
		{GovEconomic, "501", 2026, "机关工资福利支出"},
		{GovEconomic, "50101", 2026, "工资奖金津补贴"},
		{GovEconomic, "505", 2026, "对事业单位经常性补助"},
		{GovEconomic, "50905", 2026, "离退休费"},
		// 2026年北京市审计局部门预算报表（附件2）《预算03表 支出总表》第3页: “50303-公务用车购置”
		{GovEconomic, "50303", 2026, "公务用车购置"},
	} {
		n, ok := c.Name(k.s, k.code, k.year)
		if !ok || !SameName(n, k.name) {
			t.Errorf("%s %s in %d = %q, %v; the source prints %q", k.s, k.code, k.year, n, ok, k.name)
		}
		if !c.Sourced(k.s, k.code, k.year) {
			e, _ := c.Lookup(k.s, k.code, k.year)
			t.Errorf("%s %s is not sourced for %d (sources of %v: %s)", k.s, k.code, k.year, e.SourceYears(), e.Source)
		}
	}
	// a name known only from a 2026 list is not sourced for 2019
	if c.Sourced(Economic, "30224", 2019) || !c.Sourced(Economic, "30224", 2026) {
		t.Error("30224 被装购置费 is printed only in 2026")
	}
	// 2019 and 2026 sources: sourced in between too
	if !c.Sourced(Economic, "30101", 2023) {
		t.Error("30101 is printed in 2019 and 2026")
	}
}

// Real defects of published documents are not shipped as names: 长春 2026
// prints 30208 twice (取暖费, and 物业管理费 which is 30209) and 30213 as
// 维护（护）费; 烟台 2026 prints 303 as 对个人和家庭补助.
func TestDefectsInTheSourcesAreNotShipped(t *testing.T) {
	c := NewCatalog(Shipped())
	for _, k := range []struct {
		s          Scheme
		code, want string
	}{
		{Economic, "30208", "取暖费"},
		{Economic, "30209", "物业管理费"},
		{Economic, "30213", "维修（护）费"},
		{Economic, "303", "对个人和家庭的补助"},
	} {
		if n, _ := c.Name(k.s, k.code, 2026); n != k.want {
			t.Errorf("%s = %q, want %q", k.code, n, k.want)
		}
	}
}

// A renamed code gives each year its own name.
func TestRenamedCodesPerYear(t *testing.T) {
	c := NewCatalog(Shipped())
	for _, k := range []struct {
		code string
		year int
		name string
	}{
		{"210", 2017, "医疗卫生与计划生育支出"},
		{"210", 2019, "卫生健康支出"}, // 2019年江苏省人大常委会办公厅部门预算公开表《收支预算总表》“九、卫生健康支出”
		{"210", 2026, "卫生健康支出"},
		{"215", 2019, "资源勘探信息等支出"},    // 2019年江苏省高级人民法院部门预算公开《收支预算总表》“十四、资源勘探信息等支出”
		{"215", 2022, "资源勘探工业信息等支出"},  // 种子《收支总表》“十五、资源勘探工业信息等支出”
		{"215", 2026, "资源勘探工业信息等支出"},  // 2026年苏州市审计局部门预算公开《收支总表》
		{"20805", 2019, "行政事业单位离退休"},  // 2019年江苏省人大常委会办公厅部门预算公开表
		{"20805", 2023, "行政事业单位养老支出"}, // 2023年西南大学部门预算
	} {
		if n, _ := c.Name(Functional, k.code, k.year); n != k.name {
			t.Errorf("%s in %d = %q, want %q", k.code, k.year, n, k.name)
		}
	}
	if e, ok := c.WhenNamed(Functional, "215", "资源勘探信息等支出"); !ok || e.ToYear != 2019 {
		t.Errorf("215's old name: %+v %v", e, ok)
	}
	if h := c.History(Functional, "20805"); len(h) != 2 || h[0].Name != "行政事业单位离退休" {
		t.Errorf("20805 history = %+v", h)
	}
	// the templates' 收支总表 lists every 类 of the year: 24 in every year
	for y := 2019; y <= 2027; y++ {
		n := 0
		for _, e := range c.Entries(Functional, y) {
			if len(e.Code) == 3 {
				n++
			}
		}
		if n != 24 {
			t.Errorf("%d has %d 类", y, n)
		}
	}
}

// TestCounts logs the size of each list per level and year (the README's
// table): `go test -v -run Counts ./forms/classify/`.
func TestCounts(t *testing.T) {
	c := NewCatalog(Shipped())
	levels := map[Scheme][]Level{Functional: {Lei, Kuan, Xiang}, Economic: {Lei, Kuan}, GovEconomic: {Lei, Kuan}}
	for _, s := range Schemes {
		head := fmt.Sprintf("%-12s", s)
		for y := 2019; y <= 2027; y++ {
			head += fmt.Sprintf(" %9d", y)
		}
		t.Log(head + "   (列出/其中当年有出处)")
		for _, l := range levels[s] {
			line := fmt.Sprintf("%-12s", "  "+l.String())
			for y := 2019; y <= 2027; y++ {
				n, sourced := 0, 0
				for _, e := range c.Entries(s, y) {
					if lv, _ := LevelOf(s, e.Code); lv == l {
						n++
						if e.SourcedFor(y) {
							sourced++
						}
					}
				}
				line += fmt.Sprintf(" %4d/%-4d", n, sourced)
			}
			t.Log(line)
		}
	}
	total := map[Scheme]int{}
	for _, e := range Shipped() {
		total[e.Scheme]++
	}
	t.Logf("rows: functional %d, economic %d, gov_economic %d", total[Functional], total[Economic], total[GovEconomic])
}

func TestSourceYears(t *testing.T) {
	e := Entry{Source: "2026年长春市信访局部门预算《支出总表（预算表 3）》第8页；2019年江苏省高级人民法院部门预算公开《收支预算总表》第8页（类名，未印编码）；网页《部门预算支出经济分类科目》；tables.md“Classifications”"}
	if ys := e.SourceYears(); !slices.Equal(ys, []int{2019, 2026}) {
		t.Errorf("SourceYears = %v", ys)
	}
	if !e.SourcedFor(2022) || e.SourcedFor(2018) || e.SourcedFor(2027) {
		t.Error("SourcedFor spans 2019–2026")
	}
	if (Entry{Source: "用户导入"}).SourcedFor(2026) {
		t.Error("no year, no span")
	}
	e.FromYear = 2023
	if e.SourcedFor(2022) {
		t.Error("a name is not sourced for a year it is not valid in")
	}
}

func TestGovEconomicCodes(t *testing.T) {
	if s, ok := SchemeOf("50101"); !ok || s != GovEconomic {
		t.Errorf("SchemeOf(50101) = %v %v", s, ok)
	}
	if _, err := LevelOf(GovEconomic, "5010101"); err == nil {
		t.Error("7-digit 政府预算经济分类 accepted")
	}
	if GovEconomic.Title() != "政府预算支出经济分类" || GovEconomic.MaxLevel() != Kuan {
		t.Error("GovEconomic title/levels")
	}
	entries, probs := ParseUserRows([][]string{{"编码", "名称"}, {"50101", "工资奖金津补贴"}, {"30101", "基本工资", "政府预算经济分类"}})
	if len(entries) != 2 || len(probs) != 0 || entries[0].Scheme != GovEconomic || entries[1].Scheme != GovEconomic {
		t.Errorf("entries %+v problems %+v", entries, probs)
	}
}

func TestPinyinInitials(t *testing.T) {
	for name, want := range map[string]string{
		"一般公共服务支出":  "YBGGFWZC",
		"行政运行":      "XZYX",
		"住房公积金":     "ZFGJJ",
		"因公出国（境）费用": "YGCGJFY",
		"2019年":     "2019N",
	} {
		if got := Initials(name); got != want {
			t.Errorf("Initials(%s) = %s, want %s", name, got, want)
		}
	}
	for _, k := range []struct {
		name, q string
		want    bool
	}{
		{"行政运行", "xzyx", true},
		{"行政运行", "ZYX", true},
		{"银行", "yh", true}, // 行 read háng
		{"行政运行", "xzyxx", false},
		{"行政运行", "行政", false},
		{"一般公共服务支出", "", false},
	} {
		if got := MatchInitials(k.name, k.q); got != k.want {
			t.Errorf("MatchInitials(%s, %q) = %v", k.name, k.q, got)
		}
	}
	c := NewCatalog(Shipped())
	all := c.Entries(Functional, 2026)
	has := func(es []Entry, code string) bool {
		return slices.ContainsFunc(es, func(e Entry) bool { return e.Code == code })
	}
	if got := Filter(all, "xfsw"); !has(got, "20140") { // 信访事务
		t.Errorf("pinyin xfsw: %d found, no 20140", len(got))
	}
	if got := Filter(all, "201 40"); !has(got, "2014001") || has(got, "208") {
		t.Error("code prefix")
	}
	if got := Filter(all, "信访"); !has(got, "2014099") {
		t.Error("name")
	}
	if len(Filter(all, " ")) != len(all) {
		t.Error("empty query keeps all")
	}
}

// Decision 39: a name gives a code only when one entry of that length bears
// it; the renamed 类 is found by its old name in an earlier year.
func TestCodeOfNameWithFullLists(t *testing.T) {
	c := NewCatalog(Shipped())
	if code, ok := c.CodeOfName(Functional, "卫生健康支出", 3, 2026, 10); !ok || code != "210" {
		t.Errorf("卫生健康支出 = %s %v", code, ok)
	}
	if code, ok := c.CodeOfName(Functional, "资源勘探信息等支出", 3, 2026, 10); !ok || code != "215" {
		t.Errorf("资源勘探信息等支出 (2019) = %s %v", code, ok)
	}
	if code, ok := c.CodeOfName(Functional, "行政运行", 7, 2026, 0); ok {
		t.Errorf("行政运行 is the 项 of many 款, got %s", code)
	}
	if code, ok := c.CodeOfName(Functional, "信访事务", 5, 2026, 0); !ok || code != "20140" {
		t.Errorf("信访事务 = %s %v", code, ok)
	}
}
