using System.Diagnostics;
using System.Text;
using Anju.Workflows.Model;
using Anju.Workflows.Parsing;
using static Anju.Workflows.Tests.Parsing.BpmnTestDocuments;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>Hostile and broken input: the reader refuses it with a problem, fast, and without resolving anything.</summary>
public sealed class BpmnReaderSecurityTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    [Fact]
    public void Malformed_xml_is_one_problem_with_the_line()
    {
        var problem = SingleProblem(ReadFixture("BpmnReaderSecurityTests.Malformed.bpmn"));

        Assert.Null(problem.ElementId);
        Assert.Equal(6, problem.Line);
        Assert.StartsWith("The document is not well-formed XML: ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entity_is_refused_without_being_resolved()
    {
        var result = ReadFixture("BpmnReaderSecurityTests.ExternalEntity.bpmn");

        var problem = SingleProblem(result);
        Assert.Equal("DTDs are not allowed", problem.Message);
        Assert.Empty(result.Processes);
        Assert.DoesNotContain("root:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entity_in_a_string_is_refused_as_well()
    {
        var xml = FixtureText("BpmnReaderSecurityTests.ExternalEntity.bpmn");

        Assert.Equal("DTDs are not allowed", SingleProblem(BpmnReader.Read(xml)).Message);
    }

    [Fact]
    public void Billion_laughs_is_refused_quickly_without_expanding_entities()
    {
        var xml = FixtureText("BpmnReaderSecurityTests.BillionLaughs.bpmn");
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();

        var result = BpmnReader.Read(xml);

        watch.Stop();
        Assert.Equal("DTDs are not allowed", SingleProblem(result).Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(allocated < 5 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Fifty_megabyte_stream_is_refused_by_size_after_reading_no_more_than_the_limit()
    {
        using var stream = new GeneratedDocumentStream(FiftyMegabytes);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var result = BpmnReader.Read(stream);

        var problem = SingleProblem(result);
        Assert.Equal("The document is larger than 10 MB", problem.Message);
        Assert.Null(problem.ElementId);
        Assert.Empty(result.Processes);
        Assert.InRange(stream.BytesRead, BpmnReader.MaxDocumentBytes, BpmnReader.MaxDocumentBytes + 1);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(allocated < 4 * BpmnReader.MaxDocumentBytes, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Seekable_stream_over_the_limit_is_refused_before_reading()
    {
        using var stream = new GeneratedDocumentStream(FiftyMegabytes, seekable: true);

        var result = BpmnReader.Read(stream);

        Assert.Equal("The document is larger than 10 MB", SingleProblem(result).Message);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public void Document_of_exactly_the_limit_is_read_and_one_byte_more_is_refused()
    {
        using (var exact = new GeneratedDocumentStream(BpmnReader.MaxDocumentBytes))
        {
            Assert.Equal("P", SingleProcess(BpmnReader.Read(exact)).Key);
        }

        using var larger = new GeneratedDocumentStream(BpmnReader.MaxDocumentBytes + 1);
        Assert.Equal("The document is larger than 10 MB", SingleProblem(BpmnReader.Read(larger)).Message);
    }

    [Fact]
    public void String_over_the_limit_is_refused_by_its_utf8_size()
    {
        // 3.5 million CJK characters are 7 MB as UTF-16 but 10.5 MB as UTF-8.
        var xml = new StringBuilder()
            .Append("<bpmn:definitions xmlns:bpmn=\"").Append(ModelNamespace).Append("\"><!--")
            .Append('中', 3_500_000)
            .Append("--></bpmn:definitions>")
            .ToString();

        Assert.Equal("The document is larger than 10 MB", SingleProblem(BpmnReader.Read(xml)).Message);
    }

    [Theory]
    [InlineData("a", 500_000)]
    [InlineData("bpmn:subProcess", 200)]
    public void Deeply_nested_elements_are_refused_quickly_instead_of_overflowing_the_stack(string element, int depth)
    {
        // Half a million levels is 7 MB: under the size limit, and hours of work for XDocument if not stopped.
        var nested = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            nested.Append('<').Append(element).Append(element == "a" ? ">" : $" id=\"N{i}\">");
        }

        for (var i = 0; i < depth; i++)
        {
            nested.Append("</").Append(element).Append('>');
        }

        var xml = Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="N0">
              <bpmn:conditionExpression>{nested}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """);
        var watch = Stopwatch.StartNew();

        var problem = SingleProblem(BpmnReader.Read(xml));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal("The document nests elements more than 128 levels deep", problem.Message);
        Assert.True(problem.Line > 0);
    }

    [Fact]
    public void Large_legal_document_is_read_in_linear_time()
    {
        // 20,000 subprocesses in a chain (about 5 MB): anything quadratic in the number of nodes would take minutes.
        const int Count = 20_000;
        var body = new StringBuilder("""<bpmn:startEvent id="S0" />""");
        for (var i = 1; i <= Count; i++)
        {
            body.Append($"""<bpmn:subProcess id="N{i}"><bpmn:startEvent id="S{i}" /><bpmn:task id="T{i}" />""")
                .Append($"""<bpmn:sequenceFlow id="G{i}" sourceRef="S{i}" targetRef="T{i}" /></bpmn:subProcess>""")
                .Append($"""<bpmn:sequenceFlow id="F{i}" sourceRef="{(i == 1 ? "S0" : $"N{i - 1}")}" targetRef="N{i}" />""");
        }

        var xml = Process(body.ToString());
        var watch = Stopwatch.StartNew();

        var process = SingleProcess(BpmnReader.Read(xml));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal((Count * 3) + 1, process.Nodes.Count);
        Assert.Equal($"S{Count}", Assert.IsType<SubProcess>(process.Node($"N{Count}")).StartEventId);
    }

    [Fact]
    public void Invalid_encoding_is_a_problem_not_an_exception()
    {
        var bytes = Encoding.UTF8.GetBytes(Process("""<bpmn:startEvent id="S" name="é" />"""));
        var index = Array.IndexOf(bytes, (byte)0xC3);
        bytes[index + 1] = 0x28; // breaks the two-byte sequence of é
        using var stream = new MemoryStream(bytes);

        var problem = SingleProblem(BpmnReader.Read(stream));

        Assert.Null(problem.ElementId);
        Assert.StartsWith("The document is not", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_is_a_problem()
    {
        using var stream = new MemoryStream();

        Assert.StartsWith("The document is not well-formed XML", SingleProblem(BpmnReader.Read(stream)).Message, StringComparison.Ordinal);
        Assert.StartsWith("The document is not well-formed XML", SingleProblem(BpmnReader.Read(string.Empty)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_programmer_errors()
    {
        Assert.Throws<ArgumentNullException>(() => BpmnReader.Read((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => BpmnReader.Read((string)null!));
    }

    [Fact]
    public void The_caller_stream_is_left_open()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Process("")));

        BpmnReader.Read(stream);

        Assert.True(stream.CanRead);
    }
}
