using Anju.Workflows.Model;
using Anju.Workflows.Parsing;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>
/// Who may start a process and with what (Camunda 7: candidateStarterGroups / candidateStarterUsers on the process,
/// camunda:formData on the none start event).
/// </summary>
public sealed class BpmnReaderStartTests
{
    private const string Ns = $"""xmlns:bpmn="{BpmnTestDocuments.ModelNamespace}" xmlns:camunda="{BpmnTestDocuments.CamundaNamespace}" """;

    private static BpmnParseResult Read(string processAttributes, string start) => BpmnReader.Read($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions {Ns} id="D" targetNamespace="t">
          <bpmn:message id="M" name="m" />
          <bpmn:process id="P" isExecutable="true" {processAttributes}>
            {start}
            <bpmn:sequenceFlow id="f" sourceRef="S" targetRef="E" />
            <bpmn:endEvent id="E" />
          </bpmn:process>
        </bpmn:definitions>
        """);

    [Fact]
    public void Candidate_starters_are_read_as_trimmed_distinct_names()
    {
        var result = Read("""camunda:candidateStarterGroups=" owner, community ,owner" camunda:candidateStarterUsers="admin.deputy" """, """<bpmn:startEvent id="S" />""");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        var process = Assert.Single(result.Processes);
        Assert.Equal<string>(["owner", "community"], process.CandidateStarterGroups);
        Assert.Equal<string>(["admin.deputy"], process.CandidateStarterUsers);
    }

    [Fact]
    public void A_process_without_starters_names_nobody()
    {
        var process = Assert.Single(Read("", """<bpmn:startEvent id="S" />""").Processes);

        Assert.Empty(process.CandidateStarterGroups);
        Assert.Empty(process.CandidateStarterUsers);
    }

    [Theory]
    [InlineData("candidateStarterGroups", "${groups}")]
    [InlineData("candidateStarterUsers", "#{users}")]
    public void Starters_given_as_an_expression_are_refused(string attribute, string value)
    {
        var result = Read($"""camunda:{attribute}="{value}" """, """<bpmn:startEvent id="S" />""");

        var problem = Assert.Single(result.Problems);
        Assert.Contains($"camunda:{attribute} of process 'P' must list names", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_none_start_event_reads_its_start_form_with_properties_and_the_double_type()
    {
        var result = Read("", """
            <bpmn:startEvent id="S"><bpmn:extensionElements><camunda:formData>
              <camunda:formField id="share" label="占比" type="double"><camunda:validation><camunda:constraint name="max" config="1" /></camunda:validation></camunda:formField>
              <camunda:formField id="owner" type="string"><camunda:properties><camunda:property id="onBehalfOf" value="community" /></camunda:properties></camunda:formField>
            </camunda:formData></bpmn:extensionElements></bpmn:startEvent>
            """);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        var start = (StartEvent)Assert.Single(result.Processes).Nodes["S"];
        Assert.Equal(["share", "owner"], start.FormFields.Select(f => f.Id));
        Assert.Equal("double", start.FormFields[0].Type);
        Assert.Equal("community", start.FormFields[1].Properties["onBehalfOf"]);
    }

    [Fact]
    public void A_start_form_on_a_message_start_event_is_refused()
    {
        var result = Read("", """
            <bpmn:startEvent id="S"><bpmn:extensionElements><camunda:formData><camunda:formField id="a" type="string" /></camunda:formData></bpmn:extensionElements>
              <bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent>
            """);

        Assert.Contains(result.Problems, p => p.Message.Contains("only a none start event can have one", StringComparison.Ordinal));
    }
}
