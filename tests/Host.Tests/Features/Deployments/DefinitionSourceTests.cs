using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Deployments;

/// <summary>
/// Start-up deployment never overrides a person (issue 16, item 1): the Host is restarted on the same data with its
/// definitions file unchanged, changed, or forced, after an administrator deployed from the API or not.
/// </summary>
public abstract class DefinitionSourceTests(bool usePostgres) : IAsyncLifetime, IAsyncDisposable
{
    private readonly RestartableHost _host = new(usePostgres);
    private readonly string _key = "restart-" + ProcessApi.NewSuffix();

    private string File => _key + ".bpmn";

    public Task InitializeAsync() => Task.CompletedTask;

    // Through IAsyncLifetime: xunit 2 does not dispose a test class through IAsyncDisposable alone, which left every
    // test's data folder and PostgreSQL database behind. Disposing twice is harmless.
    public async Task DisposeAsync() => await _host.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The process, with its one task named <paramref name="taskName"/>: each name is a different content.</summary>
    private string Xml(string taskName) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:process id="{_key}" name="重启测试" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
            <bpmn:userTask id="handle" name="{taskName}" camunda:candidateGroups="property-firm" />
            <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private async Task<JsonObject> DefinitionAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/definitions/{_key}"))!;

    private static JsonArray Versions(JsonObject definition) => definition["versions"]!.AsArray();

    private static int Latest(JsonObject definition) => Versions(definition)[0]!["version"]!.GetValue<int>();

    private async Task DeployAsAdminAsync(string taskName)
    {
        var admin = await _host.ClientAsync("admin");
        var response = await admin.PostXmlAsync("/api/deployments", Xml(taskName));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Version 1 from the file (受理), then version 2 deployed by the administrator (受理并核实).</summary>
    private async Task FileThenAdministratorAsync()
    {
        _host.WriteDefinition(File, Xml("受理"));
        await _host.StartAsync();
        await DeployAsAdminAsync("受理并核实");
    }

    [Fact]
    public async Task A_restart_keeps_the_administrators_version_and_says_so_in_one_line()
    {
        await FileThenAdministratorAsync();

        await _host.StartAsync();

        var admin = await _host.ClientAsync("admin");
        var definition = await DefinitionAsync(admin);
        Assert.Equal(2, Latest(definition));
        Assert.Equal("user:admin", Versions(definition)[0]!["source"]!.GetValue<string>());
        Assert.Equal($"file:{File}", Versions(definition)[1]!["source"]!.GetValue<string>());
        Assert.Equal("system", Versions(definition)[1]!["deployedBy"]!.GetValue<string>());
        Assert.Equal(64, Versions(definition)[0]!["contentHash"]!.GetValue<string>().Length);
        Assert.Null(definition["fileUpdate"]); // the file did not change since its version
        var kept = Assert.Single(_host.Log, line => line.Contains(_key, StringComparison.Ordinal));
        Assert.Equal($"Kept {_key} version 2, deployed by admin: definitions/{File} differs from it but was not deployed, because a person deployed after the file's last version (the designer offers the file to adopt; Anju:Definitions:ForceFiles=true deploys files anyway)", kept);
        var started = await admin.StartAsync(_key, new { jurisdiction = "binjiang-garden" });
        Assert.Equal(2, started["definitionVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_changed_file_becomes_a_new_version_when_no_person_deployed_after_it()
    {
        _host.WriteDefinition(File, Xml("受理"));
        await _host.StartAsync();
        _host.WriteDefinition(File, Xml("受理（两个工作日）"));

        await _host.StartAsync();

        var definition = await DefinitionAsync(await _host.ClientAsync("admin"));
        Assert.Equal(2, Latest(definition));
        Assert.All(Versions(definition), v => Assert.Equal($"file:{File}", v!["source"]!.GetValue<string>()));
        Assert.Contains(_host.Log, line => line == $"Deployed {_key} version 2");

        await _host.StartAsync(); // unchanged now: no version 3
        Assert.Equal(2, Latest(await DefinitionAsync(await _host.ClientAsync("admin"))));
    }

    [Fact]
    public async Task A_changed_file_is_not_deployed_over_a_persons_version_but_offered_with_its_xml_and_can_be_ignored()
    {
        await FileThenAdministratorAsync();
        _host.WriteDefinition(File, Xml("受理（新）"));

        await _host.StartAsync();

        var admin = await _host.ClientAsync("admin");
        var definition = await DefinitionAsync(admin);
        Assert.Equal(2, Latest(definition));
        Assert.Single(_host.Log, line => line.StartsWith($"Kept {_key} version 2, deployed by admin", StringComparison.Ordinal));
        var update = definition["fileUpdate"]!;
        Assert.Equal(File, update["fileName"]!.GetValue<string>());
        Assert.Equal(1, update["lastFileVersion"]!.GetValue<int>());
        Assert.Contains("受理（新）", update["xml"]!.GetValue<string>(), StringComparison.Ordinal);
        var listed = (await admin.GetFromJsonAsync<JsonArray>("/api/definitions"))!.Single(d => d!["key"]!.GetValue<string>() == _key)!;
        Assert.True(listed["fileUpdate"]!.GetValue<bool>());
        var owner = await _host.ClientAsync("owner.li");
        Assert.Null((await DefinitionAsync(owner))["fileUpdate"]);
        var hash = update["contentHash"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/definitions/{_key}/file-update/ignore", new { contentHash = hash })).StatusCode);

        var wrong = await admin.PostAsJsonAsync($"/api/definitions/{_key}/file-update/ignore", new { contentHash = new string('0', 64) });
        var ignored = await admin.PostAsJsonAsync($"/api/definitions/{_key}/file-update/ignore", new { contentHash = hash });

        Assert.Equal(HttpStatusCode.Conflict, wrong.StatusCode);
        Assert.Equal("fileUpdateChanged", (await wrong.Json()).Code());
        Assert.Equal(HttpStatusCode.NoContent, ignored.StatusCode);
        Assert.Null((await DefinitionAsync(admin))["fileUpdate"]);
        await _host.StartAsync(); // remembered on the server, across restarts
        admin = await _host.ClientAsync("admin");
        definition = await DefinitionAsync(admin);
        Assert.Null(definition["fileUpdate"]);
        Assert.Equal(2, Latest(definition));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/definitions/{_key}/file-update/adopt", new { contentHash = hash })).StatusCode);
    }

    [Fact]
    public async Task Adopting_the_file_deploys_it_as_the_administrator_and_later_restarts_track_the_file_again()
    {
        await FileThenAdministratorAsync();
        _host.WriteDefinition(File, Xml("受理（新）"));
        await _host.StartAsync();
        var admin = await _host.ClientAsync("admin");
        var hash = (await DefinitionAsync(admin))["fileUpdate"]!["contentHash"]!.GetValue<string>();

        var adopted = await admin.PostAsJsonAsync($"/api/definitions/{_key}/file-update/adopt", new { contentHash = hash });

        Assert.Equal(HttpStatusCode.Created, adopted.StatusCode);
        Assert.Equal(3, (await adopted.Json())["definitions"]![0]!["version"]!.GetValue<int>());
        var definition = await DefinitionAsync(admin);
        var latest = Versions(definition)[0]!;
        Assert.Equal(3, latest["version"]!.GetValue<int>());
        Assert.Equal($"file:{File}", latest["source"]!.GetValue<string>());
        Assert.Equal("admin", latest["deployedBy"]!.GetValue<string>());
        Assert.Contains($"采用定义文件 definitions/{File}", latest["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(hash, latest["contentHash"]!.GetValue<string>());
        Assert.Null(definition["fileUpdate"]);

        await _host.StartAsync();
        Assert.Equal(3, Latest(await DefinitionAsync(await _host.ClientAsync("admin"))));
        _host.WriteDefinition(File, Xml("受理（再改）"));
        await _host.StartAsync(); // nobody deployed after the adopted file version: the changed file is deployed
        Assert.Equal(4, Latest(await DefinitionAsync(await _host.ClientAsync("admin"))));
    }

    [Fact]
    public async Task The_force_option_deploys_a_changed_file_over_a_persons_version()
    {
        await FileThenAdministratorAsync();
        _host.WriteDefinition(File, Xml("受理（强制）"));

        await _host.StartAsync(("Anju:Definitions:ForceFiles", "true"));

        var definition = await DefinitionAsync(await _host.ClientAsync("admin"));
        Assert.Equal(3, Latest(definition));
        Assert.Equal($"file:{File}", Versions(definition)[0]!["source"]!.GetValue<string>());
        Assert.Equal("system", Versions(definition)[0]!["deployedBy"]!.GetValue<string>());
        Assert.DoesNotContain(_host.Log, line => line.StartsWith("Kept ", StringComparison.Ordinal));
    }
}

public sealed class SqliteDefinitionSourceTests() : DefinitionSourceTests(usePostgres: false);

public sealed class PostgresDefinitionSourceTests() : DefinitionSourceTests(usePostgres: true);
