package classify

import (
	"strings"
	"testing"
)

func TestNormalizePrintedForms(t *testing.T) {
	for in, want := range map[string]string{
		"2013101":     "2013101",
		"201 31 01":   "2013101",
		"201-31-01":   "2013101",
		"２０１３１０１":     "2013101",
		" 20131 ":     "20131",
		"201\u300031": "20131",
	} {
		got, err := Normalize(in)
		if err != nil || got != want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "  ", "20A31", "一般公共服务", "7x"} {
		if _, err := Normalize(bad); err == nil {
			t.Errorf("Normalize(%q) accepted", bad)
		}
	}
}

func TestFromColumns(t *testing.T) {
	cases := []struct{ lei, kuan, xiang, want string }{
		{"201", "31", "01", "2013101"},
		{"201", "31", "", "20131"},
		{"201", "", "", "201"},
		{"201", "20131", "2013101", "2013101"}, // columns repeating the code so far
		{"２０１", "３１", "０１", "2013101"},
	}
	for _, c := range cases {
		got, err := FromColumns(c.lei, c.kuan, c.xiang)
		if err != nil || got != c.want {
			t.Errorf("FromColumns(%q,%q,%q) = %q, %v; want %q", c.lei, c.kuan, c.xiang, got, err, c.want)
		}
	}
	for _, c := range [][3]string{{"", "31", "01"}, {"201", "3", "01"}, {"20", "31", ""}, {"201", "31", "011"}} {
		if got, err := FromColumns(c[0], c[1], c[2]); err == nil {
			t.Errorf("FromColumns%q accepted as %q", c, got)
		}
	}
}

func TestLevelsAndParents(t *testing.T) {
	for code, want := range map[string]Level{"201": Lei, "20131": Kuan, "2013101": Xiang} {
		if l, err := LevelOf(Functional, code); err != nil || l != want {
			t.Errorf("LevelOf(functional,%s) = %v, %v", code, l, err)
		}
	}
	if _, err := LevelOf(Economic, "3010101"); err == nil {
		t.Error("economic 7-digit code accepted")
	}
	if _, err := LevelOf(Functional, "2013"); err == nil || !strings.Contains(err.Error(), "4 位") {
		t.Errorf("4-digit functional code: %v", err)
	}
	if Parent("2013101") != "20131" || Parent("20131") != "201" || Parent("201") != "" {
		t.Error("Parent chain wrong")
	}
	if !IsAncestor("201", "2013101") || IsAncestor("202", "2013101") || IsAncestor("201", "201") {
		t.Error("IsAncestor wrong")
	}
	if Spaced("2013101") != "201 31 01" || Spaced("20131") != "201 31" || Spaced("201") != "201" {
		t.Error("Spaced wrong")
	}
	if l, k, x := Columns("2013101"); l != "201" || k != "31" || x != "01" {
		t.Errorf("Columns = %s %s %s", l, k, x)
	}
}

func TestShippedListsAreYearVersioned(t *testing.T) {
	if err := ShippedError(); err != nil {
		t.Fatal(err)
	}
	c := NewCatalog(Shipped())
	if n, _ := c.Name(Functional, "210", 2022); n != "卫生健康支出" {
		t.Errorf("210 in 2022 = %q", n)
	}
	if n, _ := c.Name(Functional, "210", 2017); n != "医疗卫生与计划生育支出" {
		t.Errorf("210 in 2017 = %q", n)
	}
	if n, ok := c.Name(Economic, "30217", 2022); !ok || n != "公务接待费" {
		t.Errorf("30217 = %q %v", n, ok)
	}
	if _, ok := c.Name(Functional, "218", 2022); ok {
		t.Error("218 has a name: the list must not invent codes")
	}
	lei := 0
	for _, e := range c.Entries(Functional, 2022) {
		if len(e.Code) == 3 {
			lei++
		}
		if e.Source == "" {
			t.Errorf("%s has no source", e.Code)
		}
	}
	if lei != 24 {
		t.Errorf("2022 has %d 类, want 24", lei)
	}
}

func TestUserListAddsAndOverrides(t *testing.T) {
	csv := "科目编码,科目名称\n2013101,行政运行（本地）\n2120101,行政运行\n30101,基本工资,经济分类\n9,坏编码\n2013,长度不对\n201,\n"
	entries, probs, err := ReadUserCSV(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Fatalf("entries = %+v", entries)
	}
	if len(probs) != 3 || probs[0].Line != 5 || probs[1].Line != 6 || probs[2].Line != 7 {
		t.Fatalf("problems = %+v", probs)
	}
	c := NewCatalog(Shipped())
	c.AddUser(entries)
	if n, _ := c.Name(Functional, "2013101", 2022); n != "行政运行（本地）" {
		t.Errorf("override = %q", n)
	}
	if n, _ := c.Name(Functional, "2120101", 2022); n != "行政运行" {
		t.Errorf("added = %q", n)
	}
	if n, _ := c.Name(Economic, "30101", 2022); n != "基本工资" {
		t.Errorf("economic = %q", n)
	}
	if _, _, err := ReadUserCSV(strings.NewReader("a,\"b\n")); err == nil {
		t.Error("broken CSV accepted")
	}
}

func TestFoldName(t *testing.T) {
	if !SameName("党委办公厅(室)及相关机构事务", "党委办公厅（室）及相关机构事务") {
		t.Error("half/full-width brackets differ")
	}
	if !SameName("行政 运行", "行政运行") {
		t.Error("spaces matter")
	}
	if SameName("其它支出", "其他支出") || SameName("行政运行", "行政运行支出") {
		t.Error("different wording folded together")
	}
}
