using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Features.Tasks;
using Anju.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Anju.Host.Tests.Security;

/// <summary>Browser hardening: headers on every response, attachments as sandboxed downloads, cookies, token lifetime.</summary>
public abstract class SecurityHeadersTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    [Theory]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/api/me", HttpStatusCode.Unauthorized)]
    [InlineData("/health/no-such-thing", HttpStatusCode.NotFound)] // not under /api: with the console built, an anonymous unknown /api path is 401
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        var response = await host.Anonymous().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertHardened(response);
    }

    [Fact]
    public async Task Problems_from_errors_and_signed_in_answers_carry_them_too()
    {
        var admin = await host.ClientAsync("admin");

        AssertHardened(await admin.GetAsync("/api/me"));
        AssertHardened(await admin.PostAsync("/api/users", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json")));
    }

    [Fact]
    public async Task The_console_static_files_carry_them()
    {
        var console = Path.Combine(host.DataFolder, "console-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(console);
        await File.WriteAllTextAsync(Path.Combine(console, "index.html"), "<!doctype html><title>安居</title><script type=\"module\" src=\"/app.js\"></script>");
        await File.WriteAllTextAsync(Path.Combine(console, "app.js"), "console.log('anju');");
        await using var withConsole = host.WithWebHostBuilder(b => b.UseSetting("Anju:ConsoleDirectory", console));
        var client = withConsole.CreateClient();

        var index = await client.GetAsync("/");
        var script = await client.GetAsync("/app.js");
        var deepLink = await client.GetAsync("/tasks/123");

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deepLink.StatusCode);
        AssertHardened(index);
        AssertHardened(script);
        AssertHardened(deepLink);
    }

    [Fact]
    public async Task An_attachment_is_a_sandboxed_download_with_a_safe_name()
    {
        var (_, taskId) = await TaskFlow.StartAsync(host);
        var community = await host.ClientAsync("community.huangshan");
        var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(Png);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        // A name with quotes and a separator, as a client may send it (filename* per RFC 5987).
        bytes.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename=\"x.png\"; filename*=UTF-8''" + Uri.EscapeDataString("现场 \"照片\";x.png"));
        content.Add(bytes);
        var upload = await community.PostAsync($"/api/tasks/{taskId}/attachments", content);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var download = await community.GetAsync($"/api/attachments/{id}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("现场 _照片__x.png", disposition.FileNameStar);
        Assert.DoesNotContain('"', disposition.FileName!.Trim('"'));
        Assert.Equal("nosniff", Single(download, "X-Content-Type-Options"));
        var policy = Single(download, "Content-Security-Policy");
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_is_Secure_when_https_is_required()
    {
        await using var https = host.WithWebHostBuilder(b => b.UseSetting("Anju:RequireHttps", "true"));
        var client = https.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var response = await client.PostAsJsonAsync("/api/auth/login", new { username = "owner.li", password = HostFixture.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("anju=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_token_never_lives_longer_than_12_hours_whatever_the_configuration_says()
    {
        await using var longLived = host.WithWebHostBuilder(b => b.UseSetting("Anju:TokenLifetimeHours", "240"));
        var before = DateTimeOffset.UtcNow;

        var response = await longLived.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = "owner.li", password = HostFixture.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expiresAt = (await response.Content.ReadFromJsonAsync<JsonObject>())!["expiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expiresAt, before.AddHours(11), DateTimeOffset.UtcNow.AddHours(12));
    }

    private static void AssertHardened(HttpResponseMessage response)
    {
        var policy = Single(response, "Content-Security-Policy");
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("default-src 'self'", directives);
        Assert.Contains("script-src 'self'", directives);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("object-src 'none'", directives);
        Assert.Contains("base-uri 'self'", directives);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values
            : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues : []);
}

public sealed class SqliteSecurityHeadersTests(SqliteHost host) : SecurityHeadersTests<SqliteHost>(host);

public sealed class PostgresSecurityHeadersTests(PostgresHost host) : SecurityHeadersTests<PostgresHost>(host);
