// Package app is the Fyne user interface of 预算公开助手: the main window,
// navigation, the table views, the forms and text views, and the theme with
// the bundled font. It knows forms; nothing knows app. It does not import
// the GL driver (fyne.io/fyne/v2/app): main does, so this package builds and
// tests without cgo.
package app

import (
	"image/color"

	"fyne.io/fyne/v2"
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
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (t *appTheme) Font(fyne.TextStyle) fyne.Resource { return t.font }

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// Icon is the application icon.
func Icon() fyne.Resource { return fyne.NewStaticResource("icon.png", assets.Icon) }

// Colours of the grid: computed figures on grey, given totals that differ
// from the computed ones on amber, headers on blue-grey.
var (
	colorHeaderBg   = color.NRGBA{R: 0xe3, G: 0xe9, B: 0xf2, A: 0xff}
	colorComputedBg = color.NRGBA{R: 0xe6, G: 0xea, B: 0xef, A: 0xff}
	colorGivenBg    = color.NRGBA{R: 0xff, G: 0xec, B: 0xc7, A: 0xff}
	colorEnteredBg  = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	colorTotalBg    = color.NRGBA{R: 0xe9, G: 0xec, B: 0xef, A: 0xff}
	colorText       = color.NRGBA{R: 0x1f, G: 0x23, B: 0x28, A: 0xff}
	colorComputedFg = color.NRGBA{R: 0x3b, G: 0x4a, B: 0x5c, A: 0xff}
	colorMuted      = color.NRGBA{R: 0x6a, G: 0x73, B: 0x7d, A: 0xff}
	colorBanner     = color.NRGBA{R: 0xfd, G: 0xf0, B: 0xd5, A: 0xff}
	colorGivenFg    = color.NRGBA{R: 0x9a, G: 0x4d, B: 0x00, A: 0xff}
)
