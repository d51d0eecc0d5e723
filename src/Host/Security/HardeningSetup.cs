using System.Net;
using System.Security.Cryptography.X509Certificates;
using Anju.Host.Identity;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Scalar.AspNetCore;

namespace Anju.Host.Security;

/// <summary>
/// Web hardening that is configuration rather than a feature: no Server header, Secure cookies behind HTTPS,
/// trusted reverse proxies only, token-signing keys encrypted at rest, a ceiling on token lifetime, and the API
/// reference for administrators only outside Development.
/// </summary>
public static class HardeningSetup
{
    /// <summary>Tokens and cookies never live longer than this, whatever Anju:TokenLifetimeHours says.</summary>
    public const int MaxTokenLifetimeHours = 12;

    public static WebApplicationBuilder AddAnjuHardening(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        // Secure cookies: SameAsRequest by default (HTTPS requests get Secure cookies); Always behind HTTPS.
        var requireHttps = configuration.GetValue("Anju:RequireHttps", false);
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = Clamp(o.ExpireTimeSpan);
        });
        services.PostConfigure<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme, o => o.BearerTokenExpiration = Clamp(o.BearerTokenExpiration));

        // A reverse proxy that terminates TLS: X-Forwarded-For/-Proto are believed only from the listed addresses.
        var proxies = configuration.GetSection("Anju:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        ProtectKeys(builder);
        return builder;
    }

    public static WebApplication UseAnjuHardening(this WebApplication app)
    {
        app.UseAnjuSecurityHeaders();
        if (app.Configuration.GetSection("Anju:ForwardedHeaders:KnownProxies").Get<string[]>() is { Length: > 0 })
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>/openapi/v1.json and /scalar: anyone in Development, administrators otherwise.</summary>
    public static WebApplication MapAnjuApiReference(this WebApplication app)
    {
        var openApi = app.MapOpenApi();
        var scalar = app.MapScalarApiReference();
        if (!app.Environment.IsDevelopment())
        {
            openApi.RequireAuthorization(Policies.Admin);
            scalar.RequireAuthorization(Policies.Admin);
        }

        return app;
    }

    private static TimeSpan Clamp(TimeSpan lifetime) =>
        lifetime > TimeSpan.FromHours(MaxTokenLifetimeHours) ? TimeSpan.FromHours(MaxTokenLifetimeHours) : lifetime;

    /// <summary>
    /// Encrypts the Data Protection key ring (which signs tokens and cookies) with a certificate's public key.
    /// Outside Development, keys in plain XML are refused unless explicitly allowed.
    /// </summary>
    private static void ProtectKeys(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var path = configuration["Anju:KeyProtection:CertificatePath"];
        if (string.IsNullOrEmpty(path))
        {
            if (!builder.Environment.IsDevelopment() && !configuration.GetValue("Anju:KeyProtection:AllowUnprotected", false))
            {
                throw new AnjuStartupException(
                    "Anju cannot start: the token-signing keys would be stored unencrypted; set Anju:KeyProtection:CertificatePath " +
                    "(and Anju:KeyProtection:CertificatePassword) to a .pfx certificate, or Anju:KeyProtection:AllowUnprotected=true to accept plain keys");
            }

            return;
        }

        var file = Path.GetFullPath(path, builder.Environment.ContentRootPath);
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(file, configuration["Anju:KeyProtection:CertificatePassword"]);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new AnjuStartupException($"Anju cannot start: the key-protection certificate {file} (Anju:KeyProtection:CertificatePath) cannot be read ({error.Message})");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new AnjuStartupException($"Anju cannot start: the key-protection certificate {file} (Anju:KeyProtection:CertificatePath) has no private key");
        }

        builder.Services.AddDataProtection().ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
