using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Anju.Host.Security;
using Anju.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Anju.Host.Tests.Security;

/// <summary>The Host in Production: the API reference for administrators only, token-signing keys encrypted at rest.</summary>
public abstract class ProductionTests<THost>(THost host) : IClassFixture<THost>
    where THost : ProductionHost
{
    [Fact]
    public async Task The_api_reference_is_for_administrators_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/scalar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.OfficialAsync()).GetAsync("/openapi/v1.json")).StatusCode);
        var admin = await host.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/scalar")).StatusCode);
    }

    [Fact]
    public async Task Token_signing_keys_are_stored_encrypted_with_the_certificate()
    {
        await host.AdminAsync(); // issues a token, so a key exists

        var keys = Directory.GetFiles(Path.Combine(host.DataFolder, "keys"), "key-*.xml");

        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = await File.ReadAllTextAsync(key);
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_certificate_Production_refuses_to_start_naming_the_setting_unless_allowed()
    {
        using var unprotected = host.WithWebHostBuilder(b => b.UseSetting("Anju:KeyProtection:CertificatePath", ""));
        await using var allowed = host.WithWebHostBuilder(b => b
            .UseSetting("Anju:KeyProtection:CertificatePath", "")
            .UseSetting("Anju:KeyProtection:AllowUnprotected", "true")
            .UseSetting("Anju:KeysDirectory", Path.Combine(host.DataFolder, "plain-keys"))); // not the fixture's protected keys

        var error = Assert.ThrowsAny<Exception>(() => unprotected.CreateClient());

        var failure = Assert.Single(StorageFailures.Chain(error).OfType<AnjuStartupException>());
        Assert.StartsWith("Anju cannot start: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Anju:KeyProtection:CertificatePath", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Anju:KeyProtection:AllowUnprotected=true", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.Equal(HttpStatusCode.OK, (await allowed.CreateClient().GetAsync("/health/live")).StatusCode);
    }
}

/// <summary>The Host in the Production environment, its keys protected by a self-signed certificate made here.</summary>
public abstract class ProductionHost : HostFixture
{
    public const string CertificatePassword = "key-protection-test";
    public const string AdminPassword = "Prod-Keeper-7Kq2x";

    public Task<HttpClient> AdminAsync() => ClientAsync("admin", password: AdminPassword);

    /// <summary>A street-office account created by the administrator (there are no demo accounts in Production).</summary>
    public async Task<HttpClient> OfficialAsync()
    {
        const string username = "street.production";
        var admin = await AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            username,
            displayName = "街道 工作人员",
            password = NewUserPassword,
            roles = new[] { "street-office" },
            jurisdictions = new[] { "chengjiang" },
        });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        return await ClientAsync(username, password: NewUserPassword);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var certificate = Path.Combine(DataFolder, "key-protection.pfx");
        if (!File.Exists(certificate))
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Anju key protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(certificate, created.Export(X509ContentType.Pkcs12, CertificatePassword));
        }

        builder.UseEnvironment("Production");
        builder.UseSetting("Anju:SeedDemoData", "false"); // demo accounts are refused outside Development
        builder.UseSetting("Anju:Admin:InitialPassword", AdminPassword);
        builder.UseSetting("Anju:KeyProtection:CertificatePath", certificate);
        builder.UseSetting("Anju:KeyProtection:CertificatePassword", CertificatePassword);
    }
}

public sealed class SqliteProductionHost : ProductionHost
{
    protected override bool UsePostgres => false;
}

public sealed class PostgresProductionHost : ProductionHost
{
    protected override bool UsePostgres => true;
}

public sealed class SqliteProductionTests(SqliteProductionHost host) : ProductionTests<SqliteProductionHost>(host);

public sealed class PostgresProductionTests(PostgresProductionHost host) : ProductionTests<PostgresProductionHost>(host);
