// Package look is what every screen of the window shares: the theme with
// the bundled CJK font, the colours that say where a figure comes from, and
// a few small building blocks (headings, wrapped text).
package look

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"yusuan/assets"
)

// appTheme is the default light theme with the bundled CJK font for every
// text style, so that Chinese renders the same on every PC.
type appTheme struct {
	font fyne.Resource
}

// NewTheme returns the application theme.
func NewTheme() fyne.Theme {
	return &appTheme{font: fyne.NewStaticResource("wqy-microhei.ttf", assets.FontHei)}
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameDisabled {
		// notes (low-importance labels) and disabled text: readable grey.
		// Set here for the whole window rather than by theme overrides:
		// Fyne parses the fonts anew for every override scope, and again
		// each time an override is refreshed (tens of MB each time)
		return Disabled
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (t *appTheme) Font(fyne.TextStyle) fyne.Resource { return t.font }

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// Icon is the application icon.
func Icon() fyne.Resource { return fyne.NewStaticResource("icon.png", assets.Icon) }

// Colours of the grid: computed figures on grey, given totals that differ
// from the computed ones on amber, headers on blue-grey; cells a finding
// speaks of tinted by its severity; the selected cell outlined.
var (
	HeaderBg   = color.NRGBA{R: 0xe3, G: 0xe9, B: 0xf2, A: 0xff}
	ComputedBg = color.NRGBA{R: 0xe6, G: 0xea, B: 0xef, A: 0xff}
	GivenBg    = color.NRGBA{R: 0xff, G: 0xec, B: 0xc7, A: 0xff}
	EnteredBg  = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	TotalBg    = color.NRGBA{R: 0xe9, G: 0xec, B: 0xef, A: 0xff}
	Text       = color.NRGBA{R: 0x1f, G: 0x23, B: 0x28, A: 0xff}
	ComputedFg = color.NRGBA{R: 0x3b, G: 0x4a, B: 0x5c, A: 0xff}
	Muted      = color.NRGBA{R: 0x6a, G: 0x73, B: 0x7d, A: 0xff}
	Disabled   = color.NRGBA{R: 0x78, G: 0x80, B: 0x8a, A: 0xff}
	Banner     = color.NRGBA{R: 0xfd, G: 0xf0, B: 0xd5, A: 0xff}
	GivenFg    = color.NRGBA{R: 0x9a, G: 0x4d, B: 0x00, A: 0xff}
	ErrorTint  = color.NRGBA{R: 0xfd, G: 0xde, B: 0xdc, A: 0xff}
	// warnings are violet: amber is the imported total that differs
	WarningTint = color.NRGBA{R: 0xee, G: 0xe4, B: 0xfa, A: 0xff}
	WarningFg   = color.NRGBA{R: 0x6f, G: 0x3c, B: 0xb0, A: 0xff}
	HintFg      = color.NRGBA{R: 0x1a, G: 0x5f, B: 0xb4, A: 0xff}
	HintTint    = color.NRGBA{R: 0xe1, G: 0xef, B: 0xfb, A: 0xff}
	Selection   = color.NRGBA{R: 0x1e, G: 0x6f, B: 0xd9, A: 0xff}
	ErrorFg     = color.NRGBA{R: 0xb4, G: 0x23, B: 0x18, A: 0xff}
)

// Heading is a view's title, larger than body text (the bundled font has
// no bold face, so size sets it apart).
func Heading(text string) fyne.CanvasObject {
	t := canvas.NewText(text, Text)
	t.TextSize = theme.TextSubHeadingSize()
	return container.NewPadded(t)
}

// Centred puts an object in the middle of its row.
func Centred(o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewHBox(layout.NewSpacer(), o, layout.NewSpacer())
}

// Narrowable lets wrapped text be laid out narrower than it last was: a
// RichText remembers the width it was last wrapped at as its minimum, and
// a split beside it would then squeeze its neighbour instead.
func Narrowable(o fyne.CanvasObject, minWidth float32) fyne.CanvasObject {
	return container.New(narrowLayout{minWidth}, o)
}

type narrowLayout struct{ width float32 }

func (l narrowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l narrowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	s.Width = min(s.Width, l.width)
	return s
}

var chineseOnce sync.Once

// UseChinese makes Fyne's own dialogs speak Chinese whatever the system's
// language (on an English Windows they would say OK and Cancel).
func UseChinese() {
	chineseOnce.Do(func() {
		for _, name := range []string{"en.json", "zh_Hans.json", "zh.json"} {
			if err := lang.AddTranslations(fyne.NewStaticResource(name, assets.FyneChinese)); err != nil {
				fyne.LogError("Chinese dialog words", err)
			}
		}
	})
}
