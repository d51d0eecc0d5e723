using System.Net.Http.Json;
using System.Net;
using Anju.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Anju.Host.Tests.WebConsole;

/// <summary>The built web console at "/", index.html for client routes, and server routes left alone.</summary>
public abstract class WebConsoleTests<THost>(THost host) : IClassFixture<THost>, IDisposable
    where THost : HostFixture
{
    private readonly string _console = CreateConsole();
    private WebApplicationFactory<Program>? _withConsole;

    private static string CreateConsole()
    {
        var folder = Path.Combine(Path.GetTempPath(), "anju-console-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        File.WriteAllText(Path.Combine(folder, "index.html"), "<!doctype html><title>安居</title><div id=\"app\"></div>");
        File.WriteAllText(Path.Combine(folder, "assets", "index-abc123.js"), "console.log('anju');");
        return folder;
    }

    // The class's Host again (same database), with the console folder configured.
    private HttpClient Client()
    {
        _withConsole ??= host.WithWebHostBuilder(b => b.UseSetting("Anju:ConsoleDirectory", _console));
        return _withConsole.CreateClient();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/designer/complaint")]
    public async Task Console_routes_get_index_html_fresh(string path)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<div id=\"app\">", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Hashed_assets_are_served_as_immutable()
    {
        var response = await Client().GetAsync("/assets/index-abc123.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task An_unknown_api_route_is_401_without_a_token_and_404_with_one()
    {
        var anonymous = await Client().GetAsync("/api/no-such-thing");
        var admin = Client();
        var login = await admin.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = HostFixture.Password });
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["token"]!.GetValue<string>();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var signedIn = await admin.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
        Assert.NotEqual("text/html", signedIn.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/health/nothing")]
    [InlineData("/scalar/x/y")]
    [InlineData("/assets/missing.js")]
    public async Task Unknown_server_routes_and_files_stay_404(string path)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_still_answers_beside_the_console()
    {
        var response = await Client().GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public void Dispose()
    {
        _withConsole?.Dispose();
        try
        {
            Directory.Delete(_console, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temporary folder
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWebConsoleTests(SqliteHost host) : WebConsoleTests<SqliteHost>(host);

public sealed class PostgresWebConsoleTests(PostgresHost host) : WebConsoleTests<PostgresHost>(host);
