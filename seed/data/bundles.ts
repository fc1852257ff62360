// The demo bundles (一件事一次办), built from the demo items, each across departments.
export const bundles = [
  {
    code: 'YJS-XSECS',
    name: '新生儿出生一件事',
    description: '新生儿出生登记（入户）、城乡居民医保参保登记、社会保障卡申领，一次申请、一次提交材料',
    items: ['GA-005', 'YB-002', 'RS-002'],
    published: true,
  },
  {
    code: 'YJS-CYD',
    name: '开办餐饮店一件事',
    description: '个体工商户设立登记、食品经营许可（新办）、新办纳税人信息确认，一次申请、并联审批',
    items: ['SCJG-004', 'SCJG-008', 'SW-001'],
    published: true,
  },
  {
    code: 'YJS-TX',
    name: '退休一件事',
    description: '职工基本养老保险待遇申领（退休）与住房公积金提取（离职、退休），一次申请、一次提交材料',
    items: ['RS-006', 'GJJ-003'],
    published: true,
  },
];
