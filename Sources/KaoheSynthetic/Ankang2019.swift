/// The bundled presets.
public enum Preset: String, CaseIterable, Sendable {
    /// 安康市对县区2019年度目标责任考核（示例数据）: the city's ten units, home 宁陕县, as of 2019-08.
    case ankang2019 = "ankang-2019"

    /// The command that regenerates the preset (the seed is added by the generator).
    public var command: String { "kaohe generate --preset \(rawValue)" }

    public var blueprint: Blueprint {
        switch self {
        case .ankang2019: Blueprint.ankang2019
        }
    }
}

// The people and offices of the preset (invented, plausible for a county of Ankang in 2019).
private let countyHead = "陈县长"
private let executiveDeputy = "刘常务副县长"
private let agricultureDeputy = "王副县长"
private let industryDeputy = "张副县长"
private let socialDeputy = "李副县长"
private let ecologyDeputy = "周副县长"
private let securityDeputy = "吴副县长"
private let partyDeputySecretary = "赵副书记"
private let disciplineSecretary = "郑书记"
private let propagandaHead = "孙部长"
private let politicalLegalSecretary = "钱书记"

extension Blueprint {
    /// 安康市 assesses its ten units; the office works for 宁陕县, a small mountain tourism county.
    public static var ankang2019: Blueprint {
        let units: [SyntheticUnit] = [
            // id, name, size (宁陕 = 1), growth bias, ambition of its targets, quality of its work, risk
            SyntheticUnit(id: "hanbin", name: "汉滨区", scale: 11.0, growthBias: 0.3, ambition: 0.8, quality: 0.3, risk: 1.2),
            SyntheticUnit(id: "hanyin", name: "汉阴县", scale: 3.1, growthBias: 0.4, ambition: 0.3, quality: 0.5, risk: 1.0),
            SyntheticUnit(id: "shiquan", name: "石泉县", scale: 2.3, growthBias: 0.2, ambition: 0.2, quality: 0.4, risk: 0.9),
            SyntheticUnit(id: "ningshan", name: "宁陕县", scale: 1.0, growthBias: 0.5, ambition: 0.4, quality: 0.9, risk: 0.7),
            SyntheticUnit(id: "ziyang", name: "紫阳县", scale: 2.3, growthBias: -0.2, ambition: -0.2, quality: 0.0, risk: 1.0),
            SyntheticUnit(id: "langao", name: "岚皋县", scale: 1.6, growthBias: 0.0, ambition: -0.3, quality: 0.1, risk: 0.9),
            SyntheticUnit(id: "pingli", name: "平利县", scale: 2.3, growthBias: 0.3, ambition: 0.0, quality: 0.6, risk: 0.9),
            SyntheticUnit(id: "zhenping", name: "镇坪县", scale: 0.7, growthBias: -0.4, ambition: -0.6, quality: -0.3, risk: 0.8),
            SyntheticUnit(id: "xunyang", name: "旬阳县", scale: 5.7, growthBias: -0.1, ambition: 0.5, quality: -0.1, risk: 1.3),
            SyntheticUnit(id: "baihe", name: "白河县", scale: 1.7, growthBias: -0.3, ambition: -0.4, quality: -0.4, risk: 1.1),
        ]
        return Blueprint(
            name: "安康市对县区2019年度目标责任考核（示例数据）",
            year: 2019, asOfMonth: 8, firstHistoryYear: 2015,
            home: units.firstIndex { $0.id == "ningshan" }!,
            units: units,
            indicators: ankangIndicators,
            grades: [(name: "优秀", min: 90), (name: "良好", min: 80), (name: "一般", min: 60), (name: "较差", min: 0)],
            historyGrades: [(year: 2016, grade: "优秀"), (year: 2017, grade: "优秀"), (year: 2018, grade: "优秀")],
            headerComments: [
                "合成示例数据（synthetic）：数值由 Kaohe 的生成器按固定种子生成，并非真实统计数据。",
                "单位、部门与指标名称仿照安康市对县区年度目标责任考核，人物为虚构。",
            ],
            missingYearProbability: 0.04, staleProbability: 0.03,
            absentReviewProbability: 0.02, unsubmittedProbability: 0.03,
            lateReportProbability: 0.12, missingReportCount: 1...2, ensureVeto: true
        )
    }
}

/// Tourism leans on the mountain counties: factors on top of economic size.
private let tourismTilt: [String: Double] = [
    "hanbin": 0.45, "hanyin": 0.8, "shiquan": 1.5, "ningshan": 2.6, "ziyang": 0.8,
    "langao": 1.5, "pingli": 1.1, "zhenping": 1.9, "xunyang": 0.6, "baihe": 0.8,
]

private let ankangIndicators: [SyntheticIndicator] = [
    // MARK: quantitative (量化指标)
    SyntheticIndicator(
        id: "gdp_growth", name: "地区生产总值增速", category: .quantitative, unit: "%", weight: 5,
        leader: countyHead, leadDepartment: "县统计局", cooperatingDepartments: ["县发改局"], source: "市统计局",
        model: .rate(RateModel(mean: 10.8, trend: -0.6, unitSD: 0.4, biasSpread: 0.6, yearSD: 0.3, commonSD: 0.3, walkSD: 0.2, targetSpread: 0.4)),
        decimals: 1
    ),
    SyntheticIndicator(
        id: "industry_growth", name: "规模以上工业增加值增速", category: .quantitative, unit: "%", weight: 3,
        leader: industryDeputy, leadDepartment: "县工信局", cooperatingDepartments: ["县统计局"], source: "市统计局",
        model: .rate(RateModel(mean: 14.5, trend: -1.1, unitSD: 1.5, biasSpread: 1.2, yearSD: 1.5, commonSD: 1.0, walkSD: 0.8, targetSpread: 0.8)),
        decimals: 1, janFebCombined: true
    ),
    SyntheticIndicator(
        id: "fixed_investment", name: "全社会固定资产投资", category: .quantitative, unit: "亿元", weight: 6,
        leader: executiveDeputy, leadDepartment: "县发改局", cooperatingDepartments: ["县住建局", "县自然资源局", "县统计局"],
        source: "市统计局",
        model: .cumulative(CumulativeModel(
            base: 45, elasticity: 0.85, unitSD: 0.1, growth: 0.13, growthTrend: -0.01, growthSpread: 0.02,
            growthSD: 0.05, commonSD: 0.02,
            profile: [2.5, 3.5, 7, 8, 8.5, 10, 8, 8, 9.5, 9, 9.5, 16.5], profileSD: 0.1, targetSpread: 0.02
        )),
        janFebCombined: true
    ),
    SyntheticIndicator(
        id: "retail_sales", name: "社会消费品零售总额", category: .quantitative, unit: "亿元", weight: 4,
        leader: industryDeputy, leadDepartment: "县商务局", cooperatingDepartments: ["县统计局", "县市场监管局"],
        source: "市统计局",
        model: .cumulative(CumulativeModel(
            base: 7.5, elasticity: 1.0, unitSD: 0.08, growth: 0.115, growthTrend: -0.006, growthSpread: 0.008,
            growthSD: 0.015, commonSD: 0.008,
            profile: [10, 8.5, 8, 8, 8.2, 8.3, 7.8, 7.9, 8.2, 8.8, 8.3, 8.9], profileSD: 0.03, targetSpread: 0.01
        )),
        janFebCombined: true
    ),
    SyntheticIndicator(
        id: "budget_revenue", name: "一般公共预算收入", category: .quantitative, unit: "万元", weight: 5,
        leader: executiveDeputy, leadDepartment: "县财政局", cooperatingDepartments: ["县税务局"], source: "市财政局",
        model: .cumulative(CumulativeModel(
            base: 14000, elasticity: 1.05, unitSD: 0.12, growth: 0.08, growthTrend: -0.005, growthSpread: 0.015,
            growthSD: 0.05, commonSD: 0.02,
            profile: [11, 6, 8.5, 10, 9, 9.5, 8, 7, 8, 8.5, 6.5, 8], profileSD: 0.12, targetSpread: 0.02
        )),
        decimals: 0
    ),
    SyntheticIndicator(
        id: "urban_income", name: "城镇居民人均可支配收入", category: .quantitative, unit: "元", weight: 3,
        leader: socialDeputy, leadDepartment: "县统计局", cooperatingDepartments: ["县人社局"], source: "市统计局",
        model: .cumulative(CumulativeModel(
            base: 24500, elasticity: 0.06, unitSD: 0.03, growth: 0.086, growthTrend: -0.003, growthSpread: 0.003,
            growthSD: 0.004, commonSD: 0.002,
            profile: [9, 8, 8.3, 8, 8, 8.5, 8.2, 8.2, 8.4, 8.2, 8.3, 8.9], profileSD: 0.02, targetSpread: 0.003
        )),
        decimals: 0
    ),
    SyntheticIndicator(
        id: "rural_income", name: "农村居民人均可支配收入", category: .quantitative, unit: "元", weight: 4,
        leader: agricultureDeputy, leadDepartment: "县统计局", cooperatingDepartments: ["县农业农村局", "县扶贫局"],
        source: "市统计局",
        model: .cumulative(CumulativeModel(
            base: 8200, elasticity: 0.05, unitSD: 0.04, growth: 0.097, growthTrend: -0.002, growthSpread: 0.003,
            growthSD: 0.004, commonSD: 0.002,
            profile: [9.5, 8.5, 7.5, 7, 7.2, 8, 8.2, 9, 10, 9, 8, 7.9], profileSD: 0.02, targetSpread: 0.003
        )),
        decimals: 0
    ),
    SyntheticIndicator(
        id: "investment_attraction", name: "招商引资到位资金", category: .quantitative, unit: "亿元", weight: 4,
        leader: executiveDeputy, leadDepartment: "县招商局", cooperatingDepartments: ["县发改局", "县工信局"],
        source: "市招商局",
        model: .cumulative(CumulativeModel(
            base: 25, elasticity: 0.8, unitSD: 0.15, growth: 0.15, growthTrend: -0.01, growthSpread: 0.02,
            growthSD: 0.08, commonSD: 0.03,
            profile: [3, 4, 7.5, 8, 8.5, 12, 7, 7.5, 10, 8, 9, 15.5], profileSD: 0.15, targetSpread: 0.03
        ))
    ),
    SyntheticIndicator(
        id: "tourism_revenue", name: "旅游综合收入", category: .quantitative, unit: "亿元", weight: 4,
        leader: industryDeputy, leadDepartment: "县文旅局", cooperatingDepartments: ["县统计局", "县交通运输局"],
        source: "市文旅广电局",
        model: .cumulative(CumulativeModel(
            base: 11, elasticity: 0.5, unitSD: 0.1, growth: 0.22, growthTrend: -0.02, growthSpread: 0.02,
            growthSD: 0.04, commonSD: 0.02,
            profile: [5, 8, 6, 7.5, 8.5, 8.5, 13, 14.5, 9, 10, 5.5, 4.5], profileSD: 0.08, targetSpread: 0.02
        )),
        tilt: tourismTilt
    ),
    SyntheticIndicator(
        id: "tourist_visits", name: "接待游客人次", category: .quantitative, unit: "万人次", weight: 2,
        leader: industryDeputy, leadDepartment: "县文旅局", cooperatingDepartments: ["县统计局"], source: "市文旅广电局",
        model: .cumulative(CumulativeModel(
            base: 160, elasticity: 0.5, unitSD: 0.1, growth: 0.18, growthTrend: -0.015, growthSpread: 0.02,
            growthSD: 0.04, commonSD: 0.02,
            profile: [5, 8.5, 6, 7.5, 8.5, 8.5, 12.5, 14, 9, 10.5, 5.5, 4.5], profileSD: 0.08, targetSpread: 0.02
        )),
        tilt: tourismTilt
    ),
    SyntheticIndicator(
        id: "new_urban_jobs", name: "城镇新增就业", category: .quantitative, unit: "人", weight: 2,
        leader: socialDeputy, leadDepartment: "县人社局", source: "市人社局",
        model: .cumulative(CumulativeModel(
            base: 900, elasticity: 0.9, unitSD: 0.08, growth: 0.03, growthSpread: 0.01, growthSD: 0.05, commonSD: 0.01,
            profile: [6, 6, 10, 9, 9, 9, 8, 8, 9, 8, 8, 10], profileSD: 0.1, targetSpread: 0.02
        )),
        decimals: 0
    ),
    SyntheticIndicator(
        id: "poverty_exits", name: "贫困人口脱贫", category: .quantitative, unit: "人", weight: 5,
        leader: agricultureDeputy, leadDepartment: "县扶贫局", cooperatingDepartments: ["县农业农村局", "县人社局", "县住建局"],
        source: "市扶贫局",
        model: .cumulative(CumulativeModel(
            base: 2600, elasticity: 0.8, unitSD: 0.15, growth: -0.18, growthTrend: -0.02, growthSpread: 0.01,
            growthSD: 0.06, commonSD: 0.02,
            profile: [2, 2, 3, 4, 5, 6, 7, 8, 10, 12, 18, 23], profileSD: 0.12, targetSpread: 0.02
        )),
        decimals: 0
    ),
    SyntheticIndicator(
        id: "agri_output", name: "农林牧渔业总产值", category: .quantitative, unit: "亿元", weight: 2,
        leader: agricultureDeputy, leadDepartment: "县农业农村局", cooperatingDepartments: ["县林业局", "县统计局"],
        source: "市统计局",
        model: .cumulative(CumulativeModel(
            base: 6, elasticity: 0.7, unitSD: 0.1, growth: 0.045, growthSpread: 0.005, growthSD: 0.015, commonSD: 0.01,
            profile: [4, 4, 5, 6, 8, 10, 10, 10, 12, 12, 10, 9], profileSD: 0.06, targetSpread: 0.01
        ))
    ),
    SyntheticIndicator(
        id: "private_economy_growth", name: "非公有制经济增加值增速", category: .quantitative, unit: "%", weight: 2,
        leader: industryDeputy, leadDepartment: "县工信局", cooperatingDepartments: ["县市场监管局", "县统计局"],
        source: "市统计局",
        model: .rate(RateModel(mean: 11.5, trend: -0.7, unitSD: 0.6, biasSpread: 0.6, yearSD: 0.4, commonSD: 0.3, walkSD: 0.3, targetSpread: 0.4)),
        decimals: 1
    ),
    SyntheticIndicator(
        id: "air_quality_days", name: "空气质量优良天数比例", category: .quantitative, unit: "%", weight: 2,
        leader: ecologyDeputy, leadDepartment: "县生态环境局", cooperatingDepartments: ["县住建局", "县交通运输局"],
        source: "市生态环境局",
        model: .level(LevelModel(
            mean: 86, trend: 1.2, unitSD: 1.2, yearSD: 1.2,
            seasonal: [-16, -11, -4, 2, 4, 6, 8, 7, 5, 3, -5, -13], noiseSD: 3, yearToDateAverage: true,
            lowest: 35, highest: 100, targetSpread: 0.6, targetStep: 0.1
        )),
        decimals: 1,
        tilt: ["hanbin": -6, "hanyin": 0, "shiquan": 4, "ningshan": 9, "ziyang": 3, "langao": 6, "pingli": 4,
               "zhenping": 9, "xunyang": -2, "baihe": 2]
    ),
    SyntheticIndicator(
        id: "pm25", name: "细颗粒物（PM2.5）平均浓度", category: .quantitative, unit: "微克/立方米", lowerIsBetter: true,
        weight: 2, leader: ecologyDeputy, leadDepartment: "县生态环境局", cooperatingDepartments: ["县住建局", "县工信局"],
        source: "市生态环境局",
        model: .level(LevelModel(
            mean: 48, multiplicative: true, trend: -0.06, unitSD: 0.05, yearSD: 0.05,
            seasonal: [0.45, 0.3, 0.08, -0.1, -0.2, -0.3, -0.35, -0.3, -0.2, 0, 0.2, 0.4], noiseSD: 0.08,
            yearToDateAverage: true, lowest: 8, highest: 150, targetSpread: 0.02, targetStep: 1
        )),
        decimals: 1,
        tilt: ["hanbin": 1.25, "hanyin": 0.9, "shiquan": 0.75, "ningshan": 0.55, "ziyang": 0.75, "langao": 0.65,
               "pingli": 0.75, "zhenping": 0.5, "xunyang": 0.95, "baihe": 0.85]
    ),
    SyntheticIndicator(
        id: "forest_coverage", name: "森林覆盖率", category: .quantitative, unit: "%", weight: 1,
        leader: ecologyDeputy, leadDepartment: "县林业局", cooperatingDepartments: ["县自然资源局"], source: "市林业局",
        model: .level(LevelModel(
            mean: 64, trend: 0.35, unitSD: 1, yearSD: 0.08, noiseSD: 0.03,
            lowest: 30, highest: 96, targetSpread: 0.1, targetStep: 0.01
        )),
        tilt: ["hanbin": -8, "hanyin": 2, "shiquan": 12, "ningshan": 26, "ziyang": 10, "langao": 15, "pingli": 8,
               "zhenping": 23, "xunyang": 0, "baihe": 4]
    ),
    SyntheticIndicator(
        id: "energy_intensity", name: "单位GDP能耗", category: .quantitative, unit: "吨标准煤/万元", lowerIsBetter: true,
        weight: 2, leader: executiveDeputy, leadDepartment: "县发改局", cooperatingDepartments: ["县工信局", "县统计局"],
        source: "市发改委",
        model: .level(LevelModel(
            mean: 0.52, multiplicative: true, trend: -0.045, unitSD: 0.06, yearSD: 0.02,
            seasonal: [0.05, 0.06, 0.02, 0, -0.01, -0.02, -0.02, -0.02, -0.02, -0.01, 0, 0.02], noiseSD: 0.02,
            yearToDateAverage: true, lowest: 0.05, highest: 3, targetSpread: 0.01, targetStep: 0.0001
        )),
        decimals: 4,
        tilt: ["hanbin": 1.15, "hanyin": 1.05, "shiquan": 0.95, "ningshan": 0.7, "ziyang": 0.9, "langao": 0.85,
               "pingli": 0.95, "zhenping": 0.75, "xunyang": 1.5, "baihe": 1.2]
    ),
    SyntheticIndicator(
        id: "unemployment_rate", name: "城镇登记失业率", category: .quantitative, unit: "%", lowerIsBetter: true, weight: 1,
        leader: socialDeputy, leadDepartment: "县人社局", source: "市人社局",
        model: .level(LevelModel(
            mean: 3.7, trend: -0.08, unitSD: 0.25, yearSD: 0.1,
            seasonal: [0.15, 0.25, 0.1, 0, 0, 0, 0, 0, -0.05, -0.1, -0.1, -0.1], noiseSD: 0.05,
            lowest: 1, highest: 8, targetSpread: 0.1, targetStep: 0.1
        ))
    ),
    SyntheticIndicator(
        id: "poverty_incidence", name: "贫困发生率", category: .quantitative, unit: "%", lowerIsBetter: true, weight: 3,
        leader: agricultureDeputy, leadDepartment: "县扶贫局", cooperatingDepartments: ["县农业农村局"], source: "市扶贫局",
        model: .level(LevelModel(
            mean: 14, multiplicative: true, trend: -0.3, unitSD: 0.25, yearSD: 0.05, noiseSD: 0.02,
            lowest: 0.05, highest: 60, targetSpread: 0.05, targetStep: 0.01
        )),
        tilt: ["hanbin": 0.7, "hanyin": 0.85, "shiquan": 0.85, "ningshan": 0.9, "ziyang": 1.3, "langao": 1.1,
               "pingli": 0.9, "zhenping": 1.1, "xunyang": 1.0, "baihe": 1.2]
    ),

    // MARK: new (新增考核指标): no history before 2019
    SyntheticIndicator(
        id: "selenium_industry", name: "富硒产业综合产值", category: .new, unit: "亿元", weight: 3,
        leader: agricultureDeputy, leadDepartment: "县农业农村局", cooperatingDepartments: ["县工信局", "县市场监管局"],
        source: "市富硒产业发展办",
        model: .cumulative(CumulativeModel(
            base: 13, elasticity: 0.8, unitSD: 0.2, growth: 0, growthSD: 0.06,
            profile: [6, 6, 7.5, 8, 8, 9, 8.5, 9, 9.5, 9.5, 9.5, 9.5], profileSD: 0.08, targetSpread: 0.05
        ))
    ),
    SyntheticIndicator(
        id: "community_factory_jobs", name: "新社区工厂吸纳就业", category: .new, unit: "人", weight: 3,
        leader: agricultureDeputy, leadDepartment: "县人社局", cooperatingDepartments: ["县扶贫局", "县工信局"],
        source: "市人社局",
        model: .cumulative(CumulativeModel(
            base: 650, elasticity: 0.7, unitSD: 0.2, growth: 0, growthSD: 0.06,
            profile: [7, 6, 9, 8.5, 8.5, 8.5, 8, 8, 9, 9, 9, 10.5], profileSD: 0.08, targetSpread: 0.05
        )),
        decimals: 0
    ),
    SyntheticIndicator(
        id: "new_above_scale_firms", name: "新增“四上”企业", category: .new, unit: "个", weight: 2,
        leader: industryDeputy, leadDepartment: "县统计局", cooperatingDepartments: ["县工信局", "县商务局", "县住建局"],
        source: "市统计局",
        model: .cumulative(CumulativeModel(
            base: 12, elasticity: 0.9, unitSD: 0.2, growth: 0, growthSD: 0.1,
            profile: [3, 3, 5, 6, 6, 10, 6, 6, 10, 8, 12, 25], profileSD: 0.15, targetSpread: 0.08
        )),
        decimals: 0, janFebCombined: true
    ),
    SyntheticIndicator(
        id: "online_services_rate", name: "政务服务事项网上可办率", category: .new, unit: "%", weight: 2,
        leader: executiveDeputy, leadDepartment: "县行政审批服务局", cooperatingDepartments: ["县政府办"],
        source: "市行政审批服务局",
        model: .level(LevelModel(
            mean: 80, trend: 12, unitSD: 3, yearSD: 1, noiseSD: 0.6,
            lowest: 40, highest: 100, targetSpread: 1.5, targetStep: 1
        )),
        decimals: 1
    ),

    // MARK: bonus (加分指标): small weights, capped at 5 in scoring
    SyntheticIndicator(
        id: "central_provincial_funds", name: "争取中省项目资金", category: .bonus, unit: "亿元", weight: 3,
        leader: executiveDeputy, leadDepartment: "县发改局", cooperatingDepartments: ["县财政局"], source: "市发改委",
        model: .cumulative(CumulativeModel(
            base: 6, elasticity: 0.7, unitSD: 0.15, growth: 0.08, growthSpread: 0.02, growthSD: 0.1, commonSD: 0.04,
            profile: [3, 4, 6, 8, 9, 12, 8, 8, 10, 9, 10, 13], profileSD: 0.15, targetSpread: 0.03
        ))
    ),
    SyntheticIndicator(
        id: "foreign_trade", name: "外贸进出口总额", category: .bonus, unit: "万元", weight: 2,
        leader: industryDeputy, leadDepartment: "县商务局", source: "市商务局",
        model: .cumulative(CumulativeModel(
            base: 3000, elasticity: 1.2, unitSD: 0.45, growth: 0.15, growthSpread: 0.04, growthSD: 0.18, commonSD: 0.05,
            profile: [7, 6, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 8.5, 9, 9, 9.5], profileSD: 0.2, targetSpread: 0.04
        )),
        decimals: 0
    ),
    SyntheticIndicator(
        id: "new_market_entities", name: "新增市场主体", category: .bonus, unit: "户", weight: 2,
        leader: socialDeputy, leadDepartment: "县市场监管局", cooperatingDepartments: ["县行政审批服务局"],
        source: "市市场监管局",
        model: .cumulative(CumulativeModel(
            base: 1100, elasticity: 0.9, unitSD: 0.1, growth: 0.1, growthSpread: 0.02, growthSD: 0.06, commonSD: 0.02,
            profile: [6, 6, 9.5, 9, 9, 9, 8.5, 8.5, 8.5, 8.5, 8.5, 9], profileSD: 0.1, targetSpread: 0.02
        )),
        decimals: 0
    ),
    SyntheticIndicator(
        id: "key_project_investment", name: "省市重点项目完成投资", category: .bonus, unit: "亿元", weight: 1,
        leader: executiveDeputy, leadDepartment: "县发改局", cooperatingDepartments: ["县住建局"], source: "市发改委",
        model: .cumulative(CumulativeModel(
            base: 9, elasticity: 0.8, unitSD: 0.12, growth: 0.1, growthSpread: 0.02, growthSD: 0.08, commonSD: 0.03,
            profile: [2, 3, 7, 8.5, 9, 10.5, 9, 9, 10, 9.5, 9.5, 13], profileSD: 0.12, targetSpread: 0.03
        ))
    ),

    // MARK: common (共性指标): graded A–D by city departments each quarter
    SyntheticIndicator(
        id: "party_building", name: "党的建设", category: .common, unit: "等次", weight: 5,
        leader: partyDeputySecretary, leadDepartment: "县委组织部", source: "市委组织部",
        model: .grade(GradeModel(difficulty: 0))
    ),
    SyntheticIndicator(
        id: "clean_governance", name: "党风廉政建设", category: .common, unit: "等次", weight: 4,
        leader: disciplineSecretary, leadDepartment: "县纪委监委", source: "市纪委监委",
        model: .grade(GradeModel(difficulty: 0.1))
    ),
    SyntheticIndicator(
        id: "ideology", name: "意识形态工作", category: .common, unit: "等次", weight: 3,
        leader: propagandaHead, leadDepartment: "县委宣传部", source: "市委宣传部",
        model: .grade(GradeModel(difficulty: -0.2))
    ),
    SyntheticIndicator(
        id: "safe_county", name: "平安建设", category: .common, unit: "等次", weight: 4,
        leader: politicalLegalSecretary, leadDepartment: "县委政法委", cooperatingDepartments: ["县公安局", "县司法局", "县信访局"],
        source: "市委政法委",
        model: .grade(GradeModel(difficulty: 0.2))
    ),
    SyntheticIndicator(
        id: "business_environment", name: "优化营商环境", category: .common, unit: "等次", weight: 3,
        leader: executiveDeputy, leadDepartment: "县行政审批服务局", cooperatingDepartments: ["县发改局", "县市场监管局"],
        source: "市行政审批服务局",
        model: .grade(GradeModel(difficulty: 0.3))
    ),
    SyntheticIndicator(
        id: "river_chief", name: "河长制湖长制工作", category: .common, unit: "等次", weight: 3,
        leader: ecologyDeputy, leadDepartment: "县水利局", cooperatingDepartments: ["县生态环境局"], source: "市水利局",
        model: .grade(GradeModel(difficulty: 0))
    ),
    SyntheticIndicator(
        id: "rule_of_law", name: "法治政府建设", category: .common, unit: "等次", weight: 3,
        leader: countyHead, leadDepartment: "县司法局", source: "市司法局",
        model: .grade(GradeModel(difficulty: 0.1))
    ),
    SyntheticIndicator(
        id: "livelihood_projects", name: "民生实事", category: .common, unit: "等次", weight: 3,
        leader: socialDeputy, leadDepartment: "县政府办", cooperatingDepartments: ["县教体局", "县卫健委", "县住建局"],
        source: "市政府办",
        model: .grade(GradeModel(difficulty: -0.1))
    ),

    // MARK: negative (负面清单): counted events, points deducted, a few kinds veto
    SyntheticIndicator(
        id: "work_safety", name: "生产安全事故", category: .negative, unit: "起", weight: 0,
        leader: securityDeputy, leadDepartment: "县应急管理局", cooperatingDepartments: ["县住建局", "县交通运输局"],
        source: "市应急管理局",
        model: .events(EventsModel(ratePerYear: 0.45, elasticity: 0.5, kinds: [
            EventKind(weight: 0.45, points: 0.5, department: "县交通运输局", description: "一般生产安全事故1起（道路运输）"),
            EventKind(weight: 0.25, points: 0.5, department: "县住建局", description: "一般生产安全事故1起（建筑施工）"),
            EventKind(weight: 0.1, points: 0.5, description: "一般生产安全事故1起（非煤矿山）"),
            EventKind(weight: 0.18, points: 2, description: "较大生产安全事故1起"),
            EventKind(weight: 0.005, points: 5, veto: true, description: "重大生产安全事故1起"),
        ]))
    ),
    SyntheticIndicator(
        id: "petitions", name: "信访问题", category: .negative, unit: "件", weight: 0,
        leader: securityDeputy, leadDepartment: "县信访局", cooperatingDepartments: ["县委政法委"], source: "市信访局",
        model: .events(EventsModel(ratePerYear: 0.9, elasticity: 0.5, kinds: [
            EventKind(weight: 0.45, points: 0.5, description: "进京非正常上访1起"),
            EventKind(weight: 0.35, points: 0.3, description: "赴省越级集体上访1批次"),
            EventKind(weight: 0.2, points: 0.2, description: "信访积案化解不力被市上通报1次"),
        ]))
    ),
    SyntheticIndicator(
        id: "environmental_inspection", name: "环保督察问题", category: .negative, unit: "件", weight: 0,
        leader: ecologyDeputy, leadDepartment: "县生态环境局", cooperatingDepartments: ["县自然资源局", "县水利局", "县林业局"],
        source: "市生态环境局",
        model: .events(EventsModel(ratePerYear: 0.5, elasticity: 0.4, kinds: [
            EventKind(weight: 0.4, points: 1, description: "中央环保督察交办问题整改不到位1件"),
            EventKind(weight: 0.35, points: 0.5, description: "省环保督察反馈问题被通报1件"),
            EventKind(weight: 0.15, points: 1, department: "县自然资源局", description: "违法违规采矿问题被督察通报1件"),
            EventKind(weight: 0.08, points: 1, description: "突发环境事件1起"),
            EventKind(weight: 0.005, points: 5, veto: true, description: "重大环境污染事件1起"),
        ]))
    ),
    SyntheticIndicator(
        id: "poverty_audit", name: "脱贫攻坚考核发现问题", category: .negative, unit: "件", weight: 0,
        leader: agricultureDeputy, leadDepartment: "县扶贫局", cooperatingDepartments: ["县农业农村局"], source: "市扶贫局",
        model: .events(EventsModel(ratePerYear: 0.35, elasticity: 0.3, kinds: [
            EventKind(weight: 0.55, points: 0.5, description: "扶贫领域问题被省市通报1件"),
            EventKind(weight: 0.44, points: 0.3, description: "第三方评估发现错退漏评问题1件"),
            EventKind(weight: 0.005, points: 5, veto: true, description: "脱贫攻坚成效考核发现重大问题被约谈"),
        ]))
    ),
    SyntheticIndicator(
        id: "discipline", name: "违规违纪问题", category: .negative, unit: "件", weight: 0,
        leader: disciplineSecretary, leadDepartment: "县纪委监委", source: "市纪委监委",
        model: .events(EventsModel(ratePerYear: 0.3, elasticity: 0.3, kinds: [
            EventKind(weight: 0.6, points: 0.5, description: "违反中央八项规定精神问题被市纪委通报1件"),
            EventKind(weight: 0.4, points: 0.3, description: "形式主义官僚主义问题被通报1件"),
        ]))
    ),
    SyntheticIndicator(
        id: "food_drug_safety", name: "食品药品安全事件", category: .negative, unit: "起", weight: 0,
        leader: socialDeputy, leadDepartment: "县市场监管局", cooperatingDepartments: ["县卫健委"], source: "市市场监管局",
        model: .events(EventsModel(ratePerYear: 0.2, elasticity: 0.4, kinds: [
            EventKind(weight: 0.7, points: 0.5, description: "食品安全事故1起"),
            EventKind(weight: 0.3, points: 0.5, description: "药品安全事件1起"),
        ]))
    ),
    SyntheticIndicator(
        id: "forest_fire", name: "森林火灾", category: .negative, unit: "起", weight: 0,
        leader: ecologyDeputy, leadDepartment: "县林业局", cooperatingDepartments: ["县应急管理局"], source: "市林业局",
        model: .events(EventsModel(ratePerYear: 0.15, elasticity: 0.2, kinds: [
            EventKind(weight: 0.9, points: 0.5, description: "一般森林火灾1起"),
            EventKind(weight: 0.1, points: 2, description: "较大森林火灾1起"),
        ]))
    ),
]
