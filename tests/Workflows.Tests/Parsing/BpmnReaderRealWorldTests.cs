using Anju.Workflows.Model;
using Anju.Workflows.Parsing;
using static Anju.Workflows.Tests.Parsing.BpmnTestDocuments;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>Documents as real modelling tools write them: diagrams, pools, lanes, other vendors' extensions.</summary>
public sealed class BpmnReaderRealWorldTests
{
    private const string CamundaModeler = "BpmnReaderRealWorldTests.CamundaModeler.bpmn";

    [Fact]
    public void Camunda_Modeler_collaboration_deploys_the_executable_pool_and_skips_the_other()
    {
        var process = SingleProcess(ReadFixture(CamundaModeler));

        Assert.Equal("Process_Shop", process.Key);
        Assert.Equal("Web shop", process.Name); // the process has no name; its pool has
        Assert.Equal(
            ["StartEvent_Order", "Task_Check", "Gateway_InStock", "Task_Ship", "Event_Shipped", "Task_Reject", "Event_OrderRejected"],
            process.Nodes.Values.OrderBy(n => n.Location.Line).Select(n => n.Id));
        Assert.Equal(6, process.Flows.Count);
    }

    [Fact]
    public void Camunda_Modeler_elements_are_read_with_their_values()
    {
        var process = SingleProcess(ReadFixture(CamundaModeler));

        var start = Node<StartEvent>(process, "StartEvent_Order");
        Assert.Equal(EventTrigger.Message, start.Trigger);
        Assert.Equal("OrderPlaced", start.MessageName);
        Assert.Equal<string>(["StartEvent_Order"], process.StartEvents);
        Assert.Equal("sales", Node<UserTask>(process, "Task_Check").CandidateGroups?.Text);
        Assert.Equal(LineOf(CamundaModeler, "<bpmn:userTask id=\"Task_Check\""), process.Node("Task_Check").Location.Line);
        Assert.Equal("Flow_No", Node<ExclusiveGateway>(process, "Gateway_InStock").DefaultFlowId);
        Assert.Equal(new ExternalImplementation("shipping"), Node<ServiceTask>(process, "Task_Ship").Implementation);
        Assert.Equal(new HandlerImplementation("rejectionMailer", "delegateExpression"), Node<ServiceTask>(process, "Task_Reject").Implementation);
        Assert.Equal("${inStock}", process.Flow("Flow_Yes").Condition?.Text);
    }

    [Fact]
    public void Without_any_executable_pool_every_process_is_reported()
    {
        var xml = FixtureText(CamundaModeler).Replace(
            "id=\"Process_Shop\" isExecutable=\"true\"", "id=\"Process_Shop\" isExecutable=\"false\"", StringComparison.Ordinal);

        var result = BpmnReader.Read(xml);

        Assert.Empty(result.Processes);
        Assert.Equal(["Process_Customer", "Process_Shop"], result.Problems.Select(p => p.ElementId));
        Assert.All(result.Problems, p => Assert.Contains("is not executable", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Bpmn_js_document_is_read_without_camunda_extensions()
    {
        var process = SingleProcess(ReadFixture("BpmnReaderRealWorldTests.BpmnJs.bpmn"));

        Assert.Equal("Process_1", process.Key);
        Assert.Null(process.Name);
        Assert.Equal("Write\nproposal", process.Node("Activity_0h3bx5k").Name);
        Assert.Equal("task", Node<PassThroughTask>(process, "Activity_0h3bx5k").Kind);
        Assert.Equal<string>(["Flow_1", "Flow_4"], process.Node("Activity_0h3bx5k").Incoming);
        Assert.Equal("${!good}", process.Flow("Flow_4").Condition?.Text);
    }

    [Fact]
    public void Bpmn_js_default_non_executable_process_is_reported_with_its_line()
    {
        const string Fixture = "BpmnReaderRealWorldTests.BpmnJsDefault.bpmn";

        var problem = SingleProblem(ReadFixture(Fixture));

        Assert.Equal("Process_1", problem.ElementId);
        Assert.Equal(LineOf(Fixture, "<bpmn:process id=\"Process_1\""), problem.Line);
        Assert.Equal(
            "Process 'Process_1' is not executable (isExecutable is not \"true\"); set isExecutable=\"true\" to deploy it",
            problem.Message);
    }

    [Fact]
    public void Flowable_document_is_read_with_the_flowable_attributes_that_mean_what_camundas_mean()
    {
        var process = SingleProcess(ReadFixture("BpmnReaderRealWorldTests.Flowable.bpmn"));

        Assert.Equal("holidayRequest", process.Key);
        Assert.Equal("Holiday Request", process.Name);
        var start = Node<StartEvent>(process, "startEvent");
        Assert.Equal("employee", start.Initiator);
        var days = Assert.Single(start.FormFields);
        Assert.Equal(("nrOfHolidays", "long", true), (days.Id, days.Type, days.IsRequired));
        var approve = Node<UserTask>(process, "approveTask");
        Assert.Equal("managers", approve.CandidateGroups?.Text);
        Assert.Equal("approved", Assert.Single(approve.FormFields).Id);
        Assert.Equal("${employee}", Node<UserTask>(process, "holidayApprovedTask").Assignee?.Text);
        Assert.Equal("${approved}", process.Flow("sequenceFlow-3").Condition?.Text);
        Assert.Equal<string>(["sequenceFlow-3", "sequenceFlow-4"], process.Node("decision").Outgoing);
    }

    [Fact]
    public void Camunda_prefix_bound_to_another_uri_is_not_camunda()
    {
        var process = SingleProcess(ReadFixture("BpmnReaderRealWorldTests.WrongCamundaUri.bpmn"));

        var task = Node<UserTask>(process, "Task_Approve");
        Assert.Null(task.Assignee);
        Assert.Null(task.CandidateGroups);

        // The real Camunda namespace under another prefix is read.
        Assert.Equal("alice", task.CandidateUsers?.Text);
    }

    [Fact]
    public void Default_namespace_documents_are_read_by_uri()
    {
        var xml = $"""
            <definitions xmlns="{ModelNamespace}" xmlns:c="{CamundaNamespace}" id="D">
              <process id="P" isExecutable="true">
                <startEvent id="S" />
                <serviceTask id="T" c:class="Billing" />
                <sequenceFlow id="F" sourceRef="S" targetRef="T" />
              </process>
            </definitions>
            """;

        var process = SingleProcess(BpmnReader.Read(xml));

        Assert.Equal(new HandlerImplementation("Billing", "class"), Node<ServiceTask>(process, "T").Implementation);
    }
}
