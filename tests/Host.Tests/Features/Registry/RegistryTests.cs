using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Registry;

public abstract class RegistryTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Binjiang = "jiangyin/chengjiang/huangshan/binjiang-garden";
    private const string Yuxiu = "jiangyin/chengjiang/huangshan/yuxiu-court";
    private const string Xingfuli = "jiangyin/nanzha/xingfu/xingfuli";

    private static string NewId(string prefix) => prefix + "-" + ProcessApi.NewSuffix();

    private static IEnumerable<string> Paths(JsonObject page) => page["items"]!.AsArray().Select(c => c!["path"]!.GetValue<string>());

    // ---------------------------------------------------------------- reading

    [Theory]
    [InlineData("owner.li", new[] { Binjiang })]
    [InlineData("firm.yuxiu", new[] { Yuxiu })]
    [InlineData("street.nanzha", new[] { Xingfuli })]
    [InlineData("community.huangshan", new[] { Binjiang, Yuxiu })]
    public async Task Compounds_are_listed_within_the_callers_jurisdiction(string username, string[] expected)
    {
        var client = await host.ClientAsync(username);

        var page = (await client.GetFromJsonAsync<JsonObject>("/api/registry/compounds"))!;

        // Compounds other tests add go under new communities of chengjiang: none of these callers holds those.
        Assert.Equal(expected, Paths(page));
    }

    [Fact]
    public async Task A_compound_out_of_reach_does_not_exist_and_one_in_reach_has_every_field()
    {
        var owner = await host.ClientAsync("owner.li");

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/registry/compounds/{Yuxiu}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/registry/compounds/jiangyin/nowhere")).StatusCode);
        var compound = (await owner.GetFromJsonAsync<JsonObject>($"/api/registry/compounds/{Binjiang}"))!;
        Assert.Equal("滨江花园", compound["name"]!.GetValue<string>());
        Assert.Equal("binjiang-garden", compound["id"]!.GetValue<string>());
        Assert.Equal("jiangyin/chengjiang/huangshan", compound["communityPath"]!.GetValue<string>());
        Assert.Equal("jiangyin/chengjiang", compound["streetPath"]!.GetValue<string>());
        Assert.Equal("owners-committee", compound["committeeStatus"]!.GetValue<string>());
        Assert.Equal(9, compound["units"]!.GetValue<int>());
        Assert.Equal("2015-06-01", compound["firstDeliveredOn"]!.GetValue<string>());
        var admin = await host.ClientAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/registry/compounds/{Yuxiu}")).StatusCode);
    }

    [Fact]
    public async Task Departments_and_violation_categories_are_readable_by_any_signed_in_user_and_nobody_else()
    {
        var owner = await host.ClientAsync("owner.li");

        var departments = (await owner.GetFromJsonAsync<JsonArray>("/api/registry/departments"))!;
        var categories = (await owner.GetFromJsonAsync<JsonArray>("/api/registry/violation-categories"))!;
        var category = (await owner.GetFromJsonAsync<JsonObject>("/api/registry/violation-categories/structural-alteration"))!;

        Assert.Contains(departments, d => d!["id"]!.GetValue<string>() == "xiaofang" && d["group"]!.GetValue<string>() == "dept:xiaofang");
        Assert.Contains(categories, c => c!["id"]!.GetValue<string>() == "fire-lane" && c["urgent"]!.GetValue<bool>());
        Assert.Equal("zhujian", category["leadingDepartment"]!.GetValue<string>());
        Assert.Equal(["chengguan"], category["supportingDepartments"].Strings());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/registry/violation-categories/nothing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/registry/departments/nothing")).StatusCode);
        var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/registry/departments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/registry/compounds")).StatusCode);
    }

    // ---------------------------------------------------------------- authorization of edits


    [Theory]
    [MemberData(nameof(RegistryEdits.All), MemberType = typeof(RegistryEdits))]
    public async Task Only_administrators_edit_the_registry_and_read_its_history(string method, string url, string body)
    {
        foreach (var username in new[] { "firm.binjiang", "street.chengjiang", "bureau.housing", "dept.zhujian", "owner.li" })
        {
            var client = await host.ClientAsync(username);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body.Length > 0)
            {
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);

            Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{username} {method} {url}: {response.StatusCode}");
        }

        var anonymous = host.Anonymous();
        using var anonymousRequest = new HttpRequestMessage(new HttpMethod(method), url);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(anonymousRequest)).StatusCode);
        var category = (await (await host.ClientAsync("admin")).GetFromJsonAsync<JsonObject>("/api/registry/violation-categories/noise"))!;
        Assert.Equal("gongan", category["leadingDepartment"]!.GetValue<string>());
    }

    // ---------------------------------------------------------------- violation categories

    [Fact]
    public async Task An_administrator_adds_and_changes_a_category_and_each_edit_is_in_the_history()
    {
        var admin = await host.ClientAsync("admin");
        var id = NewId("cat");

        var created = await admin.PostAsJsonAsync("/api/registry/violation-categories", new
        {
            id,
            name = "违规饲养家禽",
            leadingDepartment = "chengguan",
            supportingDepartments = new[] { "gongan", "gongan" },
            urgent = false,
        });
        var updated = await admin.PutAsJsonAsync($"/api/registry/violation-categories/{id}", new { leadingDepartment = "shichang", urgent = true });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/registry/violation-categories/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var category = (await admin.GetFromJsonAsync<JsonObject>($"/api/registry/violation-categories/{id}"))!;
        Assert.Equal("违规饲养家禽", category["name"]!.GetValue<string>());
        Assert.Equal("shichang", category["leadingDepartment"]!.GetValue<string>());
        Assert.Equal(["gongan"], category["supportingDepartments"].Strings());
        Assert.True(category["urgent"]!.GetValue<bool>());

        var history = (await admin.GetFromJsonAsync<JsonObject>($"/api/registry/changes?entity=violation-category&key={id}"))!;
        Assert.Equal(2, history["total"]!.GetValue<int>());
        var items = history["items"]!.AsArray();
        Assert.Equal("chengguan", items[0]!["before"]!["leadingDepartment"]!.GetValue<string>());
        Assert.Equal("shichang", items[0]!["after"]!["leadingDepartment"]!.GetValue<string>());
        Assert.Null(items[1]!["before"]);
        Assert.Equal("违规饲养家禽", items[1]!["after"]!["name"]!.GetValue<string>());
        Assert.All(items, i => Assert.Equal("admin", i!["changedBy"]!.GetValue<string>()));
        Assert.All(items, i => Assert.True((DateTimeOffset.UtcNow - i!["changedAt"]!.GetValue<DateTimeOffset>()).Duration() < TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("zh-CN", "未知的部门：nobody", "此项为必填项。")]
    [InlineData("en", "Unknown department: nobody", "This field is required.")]
    public async Task A_category_needs_a_name_and_known_departments(string language, string unknown, string required)
    {
        var admin = await host.ClientAsync("admin", language);
        var id = NewId("cat");

        var response = await admin.PostAsJsonAsync("/api/registry/violation-categories", new
        {
            id,
            name = " ",
            leadingDepartment = "nobody",
            supportingDepartments = new[] { "gongan", "nobody" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json())["errors"]!;
        Assert.Equal([required], errors["name"].Strings());
        Assert.Equal([unknown], errors["leadingDepartment"].Strings());
        Assert.Equal([unknown], errors["supportingDepartments"].Strings());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/registry/violation-categories/{id}")).StatusCode);

        var same = await admin.PutAsJsonAsync("/api/registry/violation-categories/noise", new { supportingDepartments = new[] { "gongan" } });
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.NotNull((await same.Json())["errors"]!["supportingDepartments"]);
        var duplicate = await admin.PostAsJsonAsync("/api/registry/violation-categories", new { id = "noise", name = "噪声", leadingDepartment = "gongan" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.NotNull((await duplicate.Json())["errors"]!["id"]);
        var badId = await admin.PostAsJsonAsync("/api/registry/violation-categories", new { id = "Bad Id", name = "x", leadingDepartment = "gongan" });
        Assert.NotNull((await badId.Json())["errors"]!["id"]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/registry/violation-categories/nothing", new { name = "x" })).StatusCode);
    }

    // ---------------------------------------------------------------- departments

    [Fact]
    public async Task An_administrator_adds_and_renames_a_department()
    {
        var admin = await host.ClientAsync("admin");
        var id = NewId("dept");

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/registry/departments", new { id, name = "市人民防空办公室", shortName = "人防办" })).StatusCode);
        var renamed = await admin.PutAsJsonAsync($"/api/registry/departments/{id}", new { shortName = "人防" });

        Assert.Equal("人防", (await renamed.Json())["shortName"]!.GetValue<string>());
        Assert.Equal("市人民防空办公室", (await admin.GetFromJsonAsync<JsonObject>($"/api/registry/departments/{id}"))!["name"]!.GetValue<string>());
        var history = (await admin.GetFromJsonAsync<JsonObject>($"/api/registry/changes?entity=department&key={id}"))!;
        Assert.Equal(2, history["total"]!.GetValue<int>());
        var missing = await admin.PostAsJsonAsync("/api/registry/departments", new { id = NewId("dept"), name = "", shortName = "" });
        var errors = (await missing.Json())["errors"]!.AsObject();
        Assert.Equal(["name", "shortName"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/registry/departments/nothing", new { name = "x" })).StatusCode);
        var bad = await admin.GetAsync("/api/registry/changes?entity=nothing");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    // ---------------------------------------------------------------- the tree and compounds

    [Fact]
    public async Task An_administrator_adds_a_community_and_a_compound_under_it_and_accounts_can_hold_them_at_once()
    {
        var admin = await host.ClientAsync("admin");
        var community = NewId("reg");
        var compound = NewId("reg");

        var node = await admin.PostAsJsonAsync("/api/registry/jurisdictions", new { parent = "chengjiang", id = community, name = "新建社区", kind = "community" });
        Assert.Equal(HttpStatusCode.Created, node.StatusCode);
        var created = await admin.PostAsJsonAsync("/api/registry/compounds", new
        {
            community,
            id = compound,
            name = "新城花园",
            propertyFirm = "新城物业",
            projectManager = "吴经理",
            committeeStatus = "management-committee",
            floorArea = 12_345.5m,
            units = 120,
            deliveredShare = 0.6m,
            firstDeliveredOn = "2024-10-01",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var path = $"jiangyin/chengjiang/{community}/{compound}";
        var view = await created.Json();
        Assert.Equal(path, view["path"]!.GetValue<string>());
        Assert.Equal("jiangyin/chengjiang", view["streetPath"]!.GetValue<string>());
        Assert.Equal(0.6m, view["deliveredShare"]!.GetValue<decimal>());
        var tree = (await admin.GetFromJsonAsync<JsonArray>("/api/jurisdictions"))!;
        var compoundNode = tree.Single(n => n!["path"]!.GetValue<string>() == path)!;
        Assert.Equal("compound", compoundNode["kind"]!.GetValue<string>());
        Assert.Equal($"jiangyin/chengjiang/{community}", compoundNode["parentPath"]!.GetValue<string>());
        Assert.Equal("新建社区", tree.Single(n => n!["path"]!.GetValue<string>() == $"jiangyin/chengjiang/{community}")!["name"]!.GetValue<string>());

        // The street sees it; an account can be given it straight away; a firm elsewhere cannot see it.
        var street = await host.ClientAsync("street.chengjiang");
        Assert.Equal(HttpStatusCode.OK, (await street.GetAsync($"/api/registry/compounds/{path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.ClientAsync("street.nanzha")).GetAsync($"/api/registry/compounds/{path}")).StatusCode);
        var user = await admin.PostAsJsonAsync("/api/users", new
        {
            username = NewId("firm"),
            displayName = "新城物业 吴经理",
            password = HostFixture.NewUserPassword,
            roles = new[] { "property-firm" },
            jurisdictions = new[] { path },
        });
        Assert.Equal(HttpStatusCode.Created, user.StatusCode);

        // Renaming the compound renames its node; both edits are in the history.
        var renamed = await admin.PutAsJsonAsync($"/api/registry/compounds/{path}", new { name = "新城花园一期", propertyFirm = "" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var renamedView = await renamed.Json();
        Assert.Null(renamedView["propertyFirm"]);
        Assert.Equal("management-committee", renamedView["committeeStatus"]!.GetValue<string>());
        tree = (await admin.GetFromJsonAsync<JsonArray>("/api/jurisdictions"))!;
        Assert.Equal("新城花园一期", tree.Single(n => n!["path"]!.GetValue<string>() == path)!["name"]!.GetValue<string>());
        var history = (await admin.GetFromJsonAsync<JsonObject>($"/api/registry/changes?entity=compound&key={Uri.EscapeDataString(path)}"))!;
        Assert.Equal(2, history["total"]!.GetValue<int>());
        Assert.Equal("新城物业", history["items"]![0]!["before"]!["propertyFirm"]!.GetValue<string>());
        Assert.Null(history["items"]![0]!["after"]!["propertyFirm"]);
        var nodeHistory = (await admin.GetFromJsonAsync<JsonObject>($"/api/registry/changes?entity=jurisdiction&key={Uri.EscapeDataString($"jiangyin/chengjiang/{community}")}"))!;
        Assert.Equal(1, nodeHistory["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("zh-CN", "上级辖区须为：community", "应在 0 到 1 之间。")]
    [InlineData("en", "The parent node must be: community", "Must be between 0 and 1.")]
    public async Task A_compound_goes_under_a_community_with_sound_figures(string language, string parent, string range)
    {
        var admin = await host.ClientAsync("admin", language);

        var response = await admin.PostAsJsonAsync("/api/registry/compounds", new
        {
            community = "chengjiang",
            id = NewId("reg"),
            name = "街道下的小区",
            committeeStatus = "council",
            units = -1,
            deliveredShare = 1.5m,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json())["errors"]!;
        Assert.Equal([parent], errors["community"].Strings());
        Assert.Equal([range], errors["deliveredShare"].Strings());
        Assert.NotNull(errors["units"]);
        Assert.NotNull(errors["committeeStatus"]);

        var taken = await admin.PostAsJsonAsync("/api/registry/compounds", new { community = "huangshan", id = "binjiang-garden", name = "重复" });
        Assert.NotNull((await taken.Json())["errors"]!["id"]);
        var unknown = await admin.PostAsJsonAsync("/api/registry/compounds", new { community = "nowhere", id = NewId("reg"), name = "x" });
        Assert.NotNull((await unknown.Json())["errors"]!["community"]);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/registry/compounds/jiangyin/nowhere", new { units = 1 })).StatusCode);
        var bad = await admin.PutAsJsonAsync($"/api/registry/compounds/{Binjiang}", new { committeeStatus = "council" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("owners-committee", (await admin.GetFromJsonAsync<JsonObject>($"/api/registry/compounds/{Binjiang}"))!["committeeStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nodes_go_under_the_right_kind_of_parent_and_are_renamed_not_moved()
    {
        var admin = await host.ClientAsync("admin");

        var townUnderStreet = await admin.PostAsJsonAsync("/api/registry/jurisdictions", new { parent = "chengjiang", id = NewId("reg"), name = "x", kind = "town" });
        var communityUnderCity = await admin.PostAsJsonAsync("/api/registry/jurisdictions", new { parent = "jiangyin", id = NewId("reg"), name = "x", kind = "community" });
        var compoundKind = await admin.PostAsJsonAsync("/api/registry/jurisdictions", new { parent = "huangshan", id = NewId("reg"), name = "x", kind = "compound" });
        var zone = await admin.PostAsJsonAsync("/api/registry/jurisdictions", new { parent = "jiangyin", id = NewId("reg"), name = "新开发区", kind = "zone" });

        Assert.NotNull((await townUnderStreet.Json())["errors"]!["parent"]);
        Assert.NotNull((await communityUnderCity.Json())["errors"]!["parent"]);
        Assert.NotNull((await compoundKind.Json())["errors"]!["kind"]);
        Assert.Equal(HttpStatusCode.Created, zone.StatusCode);
        var path = (await zone.Json())["path"]!.GetValue<string>();
        var renamed = await admin.PutAsJsonAsync($"/api/registry/jurisdictions/{path}", new { name = "新开发区（更名）" });
        Assert.Equal("新开发区（更名）", (await renamed.Json())["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/registry/jurisdictions/jiangyin/nowhere", new { name = "x" })).StatusCode);
    }

    // ---------------------------------------------------------------- user departments

    [Fact]
    public async Task An_administrator_sets_the_department_of_a_department_officer()
    {
        var admin = await host.ClientAsync("admin");
        var username = NewId("dept.officer");

        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            username,
            displayName = "市公安局 民警",
            password = HostFixture.NewUserPassword,
            roles = new[] { "department" },
            jurisdictions = new[] { "jiangyin" },
            departmentId = "gongan",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("gongan", (await created.Json())["departmentId"]!.GetValue<string>());
        var moved = await admin.PutAsJsonAsync($"/api/users/{username}", new { departmentId = "shichang" });
        Assert.Equal("shichang", (await moved.Json())["departmentId"]!.GetValue<string>());
        Assert.Equal("dept.chengguan", (await admin.GetFromJsonAsync<JsonObject>("/api/users/dept.chengguan"))!["username"]!.GetValue<string>());
        Assert.Equal("chengguan", (await admin.GetFromJsonAsync<JsonObject>("/api/users/dept.chengguan"))!["departmentId"]!.GetValue<string>());

        // The department goes with the role.
        var demoted = await admin.PutAsJsonAsync($"/api/users/{username}", new { roles = new[] { "community" } });
        Assert.Null((await demoted.Json())["departmentId"]);
    }

    [Theory]
    [InlineData("community", "nobody", "只有具有“部门”（department）角色的账号才能设置所属部门。")]
    [InlineData("department", "nobody", "未知的部门：nobody")]
    public async Task A_department_must_exist_and_needs_the_role_department(string role, string department, string message)
    {
        var admin = await host.ClientAsync("admin");
        var username = NewId("officer");

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            username,
            displayName = "某人",
            password = HostFixture.NewUserPassword,
            roles = new[] { role },
            jurisdictions = new[] { "jiangyin" },
            departmentId = role == "community" ? "gongan" : department,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], (await response.Json())["errors"]!["departmentId"].Strings());
        var update = await admin.PutAsJsonAsync("/api/users/community.xingfu", new { departmentId = "gongan" });
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
        Assert.Null((await admin.GetFromJsonAsync<JsonObject>("/api/users/community.xingfu"))!["departmentId"]);
    }
}

/// <summary>Every registry edit, for the authorization theory.</summary>
public static class RegistryEdits
{
    public const string Binjiang = "jiangyin/chengjiang/huangshan/binjiang-garden";

    public static TheoryData<string, string, string> All => new()
    {
        { "POST", "/api/registry/jurisdictions", """{"parent":"jiangyin/chengjiang","id":"x","name":"x","kind":"community"}""" },
        { "PUT", "/api/registry/jurisdictions/jiangyin/chengjiang/huangshan", """{"name":"改名"}""" },
        { "POST", "/api/registry/compounds", """{"community":"huangshan","id":"x","name":"x"}""" },
        { "PUT", $"/api/registry/compounds/{RegistryEdits.Binjiang}", """{"units":1}""" },
        { "POST", "/api/registry/departments", """{"id":"x","name":"x","shortName":"x"}""" },
        { "PUT", "/api/registry/departments/zhujian", """{"name":"x"}""" },
        { "POST", "/api/registry/violation-categories", """{"id":"x","name":"x","leadingDepartment":"zhujian"}""" },
        { "PUT", "/api/registry/violation-categories/noise", """{"leadingDepartment":"chengguan"}""" },
        { "GET", "/api/registry/changes", "" },
    };
}

public sealed class SqliteRegistryTests(SqliteHost host) : RegistryTests<SqliteHost>(host);

public sealed class PostgresRegistryTests(PostgresHost host) : RegistryTests<PostgresHost>(host);
