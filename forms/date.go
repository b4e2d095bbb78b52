package forms

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var reDate = regexp.MustCompile(`^(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$`)

// NormalizeDate reads a 编制日期 as a clerk types it (2026年1月20日,
// 2026-01-20, 2026/1/20, 2026.1.20) and writes it as the cover prints it
// (2026年1月20日); "" stays "".
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	m := reDate.FindStringSubmatch(s)
	if m == nil {
		return "", fmt.Errorf("编制日期“%s”不是日期，请写成 2026年1月20日", s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != mo || t.Day() != d || y < 2000 || y > 2100 {
		return "", fmt.Errorf("编制日期“%s”不是一个有效的日期", s)
	}
	return fmt.Sprintf("%d年%d月%d日", y, mo, d), nil
}
