using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Anju.Host.Tests.Features.Auth;

/// <summary>The login rate limits (here 6 a minute per client, 4 per account) and the login body's cap.</summary>
public abstract class LoginThrottlingTests<THost>(THost host) : IClassFixture<THost>
    where THost : LoginLimitsHost
{
    [Fact]
    public async Task An_account_gets_its_attempts_a_minute_whatever_the_clients_then_429_with_Retry_After()
    {
        for (var i = 0; i < LoginLimitsHost.PerAccount; i++)
        {
            var wrong = await host.AnonymousFrom($"10.1.0.{i + 1}").PostAsJsonAsync("/api/auth/login", new { username = "firm.yuxiu", password = "Wrong-guess-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var response = await host.AnonymousFrom("10.1.0.99", "en").PostAsJsonAsync("/api/auth/login", new { username = "FIRM.YUXIU ", password = Support.HostFixture.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("rateLimited", body["code"]!.GetValue<string>());
        Assert.Equal($"Too many sign-in attempts; try again in {seconds} seconds.", body["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_gets_its_attempts_a_minute_whatever_the_accounts_then_429_with_Retry_After()
    {
        string[] sprayed = ["street.chengjiang", "street.nanzha", "community.huangshan", "firm.binjiang", "committee.binjiang", "station.chengjiang"];
        var client = host.AnonymousFrom("10.2.0.1");
        foreach (var username in sprayed.Take(LoginLimitsHost.PerClient))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { username, password = "Password123!" })).StatusCode);
        }

        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = "community.xingfu", password = Support.HostFixture.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("rateLimited", body["code"]!.GetValue<string>());
        Assert.Equal($"登录尝试过于频繁，请 {seconds} 秒后再试。", body["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await host.AnonymousFrom("10.2.0.2").PostAsJsonAsync("/api/auth/login", new { username = "community.xingfu", password = Support.HostFixture.Password })).StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_login_body_over_4_KB_is_413(bool withContentLength)
    {
        var json = $$"""{"username":"owner.li","password":"{{new string('x', 5000)}}"}""";
        HttpContent content = withContentLength
            ? new StringContent(json, Encoding.UTF8, "application/json")
            : new UnsizedContent(Encoding.UTF8.GetBytes(json));

        var response = await host.AnonymousFrom(withContentLength ? "10.3.0.1" : "10.3.0.2", "en").PostAsync("/api/auth/login", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("login.tooLarge", body["code"]!.GetValue<string>());
        Assert.Equal("The sign-in request is too large (limit 4 KB).", body["detail"]!.GetValue<string>());
    }

    /// <summary>A JSON body sent without Content-Length (chunked).</summary>
    private sealed class UnsizedContent : StreamContent
    {
        public UnsizedContent(byte[] bytes)
            : base(new MemoryStream(bytes)) => Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

public sealed class SqliteLoginThrottlingTests(SqliteLoginLimitsHost host) : LoginThrottlingTests<SqliteLoginLimitsHost>(host);

public sealed class PostgresLoginThrottlingTests(PostgresLoginLimitsHost host) : LoginThrottlingTests<PostgresLoginLimitsHost>(host);
