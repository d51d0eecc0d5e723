using Anju.Host.Identity;
using Anju.Host.Requests;

namespace Anju.Host.Features.Registry;

/// <summary>
/// Reference data the procedures read: compounds (within the caller's jurisdiction), departments and violation
/// categories (any signed-in user); edits and their history are the administrators' (others get 403).
/// </summary>
public static class RegistryEndpoints
{
    public static RouteGroupBuilder MapRegistry(this RouteGroupBuilder api)
    {
        var registry = api.MapGroup("/registry").WithTags("Registry");
        registry.MapPost("/jurisdictions", JurisdictionNodes.Create).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();
        registry.MapPut("/jurisdictions/{**path}", JurisdictionNodes.Update).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();

        registry.MapGet("/compounds", Compounds.List);
        registry.MapGet("/compounds/{**path}", Compounds.Get);
        registry.MapPost("/compounds", Compounds.Create).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();
        registry.MapPut("/compounds/{**path}", Compounds.Update).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();

        registry.MapGet("/departments", Departments.List);
        registry.MapGet("/departments/{id}", Departments.Get);
        registry.MapPost("/departments", Departments.Create).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();
        registry.MapPut("/departments/{id}", Departments.Update).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();

        registry.MapGet("/violation-categories", ViolationCategories.List);
        registry.MapGet("/violation-categories/{id}", ViolationCategories.Get);
        registry.MapPost("/violation-categories", ViolationCategories.Create).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();
        registry.MapPut("/violation-categories/{id}", ViolationCategories.Update).RequireAuthorization(Policies.Admin).AddEndpointFilter<Idempotency>();

        registry.MapGet("/changes", ListChanges.Handle).RequireAuthorization(Policies.Admin);
        return api;
    }
}
