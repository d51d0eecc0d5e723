using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Users;

/// <summary>
/// On a fresh database of its own, where the built-in admin is the only administrator. Each test leaves it so.
/// </summary>
public abstract class LastAdministratorTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    [Theory]
    [InlineData("zh-CN", "系统至少需要保留一名管理员，不能删除最后一名管理员或取消其管理员角色。")]
    [InlineData("en", "At least one administrator must remain; the last one cannot be deleted or lose the admin role.")]
    public async Task The_last_administrator_cannot_lose_the_admin_role(string language, string message)
    {
        var admin = await host.ClientAsync("admin", language);

        var response = await admin.PutAsJsonAsync("/api/users/admin", new { roles = new[] { "community" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(message, (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        var user = await admin.GetFromJsonAsync<JsonObject>("/api/users/admin");
        Assert.Equal(["admin"], user!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_demoted_administrator_with_an_old_token_cannot_delete_the_last_one()
    {
        var admin = await host.ClientAsync("admin");
        var deputy = "deputy." + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            username = deputy,
            displayName = "副管理员",
            password = HostFixture.NewUserPassword,
            roles = new[] { "admin" },
            jurisdictions = new[] { "jiangyin" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var deputyClient = await host.ClientAsync(deputy, password: HostFixture.NewUserPassword);
        var demoted = await admin.PutAsJsonAsync($"/api/users/{deputy}", new { roles = new[] { "community" } });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);

        var response = await deputyClient.DeleteAsync("/api/users/admin");

        // The demotion ended the deputy's tokens (Identity/CredentialCheck): the old token is not even signed in.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/users/admin")).StatusCode);
    }
}

public sealed class SqliteLastAdministratorTests(SqliteHost host) : LastAdministratorTests<SqliteHost>(host);

public sealed class PostgresLastAdministratorTests(PostgresHost host) : LastAdministratorTests<PostgresHost>(host);
