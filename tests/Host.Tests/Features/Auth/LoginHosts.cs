using System.Collections.Concurrent;
using System.Net;
using Anju.Host.Persistence;
using Anju.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Anju.Host.Tests.Features.Auth;

/// <summary>
/// Hosts for the sign-in protection tests. The in-process test server has no remote address; a startup filter gives a
/// request the address in its <see cref="ClientHeader"/> header, so that tests can sign in "from" several clients.
/// Production code is untouched: it reads <c>Connection.RemoteIpAddress</c> as always.
/// </summary>
public abstract class LoginProbeHost : HostFixture
{
    public const string ClientHeader = "X-Test-Client-Address";

    /// <summary>Every password verification the Host makes, by the user name it was made for ("" for none).</summary>
    public PasswordVerifications Verifications { get; } = new();

    public HttpClient AnonymousFrom(string address, string language = "zh-CN")
    {
        var client = Anonymous(language);
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ClientAddressFromHeader());
            services.AddScoped<IPasswordHasher<AnjuUser>>(provider =>
                new CountingPasswordHasher(new PasswordHasher<AnjuUser>(provider.GetService<IOptions<PasswordHasherOptions>>()), Verifications));
        });
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>The same, with the login rate limits small (per client 6, per account 4 a minute) to reach them.</summary>
public abstract class LoginLimitsHost : LoginProbeHost
{
    public const int PerClient = 6;
    public const int PerAccount = 4;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Anju:Login:PerClientPerMinute", PerClient.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Anju:Login:PerAccountPerMinute", PerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class PasswordVerifications
{
    private readonly ConcurrentDictionary<string, int> _byUser = new(StringComparer.Ordinal);
    private int _total;

    public int Total => Volatile.Read(ref _total);

    public int For(string username) => _byUser.GetValueOrDefault(username);

    public void Count(string? username)
    {
        Interlocked.Increment(ref _total);
        _byUser.AddOrUpdate(username ?? "", 1, (_, n) => n + 1);
    }
}

/// <summary>The Host's hasher, counting verifications.</summary>
public sealed class CountingPasswordHasher(IPasswordHasher<AnjuUser> inner, PasswordVerifications verifications) : IPasswordHasher<AnjuUser>
{
    public string HashPassword(AnjuUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AnjuUser user, string hashedPassword, string providedPassword)
    {
        verifications.Count(user.UserName);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class SqliteLoginProbeHost : LoginProbeHost
{
    protected override bool UsePostgres => false;
}

public sealed class PostgresLoginProbeHost : LoginProbeHost
{
    protected override bool UsePostgres => true;
}

public sealed class SqliteLoginLimitsHost : LoginLimitsHost
{
    protected override bool UsePostgres => false;
}

public sealed class PostgresLoginLimitsHost : LoginLimitsHost
{
    protected override bool UsePostgres => true;
}
