package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every key 帮助 → 键盘操作 promises is pressed for real in the Xvfb smoke
// test (scripts/xvfb-keys.sh): a key added to the help without a step there
// fails here.
func TestEveryHelpKeyIsInTheSmokeTest(t *testing.T) {
	script, err := os.ReadFile(filepath.Join("..", "scripts", "xvfb-keys.sh"))
	if err != nil {
		t.Fatal(err)
	}
	// what the script sends (xdotool's names) for each key the help names
	sent := map[string][]string{
		"方向键": {"key Down", "Right"}, "Shift+方向键": {"shift+Down"},
		"Tab": {"Tab"}, "Shift+Tab": {"shift+Tab"},
		"Enter": {"Return"}, "Shift+Enter": {"shift+Return"},
		"直接输入": {"typ 12.34"}, "F2": {"F2"}, "双击": {"click --repeat 2"}, "Esc": {"Escape"},
		"Delete": {"Delete"}, "Backspace": {"key BackSpace"},
		"Ctrl+C": {"ctrl+c"}, "Ctrl+X": {"ctrl+x"}, "Ctrl+V": {"ctrl+v"}, "Ctrl+A": {"ctrl+a"},
		"Home": {"Home"}, "End": {"End"},
		"Ctrl+方向键": {"ctrl+Right", "ctrl+Left", "ctrl+Up", "ctrl+Down"},
		"PageUp":   {"Prior"}, "PageDown": {"Next"},
		"Shift+滚轮":   {"keydown shift click --repeat 12 --delay 40 5"},
		"滚轮":         {"click --repeat 8 --delay 150 5"},
		"拖动列标题间的分隔线": {"mousedown 1", "click --repeat 2 --delay 100 1"},
		"Alt+↑":      {"alt+Up"}, "Alt+↓": {"alt+Down"},
		"Ctrl+D": {"ctrl+d"}, "Ctrl+F": {"ctrl+f"}, "Ctrl+-": {"ctrl+minus"},
		"Ctrl+Z": {"ctrl+z"}, "Ctrl+Y": {"ctrl+y"},
		"Ctrl+S": {"ctrl+s"}, "Ctrl+O": {"ctrl+o"}, "Ctrl+N": {"ctrl+n"},
	}
	split := strings.NewReplacer(" / ", "|", "、", "|", " 或 ", "|", "或", "|", "，", "|")
	for _, k := range keyHelp {
		for _, name := range strings.Split(split.Replace(k[0]), "|") {
			name = strings.TrimSpace(name)
			keys, ok := sent[name]
			if !ok {
				t.Errorf("帮助 names “%s” (%s), which the smoke test does not press", name, k[0])
				continue
			}
			for _, s := range keys {
				if !strings.Contains(string(script), s) {
					t.Errorf("帮助's “%s”: the smoke test never sends %q", name, s)
				}
			}
		}
	}
	if !strings.Contains(keyHelp[0][1], "Shift+方向键") || !strings.Contains(string(script), sent["Shift+方向键"][0]) {
		t.Error("Shift+方向键 (帮助's first line) is not pressed")
	}
}
