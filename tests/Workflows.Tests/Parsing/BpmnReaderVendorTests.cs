using Anju.Workflows.Model;
using Anju.Workflows.Parsing;
using static Anju.Workflows.Tests.Parsing.BpmnTestDocuments;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>
/// Models from other tools: the Activiti namespace read as Camunda's, Flowable's attributes with a Camunda meaning
/// read and the others refused, camunda:formProperty mapped onto the form model, and Camunda attributes that have no
/// effect where they stand deployed with a warning (Camunda 7 ignores them too), while those Camunda reads but the
/// engine does not implement stay errors.
/// </summary>
public sealed class BpmnReaderVendorTests
{
    private const string FlowableNamespace = "http://flowable.org/bpmn";
    private const string ActivitiNamespace = "http://activiti.org/bpmn";

    private static BpmnParseResult ReadWith(string prefix, string uri, string body) => BpmnReader.Read($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="{ModelNamespace}" {(prefix == "camunda" ? "" : $"xmlns:{prefix}=\"{uri}\"")} xmlns:camunda="{CamundaNamespace}" id="D" targetNamespace="http://example.com/test">
          <process id="P" isExecutable="true">
            <startEvent id="Start" />
            {body}
            <endEvent id="End" />
            <sequenceFlow id="Flow_In" sourceRef="Start" targetRef="X" />
            <sequenceFlow id="Flow_Out" sourceRef="X" targetRef="End" />
          </process>
        </definitions>
        """);

    [Fact]
    public void Activiti_attributes_and_extensions_are_read_as_camunda()
    {
        var process = SingleProcess(ReadWith("activiti", ActivitiNamespace, """
            <userTask id="X" activiti:assignee="${boss}" activiti:candidateGroups="street-office" activiti:formKey="embedded:app:x.html">
              <extensionElements>
                <activiti:formData><activiti:formField id="note" type="string" label="意见" /></activiti:formData>
              </extensionElements>
            </userTask>
            """));

        var task = Node<UserTask>(process, "X");
        Assert.Equal("${boss}", task.Assignee?.Text);
        Assert.Equal("street-office", task.CandidateGroups?.Text);
        Assert.Equal("embedded:app:x.html", task.FormKey);
        Assert.Equal("意见", Assert.Single(task.FormFields).Label);
    }

    [Fact]
    public void An_activiti_extension_the_engine_does_not_implement_is_refused_like_camundas()
    {
        var result = ReadWith("activiti", ActivitiNamespace, """
            <userTask id="X">
              <extensionElements><activiti:taskListener event="update" class="com.example.Listener" /></extensionElements>
            </userTask>
            """);

        var problem = HasProblem(result, "A camunda:taskListener on 'update' of 'X' is not supported yet; use an assignment or complete listener");
        Assert.Equal("X", problem.ElementId);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
    }

    [Fact]
    public void Activiti_and_camunda_disagreeing_on_one_attribute_is_an_error()
    {
        var result = ReadWith("activiti", ActivitiNamespace, """<userTask id="X" activiti:assignee="a" camunda:assignee="b" />""");

        HasProblem(result, "userTask 'X' has both activiti:assignee=\"a\" and camunda:assignee=\"b\"; keep one");
    }

    [Fact]
    public void Flowable_attributes_with_a_camunda_meaning_are_read()
    {
        var process = SingleProcess(ReadWith("flowable", FlowableNamespace, """
            <userTask id="X" flowable:assignee="${initiator}" flowable:candidateUsers="alice" flowable:dueDate="${workingDays(3)}"
                flowable:priority="60" flowable:category="审批" flowable:formFieldValidation="true" />
            """));

        var task = Node<UserTask>(process, "X");
        Assert.Equal("${initiator}", task.Assignee?.Text);
        Assert.Equal("alice", task.CandidateUsers?.Text);
        Assert.Equal("${workingDays(3)}", task.DueDate?.Text);
        Assert.Equal("60", task.Priority?.Text);
    }

    [Theory]
    [InlineData("""<serviceTask id="X" flowable:type="http" />""", "flowable:type")]
    [InlineData("""<serviceTask id="X" flowable:class="com.example.Do" flowable:skipExpression="${skip}" />""", "flowable:skipExpression")]
    [InlineData("""<serviceTask id="X" flowable:class="com.example.Do" flowable:triggerable="true" />""", "flowable:triggerable")]
    [InlineData("""<userTask id="X" flowable:formFieldValidation="false" />""", "flowable:formFieldValidation=\"false\"")]
    public void A_flowable_attribute_with_no_camunda_meaning_is_refused_with_element_and_line(string element, string named)
    {
        var result = ReadWith("flowable", FlowableNamespace, element);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Errors, p => p.Message.StartsWith(named, StringComparison.Ordinal));
        Assert.Equal("X", problem.ElementId);
        Assert.Equal(5, problem.Line);
        Assert.Contains("no Camunda 7 equivalent", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flowable_extension_element_with_no_camunda_meaning_is_refused()
    {
        var result = ReadWith("flowable", FlowableNamespace, """
            <userTask id="X">
              <extensionElements><flowable:taskListener event="update" class="a.B" /><flowable:eventListener events="TASK_CREATED" class="a.B" /></extensionElements>
            </userTask>
            """);

        Assert.Contains(result.Errors, p => p.Message.StartsWith("flowable:eventListener in userTask 'X' has no Camunda 7 equivalent", StringComparison.Ordinal));
        Assert.Contains(result.Errors, p => p.Message.StartsWith("A camunda:taskListener on 'update' of 'X' is not supported yet", StringComparison.Ordinal));
    }

    [Fact]
    public void Form_properties_map_onto_the_form_model()
    {
        var process = SingleProcess(ReadWith("flowable", FlowableNamespace, """
            <userTask id="X">
              <extensionElements>
                <flowable:formProperty id="days" name="天数" type="long" required="true" />
                <flowable:formProperty id="reason" name="事由" default="${defaultReason}" />
                <flowable:formProperty id="kind" name="类别" type="enum">
                  <flowable:value id="annual" name="年假" />
                  <flowable:value id="sick" name="病假" />
                </flowable:formProperty>
                <flowable:formProperty id="applicant" name="申请人" writable="false" />
                <flowable:formProperty id="secret" readable="false" writable="false" />
              </extensionElements>
            </userTask>
            """));

        var fields = Node<UserTask>(process, "X").FormFields;
        Assert.Equal<string>(["days", "reason", "kind", "applicant"], fields.Select(f => f.Id));
        Assert.True(fields[0].IsRequired);
        Assert.Equal("long", fields[0].Type);
        Assert.Equal("string", fields[1].Type);
        Assert.Equal("${defaultReason}", fields[1].DefaultValue?.Text);
        Assert.Equal<string>(["annual", "sick"], fields[2].EnumValues.Select(v => v.Id));
        Assert.Equal("年假", fields[2].EnumValues[0].Name);
        Assert.True(fields[3].IsReadOnly);
        Assert.False(fields[3].IsRequired);
    }

    [Theory]
    [InlineData("""<camunda:formProperty id="days" expression="${leave.days + 1}" type="long" />""", "expression=\"${leave.days + 1}\" on a writable property is not supported (only an expression naming a variable or a property of one")]
    [InlineData("""<camunda:formProperty id="days" expression="${leave.getDays()}" type="long" />""", "on a writable property is not supported")]
    [InlineData("""<camunda:formProperty id="days" expression="${a}" variable="b" type="long" />""", "names two variables")]
    [InlineData("""<camunda:formProperty id="from" type="date" datePattern="EEE, dd MMM yyyy" />""", "the letters 'EEE' of the date pattern are not supported")]
    [InlineData("""<camunda:formProperty id="from" type="date" datePattern="HH:mm" />""", "a date pattern needs at least one of y, M and d")]
    [InlineData("""<camunda:formProperty id="from" type="date" datePattern="dd 'of MM yyyy" />""", "a quote in the date pattern is not closed")]
    public void A_form_property_written_through_a_bean_or_with_an_unreadable_date_pattern_is_refused(string property, string expected)
    {
        var result = ReadWith("camunda", CamundaNamespace, $"""
            <userTask id="X">
              <extensionElements>{property}</extensionElements>
            </userTask>
            """);

        var problem = Assert.Single(result.Errors);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_writable_expression_naming_one_variable_and_a_date_pattern_are_read()
    {
        var process = SingleProcess(ReadWith("activiti", ActivitiNamespace, """
            <userTask id="X">
              <extensionElements>
                <activiti:formProperty id="days" expression="#{numberOfDays}" type="long" />
                <activiti:formProperty id="from" type="date" datePattern="dd/MM/yyyy" />
                <activiti:formProperty id="visit" type="date" datePattern="yyyy年M月d日 HH:mm" />
                <activiti:formProperty id="approved" expression="${leave.approval.days}" type="long" />
              </extensionElements>
            </userTask>
            """));

        var fields = Node<UserTask>(process, "X").FormFields;
        Assert.Equal("numberOfDays", fields[0].Variable);
        Assert.Null(fields[0].ValueExpression);
        Assert.False(fields[0].IsReadOnly);
        Assert.Equal("dd/MM/yyyy", fields[1].DatePattern?.Pattern);
        Assert.False(fields[1].DatePattern!.HasTime);
        Assert.True(fields[2].DatePattern!.HasTime);
        Assert.Equal<string>(["leave", "approval", "days"], fields[3].WritePath);
        Assert.Null(fields[3].Variable);
    }

    [Fact]
    public void A_date_pattern_on_a_property_that_is_not_a_date_is_a_warning()
    {
        var result = ReadWith("camunda", CamundaNamespace, """
            <userTask id="X" camunda:assignee="a">
              <extensionElements><camunda:formProperty id="note" datePattern="dd/MM/yyyy" /></extensionElements>
            </userTask>
            """);

        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("datePattern has no effect on form property 'note'", warning.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(Node<UserTask>(SingleProcess(result), "X").FormFields).DatePattern);
    }

    [Fact]
    public void A_camunda_attribute_with_no_effect_where_it_stands_is_a_warning_and_the_process_deploys()
    {
        var result = ReadWith("camunda", CamundaNamespace, """<userTask id="X" camunda:expression="${ignored}" camunda:assignee="a" />""");

        var process = SingleProcess(result);
        Assert.Equal("a", Node<UserTask>(process, "X").Assignee?.Text);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("X", warning.ElementId);
        Assert.Equal(5, warning.Line);
        Assert.Equal("camunda:expression has no effect on userTask 'X' (Camunda 7 ignores it there too); it is deployed without it", warning.Message);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("""<exclusiveGateway id="X" camunda:assignee="a" />""", "assignee")]
    [InlineData("""<task id="X"><extensionElements><camunda:formData /></extensionElements></task>""", "formData")]
    [InlineData("""<serviceTask id="X" camunda:class="a.B" camunda:candidateGroups="g" />""", "candidateGroups")]
    public void Camunda_extensions_out_of_place_are_warnings(string element, string name)
    {
        var result = ReadWith("camunda", CamundaNamespace, element);

        Assert.True(result.Succeeded, Describe(result));
        Assert.Contains(result.Warnings, w => w.Message.StartsWith($"camunda:{name} has no effect on", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""<serviceTask id="X" camunda:class="a"><extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></extensionElements></serviceTask>""", "camunda:connector on serviceTask 'X' is not supported")]
    public void Camunda_extensions_camunda_reads_but_the_engine_does_not_implement_stay_errors(string element, string message)
    {
        var result = ReadWith("camunda", CamundaNamespace, element);

        var problem = HasProblem(result, message);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
    }

    [Fact]
    public void A_none_start_event_keeps_its_form_key_and_a_timer_start_with_one_is_refused()
    {
        var process = SingleProcess(BpmnReader.Read(Process("""
            <bpmn:startEvent id="S" camunda:formKey="embedded:app:forms/start.html" />
            <bpmn:sequenceFlow id="F" sourceRef="S" targetRef="E" />
            <bpmn:endEvent id="E" />
            """)));
        Assert.Equal("embedded:app:forms/start.html", Node<StartEvent>(process, "S").FormKey);

        var timer = BpmnReader.Read(Process("""
            <bpmn:startEvent id="S" camunda:formKey="embedded:app:forms/start.html"><bpmn:timerEventDefinition><bpmn:timeDate>2026-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:sequenceFlow id="F" sourceRef="S" targetRef="E" />
            <bpmn:endEvent id="E" />
            """));
        Assert.Contains(timer.Errors, p => p.ElementId == "S" && p.Message.Contains("only a none start event can have one", StringComparison.Ordinal));
    }
}
