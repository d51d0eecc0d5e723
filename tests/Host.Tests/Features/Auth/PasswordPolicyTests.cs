using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Anju.Host.Tests.Features.Auth;

/// <summary>Where a password is set: at least 10 characters, not containing the user name, not a common or leaked one.</summary>
public abstract class PasswordPolicyTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Common = "This password is too common or known from leaks; choose another.";

    [Theory]
    [InlineData("Password123")]
    [InlineData("PASSWORD1234")]
    [InlineData("Woaini1314")]
    [InlineData("Zhang123456")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("Anju@2026")]
    public async Task A_common_or_leaked_password_is_refused_for_a_new_user(string password)
    {
        var admin = await host.ClientAsync("admin", "en");

        var response = await admin.PostAsJsonAsync("/api/users", NewUser("policy.common" + Math.Abs(password.GetHashCode()) % 1000, password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Common, await PasswordErrorsAsync(response));
    }

    [Theory]
    [InlineData("zh-CN", "密码不能包含用户名。")]
    [InlineData("en", "The password must not contain the user name.")]
    public async Task A_password_containing_the_user_name_is_refused(string language, string message)
    {
        var admin = await host.ClientAsync("admin", language);

        var response = await admin.PostAsJsonAsync("/api/users", NewUser("policy.zhou7", "Policy.ZHOU7-Binjiang"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await PasswordErrorsAsync(response));
    }

    [Theory]
    [InlineData("zh-CN", "该密码过于常见或已在泄露的密码库中出现，请换一个。")]
    [InlineData("en", Common)]
    public async Task A_reset_to_a_common_password_is_refused_and_the_old_one_still_works(string language, string message)
    {
        var admin = await host.ClientAsync("admin", language);
        var username = "policy.reset" + language[..2];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", NewUser(username, "Binjiang-Gate42"))).StatusCode);

        var response = await admin.PostAsJsonAsync($"/api/users/{username}/password", new { password = "Password123" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], await PasswordErrorsAsync(response));
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().PostAsJsonAsync("/api/auth/login", new { username, password = "Binjiang-Gate42" })).StatusCode);
    }

    [Fact]
    public async Task A_weak_configured_initial_admin_password_stops_the_Host()
    {
        var weak = new ConfiguredHost(host is PostgresHost, "Development", ("Anju:Admin:InitialPassword", "Password123"), ("Anju:SeedDemoData", "false"));
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(weak.InitializeAsync);
            Assert.Contains("'admin' could not be created", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await weak.DisposeAsync();
        }
    }

    [Fact]
    public async Task Demo_accounts_with_the_published_password_are_refused_outside_Development()
    {
        var production = new ConfiguredHost(host is PostgresHost, "Production", ("Anju:SeedDemoData", "true"), ("Anju:KeyProtection:AllowUnprotected", "true"));
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(production.InitializeAsync);
            Assert.Contains("Anju:SeedDemoData=true is only allowed in Development", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await production.DisposeAsync();
        }
    }

    private static object NewUser(string username, string password) => new
    {
        username,
        displayName = "密码策略 " + username,
        password,
        roles = new[] { "owner" },
        jurisdictions = new[] { "binjiang-garden" },
    };

    private static async Task<string[]> PasswordErrorsAsync(HttpResponseMessage response)
    {
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        return [.. errors["password"]!.AsArray().Select(e => e!.GetValue<string>())];
    }

    /// <summary>A Host of its own with extra settings and environment, to see it refuse to start.</summary>
    private sealed class ConfiguredHost(bool postgres, string environment, params (string Key, string Value)[] settings) : HostFixture
    {
        protected override bool UsePostgres => postgres;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

public sealed class SqlitePasswordPolicyTests(SqliteHost host) : PasswordPolicyTests<SqliteHost>(host);

public sealed class PostgresPasswordPolicyTests(PostgresHost host) : PasswordPolicyTests<PostgresHost>(host);
