// 县卫生健康局 and 县教育局: practitioner registration, medical institutions, public-place
// hygiene, family-planning support; teacher qualification, school permits, enrolment, student aid.
import { W } from './windows.ts';
import { helplineOf } from './departments.ts';
import { applicationForm, businessLicence, departmentItems, householdRegister, idCard, issued, paper, photos } from './guide-kit.ts';

const health = departmentItems('WJ', helplineOf('WJ'), W.health);
const education = departmentItems('JY', helplineOf('JY'), W.education);

const MEDICAL_INSTITUTION_LAW = '《医疗机构管理条例》及其实施细则';
const practitioner = (certificate: string) => [
  idCard(), issued(certificate, '国家卫生健康主管部门', '原件', { note: '可通过电子证照核验' }),
  issued('6个月内健康体检证明', '县级以上医疗机构'), paper('拟执业机构出具的聘用证明', '原件'), photos(1, '近期正面免冠一寸白底彩色照片'),
];
const student = (who = '学生') => [idCard(`${who}法定监护人`), householdRegister(who)];

export const healthEducationItems = [
  health({
    code: 'WJ-001', name: '医师执业注册', category: '行政许可', highFrequency: true,
    conditions: '取得医师资格，受聘于拟执业的医疗、预防、保健机构，身体健康',
    materials: [...practitioner('医师资格证书'), applicationForm('医师执业注册申请审核表')],
    limits: [20, 10], visits: 0, keywords: ['医师注册', '执业医师', '医生执业证'],
    basis: '《中华人民共和国医师法》第十三条；《医师执业注册管理办法》',
  }),
  health({
    code: 'WJ-002', name: '护士执业注册', category: '行政许可', highFrequency: true,
    conditions: '具有完全民事行为能力，完成规定的护理学历教育，通过护士执业资格考试，身体健康',
    materials: [...practitioner('护士执业资格考试成绩合格证明'), applicationForm('护士执业注册申请审核表')],
    limits: [20, 10], visits: 0, keywords: ['护士注册', '护士执业证'], basis: '《护士条例》第七条、第八条；《护士执业注册管理办法》',
  }),
  health({
    code: 'WJ-003', name: '诊所执业备案', category: '行政备案',
    conditions: '举办诊所（含中医诊所），有符合规定的场所、设备和至少一名取得执业资格的医师',
    materials: [applicationForm('诊所备案信息表'), paper('诊所用房产权证明或使用证明', '复印件'), issued('医师执业证书', '卫生健康主管部门', '复印件'), paper('诊所规章制度和人员名单', '原件')],
    limits: [1, 0], onsiteReason: '需提交纸质备案材料并核验', keywords: ['诊所', '门诊部', '开诊所'], basis: MEDICAL_INSTITUTION_LAW,
  }),
  health({
    code: 'WJ-004', name: '医疗机构执业登记', category: '行政许可',
    conditions: '设置医院、卫生院等医疗机构，符合医疗机构基本标准，已完成建设并经验收',
    materials: [applicationForm('医疗机构申请执业登记注册书'), paper('医疗机构建筑设计平面图', '原件'), paper('医疗技术人员名录及执业证书', '复印件'), paper('规章制度和设备清单', '原件')],
    limits: [45, 20], onsiteReason: '需组织现场审核', keywords: ['医疗机构执业许可证', '开医院'], basis: MEDICAL_INSTITUTION_LAW,
  }),
  health({
    code: 'WJ-005', name: '公共场所卫生许可', category: '行政许可',
    conditions: '经营宾馆、美容美发、游泳场所、沐浴场所等公共场所，卫生设施符合国家卫生标准',
    materials: [applicationForm('公共场所卫生许可申请表'), businessLicence(), paper('公共场所地址方位示意图、平面图和卫生设施平面布局图', '原件'), issued('公共场所卫生检测或评价报告', '检测机构', '原件', { required: false, note: '可承诺后补交' })],
    limits: [20, 5], visits: 0, keywords: ['卫生许可证', '美容美发', '宾馆'], basis: '《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》',
  }),
  health({
    code: 'WJ-006', name: '计划生育家庭特别扶助金申请', category: '行政给付',
    conditions: '女方年满49周岁，独生子女死亡或伤残（三级以上）后未再生育或收养子女的夫妻',
    materials: [idCard('夫妻双方'), householdRegister(), paper('独生子女死亡或伤残证明', '复印件'), applicationForm('计划生育家庭特别扶助申请表')],
    limits: [30, 20], onsiteReason: '需核验证明材料原件', keywords: ['特扶', '失独', '扶助金'],
    basis: '《中华人民共和国人口与计划生育法》',
  }),
  health({
    code: 'WJ-007', name: '生育登记', category: '公共服务',
    conditions: '依法生育子女的夫妻，在孕期或子女出生后自愿登记',
    materials: [idCard('夫妻双方')], limits: [1, 0], visits: 0,
    keywords: ['生育登记', '准生证', '生育服务证'], basis: '《中华人民共和国人口与计划生育法》；《国家卫生健康委关于做好生育登记服务工作的通知》',
  }),
  education({
    code: 'JY-001', name: '教师资格认定', category: '行政许可', highFrequency: true,
    conditions: '具备教师法规定的学历，中小学教师资格考试合格（或符合免考条件），普通话水平达到规定等级，体检合格',
    materials: [
      idCard(), issued('学历证书', '高等学校', '原件', { note: '可通过学信网在线核验' }), issued('中小学教师资格考试合格证明', '教育部考试中心', '电子'),
      issued('普通话水平测试等级证书', '语言文字工作部门', '原件'), issued('教师资格认定体检表', '县级以上医疗机构'), photos(1, '近期正面免冠一寸白底彩色照片'),
    ],
    limits: [30, 20], onsiteReason: '需现场确认并核验证书原件', keywords: ['教师资格证', '教资', '教师认定'],
    basis: '《中华人民共和国教师法》第十条至第十三条；《教师资格条例》；《〈教师资格条例〉实施办法》',
  }),
  education({
    code: 'JY-002', name: '民办学校办学许可（非学科类培训机构）', category: '行政许可',
    conditions: '举办者有与办学规模相适应的资金、场所、教学设施和符合条件的教师队伍，场所通过消防等安全审查',
    materials: [applicationForm('民办学校办学许可申请表'), paper('举办者资质证明', '复印件'), paper('学校章程和首届决策机构组成人员名单', '原件'), paper('办学场所产权或租赁证明', '复印件')],
    limits: [60, 40], onsiteReason: '需组织现场评审', keywords: ['培训机构', '办学许可证', '民办学校'],
    basis: '《中华人民共和国民办教育促进法》；《中华人民共和国民办教育促进法实施条例》',
  }),
  education({
    code: 'JY-003', name: '义务教育新生入学申请', category: '公共服务', highFrequency: true,
    conditions: '年满6周岁的适龄儿童（小学）或小学毕业生（初中），户籍或父母居住证在本县',
    materials: [...student('儿童'), issued('房产证明或居住证', '不动产登记机构或公安机关', '复印件', { note: '可通过数据共享核验' })],
    limits: [20, 10], visits: 0, keywords: ['入学', '报名', '小学招生', '初中招生'],
    basis: '《中华人民共和国义务教育法》第十一条、第十二条',
  }),
  education({
    code: 'JY-004', name: '中小学生转学', category: '公共服务',
    conditions: '因户籍迁移、随父母工作调动等原因需要在义务教育阶段转学的学生',
    materials: [...student(), paper('转入学校接收意见', '原件')], limits: [10, 5], visits: 0,
    keywords: ['转学', '学籍转移'], basis: '《中小学生学籍管理办法》',
  }),
  education({
    code: 'JY-005', name: '家庭经济困难学生资助申请', category: '行政给付',
    conditions: '在本县就读，家庭经济困难（低保、特困、残疾人家庭等）的学前教育、义务教育和普通高中学生',
    materials: [...student(), paper('家庭经济困难学生认定申请表', '原件')], limits: [30, 20], visits: 0,
    keywords: ['助学金', '资助', '困难学生'], basis: '《教育部等六部门关于做好家庭经济困难学生认定工作的指导意见》（教财〔2018〕16号）',
  }),
];
