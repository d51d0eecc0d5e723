using System.Text.Json.Nodes;
using Anju.Workflows.Execution;
using Anju.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>Process instance modification and variable editing: the administrators' repair tools.</summary>
public sealed class ModificationTests
{
    private static async Task<(TestEngine T, Guid Id)> AtAcceptAsync(Store store, object? variables = null)
    {
        var t = await TestEngine.CreateAsync(store);
        await t.DeployFixtureAsync("Behaviors", "ModificationTests.Repair.bpmn");
        var started = await t.StartAsync("repair", variables);
        return (t, started.Id);
    }

    private static ModificationInstruction Cancel(string id) => new(ModificationType.Cancel, id);

    private static ModificationInstruction Before(string id, object? variables = null) => new(ModificationType.StartBefore, id, TestEngine.Vars(variables));

    private static ModificationInstruction After(string id) => new(ModificationType.StartAfter, id);

    private static async Task<List<string>> OpenAsync(TestEngine t, Guid id) =>
        [.. (await t.TasksAsync(id)).Select(x => x.ActivityId).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Cancel_and_start_before_moves_the_case_in_one_command_with_variables_and_journals_it(Store store)
    {
        var (t, id) = await AtAcceptAsync(store);
        await using var _ = t;
        Assert.Single(await t.JobsAsync(id));

        var view = await t.Engine.ModifyAsync(id, [Cancel("accept"), Before("review", new { fixedBy = "admin" })], "受理步骤配置错误", "admin");

        Assert.Equal(["review"], await OpenAsync(t, id));
        Assert.Empty(await t.JobsAsync(id));
        Assert.Equal("admin", view.Variables["fixedBy"]!.GetValue<string>());
        Assert.Equal("active", view.Status);
        var (entries, verification) = await t.Engine.ReadJournalAsync(id);
        var modified = Assert.Single(entries, e => e.Type == "InstanceModified");
        Assert.Equal("admin", modified.Actor);
        var details = JsonNode.Parse(modified.Details!)!;
        Assert.Equal("受理步骤配置错误", details["reason"]!.GetValue<string>());
        Assert.Equal(["cancel", "startBefore"], details["instructions"]!.AsArray().Select(i => i!["type"]!.GetValue<string>()));
        Assert.Contains(entries, e => e.Type == "ActivityCancelled" && e.ActivityId == "accept");
        Assert.True(verification.Intact);
    }

    [Fact]
    public async Task Start_after_takes_the_single_outgoing_flow_and_enters_the_subprocess()
    {
        var (t, id) = await AtAcceptAsync(Store.Sqlite);
        await using var _ = t;

        await t.Engine.ModifyAsync(id, [Cancel("accept"), After("review")], "跳过审核", "admin");

        Assert.Equal(["dispatch"], await OpenAsync(t, id));
        var instance = await t.InstanceAsync(id);
        Assert.Contains("work", instance.ActiveActivityIds);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Starting_inside_a_subprocess_creates_its_scope_and_boundary_events_and_it_completes_normally(Store store)
    {
        var (t, id) = await AtAcceptAsync(store);
        await using var _ = t;

        await t.Engine.ModifyAsync(id, [Cancel("accept"), Before("fix")], "已派单，直接维修", "admin");

        Assert.Equal(["fix"], await OpenAsync(t, id));
        var instance = await t.InstanceAsync(id);
        Assert.Equal(["fix", "work"], instance.ActiveActivityIds.Order(StringComparer.Ordinal));
        var overdue = Assert.Single(await t.JobsAsync(id));
        Assert.Equal("workOverdue", overdue.ActivityId);

        await t.CompleteAsync(id, "fix");

        Assert.Equal(["sign", "sign", "sign"], await OpenAsync(t, id));
        Assert.Empty(await t.JobsAsync(id));
    }

    [Fact]
    public async Task Cancelling_the_last_token_of_a_subprocess_cancels_the_subprocess_and_its_boundary_timer()
    {
        var (t, id) = await AtAcceptAsync(Store.Sqlite);
        await using var _ = t;
        await t.CompleteAsync(id, "accept");
        await t.CompleteAsync(id, "review");
        Assert.Equal(["dispatch"], await OpenAsync(t, id));

        await t.Engine.ModifyAsync(id, [Cancel("dispatch"), Before("close")], "无需维修", "admin");

        Assert.Equal(["close"], await OpenAsync(t, id));
        var instance = await t.InstanceAsync(id);
        Assert.Equal(["close"], instance.ActiveActivityIds);
        Assert.Empty(await t.JobsAsync(id));
        var (entries, _) = await t.Engine.ReadJournalAsync(id);
        Assert.Contains(entries, e => e.Type == "ActivityCancelled" && e.ActivityId == "work");
        await t.CompleteAsync(id, "close");
        Assert.Equal("completed", (await t.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task A_multi_instance_activity_is_started_with_its_iterations_and_cancelled_with_all_of_them()
    {
        var (t, id) = await AtAcceptAsync(Store.Sqlite);
        await using var _ = t;

        await t.Engine.ModifyAsync(id, [Cancel("accept"), Before("sign")], "直接会签", "admin");
        Assert.Equal(["sign", "sign", "sign"], await OpenAsync(t, id));

        await t.Engine.ModifyAsync(id, [Cancel("sign"), Before("close")], "会签作废", "admin");

        Assert.Equal(["close"], await OpenAsync(t, id));
        var instance = await t.InstanceAsync(id);
        Assert.Equal(["close"], instance.ActiveActivityIds);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Cancelling_every_token_ends_the_instance_as_terminated(Store store)
    {
        var (t, id) = await AtAcceptAsync(store);
        await using var _ = t;

        var view = await t.Engine.ModifyAsync(id, [Cancel("accept")], "重复登记", "admin");

        Assert.Equal("terminated", view.Status);
        Assert.Empty(await t.TasksAsync(id));
        Assert.Empty(await t.JobsAsync(id));
        var (entries, _) = await t.Engine.ReadJournalAsync(id);
        Assert.Equal("InstanceCancelled", entries[^1].Type);
        Assert.Contains("重复登记", entries[^1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instruction_that_cannot_run_refuses_the_whole_modification_and_changes_nothing()
    {
        var (t, id) = await AtAcceptAsync(Store.Sqlite);
        await using var _ = t;
        var (before, _) = await t.Engine.ReadJournalAsync(id);

        var unknown = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.ModifyAsync(id, [Cancel("accept"), Before("nope")], "x", "admin"));
        var noToken = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.ModifyAsync(id, [Cancel("review")], "x", "admin"));
        var noFlow = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.ModifyAsync(id, [After("end")], "x", "admin"));
        var boundary = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.ModifyAsync(id, [Before("late")], "x", "admin"));

        Assert.All([unknown, noToken, noFlow, boundary], e => Assert.Equal(WorkflowErrorKind.InvalidArgument, e.Kind));
        Assert.Equal("nope", unknown.ElementId);
        Assert.Equal(["accept"], await OpenAsync(t, id));
        Assert.Single(await t.JobsAsync(id));
        var (after, _) = await t.Engine.ReadJournalAsync(id);
        Assert.Equal(before.Count, after.Count);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Editing_a_variable_journals_the_old_and_new_value_with_actor_and_reason(Store store)
    {
        var (t, id) = await AtAcceptAsync(store, new { amount = 5, note = "旧" });
        await using var _ = t;

        var old = await t.Engine.EditVariableAsync(id, "amount", JsonValue.Create(7.5), "金额录入错误", "admin");
        var none = await t.Engine.EditVariableAsync(id, "added", null, "补充", "admin");

        Assert.Equal(5, old!.GetValue<long>());
        Assert.Null(none);
        var instance = await t.InstanceAsync(id);
        Assert.Equal(7.5, instance.Variables["amount"]!.GetValue<double>());
        Assert.True(instance.Variables.ContainsKey("added"));
        var (entries, verification) = await t.Engine.ReadJournalAsync(id);
        var edited = entries.Where(e => e.Type == "VariableEdited").Select(e => JsonNode.Parse(e.Details!)!).ToList();
        Assert.Equal(2, edited.Count);
        Assert.Equal("amount", edited[0]["name"]!.GetValue<string>());
        Assert.Equal(5, edited[0]["oldValue"]!.GetValue<long>());
        Assert.Equal(7.5, edited[0]["newValue"]!.GetValue<double>());
        Assert.Equal("金额录入错误", edited[0]["reason"]!.GetValue<string>());
        Assert.False(edited[1]["existed"]!.GetValue<bool>());
        Assert.All(entries.Where(e => e.Type == "VariableEdited"), e => Assert.Equal("admin", e.Actor));
        Assert.True(verification.Intact);
    }

    private const string Waits = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://anju.test">
          <bpmn:message id="M1" name="repair-paid" />
          <bpmn:process id="waits" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="paid" />
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="notify" />
            <bpmn:receiveTask id="paid" messageRef="M1" />
            <bpmn:serviceTask id="notify" camunda:type="external" camunda:topic="repair-notify" />
            <bpmn:sequenceFlow id="f4" sourceRef="paid" targetRef="end1" />
            <bpmn:sequenceFlow id="f5" sourceRef="notify" targetRef="end2" />
            <bpmn:endEvent id="end1" />
            <bpmn:endEvent id="end2" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Cancelling_removes_the_message_subscription_and_the_external_task_of_the_cancelled_tokens()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Waits);
        var id = (await t.StartAsync("waits")).Id;
        Assert.Single(await t.RowsAsync<SubscriptionRow>(), s => s.InstanceId == id);
        Assert.Single(await t.RowsAsync<ExternalTaskRow>(), e => e.InstanceId == id);

        var partly = await t.Engine.ModifyAsync(id, [Cancel("paid")], "线下已缴费", "admin");

        Assert.Equal("active", partly.Status);
        Assert.Equal(["notify"], partly.ActiveActivityIds);
        Assert.DoesNotContain(await t.RowsAsync<SubscriptionRow>(), s => s.InstanceId == id);
        Assert.Single(await t.RowsAsync<ExternalTaskRow>(), e => e.InstanceId == id);

        var all = await t.Engine.ModifyAsync(id, [Cancel("notify")], "无需通知", "admin");

        Assert.Equal("terminated", all.Status);
        Assert.DoesNotContain(await t.RowsAsync<ExternalTaskRow>(), e => e.InstanceId == id);
    }

    [Fact]
    public async Task An_ended_instance_can_be_neither_modified_nor_edited()
    {
        var (t, id) = await AtAcceptAsync(Store.Sqlite);
        await using var _ = t;
        await t.Engine.CancelAsync(id, "重复", "admin");

        var modify = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.ModifyAsync(id, [Before("review")], "x", "admin"));
        var edit = await Assert.ThrowsAsync<WorkflowException>(() => t.Engine.EditVariableAsync(id, "a", JsonValue.Create(1), "x", "admin"));

        Assert.Equal(WorkflowErrorKind.InvalidState, modify.Kind);
        Assert.Equal(WorkflowErrorKind.InvalidState, edit.Kind);
    }
}
