using System.Text.Json;
using System.Text.Json.Nodes;

namespace Anju.Host.Features.Voting;

/// <summary>
/// A document a ballot carries for the owners to read before voting (the draft rules of procedure, the draft
/// management statute ...): a title and its text, copied from the process when the ballot opens, so that what the
/// owners voted on stays with the ballot. Optional: <c>documents</c> / <c>ballotDocuments</c> of <see cref="OpenBallot"/>.
/// </summary>
public sealed record BallotDocument(string Title, string Text)
{
    public const int MaxDocuments = 10;
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 20_000;

    public static string? Serialize(IReadOnlyList<BallotDocument> documents) =>
        documents.Count == 0 ? null : JsonSerializer.Serialize(documents, BallotQuestion.Json);

    public static IReadOnlyList<BallotDocument> Deserialize(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<BallotDocument>>(json, BallotQuestion.Json) ?? [];

    /// <summary>
    /// Reads <c>[{ title, text }]</c>, where instead of <c>text</c> an item may name the process variable holding it
    /// (<c>from</c>), read through <paramref name="variable"/>. Null and a reason when it is not such a list.
    /// </summary>
    public static IReadOnlyList<BallotDocument>? Read(JsonNode? node, Func<string, JsonNode?> variable, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(variable);
        problem = null;
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array || array.Count > MaxDocuments)
        {
            problem = $"A ballot's documents are an array of at most {MaxDocuments} items {{ title, text }} or {{ title, from }}.";
            return null;
        }

        var documents = new List<BallotDocument>();
        foreach (var item in array)
        {
            var title = ReadText(item?["title"]);
            var from = ReadText(item?["from"]);
            var text = from is null ? ReadText(item?["text"]) : ReadText(variable(from));
            if (title is null || title.Length > MaxTitleLength || text is null || text.Length > MaxTextLength)
            {
                problem = from is not null && text is null
                    ? $"The ballot document '{title}' is read from the variable '{from}', which holds no text."
                    : $"Each ballot document needs a title (at most {MaxTitleLength} characters) and a text (at most {MaxTextLength}), or a variable holding it (from): {item?.ToJsonString()}";
                return null;
            }

            documents.Add(new BallotDocument(title, text));
        }

        return documents;
    }

    private static string? ReadText(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
