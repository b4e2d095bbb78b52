package edit

import (
	"yusuan/forms/classify"
)

// AddCodes adds a classification list the clerk imports (文件 → 导入科目表…)
// to the document's own names: a code already there takes the new name.
// It returns how many codes are new and how many were renamed; undo takes
// the import back whole.
func (s *Session) AddCodes(entries []classify.Entry) (added, renamed int) {
	at := map[string]int{}
	codes := clone(s.doc.Codes)
	for i, e := range codes {
		at[string(e.Scheme)+":"+e.Code] = i
	}
	for _, e := range entries {
		k := string(e.Scheme) + ":" + e.Code
		if i, ok := at[k]; ok {
			if codes[i].Name != e.Name {
				codes[i], renamed = e, renamed+1
			}
			continue
		}
		at[k] = len(codes)
		codes = append(codes, e)
		added++
	}
	if added+renamed == 0 {
		return 0, 0
	}
	// the names reach every rule and the picker: a change of Meta
	replace(s, "导入科目表", Change{Meta: true},
		func() []classify.Entry { return s.doc.Codes }, s.doc.SetCodes, codes)
	return added, renamed
}
