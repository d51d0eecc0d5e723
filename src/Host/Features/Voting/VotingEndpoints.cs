using Anju.Host.Identity;

namespace Anju.Host.Features.Voting;

/// <summary>
/// Owners' voting (业主大会表决): the owners' register per compound, ballots, votes, the audit of votes and the
/// result. Ballots are opened by processes (service task openBallot), never through the API.
/// </summary>
public static class VotingEndpoints
{
    public static RouteGroupBuilder MapVoting(this RouteGroupBuilder api)
    {
        // {compound} is the node id ("binjiang-garden") or its path with the slashes encoded as %2F.
        var units = api.MapGroup("/compounds").WithTags("Voting")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.StreetOffice));
        units.MapGet("/{compound}/units", CompoundUnits.List);
        units.MapPost("/{compound}/units", CompoundUnits.Add).AddEndpointFilter<Idempotency>();

        var ballots = api.MapGroup("/ballots").WithTags("Voting");
        ballots.MapGet("/", ListBallots.Handle);
        ballots.MapGet("/{id:guid}", GetBallot.Handle);
        ballots.MapPost("/{id:guid}/votes", CastVote.Handle).AddEndpointFilter<Idempotency>();
        ballots.MapGet("/{id:guid}/votes", AuditVotes.Handle);
        ballots.MapGet("/{id:guid}/result", GetBallotResult.Handle);
        return api;
    }
}
