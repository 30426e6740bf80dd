using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Files;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Directory.Seed;

// Demo organizations (every Hebei city, every sector, Beijing and Tianjin, the real universities and institutes of
// Data/demo/institutions.csv), the demo owners' memberships, recognitions and groups. Keyed by credit code and group
// name, so a second run adds only what is missing; everything is inserted in one SaveChanges.
internal sealed class DemoOrganizationsSeeder(PlatformDbContext db, IReferenceData reference, TimeProvider clock) : IDemoSeeder
{
    public const string EnterpriseOwner = "enterprise.demo";
    public const string ProviderOwner = "provider.demo";
    public const string BeijingLabOwner = "provider.beijing";
    public const string BeijingLabName = "北京中关村精测检验检测实验室有限公司";

    private static readonly string[] Words = ["恒创", "华信", "中科", "瑞达", "博远", "启航", "融通", "智汇", "新锐", "嘉诚", "宏图", "鼎盛", "天工", "锦程", "睿思", "长河"];
    private static readonly (string Suffix, string Industry)[] EnterpriseLines =
    [
        ("精密机械有限公司", "C34"), ("新材料科技有限公司", "C30"), ("电子科技有限公司", "C39"), ("生物医药有限公司", "C27"),
        ("环保科技有限公司", "N77"), ("智能装备有限公司", "C35"), ("食品有限公司", "C14"), ("新能源科技有限公司", "C38"),
    ];

    private static readonly Dictionary<string, (string Suffix, string Industry)> SectorLines = new()
    {
        ["rd"] = ("技术研究院有限公司", "M73"),
        ["incubation"] = ("科技企业孵化器有限公司", "M75"),
        ["industrial-design"] = ("工业设计有限公司", "M74"),
        ["technology-transfer"] = ("技术转移服务有限公司", "M75"),
        ["finance"] = ("科技融资担保有限公司", "J69"),
        ["ip"] = ("知识产权代理有限公司", "L72"),
        ["testing"] = ("检验检测技术有限公司", "M74"),
        ["consulting"] = ("科技咨询有限公司", "L72"),
        ["digital"] = ("数字科技有限公司", "I65"),
        ["platform"] = ("科技服务平台有限公司", "M75"),
    };

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"];

    private readonly List<Organization> added = [];
    private int serial;
    private DateOnly today;
    private DateTimeOffset now;

    public int Order => 20;

    public async Task SeedAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        now = clock.GetUtcNow();
        today = DateOnly.FromDateTime(AdjustableClock.ToChina(now).DateTime);
        var regions = await db.Set<Region>().AsNoTracking().Where(r => r.Code.StartsWith("11") || r.Code.StartsWith("12") || r.Code.StartsWith("13")).ToListAsync(cancellationToken);
        var names = regions.ToDictionary(r => r.Code, r => r.Name);
        var existing = (await db.Set<Organization>().Include(o => o.Sectors).Where(o => o.IsDemo).ToListAsync(cancellationToken))
            .Where(o => o.CreditCode is not null).ToDictionary(o => o.CreditCode!);

        // 雄安's counties and the province-managed 辛集 and 定州 get organizations of their own below, not as their city's.
        List<string> CountiesOf(string city) => regions.Where(r => r.ParentCode == city && r.Level == RegionLevel.County && !RegionFilter.Xiongan.Contains(r.Code) && Jurisdictions.Of(r.Code) != r.Code)
            .Select(r => r.Code).OrderBy(c => c, StringComparer.Ordinal).ToList();
        string Short(string code) => names[code].TrimEnd('市', '区', '县');

        Organization Add(OrganizationKind kind, string name, string authority, string regionCode, string industry, params string[] sectors)
        {
            var code = DemoCreditCodes.Build(authority, regionCode, 37_000_000 + (++serial * 7919));
            if (existing.TryGetValue(code, out var found))
            {
                return found;
            }

            var organization = new Organization
            {
                Kind = kind,
                LegalName = name,
                CreditCode = code,
                RegionCode = regionCode,
                IndustryCode = industry,
                EstablishedOn = today.AddDays(-(800 + (serial * 97 % 6000))),
                LegalRepresentative = Surnames[serial % Surnames.Length] + GivenNames[serial * 7 % GivenNames.Length],
                Verification = VerificationStatus.Verified,
                CreatedAt = now,
                IsDemo = true,
                Sectors = sectors.Select(s => new OrganizationSector { SectorCode = s }).ToList(),
            };
            existing[code] = organization;
            added.Add(organization);
            db.Add(organization);
            return organization;
        }

        // Enterprises: three in every Hebei city, some in Xiong'an, Beijing, Tianjin and the county clusters.
        var enterprises = new List<Organization>();
        var hebeiCities = Enumerable.Range(1, 11).Select(i => $"13{i:D2}").ToList();
        var w = 0;
        foreach (var city in hebeiCities)
        {
            var counties = CountiesOf(city);
            for (var i = 0; i < 3; i++)
            {
                var (suffix, industry) = EnterpriseLines[w % EnterpriseLines.Length];
                enterprises.Add(Add(OrganizationKind.Enterprise, $"{Short(city)}{Words[w++ % Words.Length]}{suffix}", "91", counties[i % counties.Count], industry));
            }
        }

        foreach (var (region, prefix) in new[] { ("130629", "雄安"), ("130638", "雄安"), ("130682", "定州"), ("110108", "北京"), ("110105", "北京"), ("110108", "北京"), ("120116", "天津"), ("120104", "天津"), ("120116", "天津") })
        {
            var (suffix, industry) = EnterpriseLines[w % EnterpriseLines.Length];
            enterprises.Add(Add(OrganizationKind.Enterprise, $"{prefix}{Words[w++ % Words.Length]}{suffix}", "91", region, industry));
        }

        var clusterMembers = new Dictionary<string, List<Organization>>();
        foreach (var cluster in reference.CountyClusters)
        {
            var members = clusterMembers[cluster.Code] = [];
            var division = reference.IndustryDivisions.First(d => d.Code == cluster.IndustryDivision);
            foreach (var region in cluster.RegionCodes)
            {
                var county = region.Length == 6 ? region : CountiesOf(region)[0];
                for (var i = 0; i < 2; i++)
                {
                    members.Add(Add(OrganizationKind.Enterprise, $"{Short(county)}{Words[w++ % Words.Length]}{cluster.ProductZh}有限公司", "91", county, division.Section + division.Code));
                }
            }

            enterprises.AddRange(members);
        }

        // Service institutions: six per sector, spread over the Hebei cities, Beijing and Tianjin; plus the Beijing lab.
        var locations = hebeiCities.Select(c => CountiesOf(c)[0]).Concat(["110108", "120116"]).ToList();
        var institutions = new List<Organization>();
        for (var i = 0; i < 60; i++)
        {
            var sector = reference.Sectors[i % reference.Sectors.Count].Code;
            var region = locations[i % locations.Count];
            var city = region[..2] is "11" or "12" ? region[..2] : region[..4];
            var place = region[..2] == "11" ? "北京" : region[..2] == "12" ? "天津" : Short(city);
            var (suffix, industry) = SectorLines[sector];
            institutions.Add(Add(OrganizationKind.ServiceInstitution, $"{place}{Words[(i * 5 + 3) % Words.Length]}{suffix}", "91", region, industry, sector));
        }

        var lab = Add(OrganizationKind.ServiceInstitution, BeijingLabName, "91", "110108", "M74", "testing", "rd");
        institutions.Add(lab);

        // Universities and research institutes under their real names.
        var universities = new List<Organization>();
        using (var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Data", "demo", "institutions.csv")))
        {
            foreach (var row in Csv.Read(reader).Skip(1).Where(r => r.Length >= 6))
            {
                var region = row[5] switch
                {
                    "北京" => "110108",
                    "天津" => "120104",
                    _ => row[2].Contains("北戴河", StringComparison.Ordinal) ? "130304" : "130108",
                };
                universities.Add(Add(OrganizationKind.UniversityOrInstitute, row[2], "12", region, row[2].Contains("大学", StringComparison.Ordinal) ? "P83" : "M73", "rd"));
            }
        }

        var users = await db.Users.Where(u => u.UserName == EnterpriseOwner || u.UserName == ProviderOwner || u.UserName == BeijingLabOwner)
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var enterpriseHome = enterprises.First(e => e.RegionCode.StartsWith("1301", StringComparison.Ordinal));
        var providerHome = institutions.First(e => e.RegionCode.StartsWith("1301", StringComparison.Ordinal));
        foreach (var (userName, organization) in new[] { (EnterpriseOwner, enterpriseHome), (ProviderOwner, providerHome), (BeijingLabOwner, lab) })
        {
            if (users.TryGetValue(userName, out var userId)
                && !await db.Set<Membership>().AnyAsync(m => m.UserId == userId && m.OrganizationId == organization.Id, cancellationToken))
            {
                db.Add(new Membership { UserId = userId, OrganizationId = organization.Id, Role = MembershipRole.Owner, CreatedAt = now });
            }
        }

        AddRecognitions(enterprises, institutions, universities, enterpriseHome);

        // Demo institutions are admitted ones (provider.demo owns "an approved institution"), and the public directory
        // lists a service institution only once admitted: each gets an approved application.
        var admitted = (await db.Set<InstitutionApplication>().Select(a => a.OrganizationId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var institution in institutions.Where(i => !admitted.Contains(i.Id)))
        {
            db.Add(new InstitutionApplication
            {
                OrganizationId = institution.Id, RegionCode = institution.RegionCode, State = InstitutionState.Approved,
                ServiceDescription = "演示数据", SubmittedAt = now, DecidedAt = now,
            });
        }
        await AddGroupsAsync(enterprises, institutions, clusterMembers, lab, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        progress?.Report($"demo organizations: {added.Count} added, {existing.Count} in all");
    }

    private void AddRecognitions(List<Organization> enterprises, List<Organization> institutions, List<Organization> universities, Organization enterpriseHome)
    {
        var fresh = added.Select(o => o.Id).ToHashSet();
        var n = 0;
        void Recognise(Organization organization, string kind, RecognitionLevel level, string authority, string certificatePrefix, int years, DateOnly? validUntil = null)
        {
            if (!fresh.Contains(organization.Id))
            {
                return;
            }

            n++;
            var issued = today.AddDays(-(100 + (n * 37 % 900)));
            db.Add(new Recognition
            {
                OrganizationId = organization.Id,
                KindCode = kind,
                Level = level,
                Authority = authority,
                CertificateNumber = certificatePrefix + (100000 + n * 13).ToString(CultureInfo.InvariantCulture),
                IssuedOn = issued,
                ValidUntil = validUntil ?? issued.AddYears(years),
                // Every seventh waits in the admins' queue.
                Status = n % 7 == 0 ? RecognitionStatus.Pending : RecognitionStatus.Confirmed,
                CreatedAt = now,
                ReviewedAt = n % 7 == 0 ? null : now,
                IsDemo = true,
            });
        }

        string Province(Organization o) => o.RegionCode[..2] switch { "11" => "北京市", "12" => "天津市", _ => "河北省" };
        for (var i = 0; i < enterprises.Count; i++)
        {
            var e = enterprises[i];
            if (i % 3 == 0)
            {
                Recognise(e, "high-tech-enterprise", RecognitionLevel.National, $"{Province(e)}高新技术企业认定管理机构", $"GR2024{e.RegionCode[..2]}", 3);
            }

            if (i % 3 == 1)
            {
                Recognise(e, "tech-sme", RecognitionLevel.Provincial, $"{Province(e)}科学技术厅", $"2025{e.RegionCode[..4]}", 1);
            }

            if (i % 5 == 2)
            {
                Recognise(e, "specialised-new", RecognitionLevel.Provincial, $"{Province(e)}工业和信息化厅", "ZJTX", 3);
            }
        }

        // The demo enterprise's SME certificate runs out soon, so the expiry reminder has something to show.
        Recognise(enterpriseHome, "tech-sme", RecognitionLevel.Provincial, "河北省科学技术厅", "2025SJZ", 1, today.AddDays(20));

        foreach (var institution in institutions)
        {
            var sector = institution.Sectors[0].SectorCode;
            switch (sector)
            {
                case "testing":
                    Recognise(institution, "cma", RecognitionLevel.Provincial, $"{Province(institution)}市场监督管理局", "CMA", 6);
                    Recognise(institution, "cnas", RecognitionLevel.National, "中国合格评定国家认可委员会", "CNAS L", 6);
                    break;
                case "incubation":
                    Recognise(institution, "incubator", RecognitionLevel.Provincial, $"{Province(institution)}科学技术厅", "FHQ", 5);
                    Recognise(institution, "maker-space", RecognitionLevel.National, "科学技术部", "ZCKJ", 5);
                    break;
                case "technology-transfer":
                    Recognise(institution, "tech-transfer-institution", RecognitionLevel.National, "科学技术部", "JSZY", 5);
                    break;
                case "rd":
                    Recognise(institution, "new-rd-institution", RecognitionLevel.Provincial, $"{Province(institution)}科学技术厅", "XXYF", 5);
                    break;
                default:
                    break;
            }
        }

        for (var i = 0; i < universities.Count; i += 4)
        {
            Recognise(universities[i], i % 8 == 0 ? "key-lab" : "engineering-centre", RecognitionLevel.National, "科学技术部", "ZDSYS", 5);
        }

        for (var i = 2; i < universities.Count; i += 9)
        {
            Recognise(universities[i], "international-cooperation-base", RecognitionLevel.National, "科学技术部", "GJHZ", 5);
        }
    }

    private async Task AddGroupsAsync(List<Organization> enterprises, List<Organization> institutions, Dictionary<string, List<Organization>> clusterMembers, Organization lab, CancellationToken cancellationToken)
    {
        var names = (await db.Set<OrganizationGroup>().Select(g => g.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        void Group(GroupKind kind, string name, string nameEn, string regionCode, Organization? lead, IEnumerable<Organization> members, string? referenceCode = null, string? sector = null)
        {
            if (!names.Add(name))
            {
                return;
            }

            var group = new OrganizationGroup
            {
                Kind = kind, Name = name, NameEn = nameEn, RegionCode = regionCode, LeadOrganizationId = lead?.Id, ReferenceCode = referenceCode,
                SectorCode = sector, CreatedAt = now, IsDemo = true,
            };
            group.Members = members.Append(lead).OfType<Organization>().DistinctBy(o => o.Id)
                .Select(o => new GroupMember { OrganizationId = o.Id, JoinedAt = now }).ToList();
            db.Add(group);
        }

        foreach (var cluster in reference.CountyClusters)
        {
            Group(GroupKind.CountyCluster, $"{cluster.NameZh}产业集群", $"{cluster.NameEn} cluster", cluster.RegionCodes[0], null, clusterMembers[cluster.Code], cluster.Code);
        }

        List<Organization> InSector(string sector) => institutions.Where(o => o.Sectors.Any(s => s.SectorCode == sector)).ToList();
        Group(GroupKind.Alliance, "京津冀检验检测产业技术创新联盟", "Beijing–Tianjin–Hebei testing and inspection industrial technology innovation alliance", lab.RegionCode, lab, InSector("testing"), sector: "testing");
        var design = InSector("industrial-design").First(o => o.RegionCode.StartsWith("13", StringComparison.Ordinal));
        Group(GroupKind.Alliance, "河北省工业设计产业技术创新联盟", "Hebei industrial design industrial technology innovation alliance", design.RegionCode, design, InSector("industrial-design"), sector: "industrial-design");
        var transfer = InSector("technology-transfer").First(o => o.RegionCode.StartsWith("13", StringComparison.Ordinal));
        Group(GroupKind.Alliance, "京津冀技术转移协同创新联盟", "Beijing–Tianjin–Hebei technology transfer alliance", transfer.RegionCode, transfer, InSector("technology-transfer"), sector: "technology-transfer");

        Group(GroupKind.HighTechZone, "石家庄高新技术产业开发区", "Shijiazhuang High-tech Industrial Development Zone", "1301", null, enterprises.Where(o => o.RegionCode.StartsWith("1301", StringComparison.Ordinal)));
        Group(GroupKind.HighTechZone, "保定国家高新技术产业开发区", "Baoding National High-tech Industrial Development Zone", "1306", null, enterprises.Where(o => o.RegionCode.StartsWith("1306", StringComparison.Ordinal)));
        Group(GroupKind.Cluster, "雄安新区科技服务业集聚区", "Xiong'an sci-tech services cluster", "130629", null,
            enterprises.Concat(institutions).Where(o => RegionFilter.Xiongan.Contains(o.RegionCode)));
        Group(GroupKind.Cluster, "石家庄科技服务业集聚区", "Shijiazhuang sci-tech services cluster", "1301", null, institutions.Where(o => o.RegionCode.StartsWith("1301", StringComparison.Ordinal)));
    }
}
