using System.Data.Common;
using Anju.Workflows.Handlers;
using Anju.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// A handler that writes its own rows enlists in the command's transaction (ServiceTaskContext.Transaction):
/// they are saved with the instance's step, and vanish with it when the command does not commit.
/// </summary>
public sealed class ServiceTaskTransactionTests
{
    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:process id="enlist" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="write" />
            <bpmn:serviceTask id="write" camunda:delegateExpression="${writeRow}" />
            <bpmn:sequenceFlow id="f2" sourceRef="write" targetRef="wait" />
            <bpmn:userTask id="wait" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task InsertAsync(DbTransaction transaction, string value)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO handler_rows (value) VALUES ('{value}')";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> RowsAsync(TestEngine t)
    {
        await using var db = t.Storage.CreateContext();
        return await db.Database.SqlQueryRaw<string>("SELECT value AS \"Value\" FROM handler_rows ORDER BY value").ToListAsync();
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Rows_a_handler_writes_on_the_command_transaction_commit_or_roll_back_with_the_step(Store store)
    {
        using var abort = new CancellationTokenSource();
        var handlers = new ServiceTaskHandlers().Register("writeRow", async ctx =>
        {
            var value = ctx.GetVariable("value")!.GetValue<string>();
            await InsertAsync(ctx.Transaction!, value);
            if (value == "aborted")
            {
                await abort.CancelAsync(); // the command stops after the write, before it commits
            }
        });
        await using var t = await TestEngine.CreateAsync(store, handlers);
        await using (var db = t.Storage.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE handler_rows (value varchar(20) NOT NULL)");
        }

        await t.DeployXmlAsync(Process);

        var kept = await t.StartAsync("enlist", new { value = "kept" });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => t.Engine.StartAsync(new StartInstance
        {
            DefinitionKey = "enlist",
            Variables = TestEngine.Vars(new { value = "aborted" }),
        }, abort.Token));

        Assert.Equal(["wait"], kept.ActiveActivityIds);
        Assert.Equal(["kept"], await RowsAsync(t));
    }
}
