using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Anju.Workflows.Deployment;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML (as written by Camunda Modeler, bpmn-js and other tools) into executable
/// <see cref="Model.ProcessDefinition"/>s.
/// </summary>
/// <remarks>
/// Documents come from users, so the XML layer is hardened first: no DTD (which rules out external entities
/// and entity expansion bombs), no resolver, and a byte limit enforced while reading. Everything wrong with the
/// input is returned as a <see cref="BpmnProblem"/>; only programmer errors (a null argument) throw.
/// </remarks>
public static class BpmnReader
{
    /// <summary>The largest document accepted, in bytes (10 MB); real diagrams are well under 1 MB.</summary>
    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    internal const string TooLargeMessage = "The document is larger than 10 MB";
    internal const string DtdMessage = "DTDs are not allowed";

    /// <summary>
    /// How deeply elements may nest. Real diagrams stay far below (a form constraint inside a nested
    /// subprocess is about 15 levels); see <see cref="DepthLimitedXmlReader"/> for why there is a limit.
    /// </summary>
    internal const int MaxElementDepth = 128;

    /// <summary>Reads a BPMN document from a stream; the stream is read but neither closed nor disposed.</summary>
    public static BpmnParseResult Read(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);

        // A seekable stream tells its size up front, which saves reading 10 MB only to refuse it.
        if (xml.CanSeek && xml.Length - xml.Position > MaxDocumentBytes)
        {
            return TooLarge();
        }

        using var limited = new LimitedStream(xml, MaxDocumentBytes);
        return Load(() => XmlReader.Create(limited, CreateSettings()), limited);
    }

    /// <summary>Reads a BPMN document held in a string; the size limit applies to its UTF-8 encoding.</summary>
    public static BpmnParseResult Read(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);

        // Counting is a scan without allocation, so a huge string is refused before any parsing.
        if (Encoding.UTF8.GetByteCount(xml) > MaxDocumentBytes)
        {
            return TooLarge();
        }

        using var text = new StringReader(xml);
        return Load(() => XmlReader.Create(text, CreateSettings()), limited: null);
    }

    private static XmlReaderSettings CreateSettings() => new()
    {
        // Prohibit (not Ignore) so that a DOCTYPE is reported instead of silently skipped: it is always either
        // a mistake or an attack (external entities, billion laughs).
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxDocumentBytes,

        // 0 would mean "unlimited" to XmlReaderSettings; 1 is the smallest real bound. Without a DTD no general
        // entity can be declared anyway; predefined entities and character references are not counted.
        MaxCharactersFromEntities = 1,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static BpmnParseResult Load(Func<XmlReader> createReader, LimitedStream? limited)
    {
        XDocument document;
        DepthLimitedXmlReader? depthLimited = null;
        try
        {
            // XmlReader.Create already reads the first block to detect the encoding, so it may throw too.
            using var reader = new DepthLimitedXmlReader(createReader(), MaxElementDepth);
            depthLimited = reader;
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException) when (limited is { LimitExceeded: true })
        {
            return TooLarge();
        }
        catch (XmlException ex) when (depthLimited is { DepthExceeded: true })
        {
            return BpmnParseResult.Failure($"The document nests elements more than {MaxElementDepth} levels deep", ex.LineNumber,
                ProblemCodes.DocumentTooDeep, MaxElementDepth.ToString(CultureInfo.InvariantCulture));
        }
        catch (XmlException ex) when (ex.Message.Contains(nameof(XmlReaderSettings.DtdProcessing), StringComparison.Ordinal))
        {
            // The runtime has no dedicated exception type for a prohibited DTD; its message names the setting.
            return BpmnParseResult.Failure(DtdMessage, ex.LineNumber, ProblemCodes.DocumentDtd);
        }
        catch (XmlException ex) when (ex.Message.Contains(nameof(XmlReaderSettings.MaxCharactersInDocument), StringComparison.Ordinal))
        {
            return TooLarge();
        }
        catch (XmlException ex)
        {
            return BpmnParseResult.Failure($"The document is not well-formed XML: {ex.Message}", ex.LineNumber, ProblemCodes.DocumentNotWellFormed,
                ex.LineNumber.ToString(CultureInfo.InvariantCulture), ex.LinePosition.ToString(CultureInfo.InvariantCulture));
        }
        catch (DecoderFallbackException ex)
        {
            return BpmnParseResult.Failure($"The document is not correctly encoded: {ex.Message}", 0, ProblemCodes.DocumentEncoding);
        }

        // A document cut at the limit may still end on a complete root element (trailing whitespace).
        if (limited is { LimitExceeded: true })
        {
            return TooLarge();
        }

        return DefinitionsReader.Read(document);
    }

    private static BpmnParseResult TooLarge() =>
        BpmnParseResult.Failure(TooLargeMessage, 0, ProblemCodes.DocumentTooLarge, string.Create(CultureInfo.InvariantCulture, $"{MaxDocumentBytes / (1024 * 1024)} MB"));
}
