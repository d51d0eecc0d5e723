using Anju.Host.Identity;
using Anju.Host.Requests;

namespace Anju.Host.Features.Definitions;

/// <summary>Deployed process definitions: readable by every signed-in user (the console shows them all).</summary>
public static class DefinitionsEndpoints
{
    public static RouteGroupBuilder MapDefinitions(this RouteGroupBuilder api)
    {
        var definitions = api.MapGroup("/definitions").WithTags("Definitions");
        definitions.MapGet("/", ListDefinitions.Handle);
        definitions.MapGet("/{key}", GetDefinition.Handle);
        definitions.MapGet("/{key}/xml", GetDefinitionXml.Handle);
        definitions.MapGet("/{key}/statistics", ActivityStatistics.Handle).RequireAuthorization(Policies.Supervisors);
        definitions.MapPost("/{key}/file-update/adopt", FileUpdateActions.Adopt).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();
        definitions.MapPost("/{key}/file-update/ignore", FileUpdateActions.Ignore).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();
        return api;
    }
}
