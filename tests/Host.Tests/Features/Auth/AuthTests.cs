using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Auth;

public abstract class AuthTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    [Fact]
    public async Task Login_gives_a_token_that_identifies_the_user_with_roles_and_jurisdictions()
    {
        var client = await host.ClientAsync("street.chengjiang");

        var me = await client.GetFromJsonAsync<JsonObject>("/api/me");

        Assert.Equal("street.chengjiang", me!["username"]!.GetValue<string>());
        Assert.Equal(["street-office"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["jiangyin/chengjiang"], me["jurisdictions"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Theory]
    [InlineData("zh-CN", "用户名或密码错误。")]
    [InlineData("en", "The user name or password is wrong.")]
    public async Task A_wrong_password_is_401_in_the_callers_language(string language, string detail)
    {
        var response = await host.Anonymous(language).PostAsJsonAsync("/api/auth/login", new { username = "owner.li", password = "nope-nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(detail, (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_for_the_right_password()
    {
        var client = host.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { username = "dept.chengguan", password = "wrong-" + i });
        }

        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = "dept.chengguan", password = HostFixture.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401_problem_json()
    {
        var response = await host.Anonymous().GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthenticated", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_and_openapi_answer_without_signing_in()
    {
        var client = host.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal("""{"status":"live"}""", await client.GetStringAsync("/health/live"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }
}

public sealed class SqliteAuthTests(SqliteHost host) : AuthTests<SqliteHost>(host);

public sealed class PostgresAuthTests(PostgresHost host) : AuthTests<PostgresHost>(host);
