package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"yusuan/app/look"
	"yusuan/export/xlsx"
)

// askImportCodes: 文件 → 导入科目表… reads a list of codes and names (a
// CSV or the first sheet of a workbook: 编码, 名称[, 科目表]) into the
// document, so that the picker finds them, names are filled and X-13
// checks them. Undo takes the import back.
func (u *mainUI) askImportCodes() {
	if u.s == nil {
		return
	}
	u.pickFile("导入科目表", []string{".csv", ".xlsx"}, nil, u.importCodes)
}

func (u *mainUI) importCodes(path string) {
	entries, probs, err := xlsx.ReadCodeList(path)
	if err != nil {
		look.ShowError(err, u.win)
		return
	}
	u.commit()
	added, renamed := u.s.AddCodes(entries)
	msg := fmt.Sprintf("从“%s”读到 %d 个科目：新增 %d 个，改名 %d 个，其余与文档中已有的相同。", filepath.Base(path), len(entries), added, renamed)
	if len(entries) == 0 {
		msg = fmt.Sprintf("“%s”中没有可用的科目（每行应为：编码，名称，可加第三栏“功能分类”或“经济分类”）。", filepath.Base(path))
	}
	if len(probs) > 0 {
		lines := make([]string, 0, min(len(probs), 10))
		for _, p := range probs[:min(len(probs), 10)] {
			lines = append(lines, p.Error())
		}
		if len(probs) > 10 {
			lines = append(lines, fmt.Sprintf("……共 %d 行", len(probs)))
		}
		msg += fmt.Sprintf("\n\n有 %d 行未能使用：\n%s", len(probs), strings.Join(lines, "\n"))
	}
	if added+renamed > 0 {
		msg += "\n\n导入的科目随文档保存；撤销（Ctrl+Z）可取消这次导入。"
	}
	look.ShowInformation("导入科目表", msg, u.win)
}
