namespace Anju.Host.Features.Voting;

/// <summary>
/// Counts a closed ballot as Civil Code art. 278 and docs/procedures.md say: the vote is valid when
/// the owners taking part hold at least 2/3 of the exclusive floor area <em>and</em> are at least 2/3 of the
/// owners by headcount; an ordinary matter then passes with more than 1/2 of the participating area and of the
/// participating owners, a major one with at least 3/4 of both. An owner counts once by headcount however many
/// units they hold; their area is the sum of their units'. Every comparison is a cross-multiplication of exact
/// decimals, so "exactly 2/3" is exactly 2/3.
/// </summary>
public static class BallotTally
{
    /// <summary>An owner entitled to vote, with the total exclusive area of their units in the compound.</summary>
    public sealed record Elector(string Owner, decimal Area);

    /// <summary>One owner's ballot: an answer per question id.</summary>
    public sealed record Vote(string Owner, IReadOnlyDictionary<string, Answer> Answers);

    public sealed record Question(string Id, Matter Matter);

    public sealed record QuestionResult(
        string Id,
        Matter Matter,
        bool Approved,
        decimal AgreeArea,
        int AgreeHeadcount,
        decimal DisagreeArea,
        int DisagreeHeadcount,
        decimal AbstainArea,
        int AbstainHeadcount);

    public sealed record Result(
        decimal EligibleArea,
        int EligibleHeadcount,
        decimal TurnoutArea,
        int TurnoutHeadcount,
        bool Quorum,
        IReadOnlyList<QuestionResult> Questions)
    {
        /// <summary>The ballot decided: quorum reached and every question approved.</summary>
        public bool Approved => Quorum && Questions.All(q => q.Approved);
    }

    /// <summary>Counts <paramref name="votes"/>; votes of owners who are not electors, and repeated votes, are ignored.</summary>
    public static Result Count(IReadOnlyList<Elector> electors, IReadOnlyList<Question> questions, IReadOnlyList<Vote> votes)
    {
        ArgumentNullException.ThrowIfNull(electors);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(votes);

        // One entry per owner, whatever the caller passed: headcount is owners, not units.
        var areaByOwner = electors.GroupBy(e => e.Owner, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Area), StringComparer.Ordinal);
        var counted = votes.Where(v => areaByOwner.ContainsKey(v.Owner))
            .GroupBy(v => v.Owner, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();

        var eligibleArea = areaByOwner.Values.Sum();
        var eligibleHeadcount = areaByOwner.Count;
        var turnoutArea = counted.Sum(v => areaByOwner[v.Owner]);
        var turnoutHeadcount = counted.Count;
        var quorum = AtLeast(turnoutArea, eligibleArea, 2, 3) && AtLeast(turnoutHeadcount, eligibleHeadcount, 2, 3);

        var results = new List<QuestionResult>(questions.Count);
        foreach (var question in questions)
        {
            var (agreeArea, agreeHeads) = Sum(counted, areaByOwner, question.Id, Answer.Agree);
            var (disagreeArea, disagreeHeads) = Sum(counted, areaByOwner, question.Id, Answer.Disagree);
            var (abstainArea, abstainHeads) = Sum(counted, areaByOwner, question.Id, Answer.Abstain);
            var passes = question.Matter == Matter.Major
                ? AtLeast(agreeArea, turnoutArea, 3, 4) && AtLeast(agreeHeads, turnoutHeadcount, 3, 4)
                : MoreThanHalf(agreeArea, turnoutArea) && MoreThanHalf(agreeHeads, turnoutHeadcount);
            results.Add(new QuestionResult(
                question.Id, question.Matter, quorum && passes,
                agreeArea, agreeHeads, disagreeArea, disagreeHeads, abstainArea, abstainHeads));
        }

        return new Result(eligibleArea, eligibleHeadcount, turnoutArea, turnoutHeadcount, quorum, results);
    }

    /// <summary>part / whole ≥ numerator / denominator, without dividing. Nothing of nothing is not a share.</summary>
    public static bool AtLeast(decimal part, decimal whole, int numerator, int denominator) =>
        whole > 0 && part * denominator >= whole * numerator;

    /// <summary>part / whole &gt; 1/2 (过半数: strictly more than half).</summary>
    public static bool MoreThanHalf(decimal part, decimal whole) => whole > 0 && part * 2 > whole;

    private static (decimal Area, int Headcount) Sum(List<Vote> votes, Dictionary<string, decimal> areaByOwner, string questionId, Answer answer)
    {
        var area = 0m;
        var heads = 0;
        foreach (var vote in votes)
        {
            if (vote.Answers.TryGetValue(questionId, out var given) && given == answer)
            {
                area += areaByOwner[vote.Owner];
                heads++;
            }
        }

        return (area, heads);
    }
}
