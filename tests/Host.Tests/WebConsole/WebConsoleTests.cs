using System.Net.Http.Json;
using System.Net;
using Anju.Host.Tests.Support;
using Anju.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Anju.Host.Tests.WebConsole;

/// <summary>The built web console at "/", index.html for client routes, and server routes left alone.</summary>
public abstract class WebConsoleTests<THost>(THost host) : IClassFixture<THost>, IDisposable
    where THost : HostFixture
{
    private readonly TemporaryFolder _console = CreateConsole();
    private WebApplicationFactory<Program>? _withConsole;

    private static TemporaryFolder CreateConsole()
    {
        var console = TemporaryFolder.Create("console-tests");
        var folder = console.Path;
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        File.WriteAllText(Path.Combine(folder, "index.html"), "<!doctype html><title>安居</title><div id=\"app\"></div>");
        File.WriteAllText(Path.Combine(folder, "assets", "index-abc123.js"), "console.log('anju');");
        File.WriteAllText(Path.Combine(folder, "assets", "index-abc123.js.map"), "{\"version\":3,\"sources\":[\"src/main.ts\"]}");

        // A bundle with its precompressed copies, as the console's build writes them (scripts/compress.mjs).
        File.WriteAllText(Path.Combine(folder, "assets", "app-def456.js"), Bundle);
        using (var br = new System.IO.Compression.BrotliStream(File.Create(Path.Combine(folder, "assets", "app-def456.js.br")), System.IO.Compression.CompressionLevel.Optimal))
        {
            br.Write(System.Text.Encoding.UTF8.GetBytes(Bundle));
        }

        using (var gz = new System.IO.Compression.GZipStream(File.Create(Path.Combine(folder, "assets", "app-def456.js.gz")), System.IO.Compression.CompressionLevel.Optimal))
        {
            gz.Write(System.Text.Encoding.UTF8.GetBytes(Bundle));
        }

        return console;
    }

    private static readonly string Bundle = string.Concat(Enumerable.Repeat("export const 安居 = () => console.log('anju');\n", 200));

    private WebApplicationFactory<Program>? _production;

    // The class's Host again in the Production environment, with the console folder configured.
    private HttpClient ProductionClient()
    {
        _production ??= host.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Anju:ConsoleDirectory", _console.Path).UseSetting("Anju:KeyProtection:AllowUnprotected", "true").UseSetting("Anju:SeedDemoData", "false").UseSetting("Anju:Admin:InitialPassword", HostFixture.NewUserPassword));
        return _production.CreateClient();
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("gzip;q=0.5, br;q=1", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task Bundles_go_out_precompressed_to_browsers_that_accept_it(string acceptEncoding, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/app-def456.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = expected == "br"
            ? new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);
        Assert.Equal(Bundle, await reader.ReadToEndAsync());

        // A client that accepts no compression gets the file as it is.
        var plain = await Client().GetAsync("/assets/app-def456.js");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(Bundle, await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Source_maps_are_served_in_Development_and_not_in_Production()
    {
        var development = await Client().GetAsync("/assets/index-abc123.js.map");
        var production = await ProductionClient().GetAsync("/assets/index-abc123.js.map");
        var bundle = await ProductionClient().GetAsync("/assets/index-abc123.js");

        Assert.Equal(HttpStatusCode.OK, development.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, production.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
    }

    // The class's Host again (same database), with the console folder configured.
    private HttpClient Client()
    {
        _withConsole ??= host.WithWebHostBuilder(b => b.UseSetting("Anju:ConsoleDirectory", _console.Path));
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
        _production?.Dispose();
        _console.Dispose();

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteWebConsoleTests(SqliteHost host) : WebConsoleTests<SqliteHost>(host);

public sealed class PostgresWebConsoleTests(PostgresHost host) : WebConsoleTests<PostgresHost>(host);
