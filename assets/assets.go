// Package assets holds the files built into the program: the CJK fonts, the
// icon, the sample document, templates, classification lists and the default
// glossary. It has no logic; the packages that use a file parse it.
package assets

import (
	"embed"
	_ "embed"
)

// FontHei is WenQuanYi Micro Hei (one TrueType face, CJK with Latin and
// digits): the UI font. See fonts/LICENSE.md.
//
//go:embed fonts/wqy-microhei.ttf
var FontHei []byte

// FontSong is AR PL SungtiL GB (one TrueType face, GB2312 with Latin and
// digits): the body text and table cells of the exported PDF. See
// fonts/LICENSE.md.
//
//go:embed fonts/gbsn00lp.ttf
var FontSong []byte

// Icon is the application icon (256×256 PNG).
//
//go:embed icon.png
var Icon []byte

// Classifications holds the shipped code lists, classify/functional.csv and
// classify/economic.csv.
//
//go:embed classify/*.csv
var Classifications embed.FS

// Templates holds one JSON file per template.
//
//go:embed templates/*.json
var Templates embed.FS

// Sample is the embedded sample document (示例数据), a document file.
//
//go:embed sample.yusuan
var Sample []byte

// Glossary is the default 名词解释, written for this program.
//
//go:embed glossary.json
var Glossary []byte

// FyneChinese holds Chinese for the words Fyne's own dialogs show (确定,
// 取消, the file dialog); the window installs it for every system
// language, since the program is in Chinese throughout.
//
//go:embed fyne-zh.json
var FyneChinese []byte
