using Anju.Workflows.Model;
using static Anju.Workflows.Tests.Parsing.BpmnTestDocuments;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>Every supported element of one document, read into the model with the right values.</summary>
public sealed class BpmnReaderElementTests
{
    private const string Fixture = "BpmnReaderElementTests.AllElements.bpmn";
    private readonly ProcessDefinition process = SingleProcess(ReadFixture(Fixture));

    [Fact]
    public void Process_has_its_key_name_and_process_level_start_events()
    {
        Assert.Equal("AllElements", process.Key);
        Assert.Equal("All elements", process.Name);
        Assert.Equal<string>(["Start_None", "Start_Message", "Start_Timer"], process.StartEvents);
        Assert.Equal("Start_None", process.NoneStartEvent?.Id);
    }

    [Fact]
    public void Start_events_carry_message_names_and_timers()
    {
        var message = Node<StartEvent>(process, "Start_Message");
        Assert.Equal(EventTrigger.Message, message.Trigger);
        Assert.Equal("OrderPlaced", message.MessageName);

        var timer = Node<StartEvent>(process, "Start_Timer");
        Assert.Equal(EventTrigger.Timer, timer.Trigger);
        Assert.Equal(new TimerDefinition(TimerKind.Date, new ExpressionText("2030-01-01T00:00:00Z")), timer.Timer);
    }

    [Fact]
    public void User_task_reads_camunda_assignment_attributes_and_job_settings()
    {
        var task = Node<UserTask>(process, "Task_Review");
        Assert.Equal("Review order", task.Name);
        Assert.Equal("${initiator}", task.Assignee?.Text);
        Assert.Equal("alice,bob", task.CandidateUsers?.Text);
        Assert.Equal("managers", task.CandidateGroups?.Text);
        Assert.Equal("${dueDate}", task.DueDate?.Text);
        Assert.Equal("P1D", task.FollowUpDate?.Text);
        Assert.Equal("50", task.Priority?.Text);
        Assert.Equal("embedded:app:forms/review.html", task.FormKey);
        Assert.True(task.AsyncBefore);
        Assert.False(task.AsyncAfter);
        Assert.Equal("R5/PT10M", task.RetryTimeCycle);
        Assert.Equal<string>(["Boundary_Reminder"], task.BoundaryEvents);
        Assert.Equal(LineOf(Fixture, "<bpmn:userTask id=\"Task_Review\""), task.Location.Line);
        Assert.Equal(6, task.Location.Column); // the element name, just after "<"
    }

    [Fact]
    public void Form_fields_have_types_defaults_enum_values_and_constraints()
    {
        var fields = Node<UserTask>(process, "Task_Review").FormFields;
        Assert.Equal(["amount", "decision", "comment", "dueOn", "urgent"], fields.Select(f => f.Id));
        Assert.Equal(["long", "enum", "string", "date", "boolean"], fields.Select(f => f.Type));

        var amount = fields[0];
        Assert.Equal("Amount", amount.Label);
        Assert.Equal("0", amount.DefaultValue?.Text);
        Assert.Equal<FormConstraint>([new FormConstraint("required", null), new FormConstraint("min", "1")], amount.Constraints);
        Assert.True(amount.IsRequired);

        Assert.Equal<FormEnumValue>([new FormEnumValue("approve", "Approve"), new FormEnumValue("reject", "Reject")], fields[1].EnumValues);

        var comment = fields[2];
        Assert.True(comment.IsReadOnly);
        Assert.False(comment.IsRequired);
        Assert.Contains(new FormConstraint("maxlength", "200"), comment.Constraints);
        Assert.Empty(fields[3].Constraints);
    }

    [Fact]
    public void Service_like_tasks_resolve_their_implementation()
    {
        var remind = Node<ServiceTask>(process, "Task_Remind");
        Assert.Equal(new ExternalImplementation("reminders"), remind.Implementation);

        var charge = Node<ServiceTask>(process, "Task_Charge");
        Assert.Equal(new HandlerImplementation("paymentHandler", "delegateExpression"), charge.Implementation);
        Assert.Equal("paymentResult", charge.ResultVariable);
        Assert.True(charge.AsyncAfter);

        var notify = Node<ServiceTask>(process, "Sub_Notify");
        Assert.Equal("sendTask", notify.ElementType);
        Assert.Equal(new HandlerImplementation("com.acme.shipping.NotifyCarrier", "class"), notify.Implementation);

        var archive = Node<ServiceTask>(process, "Task_Archive");
        Assert.Equal("businessRuleTask", archive.Kind);
        Assert.Equal(new HandlerImplementation("${archive.store(execution)}", "expression"), archive.Implementation);
        Assert.Equal("archived", archive.ResultVariable);

        // camunda:async is the old spelling of asyncBefore.
        Assert.True(Node<ServiceTask>(process, "Task_Escalate").AsyncBefore);
    }

    [Fact]
    public void Plain_manual_and_receive_tasks_are_read()
    {
        Assert.Equal("task", Node<PassThroughTask>(process, "Task_Plain").Kind);
        Assert.Equal("manualTask", Node<PassThroughTask>(process, "Sub_Pack").ElementType);
        Assert.Equal("OrderCancelled", Node<ReceiveTask>(process, "Receive_Cancel").MessageName);
    }

    [Fact]
    public void Boundary_events_resolve_timers_and_error_codes()
    {
        var reminder = Node<BoundaryEvent>(process, "Boundary_Reminder");
        Assert.Equal("Task_Review", reminder.AttachedToId);
        Assert.False(reminder.CancelActivity);
        Assert.Equal(new TimerDefinition(TimerKind.Cycle, new ExpressionText("R3/PT1H")), reminder.Timer);

        var paymentFailed = Node<BoundaryEvent>(process, "Boundary_PaymentFailed");
        Assert.True(paymentFailed.CancelActivity);
        Assert.Equal(EventTrigger.Error, paymentFailed.Trigger);
        Assert.Equal("PAYMENT_FAILED", paymentFailed.ErrorCode);

        // No errorRef: a catch-all.
        var shipError = Node<BoundaryEvent>(process, "Boundary_ShipError");
        Assert.Equal(EventTrigger.Error, shipError.Trigger);
        Assert.Null(shipError.ErrorCode);
        Assert.Equal<string>(["Boundary_ShipError"], Node<SubProcess>(process, "SubProcess_Ship").BoundaryEvents);
        Assert.Empty(shipError.Incoming);
        Assert.Equal<string>(["Flow_ShipFailed"], shipError.Outgoing);
    }

    [Fact]
    public void End_events_are_none_terminate_or_error()
    {
        Assert.Equal(EventTrigger.None, Node<EndEvent>(process, "End_Done").Trigger);
        Assert.Equal(EventTrigger.Terminate, Node<EndEvent>(process, "End_Rejected").Trigger);

        // The referenced error has no errorCode.
        var error = Node<EndEvent>(process, "End_PaymentError");
        Assert.Equal(EventTrigger.Error, error.Trigger);
        Assert.Null(error.ErrorCode);
    }

    [Fact]
    public void Intermediate_events_are_read()
    {
        var payment = Node<IntermediateCatchEvent>(process, "Catch_Payment");
        Assert.Equal(EventTrigger.Message, payment.Trigger);
        Assert.Equal("Message_Payment", payment.MessageName); // the message has no name: its id is used

        var timeout = Node<IntermediateCatchEvent>(process, "Catch_Timeout");
        Assert.Equal(new TimerDefinition(TimerKind.Duration, new ExpressionText("PT24H")), timeout.Timer);
        Assert.Equal("0 0 2 * * ?", Node<IntermediateCatchEvent>(process, "Catch_Nightly").Timer?.Value.Text);
        Assert.Equal("Shipped", Node<IntermediateThrowEvent>(process, "Sub_Shipped").Name);
    }

    [Fact]
    public void Gateways_keep_their_default_flows_and_flows_their_conditions()
    {
        Assert.Equal("Flow_Reject", Node<ExclusiveGateway>(process, "Gateway_Decision").DefaultFlowId);
        Assert.Equal("Flow_ArchiveDefault", Node<InclusiveGateway>(process, "Gateway_Archive").DefaultFlowId);
        Assert.IsType<EventBasedGateway>(process.Node("Gateway_Wait"));
        Assert.Equal<string>(["Flow_ToCharge", "Flow_ToShip", "Flow_ToInvoice"], process.Node("Gateway_Fork").Outgoing);
        Assert.Equal(3, process.Node("Gateway_Join").Incoming.Length);

        var approve = process.Flow("Flow_Approve");
        Assert.Equal(("yes", "Gateway_Decision", "Gateway_Fork"), (approve.Name, approve.SourceId, approve.TargetId));
        Assert.Equal("${decision == 'approve'}", approve.Condition?.Text);
        Assert.Equal("${amount > 1000}", process.Flow("Flow_ArchiveLarge").Condition?.Text);
        Assert.Null(process.Flow("Flow_Reject").Condition);

        // Camunda ignores conditions after a parallel gateway, and so does the model.
        Assert.Null(process.Flow("Flow_ToCharge").Condition);
    }

    [Fact]
    public void Incoming_and_outgoing_come_from_sequence_flows_not_from_child_elements()
    {
        var review = process.Node("Task_Review");
        Assert.Equal<string>(["Flow_ToReview", "Flow_NightlyToReview"], review.Incoming);
        Assert.Equal<string>(["Flow_ToDecision"], review.Outgoing);

        // An activity without outgoing flow is an implicit end.
        Assert.Empty(process.Node("Task_Escalate").Outgoing);
    }

    [Fact]
    public void Subprocess_children_name_their_parent_and_multi_instance_is_read()
    {
        var sub = Node<SubProcess>(process, "SubProcess_Ship");
        Assert.Equal("Sub_Start", sub.StartEventId);
        Assert.Null(sub.ParentId);
        Assert.Equal(
            new MultiInstance
            {
                IsSequential = true,
                Collection = new ExpressionText("${orders}"),
                ElementVariable = "order",
                CompletionCondition = new ExpressionText("${nrOfCompletedInstances >= 2}"),
            },
            sub.MultiInstance);

        foreach (var id in new[] { "Sub_Start", "Sub_Pack", "Sub_Notify", "Sub_Shipped", "Sub_End" })
        {
            Assert.Equal("SubProcess_Ship", process.Node(id).ParentId);
        }

        Assert.DoesNotContain("Sub_Start", process.StartEvents);
        Assert.Equal("SubProcess_Ship", process.Nodes.Values.Single(n => n.Id == "Sub_End").ParentId);
    }

    [Fact]
    public void Call_activity_reads_binding_mappings_and_business_key()
    {
        var call = Node<CallActivity>(process, "Call_Invoice");
        Assert.Equal("invoice", call.CalledElement.Text);
        Assert.Equal("version", call.Binding);
        Assert.Equal(3, call.Version);
        Assert.Equal("${orderId}", call.BusinessKey?.Text);
        Assert.Equal<VariableMapping>(
            [
                new VariableMapping { Source = "orderId", Target = "id" },
                new VariableMapping { SourceExpression = new ExpressionText("${amount * 2}"), Target = "doubled", Local = true },
                new VariableMapping { All = true },
            ],
            call.In);
        Assert.Equal<VariableMapping>(
            [new VariableMapping { Source = "invoiceId", Target = "invoiceId" }, new VariableMapping { All = true, Local = true }],
            call.Out);
        Assert.Equal(new MultiInstance { LoopCardinality = new ExpressionText("3") }, call.MultiInstance);
    }
}
