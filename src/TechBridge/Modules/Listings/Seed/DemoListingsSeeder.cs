using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Listings.Data;
using TechBridge.Platform.Files;
using TechBridge.Platform.Outbox;

namespace TechBridge.Modules.Listings.Seed;

// Demo listings with real texts: achievements from the CSL abstracts (title, keywords, discipline) and from national
// key R&D projects whose lead institution is a demo organization; demands, open calls with proposals and offerings
// for the demo organizations across all sectors and Hebei cities. Runs once: a second start finds demo listings and
// stops. Everything is added in one SaveChanges per kind.
internal sealed class DemoListingsSeeder(PlatformDbContext db, IOrganizationFacts facts, TimeProvider clock, IConfiguration configuration) : IDemoSeeder
{
    private static readonly (string Needle, string Field)[] FieldByTopic =
    [
        ("核", "nuclear"), ("航空", "aerospace"), ("航天", "aerospace"), ("宇航", "aerospace"), ("交通", "transport"), ("船舶", "transport"), ("汽车", "transport"),
        ("医", "biomedicine"), ("药", "biomedicine"), ("干细胞", "biomedicine"), ("疾病", "biomedicine"), ("生殖", "biomedicine"), ("蛋白质", "biomedicine"), ("发育", "biomedicine"), ("健康", "biomedicine"), ("生物", "biomedicine"),
        ("农", "agriculture"), ("园艺", "agriculture"), ("水产", "agriculture"), ("作物", "agriculture"), ("畜", "agriculture"), ("林", "agriculture"), ("粮", "agriculture"), ("食品", "agriculture"), ("植物", "agriculture"),
        ("材料", "new-materials"), ("纳米", "new-materials"), ("化学", "new-materials"), ("冶金", "new-materials"), ("纺织", "new-materials"),
        ("能源", "new-energy"), ("动力", "new-energy"), ("电气", "new-energy"), ("石油", "new-energy"), ("氢能", "new-energy"),
        ("环境", "environment"), ("固废", "environment"), ("土壤", "environment"), ("水利", "environment"), ("水资源", "environment"), ("大气", "environment"), ("全球变化", "environment"), ("矿业", "environment"), ("地质", "environment"),
        ("电子", "electronics"), ("计算机", "electronics"), ("信息", "electronics"), ("通信", "electronics"), ("光", "electronics"), ("量子", "electronics"), ("控制", "electronics"), ("网络", "electronics"),
        ("机械", "advanced-manufacturing"), ("制造", "advanced-manufacturing"), ("机器人", "advanced-manufacturing"), ("仪器", "advanced-manufacturing"), ("兵器", "advanced-manufacturing"), ("力学", "advanced-manufacturing"), ("部件", "advanced-manufacturing"),
        ("土木", "urban-social"), ("建筑", "urban-social"), ("测绘", "urban-social"), ("村镇", "urban-social"), ("灾害", "urban-social"), ("公共安全", "urban-social"), ("冬奥", "urban-social"), ("海洋", "environment"),
    ];

    private static readonly Dictionary<string, string> IndustryByField = new()
    {
        ["electronics"] = "C39", ["advanced-manufacturing"] = "C34", ["new-energy"] = "C38", ["environment"] = "N77", ["transport"] = "C37", ["urban-social"] = "E48",
        ["biomedicine"] = "C27", ["agriculture"] = "A01", ["new-materials"] = "C30", ["aerospace"] = "C37", ["nuclear"] = "M73",
    };

    // The engineering disciplines of the CSL papers that become achievements, and the demo institutions (real
    // universities and institutes of Beijing and Tianjin) that work in each: a paper is held by one of them.
    private static readonly Dictionary<string, string[]> HoldersByDiscipline = new(StringComparer.Ordinal)
    {
        ["材料科学与工程"] = ["北京科技大学", "清华大学", "北京化工大学", "天津大学"],
        ["冶金工程"] = ["北京科技大学"],
        ["化学/化学工程与技术"] = ["北京化工大学", "中国科学院过程工程研究所", "天津大学", "中国科学院化学研究所"],
        ["食品科学与工程"] = ["中国农业大学", "中国农业科学院农产品加工研究所", "国家粮食和物资储备局科学研究院"],
        ["环境科学与工程"] = ["中国环境科学研究院", "中国科学院生态环境研究中心", "清华大学"],
        ["光学工程"] = ["北京理工大学", "中国科学院半导体研究所"],
        ["电气工程"] = ["华北电力大学", "中国科学院电工研究所"],
        ["动力工程及工程热物理"] = ["中国科学院工程热物理研究所", "华北电力大学"],
        ["机械工程"] = ["北京理工大学", "清华大学", "北京航空航天大学"],
        ["农业工程"] = ["中国农业大学", "农业农村部规划设计研究院"],
        ["计算机科学与技术"] = ["北京邮电大学", "中国科学院自动化研究所", "北京大学"],
        ["控制科学与工程"] = ["中国科学院自动化研究所", "北京理工大学"],
        ["信息与通信工程"] = ["北京邮电大学", "中国信息通信研究院"],
        ["电子科学与技术"] = ["中国科学院微电子研究所", "中国科学院半导体研究所"],
        ["土木工程"] = ["北京交通大学", "天津大学"],
        ["交通运输工程"] = ["北京交通大学", "交通运输部公路科学研究院", "中国民航大学"],
        ["石油与天然气工程"] = ["中国石油大学（北京）"],
        ["矿业工程"] = ["中国矿业大学（北京）"],
        ["水利工程"] = ["中国水利水电科学研究院"],
        ["测绘科学与技术"] = ["中国测绘科学研究院"],
        ["园艺学"] = ["中国农业科学院蔬菜花卉研究所", "中国农业大学"],
        ["作物学"] = ["中国农业科学院作物科学研究所", "中国农业大学"],
        ["畜牧学/兽医学"] = ["中国农业科学院北京畜牧兽医研究所"],
        ["生物学/生物科学与工程"] = ["中国科学院天津工业生物技术研究所", "中国科学院微生物研究所"],
    };

    // National key R&D programmes whose projects yield technology an enterprise could license or co-develop.
    private static readonly string[] AppliedProgrammes =
    [
        "场地土壤污染", "国家质量基础", "固废资源化", "综合交通运输", "水资源高效开发", "经济作物优质高产", "网络协同制造", "绿色生物制造",
        "畜禽重大疫病", "食品安全关键技术", "光电子与微电子", "材料基因工程", "云计算和大数据", "先进电子材料", "煤炭清洁高效", "绿色宜居村镇",
        "可再生能源与氢能", "制造基础技术", "化学肥料和农药减施", "大气污染成因与控制", "绿色建筑", "智能机器人", "宽带通信", "林业资源培育",
        "现代食品加工", "物联网与智慧城市", "智能电网", "新能源汽车", "智能农机", "农业面源和重金属污染", "数字诊疗装备", "增材制造",
        "先进轨道交通", "生物医用材料", "中医药现代化", "公共安全风险防控",
    ];

    // Contact persons of the demo offerings: ordinary names, not "联系人".
    private static readonly string[] ContactNames =
    [
        "王建华", "李志强", "张丽娟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周涛", "吴婷", "徐明", "孙浩", "马丽", "朱伟", "胡晓燕", "郭鹏",
        "何颖", "高峰", "林娜", "罗杰", "梁慧", "宋阳", "郑凯", "谢芳", "韩冰", "唐亮", "冯雪", "董宁", "程颖", "曹宇",
    ];

    private static readonly Dictionary<string, string> AreaCodes = new(StringComparer.Ordinal)
    {
        ["1301"] = "0311", ["1302"] = "0315", ["1303"] = "0335", ["1304"] = "0310", ["1305"] = "0319", ["1306"] = "0312",
        ["1307"] = "0313", ["1308"] = "0314", ["1309"] = "0317", ["1310"] = "0316", ["1311"] = "0318", ["11"] = "010", ["12"] = "022",
    };

    // A switchboard number in the institution's city (area code and an eight-digit local number).
    private static string SwitchboardOf(string regionCode, int n) =>
        $"{AreaCodes.GetValueOrDefault(regionCode[..4]) ?? AreaCodes.GetValueOrDefault(regionCode[..2]) ?? "0311"}-{6700_0000 + ((n * 7919) % 300_0000)}";

    // Title, description, field, sector, industry, and the region (city or county) whose industry asks for it.
    private static readonly (string Title, string Description, string Field, string Sector, string Industry, string Region)[] DemandTexts =
    [
        ("数控机床主轴热变形补偿技术", "我公司数控加工中心在连续加工 4 小时后主轴热伸长导致尺寸超差，需要热误差建模与实时补偿方案，要求补偿后精度提升 50% 以上。", "advanced-manufacturing", "rd", "C34", "1301"),
        ("锂电池极片涂布面密度在线检测", "涂布工序面密度波动较大，希望引入在线测量与闭环控制，面密度一致性控制在 ±1.5% 以内。", "new-energy", "testing", "C38", "1301"),
        ("食品中农药残留快速检测方法", "需要适用于生产线的蔬菜原料农药残留快速筛查方法，单样检测时间不超过 20 分钟，并取得 CMA 资质报告。", "agriculture", "testing", "C14", "1304"),
        ("工业废水中重金属深度处理", "电镀车间废水含镍、铬，现有工艺难以稳定达到新排放标准，寻求经济可行的深度处理工艺与工程化方案。", "environment", "technology-transfer", "N77", "1309"),
        ("智能仓储 AGV 调度系统", "仓库有 30 台 AGV，需要多车路径规划与调度优化系统，与现有 WMS 对接，提升出入库效率 30%。", "electronics", "digital", "I65", "1310"),
        ("高性能碳纤维复合材料成型工艺", "需要热塑性碳纤维复合材料快速模压成型工艺，用于汽车轻量化结构件，成型周期小于 3 分钟。", "new-materials", "rd", "C30", "1306"),
        ("中药提取物质量标准研究", "公司中药配方颗粒需要建立指纹图谱与含量测定方法，满足国家药品标准申报要求。", "biomedicine", "consulting", "C27", "130683"),
        ("产品外观与人机工程设计", "新一代家用空气净化器需要外观设计与人机交互优化，兼顾量产工艺与成本。", "advanced-manufacturing", "industrial-design", "C38", "1309"),
        ("发明专利布局与侵权风险分析", "拟进入欧洲市场，需对核心产品进行专利检索、自由实施（FTO）分析和专利布局规划。", "electronics", "ip", "C39", "1302"),
        ("科技型企业知识产权质押融资", "公司拥有 12 项发明专利，希望通过知识产权质押获得 500 万元流动资金贷款，需要评估与融资对接服务。", "new-materials", "finance", "C30", "1303"),
        ("孵化场地与创业辅导服务", "初创团队 8 人，需要 300 平方米中试场地及创业辅导、政策申报服务。", "electronics", "incubation", "I65", "1310"),
        ("工业互联网平台设备接入", "厂内 200 台设备协议不一，需要统一接入工业互联网平台，实现设备状态监测与能耗分析。", "electronics", "platform", "I65", "1302"),
        ("羊绒纤维细度快速检测", "需要羊绒纤维细度与长度的快速检测设备或服务，替代人工显微镜测量。", "new-materials", "testing", "C17", "130534"),
        ("皮革鞣制废液资源化利用", "鞣制废液中铬回收率低，寻求铬回收与废液资源化利用技术，降低处理成本。", "environment", "technology-transfer", "C19", "130181"),
        ("丝网产品耐腐蚀涂层", "不锈钢丝网在海洋环境中腐蚀严重，需要耐盐雾 1000 小时以上的涂层技术。", "new-materials", "rd", "C33", "131125"),
        ("电线电缆绝缘材料老化评估", "需要建立电缆绝缘材料加速老化试验方法与寿命评估模型。", "new-materials", "testing", "C38", "130528"),
        ("葡萄酒发酵过程智能控制", "希望实现葡萄酒发酵温度、糖度的在线监测与智能控制，稳定产品风味。", "agriculture", "digital", "C15", "130322"),
        ("医疗器械注册检验与临床评价", "二类医疗器械产品需要完成注册检验与临床评价资料准备。", "biomedicine", "consulting", "C35", "1311"),
        ("氢燃料电池双极板国产化", "寻求金属双极板成形与涂层技术合作，实现双极板国产化替代。", "new-energy", "rd", "C38", "1307"),
        ("城市供热管网漏损监测", "供热公司需要管网漏损在线监测与定位方案，降低热损失。", "urban-social", "platform", "D44", "1308"),
    ];

    // Further demands, not published in the seed (one waits for review, one is a draft), for the review queue and the
    // owner's own list.
    private static readonly (string Title, string Description, string Field, string Sector, string Industry, string Region)[] MoreDemandTexts =
    [
        ("陶瓷卫浴釉面缺陷视觉检测", "卫生陶瓷釉面针孔、裂纹目前靠人工目检，漏检率高，需要适应曲面和高反光釉面的机器视觉检测方案。", "electronics", "digital", "C30", "1302"),
        ("钒钛磁铁矿尾矿综合利用", "选矿尾矿年产 80 万吨，希望回收其中的钒、钛并将残渣用于建材，寻求可工业化的综合利用工艺。", "environment", "technology-transfer", "B08", "1308"),
    ];

    // Each sector's offerings as a provider would describe them: method, equipment, qualification. Each text is
    // published once (the team's own judgements in Data/search/demand-offering-judgements.tsv refer to them by title);
    // every demo demand has two or three that fit it, from different institutions.
    private static readonly Dictionary<string, (string Title, string Description, string[] Items)[]> OfferingTexts = new()
    {
        ["rd"] =
        [
            ("机床热误差建模与实时补偿开发", "针对数控加工中心主轴与进给轴热变形，优化温度测点布置，建立多元回归与神经网络热误差模型，通过数控系统外部坐标偏置实时补偿；配备激光干涉仪、球杆仪和多通道温度采集系统，典型案例热漂移降低 60% 以上。", ["温度测点优化", "热误差建模", "数控系统补偿实施", "精度检测验证"]),
            ("热塑性碳纤维复合材料快速模压中试", "开发连续碳纤维增强 PA6、PP 预浸带及片材的红外预热—快速模压成型工艺，拥有 500 吨伺服液压机与自动铺放单元，成型周期可控制在 2 分钟以内，提供汽车结构件样件试制与力学验证。", ["预浸带制备", "模压工艺开发", "样件试制", "力学性能验证"]),
            ("燃料电池金属双极板成形与涂层研发", "面向质子交换膜燃料电池，开展 0.1 mm 不锈钢和钛薄板流道精密冲压、激光焊接，以及 PVD 碳基、氮化铬导电耐蚀涂层研发，可测接触电阻、腐蚀电流密度并进行单电池验证。", ["流道设计", "精密冲压", "PVD 涂层", "接触电阻与腐蚀测试"]),
            ("海洋大气环境防腐涂层研制", "研制石墨烯改性环氧富锌、氟碳面漆等重防腐涂层体系，适用于钢结构、紧固件和金属丝网，配备中性盐雾箱、电化学工作站与附着力测试仪，可按客户工况优化配方与涂装工艺。", ["涂层配方设计", "涂装工艺", "盐雾与电化学评价"]),
            ("结构轻量化仿真与拓扑优化", "基于 Abaqus、OptiStruct 的有限元分析、拓扑与尺寸优化、疲劳寿命预测，服务汽车零部件和装备结构轻量化设计，提供仿真报告与优化后的三维模型。", ["有限元分析", "拓扑优化", "疲劳仿真"]),
            ("化工新材料工艺放大与中试", "承接化工与新材料工艺从小试到中试的放大，具备 200 L 反应釜、喷雾干燥和连续流反应中试线，提供物料衡算、工艺安全评估与工艺包编制。", ["工艺放大", "中试运行", "工艺包编制"]),
            ("锂电池正负极材料研发与电池试制", "开展三元正极、硅碳负极材料合成与改性，试制扣式与软包电池并进行充放电循环、倍率性能测试，为材料企业提供配方筛选与评测数据。", ["材料合成", "电池试制", "电化学性能测试"]),
            ("数控机床主轴热特性测试与精度提升", "面向数控车床、加工中心开展主轴热伸长与热漂移测试，分析温度场与热变形规律，辨识几何误差与热误差并在数控系统中实施补偿，配套激光干涉仪、电容位移传感器与温度巡检仪，提交精度提升前后对比报告。", ["主轴热漂移测试", "温度场分析", "误差辨识与补偿", "精度对比报告"]),
            ("农药残留快速检测试剂与设备研发", "研发基于酶抑制、胶体金免疫层析和表面增强拉曼的农药残留快速检测试剂条与便携式读数仪，适用于蔬菜原料进厂筛查，单样检测 10 至 20 分钟，可为企业定制检测项目并培训化验人员。", ["酶抑制试剂", "胶体金试纸条", "便携读数仪", "快检方法验证"]),
            ("重金属废水深度处理工艺中试", "针对电镀、线路板等含镍、铬、铜废水，开展螯合沉淀、离子交换与电化学还原组合工艺小试和中试，优化药剂投加与运行参数，出水稳定达到电镀污染物排放标准，提供工程化设计参数与运行成本测算。", ["组合工艺小试", "移动式中试装置", "工程设计参数", "运行成本测算"]),
            ("移动机器人导航与多车协同调度算法", "研发激光 SLAM 与二维码混合导航、多机器人路径规划与冲突消解算法，支持 AGV、AMR 混合车队的任务分配与交通管制，可在客户仓库现场仿真评估效率提升并与 WMS 接口联调。", ["混合导航", "多车路径规划", "冲突消解", "仓储仿真评估"]),
            ("碳纤维复合材料构件成型工艺开发", "开展碳纤维预浸料模压、HP-RTM 高压树脂传递模塑和热塑性复合材料热压成型工艺开发，优化铺层、模温与固化周期，试制汽车轻量化结构件并完成力学与尺寸检验。", ["铺层设计", "模压与 HP-RTM 工艺", "样件试制", "力学验证"]),
            ("羊绒纤维图像测量仪研发与定制", "基于显微图像采集和深度学习识别，研制羊绒、羊毛纤维直径与长度自动测量仪，可替代人工显微镜计数，测量一批样品不超过 15 分钟，可为企业定制并培训操作人员。", ["显微图像采集", "纤维识别算法", "细度长度测量", "设备定制"]),
            ("制革废液与含铬污泥资源化中试", "针对制革鞣制废液和含铬污泥，开展铬的沉淀回收、再生铬鞣剂制备与污泥无害化中试，铬回收率 90% 以上，提供工艺包与经济性评估。", ["铬回收中试", "再生铬鞣剂", "污泥无害化", "经济性评估"]),
            ("金属丝网与紧固件耐盐雾涂层开发", "为不锈钢丝网、紧固件和小型金属件开发锌铝涂层、硅烷与氟碳复合涂层，浸涂与喷涂工艺适合丝网连续生产，中性盐雾试验可达 1000 至 2000 小时，适用于海洋与沿海工况。", ["涂层配方", "丝网浸涂工艺", "盐雾验证", "海洋工况评估"]),
            ("高分子绝缘材料老化机理与配方改进", "研究交联聚乙烯、硅橡胶等电缆绝缘材料的热氧老化与电老化机理，通过热重、红外与介电谱分析老化程度，改进抗氧剂与交联配方以延长电缆寿命。", ["老化机理分析", "介电谱测试", "配方改进"]),
            ("葡萄酒酿造与发酵工艺优化", "为葡萄酒企业优化酵母选择、发酵温度与糖度控制曲线，建立发酵过程温度、糖度、比重监测规范，结合在线数据改进工艺稳定性与风味一致性。", ["酵母筛选", "发酵温度与糖度曲线", "工艺规范"]),
            ("燃料电池双极板涂层与耐久性测试", "为金属双极板开发碳基与氮化物导电耐蚀涂层，测试界面接触电阻、动电位极化腐蚀电流和长时间恒电位耐久性，支持双极板国产化样品验证与量产工艺导入。", ["导电耐蚀涂层", "接触电阻测试", "腐蚀与耐久测试", "量产工艺导入"]),
            ("燃料电池金属薄板精密冲压成形", "为燃料电池金属双极板、换热板开发超薄不锈钢与钛板流道精密冲压、液压成形模具与工艺，控制回弹与减薄率，提供模具设计与小批量试制。", ["流道成形仿真", "精密冲压模具", "小批量试制"]),
        ],
        ["incubation"] =
        [
            ("硬科技企业孵化器入驻与中试车间", "为早期硬科技团队提供 200 至 1000 平方米可分割中试车间及办公空间，配套创业导师一对一辅导、科技型中小企业评价与政策申报服务，入驻前两年租金减半。", ["中试车间", "创业导师辅导", "政策申报"]),
            ("众创空间开放工位", "按月租用开放工位与独立小隔间，共享会议室、打印与前台服务，每月举办路演和社群活动。", ["开放工位", "共享会议室", "路演活动"]),
            ("创业导师训练营", "由连续创业者和投资人担任导师，围绕商业模式、股权设计、融资路演开展为期 12 周的训练营，结营后对接天使投资。", ["商业模式辅导", "股权设计", "融资路演"]),
            ("科技型中小企业培育辅导", "帮助初创企业完成科技型中小企业评价入库、知识产权积累与研发费用归集，逐步培育为高新技术企业。", ["评价入库", "研发费用归集", "高企培育"]),
            ("成长期企业加速器厂房租赁", "面向年营收千万元以上的成长期企业，出租 1000 至 5000 平方米标准厂房，层高 8 米、承重 3 吨每平方米，可办理环评与消防手续。", ["标准厂房", "环评消防手续"]),
            ("大学生创业孵化与实训", "为在校和毕业五年内的大学生创业团队提供免费工位、创业培训和大赛辅导。", ["免费工位", "创业培训", "大赛辅导"]),
            ("科技企业孵化器场地与创业辅导", "国家级科技企业孵化器，提供 100 至 500 平方米办公与中试场地，配备创业导师、财务法务与政策申报辅导，入驻团队可享受租金补贴。", ["孵化场地", "创业辅导", "政策申报", "租金补贴"]),
            ("中试基地入驻与初创团队政策辅导", "为初创硬科技团队提供带水电气的中试厂房与共享实验室，协助申报科技型中小企业、创新券与人才项目。", ["中试厂房", "共享实验室", "政策辅导"]),
        ],
        ["industrial-design"] =
        [
            ("环境电器外观与 CMF 设计", "为空气净化器、加湿器等环境电器提供外观造型、CMF 方案与结构可行性评审，设计阶段即考虑注塑分模与量产成本，交付效果图与手板验证。", ["外观造型", "CMF 方案", "量产可行性评审"]),
            ("人机工程评估与交互优化", "通过用户访谈、任务分析和人机尺寸校核，优化产品操作界面、按键布局与交互流程，并组织可用性测试。", ["用户研究", "人机尺寸分析", "交互设计", "可用性测试"]),
            ("数控机床与工程装备造型设计", "为数控机床、工程机械等装备提供外观护罩、操作台和钣金结构设计，兼顾防护等级与装配工艺。", ["装备造型", "钣金结构设计"]),
            ("产品包装与品牌视觉设计", "提供产品包装结构、印刷工艺与品牌视觉识别系统设计。", ["包装结构", "品牌视觉"]),
            ("手板模型与快速原型制作", "CNC 精雕手板、SLA 光固化 3D 打印和硅胶复模小批量试制，三到五天交付外观与功能样机。", ["CNC 手板", "3D 打印", "复模小批量"]),
            ("文创与旅游商品设计开发", "挖掘地方文化元素，开发文创礼品与旅游商品并对接生产厂家。", ["文创设计", "打样对接"]),
            ("家电产品外观与人机交互设计", "为空气净化器、新风机等家电提供外观造型、人机工程尺寸分析和显示与按键交互设计，兼顾模具分型与量产成本，交付三维模型与外观手板。", ["外观造型", "人机工程分析", "交互设计", "外观手板"]),
            ("小家电结构与量产设计", "承接小家电整机结构设计、注塑件与钣金件设计和 DFM 评审，从外观设计延伸到量产模具跟进，控制装配与成本。", ["结构设计", "DFM 评审", "模具跟进"]),
        ],
        ["technology-transfer"] =
        [
            ("电镀废水重金属深度处理成果转化", "对接高校螯合树脂吸附、膜分离与电化学还原等成果，面向含镍、含铬电镀废水提供深度处理工艺包，组织中试验证并推荐工程设计单位，出水可稳定达到电镀污染物排放标准特别排放限值。", ["成果对接", "中试验证", "工艺包转化"]),
            ("制革含铬废液回收技术对接", "转化碱沉淀—酸溶再生铬鞣剂技术，鞣制废液中铬回收率 95% 以上、再生铬鞣剂回用于鞣制工序，提供技术许可与现场指导。", ["技术许可", "铬回收工艺", "现场指导"]),
            ("科技成果评价与技术合同登记", "依据科技成果评价规范开展第三方成果评价，辅导技术合同认定登记，享受技术交易增值税与所得税减免。", ["成果评价", "技术合同登记", "税收减免辅导"]),
            ("高校科技成果挂牌交易", "在京津冀技术交易平台为高校院所成果挂牌、公示、竞价与协议定价，出具交易鉴证。", ["成果挂牌", "竞价交易", "交易鉴证"]),
            ("技术经理人驻企服务", "技术经理人驻企一到三个月，梳理企业技术需求，匹配高校院所团队并设计合作与转化方案。", ["需求挖掘", "院所对接", "合作方案设计"]),
            ("国际技术转移与引进对接", "对接德国、以色列等地的技术源与中介机构，开展技术引进评估、商务谈判与中外联合研发组织。", ["技术引进评估", "国际对接", "联合研发组织"]),
            ("含重金属工业废水处理技术许可", "转化高校螯合吸附材料与电化学还原技术，面向电镀、五金企业的含镍、含铬废水提供技术许可、工艺设计与调试指导，出水满足特别排放限值，可按处理量分期付费。", ["技术许可", "工艺设计", "调试指导"]),
            ("含铬鞣制废液循环利用技术转移", "对接院所的制革铬鞣废液循环利用与铬回收技术，组织企业现场中试，再生铬鞣剂回用于鞣制工序，降低铬排放与处理成本，提供技术转让合同与技术合同登记服务。", ["成果对接", "现场中试", "技术转让", "合同登记"]),
        ],
        ["finance"] =
        [
            ("知识产权质押融资一站式服务", "为科技型企业提供专利价值评估、质押融资方案设计、质押登记办理和合作银行对接，协助申请贷款贴息与风险补偿资金，单笔可融资 100 至 1000 万元。", ["专利价值评估", "融资方案设计", "质押登记", "银行对接"]),
            ("科技型中小企业贷款担保", "为轻资产科技型中小企业提供流动资金贷款担保，可接受知识产权、股权等反担保措施。", ["贷款担保", "反担保设计"]),
            ("专利与技术资产评估", "由资产评估师依据资产评估准则出具专利、技术秘密价值评估报告，用于质押、作价出资与转让定价。", ["资产评估报告", "作价出资评估"]),
            ("科技保险与风险补偿申报", "设计研发费用损失险、首台套重大技术装备保险方案，协助申报保费补贴。", ["科技保险方案", "保费补贴申报"]),
            ("天使与创投股权融资对接", "梳理商业计划书与估值逻辑，组织投资人闭门路演，对接天使和风险投资机构。", ["商业计划书", "投资人路演", "估值咨询"]),
            ("研发费用加计扣除与财税筹划", "研发项目立项与辅助账规范、研发费用加计扣除申报及高企财务专项审计。", ["辅助账规范", "加计扣除申报", "专项审计"]),
            ("知识产权质押贷款对接与贴息申报", "为拥有发明专利的科技型企业对接合作银行知识产权质押贷款产品，协助办理专利质押登记，申报省市知识产权质押融资贴息和风险补偿。", ["银行产品对接", "质押登记", "贴息申报"]),
            ("专利质押价值评估与融资方案", "评估专利组合的市场价值与质押价值，设计知识产权质押加信用的组合融资方案，配合银行完成授信审查。", ["专利组合评估", "组合融资方案", "授信配合"]),
        ],
        ["ip"] =
        [
            ("海外专利检索与 FTO 自由实施分析", "针对欧洲、美国等目标市场开展专利检索、权利要求逐项比对，出具侵权风险与自由实施（FTO）分析报告，并提出规避设计建议。", ["专利检索", "FTO 分析", "规避设计建议"]),
            ("PCT 与欧洲专利申请布局", "结合产品路线与竞争对手专利制定海外专利布局规划，代理 PCT 国际申请和欧洲专利局申请。", ["布局规划", "PCT 申请", "欧洲专利申请"]),
            ("发明与实用新型专利申请代理", "资深代理师撰写发明、实用新型专利申请文件，答复审查意见与复审。", ["申请文件撰写", "审查意见答复"]),
            ("商标注册与品牌保护", "国内与马德里国际商标注册、商标监测、异议与无效宣告。", ["商标注册", "商标监测"]),
            ("知识产权管理体系贯标", "依据 GB/T 29490 建立企业知识产权管理体系，辅导通过认证审核。", ["体系建立", "认证辅导"]),
            ("专利无效宣告与侵权诉讼代理", "代理专利无效宣告请求与答辩、专利侵权诉讼和海关保护备案。", ["无效宣告", "侵权诉讼", "海关备案"]),
            ("出海企业专利检索分析与布局", "面向拟进入欧洲、北美市场的企业开展目标国专利检索、竞争对手专利分析和侵权风险排查，制定核心产品专利布局方案并代理申请。", ["目标国专利检索", "侵权风险排查", "专利布局方案"]),
            ("专利导航与海外知识产权风险预警", "开展产业专利导航分析，建立竞争对手专利监控与海外知识产权风险预警机制，为产品出口提供 FTO 结论与应对预案。", ["专利导航", "专利监控", "风险预警", "应对预案"]),
        ],
        ["testing"] =
        [
            ("金属材料力学性能检测", "具备 CMA、CNAS 资质，使用电子万能试验机、摆锤冲击试验机和高频疲劳试验机，提供拉伸、冲击、硬度、疲劳等力学性能检测。", ["拉伸试验", "冲击试验", "硬度测试", "疲劳试验"]),
            ("蔬菜与食品农药残留检测", "具备 CMA 资质，采用 GC-MS/MS、LC-MS/MS 开展 200 余种农药多残留确证检测，并提供酶抑制法、胶体金试纸快速筛查方案与现场培训，快速筛查单样 15 分钟出结果。", ["多残留确证检测", "快速筛查方案", "CMA 报告"]),
            ("羊绒羊毛纤维检测与鉴别", "CNAS 认可实验室，采用 OFDA 光学纤维直径分析仪与投影显微镜测定羊绒纤维细度、长度和含量，单批次当天出具报告。", ["纤维细度", "纤维长度", "羊绒含量"]),
            ("电线电缆与绝缘材料检测", "依据 GB/T 2951、GB/T 11026 开展绝缘材料热老化、热延伸、电气强度试验，利用阿伦尼乌斯模型外推温度指数与寿命。", ["热老化试验", "电气强度", "寿命评估"]),
            ("盐雾与环境可靠性试验", "提供中性盐雾、交变盐雾、湿热与高低温循环试验，试验时长可达 3000 小时，出具 CMA 报告。", ["中性盐雾", "交变盐雾", "湿热试验"]),
            ("水质与土壤环境监测", "采用 ICP-MS、原子吸收等方法检测水质与土壤中的重金属、COD、氨氮，承接排污单位自行监测。", ["重金属检测", "水质监测", "土壤监测"]),
            ("有源医疗器械注册检验", "按 GB 9706.1、YY 9706.102 开展有源医疗器械电气安全与电磁兼容检测，出具注册检验报告。", ["电气安全", "电磁兼容", "注册检验报告"]),
            ("机床几何精度与热变形检测", "依据 GB/T 17421 系列标准开展数控机床几何精度、定位精度和主轴热变形检测，使用激光干涉仪、球杆仪与多点温度采集，出具 CNAS 检测报告并给出误差补偿建议。", ["几何精度检测", "定位精度检测", "主轴热变形检测", "补偿建议"]),
            ("锂电池极片面密度与厚度检测", "CNAS 认可实验室，对锂电池正负极极片开展面密度称重、激光测厚、压实密度与涂层剥离强度检测，可比对在线面密度仪数据、评估涂布一致性。", ["面密度检测", "极片测厚", "剥离强度", "在线仪器比对"]),
            ("农产品农药残留快速筛查与确证检测", "具备 CMA 资质，为食品企业提供原料进厂农药残留快速筛查方案、快检试剂验证和 GC-MS/MS 确证检测，快筛单样 20 分钟内出结果，确证检测出具 CMA 报告。", ["快速筛查方案", "快检试剂验证", "确证检测", "CMA 报告"]),
            ("复合材料力学性能与成型质量检测", "开展碳纤维复合材料拉伸、压缩、层间剪切、冲击后压缩试验和超声 C 扫描无损检测，评价模压与热压成型件孔隙率与分层缺陷。", ["力学性能试验", "超声 C 扫描", "孔隙率分析"]),
            ("中药指纹图谱与含量测定检测", "具备 CMA、CNAS 资质，采用 HPLC、UPLC-MS 开展中药提取物、配方颗粒指纹图谱相似度评价与多指标成分含量测定，并可承担方法学验证。", ["指纹图谱检测", "含量测定", "方法学验证"]),
            ("纺织纤维细度与成分快速检测", "CNAS 认可实验室，采用光学纤维直径分析仪快速测定羊绒、羊毛、驼绒纤维平均细度、长度与成分含量，替代人工显微镜测量，当天出具报告。", ["纤维细度", "纤维长度", "成分含量"]),
            ("涂层耐腐蚀性能评价与失效分析", "提供中性盐雾、循环腐蚀和电化学阻抗测试，评价金属丝网、钢结构涂层在海洋大气中的耐蚀寿命，并对起泡、剥落等涂层失效进行显微分析。", ["盐雾试验", "电化学阻抗", "涂层失效分析"]),
            ("电缆绝缘加速老化与寿命评估试验", "依据 GB/T 11026 与 IEC 60216 开展电缆绝缘材料多温度点热老化试验，测定断裂伸长率保留率并用阿伦尼乌斯方程外推温度指数与使用寿命，出具 CMA 报告。", ["多温度点热老化", "伸长率保留率", "寿命外推"]),
        ],
        ["consulting"] =
        [
            ("中药质量标准与指纹图谱研究", "为中药饮片、配方颗粒企业建立 HPLC 指纹图谱与特征图谱、多指标含量测定方法并完成方法学验证，按国家药品标准格式整理申报资料。", ["指纹图谱", "含量测定", "方法学验证", "标准申报资料"]),
            ("医疗器械注册申报咨询", "编写产品技术要求、组织注册检验送检、按同品种比对路径准备临床评价资料，辅导二类医疗器械注册申报与体系核查。", ["产品技术要求", "注册检验送检", "临床评价资料", "体系核查辅导"]),
            ("高新技术企业认定辅导", "梳理知识产权、研发项目与科技成果转化材料，辅导高新技术企业认定申报。", ["高企认定", "材料梳理"]),
            ("科技项目申报咨询", "省市科技计划、专精特新与技术创新中心等项目申报辅导。", ["项目申报", "专精特新申报"]),
            ("企业技术创新诊断", "对企业研发管理体系与技术创新能力进行诊断，给出改进路线图。", ["创新诊断", "研发管理咨询"]),
            ("药品 GMP 合规咨询", "化学药与生物制品生产企业 GMP 差距分析、数据完整性整改与迎检辅导。", ["GMP 差距分析", "数据完整性", "迎检辅导"]),
            ("中药配方颗粒标准研究与申报", "为中药配方颗粒企业开展标准汤剂研究、特征图谱与含量测定方法建立，编写质量标准草案与起草说明，协助完成国家或省级标准备案申报。", ["标准汤剂研究", "特征图谱", "标准草案", "备案申报"]),
            ("二类医疗器械注册与临床评价咨询", "辅导二类医疗器械企业编写产品技术要求、安排注册检验，选择同品种比对或临床试验路径并撰写临床评价报告，跟进注册审评发补。", ["注册路径规划", "注册检验安排", "临床评价报告", "审评发补"]),
            ("医疗器械临床试验与同品种比对评价", "为医疗器械企业设计临床试验方案、对接临床试验机构，或开展同品种产品对比分析，形成符合注册要求的临床评价资料。", ["临床试验方案", "机构对接", "同品种比对"]),
        ],
        ["digital"] =
        [
            ("多 AGV 调度与仓储控制系统", "提供多 AGV 路径规划、交通管制与任务分配调度系统，支持 50 台以上混合车型，通过 WCS 与客户 WMS 对接，已在电商与制造仓库落地。", ["多车路径规划", "任务调度", "WMS 对接"]),
            ("MES 实施与生产数字化改造", "离散制造 MES 实施，覆盖工单、质量追溯与设备管理，配套车间数据采集。", ["MES 实施", "质量追溯", "数据采集"]),
            ("工业视觉表面缺陷检测", "基于深度学习的金属、薄膜与印刷品表面缺陷在线视觉检测，提供相机选型、算法定制与产线集成。", ["相机选型", "缺陷检测算法", "产线集成"]),
            ("发酵过程在线监测与智能控制", "为酿酒、乳品和生物发酵企业集成温度、糖度（折光与近红外）、溶氧在线传感器，基于 PLC 与模型预测控制实现发酵温度自动调节。", ["在线传感", "发酵温度控制", "数据看板"]),
            ("涂布面密度在线测量与闭环控制", "集成 β 射线与 X 射线面密度测量仪，实现锂电池极片涂布横纵向面密度扫描测量，并与模头调节构成闭环控制，面密度一致性可达 ±1%。", ["面密度测量", "闭环控制", "产线集成"]),
            ("企业数据中台与 BI 分析", "建设企业数据中台，整合 ERP、CRM 数据并开发经营分析看板。", ["数据中台", "BI 看板"]),
            ("锂电池涂布在线测厚与面密度监测系统集成", "为锂电池涂布机集成激光测厚和 β 射线面密度在线扫描仪，数据接入 MES 并联动涂布模头调节，实现极片面密度实时监测与超差报警。", ["在线测厚", "面密度扫描", "MES 对接", "超差报警"]),
            ("仓储物流 WMS 与 AGV 调度集成", "为制造与电商仓库实施 WMS、WCS 与 AGV 调度系统集成，优化库位分配、波次拣选与 AGV 任务派发，出入库效率平均提升 30% 以上。", ["WMS 实施", "WCS 对接", "AGV 任务派发", "效率评估"]),
            ("设备数据采集与边缘网关部署", "为工厂多品牌数控机床、PLC 和仪表部署边缘网关，完成协议转换与数据采集并接入工业互联网平台，提供设备联网率与停机分析报表。", ["协议转换", "边缘网关", "设备联网", "停机分析"]),
            ("酿造发酵罐温度与糖度在线控制系统", "为葡萄酒、啤酒企业的发酵罐加装温度、糖度与液位在线传感器，通过 PLC 自动调节冷媒阀门，实现发酵温度曲线控制与异常报警，手机端查看发酵进度。", ["在线糖度监测", "发酵温度自动控制", "异常报警"]),
            ("供热管网泄漏声波检测与定位", "利用声波、负压波与流量平衡分析对城市供热管网进行泄漏检测与定位，定位误差小于 5 米，配套巡检与抢修工单系统。", ["声波检测", "泄漏定位", "抢修工单"]),
        ],
        ["platform"] =
        [
            ("工业设备协议解析与平台接入", "支持 Modbus、OPC UA、西门子 S7、三菱 MC 等 80 余种工业协议，部署边缘网关将多品牌设备统一接入工业互联网平台，提供设备状态监测与能耗分析看板。", ["协议解析", "边缘网关", "状态监测", "能耗分析"]),
            ("大型科研仪器共享服务", "汇聚区域高校院所大型科研仪器，提供在线预约、机时共享与测试代理。", ["仪器预约", "机时共享"]),
            ("供热管网泄漏监测与定位平台", "采用分布式光纤测温、压力与流量监测及负压波算法，对供热管网泄漏进行在线监测与定位，结合 GIS 展示热损失分布。", ["光纤测温", "泄漏定位", "GIS 展示"]),
            ("城市燃气管网安全监测", "在燃气管网与阀井布设甲烷浓度与压力传感器，实现燃气泄漏报警与安全监管。", ["甲烷监测", "泄漏报警"]),
            ("科技文献与标准信息服务", "提供中外科技文献检索、查新与国内外标准信息服务。", ["文献检索", "科技查新", "标准信息"]),
            ("综合科技服务一站式对接", "一站式受理企业科技服务需求，分派专业机构并跟踪服务质量。", ["需求受理", "机构对接"]),
            ("工业互联网平台设备上云与能耗监测", "提供工业互联网平台 SaaS 服务，支持多协议设备统一接入、设备状态监测、OEE 与能耗分析，按设备数量订阅。", ["设备接入", "状态监测", "能耗分析", "OEE 分析"]),
            ("智慧供热管网监测平台", "为供热企业建设管网压力、温度、流量在线监测平台，结合水力模型识别漏损与热损失异常并定位可疑管段。", ["管网在线监测", "水力模型", "漏损识别"]),
        ],
    };

    // The titles of the demo texts, for tests that keep the team's judgements in step with them.
    public static IEnumerable<string> DemandTitles => DemandTexts.Select(d => d.Title);

    // Every demand title with the region it is posted in, published or not.
    public static IEnumerable<(string Title, string Region)> AllDemandRegions => DemandTexts.Concat(MoreDemandTexts).Select(d => (d.Title, d.Region));

    public static IEnumerable<string> OfferingTitles => OfferingTexts.Values.SelectMany(t => t).Select(t => t.Title);

    public int Order => 30;

    public async Task SeedAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (await db.Set<TechnologyAchievement>().AnyAsync(a => a.IsDemo, cancellationToken))
        {
            progress?.Report("demo listings: already there");
            return;
        }

        var now = clock.GetUtcNow();
        var validity = TimeSpan.FromDays(configuration.GetValue("Listings:ValidityDays", 180));
        var universities = await facts.DemoOrganizationsAsync(OrganizationType.UniversityOrInstitute, cancellationToken);
        var institutions = await facts.DemoOrganizationsAsync(OrganizationType.ServiceInstitution, cancellationToken);
        var enterprises = (await facts.DemoOrganizationsAsync(OrganizationType.Enterprise, cancellationToken)).Where(e => e.RegionCode.StartsWith("13", StringComparison.Ordinal)).ToList();
        if (universities.Count == 0 || institutions.Count == 0 || enterprises.Count == 0)
        {
            progress?.Report("demo listings: no demo organizations, skipped");
            return;
        }

        var n = 0;
        // Most demo listings are published; a few wait for review or are drafts, so every page has something to show.
        // Offerings are all published: each is the only one of its title, and match-eval judges them by title.
        T Stamp<T>(T listing, OrganizationFacts owner, ListingStatus? status = null)
            where T : Listing
        {
            n++;
            listing.OrganizationId = owner.Id;
            listing.OwnerRegionCode = owner.RegionCode;
            listing.IsDemo = true;
            listing.CreatedAt = now.AddDays(-(n % 60));
            listing.UpdatedAt = listing.CreatedAt;
            listing.Status = status ?? (n % 10) switch { 0 => ListingStatus.Submitted, 5 => ListingStatus.Draft, _ => ListingStatus.Published };
            if (listing.Status != ListingStatus.Draft)
            {
                listing.SubmittedAt = listing.CreatedAt;
            }

            if (listing.Status == ListingStatus.Published)
            {
                listing.PublishedAt = listing.CreatedAt;
                listing.ExpiresAt = listing.CreatedAt + validity;
                db.Announce(new ListingChanged(ListingNames.Of(listing.Kind), listing.Id, ListingNames.Of(ListingChange.Published)), now);
            }

            db.Add(listing);
            return listing;
        }

        // Achievements from CSL: joined by abstract across the title, keyword and discipline files.
        var directory = Path.Combine(AppContext.BaseDirectory, "Data", "demo");
        Dictionary<string, string> ReadPairs(string file) => File.ReadLines(Path.Combine(directory, file))
            .Select(l => l.Split('\t')).Where(p => p.Length == 3).GroupBy(p => p[1]).ToDictionary(g => g.Key, g => g.First()[2]);
        var keywords = ReadPairs("csl-kg-dev.tsv");
        var disciplines = ReadPairs("csl-dcp-dev.tsv");
        var modes = new[] { TransferModes.Licence, TransferModes.Assignment | TransferModes.Licence, TransferModes.JointDevelopment, TransferModes.EquityContribution | TransferModes.JointDevelopment };
        var byName = (await facts.FindVerifiedByNamesAsync(HoldersByDiscipline.Values.SelectMany(h => h).Distinct().ToList(), cancellationToken));
        var holderFacts = await facts.FindManyAsync(byName.Values.ToList(), cancellationToken);
        var count = 0;
        var perDiscipline = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (abstractText, title) in ReadPairs("csl-ts-dev.tsv"))
        {
            // Only engineering papers become achievements, and only in the hands of an institution of their field (a
            // materials paper held by a university of science and technology, never by an academy of medicine).
            var discipline = disciplines.GetValueOrDefault(abstractText, "");
            var holders = HoldersByDiscipline.GetValueOrDefault(discipline)?.Where(byName.ContainsKey).ToList();
            var field = FieldOf(discipline + title);
            if (holders is not { Count: > 0 } || field is null || title.Length > 200 || abstractText.Length > 8000 || count >= 240)
            {
                continue;
            }

            var k = perDiscipline.GetValueOrDefault(discipline);
            perDiscipline[discipline] = k + 1;
            var owner = holderFacts[byName[holders[k % holders.Count]]];
            Stamp(new TechnologyAchievement
            {
                OwnerRegionCode = owner.RegionCode,
                Title = title,
                Abstract = abstractText,
                Keywords = string.Join(';', keywords.GetValueOrDefault(abstractText, "").Split('_', StringSplitOptions.RemoveEmptyEntries).Take(20)),
                TechnologyFieldCode = field,
                IndustryCode = IndustryByField[field],
                Trl = 2 + (count % 7),
                // No patent number is known for a paper: left empty rather than invented.
                LinkedIp = null,
                TransferModes = modes[count % modes.Length],
                AskingPriceFen = count % 4 == 0 ? null : (10 + (count % 40)) * 1_000_000L,
            }, owner);
            count++;
        }

        // Achievements from national key R&D projects led by demo institutions (real titles and institutions), from
        // the programmes whose results an enterprise licenses (not basic research such as quantum regulation).
        var projects = new List<string[]>();
        using (var reader = new StreamReader(Path.Combine(directory, "PubNKRDP.csv")))
        {
            projects.AddRange(Csv.Read(reader).Skip(1).Where(r => r.Length >= 9 && AppliedProgrammes.Any(a => r[8].Contains(a, StringComparison.Ordinal))));
        }

        var owners = await facts.FindVerifiedByNamesAsync(projects.Select(p => p[5]).Distinct().ToList(), cancellationToken);
        var ownerFacts = await facts.FindManyAsync(owners.Values.ToList(), cancellationToken);
        var projectCount = 0;
        foreach (var project in projects.Where(p => owners.ContainsKey(p[5])).DistinctBy(p => p[4]).Take(200))
        {
            var owner = ownerFacts[owners[project[5]]];
            var field = FieldOf(project[8] + project[4]) ?? "advanced-manufacturing";
            Stamp(new TechnologyAchievement
            {
                OwnerRegionCode = owner.RegionCode,
                Title = project[4].Length > 200 ? project[4][..200] : project[4],
                Abstract = $"国家重点研发计划“{project[8].Trim('“', '”')}”重点专项项目（{project[0]} 年立项，项目编号 {project[2]}），由{project[5]}牵头承担。{project[4]}。",
                Keywords = project[8].Trim('“', '”'),
                TechnologyFieldCode = field,
                IndustryCode = IndustryByField[field],
                Trl = 3 + (projectCount % 5),
                TransferModes = modes[projectCount % modes.Length],
                AskingPriceFen = projectCount % 3 == 0 ? null : (50 + (projectCount % 50)) * 1_000_000L,
            }, owner);
            projectCount++;
        }

        // Demands: each text once, posted by an enterprise of the city (or county) whose industry it belongs to, so that
        // no two cities ask for the same thing; the demo enterprise posts the first two. All of them are published (the
        // judgements measure each); a few further texts wait for review or are drafts, so those pages have something.
        var demoEnterprise = (await facts.MembershipsOfUserNameAsync("enterprise.demo", cancellationToken)).FirstOrDefault(o => o.Type == OrganizationType.Enterprise);
        var used = new HashSet<Guid>();
        OrganizationFacts PosterIn(string region)
        {
            var poster = enterprises.Where(e => !used.Contains(e.Id) && e.Id != demoEnterprise?.Id).FirstOrDefault(e => e.RegionCode.StartsWith(region, StringComparison.Ordinal))
                ?? enterprises.Where(e => !used.Contains(e.Id) && e.Id != demoEnterprise?.Id).FirstOrDefault(e => e.RegionCode.StartsWith(region[..4], StringComparison.Ordinal))
                ?? enterprises.First(e => e.Id != demoEnterprise?.Id);
            used.Add(poster.Id);
            return poster;
        }

        var openCalls = new List<TechnologyDemand>();
        var posted = 0;
        var demandTexts = DemandTexts.Select(d => (Text: d, Status: ListingStatus.Published)).Concat(MoreDemandTexts.Select((d, j) => (Text: d, Status: j % 2 == 0 ? ListingStatus.Submitted : ListingStatus.Draft))).ToList();
        for (var i = 0; i < demandTexts.Count; i++)
        {
            var ((title, description, field, sector, industry, region), status) = demandTexts[i];
            var owner = i < 2 && demoEnterprise is not null ? demoEnterprise : PosterIn(region);
            var demand = Stamp(new TechnologyDemand
            {
                OwnerRegionCode = owner.RegionCode,
                Title = title,
                Description = description,
                TechnologyFieldCode = field,
                SectorCode = sector,
                IndustryCode = industry,
                BudgetMinFen = (5 + (i % 10)) * 1_000_000L,
                BudgetMaxFen = (20 + (i % 10)) * 5_000_000L,
                Deadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(60 + (i % 120)),
                RegionCode = owner.RegionCode,
                Visibility = i % 4 == 1 ? DemandVisibility.Anonymous : DemandVisibility.Public,
                // The demo enterprise's first two are open calls, so the comparison page has proposals.
                IsOpenCall = i < 2 || i % 3 == 0,
            }, owner, status);
            posted++;
            if (demand.IsOpenCall && demand.Status == ListingStatus.Published)
            {
                openCalls.Add(demand);
            }
        }

        // Proposals: three institutions of the matching sector (or any) answer each open call.
        var providerMemberships = await facts.MembershipsOfUserNameAsync("provider.demo", cancellationToken);
        var demoProvider = providerMemberships.Count > 0 ? providerMemberships[0] : null;
        for (var c = 0; c < openCalls.Count; c++)
        {
            var call = openCalls[c];
            var bidders = institutions.Where(o => o.Sectors.Contains(call.SectorCode ?? "")).Concat(institutions).DistinctBy(o => o.Id).Take(3).ToList();
            if (c < 2 && demoProvider is not null && bidders.All(b => b.Id != demoProvider.Id))
            {
                bidders[^1] = demoProvider;
            }

            for (var b = 0; b < bidders.Count; b++)
            {
                db.Add(new Proposal
                {
                    DemandId = call.Id,
                    OrganizationId = bidders[b].Id,
                    Approach = $"方案{b + 1}：针对“{call.Title}”，{(b == 0 ? "采用成熟工艺快速落地，分两期实施" : b == 1 ? "联合高校开展技术攻关，先小试后中试" : "提供整体解决方案并负责运维")}。",
                    PriceFen = (call.BudgetMinFen ?? 10_000_000L) + (b * 2_500_000L),
                    DurationDays = 60 + (b * 30),
                    Team = b switch { 0 => "高级工程师 2 名，工程师 4 名", 1 => "教授 1 名，博士 3 名，工程师 2 名", _ => "项目经理 1 名，工程师 6 名" },
                    Status = b == 0 && c % 2 == 0 ? ProposalStatus.Shortlisted : ProposalStatus.Submitted,
                    CreatedAt = now.AddDays(-b),
                    IsDemo = true,
                });
            }
        }

        // Offerings: every text of a sector published once, by the demo institutions serving that sector in turn (so
        // each demand finds several fitting services from different providers, and titles stay distinct).
        var offerings = 0;
        foreach (var (sector, texts) in OfferingTexts)
        {
            var providers = institutions.Where(i => i.Sectors.Contains(sector)).ToList();
            for (var k = 0; k < texts.Length && providers.Count > 0; k++)
            {
                var institution = providers[k % providers.Count];
                var (title, description, items) = texts[k];
                var model = (PriceModel)(1 + ((n + k) % 3));
                var city = institution.RegionCode[..2] == "13" ? institution.RegionCode[..4] : institution.RegionCode[..2];
                Stamp(new ServiceOffering
                {
                    OwnerRegionCode = institution.RegionCode,
                    Title = title,
                    Description = description,
                    SectorCode = sector,
                    ServiceItems = string.Join('\n', items),
                    PriceModel = model,
                    PriceFen = model == PriceModel.Negotiable ? null : (2 + (n % 20)) * 100_000L,
                    RegionsServed = string.Join(',', new[] { city, "13" }.Distinct()),
                    LeadTimeDays = 3 + (n % 20),
                    AcceptsInnovationVouchers = n % 2 == 0,
                    ContactName = ContactNames[offerings % ContactNames.Length],
                    ContactPhone = SwitchboardOf(institution.RegionCode, offerings),
                    BranchId = institution.Branches.Count > 0 ? institution.Branches[0].Id : null,
                }, institution, ListingStatus.Published);
                offerings++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        progress?.Report($"demo listings: {count + projectCount} achievements, {posted} demands ({openCalls.Count} open calls), {offerings} offerings");
    }

    private static string? FieldOf(string text)
    {
        foreach (var (needle, field) in FieldByTopic)
        {
            if (text.Contains(needle, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }
}
