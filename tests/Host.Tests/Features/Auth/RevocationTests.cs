using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Features.Auth;

/// <summary>
/// Credentials can be revoked (issue 15): a deleted, demoted, moved, locked, logged-out or password-reset user's
/// bearer token and cookie stop working at once, and the server caps a token's lifetime whatever the configuration says.
/// </summary>
public abstract class RevocationTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string StrongPassword = "Qz7!kLm2#vRt9";

    private sealed record Session(string Token, string Cookie);

    [Fact]
    public async Task A_deleted_users_token_and_cookie_are_refused()
    {
        var username = await CreateUserAsync("community", "huangshan");
        var session = await SignInAsync(username);
        Assert.Equal(HttpStatusCode.OK, await MeWithTokenAsync(session));

        Assert.Equal(HttpStatusCode.NoContent, (await (await host.ClientAsync("admin")).DeleteAsync($"/api/users/{username}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithTokenAsync(session));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(session));
    }

    [Fact]
    public async Task A_demoted_administrators_old_token_can_no_longer_create_administrators()
    {
        var admin = await host.ClientAsync("admin");
        var username = await CreateUserAsync("admin", "jiangyin");
        var session = await SignInAsync(username);
        using var demoted = Bearer(session);
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync("/api/users")).StatusCode);

        var update = await admin.PutAsJsonAsync($"/api/users/{username}", new { roles = new[] { "street-office" } });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var attempt = await demoted.PostAsJsonAsync("/api/users", NewUser("mallory" + ProcessApi.NewSuffix(), "admin", "jiangyin"));
        Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(session));

        // Signing in again gives the new role only.
        var again = await SignInAsync(username);
        using var fresh = Bearer(again);
        var me = await fresh.GetFromJsonAsync<JsonObject>("/api/me");
        Assert.Equal(["street-office"], me!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task A_change_of_jurisdiction_ends_the_old_token()
    {
        var username = await CreateUserAsync("community", "huangshan");
        var session = await SignInAsync(username);

        var update = await (await host.ClientAsync("admin")).PutAsJsonAsync($"/api/users/{username}", new { jurisdictions = new[] { "xingfu" } });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithTokenAsync(session));
    }

    [Fact]
    public async Task Logout_ends_the_token_and_the_cookie_even_when_they_are_replayed()
    {
        var username = await CreateUserAsync("owner", "binjiang-garden");
        var session = await SignInAsync(username);
        using var client = Bearer(session);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithTokenAsync(session));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(session));
    }

    [Fact]
    public async Task Logout_through_the_cookie_ends_the_cookie_replayed()
    {
        var username = await CreateUserAsync("owner", "binjiang-garden");
        var session = await SignInAsync(username);
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("Cookie", session.Cookie);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(logout)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(session));
    }

    [Fact]
    public async Task A_password_reset_ends_the_old_token_and_cookie()
    {
        var username = await CreateUserAsync("community", "huangshan");
        var session = await SignInAsync(username);

        var reset = await (await host.ClientAsync("admin")).PostAsJsonAsync($"/api/users/{username}/password", new { password = "Wq8$zNm4!pLx" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithTokenAsync(session));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(session));
    }

    [Fact]
    public async Task A_locked_user_is_signed_out_and_cannot_sign_in_until_unlocked()
    {
        var admin = await host.ClientAsync("admin");
        var username = await CreateUserAsync("community", "huangshan");
        var session = await SignInAsync(username);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{username}/lock", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithTokenAsync(session));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(session));
        var login = await host.Anonymous().PostAsJsonAsync("/api/auth/login", new { username, password = StrongPassword });
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.Equal("accountLocked", (await login.Json()).Code());
        Assert.True((await admin.GetFromJsonAsync<JsonObject>($"/api/users/{username}"))!["lockedOut"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{username}/unlock", null)).StatusCode);
        await SignInAsync(username);
    }

    [Fact]
    public async Task An_administrator_cannot_lock_themselves()
    {
        var admin = await host.ClientAsync("admin");

        var response = await admin.PostAsync("/api/users/admin/lock", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("cannotLockSelf", (await response.Json()).Code());
    }

    [Fact]
    public async Task A_token_lives_at_most_twelve_hours_whatever_the_configuration_says()
    {
        using var longLived = host.WithWebHostBuilder(b => b.UseSetting("Anju:TokenLifetimeHours", "8760"));
        var client = longLived.CreateClient();
        var before = DateTimeOffset.UtcNow;

        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = "owner.li", password = HostFixture.Password });

        response.EnsureSuccessStatusCode();
        var expiresAt = (await response.Json())["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expiresAt, before.AddHours(11), DateTimeOffset.UtcNow.AddHours(12).AddMinutes(1));
    }

    [Fact]
    public async Task A_token_that_carries_no_security_stamp_is_refused()
    {
        // A token minted before this check existed (or by anyone holding the keys without the database) has no stamp.
        var issuer = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>>()
            .Get(Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenDefaults.AuthenticationScheme);
        string adminId;
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Anju.Host.Persistence.AnjuUser>>();
            adminId = (await users.FindByNameAsync("admin"))!.Id;
        }

        var identity = new System.Security.Claims.ClaimsIdentity(
            [
                new(System.Security.Claims.ClaimTypes.NameIdentifier, adminId),
                new(System.Security.Claims.ClaimTypes.Name, "admin"),
                new(System.Security.Claims.ClaimTypes.Role, "admin"),
            ], "BearerToken", System.Security.Claims.ClaimTypes.Name, System.Security.Claims.ClaimTypes.Role);
        var ticket = new Microsoft.AspNetCore.Authentication.AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(identity),
            new Microsoft.AspNetCore.Authentication.AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, "BearerToken");
        var forged = issuer.BearerTokenProtector.Protect(ticket);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/users")).StatusCode);
    }

    private async Task<string> CreateUserAsync(string role, string jurisdiction)
    {
        var username = "revoke." + ProcessApi.NewSuffix();
        var response = await (await host.ClientAsync("admin")).PostAsJsonAsync("/api/users", NewUser(username, role, jurisdiction));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return username;
    }

    private static object NewUser(string username, string role, string jurisdiction) => new
    {
        username,
        displayName = "撤销测试",
        password = StrongPassword,
        roles = new[] { role },
        jurisdictions = new[] { jurisdiction },
    };

    /// <summary>Signs in and keeps both credentials the server gives: the bearer token and the console's cookie.</summary>
    private async Task<Session> SignInAsync(string username)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password = StrongPassword });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var token = (await response.Json())["token"]!.GetValue<string>();
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("anju=", StringComparison.Ordinal)).Split(';')[0];
        return new Session(token, cookie);
    }

    private HttpClient Bearer(Session session)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        return client;
    }

    private async Task<HttpStatusCode> MeWithTokenAsync(Session session)
    {
        using var client = Bearer(session);
        return (await client.GetAsync("/api/me")).StatusCode;
    }

    private async Task<HttpStatusCode> MeWithCookieAsync(Session session)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", session.Cookie);
        return (await client.SendAsync(request)).StatusCode;
    }
}

public sealed class SqliteRevocationTests(SqliteHost host) : RevocationTests<SqliteHost>(host);

public sealed class PostgresRevocationTests(PostgresHost host) : RevocationTests<PostgresHost>(host);
