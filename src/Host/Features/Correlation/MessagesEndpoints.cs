using Anju.Host.Identity;
using Anju.Host.Requests;

// Not a folder named Messages: that namespace would hide Problems.Messages in every feature.
namespace Anju.Host.Features.Correlation;

public static class MessagesEndpoints
{
    /// <summary>
    /// Messages come from systems (the 12345 hotline bridge, payment notices), not from people: administrators
    /// and workers only. A message may resume instances anywhere, so a jurisdiction-bound user may not send one.
    /// </summary>
    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder api)
    {
        api.MapPost("/messages", CorrelateMessage.Handle)
            .RequireAuthorization(Policies.Workers)
            .AddEndpointFilter<Idempotency>()
            .WithTags("Messages");

        // A signal may wake instances in many places at once: administrators only, narrowed by jurisdiction.
        api.MapPost("/signals", BroadcastSignal.Handle)
            .RequireAuthorization(Policies.Admin)
            .AddEndpointFilter<Idempotency>()
            .WithTags("Messages");

        // Conditional start events of any process may start: administrators only, like signals.
        api.MapPost("/conditions", EvaluateConditions.Handle)
            .RequireAuthorization(Policies.Admin)
            .AddEndpointFilter<Idempotency>()
            .WithTags("Messages");
        return api;
    }
}
