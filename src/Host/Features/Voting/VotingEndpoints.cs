using Anju.Host.Identity;
using Anju.Host.Requests;

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
        // The community reads the register of its compounds (it enters paper votes against it); the street office and
        // administrators keep it.
        api.MapGet("/compounds/{compound}/units", CompoundUnits.List).WithTags("Voting").Produces<CompoundUnits.Register>()
            .RequireAuthorization(Policies.RegisterReaders);
        var units = api.MapGroup("/compounds").WithTags("Voting")
            .RequireAuthorization(Policies.RegisterKeepers);
        units.MapPost("/{compound}/units", CompoundUnits.Add).AddEndpointFilter<Idempotency>().Produces<CompoundUnits.UnitView>(StatusCodes.Status201Created);
        units.MapPut("/{compound}/units/{id:guid}", CompoundUnits.Update).AddEndpointFilter<Idempotency>().Produces<CompoundUnits.UnitView>();
        units.MapDelete("/{compound}/units/{id:guid}", CompoundUnits.Delete).AddEndpointFilter<Idempotency>().Produces(StatusCodes.Status204NoContent);

        // Only the street office confirms that a register differing from the registry may serve as a ballot's base.
        api.MapPost("/compounds/{compound}/register/confirmation", CompoundUnits.Confirm).WithTags("Voting")
            .Produces<CompoundUnits.ConfirmationView>(StatusCodes.Status201Created)
            .RequireAuthorization(Policies.StreetOffice).AddEndpointFilter<Idempotency>();

        var ballots = api.MapGroup("/ballots").WithTags("Voting");
        ballots.MapGet("/", ListBallots.Handle).Produces<List<BallotView>>();
        ballots.MapGet("/{id:guid}", GetBallot.Handle).Produces<BallotView>();
        ballots.MapPost("/{id:guid}/votes", CastVote.Handle).AddEndpointFilter<Idempotency>().Produces<CastVote.Response>(StatusCodes.Status201Created);
        ballots.MapGet("/{id:guid}/votes", AuditVotes.Handle).Produces<AuditVotes.Response>();
        ballots.MapGet("/{id:guid}/result", GetBallotResult.Handle);
        ballots.MapGet("/{id:guid}/electors", PaperVotes.Electors).Produces<List<PaperVotes.ElectorRow>>();

        // Paper and proxy votes: entered by community and street office staff, with the scanned paper.
        var staff = api.MapGroup("/ballots").WithTags("Voting").RequireAuthorization(Policies.PaperVoteStaff);
        staff.MapPost("/{id:guid}/scans", PaperVotes.UploadScan).AddEndpointFilter<Idempotency>().DisableAntiforgery().WithAttachmentBodyLimit();
        staff.MapPost("/{id:guid}/paper-votes", PaperVotes.Enter).AddEndpointFilter<Idempotency>().Produces<PaperVotes.Response>(StatusCodes.Status201Created);
        return api;
    }
}
