using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Voting;

/// <summary>Opens ballots through a small process (openBallot → wait for ballot-closed → decide) and votes.</summary>
internal static class VotingApi
{
    public const string Fixture = "Features/Voting/BallotTests.Vote.bpmn";

    /// <summary>Starts the fixture in <paramref name="compound"/>; returns the instance view (variables hold ballotId).</summary>
    public static async Task<JsonObject> StartVoteAsync(this HttpClient admin, string compound, object variables)
    {
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync(Fixture, suffix);
        return await admin.StartAsync($"vote-{suffix}", new { jurisdiction = compound, variables });
    }

    public static object OneQuestion(string matter = "ordinary", int days = 5) => new
    {
        ballotTitle = "选聘新物业服务企业",
        ballotQuestions = new[] { new { id = "q1", text = "同意选聘江阴安居物业？", matter } },
        ballotDays = days,
    };

    public static string BallotId(this JsonObject instance) => instance["variables"]!["ballotId"]!.GetValue<string>();

    public static Task<HttpResponseMessage> VoteAsync(this HttpClient owner, string ballotId, object answers) =>
        owner.PostAsJsonAsync($"/api/ballots/{ballotId}/votes", new { answers });

    public static async Task<JsonObject> InstanceAsync(this HttpClient admin, JsonObject instance) =>
        (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instance["id"]}"))!;
}
