package xlsx

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/forms/classify"
)

func TestReadClassificationList(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{{"科目编码", "科目名称"}, {"2013101", "行政运行"}, {"201 31 02", "一般行政管理事务"}, {2120101, "行政运行"}, {"30101", "基本工资"}, {"12", "坏编码"}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	path := filepath.Join(t.TempDir(), "科目表.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	entries, probs, err := ReadClassificationList(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 4 || entries[1].Code != "2013102" || entries[2].Code != "2120101" || entries[3].Scheme != classify.Economic {
		t.Errorf("entries %+v", entries)
	}
	if len(probs) != 1 || probs[0].Line != 6 {
		t.Errorf("problems %+v", probs)
	}
}

func TestBrokenWorkbooksGiveChineseErrors(t *testing.T) {
	dir := t.TempDir()
	notXlsx := filepath.Join(dir, "a.xlsx")
	os.WriteFile(notXlsx, []byte("这不是工作簿"), 0o644)
	truncated := filepath.Join(dir, "b.xlsx")
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "2013101")
	good := filepath.Join(dir, "good.xlsx")
	f.SaveAs(good)
	data, _ := os.ReadFile(good)
	os.WriteFile(truncated, data[:len(data)/2], 0o644)
	for _, p := range []string{notXlsx, truncated, filepath.Join(dir, "none.xlsx")} {
		_, _, err := ReadClassificationList(p)
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// ReadCodeList takes a CSV as well as a workbook; a missing file is said
// in Chinese.
func TestReadCodeListCSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "科目表.csv")
	if err := os.WriteFile(path, []byte("编码,名称\n2014006,信访专项事务\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	entries, probs, err := ReadCodeList(path)
	if err != nil || len(probs) != 0 || len(entries) != 1 || entries[0].Code != "2014006" {
		t.Errorf("%v %v %v", entries, probs, err)
	}
	if _, _, err := ReadCodeList(filepath.Join(t.TempDir(), "没有.csv")); err == nil || !strings.Contains(err.Error(), "无法读取") {
		t.Errorf("a missing file: %v", err)
	}
}
