using System.Xml.Linq;
using Anju.Workflows.Parsing;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>
/// The reader never throws for bad input: every element and every attribute of the fixtures is removed or
/// garbled in turn, and each variant must still come back as a result.
/// </summary>
public sealed class BpmnReaderRobustnessTests
{
    public static TheoryData<string> Fixtures => new()
    {
        "BpmnReaderElementTests.AllElements.bpmn",
        "BpmnReaderRealWorldTests.CamundaModeler.bpmn",
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Removing_any_element_never_throws(string fixture)
    {
        var document = XDocument.Load(BpmnTestDocuments.FixturePath(fixture));
        var count = document.Root!.Descendants().Count();

        for (var i = 0; i < count; i++)
        {
            var copy = new XDocument(document);
            copy.Root!.Descendants().ElementAt(i).Remove();
            AssertReadable(copy);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Removing_or_garbling_any_attribute_never_throws(string fixture)
    {
        var document = XDocument.Load(BpmnTestDocuments.FixturePath(fixture));
        var count = document.Descendants().Attributes().Count(a => !a.IsNamespaceDeclaration);

        foreach (var replacement in new string?[] { null, "", " ", ":", "a:b", "${", "Task_Review" })
        {
            for (var i = 0; i < count; i++)
            {
                var copy = new XDocument(document);
                var attribute = copy.Descendants().Attributes().Where(a => !a.IsNamespaceDeclaration).ElementAt(i);
                if (replacement is null)
                {
                    attribute.Remove();
                }
                else
                {
                    attribute.Value = replacement;
                }

                AssertReadable(copy);
            }
        }
    }

    private static void AssertReadable(XDocument document)
    {
        var result = BpmnReader.Read(document.ToString());

        // Whatever was broken, the outcome is consistent: a result either succeeded or says why not.
        Assert.True(result.Succeeded ? !result.Processes.IsEmpty : !result.Problems.IsEmpty);
    }
}
