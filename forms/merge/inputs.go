package merge

import (
	"fmt"
	"maps"

	"yusuan/forms"
	"yusuan/forms/money"
)

// inputs sums the units' amounts among the 情况说明's extra inputs (上年数,
// 机关运行经费, 政府采购, 资产, 事前绩效评估); the words (reasons, what each 类
// is used for) are the 本级's, or the previous consolidation's. An amount
// only some units gave is summed over those, and said.
func (m *merger) inputs(src *forms.Document) forms.Inputs {
	in := forms.Inputs{
		TotalReason: src.Inputs.TotalReason, SangongReason: src.Inputs.SangongReason,
		OperatingReason: src.Inputs.OperatingReason, ClassUses: maps.Clone(src.Inputs.ClassUses),
	}
	if m.prev == nil {
		for _, s := range m.shares { // a 类 the 本级 has no money in: another unit's words
			for k, v := range s.doc.Inputs.ClassUses {
				if _, ok := in.ClassUses[k]; !ok {
					if in.ClassUses == nil {
						in.ClassUses = map[string]string{}
					}
					in.ClassUses[k] = v
				}
			}
		}
	}
	each := func(label string, has func(*forms.Inputs) bool, add func(*forms.Inputs)) {
		var missing []string
		n := 0
		for _, s := range m.shares {
			if s.unit.Inputs != nil && has(s.unit.Inputs) {
				add(s.unit.Inputs)
				n++
			} else {
				missing = append(missing, s.unit.Label())
			}
		}
		if n > 0 && len(missing) > 0 {
			m.notef("情况说明补充信息“%s”：%s未填，按填了的单位相加", label, listNames(missing))
		}
	}
	sumTo := func(dst **money.Amount, v money.Amount) {
		if *dst == nil {
			*dst = new(money.Amount)
		}
		**dst += v
	}
	each("上年收支总预算", func(x *forms.Inputs) bool { return x.PrevTotal != nil }, func(x *forms.Inputs) { sumTo(&in.PrevTotal, *x.PrevTotal) })
	each("上年“三公”经费", func(x *forms.Inputs) bool { return x.PrevSangong != nil }, func(x *forms.Inputs) {
		if in.PrevSangong == nil {
			in.PrevSangong = &forms.Sangong{}
		}
		s := in.PrevSangong
		s.Abroad += x.PrevSangong.Abroad
		s.CarBuy += x.PrevSangong.CarBuy
		s.CarRun += x.PrevSangong.CarRun
		s.Reception += x.PrevSangong.Reception
	})
	each("上年机关运行经费", func(x *forms.Inputs) bool { return x.PrevOperating != nil }, func(x *forms.Inputs) { sumTo(&in.PrevOperating, *x.PrevOperating) })
	var procTotal money.Amount
	procStated := false
	each("政府采购", func(x *forms.Inputs) bool { return x.Procurement != nil }, func(x *forms.Inputs) {
		if in.Procurement == nil {
			in.Procurement = &forms.Procurement{}
		}
		p, q := in.Procurement, x.Procurement
		p.Goods += q.Goods
		p.Works += q.Works
		p.Services += q.Services
		procTotal += q.TotalValue()
		procStated = procStated || q.Total != nil
	})
	if p := in.Procurement; p != nil && procStated && procTotal != p.Goods+p.Works+p.Services {
		p.Total = &procTotal // a stated total that is not the sum of its parts stays visible
	}
	each("国有资产占有使用情况", func(x *forms.Inputs) bool { return x.Assets != nil }, func(x *forms.Inputs) {
		if in.Assets == nil {
			in.Assets = &forms.AssetInfo{}
		}
		a, b := in.Assets, x.Assets
		a.Vehicles.Leader += b.Vehicles.Leader
		a.Vehicles.General += b.Vehicles.General
		a.Vehicles.Enforcement += b.Vehicles.Enforcement
		a.Vehicles.Special += b.Vehicles.Special
		a.Vehicles.Other += b.Vehicles.Other
		a.Equipment += b.Equipment
		a.PlanVehicles += b.PlanVehicles
		a.PlanEquipment += b.PlanEquipment
	})
	each("事前绩效评估", func(x *forms.Inputs) bool { return x.PrePerf != nil }, func(x *forms.Inputs) {
		if in.PrePerf == nil {
			in.PrePerf = &forms.PrePerfSummary{}
		}
		in.PrePerf.Count += x.PrePerf.Count
		in.PrePerf.Amount += x.PrePerf.Amount
	})
	m.operating(&in)
	return in
}

// operating sums 机关运行经费. A unit that did not state it has its 公用经费
// as 机关运行经费 (the default of the 情况说明), so when some units stated
// it the others count with their 公用经费; when none did, the 部门's is its
// summed 公用经费 too.
func (m *merger) operating(in *forms.Inputs) {
	var stated bool
	for _, s := range m.shares {
		stated = stated || (s.unit.Inputs != nil && s.unit.Inputs.Operating != nil)
	}
	if !stated {
		return
	}
	var sum money.Amount
	var byPublic []string
	for _, s := range m.shares {
		if s.unit.Inputs != nil && s.unit.Inputs.Operating != nil {
			sum += *s.unit.Inputs.Operating
			continue
		}
		v := m.publicOf(s)
		sum += v
		byPublic = append(byPublic, fmt.Sprintf("%s %s", s.unit.Label(), money.FormatWithUnit(v, money.WanYuan)))
	}
	in.Operating = &sum
	if len(byPublic) > 0 {
		m.notef("情况说明补充信息“机关运行经费”：%s未填，按其公用经费计", listNames(byPublic))
	}
}

// publicOf is a unit's 公用经费 in 万元: what it gave in the 公用经费 column
// of the 一般公共预算支出表.
func (m *merger) publicOf(s *share) money.Amount {
	var sum money.Amount
	var unit money.Unit
	for id, ts := range s.tables {
		if t := firstTableOf(m.ref.Template, forms.KindGeneral); t == id && ts != nil {
			unit = m.target[id]
			for _, r := range ts.rows {
				if r.raw.Code != "" {
					sum += r.vals[forms.ColPublic]
				}
			}
		}
	}
	if unit == "" {
		return 0
	}
	w, _ := money.Convert(sum, unit, money.WanYuan)
	return w
}

// firstTableOf is the id of a template's first table of a kind.
func firstTableOf(template string, k forms.Kind) string {
	tmpl, err := forms.TemplateByID(template)
	if err != nil {
		return ""
	}
	for _, td := range tmpl.Tables {
		if td.Kind == k {
			return td.ID
		}
	}
	return ""
}
