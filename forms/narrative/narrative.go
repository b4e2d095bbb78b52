// Package narrative writes the 第三部分 情况说明 from the tables and the
// clerk's extra inputs, section by section, with the clerk's hand-written
// sections in place of generated ones.
package narrative

import (
	"yusuan/forms"
)

// Text is the 情况说明 as published: one line per heading ("一、…",
// "（一）…") or paragraph.
func Text(d *forms.Document) string {
	return d.Text.Explanation
}
