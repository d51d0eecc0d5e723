using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Authorization;

/// <summary>
/// "A test matrix covers every endpoint × role × in/out of jurisdiction": one row of
/// <see cref="AuthorizationMatrix"/> per call, on SQLite and on PostgreSQL.
/// </summary>
public abstract class AuthorizationMatrixTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private static readonly string[] NewPlaceholders =
        ["{newInInstance}", "{newOutInstance}", "{newInTask}", "{newOutTask}", "{newInTask2}", "{newOutTask2}", "{newInTaskClaimed}", "{newJob}", "{newIncident}", "{randomId}"];

    [Fact]
    public void The_matrix_covers_every_route_of_the_api()
    {
        var rows = AuthorizationMatrix.Rows.Select(r => ((string)r[2], (string)r[3])).ToList();
        string[] routes =
        [
            "GET /api/me", "POST /api/auth/login", "POST /api/auth/logout",
            "GET /api/users", "GET /api/users/", "POST /api/users", "PUT /api/users/", "POST /api/users/*/password", "POST /api/users/*/unlock", "DELETE /api/users/",
            "GET /api/jurisdictions", "POST /api/deployments",
            "GET /api/definitions", "GET /api/definitions/", "GET /api/definitions/*/xml", "POST /api/definitions/*/instances",
            "GET /api/instances", "GET /api/instances/", "GET /api/instances/*/journal", "POST /api/instances/*/cancel",
            "POST /api/messages", "POST /api/signals", "GET /api/jobs", "POST /api/jobs/*/execute", "GET /api/incidents", "POST /api/incidents/*/retry",
            "POST /api/external-tasks/fetch-and-lock", "POST /api/external-tasks/*/complete", "POST /api/external-tasks/*/failure", "POST /api/external-tasks/*/bpmn-error",
            "GET /api/tasks", "GET /api/tasks/done", "GET /api/tasks/", "POST /api/tasks/*/claim", "POST /api/tasks/*/unclaim", "POST /api/tasks/*/complete",
            "POST /api/tasks/*/return", "POST /api/tasks/*/delegate", "GET /api/tasks/*/comments", "POST /api/tasks/*/comments",
            "GET /api/tasks/*/attachments", "POST /api/tasks/*/attachments", "GET /api/attachments/",
            "GET /api/instances/counts", "GET /api/instances/*/attachments", "POST /api/instances/*/attachments",
            "GET /api/instances/*/timeline", "GET /api/instances/*/comments", "POST /api/instances/*/comments",
            "GET /api/definitions/*/statistics", "GET /api/supervision/overdue",
            "POST /api/instances/*/modify", "PUT /api/instances/*/variables/amount", "POST /api/instances/bulk/cancel", "POST /api/incidents/bulk/retry",
            "POST /api/migrations/check", "POST /api/migrations", "GET /api/migrations/",
        ];
        foreach (var route in routes)
        {
            var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
            var parts = route[(method.Length + 1)..].Split('*');
            Assert.True(
                rows.Any(r => r.Item1 == method && r.Item2.StartsWith(parts[0], StringComparison.Ordinal) && (parts.Length == 1 || r.Item2.Split('?')[0].EndsWith(parts[1], StringComparison.Ordinal))),
                $"No matrix row for {route}");
        }
    }

    [Theory]
    [MemberData(nameof(AuthorizationMatrix.Rows), MemberType = typeof(AuthorizationMatrix))]
    public async Task Endpoint_answers_the_role_and_jurisdiction_rule(string endpoint, string user, string method, string url, string body, int expected, string checks)
    {
        var world = await MatrixWorld.OfAsync(host);
        var values = new Dictionary<string, string>(world.Values, StringComparer.Ordinal);
        foreach (var placeholder in NewPlaceholders.Where(p => url.Contains(p, StringComparison.Ordinal) || body.Contains(p, StringComparison.Ordinal) || checks.Contains(p, StringComparison.Ordinal)))
        {
            values[placeholder] = placeholder switch
            {
                "{newInInstance}" => (await world.StartAsync(MatrixWorld.Binjiang)).Instance,
                "{newOutInstance}" => (await world.StartAsync(MatrixWorld.Xingfuli)).Instance,
                "{newInTask}" => (await world.StartAsync(MatrixWorld.Binjiang)).Task,
                "{newOutTask}" => (await world.StartAsync(MatrixWorld.Xingfuli)).Task,
                "{newInTask2}" => (await world.StartAtStreetStepAsync(MatrixWorld.Binjiang)).Task,
                "{newOutTask2}" => (await world.StartAtStreetStepAsync(MatrixWorld.Xingfuli)).Task,
                "{newInTaskClaimed}" => await world.ClaimedTaskAsync(AuthorizationMatrix.Community),
                "{newJob}" => await world.NewJobAsync(),
                "{newIncident}" => (await world.StartIncidentAsync(MatrixWorld.Binjiang)).Incident,
                _ => Guid.NewGuid().ToString(),
            };
        }

        var client = await world.ClientAsync(user);
        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(url, values)) { Content = Content(body.StartsWith('@') ? body : Fill(body, values)) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(
            (int)response.StatusCode == expected,
            $"{endpoint} as {user}: {method} {Fill(url, values)} answered {(int)response.StatusCode}, the rule says {expected}. Body: {Truncate(text)}");
        foreach (var check in checks.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (kind, argument) = check.Contains(':', StringComparison.Ordinal) ? (check[..check.IndexOf(':', StringComparison.Ordinal)], Fill(check[(check.IndexOf(':', StringComparison.Ordinal) + 1)..], values)) : (check, "");
            switch (kind)
            {
                case "contains":
                    Assert.True(text.Contains(argument, StringComparison.Ordinal), $"{endpoint} as {user}: the answer should list {argument} ({check}) but does not.");
                    break;
                case "excludes":
                    Assert.False(text.Contains(argument, StringComparison.Ordinal), $"{endpoint} as {user}: the answer lists {argument} ({check}), which the caller may not see.");
                    break;
                case "reachable":
                    var outOfReach = MatrixWorld.Items(JsonNode.Parse(text)!)
                        .Select(i => i!["jurisdiction"]?.GetValue<string>())
                        .Where(j => !MatrixWorld.Reaches(user, j)).ToList();
                    Assert.True(outOfReach.Count == 0, $"{endpoint} as {user}: items out of the caller's reach: {string.Join(", ", outOfReach)}");
                    break;
                default:
                    Assert.Fail($"Unknown check '{check}'.");
                    break;
            }
        }
    }

    private static string Fill(string template, Dictionary<string, string> values) =>
        values.Aggregate(template, (text, value) => text.Replace(value.Key, value.Value, StringComparison.Ordinal));

    private static HttpContent? Content(string body) => body switch
    {
        "" => null,
        "@bpmn" => new StringContent(MatrixWorld.FlowXml(), Encoding.UTF8, "application/xml"),
        "@png" => MatrixWorld.PngUpload(),
        _ => JsonContent.Create(JsonNode.Parse(body)),
    };

    private static string Truncate(string text) => text.Length <= 400 ? text : text[..400] + "…";
}

public sealed class SqliteAuthorizationMatrixTests(SqliteHost host) : AuthorizationMatrixTests<SqliteHost>(host);

public sealed class PostgresAuthorizationMatrixTests(PostgresHost host) : AuthorizationMatrixTests<PostgresHost>(host);
