using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Features.Tasks;
using Anju.Host.Tests.Support;
using Anju.Workflows;
using Anju.Workflows.Deployment;
using Microsoft.Extensions.DependencyInjection;

namespace Anju.Host.Tests.Features.Tasks;

/// <summary>
/// An inbox of more tasks than the count goes (ListTasks.CountCap): "more than 1000", and pages that walk the
/// due-order index still come in the right order, each task once.
/// </summary>
public abstract class TaskInboxCapTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const int Tasks = ListTasks.CountCap + 5;
    private const string Key = "inboxCap";

    [Fact]
    public async Task Above_the_cap_the_total_is_a_lower_bound_and_every_page_is_in_due_order()
    {
        var ids = await SeedAsync();
        var street = await host.ClientAsync("street.chengjiang");

        var seen = new List<JsonNode>();
        for (var page = 1; page <= 6; page++)
        {
            var body = await GetAsync(street, $"definitionKey={Key}&pageSize=200&page={page}");
            Assert.Equal(ListTasks.CountCap, body["total"]!.GetValue<int>());
            Assert.False(body["totalExact"]!.GetValue<bool>());
            seen.AddRange(body["items"]!.AsArray()!.Select(i => i!));
        }

        Assert.Equal(Tasks, seen.Count);
        Assert.Equal(ids.Order(), seen.Select(i => Guid.Parse(i["id"]!.GetValue<string>())).Order());
        var due = seen.Select(i => i["dueAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(due.Order(), due);
    }

    [Fact]
    public async Task Below_the_cap_the_total_is_exact()
    {
        await SeedAsync();
        var street = await host.ClientAsync("street.chengjiang");

        var body = await GetAsync(street, $"definitionKey={Key}&text=CAP-000&pageSize=5");

        Assert.Equal(10, body["total"]!.GetValue<int>()); // CAP-0000 … CAP-0009
        Assert.True(body["totalExact"]!.GetValue<bool>());
        Assert.Equal(["CAP-0000", "CAP-0001", "CAP-0002", "CAP-0003", "CAP-0004"], body["items"]!.AsArray().Select(i => i!["businessKey"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Exactly_at_the_cap_the_total_is_exact_and_pages_are_in_due_order()
    {
        await SeedAsync();
        var street = await host.ClientAsync("street.chengjiang");

        var seen = new List<JsonNode>();
        for (var page = 1; page <= 5; page++)
        {
            var body = await GetAsync(street, $"definitionKey={Key}&text=CAP-0&pageSize=200&page={page}"); // CAP-0000 … CAP-0999
            Assert.Equal(ListTasks.CountCap, body["total"]!.GetValue<int>());
            Assert.True(body["totalExact"]!.GetValue<bool>());
            seen.AddRange(body["items"]!.AsArray()!.Select(i => i!));
        }

        Assert.Equal(ListTasks.CountCap, seen.Select(i => i["id"]!.GetValue<string>()).Distinct().Count());
        var due = seen.Select(i => i["dueAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(due.Order(), due);
    }

    [Fact]
    public async Task A_street_office_of_another_street_counts_none_of_them()
    {
        await SeedAsync();
        var other = await host.ClientAsync("street.nanzha");

        var body = await GetAsync(other, $"definitionKey={Key}");

        Assert.Equal(0, body["total"]!.GetValue<int>());
        Assert.True(body["totalExact"]!.GetValue<bool>());
        Assert.Empty(body["items"]!.AsArray());
    }

    [Fact]
    public async Task One_instances_tasks_are_counted_exactly_whether_or_not_they_fill_the_page()
    {
        var engine = host.Services.GetRequiredService<WorkflowEngine>();
        var deployed = await engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("sign.bpmn", Signing)], DeployedBy = "admin" });
        Assert.True(deployed.Succeeded, string.Join("; ", deployed.Problems));
        var instance = await engine.StartAsync(new StartInstance
        {
            DefinitionKey = "inboxSign",
            Jurisdiction = TaskFlow.Binjiang,
            Variables = new Dictionary<string, JsonNode?> { ["signers"] = new JsonArray("a", "b", "c", "d", "e") },
            Actor = "admin",
        });
        var street = await host.ClientAsync("street.chengjiang");

        var all = await GetAsync(street, $"instanceId={instance.Id}&pageSize=10");
        var full = await GetAsync(street, $"instanceId={instance.Id}&pageSize=5");
        var pages = new[] { 1, 2, 3 }.Select(p => GetAsync(street, $"instanceId={instance.Id}&pageSize=2&page={p}")).ToList();
        var other = await GetAsync(await host.ClientAsync("street.nanzha"), $"instanceId={instance.Id}");

        Assert.Equal(5, all["total"]!.GetValue<int>());
        Assert.True(all["totalExact"]!.GetValue<bool>());
        Assert.Equal(5, all["items"]!.AsArray().Count);
        Assert.Equal(5, full["total"]!.GetValue<int>());
        Assert.Equal(5, full["items"]!.AsArray().Count);
        var paged = new List<string>();
        foreach (var page in pages)
        {
            var body = await page;
            Assert.Equal(5, body["total"]!.GetValue<int>());
            paged.AddRange(body["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        }

        Assert.Equal(all["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()), paged);
        Assert.Equal(0, other["total"]!.GetValue<int>());
        Assert.Empty(other["items"]!.AsArray());
    }

    private const string Signing = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="signing" targetNamespace="urn:anju:test">
          <bpmn:process id="inboxSign" name="会签" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sign" />
            <bpmn:userTask id="sign" name="会签" camunda:candidateGroups="street-office">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${signers}" camunda:elementVariable="signer" />
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="sign" targetRef="e" />
            <bpmn:endEvent id="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task<JsonObject> GetAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/tasks?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static readonly Dictionary<HostFixture, List<Guid>> Seeded = [];

    /// <summary>Once per database: Tasks open tasks in 滨江花园, due in an order unrelated to their creation.</summary>
    private async Task<List<Guid>> SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (Seeded.TryGetValue(host, out var existing))
            {
                return existing;
            }

            var engine = host.Services.GetRequiredService<WorkflowEngine>();
            var deployed = await engine.DeployAsync(new DeploymentRequest { Files = [new DeploymentFile("cap.bpmn", Process)], DeployedBy = "admin" });
            Assert.True(deployed.Succeeded, string.Join("; ", deployed.Problems));
            var start = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);
            var ids = new List<Guid>();
            for (var i = 0; i < Tasks; i++)
            {
                var instance = await engine.StartAsync(new StartInstance
                {
                    DefinitionKey = Key,
                    BusinessKey = $"CAP-{i:D4}",
                    Jurisdiction = TaskFlow.Binjiang,
                    // Due order: a permutation of the creation order (7 is coprime to Tasks).
                    Variables = new Dictionary<string, JsonNode?> { ["dueAt"] = start.AddHours(i * 7 % Tasks).ToString("O") },
                    Actor = "admin",
                });
                ids.Add(instance.OpenTasks.Single().Id);
            }

            Seeded[host] = ids;
            return ids;
        }
        finally
        {
            Seeding.Release();
        }
    }

    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="cap" targetNamespace="urn:anju:test">
          <bpmn:process id="inboxCap" name="待办上限" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="check" />
            <bpmn:userTask id="check" name="核查" camunda:candidateGroups="street-office" camunda:dueDate="${dueAt}" />
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="e" />
            <bpmn:endEvent id="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}

public sealed class SqliteTaskInboxCapTests(SqliteHost host) : TaskInboxCapTests<SqliteHost>(host);

public sealed class PostgresTaskInboxCapTests(PostgresHost host) : TaskInboxCapTests<PostgresHost>(host);
