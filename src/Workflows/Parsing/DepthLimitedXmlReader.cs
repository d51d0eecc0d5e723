using System.Xml;

namespace Anju.Workflows.Parsing;

/// <summary>
/// An <see cref="XmlReader"/> that fails as soon as elements nest deeper than a limit, delegating everything
/// else (including line information) to the reader it wraps.
/// </summary>
/// <remarks>
/// The depth has to be checked while reading, not afterwards: building an <c>XDocument</c> costs time
/// quadratic in the nesting depth (each added node walks up its ancestors), so a 10 MB chain of nested
/// elements would take hours to load; and reading element text or walking subprocesses on such a tree
/// recurses deep enough to overflow the stack, which cannot be caught.
/// </remarks>
internal sealed class DepthLimitedXmlReader(XmlReader inner, int maxDepth) : XmlReader, IXmlLineInfo
{
    /// <summary>True once an element deeper than the limit was met.</summary>
    public bool DepthExceeded { get; private set; }

    public override bool Read()
    {
        if (!inner.Read())
        {
            return false;
        }

        // Depth is 0 for the root element, so the root sits at level 1.
        if (inner.NodeType == XmlNodeType.Element && inner.Depth >= maxDepth)
        {
            DepthExceeded = true;
            throw new XmlException($"Elements are nested more than {maxDepth} levels deep.", null, LineNumber, LinePosition);
        }

        return true;
    }

    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override string LocalName => inner.LocalName;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNameTable NameTable => inner.NameTable;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override ReadState ReadState => inner.ReadState;
    public override string Value => inner.Value;
    public override XmlReaderSettings? Settings => inner.Settings;

    public int LineNumber => inner is IXmlLineInfo info ? info.LineNumber : 0;
    public int LinePosition => inner is IXmlLineInfo info ? info.LinePosition : 0;

    public bool HasLineInfo() => inner is IXmlLineInfo info && info.HasLineInfo();

    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
