using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Auth;

/// <summary>Failure counting that concurrency cannot outrun, lockout per account and client, unknown names cost the same.</summary>
public abstract class LoginLockoutTests<THost>(THost host) : IClassFixture<THost>
    where THost : LoginProbeHost
{
    [Fact]
    public async Task Forty_concurrent_wrong_logins_check_five_passwords_and_the_right_one_is_then_refused()
    {
        var client = host.AnonymousFrom("192.0.2.40");
        var before = host.Verifications.For("dept.xiaofang");

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            client.PostAsJsonAsync("/api/auth/login", new { username = "dept.xiaofang", password = "Wrong-guess-" + i })));

        Assert.Equal(5, host.Verifications.For("dept.xiaofang") - before);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        var right = await client.PostAsJsonAsync("/api/auth/login", new { username = "dept.xiaofang", password = HostFixture.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("lockedOut", await CodeAsync(right));
        Assert.Equal(5, host.Verifications.For("dept.xiaofang") - before);
    }

    [Fact]
    public async Task Failures_from_one_client_do_not_lock_the_account_for_another()
    {
        var attacker = host.AnonymousFrom("203.0.113.10");
        for (var i = 0; i < 5; i++)
        {
            await attacker.PostAsJsonAsync("/api/auth/login", new { username = "dept.zhujian", password = "Wrong-guess-" + i });
        }

        var fromAttacker = await attacker.PostAsJsonAsync("/api/auth/login", new { username = "dept.zhujian", password = HostFixture.Password });
        var fromOwner = await host.AnonymousFrom("198.51.100.20").PostAsJsonAsync("/api/auth/login", new { username = "dept.zhujian", password = HostFixture.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, fromAttacker.StatusCode);
        Assert.Equal("lockedOut", await CodeAsync(fromAttacker));
        Assert.InRange(int.Parse(Assert.Single(fromAttacker.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
        Assert.Equal(HttpStatusCode.OK, fromOwner.StatusCode);
    }

    [Fact]
    public async Task An_unknown_account_costs_one_password_verification_like_a_known_one()
    {
        var client = host.AnonymousFrom("192.0.2.77");

        var before = host.Verifications.Total;
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { username = "nobody.at.all", password = "Wrong-guess-1" });
        var forUnknown = host.Verifications.Total - before;
        before = host.Verifications.Total;
        var known = await client.PostAsJsonAsync("/api/auth/login", new { username = "station.nanzha", password = "Wrong-guess-1" });
        var forKnown = host.Verifications.Total - before;

        Assert.Equal(1, forUnknown);
        Assert.Equal(1, forKnown);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, known.StatusCode);
        Assert.Equal(await CodeAsync(known), await CodeAsync(unknown));
    }

    [Fact]
    public async Task An_unknown_account_locks_like_a_known_one_so_lockout_does_not_tell_which_names_exist()
    {
        var client = host.AnonymousFrom("192.0.2.91");
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await client.PostAsJsonAsync("/api/auth/login", new { username = "ghost.account", password = "Wrong-guess-" + i }));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));
        Assert.Equal("lockedOut", await CodeAsync(responses[^1]));
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
}

public sealed class SqliteLoginLockoutTests(SqliteLoginProbeHost host) : LoginLockoutTests<SqliteLoginProbeHost>(host);

public sealed class PostgresLoginLockoutTests(PostgresLoginProbeHost host) : LoginLockoutTests<PostgresLoginProbeHost>(host);
