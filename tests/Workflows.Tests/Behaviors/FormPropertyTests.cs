using Anju.Workflows.Execution;
using Anju.Workflows.Tests.Support;

namespace Anju.Workflows.Tests.Behaviors;

/// <summary>
/// camunda:formProperty as Camunda 7 reads it (user guide, "Generated Task Forms"): with <c>variable</c> the value is
/// shown from and stored in that process variable instead of one named like the property; a read-only property with an
/// <c>expression</c> shows the expression's value.
/// </summary>
public sealed class FormPropertyTests
{
    [Fact]
    public async Task A_property_with_variable_is_shown_from_and_stored_in_that_variable()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("leave", """
            <bpmn:startEvent id="start">
              <bpmn:extensionElements><camunda:formProperty id="days" variable="numberOfDays" type="long" /></bpmn:extensionElements>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateGroups="community">
              <bpmn:extensionElements>
                <camunda:formProperty id="approvedDays" variable="numberOfDays" type="long" />
                <camunda:formProperty id="summary" expression="共${numberOfDays}天" writable="false" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="after" />
            <bpmn:userTask id="after" camunda:candidateGroups="community" />
            """));

        var started = await t.StartAsync("leave", new { days = 5 });

        Assert.Equal(5, started.Variables["numberOfDays"]!.GetValue<int>());
        Assert.False(started.Variables.ContainsKey("days"));
        var (task, _, _) = (await t.Engine.GetTaskDetailsAsync((await t.TaskAsync(started.Id, "review")).Id))!.Value;
        Assert.Equal(5, task.FormDefaults["approvedDays"]!.GetValue<int>());
        Assert.Equal("共5天", task.FormDefaults["summary"]!.GetValue<string>());

        await t.CompleteAsync(started.Id, "review", new { approvedDays = 3 });

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(3, after.Variables["numberOfDays"]!.GetValue<int>());
        Assert.False(after.Variables.ContainsKey("approvedDays"));
    }

    [Fact]
    public async Task A_writable_expression_stores_in_its_variable_and_a_date_typed_in_the_pattern_is_stored_as_iso()
    {
        await using var t = await TestEngine.CreateAsync();
        await t.DeployXmlAsync(Bpmn.Process("visit", """
            <bpmn:startEvent id="start">
              <bpmn:extensionElements>
                <camunda:formProperty id="from" type="date" datePattern="dd/MM/yyyy" />
                <camunda:formProperty id="slot" type="date" datePattern="yyyy年M月d日 HH:mm" />
              </bpmn:extensionElements>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateGroups="community">
              <bpmn:extensionElements>
                <camunda:formProperty id="days" expression="${numberOfDays}" type="long" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="after" />
            <bpmn:userTask id="after" camunda:candidateGroups="community" />
            """));

        var started = await t.StartAsync("visit", new { from = "05/12/2026", slot = "2026年12月5日 14:30", numberOfDays = 2 });

        Assert.Equal("2026-12-05", started.Variables["from"]!.GetValue<string>());
        Assert.Equal("2026-12-05T14:30:00+08:00", started.Variables["slot"]!.GetValue<string>());
        var (task, _, _) = (await t.Engine.GetTaskDetailsAsync((await t.TaskAsync(started.Id, "review")).Id))!.Value;
        Assert.Equal(2, task.FormDefaults["days"]!.GetValue<int>());

        await t.CompleteAsync(started.Id, "review", new { days = 4 });

        var after = await t.InstanceAsync(started.Id);
        Assert.Equal(4, after.Variables["numberOfDays"]!.GetValue<int>());
        Assert.False(after.Variables.ContainsKey("days"));
    }

    // Camunda 7 writes a writable property through its expression, ${leave.days} by the bean's setter; Anju's variables
    // are JSON, so the property of the variable's object is set (and made, with the object, when missing).
    [Fact]
    public async Task A_writable_property_path_is_shown_from_and_stored_into_the_variables_object()
    {
        await using var t = await TestEngine.CreateAsync(Store.Sqlite);
        await t.DeployXmlAsync(Bpmn.Process("leave-path", """
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" camunda:candidateGroups="community">
              <bpmn:extensionElements>
                <camunda:formProperty id="days" expression="${leave.approval.days}" type="long" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="after" />
            <bpmn:userTask id="after" camunda:candidateGroups="community" />
            """));
        var existing = await t.StartAsync("leave-path", new { leave = new { reason = "探亲", approval = new { days = 3 } } });
        var missing = await t.StartAsync("leave-path");
        var wrong = await t.StartAsync("leave-path", new { leave = "探亲" });

        var (task, _, _) = (await t.Engine.GetTaskDetailsAsync((await t.TaskAsync(existing.Id, "review")).Id))!.Value;
        Assert.Equal(3, task.FormDefaults["days"]!.GetValue<int>());
        await t.CompleteAsync(existing.Id, "review", new { days = 5 });
        await t.CompleteAsync(missing.Id, "review", new { days = 2 });
        var refused = await Assert.ThrowsAsync<WorkflowException>(() => t.CompleteAsync(wrong.Id, "review", new { days = 1 }));

        Assert.Equal("""{"reason":"探亲","approval":{"days":5}}""", (await t.InstanceAsync(existing.Id)).Variables["leave"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.False((await t.InstanceAsync(existing.Id)).Variables.ContainsKey("days"));
        Assert.Equal("""{"approval":{"days":2}}""", (await t.InstanceAsync(missing.Id)).Variables["leave"]!.ToJsonString());
        Assert.Equal(WorkflowErrorKind.InvalidState, refused.Kind);
        Assert.Contains("'leave' is not an object", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["review"], (await t.InstanceAsync(wrong.Id)).ActiveActivityIds);
    }

    [Theory]
    [InlineData("dd/MM/yyyy", "05/12/2026", "2026-12-05")]
    [InlineData("d.M.yy", "5.1.27", "2027-01-05")]
    [InlineData("yyyyMMdd", "20261205", "2026-12-05")]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.SSS", "2026-12-05T08:01:02.250", "2026-12-05T08:01:02.25+08:00")]
    [InlineData("MM/dd/yyyy hh:mm a", "12/05/2026 02:30 PM", "2026-12-05T14:30:00+08:00")]
    [InlineData("dd/MM/yyyy", "2026-12-05", null)]
    [InlineData("dd/MM/yyyy", "31/02/2026", null)]
    public void A_date_pattern_reads_java_letters(string pattern, string typed, string? iso)
    {
        var read = Anju.Workflows.Model.FormDatePattern.TryCreate(pattern, out var problem);

        Assert.Null(problem);
        Assert.Equal(iso, read!.ToIso(typed));
    }
}
