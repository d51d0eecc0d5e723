using System.Net;
using System.Xml.Linq;
using Anju.Definitions.Tests.Support;
using Anju.Workflows.Parsing;

namespace Anju.Definitions.Tests;

/// <summary>Every file in definitions/ parses, validates, carries a diagram and Chinese names, and is deployed at start-up.</summary>
public sealed class DefinitionFilesTests(OrdinaryWeekHost host) : IClassFixture<OrdinaryWeekHost>
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";

    public static readonly string[] Procedures =
    [
        "complaint-handling", "emergency-repair", "enforcement-referral", "committee-formation",
        "quarterly-assessment", "fund-normal-use", "rectification", "committee-supervision",
    ];

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Repository.Definitions, "*.bpmn").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_procedure_of_the_action_plan_has_its_file()
    {
        var keys = Directory.GetFiles(Repository.Definitions, "*.bpmn")
            .SelectMany(f => XDocument.Load(f).Descendants(Bpmn + "process"))
            .Select(p => (string?)p.Attribute("id"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(Procedures, key => Assert.True(keys.Contains(key), $"no process '{key}' in definitions/"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_parses_without_problems(string file)
    {
        using var stream = File.OpenRead(Path.Combine(Repository.Definitions, file));
        var result = BpmnReader.Read(stream);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems.Select(p => $"{p.ElementId} (line {p.Line}): {p.Message}")));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_flow_element_has_a_Chinese_name_and_a_shape_or_edge(string file)
    {
        var document = XDocument.Load(Path.Combine(Repository.Definitions, file), LoadOptions.SetLineInfo);
        var drawn = document.Descendants().Where(e => e.Name == BpmnDi + "BPMNShape" || e.Name == BpmnDi + "BPMNEdge")
            .Select(e => (string?)e.Attribute("bpmnElement")).ToHashSet(StringComparer.Ordinal);
        foreach (var process in document.Descendants(Bpmn + "process"))
        {
            foreach (var element in process.Descendants().Where(IsFlowElement))
            {
                var id = (string?)element.Attribute("id");
                Assert.True(drawn.Contains(id), $"{file}: {element.Name.LocalName} '{id}' has no shape or edge in the diagram");
                if (element.Name.LocalName != "sequenceFlow")
                {
                    var name = (string?)element.Attribute("name") ?? "";
                    Assert.True(name.Any(c => c >= '\u4e00' && c <= '\u9fff'), $"{file}: {element.Name.LocalName} '{id}' has no Chinese name");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_exclusive_gateway_is_drawn_with_its_marker(string file)
    {
        // Without isMarkerVisible bpmn-js draws an empty diamond, which reads as "some gateway" to an official,
        // and the designer adds the attribute on the first save.
        var document = XDocument.Load(Path.Combine(Repository.Definitions, file));
        var exclusive = document.Descendants(Bpmn + "exclusiveGateway").Select(e => (string?)e.Attribute("id")).ToHashSet(StringComparer.Ordinal);
        foreach (var shape in document.Descendants(BpmnDi + "BPMNShape").Where(s => exclusive.Contains((string?)s.Attribute("bpmnElement"))))
        {
            Assert.True((bool?)shape.Attribute("isMarkerVisible") == true, $"{file}: the shape of exclusive gateway '{(string?)shape.Attribute("bpmnElement")}' has no isMarkerVisible=\"true\"");
        }
    }

    [Fact]
    public async Task The_host_deployed_every_procedure_at_start_up()
    {
        using var admin = await host.As("admin");
        var response = await admin.GetAsync("/api/definitions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.All(Procedures, key => Assert.Contains($"\"{key}\"", body, StringComparison.Ordinal));
    }

    private static bool IsFlowElement(XElement element) =>
        element.Name.Namespace == Bpmn
        && element.Parent?.Name.LocalName is "process" or "subProcess"
        && element.Name.LocalName is not ("incoming" or "outgoing" or "laneSet" or "textAnnotation" or "association" or "dataObject" or "dataObjectReference" or "dataStoreReference" or "extensionElements" or "documentation" or "multiInstanceLoopCharacteristics" or "ioSpecification" or "property" or "group");
}
