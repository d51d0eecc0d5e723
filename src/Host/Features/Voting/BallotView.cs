using System.Text.Json;
using Anju.Host.Reference;

namespace Anju.Host.Features.Voting;

/// <summary>
/// A ballot as the API shows it; <see cref="MyVote"/> only ever carries the caller's own vote. <see cref="TurnoutArea"/>
/// is the exclusive area of the owners who have voted so far; <see cref="Documents"/> is filled on the single ballot
/// (GET /api/ballots/{id}) only, null in lists.
/// </summary>
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
    decimal TurnoutArea,
    DateTimeOffset? ClosedAt,
    string? ClosedBecause,
    bool CanVote,
    BallotView.VoteView? MyVote,
    Guid? InstanceId,
    IReadOnlyList<BallotDocument>? Documents = null)
{
    public sealed record QuestionView(string Id, string Text, string Matter, int? Item, IReadOnlyList<string> Candidates);

    public sealed record VoteView(IReadOnlyDictionary<string, string> Answers, DateTimeOffset CastAt, string Channel);

    public static BallotView From(
        Ballot ballot, string? compoundName, bool isElector, bool isAuditor, BallotVote? mine, decimal turnoutArea, bool withDocuments = false) => new(
        ballot.Id,
        ballot.CompoundPath,
        compoundName,
        ballot.Title,
        [.. BallotQuestion.Deserialize(ballot.Questions).Select(q => new QuestionView(q.Id, q.Text, MatterName(q.Matter), q.Item, q.Candidates ?? []))],
        Utc(ballot.OpensAt),
        Utc(ballot.ClosesAt),
        ballot.Status,
        ballot.EligibleHeadcount,
        ballot.EligibleArea,
        ballot.VotesCast,
        turnoutArea,
        ballot.ClosedAt is { } closed ? Utc(closed) : null,
        ballot.ClosedBecause,
        isElector && mine is null && ballot.Status == Ballot.Open,
        mine is null ? null : Vote(mine),
        isAuditor ? ballot.InstanceId : null,
        withDocuments ? BallotDocument.Deserialize(ballot.Documents) : null);

    public static VoteView Vote(BallotVote vote) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(vote.Answers)!, Utc(vote.CastAt), vote.Channel);

    public static string MatterName(Matter matter) => matter == Matter.Major ? "major" : "ordinary";

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
