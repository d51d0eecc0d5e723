using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Host.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Seeding;

/// <summary>
/// Development data: a few communities and compounds, and one account per role (README lists them). Never
/// seeded when Anju:SeedDemoData is false.
/// </summary>
public static class DemoData
{
    private const string Chengjiang = "jiangyin/chengjiang";
    private const string Nanzha = "jiangyin/nanzha";
    private const string Yunting = "jiangyin/yunting";
    public const string Huangshan = Chengjiang + "/huangshan";
    public const string Binjiang = Huangshan + "/binjiang-garden";
    public const string Xingfu = Nanzha + "/xingfu";
    public const string Xingfuli = Xingfu + "/xingfuli";

    /// <summary>A third street with a committee-run compound, so the quarterly ranking has a field of four.</summary>
    public const string Dingshan = Yunting + "/dingshan";

    public const string DingshanYayuan = Dingshan + "/dingshan-yayuan";

    public static async Task SeedAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<HostDbContext>();
        var existing = (await db.JurisdictionNodes.Select(n => n.Path).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        ReferenceData.Add(db, existing, new JurisdictionNode { Path = Huangshan, Id = "huangshan", Name = "黄山社区", Kind = "community", ParentPath = Chengjiang });
        ReferenceData.Add(db, existing, new JurisdictionNode { Path = Binjiang, Id = "binjiang-garden", Name = "滨江花园", Kind = "compound", ParentPath = Huangshan });
        ReferenceData.Add(db, existing, new JurisdictionNode { Path = Huangshan + "/yuxiu-court", Id = "yuxiu-court", Name = "毓秀苑", Kind = "compound", ParentPath = Huangshan });
        ReferenceData.Add(db, existing, new JurisdictionNode { Path = Xingfu, Id = "xingfu", Name = "幸福社区", Kind = "community", ParentPath = Nanzha });
        ReferenceData.Add(db, existing, new JurisdictionNode { Path = Xingfuli, Id = "xingfuli", Name = "幸福里小区", Kind = "compound", ParentPath = Xingfu });
        ReferenceData.Add(db, existing, new JurisdictionNode { Path = Dingshan, Id = "dingshan", Name = "定山社区", Kind = "community", ParentPath = Yunting });
        ReferenceData.Add(db, existing, new JurisdictionNode { Path = DingshanYayuan, Id = "dingshan-yayuan", Name = "定山雅苑", Kind = "compound", ParentPath = Dingshan });
        await db.SaveChangesAsync();
        await SeedCompoundsAsync(db);

        var password = AdminAccount.DemoPassword;
        await EnsureUserAsync(services, "street.chengjiang", "澄江街道 王科长", password, [Roles.StreetOffice], [Chengjiang]);
        await EnsureUserAsync(services, "street.nanzha", "南闸街道 赵科长", password, [Roles.StreetOffice], [Nanzha]);
        await EnsureUserAsync(services, "community.huangshan", "黄山社区 李主任", password, [Roles.Community], [Huangshan]);
        await EnsureUserAsync(services, "firm.binjiang", "滨江物业 陈经理", password, [Roles.PropertyFirm], [Binjiang]);
        await EnsureUserAsync(services, "committee.binjiang", "滨江花园业委会 周主任", password, [Roles.OwnersCommittee], [Binjiang]);
        await EnsureUserAsync(services, "station.chengjiang", "澄江联合执法工作站 孙队长", password, [Roles.EnforcementStation], [Chengjiang]);
        await EnsureUserAsync(services, "station.nanzha", "南闸联合执法工作站 钟队长", password, [Roles.EnforcementStation], [Nanzha]);
        await EnsureUserAsync(services, "bureau.housing", "市住建局 物业科 吴科长", password, [Roles.HousingBureau], [Jurisdiction.City]);
        await EnsureUserAsync(services, "dept.chengguan", "市城管局 郑队员", password, [Roles.Department], [Jurisdiction.City], department: "chengguan");
        await EnsureUserAsync(services, "dept.xiaofang", "市消防救援大队 钱参谋", password, [Roles.Department], [Jurisdiction.City], department: "xiaofang");
        await EnsureUserAsync(services, "dept.zhujian", "市住建局 执法科 冯科员", password, [Roles.Department], [Jurisdiction.City], department: "zhujian");
        await EnsureUserAsync(services, "community.xingfu", "幸福社区 何主任", password, [Roles.Community], [Xingfu]);
        await EnsureUserAsync(services, "firm.yuxiu", "毓秀物业 蒋经理", password, [Roles.PropertyFirm], [Huangshan + "/yuxiu-court"]);
        await EnsureUserAsync(services, "owner.li", "业主 李先生", password, [Roles.Owner], [Binjiang]);
        await EnsureUserAsync(services, "street.yunting", "云亭街道 马科长", password, [Roles.StreetOffice], [Yunting]);
        await EnsureUserAsync(services, "community.dingshan", "定山社区 严主任", password, [Roles.Community], [Dingshan]);
        await EnsureUserAsync(services, "committee.dingshan", "定山雅苑业委会 褚主任", password, [Roles.OwnersCommittee], [DingshanYayuan]);
        foreach (var (username, displayName) in BinjiangOwners)
        {
            await EnsureUserAsync(services, username, displayName, password, [Roles.Owner], [Binjiang]);
        }

        // 幸福里小区 (committee formation, P4): six owners of one 100 m² unit each, and the committee they elect.
        await EnsureUserAsync(services, "committee.xingfuli", "幸福里小区业委会 韩主任", password, [Roles.OwnersCommittee], [Xingfuli]);
        foreach (var (username, displayName) in XingfuliOwners)
        {
            await EnsureUserAsync(services, username, displayName, password, [Roles.Owner], [Xingfuli]);
        }
    }

    /// <summary>幸福里小区's owners: six of 100 m² each, so that four of them are exactly 2/3 by area and by headcount.</summary>
    public static readonly IReadOnlyList<(string Username, string DisplayName)> XingfuliOwners =
    [
        ("owner.sun", "业主 孙先生"),
        ("owner.zhou", "业主 周女士"),
        ("owner.wu", "业主 吴先生"),
        ("owner.zheng", "业主 郑女士"),
        ("owner.feng", "业主 冯先生"),
        ("owner.he", "业主 何女士"),
    ];

    /// <summary>The owners of 滨江花园 besides owner.li (README's demo account table lists them).</summary>
    private static readonly (string Username, string DisplayName)[] BinjiangOwners =
    [
        ("owner.wang", "业主 王女士"),
        ("owner.zhang", "业主 张先生"),
        ("owner.liu", "业主 刘女士"),
        ("owner.chen", "业主 陈先生"),
        ("owner.yang", "业主 杨女士"),
        ("owner.zhao", "业主 赵先生"),
    ];

    /// <summary>
    /// A demo account (Development only: Startup.cs refuses demo data elsewhere) unless it exists. Its password, the
    /// published demo one, is set without the password policy, which refuses it.
    /// </summary>
    public static Task EnsureUserAsync(IServiceProvider services, string username, string displayName, string password, string[] roles, string[] jurisdictions, string? department = null) =>
        EnsureAccountAsync(services, username, displayName, password, roles, jurisdictions, department, checkPassword: false);

    /// <summary>An account unless it exists; with <paramref name="checkPassword"/>, the password must pass the policy (Identity/PasswordPolicy.cs).</summary>
    public static async Task EnsureAccountAsync(IServiceProvider services, string username, string displayName, string password, string[] roles, string[] jurisdictions, string? department = null, bool checkPassword = true)
    {
        var users = services.GetRequiredService<UserManager<AnjuUser>>();
        if (await users.FindByNameAsync(username) is not null)
        {
            return;
        }

        var user = new AnjuUser { UserName = username, DisplayName = displayName, DepartmentId = department };
        IdentityResult created;
        if (checkPassword)
        {
            created = await users.CreateAsync(user, password);
        }
        else
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            created = await users.CreateAsync(user);
        }

        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Account '{username}' could not be created: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRolesAsync(user, roles);
        var db = services.GetRequiredService<HostDbContext>();
        db.UserJurisdictions.AddRange(jurisdictions.Select(j => new UserJurisdiction { UserId = user.Id, Path = j }));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The demo compounds' registry records (firm, committee, area, units). 滨江花园 and 幸福里小区, where the demo
    /// ballots run, are small compounds whose registered floor area and unit count are exactly those of their complete
    /// owners' registers (the voting feature's demo register: 9 units, 1,004.40 m²; 幸福里: 6 units of 100 m²), so that a
    /// ballot opens there on the default tolerance without any confirmation by the street office.
    /// </summary>
    private static async Task SeedCompoundsAsync(HostDbContext db)
    {
        var existing = (await db.Compounds.Select(c => c.Path).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        Compound[] compounds =
        [
            new() { Path = Binjiang, Name = "滨江花园", CommunityPath = Huangshan, StreetPath = Chengjiang, PropertyFirm = "江阴滨江物业服务有限公司", ProjectManager = "陈经理", CommitteeStatus = CommitteeStatuses.OwnersCommittee, FloorArea = 1_004.40m, Units = 9, FirstDeliveredOn = new DateOnly(2015, 6, 1) },
            new() { Path = Huangshan + "/yuxiu-court", Name = "毓秀苑", CommunityPath = Huangshan, StreetPath = Chengjiang, PropertyFirm = "江阴毓秀物业管理有限公司", ProjectManager = "蒋经理", CommitteeStatus = CommitteeStatuses.None, FloorArea = 31_200m, Units = 268, DeliveredShare = 0.42m, FirstDeliveredOn = new DateOnly(2025, 5, 1) },
            new() { Path = DingshanYayuan, Name = "定山雅苑", CommunityPath = Dingshan, StreetPath = Yunting, PropertyFirm = "江阴定山物业服务有限公司", ProjectManager = "卫经理", CommitteeStatus = CommitteeStatuses.OwnersCommittee, FloorArea = 39_800m, Units = 352, FirstDeliveredOn = new DateOnly(2017, 4, 1) },
            new() { Path = Xingfuli, Name = "幸福里小区", CommunityPath = Xingfu, StreetPath = Nanzha, PropertyFirm = "南闸幸福物业有限公司", ProjectManager = "孔经理", CommitteeStatus = CommitteeStatuses.None, FloorArea = 600m, Units = 6, FirstDeliveredOn = new DateOnly(2012, 9, 1) },
        ];
        db.Compounds.AddRange(compounds.Where(c => existing.Add(c.Path)));
        await db.SaveChangesAsync();
    }
}
