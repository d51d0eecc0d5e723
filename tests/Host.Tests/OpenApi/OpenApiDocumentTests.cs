using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.OpenApi;

/// <summary>
/// The console's API types are generated from a checked-in copy of /openapi/v1.json
/// (src/Designer/src/api/openapi.json). The document the Host serves must equal that copy, so that a change of the
/// API without regenerating the types fails here. <c>ANJU_WRITE_OPENAPI=1</c> writes the served document to the
/// copy instead (src/Designer/scripts/api-types.sh does that, then regenerates the TypeScript types).
/// The document does not depend on the database, so this class runs on SQLite only.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    /// <summary>The checked-in copy, relative to the repository root.</summary>
    public const string CopyPath = "src/Designer/src/api/openapi.json";

    [Fact]
    public async Task The_served_document_equals_the_checked_in_copy_the_console_types_are_generated_from()
    {
        var served = Normalized(await host.Anonymous().GetStringAsync("/openapi/v1.json"));
        var copy = Path.Combine(RepositoryRoot(), CopyPath);
        if (Environment.GetEnvironmentVariable("ANJU_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(copy, served);
        }

        Assert.True(File.Exists(copy), $"{CopyPath} is missing: run src/Designer/scripts/api-types.sh.");
        var expected = await File.ReadAllTextAsync(copy);
        Assert.True(
            expected == served,
            $"/openapi/v1.json differs from {CopyPath}: the API changed; run src/Designer/scripts/api-types.sh "
            + "(npm run api:generate in src/Designer) and commit the document and src/Designer/src/api/schema.d.ts.");
    }

    /// <summary>
    /// The document as checked in: indented, Chinese and punctuation unescaped (readable diffs; it is a file, not
    /// HTML), LF line ends, one final newline, without <c>servers</c> (the address the test host answered on says
    /// nothing about the API).
    /// </summary>
    private static string Normalized(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        document.Remove("servers");
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Anju.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Anju.slnx above {AppContext.BaseDirectory}.");
    }
}
