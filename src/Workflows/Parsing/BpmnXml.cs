using System.Xml;
using System.Xml.Linq;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Small accessors over <see cref="XElement"/> that encode the BPMN conventions once: BPMN attributes are
/// unqualified, Camunda attributes are qualified by URI, and references may be written as QNames.
/// </summary>
internal static class BpmnXml
{
    public static bool IsBpmn(this XElement element) => element.Name.Namespace == Namespaces.Model;

    public static bool IsCamunda(this XElement element) => element.Name.Namespace == Namespaces.Camunda;

    /// <summary>Child elements in the BPMN model namespace; anything else is another tool's business.</summary>
    public static IEnumerable<XElement> BpmnChildren(this XElement element) =>
        element.Elements().Where(IsBpmn);

    public static IEnumerable<XElement> BpmnChildren(this XElement element, string localName) =>
        element.Elements(Namespaces.Model + localName);

    public static XElement? BpmnChild(this XElement element, string localName) =>
        element.Element(Namespaces.Model + localName);

    /// <summary>The Camunda extension elements directly inside this element's extensionElements.</summary>
    public static IEnumerable<XElement> CamundaExtensions(this XElement element) =>
        element.BpmnChildren("extensionElements").Elements().Where(IsCamunda);

    public static IEnumerable<XElement> CamundaExtensions(this XElement element, string localName) =>
        element.BpmnChildren("extensionElements").Elements(Namespaces.Camunda + localName);

    /// <summary>
    /// The value of a camunda:property in the element's camunda:properties (the "extension properties" of
    /// Camunda Modeler and the bpmn-js properties panel); null when absent or blank.
    /// </summary>
    public static string? CamundaProperty(this XElement element, string name) =>
        Clean(element.CamundaExtensions("properties")
            .Elements(Namespaces.Camunda + "property")
            .FirstOrDefault(p => p.Attr("name") == name)?.Attribute("value")?.Value);

    /// <summary>An unqualified attribute, trimmed; null when absent or blank.</summary>
    public static string? Attr(this XElement element, string name) =>
        Clean(element.Attribute(name)?.Value);

    /// <summary>A camunda: attribute (matched by URI), trimmed; null when absent or blank.</summary>
    public static string? CamundaAttr(this XElement element, string name) =>
        Clean(element.Attribute(Namespaces.Camunda + name)?.Value);

    public static string? Id(this XElement element) => element.Attr("id");

    /// <summary>The element's text, trimmed; null when absent or blank.</summary>
    public static string? Text(this XElement? element) => Clean(element?.Value);

    public static ExpressionText? Expression(string? text) => text is null ? null : new ExpressionText(text);

    public static int Line(this XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    public static SourceLocation Location(this XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? new SourceLocation(info.LineNumber, info.LinePosition) : default;

    /// <summary>
    /// A reference such as messageRef, which the schema types as a QName: <c>tns:Message_1</c> names the id
    /// <c>Message_1</c> when <c>tns</c> is a bound prefix. Unbound "prefixes" are kept, since ids may not
    /// contain colons but sloppy tools write them anyway and the lookup should then simply fail.
    /// </summary>
    public static string ResolveReference(this XElement element, string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && element.GetNamespaceOfPrefix(reference[..colon]) is not null)
        {
            return reference[(colon + 1)..];
        }

        return reference;
    }

    /// <summary>The XML Schema boolean lexical forms, case-insensitively as Camunda reads them.</summary>
    public static bool? ParseBoolean(string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
