using Anju.Host.Attachments;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Features.Tasks;
using Anju.Host.Security;
using Anju.Host.Tests.Features.Tasks;
using Anju.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Anju.Host.Tests.Security;

/// <summary>Failures that show: a locked database, a full disk, readiness, an unusable data folder.</summary>
public abstract class StorageFailureTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task A_database_locked_beyond_the_busy_timeout_is_503_with_Retry_After_and_then_recovers()
    {
        using var overall = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var bounded = host.WithWebHostBuilder(b => b.UseSetting("Anju:Database:BusyTimeoutSeconds", "1"));
        var admin = await SignInAsync(bounded, "admin");

        HttpResponseMessage whileLocked;
        HttpResponseMessage readyWhileLocked;
        await using (await LockDatabaseAsync(bounded.Services.GetRequiredService<IConfiguration>(), overall.Token))
        {
            whileLocked = await admin.PostAsJsonAsync("/api/users", NewUser(), overall.Token);
            readyWhileLocked = await admin.GetAsync("/health/ready", overall.Token);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileLocked.StatusCode);
        Assert.NotNull(whileLocked.Headers.RetryAfter);
        Assert.Equal("application/problem+json", whileLocked.Content.Headers.ContentType!.MediaType);
        Assert.Equal("databaseBusy", (await whileLocked.Content.ReadFromJsonAsync<JsonObject>(overall.Token))!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileLocked.StatusCode);
        Assert.Contains("database", Failed(await readyWhileLocked.Content.ReadFromJsonAsync<JsonObject>(overall.Token)));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", NewUser(), overall.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/health/ready", overall.Token)).StatusCode);
    }

    [Fact]
    public async Task An_upload_on_a_full_disk_is_507_and_leaves_no_file_and_no_row()
    {
        var (instanceId, taskId) = await TaskFlow.StartAsync(host);
        await using var fullDisk = host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IAttachmentFiles>(new FullDisk())));
        var community = await SignInAsync(fullDisk, "community.huangshan");
        var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent([.. Png, .. new byte[64 * 1024]]);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(bytes, "file", "现场.png");

        var response = await community.PostAsync($"/api/tasks/{taskId}/attachments", content);

        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Equal("diskFull", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        var folder = Path.Combine(host.DataFolder, "attachments", instanceId.ToString("N"));
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder) : []);
        Assert.Empty((await community.GetFromJsonAsync<JsonArray>($"/api/tasks/{taskId}/attachments"))!);
    }

    [Fact]
    public async Task Readiness_is_503_naming_the_disk_when_free_space_is_below_the_minimum()
    {
        await using var demanding = host.WithWebHostBuilder(b => b.UseSetting("Anju:Health:MinFreeMegabytes", "1000000000000"));

        var response = await demanding.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(["disk"], Failed(await response.Content.ReadFromJsonAsync<JsonObject>()));
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_created_stops_the_start_with_one_line_naming_it()
    {
        var file = Path.Combine(host.DataFolder, "a-file-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, "not a folder");
        var folder = Path.Combine(file, "data");
        await using var broken = host.WithWebHostBuilder(b => b.UseSetting("Anju:DataDirectory", folder));

        var error = Assert.ThrowsAny<Exception>(() => broken.CreateClient());

        var failure = Assert.Single(StorageFailures.Chain(error).OfType<AnjuStartupException>());
        Assert.StartsWith($"Anju cannot start: the data folder {folder} (Anju:DataDirectory) is not writable (", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    private static object NewUser() => new
    {
        username = "busy-" + Guid.NewGuid().ToString("N")[..8],
        displayName = "测试账号",
        password = HostFixture.NewUserPassword,
        roles = new[] { "owner" },
        jurisdictions = new[] { TaskFlow.Binjiang },
    };

    private static List<string> Failed(JsonObject? body) => [.. body!["failed"]!.AsArray().Select(f => f!.GetValue<string>())];

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string username)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { username, password = HostFixture.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Another process's write lock: SQLite BEGIN EXCLUSIVE on the file, or PostgreSQL table locks.</summary>
    private static async Task<IAsyncDisposable> LockDatabaseAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        System.Data.Common.DbConnection connection = string.Equals(configuration["Anju:Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
            ? new NpgsqlConnection(configuration.GetConnectionString("Anju"))
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(configuration["Anju:DataDirectory"]!, "anju.db"), Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = connection is NpgsqlConnection
            ? "BEGIN; LOCK TABLE \"AspNetUsers\", \"AspNetRoles\" IN EXCLUSIVE MODE;"
            : "BEGIN EXCLUSIVE;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection; // disposing it rolls back and releases the lock
    }

    /// <summary>Writes part of the file, then fails as a full disk does (ENOSPC).</summary>
    private sealed class FullDisk : IAttachmentFiles
    {
        public Stream Create(string path) => new FailingStream(File.Create(path));

        private sealed class FailingStream(FileStream inner) : Stream
        {
            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override void Write(byte[] buffer, int offset, int count)
            {
                inner.Write(buffer, offset, Math.Min(count, 8));
                inner.Flush();
                throw new IOException("No space left on device", 28);
            }

            public override void Flush() => inner.Flush();
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}

public sealed class SqliteStorageFailureTests(SqliteHost host) : StorageFailureTests<SqliteHost>(host);

public sealed class PostgresStorageFailureTests(PostgresHost host) : StorageFailureTests<PostgresHost>(host);
