using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Anju.Host.Features.Voting;

/// <summary>One question of a ballot: owners answer agree, disagree or abstain.</summary>
public sealed record BallotQuestion(string Id, string Text, Matter Matter)
{
    public const int MaxQuestions = 50;
    public const int MaxTextLength = 500;

    /// <summary>How ballots store questions, answers and results: camelCase, enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Serialize(IReadOnlyList<BallotQuestion> questions) => JsonSerializer.Serialize(questions, Json);

    public static IReadOnlyList<BallotQuestion> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<BallotQuestion>>(json, Json) ?? [];

    /// <summary>
    /// Reads the process variable ballotQuestions: a non-empty array of { id, text, matter } with distinct ids and
    /// matter "ordinary" or "major". Returns null and a reason when it is not.
    /// </summary>
    public static IReadOnlyList<BallotQuestion>? Read(JsonNode? node, out string? problem)
    {
        problem = null;
        if (node is not JsonArray array || array.Count == 0 || array.Count > MaxQuestions)
        {
            problem = $"ballotQuestions must be an array of 1 to {MaxQuestions} questions {{ id, text, matter }}.";
            return null;
        }

        var questions = new List<BallotQuestion>();
        foreach (var item in array)
        {
            var id = ReadText(item?["id"]);
            var text = ReadText(item?["text"]);
            var matter = ReadText(item?["matter"]) switch
            {
                "ordinary" => Matter.Ordinary,
                "major" => Matter.Major,
                _ => (Matter?)null,
            };
            if (id is null || id.Length > 50 || text is null || text.Length > MaxTextLength || matter is null)
            {
                problem = $"Each of ballotQuestions needs an id (at most 50 characters), a text (at most {MaxTextLength}) and a matter \"ordinary\" or \"major\": {item?.ToJsonString()}";
                return null;
            }

            if (questions.Exists(q => q.Id == id))
            {
                problem = $"ballotQuestions has the id '{id}' twice.";
                return null;
            }

            questions.Add(new BallotQuestion(id, text, matter.Value));
        }

        return questions;
    }

    private static string? ReadText(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
