using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Anju.Host.Features.Voting;

/// <summary>
/// One question of a ballot: owners answer agree, disagree or abstain. <see cref="Item"/> is the matter's item of
/// Civil Code art. 278 (1–9), from which the majority follows (<see cref="Art278"/>); questions of older models
/// carry only ordinary or major. <see cref="Candidates"/> lists the persons an election question (item 3) elects.
/// </summary>
public sealed record BallotQuestion(string Id, string Text, Matter Matter, int? Item = null, IReadOnlyList<string>? Candidates = null)
{
    public const int MaxQuestions = 50;
    public const int MaxTextLength = 500;
    public const int MaxCandidates = 50;
    public const int MaxCandidateLength = 100;

    /// <summary>How a list of candidates written as one text is split: 、，,;； and line breaks.</summary>
    private static readonly char[] CandidateSeparators = ['、', '，', ',', ';', '；', '\n', '\r'];

    /// <summary>How ballots store questions, answers and results: camelCase, enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Serialize(IReadOnlyList<BallotQuestion> questions) => JsonSerializer.Serialize(questions, Json);

    public static IReadOnlyList<BallotQuestion> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<BallotQuestion>>(json, Json) ?? [];

    /// <summary>
    /// Reads the process variable ballotQuestions: a non-empty array of { id, text, item, matter } with distinct ids,
    /// item the art. 278 item (1–9, a number or its text) and matter "ordinary" or "major"; at least one of the two,
    /// and when both, the matter the item needs. Returns null and a reason when it is not.
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
            var matterText = ReadText(item?["matter"]);
            var matter = matterText switch
            {
                "ordinary" => Matter.Ordinary,
                "major" => Matter.Major,
                _ => (Matter?)null,
            };
            var itemNode = item?["item"];
            int? article = null;
            if (itemNode is not null)
            {
                article = ReadItem(itemNode);
                if (article is null)
                {
                    problem = $"The item of a ballot question is the item of Civil Code art. 278, {Art278.FirstItem} to {Art278.LastItem}: {item?.ToJsonString()}";
                    return null;
                }

                var needed = Art278.MatterOf(article.Value);
                if (matterText is not null && matter != needed)
                {
                    problem = $"Art. 278 item {article} is {(needed == Matter.Major ? "a major" : "an ordinary")} matter, not \"{matterText}\": {item?.ToJsonString()}";
                    return null;
                }

                matter = needed;
            }

            if (id is null || id.Length > 50 || text is null || text.Length > MaxTextLength || matter is null)
            {
                problem = $"Each of ballotQuestions needs an id (at most 50 characters), a text (at most {MaxTextLength}) and an art. 278 item (1 to 9) or a matter \"ordinary\" or \"major\": {item?.ToJsonString()}";
                return null;
            }

            if (questions.Exists(q => q.Id == id))
            {
                problem = $"ballotQuestions has the id '{id}' twice.";
                return null;
            }

            var candidates = ReadCandidates(item?["candidates"], out var candidateProblem);
            if (candidateProblem is not null)
            {
                problem = candidateProblem;
                return null;
            }

            questions.Add(new BallotQuestion(id, text, matter.Value, article, candidates));
        }

        return questions;
    }

    /// <summary>
    /// The candidates of a question: an array of names or one text of names separated by 、，,; or line breaks
    /// (how a form field holds them). Null when the question has none.
    /// </summary>
    private static List<string>? ReadCandidates(JsonNode? node, out string? problem)
    {
        problem = null;
        if (node is null)
        {
            return null;
        }

        IEnumerable<string?> names = node switch
        {
            JsonArray array => array.Select(ReadText),
            JsonValue value when value.TryGetValue<string>(out var text) => text.Split(CandidateSeparators),
            _ => [null],
        };
        var list = names.Select(n => n?.Trim()).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).ToList();
        if (list.Count > MaxCandidates || list.Exists(n => n.Length > MaxCandidateLength) || node is not (JsonArray or JsonValue))
        {
            problem = $"The candidates of a ballot question are at most {MaxCandidates} names of at most {MaxCandidateLength} characters: {node.ToJsonString()}";
            return null;
        }

        return list.Count == 0 ? null : list;
    }

    private static int? ReadItem(JsonNode node)
    {
        var value = node is JsonValue v && v.TryGetValue<string>(out var text) ? text.Trim() : node.ToJsonString();
        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n is >= Art278.FirstItem and <= Art278.LastItem
                ? n
                : null;
    }

    private static string? ReadText(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
}
