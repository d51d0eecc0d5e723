using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Anju.Host.Identity;
using Anju.Host.Seeding;
using Anju.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Authorization;

/// <summary>
/// The data the matrix runs against, set up once per host by the administrator through the API: the
/// <see cref="Key"/> process deployed, two cases at the community step (one in 澄江's compound 滨江花园, one in
/// 南闸's 幸福里), two at the street step (same places), an attachment on the first case, and a second
/// community account (for 转办 and for "another candidate holds it").
/// </summary>
public sealed class MatrixWorld
{
    public const string Key = "authzMatrix";
    public const string Binjiang = DemoData.Binjiang;
    public const string Xingfuli = DemoData.Xingfuli;
    public const string IncidentKey = "authzMatrixIncident";
    public const string Helper = "community.helper";

    private static readonly ConditionalWeakTable<HostFixture, Lazy<Task<MatrixWorld>>> Worlds = [];

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new(StringComparer.Ordinal);

    private MatrixWorld(HostFixture host) => Host = host;

    public HostFixture Host { get; }

    /// <summary>Values for the shared placeholders: {inInstance}, {outTask2}, {attachment}, …</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Where each account reaches (the demo data's jurisdictions); null for the administrator (everywhere).</summary>
    public static readonly IReadOnlyDictionary<string, string[]?> Reach = new Dictionary<string, string[]?>(StringComparer.Ordinal)
    {
        ["admin"] = null,
        ["street.chengjiang"] = ["jiangyin/chengjiang"],
        ["street.nanzha"] = ["jiangyin/nanzha"],
        ["community.huangshan"] = [DemoData.Huangshan],
        [Helper] = [DemoData.Huangshan],
        ["firm.binjiang"] = [Binjiang],
        ["committee.binjiang"] = [Binjiang],
        ["station.chengjiang"] = ["jiangyin/chengjiang"],
        ["bureau.housing"] = ["jiangyin"],
        ["dept.chengguan"] = ["jiangyin"],
        ["owner.li"] = [Binjiang],
    };

    public static Task<MatrixWorld> OfAsync(HostFixture host) =>
        Worlds.GetValue(host, h => new Lazy<Task<MatrixWorld>>(() => CreateAsync(h))).Value;

    private static async Task<MatrixWorld> CreateAsync(HostFixture host)
    {
        var world = new MatrixWorld(host);
        using (var scope = host.Services.CreateScope())
        {
            await DemoData.EnsureUserAsync(scope.ServiceProvider, Helper, "黄山社区 协管员", HostFixture.Password, [Roles.Community], [DemoData.Huangshan]);
        }

        var admin = await world.ClientAsync("admin");
        var deployed = await admin.PostXmlAsync("/api/deployments", FlowXml());
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());

        var incidentFlow = await admin.PostXmlAsync("/api/deployments", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Authorization", "AuthorizationMatrix.Incident.bpmn")));
        Assert.True(incidentFlow.IsSuccessStatusCode, await incidentFlow.Content.ReadAsStringAsync());
        world.Values["{inIncidentInstance}"] = (await world.StartIncidentAsync(Binjiang)).Instance;
        world.Values["{outIncidentInstance}"] = (await world.StartIncidentAsync(Xingfuli)).Instance;

        var (inInstance, inTask) = await world.StartAsync(Binjiang);
        var (outInstance, outTask) = await world.StartAsync(Xingfuli);
        var (inInstance2, inTask2) = await world.StartAtStreetStepAsync(Binjiang);
        var (outInstance2, outTask2) = await world.StartAtStreetStepAsync(Xingfuli);
        world.Values["{definitionKey}"] = Key;
        world.Values["{inInstance}"] = inInstance;
        world.Values["{outInstance}"] = outInstance;
        world.Values["{inInstance2}"] = inInstance2;
        world.Values["{outInstance2}"] = outInstance2;
        world.Values["{inTask}"] = inTask;
        world.Values["{outTask}"] = outTask;
        world.Values["{inTask2}"] = inTask2;
        world.Values["{outTask2}"] = outTask2;

        var upload = await admin.PostAsync($"/api/tasks/{inTask}/attachments", PngUpload());
        Assert.True(upload.StatusCode == HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        world.Values["{attachment}"] = (await upload.Json())["id"]!.GetValue<string>();
        return world;
    }

    public static string FlowXml() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Authorization", "AuthorizationMatrix.Flow.bpmn"));

    public static MultipartFormDataContent PngUpload()
    {
        var content = new ByteArrayContent(Png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { content, "file", "现场.png" } };
    }

    /// <summary>
    /// A signed-in client per account, logged in once. Anonymous: a new client each time, without token or
    /// cookie (a client that called /api/auth/login holds the session cookie it was given).
    /// </summary>
    public Task<HttpClient> ClientAsync(string user) =>
        user == "anonymous"
            ? Task.FromResult(Host.Anonymous())
            : _clients.GetOrAdd(user, u => new Lazy<Task<HttpClient>>(() => Host.ClientAsync(u))).Value;

    /// <summary>A new case at the community step, started by the administrator: (instance id, task id).</summary>
    public async Task<(string Instance, string Task)> StartAsync(string jurisdiction)
    {
        var admin = await ClientAsync("admin");
        var instance = await admin.StartAsync(Key, new { jurisdiction, businessKey = "AUTHZ-" + ProcessApi.NewSuffix() });
        var id = instance["id"]!.GetValue<string>();
        return (id, await OpenTaskAsync(id));
    }

    /// <summary>A new case moved on to the street step by the administrator.</summary>
    public async Task<(string Instance, string Task)> StartAtStreetStepAsync(string jurisdiction)
    {
        var (instance, task) = await StartAsync(jurisdiction);
        var admin = await ClientAsync("admin");
        var completed = await admin.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { } });
        Assert.True(completed.StatusCode == HttpStatusCode.NoContent, await completed.Content.ReadAsStringAsync());
        return (instance, await OpenTaskAsync(instance));
    }

    /// <summary>A new case at the community step whose task <paramref name="holder"/> has claimed.</summary>
    public async Task<string> ClaimedTaskAsync(string holder)
    {
        var (_, task) = await StartAsync(Binjiang);
        var claimed = await (await ClientAsync(holder)).PostAsync($"/api/tasks/{task}/claim", null);
        Assert.True(claimed.StatusCode == HttpStatusCode.NoContent, await claimed.Content.ReadAsStringAsync());
        return task;
    }

    /// <summary>A new case stopped on an incident: (instance id, incident id).</summary>
    public async Task<(string Instance, string Incident)> StartIncidentAsync(string jurisdiction)
    {
        var admin = await ClientAsync("admin");
        var instance = (await admin.StartAsync(IncidentKey, new { jurisdiction }))["id"]!.GetValue<string>();
        var incidents = await (await admin.GetAsync($"/api/incidents?instanceId={instance}")).JsonArrayAsync();
        return (instance, Assert.Single(incidents)!["id"]!.GetValue<string>());
    }

    /// <summary>The deadline timer of a new case in 滨江花园.</summary>
    public async Task<string> NewJobAsync()
    {
        var (instance, _) = await StartAsync(Binjiang);
        var admin = await ClientAsync("admin");
        var jobs = await (await admin.GetAsync($"/api/jobs?instanceId={instance}")).JsonArrayAsync();
        return Assert.Single(jobs)!["id"]!.GetValue<string>();
    }

    private async Task<string> OpenTaskAsync(string instance)
    {
        var admin = await ClientAsync("admin");
        var tasks = await (await admin.GetAsync($"/api/tasks?instanceId={instance}")).Json();
        return Assert.Single(tasks["items"]!.AsArray())!["id"]!.GetValue<string>();
    }

    /// <summary>Whether <paramref name="user"/> reaches <paramref name="path"/> (at or below one of their nodes).</summary>
    public static bool Reaches(string user, string? path) =>
        Reach[user] is not { } held
        || (path is not null && held.Any(h => path == h || path.StartsWith(h + "/", StringComparison.Ordinal)));

    public static JsonArray Items(JsonNode body) => body is JsonArray array ? array : body["items"]!.AsArray();
}
