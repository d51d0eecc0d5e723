using Anju.Workflows.Execution;
using Anju.Workflows.Persistence;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Persistence;

/// <summary>
/// Stored instance documents of every schema version must keep loading and running. Each snapshot in
/// Snapshots/ was written by the engine of its version and is never regenerated.
/// </summary>
public sealed class InstanceDocumentTests
{
    private static string Snapshot(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Persistence", "Snapshots", $"InstanceDocumentTests.{name}.json"));

    [Fact]
    public void A_version_1_document_loads_with_its_tokens_scopes_and_tasks()
    {
        var state = InstanceDocument.Read(Snapshot("v1-countersign"));

        Assert.Equal(1, state.SchemaVersion);
        Assert.Equal("signatures:1", state.DefinitionId);
        Assert.Equal("SNAP-1", state.BusinessKey);
        Assert.Equal("chengjiang", state.Jurisdiction);
        Assert.Equal("zhang", Assert.Single(state.Tasks).Assignee);
        Assert.Contains(state.Tokens, t => t.IsMultiInstanceBody);
        Assert.Contains(state.Scopes, s => s.Kind == ScopeKind.Iteration);
        Assert.Equal(12.5, state.RootScope.Variables["form"]!["amount"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_version_1_instance_runs_on_in_todays_engine()
    {
        await using var t = await TestEngine.CreateAsync(Store.Sqlite);
        await t.DeployFixtureAsync("Behaviors", "MultiInstanceBehaviorTests.Signatures.bpmn");
        var state = InstanceDocument.Read(Snapshot("v1-countersign"));
        var task = Assert.Single(state.Tasks);
        await using (var db = t.Storage.CreateContext())
        {
            db.Instances.Add(new InstanceRow
            {
                Id = state.Id,
                DefinitionId = state.DefinitionId,
                DefinitionKey = state.DefinitionKey,
                DefinitionVersion = state.DefinitionVersion,
                Status = "active",
                StartedAt = state.StartedAt.UtcDateTime,
                Revision = 7,
                Document = Snapshot("v1-countersign"),
            });
            db.Tasks.Add(new TaskRow { Id = task.Id, InstanceId = state.Id, ActivityId = task.ActivityId, DefinitionKey = state.DefinitionKey, DefinitionId = state.DefinitionId });
            await db.SaveChangesAsync();
        }

        var view = await t.Engine.CompleteTaskAsync(task.Id, null, "zhang");

        Assert.Equal(["anySign"], view.OpenTasks.Select(o => o.ActivityId));
        Assert.Equal("zhao", Assert.Single(view.OpenTasks).Assignee);
    }

    [Fact]
    public void A_document_of_an_unknown_schema_version_is_refused_clearly()
    {
        var future = Snapshot("v1-countersign").Replace("\"schemaVersion\": 1", "\"schemaVersion\": 99", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => InstanceDocument.Read(future));

        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }
}
