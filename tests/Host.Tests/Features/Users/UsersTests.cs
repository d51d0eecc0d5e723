using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;
using Anju.Host.Requests;

namespace Anju.Host.Tests.Features.Users;

public abstract class UsersTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string NewPassword = HostFixture.NewUserPassword;

    [Fact]
    public async Task A_created_user_can_log_in_and_sees_their_jurisdiction_in_me()
    {
        var admin = await host.ClientAsync("admin");
        var username = NewUsername();

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            username,
            displayName = "黄山社区 网格员",
            password = NewPassword,
            roles = new[] { "community" },
            jurisdictions = new[] { "binjiang-garden" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/users/{username}", response.Headers.Location!.OriginalString);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(["jiangyin/chengjiang/huangshan/binjiang-garden"], Strings(created!["jurisdictions"]));
        Assert.False(created["lockedOut"]!.GetValue<bool>());

        var me = await (await SignedInAsync(username, NewPassword)).GetFromJsonAsync<JsonObject>("/api/me");
        Assert.Equal("黄山社区 网格员", me!["displayName"]!.GetValue<string>());
        Assert.Equal(["community"], Strings(me["roles"]));
        Assert.Equal(["jiangyin/chengjiang/huangshan/binjiang-garden"], Strings(me["jurisdictions"]));
    }

    [Theory]
    [InlineData("zh-CN", "密码至少需要 10 个字符。", "未知的角色：mayor")]
    [InlineData("en", "The password needs at least 10 characters.", "Unknown role: mayor")]
    public async Task Invalid_fields_are_400_with_a_message_per_field_in_the_callers_language(string language, string passwordMessage, string roleMessage)
    {
        var admin = await host.ClientAsync("admin", language);

        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            username = "No Spaces!",
            displayName = "",
            password = "Ab1",
            roles = new[] { "mayor" },
            jurisdictions = Array.Empty<string>(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["displayName", "jurisdictions", "password", "roles", "username"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains(passwordMessage, Strings(errors["password"]));
        Assert.Equal([roleMessage], Strings(errors["roles"]));
    }

    [Theory]
    [InlineData("zh-CN", "未知的辖区：nowhere")]
    [InlineData("en", "Unknown jurisdiction: nowhere")]
    public async Task An_unknown_jurisdiction_is_a_field_error(string language, string message)
    {
        var admin = await host.ClientAsync("admin", language);

        var response = await admin.PostAsJsonAsync("/api/users", NewUser(NewUsername(), "community", "nowhere"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["jurisdictions"], errors.Select(e => e.Key));
        Assert.Equal([message], Strings(errors["jurisdictions"]));
    }

    [Fact]
    public async Task A_taken_username_is_409()
    {
        var admin = await host.ClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/users", NewUser("owner.li", "owner", "binjiang-garden"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("userExists", await CodeOf(response));
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_is_replayed_not_refused()
    {
        var admin = await host.ClientAsync("admin");
        var body = NewUser(NewUsername(), "owner", "binjiang-garden");
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(admin, HttpMethod.Post, "/api/users", body, key);
        var retry = await SendAsync(admin, HttpMethod.Post, "/api/users", body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Non_administrators_get_403_from_every_user_endpoint()
    {
        var official = await host.ClientAsync("street.chengjiang");
        var body = NewUser(NewUsername(), "owner", "binjiang-garden");

        HttpResponseMessage[] responses =
        [
            await official.GetAsync("/api/users"),
            await official.GetAsync("/api/users/owner.li"),
            await official.PostAsJsonAsync("/api/users", body),
            await official.PutAsJsonAsync("/api/users/owner.li", new { displayName = "x" }),
            await official.PostAsJsonAsync("/api/users/owner.li/password", new { password = NewPassword }),
            await official.PostAsync("/api/users/owner.li/unlock", null),
            await official.DeleteAsync("/api/users/owner.li"),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("forbidden", await CodeOf(responses[0]));
    }

    [Fact]
    public async Task Without_signing_in_the_user_endpoints_and_the_jurisdictions_are_401()
    {
        var anonymous = host.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/users", NewUser(NewUsername(), "owner", "binjiang-garden"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/api/users/owner.li")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/jurisdictions")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_is_404_everywhere()
    {
        var admin = await host.ClientAsync("admin");

        HttpResponseMessage[] responses =
        [
            await admin.GetAsync("/api/users/nobody.here"),
            await admin.PutAsJsonAsync("/api/users/nobody.here", new { displayName = "x" }),
            await admin.PostAsJsonAsync("/api/users/nobody.here/password", new { password = NewPassword }),
            await admin.PostAsync("/api/users/nobody.here/unlock", null),
            await admin.DeleteAsync("/api/users/nobody.here"),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task One_user_is_shown_with_roles_jurisdictions_and_lockout()
    {
        var admin = await host.ClientAsync("admin");

        var user = await admin.GetFromJsonAsync<JsonObject>("/api/users/owner.li");

        Assert.Equal("owner.li", user!["username"]!.GetValue<string>());
        Assert.Equal("业主 李先生", user["displayName"]!.GetValue<string>());
        Assert.Equal(["owner"], Strings(user["roles"]));
        Assert.Equal(["jiangyin/chengjiang/huangshan/binjiang-garden"], Strings(user["jurisdictions"]));
        Assert.False(user["lockedOut"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_list_filters_by_role_jurisdiction_and_text_and_pages()
    {
        var admin = await host.ClientAsync("admin");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await CreateAsync(admin, $"a.{tag}", "owner", "binjiang-garden");
        await CreateAsync(admin, $"b.{tag}", "community", "huangshan");
        await CreateAsync(admin, $"c.{tag}", "owner", "xingfuli");

        var all = await admin.GetFromJsonAsync<JsonObject>($"/api/users?text={tag}&pageSize=2&page=2");
        var owners = await admin.GetFromJsonAsync<JsonObject>($"/api/users?text={tag}&role=owner");
        var inHuangshan = await admin.GetFromJsonAsync<JsonObject>($"/api/users?text={tag}&jurisdiction=jiangyin/chengjiang/huangshan");

        Assert.Equal(3, all!["total"]!.GetValue<int>());
        Assert.Equal(2, all["page"]!.GetValue<int>());
        Assert.Equal(2, all["pageSize"]!.GetValue<int>());
        Assert.Equal([$"c.{tag}"], Usernames(all));
        Assert.Equal([$"a.{tag}", $"c.{tag}"], Usernames(owners!));
        Assert.Equal([$"a.{tag}", $"b.{tag}"], Usernames(inHuangshan!));
    }

    [Fact]
    public async Task The_list_refuses_an_unknown_role_filter()
    {
        var admin = await host.ClientAsync("admin", "en");

        var response = await admin.GetAsync("/api/users?role=mayor");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["Unknown role: mayor"], Strings(errors["role"]));
    }

    [Fact]
    public async Task A_role_change_ends_the_old_token_and_takes_effect_at_the_next_login()
    {
        var admin = await host.ClientAsync("admin");
        var username = NewUsername();
        await CreateAsync(admin, username, "community", "huangshan");
        var before = await SignedInAsync(username, NewPassword);

        var response = await admin.PutAsJsonAsync($"/api/users/{username}", new { displayName = "澄江街道 新科员", roles = new[] { "street-office" }, jurisdictions = new[] { "jiangyin/chengjiang" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(["street-office"], Strings(updated!["roles"]));
        // The old token carried the old roles: it no longer works (Identity/CredentialCheck).
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/me")).StatusCode);
        var me = await (await SignedInAsync(username, NewPassword)).GetFromJsonAsync<JsonObject>("/api/me");
        Assert.Equal(["street-office"], Strings(me!["roles"]));
        Assert.Equal(["jiangyin/chengjiang"], Strings(me["jurisdictions"]));
        Assert.Equal("澄江街道 新科员", me["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_leaves_out_members_unchanged_and_validates_the_ones_given()
    {
        var admin = await host.ClientAsync("admin", "en");
        var username = NewUsername();
        await CreateAsync(admin, username, "owner", "binjiang-garden");

        var renamed = await admin.PutAsJsonAsync($"/api/users/{username}", new { displayName = "业主 王女士" });
        var invalid = await admin.PutAsJsonAsync($"/api/users/{username}", new { roles = new[] { "mayor" }, jurisdictions = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var user = await renamed.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(["owner"], Strings(user!["roles"]));
        Assert.Equal(["jiangyin/chengjiang/huangshan/binjiang-garden"], Strings(user["jurisdictions"]));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["Choose at least one jurisdiction."], Strings(errors["jurisdictions"]));
        Assert.Equal(["owner"], Strings((await admin.GetFromJsonAsync<JsonObject>($"/api/users/{username}"))!["roles"]));
    }

    [Fact]
    public async Task An_administrator_resets_a_password_and_only_the_new_one_works()
    {
        var admin = await host.ClientAsync("admin");
        var username = NewUsername();
        await CreateAsync(admin, username, "owner", "binjiang-garden");

        var response = await admin.PostAsJsonAsync($"/api/users/{username}/password", new { password = "Huangshan2027" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(username, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(username, "Huangshan2027")).StatusCode);
    }

    [Theory]
    [InlineData("zh-CN", "密码须包含数字。")]
    [InlineData("en", "The password needs a digit.")]
    public async Task A_reset_to_a_weak_password_is_400_and_keeps_the_old_one(string language, string message)
    {
        var admin = await host.ClientAsync("admin", language);
        var username = NewUsername();
        await CreateAsync(admin, username, "owner", "binjiang-garden");

        var response = await admin.PostAsJsonAsync($"/api/users/{username}/password", new { password = "NoDigitsHere" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal([message], Strings(errors["password"]));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(username, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Unlock_lets_a_locked_out_user_sign_in_again()
    {
        var admin = await host.ClientAsync("admin");
        var username = NewUsername();
        await CreateAsync(admin, username, "owner", "binjiang-garden");
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(username, "wrong-" + i);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(username, NewPassword)).StatusCode);
        Assert.True((await admin.GetFromJsonAsync<JsonObject>($"/api/users/{username}"))!["lockedOut"]!.GetValue<bool>());

        var response = await admin.PostAsync($"/api/users/{username}/unlock", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False((await admin.GetFromJsonAsync<JsonObject>($"/api/users/{username}"))!["lockedOut"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(username, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_deleted_user_is_gone_and_cannot_sign_in()
    {
        var admin = await host.ClientAsync("admin");
        var username = NewUsername();
        await CreateAsync(admin, username, "owner", "binjiang-garden");

        var response = await admin.DeleteAsync($"/api/users/{username}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/users/{username}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(username, NewPassword)).StatusCode);
    }

    [Theory]
    [InlineData("zh-CN", "不能删除自己的账号。")]
    [InlineData("en", "You cannot delete your own account.")]
    public async Task An_administrator_cannot_delete_their_own_account(string language, string message)
    {
        var admin = await host.ClientAsync("admin", language);

        var response = await admin.DeleteAsync("/api/users/admin");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(message, (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/users/admin")).StatusCode);
    }

    [Fact]
    public async Task Any_signed_in_user_gets_the_jurisdiction_tree()
    {
        var owner = await host.ClientAsync("owner.li");

        var nodes = await owner.GetFromJsonAsync<JsonArray>("/api/jurisdictions");

        Assert.NotNull(nodes);
        var binjiang = nodes.Single(n => n!["path"]!.GetValue<string>() == "jiangyin/chengjiang/huangshan/binjiang-garden")!;
        Assert.Equal("binjiang-garden", binjiang["id"]!.GetValue<string>());
        Assert.Equal("滨江花园", binjiang["name"]!.GetValue<string>());
        Assert.Equal("compound", binjiang["kind"]!.GetValue<string>());
        Assert.Equal("jiangyin/chengjiang/huangshan", binjiang["parentPath"]!.GetValue<string>());
        Assert.Contains(nodes, n => n!["path"]!.GetValue<string>() == "jiangyin" && n["parentPath"] is null);
    }

    private static string NewUsername() => "u." + Guid.NewGuid().ToString("N")[..12];

    private static object NewUser(string username, string role, string jurisdiction) =>
        new { username, displayName = "测试用户 " + username, password = NewPassword, roles = new[] { role }, jurisdictions = new[] { jurisdiction } };

    private static async Task CreateAsync(HttpClient admin, string username, string role, string jurisdiction)
    {
        var response = await admin.PostAsJsonAsync("/api/users", NewUser(username, role, jurisdiction));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private Task<HttpResponseMessage> LoginAsync(string username, string password) =>
        host.Anonymous().PostAsJsonAsync("/api/auth/login", new { username, password });

    private async Task<HttpClient> SignedInAsync(string username, string password)
    {
        var response = await LoginAsync(username, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var client = host.Anonymous();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())?["code"]?.GetValue<string>();

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());

    private static IEnumerable<string> Usernames(JsonObject page) => page["items"]!.AsArray().Select(i => i!["username"]!.GetValue<string>());
}

public sealed class SqliteUsersTests(SqliteHost host) : UsersTests<SqliteHost>(host);

public sealed class PostgresUsersTests(PostgresHost host) : UsersTests<PostgresHost>(host);
