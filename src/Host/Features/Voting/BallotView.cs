using System.Text.Json;

namespace Anju.Host.Features.Voting;

/// <summary>A ballot as the API shows it; <see cref="MyVote"/> only ever carries the caller's own vote.</summary>
public sealed record BallotView(
    Guid Id,
    string Compound,
    string? CompoundName,
    string Title,
    IReadOnlyList<BallotView.QuestionView> Questions,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    string Status,
    int EligibleHeadcount,
    decimal EligibleArea,
    int VotesCast,
    DateTimeOffset? ClosedAt,
    string? ClosedBecause,
    bool CanVote,
    BallotView.VoteView? MyVote,
    Guid? InstanceId)
{
    public sealed record QuestionView(string Id, string Text, string Matter, int? Item);

    public sealed record VoteView(IReadOnlyDictionary<string, string> Answers, DateTimeOffset CastAt, string Channel);

    public static BallotView From(Ballot ballot, string? compoundName, bool isElector, bool isAuditor, BallotVote? mine) => new(
        ballot.Id,
        ballot.CompoundPath,
        compoundName,
        ballot.Title,
        [.. BallotQuestion.Deserialize(ballot.Questions).Select(q => new QuestionView(q.Id, q.Text, MatterName(q.Matter), q.Item))],
        Utc(ballot.OpensAt),
        Utc(ballot.ClosesAt),
        ballot.Status,
        ballot.EligibleHeadcount,
        ballot.EligibleArea,
        ballot.VotesCast,
        ballot.ClosedAt is { } closed ? Utc(closed) : null,
        ballot.ClosedBecause,
        isElector && mine is null && ballot.Status == Ballot.Open,
        mine is null ? null : Vote(mine),
        isAuditor ? ballot.InstanceId : null);

    public static VoteView Vote(BallotVote vote) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(vote.Answers)!, Utc(vote.CastAt), vote.Channel);

    public static string MatterName(Matter matter) => matter == Matter.Major ? "major" : "ordinary";

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
